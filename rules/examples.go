package rules

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
)

// TestResult is the outcome of one example of one rule.
type TestResult struct {
	RuleID string `json:"rule"`
	File   string `json:"file"`
	Line   int    `json:"line"` // line of the example
	Kind   string `json:"kind"` // "match" or "no_match"
	Text   string `json:"text"`
	Pass   bool   `json:"pass"`
	// Message says what went wrong; empty when the example passed.
	Message string `json:"message,omitempty"`
	// ShadowedBy names the rule whose mention won over this rule's
	// candidate, when that is why a match example failed.
	ShadowedBy string `json:"shadowed_by,omitempty"`
}

// Test runs every rule's examples through the whole pack, as a document of
// its own each. The semantics (docs/rules.md, "Examples"):
//
//   - match {text, expect}: every expected text is a mention in the pack's
//     output; at least one of them comes from this rule; this rule produces
//     no mention there that is not expected. A bare sentence only requires
//     some mention from this rule.
//   - for alias rules an expected "A = B" is a link from this rule between
//     mentions with the texts A and B, in either order.
//   - for stop rules the expected words are candidates this rule removed.
//   - no_match: this rule contributes nothing to the output (no mention, no
//     link, nothing stopped).
//
// Testing against the full pack, not the rule alone, is deliberate: an
// example also fails when another rule shadows this one, which is what a
// user would see. The name model (namestage.go) runs only for its own
// rule's examples: the other rules' examples say what the rules find, and
// a name the model found first would take a pattern rule's place.
func (p *Pack) Test(an *nlp.Analyzer) []TestResult {
	var out []TestResult
	rulesOnly := p.WithNameModel(nil)
	for _, r := range p.rules {
		q := rulesOnly
		if r.kind == KindModel {
			q = p.WithNameModel(p.NameModel())
		}
		for _, ex := range r.spec.match {
			out = append(out, q.testExample(an, r, ex, true))
		}
		for _, ex := range r.spec.noMatch {
			out = append(out, q.testExample(an, r, ex, false))
		}
	}
	return out
}

func (p *Pack) testExample(an *nlp.Analyzer, r *rule, ex exampleSpec, match bool) (res TestResult) {
	res = TestResult{RuleID: r.id, File: r.spec.file, Line: ex.node.Line, Kind: "no_match", Text: ex.text}
	if match {
		res.Kind = "match"
	}
	defer func() {
		if e := recover(); e != nil {
			res.Pass, res.Message = false, fmt.Sprintf("matching crashed: %v", e)
		}
	}()
	tr := &trace{}
	sents := an.Analyze(ex.text)
	out := p.match(ex.text, sents, an, tr)
	text := ex.text
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	texts := map[string]bool{}
	for _, m := range out.Mentions {
		texts[m.Text] = true
		texts[text[m.Start:m.End]] = true
	}
	// mine holds this rule's mentions; a refanged indicator may be expected
	// by either its refanged or its written form.
	var mine []string
	forms := map[string]string{} // either form → the written form
	for _, m := range out.Mentions {
		if m.Rule == r.id {
			w := text[m.Start:m.End]
			mine = append(mine, w)
			forms[w], forms[m.Text] = w, w
		}
	}
	// A candidate a longer `canonical: inner` mention took over ("Hermes"
	// inside "Hermes ransomware") lives on as that mention's canonical name:
	// it counts as this rule's.
	for _, c := range tr.cands {
		if c.rule != r.idx {
			continue
		}
		w := text[c.start:c.end]
		if _, ok := forms[w]; ok {
			continue
		}
		for _, m := range out.Mentions {
			if m.Start <= c.start && c.end <= m.End && m.Rule != r.id && m.Canonical == w && p.inherits(m.Rule) {
				mine = append(mine, w)
				forms[w] = w
				texts[w] = true
				break
			}
		}
	}
	// A suppress rule's matches are no mentions; its examples are about
	// what it hid.
	for _, m := range tr.hidden {
		if m.Rule == r.id {
			w := text[m.Start:m.End]
			texts[w] = true
			mine = append(mine, w)
			forms[w] = w
		}
	}
	var myLinks [][2]string
	for _, l := range out.Aliases {
		if l.Rule == r.id {
			myLinks = append(myLinks, [2]string{text[l.Name.Start:l.Name.End], text[l.Alias.Start:l.Alias.End]})
		}
	}
	var stopped []string
	for i, c := range tr.cands {
		if tr.stopped[i] == r.idx {
			stopped = append(stopped, text[c.start:c.end])
		}
	}

	switch {
	case r.kind == KindRelation || r.kind == KindTopic || r.kind == KindHeadline || r.kind == KindNamePlace || r.kind == KindParty:
		problems = append(problems, relationExample(out, text, r, ex, match)...) // relation_examples.go
	case r.kind == KindTable:
		problems = append(problems, tableExample(out, text, r, ex, match)...) // table.go
	case !match:
		switch r.kind {
		case KindStop:
			if len(stopped) > 0 {
				fail("stopped %s", quoteAll(stopped))
			}
		case KindAlias:
			for _, l := range myLinks {
				fail("linked %q = %q", l[0], l[1])
			}
			if len(myLinks) == 0 && len(mine) > 0 {
				fail("produced %s", quoteAll(mine))
			}
		default:
			if len(mine) > 0 {
				fail("produced %s", quoteAll(mine))
			}
		}
	case r.kind == KindStop:
		if ex.any && len(stopped) == 0 {
			fail("stopped nothing")
		}
		for _, w := range ex.expect {
			if !containsFold(stopped, w) {
				fail("did not stop %q", w)
			}
			if texts[w] {
				fail("%q is still a mention", w)
			}
		}
	default:
		ownHit := false
		for _, e := range ex.expect {
			if a, b, ok := strings.Cut(e, " = "); ok && r.kind == KindAlias {
				found := false
				for _, l := range myLinks {
					if (l[0] == a && l[1] == b) || (l[0] == b && l[1] == a) {
						found = true
					}
				}
				if !found {
					fail("no link %q = %q from this rule%s", a, b, linksNote(myLinks))
				}
				ownHit = ownHit || found
				continue
			}
			if !texts[e] {
				fail("expected mention %q not found%s", e, p.whyMissing(tr, out.Mentions, text, r, e, &res))
				continue
			}
			if _, ok := forms[e]; ok {
				ownHit = true
			}
		}
		if r.kind == KindAlias {
			if ex.any && len(myLinks) == 0 {
				fail("no link from this rule")
			}
			break
		}
		if ex.any {
			if len(mine) == 0 {
				fail("no mention from this rule%s", p.whyMissing(tr, out.Mentions, text, r, "", &res))
			}
			break
		}
		if !ownHit && len(problems) == 0 {
			fail("the expected mentions come from other rules, none from this one%s",
				p.whyMissing(tr, out.Mentions, text, r, "", &res))
		}
		expected := map[string]bool{}
		for _, e := range ex.expect {
			if w, ok := forms[e]; ok {
				expected[w] = true
			}
		}
		for _, m := range mine {
			if !expected[m] {
				fail("unexpected mention %q from this rule", m)
			}
		}
	}
	res.Pass = len(problems) == 0
	res.Message = strings.Join(problems, "; ")
	if res.Pass {
		res.ShadowedBy = ""
	}
	return res
}

