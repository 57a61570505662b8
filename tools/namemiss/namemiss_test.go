// Package namemiss holds only this test: it runs the Python unit tests of the
// missed-name classifier (tools/namemiss/namemiss.py), which judge invented
// names in a sentence of their own.
package namemiss

import (
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
)

// TestNamemissPython runs `python3 -m unittest test_namemiss`; skipped when
// python3 is absent, except under CI=true.
func TestNamemissPython(t *testing.T) {
	testenv.PythonUnittest(t, "test_namemiss")
}
