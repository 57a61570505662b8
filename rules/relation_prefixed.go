package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	extractor "github.com/reportgraph/extractor"
)

// prefixedParent returns, for a directly named government body whose name
// opens with the name of another body the document names on its own
// ("GRU Unit 26165" in a report that also says "the GRU", "FSB Center 16",
// "PLA Unit 61398"), a mention of that other body: the officers of "GRU
// Unit 26165" work for the GRU too, as "the GRU's Unit 26165" says with a
// possessive (possessedBody). The nearest such mention is taken, before the
// target or after it; the rest of the name must start with a capital or a
// digit ("FSB Center 16", not "FSB officers"). An anaphor's antecedent
// counts: "four lieutenants of the same unit" after "GRU Unit 29155".
func (d *docState) prefixedParent(e endpoint, mask typeMask) (endpoint, bool) {
	gov := maskOf(extractor.Government)
	if mask&gov == 0 {
		return endpoint{}, false
	}
	m := d.mentionAt(e.span.Start, e.span.End)
	if m == nil || m.typ != extractor.Government || m.tokE-m.tokS < 2 {
		return endpoint{}, false
	}
	best, bestDist := -1, 0
	// Only a body whose name opens with the same word can be a prefix
	// (govIndex: scanning every mention at each match was quadratic).
	for _, j32 := range d.govIndex().byFirst[d.tokText[m.tokS]] {
		j := int(j32)
		x := &d.acc[j]
		k := x.tokE - x.tokS
		if x.hide || x.typ != extractor.Government || k < 1 || k >= m.tokE-m.tokS || x.start == m.start {
			continue
		}
		if !samePrefix(d.tokText, int(m.tokS), int(x.tokS), int(k)) || !opensName(d.tokText[m.tokS+k]) {
			continue
		}
		dist := m.start - x.start
		if dist < 0 {
			dist = -dist
		}
		if best < 0 || dist < bestDist {
			best, bestDist = j, dist
		}
	}
	if best < 0 {
		return endpoint{}, false
	}
	return endpoint{span: extractor.Span{Start: d.acc[best].start, End: d.acc[best].end}}, true
}

// samePrefix reports whether the k tokens at a and at b have the same text.
func samePrefix(tok []string, a, b, k int) bool {
	for i := 0; i < k; i++ {
		if tok[a+i] != tok[b+i] {
			return false
		}
	}
	return true
}

// opensName reports whether a token can go on a body's name: a capital
// or a digit first.
func opensName(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// govIndexes are the government mentions of d.acc by the text of their
// first token and by their name's subject (relation_bodyword.go), each list
// in the order of d.acc; valid for one state of d.acc (accGen).
type govIndexes struct {
	gen, n    int
	built     bool
	byFirst   map[string][]int32
	bySubject map[string][]int32
}

// govIndex returns the government mentions' indexes, building them when
// d.acc has changed since.
func (d *docState) govIndex() *govIndexes {
	gi := &d.govIdx
	if gi.built && gi.gen == d.accGen && gi.n == len(d.acc) {
		return gi
	}
	gi.gen, gi.n, gi.built = d.accGen, len(d.acc), true
	if gi.byFirst == nil {
		gi.byFirst, gi.bySubject = map[string][]int32{}, map[string][]int32{}
	}
	clear(gi.byFirst)
	clear(gi.bySubject)
	for j := range d.acc {
		x := &d.acc[j]
		if x.typ != extractor.Government {
			continue
		}
		if x.tokE > x.tokS && int(x.tokS) < len(d.tokText) {
			f := d.tokText[x.tokS]
			gi.byFirst[f] = append(gi.byFirst[f], int32(j))
		}
		// bodyBySubject's test: a name whose subject is not the name itself.
		var seen string
		for _, name := range []string{d.surface(x), x.canonical} {
			if name == "" {
				continue
			}
			if subj := d.bodySubjectOf(name); !strings.EqualFold(strings.TrimSpace(name), subj) && subj != seen {
				gi.bySubject[subj] = append(gi.bySubject[subj], int32(j))
				seen = subj
			}
		}
		// A name led by its country ("the Japanese Ministry of Defense",
		// "the Russian Ministry of Defence") has the subject of the body
		// after it: "Defense Minister X" works there. Which country's
		// ministry a minister's is, bodyBySubject's fits decides.
		if lo, hi := int(x.tokS), int(x.tokE); hi-lo >= 2 && hi <= len(d.tokText) {
			if key, end := d.placeAt(lo, hi, false, extractor.Location); key != "" && end > lo && end < hi && startsUpper(d.tokText[end]) {
				rest := d.text[d.tokStart[end]:x.end]
				if subj := d.bodySubjectOf(rest); subj != "" && !strings.EqualFold(strings.TrimSpace(rest), subj) && subj != seen {
					gi.bySubject[subj] = append(gi.bySubject[subj], int32(j))
				}
			}
		}
	}
	return gi
}
