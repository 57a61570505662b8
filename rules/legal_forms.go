package rules

import (
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// Companies of one group. A rule with `canonical: inner` merges a known
// company with the legal form written after it ("Contoso Expo Joint
// Venture" is Contoso Expo). A sanctions release or a court filing about a
// corporate structure, though, names the group's members by their legal
// forms: "Intellexa S.A., based in Greece" and "Intellexa Limited, an
// Ireland-based member" are two companies, the parent of one is not the
// other. When a document writes the same known company with two or more
// different endings, each ending names a company of its own: its mentions
// keep their full name as canonical. The same legal form spelt two ways
// ("Co., Ltd." and "Company Limited") is one ending.

// separateLegalForms gives each differently-ended form of a merged known
// company its own canonical name, when a document has several.
func (d *docState) separateLegalForms() {
	groups := map[string]map[string][]int{} // canonical → normalised form → mentions
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || c.canonical == "" || c.typ != extractor.Organization || !d.p.rules[c.rule].inherit {
			continue
		}
		key := strings.ToLower(c.canonical)
		form := legalFormKey(d.text[c.start:c.end])
		if form == legalFormKey(c.canonical) {
			continue
		}
		if groups[key] == nil {
			groups[key] = map[string][]int{}
		}
		groups[key][form] = append(groups[key][form], k)
	}
	for _, forms := range groups {
		if len(forms) < 2 {
			continue
		}
		for _, ks := range forms {
			name := oneSpace(d.text[d.acc[ks[0]].start:d.acc[ks[0]].end])
			for _, k := range ks {
				d.acc[k].canonical = name
			}
		}
	}
}

// legalFormSpellings maps the spellings of one legal-form word to one.
var legalFormSpellings = map[string]string{"limited": "ltd", "company": "co", "corporation": "corp",
	"incorporated": "inc", "sa": "sa", "ag": "ag"}

// legalFormKey normalises a company name for comparing its legal forms:
// lower case, punctuation dropped, legal words in one spelling.
func legalFormKey(name string) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	// "S.A." splits into s, a: join one-letter runs back.
	var out []string
	run := ""
	for _, w := range words {
		if len([]rune(w)) == 1 {
			run += w
			continue
		}
		if run != "" {
			out, run = append(out, run), ""
		}
		if s, ok := legalFormSpellings[w]; ok {
			w = s
		}
		out = append(out, w)
	}
	if run != "" {
		out = append(out, run)
	}
	return strings.Join(out, " ")
}
