package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Report formats for WriteReport.
var ReportFormats = []string{"table", "json", "md", "summary"}

// WriteReport writes the report, and the comparison with the baseline when
// there is one, as a terminal table, JSON or Markdown. Names come from the
// documents (hostile input): control characters are dropped and Markdown
// is escaped.
func WriteReport(w io.Writer, format string, r *Report, cmp *Comparison, top int) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		if cmp == nil {
			return enc.Encode(r)
		}
		return enc.Encode(struct {
			*Report
			Comparison *Comparison `json:"comparison"`
		}{r, cmp})
	case "table", "":
		return writeText(w, r, cmp, top, false)
	case "md", "markdown":
		return writeText(w, r, cmp, top, true)
	case "summary":
		return writeSummary(w, r, cmp)
	}
	return fmt.Errorf("unknown report format %q (one of %s)", format, strings.Join(ReportFormats, ", "))
}

func num(x *float64) string {
	if x == nil {
		return "    -"
	}
	return fmt.Sprintf("%5.3f", *x)
}

// clean drops control characters (terminal escapes) and, for Markdown,
// escapes the characters that would change the table.
func clean(s string, md bool) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, s)
	if len(s) > 80 {
		s = string([]rune(s)[:min(len([]rune(s)), 79)]) + "…"
	}
	if md {
		var b strings.Builder
		for _, r := range s {
			if strings.ContainsRune("\\`*_[]<>|#!~&", r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	return s
}

type textWriter struct {
	w   io.Writer
	md  bool
	err error
}

func (t *textWriter) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

// row prints one table row: columns separated by " | " in Markdown, by
// spaces on a terminal (the widths come from the format).
func (t *textWriter) row(widths []int, cols ...string) {
	if t.md {
		t.printf("| %s |\n", strings.Join(cols, " | "))
		return
	}
	var b strings.Builder
	for i, c := range cols {
		if i > 0 {
			b.WriteString("  ")
		}
		w := 8
		if i < len(widths) {
			w = widths[i]
		}
		if w < 0 {
			b.WriteString(fmt.Sprintf("%-*s", -w, c))
		} else {
			b.WriteString(fmt.Sprintf("%*s", w, c))
		}
	}
	t.printf("%s\n", strings.TrimRight(b.String(), " "))
}

func (t *textWriter) header(widths []int, cols ...string) {
	t.row(widths, cols...)
	if t.md {
		seps := make([]string, len(cols))
		for i := range seps {
			seps[i] = "---"
		}
		t.printf("|%s|\n", strings.Join(seps, "|"))
	}
}

func (t *textWriter) title(s string) {
	if t.md {
		t.printf("\n### %s\n\n", s)
	} else {
		t.printf("\n%s\n", strings.ToUpper(s))
	}
}

func writeText(w io.Writer, r *Report, cmp *Comparison, top int, md bool) error {
	t := &textWriter{w: w, md: md}
	if md {
		t.printf("## Evaluation: %s\n\n", clean(r.Corpus, true))
	} else {
		t.printf("evaluation of %s\n", r.Corpus)
	}
	t.printf("scored %d document(s)", len(r.Documents))
	if n := len(r.GoldWithoutDocument); n > 0 {
		t.printf("; %d gold case(s) without a document", n)
	}
	if n := len(r.DocumentsWithoutGold); n > 0 {
		t.printf("; %d document(s) without gold", n)
	}
	t.printf("\n")
	if len(r.Documents) <= 50 {
		t.title("per document (detection | typed | relations)")
		wd := []int{-40, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4}
		t.header(wd, "document", "P", "R", "F1", "tP", "tR", "tF1", "rP", "rR", "rF1", "gold", "pred")
		for _, d := range r.Documents {
			rel := d.Relations
			if rel == nil {
				rel = &PRF{}
			}
			t.row(wd, clean(d.Key(), md), num(d.Detection.P), num(d.Detection.R), num(d.Detection.F1),
				num(d.Typed.P), num(d.Typed.R), num(d.Typed.F1), num(rel.P), num(rel.R), num(rel.F1),
				fmt.Sprint(d.Entities.Gold), fmt.Sprint(d.Entities.Pred))
		}
	}
	t.title("overall")
	wd := []int{-22, 5, 5, 5, -40}
	t.header(wd, "figure", "P", "R", "F1", "counts")
	ec := r.Micro.EntityCounts
	t.row(wd, "micro detection", num(r.Micro.Detection.P), num(r.Micro.Detection.R), num(r.Micro.Detection.F1),
		fmt.Sprintf("gold %d found %d, pred %d tp %d fp %d, split %d merged %d", ec.Gold, ec.Found, ec.Pred, ec.PredTP, ec.PredFP, ec.Split, ec.Merged))
	t.row(wd, "micro typed", num(r.Micro.Typed.P), num(r.Micro.Typed.R), num(r.Micro.Typed.F1),
		fmt.Sprintf("gold %d found %d, pred %d tp %d fp %d", ec.GoldTyped, ec.TypedFound, ec.TypedPred, ec.TypedPredTP, ec.TypedPredFP))
	if m := r.Micro.Relations; m != nil {
		rc := r.Micro.RelationCounts
		t.row(wd, "micro relations", num(m.P), num(m.R), num(m.F1),
			fmt.Sprintf("gold %d found %d, pred %d tp %d fp %d", rc.Gold, rc.Found, rc.Pred, rc.PredTP, rc.PredFP))
	}
	t.row(wd, "macro detection", num(r.Macro.Detection.P), num(r.Macro.Detection.R), num(r.Macro.Detection.F1), "")
	t.row(wd, "macro typed", num(r.Macro.Typed.P), num(r.Macro.Typed.R), num(r.Macro.Typed.F1), "")
	if m := r.Macro.Relations; m != nil {
		t.row(wd, "macro relations", num(m.P), num(m.R), num(m.F1), "")
	}
	t.printf("%soptional gold entities ignored: %d; out-of-scope predictions ignored: %d\n", map[bool]string{true: "\n", false: ""}[md], ec.OptionalGold, ec.OutOfScopePred)

	if len(r.PerType) > 0 {
		t.title("per type (typed; recall by gold type, precision by predicted type)")
		wd := []int{-16, 5, 5, 5, 5, 5, 5, 5}
		t.header(wd, "type", "P", "R", "F1", "gold", "found", "pred", "tp")
		for _, k := range sortedKeys(r.PerType) {
			v := r.PerType[k]
			t.row(wd, clean(k, md), num(v.P), num(v.R), num(v.F1), fmt.Sprint(v.Gold), fmt.Sprint(v.Found), fmt.Sprint(v.Pred), fmt.Sprint(v.PredTP))
		}
	}
	if len(r.PerRelationType) > 0 {
		t.title("per relation type")
		wd := []int{-16, 5, 5, 5, 5, 5, 5, 5}
		t.header(wd, "type", "P", "R", "F1", "gold", "found", "pred", "tp")
		for _, k := range sortedKeys(r.PerRelationType) {
			v := r.PerRelationType[k]
			t.row(wd, clean(k, md), num(v.P), num(v.R), num(v.F1), fmt.Sprint(v.Gold), fmt.Sprint(v.Found), fmt.Sprint(v.Pred), fmt.Sprint(v.PredTP))
		}
	}
	if len(r.Rules) > 0 && top != 0 {
		t.title("rules (entities: true positives, false positives, right name but wrong type)")
		wd := []int{-40, 5, 5, 5, 6, 6}
		t.header(wd, "rule", "tp", "fp", "wrong", "rel tp", "rel fp")
		for i, x := range r.Rules {
			if top > 0 && i >= top {
				t.printf("(%d more rules; --format json lists all)\n", len(r.Rules)-top)
				break
			}
			t.row(wd, clean(x.Rule, md), fmt.Sprint(x.TP), fmt.Sprint(x.FP), fmt.Sprint(x.WrongType), fmt.Sprint(x.RelationTP), fmt.Sprint(x.RelationFP))
		}
	}
	for _, g := range r.GoldWithoutDocument {
		t.printf("note: no document for gold %s\n", clean(g, md))
	}
	for _, d := range r.DocumentsWithoutGold {
		t.printf("note: no gold for document %s\n", clean(d, md))
	}
	for _, x := range r.Warnings {
		t.printf("warning: %s\n", clean(x, md))
	}
	if cmp != nil {
		writeComparison(t, cmp)
	}
	return t.err
}

func change(c FigureChange) string {
	s := fmt.Sprintf("%s %s: %s → %s", c.Where, c.Figure, strings.TrimSpace(num(c.Old)), strings.TrimSpace(num(c.New)))
	if c.Old != nil && c.New != nil {
		s += fmt.Sprintf(" (%+.3f)", *c.New-*c.Old)
	}
	if c.Regression {
		s += "  REGRESSION"
	}
	return s
}

func writeComparison(t *textWriter, cmp *Comparison) {
	t.title(fmt.Sprintf("compared with the baseline (tolerance %.3f)", cmp.Tolerance))
	if len(cmp.Overall) == 0 {
		t.printf("overall figures unchanged\n")
	}
	bullet := map[bool]string{true: "- ", false: "  "}[t.md]
	for _, c := range cmp.Overall {
		t.printf("%s%s\n", bullet, clean(change(c), t.md))
	}
	for _, d := range cmp.Documents {
		t.printf("%s%s:", bullet, clean(d.Document, t.md))
		switch {
		case d.OnlyInBaseline:
			t.printf(" only in the baseline\n")
			continue
		case d.OnlyInThisRun:
			t.printf(" new document\n")
			continue
		}
		for _, f := range d.Figures {
			t.printf(" %s %s → %s;", f.Figure, strings.TrimSpace(num(f.Old)), strings.TrimSpace(num(f.New)))
		}
		t.printf("\n")
		for _, e := range d.GainedEntities {
			t.printf("    + %s (%s)\n", clean(e.Key(), t.md), e.Verdict)
		}
		for _, e := range d.LostEntities {
			t.printf("    - %s (%s)\n", clean(e.Key(), t.md), e.Verdict)
		}
		for _, e := range d.GainedRelations {
			t.printf("    + %s (%s)\n", clean(e.Key(), t.md), e.Verdict)
		}
		for _, e := range d.LostRelations {
			t.printf("    - %s (%s)\n", clean(e.Key(), t.md), e.Verdict)
		}
	}
	if len(cmp.Regressions) > 0 {
		t.printf("\n%d F1 figure(s) dropped by more than %.3f\n", len(cmp.Regressions), cmp.Tolerance)
	}
}

// writeSummary prints one line of micro figures (for make eval), plus the
// regressions when compared with a baseline.
func writeSummary(w io.Writer, r *Report, cmp *Comparison) error {
	fig := func(p PRF) string {
		return fmt.Sprintf("p=%s r=%s f1=%s", strings.TrimSpace(num(p.P)), strings.TrimSpace(num(p.R)), strings.TrimSpace(num(p.F1)))
	}
	line := fmt.Sprintf("%-16s %3d docs | detection %s | typed %s", clean(r.Corpus, false), len(r.Documents), fig(r.Micro.Detection), fig(r.Micro.Typed))
	if r.Micro.Relations != nil {
		line += " | relations " + fig(*r.Micro.Relations)
	}
	if _, err := fmt.Fprintln(w, line); err != nil {
		return err
	}
	if cmp != nil {
		for _, c := range cmp.Regressions {
			if _, err := fmt.Fprintln(w, "  "+change(c)); err != nil {
				return err
			}
		}
	}
	return nil
}
