// Package relmiss holds only this test: it runs the Python unit tests of the
// missed-relation classifier (tools/relmiss/relmiss.py), which build their own
// tiny corpus in a temporary directory.
package relmiss

import (
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
)

// TestRelmissPython runs `python3 -m unittest test_relmiss`; skipped when
// python3 is absent, except under CI=true.
func TestRelmissPython(t *testing.T) {
	testenv.PythonUnittest(t, "test_relmiss")
}
