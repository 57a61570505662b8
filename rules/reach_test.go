package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
)

// A rule's reach only skips tokens where it cannot start: the default pack
// finds exactly the same mentions, aliases and relations with every reach
// ignored (each anchored rule tried at every token of its sentences).
func TestReachSkipsOnlyImpossibleStarts(t *testing.T) {
	fast, err := Load() // fresh packs: the shared default must not change
	if err != nil {
		t.Fatal(err)
	}
	slow, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	bounded := 0
	for _, r := range slow.rules {
		if r.reach.ok {
			bounded++
		}
		r.reach = reach{}
	}
	if bounded < 50 {
		t.Fatalf("only %d rules have a bounded reach: anchoring no longer narrows where rules are tried", bounded)
	}
	sameMatches(t, fast, slow, "reach")
}

// sameMatches runs both packs on a generated CTI text and every text sample
// and reports each text where their results differ; what names the test
// that one pack skips ("reach", "start tests").
func sameMatches(t *testing.T, fast, slow *Pack, what string) {
	t.Helper()
	an := testAnalyzer(t)
	texts := []string{ctiText(64 << 10)}
	files, _ := filepath.Glob(filepath.Join(testenv.RepoRoot(), "corpus", "samples", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	if len(texts) < 10 {
		t.Fatalf("found %d texts to compare on", len(texts))
	}
	for i, text := range texts {
		got := fast.Match(text, an.Analyze(text), an)
		want := slow.Match(text, an.Analyze(text), an)
		if !reflect.DeepEqual(got, want) {
			name := "generated"
			if i > 0 {
				name = filepath.Base(files[i-1])
			}
			t.Errorf("%s: results differ with %s (%d mentions, %d relations) and without (%d, %d)",
				name, what, len(got.Mentions), len(got.Relations), len(want.Mentions), len(want.Relations))
		}
	}
}
