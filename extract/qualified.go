package extract

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// withStatePrefix returns the name of a government body together with the
// state the text puts right before it — "China's Ministry of Public
// Security", "the Iranian Ministry of Intelligence" — or "" when no place
// mention qualifies it. The body's mention stays the bare known name, so
// the place remains a place (and the source of located-in and part-of
// relations); the qualified form is kept as an alias, since reports and
// analysts write either, and the qualified one says whose body it is.
//
// prev is the mention just before m in the document (nil when m is the
// first). Only a space, or a possessive and a space, may stand between
// the two; hyphenated places ("Moscow-based") describe, they do not
// qualify, and neither do regions ("European").
func withStatePrefix(prev *extractor.Mention, m extractor.Mention, text string) string {
	if prev == nil || m.Type != extractor.Government || prev.Type != extractor.Location ||
		prev.End > m.Start || m.End > len(text) || strings.ContainsAny(prev.Text, "-/") {
		return ""
	}
	if notState[strings.ToLower(prev.Text)] {
		return ""
	}
	gap := text[prev.End:m.Start]
	switch strings.TrimSpace(gap) {
	case "", "'s", "’s", "'", "’":
	default:
		return ""
	}
	if strings.ContainsAny(gap, "\n\r\t") || !strings.HasSuffix(gap, " ") || strings.Count(gap, " ") > 2 {
		return ""
	}
	return strings.Join(strings.Fields(text[prev.Start:m.End]), " ")
}

// notState holds place words that name a region or a side, not one state
// whose body could follow ("European Commission" is not a body of Europe's).
var notState = map[string]bool{
	"europe": true, "european": true, "asia": true, "asian": true, "africa": true, "african": true,
	"middle east": true, "middle eastern": true, "latin america": true, "latin american": true,
	"western": true, "eastern": true, "arab": true, "gulf": true, "nordic": true, "baltic": true,
}

// withoutStatePrefix returns a government body's name without the state a
// pattern took into it — "Department of Health" for "Philippine Department
// of Health" — or "" when the name does not start with a place. places are
// the (lower-cased) texts of the document's location mentions: only a word
// or two the document itself uses as a place count, so "Federal Bureau of
// Investigation" keeps its name whole. The short form is how the rest of a
// report, and many analysts, name the body.
func withoutStatePrefix(m extractor.Mention, places map[string]bool) string {
	if m.Type != extractor.Government || len(places) == 0 {
		return ""
	}
	words := strings.Fields(m.Text)
	for n := 1; n <= 2 && n+2 <= len(words); n++ {
		head := strings.ToLower(strings.Join(words[:n], " "))
		for _, p := range []string{"'s", "’s", "'", "’"} {
			head = strings.TrimSuffix(head, p)
		}
		if !places[head] || notState[head] {
			continue
		}
		rest := words[n:]
		if rest[0] == "'s" || rest[0] == "’s" {
			rest = rest[1:]
		}
		if len(rest) < 2 || !startsUpper(rest[0]) {
			return ""
		}
		return strings.Join(rest, " ")
	}
	return ""
}

func startsUpper(w string) bool {
	for _, r := range w {
		return r >= 'A' && r <= 'Z'
	}
	return false
}
