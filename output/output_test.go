package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/internal/testenv"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func sampleDataset() *extractor.Dataset {
	doc := extractor.DocumentID([]byte("x"))
	return &extractor.Dataset{
		Schema:    extractor.DatasetSchema,
		Documents: []extractor.DocumentSummary{{ID: doc, Source: "a.txt", Format: extractor.FormatText, Pages: 1, Warnings: []string{}}},
		Entities: []extractor.Entity{{
			ID: "threat-actor:volt-typhoon", Type: extractor.ThreatActor, Name: "Volt Typhoon",
			Aliases: []string{"Vanguard Panda"}, Confidence: 0.9, Status: extractor.StatusCandidate,
			Mentions: []extractor.Mention{{Doc: doc, Span: extractor.Span{Start: 0, End: 12}, Page: 1,
				Text: "Volt Typhoon", Type: extractor.ThreatActor, Rule: "actor.weather-name"}},
		}},
		Relations: []extractor.Relation{},
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join(testenv.RepoRoot(), "docs", "dataset.schema.json"))
	if err != nil {
		t.Fatalf("compiling docs/dataset.schema.json: %v", err)
	}
	return sch
}

func TestJSONValidatesAgainstSchema(t *testing.T) {
	sch := compileSchema(t)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sampleDataset()); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Fatalf("dataset does not validate: %v", err)
	}
}

// The schema must reject what a reader of the dataset could not use, or the
// validation above proves nothing.
func TestSchemaRejectsBrokenDatasets(t *testing.T) {
	sch := compileSchema(t)
	for name, mutate := range map[string]func(*extractor.Dataset){
		"unknown entity type": func(d *extractor.Dataset) { d.Entities[0].Type = "apt" },
		"empty name":          func(d *extractor.Dataset) { d.Entities[0].Name = "" },
		"bad document id":     func(d *extractor.Dataset) { d.Documents[0].ID = "x" },
		"confidence over 1":   func(d *extractor.Dataset) { d.Entities[0].Confidence = 1.5 },
		"mention without rule": func(d *extractor.Dataset) {
			d.Entities[0].Mentions[0].Rule = ""
			d.Entities[0].Mentions[0].Doc = "nope"
		},
	} {
		d := sampleDataset()
		mutate(d)
		var buf bytes.Buffer
		if err := WriteJSON(&buf, d); err != nil {
			t.Fatal(err)
		}
		v, _ := jsonschema.UnmarshalJSON(&buf)
		if err := sch.Validate(v); err == nil {
			t.Errorf("%s: schema accepted a broken dataset", name)
		}
	}
}

func TestJSONLOneObjectPerLine(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, sampleDataset()); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		var line struct {
			Kind  string          `json:"kind"`
			Value json.RawMessage `json:"value"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %q is not JSON: %v", sc.Text(), err)
		}
		kinds = append(kinds, line.Kind)
	}
	if got := strings.Join(kinds, ","); got != "document,entity" {
		t.Fatalf("kinds = %s, want document,entity", got)
	}
}

func TestFormatFor(t *testing.T) {
	dir := t.TempDir()
	cases := []struct{ flag, path, want string }{
		{"", "", "json"}, {"", "out.jsonl", "jsonl"}, {"", "OUT.NDJSON", "jsonl"}, {"json", "x.jsonl", "json"},
		{"", "-", "json"}, {"", "x.json", "json"}, {"", "x.csv", "csv"}, {"", "out/", "csv"}, {"", dir, "csv"},
		{"", "bundle.stix", "stix"}, {"", "bundle.STIX.json", "stix"}, {"", "review.md", "md"},
		{"", "review.markdown", "md"}, {"stix", "x.json", "stix"}, {"md", "", "md"}, {"csv", "", "csv"},
	}
	for _, c := range cases {
		if got, err := FormatFor(c.flag, c.path); err != nil || got != c.want {
			t.Errorf("FormatFor(%q,%q) = %q, %v; want %q", c.flag, c.path, got, err, c.want)
		}
	}
	if _, err := FormatFor("xml", ""); err == nil || !strings.Contains(err.Error(), "xml") {
		t.Errorf("unknown format: err = %v, want one naming xml", err)
	}
}

// Write dispatches every listed format, and what it writes is that format.
func TestWriteEveryFormat(t *testing.T) {
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, f, fullDataset()); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out := buf.String()
		var ok bool
		switch f {
		case "json":
			ok = strings.HasPrefix(out, "{\n  \"schema\": \"extractor.dataset/v1\"")
		case "jsonl":
			ok = strings.HasPrefix(out, `{"kind":"document"`)
		case "csv":
			ok = strings.HasPrefix(out, strings.Join(EntityColumns, ",")+"\n")
		case "stix":
			ok = strings.HasPrefix(out, "{\n  \"type\": \"bundle\"")
		case "md":
			ok = strings.HasPrefix(out, "# Extraction review\n")
		default:
			t.Errorf("format %s has no case here", f)
		}
		if !ok {
			t.Errorf("%s output starts %.60q", f, out)
		}
	}
	if err := Write(&bytes.Buffer{}, "xml", fullDataset()); err == nil {
		t.Error("unknown format accepted")
	}
}
