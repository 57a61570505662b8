// Package namemiss holds only this test: it runs the Python unit tests of the
// missed-name classifier (tools/namemiss/namemiss.py), which judge invented
// names in a sentence of their own.
package namemiss

import (
	"os/exec"
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
)

// TestNamemissPython runs `python3 -m unittest test_namemiss`; skipped when
// python3 is absent, except under CI=true.
func TestNamemissPython(t *testing.T) {
	py := testenv.RequireTool(t, "python3")
	cmd := exec.Command(py, "-m", "unittest", "test_namemiss")
	cmd.Dir = "."
	cmd.Env = append(cmd.Environ(), "PYTHONDONTWRITEBYTECODE=1", "TMPDIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3 -m unittest test_namemiss: %v\n%s", err, out)
	}
}
