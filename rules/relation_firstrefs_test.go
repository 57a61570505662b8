package rules

import "testing"

// The compact table the relation stage skips tries by must say of every
// rule what the rule says of itself: a stale anchored flag or index would
// skip a rule where its anchor occurs, and lose its relations silently.
func TestRelFirstRefsMatchRules(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	entries := 0
	for w, v := range p.vocab {
		if len(v.relFirstRefs) != len(v.relFirsts) {
			t.Fatalf("%q: %d refs for %d rules", w, len(v.relFirstRefs), len(v.relFirsts))
		}
		for k, r := range v.relFirsts {
			if ref := v.relFirstRefs[k]; ref.idx != r.idx || ref.anchored != r.anchored {
				t.Errorf("%q: ref %+v for rule %s (idx %d, anchored %v)", w, ref, r.id, r.idx, r.anchored)
			}
		}
		if len(v.relFirsts) > 0 {
			entries++
		}
	}
	if entries == 0 {
		t.Fatal("no token starts a relation rule's first phrase: nothing compared")
	}
}

// The pattern stage's table of anchored rules says of every rule what the
// rule says: a rule marked anchored by mistake would be skipped in every
// sentence without its anchor word, and lose its mentions silently.
func TestRuleAnchoredTableMatchesRules(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.ruleAnchored) != len(p.rules) {
		t.Fatalf("%d entries for %d rules", len(p.ruleAnchored), len(p.rules))
	}
	anchored := 0
	for i, r := range p.rules {
		if p.ruleAnchored[i] != r.anchored || r.idx != int32(i) {
			t.Errorf("rule %s (idx %d) at %d: table says anchored %v, rule %v", r.id, r.idx, i, p.ruleAnchored[i], r.anchored)
		}
		if r.anchored {
			anchored++
		}
	}
	if anchored == 0 || anchored == len(p.rules) {
		t.Fatalf("%d of %d rules anchored: nothing compared", anchored, len(p.rules))
	}
}
