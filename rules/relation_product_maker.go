package rules

import "github.com/reportgraph/extractor"

// A company's name often opens a product's: "Amazon Fire Stick devices",
// "Microsoft Exchange servers", "Google Chrome users". In "Amazon Fire
// Stick devices targeted users in Brazil" the subject is the devices (or
// the malware on them), not the company, though the gazetteer reads
// "Amazon" as the only mention there. A relation rule that starts with its
// source takes no company so written as the source of targets.

// productMaker reports whether the source capture c is a mention of a
// company (or a government body) followed, in its sentence, by a
// capitalised word that no mention covers: the first word of the
// product's name.
func (d *docState) productMaker(c capRec) bool {
	m := d.mentionAt(c.bs, c.be)
	if m == nil || m.typ != extractor.Organization && m.typ != extractor.Government {
		return false
	}
	e := c.end
	if e <= c.start || e >= len(d.tokText) || e >= d.sentHi(c.start) {
		return false
	}
	if d.cover[e] != 0 || !opensName(d.tokText[e]) {
		return false
	}
	// After an indefinite article the words are one product's name
	// whatever follows them: in "he used an Amazon Fire Stick, a hotel
	// television and a phone to break into A" the company made the stick.
	if b := c.start - 1; b >= 0 && b >= d.sentLo[d.sentOf[c.start]] && (d.fold[b] == "a" || d.fold[b] == "an") {
		return true
	}
	return isLowerWordAfterCaps(d, e)
}

// isLowerWordAfterCaps reports whether the capitalised words from token e
// on are followed by a lower-case word in the sentence ("Fire Stick
// devices"), so that they are a name's modifier of a noun rather than a
// sentence's next clause.
func isLowerWordAfterCaps(d *docState, e int) bool {
	hi := d.sentHi(e)
	for j := e; j < hi && j < e+4; j++ {
		if !opensName(d.tokText[j]) || d.cover[j] != 0 {
			return j > e && isLowerWord(d.tokText[j])
		}
	}
	return false
}
