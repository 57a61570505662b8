package rules

import "fmt"

// Lint checks the embedded pack and the packs in dirs, as Load would read
// them, and returns every problem instead of stopping at the first:
//
//   - errors: invalid YAML, unknown fields and kinds, wrong value types,
//     missing required fields, duplicate ids within a pack, unknown entity
//     types, bad regular expressions, undefined $lists, patterns that can
//     never match;
//   - warnings: rules without examples or description, and unreachable
//     rules — every match example of the rule lost to another rule;
//   - info: rules and lists a later pack overrides.
//
// Problems are sorted by file and position.
func Lint(dirs ...string) []Problem { return lint(true, dirs) }

func lint(embedded bool, dirs []string) []Problem {
	probs := lintUnsorted(embedded, dirs)
	sortProblems(probs)
	return probs
}

func lintUnsorted(embedded bool, dirs []string) []Problem {
	set, probs := parseAll(dirs, embedded)
	if hasErrors(probs) {
		return probs
	}
	an, err := sharedAnalyzer()
	if err != nil {
		return append(probs, Problem{File: "rules", Severity: SeverityError, Message: "loading the tokenizer: " + err.Error()})
	}
	p, cprobs := compile(set, an)
	probs = append(probs, cprobs...)
	if hasErrors(cprobs) {
		return probs
	}
	return append(probs, p.unreachable(p.Test(an))...)
}

func hasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}

// unreachable reports rules whose every match example failed because
// another rule's mention won there.
func (p *Pack) unreachable(results []TestResult) []Problem {
	type tally struct {
		total, shadowed int
		by              string
	}
	byRule := map[string]*tally{}
	for _, r := range results {
		if r.Kind != "match" {
			continue
		}
		t := byRule[r.RuleID]
		if t == nil {
			t = &tally{}
			byRule[r.RuleID] = t
		}
		t.total++
		if !r.Pass && r.ShadowedBy != "" {
			t.shadowed++
			t.by = r.ShadowedBy
		}
	}
	var out []Problem
	for _, r := range p.rules {
		t := byRule[r.id]
		if t == nil || t.total == 0 || t.shadowed < t.total {
			continue
		}
		out = append(out, Problem{File: r.spec.file, Line: r.spec.line(), Column: r.spec.node.Column, RuleID: r.id,
			Severity: SeverityWarning,
			Message:  fmt.Sprintf("unreachable: every match example is shadowed by a longer or higher-priority match (rule %q)", t.by)})
	}
	return out
}
