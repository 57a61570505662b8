package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// Bodies named by their subject word. A title names the department it
// heads by the department's subject alone: "Commerce Secretary Gina
// Raimondo" works for the Commerce Department, "Treasury Secretary X" for
// the Department of the Treasury. The word is no mention of its own (a
// bare "Commerce" or "State" names nothing out of context), so a relation
// slot holding it refers to the government body of the document whose name
// is that word plus the words of a body ("Department of Commerce",
// "Commerce Department", "Ministry of Defence"), the nearest one before
// it, else the first one after it. Without such a body in the document the
// slot names nothing.

// bodyNameWords are the words a government body's name adds to its
// subject.
var bodyNameWords = map[string]bool{"department": true, "ministry": true, "of": true, "the": true, "u.s.": true,
	"us": true, "agency": true, "office": true, "for": true, "and": true}

// maxBodyWordTokens bounds the subject ("Homeland Security", "Foreign
// Affairs").
const maxBodyWordTokens = 3

// bodyBySubject returns the index in d.acc of a government mention whose
// name, without the words of a body, is the text of tokens [s, e); or -1.
func (d *docState) bodyBySubject(s, e int, skip []extractor.Span) int {
	if e <= s || e-s > maxBodyWordTokens {
		return -1
	}
	// A subject in lower case counts only before a title ("the defence
	// minister"); elsewhere a lower-case word is no body's name ("the state").
	lowerOK := e < len(d.fold) && d.sentOf[e] == d.sentOf[s] && lowerSubjectTitles[d.fold[e]]
	var words []string
	for t := s; t < e; t++ {
		r := []rune(d.tokText[t])
		if len(r) == 0 || (!unicode.IsUpper(r[0]) && !lowerOK) || bodyNameWords[d.fold[t]] {
			return -1
		}
		words = append(words, spellSubject(d.fold[t]))
	}
	want := strings.Join(words, " ")
	at := d.tokStart[s]
	// The government mentions whose name has this subject, in the order of
	// d.acc (govIndex, relation_prefixed.go): the nearest before the
	// tokens, else the first after them. A minister's subject may leave
	// out "affairs" ("the foreign minister" of the Ministry of Foreign
	// Affairs).
	gi := d.govIndex()
	list := gi.bySubject[want]
	if len(list) == 0 {
		list = gi.bySubject[want+" affairs"]
	}
	top := sort.Search(len(list), func(i int) bool { return d.acc[list[i]].start >= at })
	for i := top - 1; i >= 0; i-- {
		if c := &d.acc[list[i]]; c.end <= at && !skipped(c, skip) {
			return int(list[i])
		}
	}
	for i := top; i < len(list); i++ {
		if c := &d.acc[list[i]]; c.start >= d.tokEnd[e-1] && !skipped(c, skip) {
			return int(list[i])
		}
	}
	return -1
}

// bodySubjectOf is bodySubject, computed once per name and document.
func (d *docState) bodySubjectOf(name string) string {
	if v, ok := d.bodySubjects[name]; ok {
		return v
	}
	if d.bodySubjects == nil {
		d.bodySubjects = map[string]string{}
	}
	v := bodySubject(name)
	d.bodySubjects[name] = v
	return v
}

// bodySubject is a body's name without the words of a body, lower-cased:
// "Department of Commerce" → "commerce", "U.S. State Department" → "state".
func bodySubject(name string) string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if !bodyNameWords[w] {
			out = append(out, spellSubject(w))
		}
	}
	return strings.Join(out, " ")
}

// lowerSubjectTitles are the titles after which a portfolio is written in
// lower case ("Japan's defence minister", "the interior minister").
var lowerSubjectTitles = map[string]bool{"minister": true, "secretary": true}

// spellSubject writes a subject word in one spelling, so the British and
// the American names of a portfolio meet ("defence minister", "Ministry
// of Defense", "the labour ministry", "Ministry of Labor"): the spellings
// every rule compares tokens in (spelling.go).
func spellSubject(w string) string { return foldSpelling(w) }

// bodyEndpoint resolves a slot span that is the subject word of a body.
func (d *docState) bodyEndpoint(c capRec, mask typeMask, skip []extractor.Span) (endpoint, bool) {
	if mask&maskOf(extractor.Government) == 0 {
		return endpoint{}, false
	}
	for _, m := range d.mentionsWithin(c.bs, c.be) {
		if m.typ != extractor.Sector && m.typ != extractor.Location {
			return endpoint{}, false // a name of its own
		}
	}
	k := d.bodyBySubject(c.start, c.end, skip)
	if k < 0 {
		return endpoint{}, false
	}
	a := &d.acc[k]
	return endpoint{span: extractor.Span{Start: a.start, End: a.end},
		coref: fmt.Sprintf("%q → %s", d.text[c.bs:c.be], d.surface(a))}, true
}
