package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The committed PDFs must be what the committed sources render to; a source
// edited without rerunning `go run ./corpus/gen` would leave the PDF and its
// hand-written gold describing different texts.
func TestCommittedPDFsAreCurrent(t *testing.T) {
	srcs, _ := filepath.Glob("src/*.txt")
	if len(srcs) == 0 {
		t.Fatal("no sources in src/")
	}
	out := t.TempDir()
	if err := run("src", out); err != nil {
		t.Fatal(err)
	}
	for _, p := range srcs {
		name := strings.TrimSuffix(filepath.Base(p), ".txt") + ".pdf"
		want, err := os.ReadFile(filepath.Join("..", "samples", name))
		if err != nil {
			t.Errorf("%s has no committed PDF: %v", p, err)
			continue
		}
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("corpus/samples/%s is stale: rerun go run ./corpus/gen", name)
		}
	}
}

type goldCase struct {
	Document string `json:"document"`
	Entities []struct {
		ID    string   `json:"id"`
		Names []string `json:"names"`
		Types []string `json:"types"`
	} `json:"entities"`
	Relations []struct {
		Type   string   `json:"type"`
		Also   []string `json:"also"`
		Source string   `json:"source"`
		Target string   `json:"target"`
	} `json:"relations"`
}

var (
	entityTypes   = "threat-actor organization government person location malware tool vulnerability campaign sector indicator"
	relationTypes = "attributed-to sponsored-by contractor-of employed-by affiliated-with part-of located-in targets uses exploits"
)

// Every sample has a gold file naming it, in the extractor's vocabulary, and
// every relation joins two entities of the same case.
func TestEverySampleHasConsistentGold(t *testing.T) {
	files, _ := filepath.Glob("../samples/*")
	docs := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".gold.json") {
			continue
		}
		docs++
		base := filepath.Base(f)
		goldPath := strings.TrimSuffix(f, filepath.Ext(f)) + ".gold.json"
		raw, err := os.ReadFile(goldPath)
		if err != nil {
			t.Errorf("%s has no gold file", base)
			continue
		}
		var g goldCase
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Errorf("%s: %v", goldPath, err)
			continue
		}
		if g.Document != base {
			t.Errorf("%s names document %q, want %q", goldPath, g.Document, base)
		}
		ids := map[string]bool{}
		for _, e := range g.Entities {
			if ids[e.ID] {
				t.Errorf("%s: duplicate entity id %q", base, e.ID)
			}
			ids[e.ID] = true
			if len(e.Names) == 0 || len(e.Types) == 0 {
				t.Errorf("%s: entity %q needs names and types", base, e.ID)
			}
			for _, ty := range e.Types {
				if !strings.Contains(" "+entityTypes+" ", " "+ty+" ") {
					t.Errorf("%s: entity %q has type %q outside the vocabulary", base, e.ID, ty)
				}
			}
		}
		for _, r := range g.Relations {
			for _, ty := range append([]string{r.Type}, r.Also...) {
				if !strings.Contains(" "+relationTypes+" ", " "+ty+" ") {
					t.Errorf("%s: relation type %q outside the vocabulary", base, ty)
				}
			}
			if !ids[r.Source] || !ids[r.Target] {
				t.Errorf("%s: relation %s %s->%s names an unknown entity", base, r.Type, r.Source, r.Target)
			}
		}
	}
	if docs < 15 {
		t.Errorf("corpus has %d documents, want at least 15", docs)
	}
}
