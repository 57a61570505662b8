package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// States named like a city. "Washington" alone means the capital and "New
// York" the city (gaz-locations.yaml), but after a city and a comma
// ("REDMOND, Washington - The firm said", "a plant in Albany, New York")
// the name is the state the city lies in: a city is not in another city.
// Such a mention takes the canonical "<name> State" ("Washington State",
// the gazetteer's name of the state), so it is no mention of the capital.
// The names are the pack list city_named_states.

// listCityNamedStates names the pack list of names shared by a US state
// and a city.
const listCityNamedStates = "city_named_states"

func (c *compiler) keepCityNamedStates(lists map[string]*listSpec) {
	l, ok := lists[listCityNamedStates]
	if !ok {
		return
	}
	c.p.cityStates = make(map[string]bool, len(l.items))
	for _, it := range l.items {
		c.p.cityStates[strings.ToLower(it.s)] = true
	}
}

// nameCityStates gives a city-named state its state's canonical where it
// follows a city and a comma. A list of places ("Beijing, Moscow,
// Washington and London") is no city and its state: a pair that continues
// or closes such a list, or whose first place is a country or a region,
// is left alone.
func (d *docState) nameCityStates() {
	if len(d.p.cityStates) == 0 {
		return
	}
	for i := 0; i < len(d.acc); i++ {
		c := &d.acc[i]
		if c.typ != extractor.Location || c.hide {
			continue
		}
		surface := d.text[c.start:c.end]
		// The gazetteer's spelling, not the text's: "THE STATE OF NEW
		// YORK" is New York State.
		base := surface
		if c.canonical != "" && strings.EqualFold(c.canonical, surface) {
			base = c.canonical
		}
		if d.p.cityStates[strings.ToLower(surface)] && d.stateWordBeside(c) {
			c.canonical = base + " State"
			continue
		}
		if i == 0 {
			continue
		}
		prev := &d.acc[i-1]
		if prev.typ != extractor.Location || prev.hide {
			continue
		}
		if !d.p.cityStates[strings.ToLower(surface)] || strings.TrimSpace(d.text[prev.end:c.start]) != "," ||
			d.p.cityStates[strings.ToLower(d.text[prev.start:prev.end])] || !d.cityRule(prev) {
			continue
		}
		if i >= 2 && d.acc[i-2].typ == extractor.Location && listGap(d.text[d.acc[i-2].end:prev.start]) {
			continue
		}
		if i+1 < len(d.acc) && d.acc[i+1].typ == extractor.Location && listGap(d.text[c.end:d.acc[i+1].start]) {
			continue
		}
		if !stateCloses(d.text[c.end:]) && !(d.determinerBefore(prev) && lowerWordOpens(d.text[c.end:])) {
			continue
		}
		c.canonical = base + " State"
	}
}

// stateWordBeside reports whether the word "state" names mention c as a
// state: "the State of Washington", "the state of New York", "Washington
// state" (the gazetteer's "Washington State" in lower case), and no city
// is a state.
func (d *docState) stateWordBeside(c *cand) bool {
	s, e := int(c.tokS), int(c.tokE)
	if s >= e {
		return false
	}
	si := d.sentOf[s]
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	if s-2 >= lo && d.fold[s-1] == "of" && d.fold[s-2] == "state" {
		return true
	}
	return e < hi && d.tokText[e] == "state"
}

// stateCloses reports whether the text after a city-named state closes a
// city and its state: a mark or the end of the line ("SPOKANE, Washington -",
// "Albany, New York, and", "Redmond, Washington-based"). A word or a
// possessive makes the name the subject of a clause that a place opens
// ("In Moscow, Washington is seen as ...", "In Beijing, Washington's envoy").
func stateCloses(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	if rest == "" || rest[0] == '\n' || rest[0] == '\r' {
		return true
	}
	r := rest[0]
	if r == '\'' || strings.HasPrefix(rest, "’") {
		return false
	}
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80)
}

// determinerBefore reports whether an article (appositionDeterminers)
// comes right before mention c: the city and its state that follow modify
// a noun ("a Seattle, Washington consultant", "the Spokane, Washington
// office"), and no clause opens at the state as in "In Moscow, Washington
// is seen as ...".
func (d *docState) determinerBefore(c *cand) bool {
	t := int(c.tokS) - 1
	return t >= 0 && appositionDeterminers[d.fold[t]]
}

// lowerWordOpens reports whether rest opens with a lower-case word after
// spaces: the noun a city and its state modify.
func lowerWordOpens(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	return rest != "" && rest[0] >= 'a' && rest[0] <= 'z'
}

// cityRule reports whether a place mention comes from a rule of cities or
// places in general, not of countries, regions or states (placeLevel).
func (d *docState) cityRule(c *cand) bool {
	return placeLevel(d.p.rules[c.rule].id) <= 1
}

// listGap reports whether the text between two places separates items of
// a list (", ", " and ", ", or ").
func listGap(s string) bool {
	s = strings.TrimSpace(s)
	return s == "," || s == "and" || s == "or" || s == ", and" || s == ", or"
}
