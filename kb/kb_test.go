package kb

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/internal/testenv"
)

func write(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadYAML(t *testing.T) {
	p := write(t, "known.yaml", `# our names
entities:
  - name: Blue Heron Group
    type: threat-actor
    aliases: [Sky Viper, " BHG ", sky viper, Blue Heron Group]
    source: note 7
  - {name: Lantern Loader, type: Malware, aliases: LanternLdr, subtype: loader}
`)
	k, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Name: "Blue Heron Group", Type: extractor.ThreatActor, Aliases: []string{"Sky Viper", "BHG"}, Source: "note 7", File: p, Line: 3},
		{Name: "Lantern Loader", Type: extractor.Malware, Aliases: []string{"LanternLdr"}, Subtype: "loader", File: p, Line: 7},
	}
	if !reflect.DeepEqual(k.Entries, want) {
		t.Errorf("got  %+v\nwant %+v", k.Entries, want)
	}
}

func TestLoadTSV(t *testing.T) {
	p := write(t, "known.tsv", "\ufeffname\ttype\taliases\tsubtype\n# comment\n\nBlue Heron Group\tthreat-actor\tSky Viper|BHG\r\nLantern Loader\tmalware\t\tloader\nHarbour Logistics\torganization\n")
	k, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Name: "Blue Heron Group", Type: extractor.ThreatActor, Aliases: []string{"Sky Viper", "BHG"}, File: p, Line: 4},
		{Name: "Lantern Loader", Type: extractor.Malware, Subtype: "loader", File: p, Line: 5},
		{Name: "Harbour Logistics", Type: extractor.Organization, File: p, Line: 6},
	}
	if !reflect.DeepEqual(k.Entries, want) {
		t.Errorf("got  %+v\nwant %+v", k.Entries, want)
	}
}

// Every problem is reported with its file and line, all at once.
func TestLoadErrorsNameFileAndLine(t *testing.T) {
	for _, tc := range []struct {
		name, file, body string
		want             []string // each must appear in the error, in this order
	}{
		{"unknown type", "k.yaml", "entities:\n  - name: A\n    type: threat-actor\n  - name: B\n    type: threat-ator\n",
			[]string{`k.yaml:4: entry "B" has unknown type "threat-ator" (did you mean "threat-actor"?)`}},
		{"missing name and type", "k.yaml", "entities:\n  - aliases: [x]\n",
			[]string{"k.yaml:2: entry has no name", "k.yaml:2: entry has no type"}},
		{"unknown field", "k.yaml", "entities:\n  - name: A\n    type: tool\n    alias: [b]\n",
			[]string{`k.yaml:4: unknown field "alias"`}},
		{"not a mapping", "k.yaml", "- name: A\n", []string{`k.yaml:1: expected a mapping with an "entities" list`}},
		{"bad YAML", "k.yaml", "entities:\n  - name: [A\n    type: tool\n", []string{"k.yaml:", "not valid YAML"}},
		{"empty", "k.yaml", "", []string{"k.yaml: is empty"}},
		{"alias not a string", "k.yaml", "entities:\n  - name: A\n    type: tool\n    aliases: [b, {c: d}]\n",
			[]string{"k.yaml:4: an alias must be a string"}},
		{"duplicate name", "k.yaml", "entities:\n  - name: Sky Viper\n    type: threat-actor\n  - name: Blue Heron\n    type: threat-actor\n    aliases: [SKY  VIPER]\n",
			[]string{`k.yaml:4: "SKY  VIPER" (entry "Blue Heron") is already a name of the threat-actor "Sky Viper" at `, "k.yaml:2"}},
		{"TSV without tab", "k.tsv", "Blue Heron threat-actor\n", []string{"k.tsv:1: expected name<TAB>type"}},
		{"TSV too many columns", "k.tsv", "A\ttool\tb\tc\td\n", []string{"k.tsv:1: expected at most 4"}},
		{"TSV empty alias", "k.tsv", "# c\nA\ttool\tb||c\n", []string{`k.tsv:2: entry "A" has an empty alias`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, tc.file, tc.body)
			_, err := Load(p)
			if err == nil {
				t.Fatal("no error")
			}
			var kerr *Error
			if !errors.As(err, &kerr) {
				t.Fatalf("error is %T, want *kb.Error", err)
			}
			msg := strings.ReplaceAll(err.Error(), filepath.Dir(p)+string(filepath.Separator), "")
			rest := msg
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("error %q lacks %q", msg, w)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

func TestLoadMissingAndOversizedFiles(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope.yaml")); err == nil || !strings.Contains(err.Error(), "nope.yaml: cannot read knowledge base") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Load(t.TempDir()); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
	big := write(t, "big.tsv", "")
	if err := os.Truncate(big, MaxFileBytes+1); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "at most") {
		t.Errorf("oversized file: %v", err)
	}
}

// The same name may name a threat actor and a malware family (Turla), but
// not two entries of one type, even in two files.
func TestDuplicatesAcrossFiles(t *testing.T) {
	a := write(t, "a.tsv", "Turla\tthreat-actor\tSnake\n")
	b := write(t, "b.tsv", "Turla\tmalware\n")
	if _, err := Load(a, b); err != nil {
		t.Errorf("a name shared by two types is allowed: %v", err)
	}
	c := write(t, "c.tsv", "Venomous Bear\tthreat-actor\tsnake\n")
	if _, err := Load(a, c); err == nil || !strings.Contains(err.Error(), "c.tsv:1:") {
		t.Errorf("want a duplicate error at c.tsv:1, got %v", err)
	}
}

func TestGazetteersOnePerFileWithUniqueIDs(t *testing.T) {
	a := write(t, "known.tsv", "A\ttool\n")
	b := filepath.Join(t.TempDir(), "known.yaml")
	if err := os.WriteFile(b, []byte("entities:\n  - {name: B, type: tool, aliases: [BB]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := Load(a, b)
	if err != nil {
		t.Fatal(err)
	}
	gs := k.Gazetteers()
	if len(gs) != 2 || gs[0].ID != "kb.known" || gs[1].ID != "kb.known-2" || gs[1].File != b {
		t.Fatalf("got %+v", gs)
	}
	if e := gs[1].Entries[0]; e.Name != "B" || !reflect.DeepEqual(e.Aliases, []string{"BB"}) || e.Line != 2 || e.Type != extractor.Tool {
		t.Errorf("entry %+v", e)
	}
}

// Names of two or three parts are also matched in the spellings reports
// use for them.
func TestGazetteerSpellingVariants(t *testing.T) {
	k := &KB{Files: []string{"k.tsv"}, Entries: []Entry{{Name: "Storm-9901", Type: extractor.ThreatActor,
		Aliases: []string{"Qihoo 360", "Sandworm Team Extra Long"}, File: "k.tsv", Line: 1}}}
	got := k.Gazetteers()[0].Entries[0].Aliases
	want := []string{"Qihoo 360", "Sandworm Team Extra Long", "Storm 9901", "Storm9901", "Qihoo-360", "Qihoo360"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// The example shipped in corpus/ must stay loadable.
func TestExampleKBLoads(t *testing.T) {
	k, err := Load(filepath.Join(testenv.RepoRoot(), "corpus", "kb-example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Entries) < 3 {
		t.Errorf("example has %d entries", len(k.Entries))
	}
}
