package rules

import "github.com/reportgraph/extractor"

// A list item that opens on a place's possessive names the place's body:
// "- Pakistan's Ministry of Defence" lists the ministry as a victim, and
// the place only says whose it is. The item's first mention is then the
// place, and the body right after its possessive mark is listed with it
// (firstInItem), as a coordinated name would be.

// possessedAfter reports whether mention k stands right after the
// possessive mark of the place mention first: "Pakistan's Ministry of
// Defence", "Greece’s Foundation for Research".
func (d *docState) possessedAfter(first, k int) bool {
	f := &d.acc[first]
	if f.typ != extractor.Location || d.acc[k].typ == extractor.Location {
		return false
	}
	t := int(f.tokE)
	return t+1 == int(d.acc[k].tokS) && possessiveMark(d.fold[t])
}

// possessiveMark reports whether a folded token is a possessive mark, in
// straight or curly apostrophes, with or without its s ("Russia's",
// "Tarn Labs'").
func possessiveMark(f string) bool {
	switch f {
	case "'s", "’s", "'", "’":
		return true
	}
	return false
}
