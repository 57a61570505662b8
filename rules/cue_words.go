package rules

import "strings"

// The negation, hedge and reporting-verb lists are also read outside the relation
// engine: the candidate-pair model of package extract uses them as
// features of a sentence (extract/pairfeatures.go). They are handed out as
// lower-cased phrases, so a user pack that redefines a list changes the
// model's cues too, and no second copy of the words exists.

// cueWords keeps the items of the cue lists, lower-cased, in pack order.
type cueWords struct{ negations, hedges, reporting []string }

func (c *compiler) keepCueWords(lists map[string]*listSpec) {
	read := func(name string) []string {
		l, ok := lists[name]
		if !ok {
			return nil
		}
		out := make([]string, 0, len(l.items))
		for _, it := range l.items {
			out = append(out, strings.ToLower(it.s))
		}
		return out
	}
	c.p.cueWords = cueWords{negations: read(listNegations), hedges: read(listHedges), reporting: read(listReportingVerbs)}
}

// listReportingVerbs names the pack list of verbs that report what
// someone else did ("said", "assessed").
const listReportingVerbs = "rel_reporting_verbs"

// ReportingVerbs returns the words of the pack list rel_reporting_verbs,
// lower-cased ("said", "assessed", "wrote").
func (p *Pack) ReportingVerbs() []string {
	return append([]string(nil), p.cueWords.reporting...)
}

// RelationCueWords returns the phrases of the pack lists relation_negations
// and relation_hedges, lower-cased ("not", "no evidence"; "likely",
// "assessed with moderate confidence").
func (p *Pack) RelationCueWords() (negations, hedges []string) {
	return append([]string(nil), p.cueWords.negations...), append([]string(nil), p.cueWords.hedges...)
}
