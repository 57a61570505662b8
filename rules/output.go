package rules

import (
	"github.com/reportgraph/extractor"
	"go.yaml.in/yaml/v3"
)

// Two rule options shape what a match turns into:
//
//   - canonical: inner (pattern rules): the mention takes the canonical name
//     of the first accepted mention of the rule's own type inside the match,
//     or that mention's text when it has none. "the Patchwork group" or
//     "WIZARD SPIDER threat group" is then one entity with "Patchwork" and
//     "Wizard Spider", under their gazetteer names, and keeps its longer
//     surface form as an alias.
//   - canonical: match (pattern rules): the mention, a captured part of the
//     match, takes the whole match's text as its canonical name. "China's
//     foreign ministry" with the organ captured keeps the place "China" a
//     mention of its own (so the possessive relation rules see it) and the
//     organ an entity of its state, not one "foreign ministry" for every
//     country a report names.
//   - suppress: true (pattern and gazetteer rules): the match takes part in
//     conflicts like any candidate, so it hides every shorter mention it
//     covers, but it is no mention itself. Product names ("Microsoft
//     Office", "Adobe Reader") keep the vendor inside them from becoming an
//     organisation.

const (
	canonicalInner = "inner"
	canonicalMatch = "match"
)

func (p *parser) parseOutputField(r *ruleSpec, key string, val *yaml.Node) {
	switch key {
	case "canonical":
		r.canonical, _ = p.str(val, "canonical")
		if r.canonical != canonicalInner && r.canonical != canonicalMatch {
			p.errorf(val, "canonical must be %q or %q, not %q", canonicalInner, canonicalMatch, r.canonical)
		}
	case "suppress":
		r.suppress = p.boolean(val, "suppress")
	}
}

// innerCanonical returns the canonical name (else the text) of the first
// accepted mention of type typ inside [start, end), or "".
func (d *docState) innerCanonical(typ extractor.EntityType, start, end int) string {
	for i := range d.acc {
		c := &d.acc[i]
		if c.start >= end {
			break
		}
		if c.start < start || c.end > end || c.typ != typ || c.hide {
			continue
		}
		if c.canonical != "" {
			return c.canonical
		}
		if c.text != "" {
			return c.text
		}
		return d.text[c.start:c.end]
	}
	return ""
}
