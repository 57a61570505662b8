package corpus

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/internal/testenv"
	"github.com/reportgraph/extractor/rules"
)

// newRunner is a Runner with the default rule pack, as `extractor eval` builds it.
func newRunner(t testing.TB) *Runner {
	t.Helper()
	pack, err := rules.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(pack)
	if err != nil {
		t.Fatal(err)
	}
	return &Runner{Opener: &document.Opener{}, Extractor: x, Workers: 2, OnError: func(err error) { t.Error(err) }}
}

// scorePy runs the reference scorer on a dataset and returns its JSON.
func scorePy(t *testing.T, run *Run, gold string) map[string]any {
	t.Helper()
	py := testenv.RequireTool(t, "python3")
	script := filepath.Join(testenv.SharedDir(t, "tools"), "score.py")
	ds := filepath.Join(t.TempDir(), "dataset.json")
	b, err := json.Marshal(run.Dataset)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ds, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, script, "--dataset", ds, "--gold", gold, "--json", "--top", "0").Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	var res map[string]any
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// TestMicroFiguresEqualScorePy: on the development cases (AnnoCTR always;
// the other sets when present, CAPTIER for relations), our micro figures,
// counts and per-type figures are exactly score.py's on the same dataset.
func TestMicroFiguresEqualScorePy(t *testing.T) {
	cases := testenv.SharedDir(t, "data", "cases")
	x := newRunner(t)
	for _, set := range []string{"annoctr-dev", "dnrti-valid", "aptner-dev", "captier-dev"} {
		t.Run(set, func(t *testing.T) {
			dir := filepath.Join(cases, set)
			if set != "annoctr-dev" {
				if _, err := os.Stat(dir); err != nil {
					t.Skipf("%s is absent", dir)
				}
			}
			c, err := Load(dir, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			rep, run := x.Evaluate(context.Background(), c, Options{})
			if len(rep.Documents) == 0 {
				t.Fatal("no document scored")
			}
			compareReports(t, rep, scorePy(t, run, dir))
		})
	}
}

func compareReports(t *testing.T, rep *Report, py map[string]any) {
	t.Helper()
	var ours map[string]any
	b, _ := json.Marshal(rep)
	if err := json.Unmarshal(b, &ours); err != nil {
		t.Fatal(err)
	}
	om, pm := ours["micro"].(map[string]any), py["micro"].(map[string]any)
	for _, k := range []string{"detection", "typed", "relations"} {
		if !equalJSON(om[k], pm[k], 0) {
			t.Errorf("micro %s: ours %v, score.py %v", k, om[k], pm[k])
		}
	}
	for _, k := range []string{"entity_counts", "relation_counts"} {
		if !equalJSON(om[k], pm[k], 0) {
			t.Errorf("micro %s: ours %v, score.py %v", k, om[k], pm[k])
		}
	}
	if !equalJSON(ours["macro"], py["macro"], 1e-12) {
		t.Errorf("macro: ours %v, score.py %v", ours["macro"], py["macro"])
	}
	if py["scored"].(float64) != float64(len(rep.Documents)) {
		t.Errorf("scored %v documents, score.py %v", len(rep.Documents), py["scored"])
	}
	for k, v := range py["per_type"].(map[string]any) {
		if !equalJSON(ours["per_type"].(map[string]any)[k], v, 0) {
			t.Errorf("per type %s: ours %v, score.py %v", k, ours["per_type"].(map[string]any)[k], v)
		}
	}
}

// equalJSON compares decoded JSON values; numbers within tol.
func equalJSON(a, b any, tol float64) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return false
		}
		for k, v := range y {
			if !equalJSON(x[k], v, tol) {
				return false
			}
		}
		return true
	case float64:
		y, ok := b.(float64)
		return ok && math.Abs(x-y) <= tol
	default:
		return a == b
	}
}
