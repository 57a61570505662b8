package extract_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/internal/testenv"
	"github.com/reportgraph/extractor/kb"
	"github.com/reportgraph/extractor/output"
	"github.com/reportgraph/extractor/rules"
)

// run extracts and resolves documents with the default pack plus a KB.
func run(t *testing.T, known *kb.KB, docs ...*extractor.Document) *extractor.Dataset {
	t.Helper()
	pack, err := rules.LoadWith(known.Gazetteers())
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(pack)
	if err != nil {
		t.Fatal(err)
	}
	var results []*extract.DocResult
	for _, d := range docs {
		r, err := x.Document(context.Background(), d)
		if err != nil {
			t.Fatalf("%s: %v", d.Source, err)
		}
		results = append(results, r)
	}
	return extract.Resolve(results, extract.WithKB(known), extract.WithRules(pack.Rules()),
		extract.WithGroupNouns(pack.GroupNouns()))
}

func readText(t *testing.T, name, text string) *extractor.Document {
	t.Helper()
	d, err := document.Read(context.Background(), name, []byte(text), document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Names only the knowledge base knows are found in text, and all their
// aliases end up in one entity that takes the KB's name and type, across
// documents.
func TestKBNamesFoundAndMergedEndToEnd(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "known.yaml")
	err := os.WriteFile(path, []byte(`entities:
  - name: Blue Heron Group
    type: threat-actor
    aliases: [Sky Viper, BHG]
  - name: Lantern Loader
    type: malware
    aliases: [LanternLdr]
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	known, err := kb.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	d1 := readText(t, "one.txt", "In March, Sky Viper deployed LanternLdr against a shipping firm.\nAnalysts say BHG rotated its servers.\n")
	d2 := readText(t, "two.txt", "The Blue Heron Group used Lantern Loader again in May.\n")
	ds := run(t, known, d1, d2)
	byID := map[string]extractor.Entity{}
	for _, e := range ds.Entities {
		byID[e.ID] = e
	}
	actor, ok := byID["threat-actor:blue-heron-group"]
	if !ok {
		t.Fatalf("no threat-actor:blue-heron-group in %v", ids(ds))
	}
	if got := surfaces(actor); strings.Join(got, "|") != "BHG|Blue Heron Group|Sky Viper" {
		t.Errorf("actor mentions %v", got)
	}
	if actor.Attributes["kb"] != path+":2" {
		t.Errorf("kb attribute %q", actor.Attributes["kb"])
	}
	loader, ok := byID["malware:lantern-loader"]
	if !ok {
		t.Fatalf("no malware:lantern-loader in %v", ids(ds))
	}
	if got := surfaces(loader); strings.Join(got, "|") != "Lantern Loader|LanternLdr" {
		t.Errorf("malware mentions %v", got)
	}
	// Without the KB, the invented names are not found (so the KB found
	// them above) and "Blue Heron Group" is at most a company.
	for _, e := range run(t, &kb.KB{}, d1, d2).Entities {
		for _, m := range e.Mentions {
			if m.Text == "Sky Viper" || m.Text == "BHG" || strings.Contains(m.Text, "Lantern") {
				t.Errorf("found %q without the KB: the test text should hold names only the KB knows", m.Text)
			}
		}
		if e.Type == extractor.ThreatActor {
			t.Errorf("threat actor %q without the KB", e.Name)
		}
	}
}

func surfaces(e extractor.Entity) []string {
	set := map[string]bool{}
	for _, m := range e.Mentions {
		set[m.Text] = true
	}
	var out []string
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func ids(ds *extractor.Dataset) []string {
	var out []string
	for _, e := range ds.Entities {
		out = append(out, e.ID)
	}
	return out
}

// The bundled samples go through the whole pipeline and the dataset
// validates against docs/dataset.schema.json; every mention points at its
// text.
func TestSamplesDatasetValidates(t *testing.T) {
	root := testenv.RepoRoot()
	dir := filepath.Join(root, "corpus", "samples")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*extractor.Document
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		d, err := document.ReadFile(context.Background(), filepath.Join(dir, e.Name()), document.Options{})
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		t.Fatal("no samples")
	}
	known, err := kb.Load(filepath.Join(root, "corpus", "kb-example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ds := run(t, known, docs...)
	if len(ds.Entities) < 10 {
		t.Errorf("only %d entities from %d samples", len(ds.Entities), len(docs))
	}
	text := map[string]string{}
	for _, d := range docs {
		text[d.ID] = d.Text
	}
	seen := map[string]bool{}
	for _, e := range ds.Entities {
		if seen[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		seen[e.ID] = true
		if len(e.Mentions) == 0 || e.Confidence <= 0 || e.Confidence > 0.99 {
			t.Errorf("%s: %d mentions, confidence %.2f", e.ID, len(e.Mentions), e.Confidence)
		}
		for _, m := range e.Mentions {
			if e.Type != extractor.Indicator && text[m.Doc][m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %q has span text %q", e.ID, m.Text, text[m.Doc][m.Start:m.End])
			}
		}
	}
	var buf bytes.Buffer
	if err := output.Write(&buf, "json", ds); err != nil {
		t.Fatal(err)
	}
	sch, err := jsonschema.NewCompiler().Compile(filepath.Join(root, "docs", "dataset.schema.json"))
	if err != nil {
		t.Fatalf("compiling docs/dataset.schema.json: %v", err)
	}
	v, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Fatalf("dataset does not validate: %v", err)
	}
}
