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
