package rules

import (
	"sort"
	"strings"
	"unicode"
)

// Bullet items named by their intro (a propagate rule with intros). An
// advisory lists an actor's malware as bare names under an intro that says
// what they are:
//
//	The families named in the advisory are:
//	- BendyBear
//	- WaterBear
//
// No gazetteer knows every new family and no pattern sees context in a
// line that holds only a name. A propagate rule with `intros` makes such
// an item a mention of its one type when the intro (the sentence ending in
// ":") holds one of the intros and none of its not_cues ("affected product
// families:" lists products), and the item is a name: one to three words
// that start with a capital or a digit, overlap no mention and are no
// ordinary English word, alone on the item's line or followed by a comma,
// colon, dash or bracket that starts its description ("- PlugX, a modular
// backdoor").
//
//	- id: core.malware.list-item
//	  kind: propagate
//	  types: [malware]
//	  intros: [malware, families, backdoors, implants]
//	  not_cues: [affected, products, versions]

// listItemMaxWords is the longest name a bare item may be.
const listItemMaxWords = 3

// listItemNameEnds are the tokens that may end an item's name and start
// its description.
var listItemNameEnds = map[string]bool{",": true, ":": true, "–": true, "—": true, "-": true, "(": true}

// nameListItems adds the mentions of the propagate rules with intros.
func (d *docState) nameListItems() {
	var rules []*propRule
	for pi := range d.p.propagate {
		if d.p.propagate[pi].intros != nil {
			rules = append(rules, &d.p.propagate[pi])
		}
	}
	if len(rules) == 0 {
		return
	}
	items := d.listItems()
	var added []cand
	for _, it := range items {
		for _, pr := range rules {
			if !d.cuedBefore(pr.intros, int(it.intro), -1) ||
				pr.notCues != nil && d.cuedBefore(pr.notCues, int(it.intro), -1) {
				continue
			}
			a, b, ok := d.bareItemName(it)
			if !ok {
				continue
			}
			c := cand{start: d.tokStart[a], end: d.tokEnd[b-1], rule: pr.idx, prio: pr.prio, typ: pr.typ}
			if d.stopRule(&c) >= 0 {
				continue
			}
			added = append(added, c)
			break
		}
	}
	if len(added) > 0 {
		d.acc = append(d.acc, added...)
		sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
		d.index()
	}
}

// bareItemName returns the tokens [a, b) of the name an item consists of,
// after its bullet mark (and Markdown emphasis).
func (d *docState) bareItemName(it listItem) (int, int, bool) {
	a, end := int(it.start)+1, int(it.end)
	for a < end && strings.Trim(d.tokText[a], "*_") == "" {
		a++
	}
	for end > a && (strings.Trim(d.tokText[end-1], "*_") == "" || d.tokText[end-1] == "." || d.tokText[end-1] == ";") {
		end--
	}
	// The name runs to the item's end, a mark that starts its description,
	// or closing emphasis ("**PlugX**, a backdoor").
	b := a
	for b < end && !listItemNameEnds[d.tokText[b]] && strings.Trim(d.tokText[b], "*_") != "" {
		b++
	}
	if b == a || b-a > listItemMaxWords {
		return 0, 0, false
	}
	if d.overlapsAccepted(d.tokStart[a], d.tokEnd[b-1]) {
		return 0, 0, false
	}
	for i := a; i < b; i++ {
		if !nameLikeToken(d.tokText[i]) {
			return 0, 0, false
		}
	}
	if b-a == 1 && d.ordinaryWord(d.tokText[a]) {
		return 0, 0, false // "- Others", "- Unknown"
	}
	return a, b, true
}

// nameLikeToken reports whether w may be a word of a malware or tool name:
// it starts with a capital or a digit and holds only letters, digits,
// dots and inner hyphens.
func nameLikeToken(w string) bool {
	for i, r := range w {
		switch {
		case i == 0 && !unicode.IsUpper(r) && !unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' && i > 0:
		default:
			return false
		}
	}
	return w != ""
}
