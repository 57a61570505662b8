package rules

import "github.com/reportgraph/extractor"

// unnamedAuthorNear reports whether sentence si or the one before says a
// source left an actor it names unnamed: "blamed Operation X on an
// Iranian crew without naming Kestrel Bear" or "without using the Kestrel
// Bear name" withholds the campaign from the report's actor. The same words before anything else ("the vendor
// said without naming the victims") withhold nothing; the actor nouns
// ("without naming the group") are phrases of the rule's not_cues.
func (d *docState) unnamedAuthorNear(si int) bool {
	for s := si; s >= 0 && s >= si-1; s-- {
		lo, hi := d.sentLo[s], d.sentLo[s+1]
		for t := lo; t+2 < hi; t++ {
			if !unnamedAuthorWords[d.fold[t]] || !unnamedAuthorVerbs[d.fold[t+1]] {
				continue
			}
			u := t + 2
			if d.fold[u] == "the" && u+1 < hi {
				u++ // "without using the Kestrel Bear name"
			}
			if k := d.startM[u]; k >= 0 && d.acc[k].typ == extractor.ThreatActor {
				return true
			}
		}
	}
	return false
}

// unnamedAuthorWords open "without naming X" (also a rewriter's "with out
// naming": "out" is the word before the verb there); unnamedAuthorVerbs
// are the verbs of "without naming X", "without using the X name" (and a
// rewriter's "utilizing").
var (
	unnamedAuthorWords = map[string]bool{"without": true, "out": true}
	unnamedAuthorVerbs = map[string]bool{"naming": true, "using": true, "utilizing": true, "utilising": true}
)
