package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
)

// Plural anaphors for people. Indictments and sanctions name several
// people at once and then say what "the defendants", "the two" or "both
// men" did: "The defendants are A, B and C. ... the defendants took part in
// APT31" ties all three to APT31. An anaphor of the pack list whose last
// word is one of groupWords resolves, as any anaphor does, to the nearest
// person before it; groupMembers then adds the other people named in that
// person's sentence, nearest first: all of them for a word such as
// "defendants" or "their" when it resolves to a person ("A and B were
// charged. Their company, Y, ..."), at most n for a number ("the two" is
// the last two named).

// groupWords are the last words of plural person anaphors, with how many
// people they stand for (0: all the people named together).
var groupWords = map[string]int{"defendants": 0, "suspects": 0, "accused": 0, "conspirators": 0, "men": 0,
	"women": 0, "individuals": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"both": 2, "pair": 2, "their": 0}

// groupMembers returns the further endpoints of a plural person anaphor
// at cap c whose first antecedent is e: the other people named in the
// sentence of e, before it and after it, nearest first, up to the
// anaphor's number. Mentions in skip (the match's direct ends) are left
// out.
func (d *docState) groupMembers(c capRec, e endpoint, skip []extractor.Span) []endpoint {
	if e.coref == "" || c.end-c.start < 1 {
		return nil
	}
	last := d.fold[c.end-1]
	n, ok := groupWords[last]
	if !ok {
		// "both men", "the two men": the number is the word before.
		if c.end-c.start >= 2 {
			if m, ok2 := groupWords[d.fold[c.end-2]]; ok2 && m > 0 {
				n, ok = m, true
			}
		}
		if !ok {
			return nil
		}
	}
	if n == 0 {
		n = 1 << 30
	} else if d.fold[c.start] == "both" && n > 2 {
		n = 2
	}
	// e is a person mention; collect the person mentions of its sentence.
	k := d.accAt(e.span)
	if k < 0 || d.acc[k].typ != extractor.Person {
		return nil
	}
	si := d.sentOf[d.acc[k].tokS]
	var out []endpoint
	seen := map[string]bool{strings.ToLower(d.surface(&d.acc[k])): true}
	phrase := d.text[c.bs:c.be]
	add := func(j int) bool {
		a := &d.acc[j]
		if a.typ != extractor.Person || a.end > c.bs {
			return true
		}
		key := strings.ToLower(d.surface(a))
		if seen[key] {
			return true
		}
		for _, s := range skip {
			if s.Start == a.start && s.End == a.end {
				return true
			}
		}
		seen[key] = true
		if len(out)+1 >= n {
			return false
		}
		out = append(out, endpoint{span: extractor.Span{Start: a.start, End: a.end},
			coref: fmt.Sprintf("%q → %s", phrase, d.surface(a))})
		return true
	}
	// Nearest first: the people before the antecedent in its sentence,
	// then those after it (before the anaphor).
	for j := k - 1; j >= 0 && d.sentOf[d.acc[j].tokS] == si; j-- {
		if !add(j) {
			return out
		}
	}
	for j := k + 1; j < len(d.acc) && d.sentOf[d.acc[j].tokS] == si; j++ {
		if !add(j) {
			return out
		}
	}
	return out
}

// accAt returns the index in d.acc of the mention with exactly span sp, or -1.
func (d *docState) accAt(sp extractor.Span) int {
	k := sort.Search(len(d.acc), func(k int) bool { return d.acc[k].start >= sp.Start })
	if k < len(d.acc) && d.acc[k].start == sp.Start && d.acc[k].end == sp.End {
		return k
	}
	return -1
}
