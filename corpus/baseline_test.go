package corpus

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

func TestBaselineCompare(t *testing.T) {
	g := &Gold{Document: "a.txt", Entities: []GoldEntity{
		{ID: "a", Names: []string{"Alpha"}, Types: []string{"malware"}},
		{ID: "b", Names: []string{"Beta"}, Types: []string{"malware"}}}}
	run := func(names ...string) *Report {
		ds := &extractor.Dataset{Documents: []extractor.DocumentSummary{{ID: "d", Source: "dir/a.txt"}}}
		for i, n := range names {
			ds.Entities = append(ds.Entities, ent("d", string(rune('0'+i)), "malware", n, "r"))
		}
		return Score(ds, []Pair{{DocID: "d", Source: "dir/a.txt", Gold: g}}, Options{})
	}
	// Baseline: Alpha, Beta found, no fp: F1 1. Now: Alpha and Gamma: P = R = F1 = 0.5.
	base, cur := run("Alpha", "Beta"), run("Alpha", "Gamma")
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := WriteBaseline(path, base); err != nil {
		t.Fatal(err)
	}
	base, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	cmp := Compare(base, cur, DefaultTolerance)
	if len(cmp.Documents) != 1 {
		t.Fatalf("document diffs = %+v", cmp.Documents)
	}
	d := cmp.Documents[0]
	if d.Document != "a.txt" || len(d.GainedEntities) != 1 || d.GainedEntities[0].Name != "Gamma" || d.GainedEntities[0].Verdict != VerdictFP ||
		len(d.LostEntities) != 1 || d.LostEntities[0].Name != "Beta" || d.LostEntities[0].Verdict != VerdictTP {
		t.Errorf("diff = %+v", d)
	}
	// micro and macro detection and typed F1 each fell from 1 to 0.5 (four),
	// the malware per-type F1 too (one), and the document's detection and
	// typed F1 (two): seven regressions.
	if len(cmp.Regressions) != 7 {
		t.Errorf("regressions = %+v", cmp.Regressions)
	}
	// The same run against itself, or a drop within the tolerance, passes.
	if c := Compare(base, base, DefaultTolerance); len(c.Regressions)+len(c.Documents)+len(c.Overall) != 0 {
		t.Errorf("self comparison = %+v", c)
	}
	if c := Compare(base, cur, 0.6); len(c.Regressions) != 0 {
		t.Errorf("with tolerance 0.6: %+v", c.Regressions)
	}
	var out bytes.Buffer
	if err := WriteReport(&out, "md", cur, cmp, 5); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"REGRESSION", "+ Gamma \\[malware\\] (fp)", "- Beta \\[malware\\] (tp)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("markdown report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestReportEscapesNames(t *testing.T) {
	rep := Score(&extractor.Dataset{Documents: []extractor.DocumentSummary{{ID: "d"}},
		Entities: []extractor.Entity{ent("d", "1", "malware", "Evil\x1b[31m|`x`", "r")}},
		[]Pair{{DocID: "d", Source: "a.txt", Gold: &Gold{Document: "a.txt", Entities: []GoldEntity{}}}}, Options{})
	cmp := Compare(&Report{Schema: ReportSchema, Documents: []DocReport{{Source: "a.txt"}}}, rep, 0)
	for _, format := range []string{"table", "md"} {
		var out bytes.Buffer
		if err := WriteReport(&out, format, rep, cmp, 5); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "\x1b") {
			t.Errorf("%s report passes a terminal escape through", format)
		}
		if format == "md" && strings.Contains(out.String(), "|`x`") {
			t.Errorf("markdown report does not escape the name")
		}
	}
}
