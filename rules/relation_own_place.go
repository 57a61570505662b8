package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// A body whose name opens with a state's name or its adjective ("the
// Canadian Centre for Cyber Security", "Japan's ... the Korea Internet &
// Security Agency") is that state's: in "the UK's National Cyber Security
// Centre, the Canadian Centre for Cyber Security and ..." the UK's
// possessive, which a list carries to the members after the first, does
// not reach the Canadian centre. The test is for appositions and
// possessives (rules marked apposition: true) whose place comes before the
// body; "the Chinese embassy in Canberra" names its place after it.

// ownPlaceElsewhere reports whether source s of a located-in or part-of
// match of r opens with a place other than target t, named before it.
func (d *docState) ownPlaceElsewhere(r *rule, s, t extractor.Span) bool {
	if !r.rel.apposition || (r.rel.typ != "located-in" && r.rel.typ != "part-of") || t.Start >= s.Start {
		return false
	}
	tm, sm := d.mentionAt(t.Start, t.End), d.mentionAt(s.Start, s.End)
	if tm == nil || sm == nil || tm.typ != extractor.Location || sm.typ == extractor.Location {
		return false
	}
	first := strings.Fields(d.text[s.Start:s.End])
	if len(first) < 2 {
		return false
	}
	typ, canon, ok := d.p.gazLookup(strings.TrimSuffix(first[0], "'s"))
	if !ok || typ != extractor.Location {
		return false
	}
	place := tm.canonical
	if place == "" {
		place = d.text[t.Start:t.End]
	}
	return canon != "" && !strings.EqualFold(canon, place)
}
