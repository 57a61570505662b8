package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// A country lies in a region of the world, never in a town or a province:
// "Japan -located-in-> New York" can only come from a misread phrase (a
// rewriter's "the Japanese District of New York" for a court's "Eastern
// District"). The check is on the mentions' own rules: a country of the
// location gazetteer (countryRules) is no source of a located-in whose
// target is a city or a subnational place of that gazetteer.

// townRules are the gazetteer rules of places smaller than a country.
var townRules = map[string]bool{"gaz.location.city": true, "gaz.location.subnational": true}

// dropCountryInTown removes the located-in matches of out whose source is a
// country mention and whose target is a city or subnational mention.
func (d *docState) dropCountryInTown(out []RelationMatch) []RelationMatch {
	k := 0
	for _, m := range out {
		if m.Type == "located-in" && d.mentionRuleIs(m.Source, func(id string) bool { return strings.HasPrefix(id, countryRules) }) &&
			d.mentionRuleIs(m.Target, func(id string) bool { return townRules[id] }) {
			continue
		}
		out[k] = m
		k++
	}
	return out[:k]
}

// mentionRuleIs reports whether the mention at sp is a location whose
// rule's id satisfies ok.
func (d *docState) mentionRuleIs(sp extractor.Span, ok func(string) bool) bool {
	i := d.accAt(sp)
	if i < 0 || d.acc[i].typ != extractor.Location || d.acc[i].rule < 0 || int(d.acc[i].rule) >= len(d.p.rules) {
		return false
	}
	return ok(d.p.rules[d.acc[i].rule].id)
}
