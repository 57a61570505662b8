package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// A place lies in a larger one, never in a smaller one: "Japan
// -located-in-> New York" can only come from a misread phrase (a
// rewriter's "the Japanese District of New York" for a court's "Eastern
// District"), "Asia -located-in-> Japan" from a run of places ("attacked
// in Asia in Japan"). The check is on the mentions' own rules: the
// location gazetteer's levels (placeLevel) are region > country
// (countryRules, territories) > subnational > city, and a located-in whose
// source is of a higher level than its target is dropped.

// placeLevel is the level of a location gazetteer rule: 4 a region of the
// world, 3 a country or territory, 2 a subnational place, 1 a city; 0
// another rule.
func placeLevel(id string) int {
	switch {
	case id == "gaz.location.region":
		return 4
	case strings.HasPrefix(id, countryRules), id == "gaz.location.territory":
		return 3
	case id == "gaz.location.subnational":
		return 2
	case id == "gaz.location.city":
		return 1
	}
	return 0
}

// dropCountryInTown removes the located-in matches of out whose source is
// a gazetteer place of a higher level than its target's (placeLevel), or a
// country or region like its target (a territory lies in its country).
func (d *docState) dropCountryInTown(out []RelationMatch) []RelationMatch {
	k := 0
	for _, m := range out {
		if m.Type == "located-in" {
			// Nor does a country lie in another country (or a region in a
			// region): "Targeted countries: USA, Canada - banks" is a list.
			if src, tgt := d.mentionLevel(m.Source), d.mentionLevel(m.Target); src > 0 && tgt > 0 && (src > tgt || src == tgt && src >= 3 && !d.isTerritory(m.Source)) {
				continue
			} else if src > 0 && src == tgt && d.sideBySide(m.Source, m.Target) {
				// "The Moscow, Beijing axis", "the Texas, Ohio results":
				// two cities or two states side by side modify a noun.
				continue
			} else if src == 0 && tgt > 0 && d.holdsPlaceBefore(m.Target, tgt) {
				// "offices in Shenzhen, China": the firm is in Shenzhen,
				// China holds Shenzhen (the gold's convention); a list of
				// places ("in Beijing, Shanghai and Chengdu") keeps each.
				continue
			}
		}
		out[k] = m
		k++
	}
	return out[:k]
}

// sideBySide reports whether places src and tgt stand side by side with
// only a comma between, the pair modifying a lower-case word ("the Moscow,
// Beijing axis"), and tgt is no state named like a city that the pair's
// city lies in ("a Seattle, Washington consultant": place_city_state.go).
func (d *docState) sideBySide(src, tgt extractor.Span) bool {
	if src.End > tgt.Start || strings.TrimSpace(d.text[src.End:tgt.Start]) != "," || !lowerWordOpens(d.text[tgt.End:]) {
		return false
	}
	if i := d.accAt(tgt); i >= 0 && strings.HasSuffix(d.acc[i].canonical, " State") {
		return false
	}
	return true
}

// holdsPlaceBefore reports whether the place at tgt, of level tgtLevel,
// comes right after a comma and a gazetteer place of a lower level, which
// it then names the larger place of ("Shenzhen, China", "Chengdu,
// Sichuan"); a region of the world holds no such place.
func (d *docState) holdsPlaceBefore(tgt extractor.Span, tgtLevel int) bool {
	for i := range d.acc {
		a := &d.acc[i]
		if a.start >= tgt.Start {
			break
		}
		if a.hide || a.typ != extractor.Location || a.end > tgt.Start || strings.TrimSpace(d.text[a.end:tgt.Start]) != "," {
			continue
		}
		// A region after a country is a list, not its home: "the U.S.,
		// Europe, and Asia".
		if lv := d.mentionLevel(extractor.Span{Start: a.start, End: a.end}); lv > 0 && lv < tgtLevel && tgtLevel <= 3 {
			return true
		}
	}
	return false
}

// isTerritory reports whether the mention at sp is a territory of the
// gazetteer ("Guam"), which lies in the country that holds it.
func (d *docState) isTerritory(sp extractor.Span) bool {
	return d.mentionRuleIs(sp, func(id string) bool { return id == "gaz.location.territory" })
}

// mentionLevel is the placeLevel of the location mention at sp; 0 when it
// is none of the gazetteer's.
func (d *docState) mentionLevel(sp extractor.Span) int {
	level := 0
	d.mentionRuleIs(sp, func(id string) bool { level = placeLevel(id); return true })
	return level
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
