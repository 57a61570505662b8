package corpus

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func goldSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(testenv.RepoRoot(), "docs", "gold.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("gold.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("gold.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validGold checks a gold case against docs/gold.schema.json and reads it back.
func validGold(t *testing.T, s *jsonschema.Schema, g *Gold) {
	t.Helper()
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("gold of %s does not validate: %v", g.Document, err)
	}
	if _, err := ParseGold(b); err != nil {
		t.Errorf("gold of %s does not read back: %v", g.Document, err)
	}
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// names lists "name [types] optional" of a case, for comparison.
func names(g *Gold) string {
	var out []string
	for _, e := range g.Entities {
		s := strings.Join(e.Names, "|") + " [" + strings.Join(e.Types, ",") + "]"
		if e.Optional {
			s += " optional"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func TestBIOReader(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mycorpus")
	// BIOES with CRLF, a glued line, a mistyped label, a tag-only line, and
	// an unmapped label (DATE).
	p := write(t, dir, "dev.txt", "The O\r\nLazarus B-APT\r\nGroup E-APT\r\nused O\r\nWannaCry S-MAL\r\nin O\r\n2017 S-DATE\r\n. O\r\n\r\n"+
		"http://x.example S-DOM/a.exe S-FILE\r\nLazarus S-APTT\r\nO\r\nthe B-APT\r\ngroup E-APT\r\n\r\n")
	c, err := Load(p, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Format != FormatBIO || len(c.Cases) != 1 || c.Cases[0].Name != "mycorpus-dev-001" {
		t.Fatalf("got format %s, %d cases", c.Format, len(c.Cases))
	}
	cs := c.Cases[0]
	wantText := "The Lazarus Group used WannaCry in 2017 .\nhttp://x.example / a.exe Lazarus the group\n"
	if cs.Text != wantText {
		t.Errorf("text = %q, want %q", cs.Text, wantText)
	}
	// "Lazarus" (S-APTT → APT) is another name than "Lazarus Group"; "the group" is generic.
	want := "Lazarus Group [threat-actor]; WannaCry [malware]; Lazarus [threat-actor]; the group [threat-actor] optional"
	if got := names(cs.Gold); got != want {
		t.Errorf("entities = %s\nwant %s", got, want)
	}
	if got := strings.Join(cs.Gold.EntityTypes, ","); got != "threat-actor,malware" {
		t.Errorf("entity_types = %s", got)
	}
	if m := cs.Gold.Entities[0].Mentions; len(m) != 1 || m[0] != [2]int{4, 17} {
		t.Errorf("mentions of Lazarus Group = %v, want [[4 17]]", m)
	}
	validGold(t, goldSchema(t), cs.Gold)
}

func TestBIOPseudoDocuments(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 2*SentencesPerDocument+1; i++ {
		b.WriteString("APT41 B-HackOrg\nstruck O\n\n")
	}
	p := write(t, t.TempDir(), "valid.txt", b.String())
	c, err := Load(p, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Cases) != 3 {
		t.Fatalf("%d pseudo-documents, want 3 (40 + 40 + 1 sentences)", len(c.Cases))
	}
	if n := strings.Count(c.Cases[0].Text, "\n"); n != SentencesPerDocument {
		t.Errorf("first pseudo-document has %d lines", n)
	}
	if e := c.Cases[2].Gold.Entities; len(e) != 1 || e[0].Names[0] != "APT41" || len(e[0].Mentions) != 1 {
		t.Errorf("last pseudo-document entities = %+v", e)
	}
}

func TestDocStartBoundaries(t *testing.T) {
	p := write(t, t.TempDir(), "x.bio", "-DOCSTART- O\n\nEmotet B-MALWARE\n\n-DOCSTART- O\n\nParis B-LOC\n")
	c, err := Load(p, LoadOptions{Format: FormatBIO})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Cases) != 2 || names(c.Cases[1].Gold) != "Paris [location]" {
		t.Fatalf("cases = %d, second = %s", len(c.Cases), names(c.Cases[len(c.Cases)-1].Gold))
	}
}

func TestDoccanoReader(t *testing.T) {
	p := write(t, t.TempDir(), "set.jsonl",
		`{"id": "G_Sandworm_1", "text": "Sandworm is based in Russia.", "entities": [{"id": 1, "label": "Threat-Actor", "start_offset": 0, "end_offset": 8}, {"id": 2, "label": "Location", "start_offset": 21, "end_offset": 27}], "relations": [{"id": 9, "from_id": 1, "to_id": 2, "type": "located-at"}]}`+"\n"+
			`{"id": "G_Sandworm_2", "text": "Sandworm used phishing.", "entities": [{"id": 3, "label": "Threat-Actor", "start_offset": 0, "end_offset": 8}, {"id": 4, "label": "Attack-Pattern", "start_offset": 14, "end_offset": 22}, {"id": 5, "label": "Tool", "start_offset": 30, "end_offset": 99}], "relations": [{"id": 10, "from_id": 3, "to_id": 4, "type": "uses"}]}`+"\n")
	c, err := Load(p, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Format != FormatDoccano || len(c.Cases) != 1 {
		t.Fatalf("format %s, %d cases, want one document for both lines", c.Format, len(c.Cases))
	}
	g := c.Cases[0].Gold
	if got := names(g); got != "Sandworm [threat-actor,intrusion-set]; Russia [location]; phishing [attack-pattern]" {
		t.Errorf("entities = %s", got)
	}
	if len(g.Relations) != 2 || g.Relations[0].Type != "located-in" || strings.Join(g.Relations[0].Also, ",") != "located-at,based-in" ||
		g.Relations[1].Type != "uses" || g.Relations[1].Source != "sandworm" || g.Relations[1].Target != "phishing" {
		t.Errorf("relations = %+v", g.Relations)
	}
	if !g.ScoresRelations() || len(c.Warnings) != 1 {
		t.Errorf("relations scored %v; warnings %v (want one for the bad offsets)", g.ScoresRelations(), c.Warnings)
	}
	validGold(t, goldSchema(t), g)
}

func TestGoldFolderAndErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "APT28 again.")
	write(t, dir, "a.gold.json", `{"document": "a.txt", "entities": [{"id": "apt28", "names": ["APT28"], "types": ["threat-actor"]}]}`)
	write(t, dir, "b.html", "<p>nothing</p>")
	c, err := Load(dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Format != FormatGold || len(c.Sources) != 2 || len(c.Golds) != 1 {
		t.Fatalf("format %s, sources %v, golds %d", c.Format, c.Sources, len(c.Golds))
	}
	write(t, dir, "c.gold.json", `{"entities": [{"id": "x", "names": ["X"]}], "relations": [{"type": "uses", "source": "x", "target": "nobody"}]}`)
	if _, err := Load(dir, LoadOptions{}); err == nil || !strings.Contains(err.Error(), "c.gold.json") || !strings.Contains(err.Error(), "unknown entity") {
		t.Errorf("bad gold file: err = %v, want one naming the file and the problem", err)
	}
}

// TestGoldFilesValidate: the gold files of the sample and held-out corpora,
// and of the development cases when present, follow docs/gold.schema.json and read.
func TestGoldFilesValidate(t *testing.T) {
	s := goldSchema(t)
	dirs := []string{filepath.Join(testenv.RepoRoot(), "corpus", "samples"), filepath.Join(testenv.RepoRoot(), "corpus", "heldout")}
	if _, err := os.Stat(filepath.Join(testenv.RepoRoot(), "..", "shared", "data", "cases")); err == nil {
		dirs = append(dirs, testenv.SharedDir(t, "data", "cases"))
	}
	n := 0
	for _, dir := range dirs {
		files, err := FindGold(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range files {
			f, err := os.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			v, err := jsonschema.UnmarshalJSON(f)
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if err := s.Validate(v); err != nil {
				t.Errorf("%s: %v", p, err)
			}
			if _, err := ReadGold(p); err != nil {
				t.Error(err)
			}
			n++
		}
	}
	t.Logf("%d gold files valid", n)
}
