package rules

import (
	"os"
	"path/filepath"
	"testing"
)

// The default pack's vocabulary lists fill the sets the mechanisms read,
// and a user pack that redefines a list replaces its words.
func TestVocabularyLists(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	v := p.cti
	for _, c := range []struct {
		set  map[string]bool
		word string
	}{{v.asideNegations, "n't"}, {v.asideAttribWords, "tied"}, {v.comparisonWords, "resembles"},
		{v.namingVerbs, "dubbed"}, {v.namedPhraseHeads, "cluster"}, {v.victimParticiples, "breached"}} {
		if !c.set[c.word] {
			t.Errorf("default vocabulary lacks %q", c.word)
		}
	}
	if len(v.asideAttribStems) != 2 || v.asideAttribStems[0] != "attribut" {
		t.Errorf("attribution stems = %q", v.asideAttribStems)
	}
	dir := t.TempDir()
	user := "lists:\n  rel_comparison_words: [Overlaps, parallels]\n"
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	q, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if w := q.cti.comparisonWords; !w["overlaps"] || !w["parallels"] || w["resembles"] {
		t.Errorf("redefined rel_comparison_words = %v", w)
	}
	if !q.cti.namingVerbs["dubbed"] {
		t.Error("a list the user pack leaves alone lost its words")
	}
}
