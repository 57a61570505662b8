package nametrain

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/corpus"
	"github.com/reportgraph/extractor/rules"
)

func TestLabelsComeFromGoldNames(t *testing.T) {
	class := map[extractor.EntityType]int{extractor.Organization: 1, extractor.Location: 4}
	g := &corpus.Gold{Entities: []corpus.GoldEntity{
		{Names: []string{"Brindleford Quay Ltd", "Brindleford"}, Types: []string{"organization"}},
		{Names: []string{"Tarrowmere"}, Types: []string{"location"}},
		{Names: []string{"Kestle Labs"}, Types: []string{"organization"}, Optional: true},
		{Names: []string{"energy"}, Types: []string{"sector"}},
	}}
	names := goldNames(g, class)
	for text, want := range map[string]int{
		"Brindleford":           1,
		"The Tarrowmere":        4, // the scorer drops a leading "the"
		"Kestle Labs":           labelOptional,
		"Energy":                labelOtherType, // a sector: not a class of the model
		"Brindleford Quay":      labelOtherType, // part of a gold name
		"Quay Ltd":              labelOtherType,
		"Harlow Mere Analytics": 0,
	} {
		if got := labelOf(text, names); got != want {
			t.Errorf("labelOf(%q) = %d, want %d", text, got, want)
		}
	}
}

// writeCorpus writes n small documents with gold files: each names two
// invented companies in telling contexts and says nothing of a heading.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		a, b := fmt.Sprintf("Quarrowdene%c", 'a'+i), fmt.Sprintf("Velmorrow%c Intelligence", 'a'+i)
		text := fmt.Sprintf("Incident Summary\n\nAnalysts at %s said the intrusion at %s began in March. "+
			"A spokesperson for %s declined to comment. Researchers at %s shared indicators.\n", b, a, a, b)
		gold := map[string]any{"document": fmt.Sprintf("d%d.txt", i), "exhaustive": true,
			"entity_types": []string{"organization"},
			"entities": []map[string]any{
				{"id": "a", "names": []string{a}, "types": []string{"organization"}},
				{"id": "b", "names": []string{b}, "types": []string{"organization"}},
			}}
		js, _ := json.Marshal(gold)
		for name, data := range map[string][]byte{fmt.Sprintf("d%d.txt", i): []byte(text), fmt.Sprintf("d%d.gold.json", i): js} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// Training reads the corpus with the rules, labels, cross-validates,
// writes model files the rules package loads, and gives the same files
// twice (the embedded model is reproducible).
func TestTrainWritesALoadableReproducibleModel(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the default pack")
	}
	dir := writeCorpus(t, 6)
	var files [2][]byte
	for i := range files {
		out := t.TempDir()
		var log bytes.Buffer
		if err := Train(context.Background(), Options{Corpus: dir, Folds: 3, Out: out, Log: &log, Buckets: 1 << 10}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(log.String(), "| threshold |") || !strings.Contains(log.String(), "6 documents") {
			t.Errorf("log lacks the cross-validation table:\n%s", log.String())
		}
		meta, err := os.ReadFile(filepath.Join(out, rules.NameModelMetaFile))
		if err != nil {
			t.Fatal(err)
		}
		w, err := os.ReadFile(filepath.Join(out, rules.NameModelWeightsFile))
		if err != nil {
			t.Fatal(err)
		}
		m, err := rules.LoadNameModel(meta, w)
		if err != nil {
			t.Fatal(err)
		}
		if m.Buckets != 1<<10 || len(m.ClassNames()) != len(Types)+1 {
			t.Errorf("model of %d buckets, classes %v", m.Buckets, m.ClassNames())
		}
		files[i] = append(meta, w...)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two trainings on the same corpus wrote different files")
	}
}

func TestTrainNamesAMissingCorpus(t *testing.T) {
	err := Train(context.Background(), Options{Corpus: filepath.Join(t.TempDir(), "nope"), Folds: 5})
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("error %v should name the corpus", err)
	}
}

// The verdicts list every name the cross-validation judged with its
// document, gold label and score, so that the misses can be sorted by
// cause: each invented company is there, labelled organization, in the
// document that names it.
func TestTrainWritesVerdictsOfHeldOutNames(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the default pack")
	}
	dir := writeCorpus(t, 6)
	var out bytes.Buffer
	if err := Train(context.Background(), Options{Corpus: dir, Folds: 3, Log: io.Discard, Verdicts: &out, Buckets: 1 << 10}); err != nil {
		t.Fatal(err)
	}
	seen := map[string]verdictLine{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var v verdictLine
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if v.Found == "" {
			seen[v.Doc+" "+v.Text] = v
		}
	}
	for i := 0; i < 6; i++ {
		key := fmt.Sprintf("d%d.txt Quarrowdene%c", i, 'a'+i)
		v, ok := seen[key]
		if !ok {
			t.Errorf("no verdict for %q in:\n%s", key, out.String())
			continue
		}
		if v.Gold != "organization" || v.P <= 0 || v.P > 1 {
			t.Errorf("verdict %+v: want gold organization and a probability", v)
		}
	}
}

// failingWriter fails every write after the first n bytes, as a full disk
// does.
type failingWriter struct{ n int }

func (w *failingWriter) Write(b []byte) (int, error) {
	if len(b) > w.n {
		k := w.n
		w.n = 0
		return k, errors.New("disk full")
	}
	w.n -= len(b)
	return len(b), nil
}

// A verdicts file cut short would sort the misses under the wrong causes:
// Train returns the write error instead of finishing quietly.
func TestTrainReturnsVerdictWriteErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the default pack")
	}
	dir := writeCorpus(t, 6)
	err := Train(context.Background(), Options{Corpus: dir, Folds: 3, Log: io.Discard, Verdicts: &failingWriter{n: 100}, Buckets: 1 << 10})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Train = %v, want the write error", err)
	}
}
