// Package relmiss holds only this test: it runs the Python unit tests of the
// missed-relation classifier (tools/relmiss/relmiss.py), which build their own
// tiny corpus in a temporary directory.
package relmiss

import (
	"os/exec"
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
)

// TestRelmissPython runs `python3 -m unittest test_relmiss`; skipped when
// python3 is absent, except under CI=true.
func TestRelmissPython(t *testing.T) {
	py := testenv.RequireTool(t, "python3")
	cmd := exec.Command(py, "-m", "unittest", "test_relmiss")
	cmd.Dir = "."
	cmd.Env = append(cmd.Environ(), "PYTHONDONTWRITEBYTECODE=1", "TMPDIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3 -m unittest test_relmiss: %v\n%s", err, out)
	}
}
