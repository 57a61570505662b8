// Package paraphrase holds only this test: it runs the Python unit tests of
// the article-rewriter simulator (tools/paraphrase/paraphrase.py) on a tiny
// WordNet the tests write themselves, and of its loss report (losses.py).
package paraphrase

import (
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
)

// TestParaphrasePython runs `python3 -m unittest test_paraphrase`; skipped
// when python3 is absent, except under CI=true.
func TestParaphrasePython(t *testing.T) {
	testenv.PythonUnittest(t, "test_paraphrase")
}

// TestLossesPython runs `python3 -m unittest test_losses` (the loss report
// on hand-made eval reports).
func TestLossesPython(t *testing.T) {
	testenv.PythonUnittest(t, "test_losses")
}
