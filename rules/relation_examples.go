package rules

import (
	"fmt"
	"strings"

	"github.com/reportgraph/extractor"
)

// relationExample checks one example of a relation rule against the pack's
// output (docs/rules.md, "relation"):
//
//   - match {text, expect}: every expected "Source -type-> Target" is a
//     relation from this rule between mentions with those texts (with the
//     hedge or coreference note when the item asks for one), and this rule
//     found no other relation there. A bare sentence requires some
//     relation from this rule.
//   - no_match: this rule found no relation.
func relationExample(out Result, text string, r *rule, ex exampleSpec, match bool) []string {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	var mine []RelationMatch
	for _, m := range out.Relations {
		if m.Rule == r.id {
			mine = append(mine, m)
		}
	}
	show := func(m RelationMatch) string {
		s := fmt.Sprintf("%s -%s-> %s", text[m.Source.Start:m.Source.End], m.Type, text[m.Target.Start:m.Target.End])
		if m.Hedge != "" {
			s += " (hedge: " + m.Hedge + ")"
		}
		if m.Coref != "" {
			s += " (coref: " + m.Coref + ")"
		}
		return s
	}
	if !match {
		for _, m := range mine {
			fail("found %q", show(m))
		}
		return problems
	}
	if ex.any {
		if len(mine) == 0 {
			fail("no relation from this rule%s", othersNote(out, text, r))
		}
		return problems
	}
	used := make([]bool, len(mine))
	for _, s := range ex.expect {
		e, ok := parseRelExpect(s)
		if !ok {
			fail("expected relation %q is not of the form \"Source -type-> Target\"", s)
			continue
		}
		found := false
		for k, m := range mine {
			if m.Type != e.typ || !endpointIs(out, text, m.Source, e.source) || !endpointIs(out, text, m.Target, e.target) {
				continue
			}
			found, used[k] = true, true
			if e.hedge != nil && (m.Hedge == "" || *e.hedge != "" && !strings.Contains(m.Hedge, *e.hedge)) {
				fail("relation %q has hedge %q, expected %q", s, m.Hedge, *e.hedge)
			}
			if e.hedge == nil && m.Hedge != "" {
				fail("relation %q is hedged (%q) but the example expects no hedge", s, m.Hedge)
			}
			if e.coref != nil && (m.Coref == "" || *e.coref != "" && !strings.Contains(strings.ToLower(m.Coref), strings.ToLower(*e.coref))) {
				fail("relation %q has coref %q, expected %q", s, m.Coref, *e.coref)
			}
		}
		if !found {
			fail("expected relation %q not found%s", s, othersNote(out, text, r))
		}
	}
	for k, m := range mine {
		if !used[k] {
			fail("unexpected relation %q from this rule", show(m))
		}
	}
	return problems
}

// othersNote lists what this rule did find and what other rules found, to
// explain a missing relation.
func othersNote(out Result, text string, r *rule) string {
	var parts []string
	for _, m := range out.Relations {
		s := fmt.Sprintf("%s -%s-> %s", text[m.Source.Start:m.Source.End], m.Type, text[m.Target.Start:m.Target.End])
		if m.Rule != r.id {
			s += " [" + m.Rule + "]"
		}
		parts = append(parts, fmt.Sprintf("%q", s))
	}
	var ments []string
	for _, m := range out.Mentions {
		ments = append(ments, fmt.Sprintf("%s:%s", text[m.Start:m.End], m.Type))
	}
	note := " (mentions: " + strings.Join(ments, ", ")
	if len(parts) > 0 {
		note += "; relations: " + strings.Join(parts, ", ")
	}
	return note + ")"
}

// endpointIs reports whether the endpoint's text, or the canonical name of
// the mention there, is want: a compound mention "China-backed" names China
// (compounds:, compound.go).
func endpointIs(out Result, text string, sp extractor.Span, want string) bool {
	if text[sp.Start:sp.End] == want {
		return true
	}
	for _, m := range out.Mentions {
		if m.Span == sp && m.Canonical == want {
			return true
		}
	}
	return false
}
