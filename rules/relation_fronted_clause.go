package rules

import "unicode"

// A sentence may open with a subordinate clause or a prepositional phrase
// closed by a comma: "After meeting the defence minister, Ana Torres flew
// home." The noun phrase before that comma ends the fronted clause; the
// name after it is the main clause's subject, not an apposition on the
// noun phrase. An apposition rule reads "the defence minister, Ana Torres"
// as a title and its holder, so a match that starts inside such a clause
// and finds its source after the clause's comma is dropped — unless a
// comma closes the source too ("After the defence minister, Ana Torres,
// visited Kyiv, ..."), where the name is the apposition.

// frontedOpeners are the words that open a fronted clause or phrase whose
// closing comma no apposition crosses. "As" is not one: "As defence
// minister, Ana Torres ..." says what she is.
var frontedOpeners = map[string]bool{"after": true, "before": true, "while": true, "whilst": true, "since": true,
	"when": true, "although": true, "though": true, "because": true, "once": true, "until": true, "unless": true,
	"if": true, "following": true, "despite": true, "upon": true, "during": true}

// frontedClauseComma returns the token index of the comma that closes a
// fronted clause opening the sentence of token i, or -1.
func (d *docState) frontedClauseComma(i int) int {
	lo, hi := d.sentLo[d.sentOf[i]], d.sentHi(i)
	k := lo
	for k < hi && !startsLetter(d.tokText[k]) { // a quotation mark or a bullet
		k++
	}
	if k >= hi || !frontedOpeners[d.fold[k]] {
		return -1
	}
	for j := k + 1; j < hi; j++ {
		switch d.fold[j] {
		case ",":
			return j
		case ";", ":", "(", ")":
			return -1
		}
	}
	return -1
}

// acrossFrontedClause reports whether an apposition match that starts at
// token i reads its source, tokens [s, e), across the comma that closes a
// fronted clause.
func (d *docState) acrossFrontedClause(i, s, e int) bool {
	c := d.frontedClauseComma(i)
	if c < 0 || i >= c || s <= c {
		return false
	}
	return e >= d.sentHi(i) || d.fold[e] != ","
}

// startsLetter reports whether s starts with a letter.
func startsLetter(s string) bool {
	for _, r := range s {
		return unicode.IsLetter(r)
	}
	return false
}
