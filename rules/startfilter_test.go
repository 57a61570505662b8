package rules

import "testing"

// The start filter lets a scanning rule skip tokens without calling
// canStart; it must never reject a token canStart accepts.
func TestStartFilterNeverRejectsAStart(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	text := ctiText(100000) + " Alexei Ivanov, a senior analyst at Example Labs, said APT 28 and Storm-0558 used it."
	d := &docState{}
	d.init(p, text, an.Analyze(text), an, nil)
	d.splitCompounds()
	d.matchGazetteers(0, len(d.tokText))
	d.matchRegexes()
	d.resolve()
	var rules []*rule
	for _, r := range p.rules {
		if len(r.nodes) > 0 {
			rules = append(rules, r)
		}
	}
	starts, skipped := 0, 0
	for _, r := range rules {
		for si := range d.sents {
			lo, hi := d.sentLo[si], d.sentLo[si+1]
			for i := lo; i < hi; i++ {
				ok := canStart(d, r.nodes, i, hi)
				if ok {
					starts++
				}
				if !r.start.allows(d, i) {
					skipped++
					if ok {
						t.Fatalf("rule %s: filter rejects token %d %q, where canStart accepts", r.id, i, d.tokText[i])
					}
				}
			}
		}
	}
	if starts == 0 || skipped < starts {
		t.Errorf("%d starts, %d tokens skipped: the filter should skip most tokens", starts, skipped)
	}
	t.Logf("%d starts, %d of %d (rule, token) pairs skipped", starts, skipped, len(rules)*len(d.tokText))
}
