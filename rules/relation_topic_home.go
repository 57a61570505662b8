package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// The actor's home. A report names the state an actor works from or for
// as often as the states it attacks: "Chinese hackers", "a Russia-based
// crew", "Iran's Ministry of Intelligence" when the text ties the actor to
// that ministry. Such a place is the actor's home, and another of its
// mentions in a sentence that happens to hold a targeting cue ("Beijing
// said the charges were fabricated; the intrusions ...") is no victim. A
// topic rule with home_before skips every mention of a place that some
// mention of it shows as the actor's home.

// homePlaces returns the keys of the places the document shows as the
// actor's home: a place (or a coordination of places) right before a word
// of words, or a possessive place before one of them or before a mention
// of a body the text ties to an actor (sponsor).
func (d *docState) homePlaces(words *phraseSet, keys []string, sponsor func(k int) bool) map[string]bool {
	home := map[string]bool{}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || c.typ != extractor.Location || home[keys[k]] {
			continue
		}
		if d.placeOfHome(words, c, sponsor) {
			home[keys[k]] = true
		}
	}
	return home
}

// placeOfHome reports whether the place c qualifies a home word or a
// sponsor's mention (see homePlaces).
func (d *docState) placeOfHome(words *phraseSet, c *cand, sponsor func(k int) bool) bool {
	// A language is no home: "a Spanish-speaking crew" says what its
	// operators speak, not where they sit.
	if strings.HasSuffix(strings.ToLower(d.text[c.start:c.end]), "-speaking") {
		return false
	}
	si := d.sentOf[c.tokS]
	hi := d.sentLo[si+1]
	i := d.pastPlaceList(int(c.tokE), hi, false)
	if i >= hi {
		return false
	}
	if d.fold[i] == "'s" || d.fold[i] == "\u2019s" {
		for j := i + 1; j < hi && j <= i+2; j++ {
			if m := d.startM[j]; m >= 0 && sponsor(int(m)) {
				return true
			}
			if words.startsAt(d, j, hi) {
				return true
			}
		}
		return false
	}
	return words.startsAt(d, i, hi)
}

// seatHeaders are table headers whose column says where the row's firm
// or body sits: "| Firm | Headquarters | Impact |".
var seatHeaders = map[string]bool{"headquarters": true, "hq": true, "city": true, "location": true, "based in": true,
	"seat": true, "head office": true, "town": true, "home": true, "base": true}

// inSeatColumn reports whether byte offset at lies in a table cell whose
// column header is a seat header: the place of a victims table's row is
// where that victim sits, not a victim of its own.
func (d *docState) inSeatColumn(at int) bool {
	for _, t := range d.tables() {
		if len(t.rows) == 0 || at < t.rows[0].line.start || at >= t.rows[len(t.rows)-1].line.end {
			continue
		}
		for _, r := range t.rows {
			if at < r.line.start || at >= r.line.end {
				continue
			}
			for ci, cell := range r.cells {
				if at >= cell.start && at < cell.end && ci < len(t.header) {
					h := t.header[ci]
					return seatHeaders[strings.ToLower(strings.Trim(d.text[h.start:h.end], " *_:"))]
				}
			}
		}
	}
	return false
}

// titledBody returns the mentions of the government body a report's title
// blames for an attack, or nil: "London and Washington ascribe the wiper
// to the Russian army", "China accuses NSA hacking unit of breaking into a
// university". Such a report is about the body as an attacker: the victims
// it lists are the body's, whatever cluster name the text also gives the
// operators. The title must name one body, no threat actor, and a word of
// blame (titleBlameWords); the body must be named again in the text.
func (d *docState) titledBody(keys []string, isActor func(k int) bool) []int {
	lo, hi := -1, -1
	for si := 0; si < len(d.sents) && si < titleBodyLookahead && lo < 0; si++ {
		if d.titleLines(si) == nil { // relation_headline.go
			continue
		}
		for i := d.sentLo[si]; i < d.sentLo[si+1]; i++ {
			if titleBlameWords[d.fold[i]] {
				lo, hi = d.sentLo[si], d.sentLo[si+1]
				break
			}
		}
	}
	if lo < 0 {
		return nil
	}
	titled := ""
	var ms []int
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide {
			continue
		}
		inTitle := int(c.tokS) >= lo && int(c.tokS) < hi
		if inTitle && isActor(k) {
			return nil
		}
		if c.typ != extractor.Government {
			continue
		}
		if inTitle {
			if titled != "" && titled != keys[k] {
				return nil // two bodies: whose attack is it?
			}
			titled = keys[k]
		}
		ms = append(ms, k)
	}
	if titled == "" {
		return nil
	}
	out := ms[:0]
	for _, k := range ms {
		if keys[k] == titled {
			out = append(out, k)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// titleBodyLookahead is how many leading sentences titledBody looks at
// for the title (an HTML page may open with a breadcrumb or a site name).
const titleBodyLookahead = 12

// titleBlameWords say in a title that someone is blamed for an attack.
var titleBlameWords = map[string]bool{"ascribe": true, "ascribes": true, "attribute": true, "attributes": true,
	"blame": true, "blames": true, "accuse": true, "accuses": true, "names": true, "name": true, "charge": true, "charges": true,
	"indicts": true, "indict": true, "ties": true, "tie": true, "pins": true, "pin": true}
