package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
)

// topicActor's running tallies give what counting every earlier mention
// gives, at every call the rules make on the sample reports.
func TestTopicTalliesMatchCounting(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(testenv.RepoRoot(), "corpus", "samples", "*.txt"))
	if len(paths) == 0 {
		t.Skip("no samples")
	}
	if testing.Short() && len(paths) > 20 {
		paths = paths[:20]
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	checkTopicTallies = true
	defer func() { checkTopicTallies = false }()
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: %v", filepath.Base(path), r)
				}
			}()
			p.Match(text, an.Analyze(text), an)
		}()
	}
}