// whyMissing explains why this rule's candidate (for the expected text, or
// any) is not in the output: stopped, or shadowed by a better mention.
func (p *Pack) whyMissing(tr *trace, final []extractor.Mention, text string, r *rule, want string, res *TestResult) string {
	for i, c := range tr.cands {
		if c.rule != r.idx || (want != "" && text[c.start:c.end] != want && c.text != want) {
			continue
		}
		if s := tr.stopped[i]; s >= 0 {
			return fmt.Sprintf(" (this rule found %q but stop rule %q removed it)", text[c.start:c.end], p.rules[s].id)
		}
		for _, m := range final {
			if m.Start < c.end && c.start < m.End && m.Rule != r.id {
				res.ShadowedBy = m.Rule
				return fmt.Sprintf(" (this rule found %q but %q from rule %q won: longer or higher priority)",
					text[c.start:c.end], text[m.Start:m.End], m.Rule)
			}
		}
	}
	if want != "" {
		return ""
	}
	return " (the rule found no candidate)"
}

func linksNote(links [][2]string) string {
	if len(links) == 0 {
		return ""
	}
	parts := make([]string, len(links))
	for i, l := range links {
		parts[i] = fmt.Sprintf("%q = %q", l[0], l[1])
	}
	return " (it linked " + strings.Join(parts, ", ") + ")"
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(stopKey(v), stopKey(s)) {
			return true
		}
	}
	return false
}

// WriteTestReport prints failed examples (every example when verbose) as
// file:line lines and a summary, and returns the number of failures. It is
// what `extractor rules test` prints.
func WriteTestReport(w io.Writer, results []TestResult, verbose bool) (failed int) {
	rules := map[string]bool{}
	for _, r := range results {
		rules[r.RuleID] = true
		if r.Pass && !verbose {
			continue
		}
		status := "ok  "
		if !r.Pass {
			status = "FAIL"
			failed++
		}
		fmt.Fprintf(w, "%s %s:%d: rule %q %s %q", status, r.File, r.Line, r.RuleID, r.Kind, r.Text)
		if r.Message != "" {
			fmt.Fprintf(w, ": %s", r.Message)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d examples of %d rules: %d passed, %d failed\n", len(results), len(rules), len(results)-failed, failed)
	return failed
}

// sortProblems orders problems by file and position, errors first on ties.
func sortProblems(ps []Problem) {
	rank := map[Severity]int{SeverityError: 0, SeverityWarning: 1, SeverityInfo: 2}
	sort.SliceStable(ps, func(a, b int) bool {
		x, y := ps[a], ps[b]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Line != y.Line {
			return x.Line < y.Line
		}
		if x.Column != y.Column {
			return x.Column < y.Column
		}
		return rank[x.Severity] < rank[y.Severity]
	})
}

// inherits reports whether the rule with this id takes the canonical name
// of a mention inside its match (canonical: inner).
func (p *Pack) inherits(id string) bool {
	for _, r := range p.rules {
		if r.id == id {
			return r.inherit
		}
	}
	return false
}
