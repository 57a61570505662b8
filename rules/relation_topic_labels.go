package rules

import "unicode"

// Line labels. A profile lists an actor's facts as labelled lines:
//
//	- **Who:** Kestrel Bear, a group tied to China.
//	- **Where:** ministries in Peru and Chile.
//	Targets: shipping firms in Norway
//
// The label says what the line is about, as a section heading does, but a
// word such as "where" says nothing of victims anywhere else in a
// sentence. A topic rule's `labels` are such words: a line that opens
// with one of them, then ":", is cued for the rule.

// labelMarks may stand before a label: bullet marks and Markdown emphasis.
var labelMarks = map[string]bool{"-": true, "*": true, "**": true, "•": true, "–": true, "·": true, "▪": true,
	"◦": true, "‣": true, "+": true, "_": true, "__": true}

// labelCued reports whether sentence si opens with a label of labels
// ("- **Where:**", "Targets:"), ending with its colon before token at.
func (d *docState) labelCued(labels *phraseSet, si, at int) bool {
	if labels == nil || si < 0 {
		return false
	}
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	if at < hi {
		hi = at
	}
	t := lo
	for t < hi && labelMarks[d.fold[t]] {
		t++
	}
	var buf [4]int
	for _, e := range labels.ends(d, t, hi, buf[:0]) {
		// A few more words may finish the label: "Where it goes:".
		for n := 0; n < maxLabelTail && e < hi && isWordToken(d.fold[e]); n++ {
			e++
		}
		for e < hi && labelMarks[d.fold[e]] {
			e++
		}
		if e < hi && d.fold[e] == ":" {
			return true
		}
	}
	return false
}

// maxLabelTail is how many words may follow a label word before the colon.
const maxLabelTail = 3

// isWordToken reports whether a folded token is a word (it starts with a
// letter).
func isWordToken(s string) bool {
	for _, r := range s {
		return unicode.IsLetter(r)
	}
	return false
}
