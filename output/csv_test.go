package output

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

func readTable(t *testing.T, table string, ds *extractor.Dataset) []map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSVTable(&buf, table, ds); err != nil {
		t.Fatal(err)
	}
	return parseCSV(t, buf.Bytes())
}

func parseCSV(t *testing.T, raw []byte) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return rows
}

func TestCSVEntities(t *testing.T) {
	ds := fullDataset()
	rows := readTable(t, "entities", ds)
	if len(rows) != len(ds.Entities) {
		t.Fatalf("%d rows for %d entities", len(rows), len(ds.Entities))
	}
	vt := rows[0]
	// Volt Typhoon: three mentions in two documents; the first is the
	// earliest offset of the first document, not the first listed.
	want := map[string]string{"id": "threat-actor:volt-typhoon", "type": "threat-actor", "name": "Volt Typhoon",
		"aliases": "Vanguard Panda; BRONZE SILHOUETTE; volt typhoon", "confidence": "0.97", "status": "candidate",
		"mentions": "3", "documents": "2", "first_document": docA, "first_source": "https://example.org/advisory.pdf",
		"first_page": "1", "first_start": "40", "first_end": "54", "first_text": "Vanguard Panda", "first_rule": "gaz.threat-actor.china"}
	for k, v := range want {
		if vt[k] != v {
			t.Errorf("volt typhoon %s = %q, want %q", k, vt[k], v)
		}
	}
	noMentions := readTable(t, "entities", hostileDataset())
	last := noMentions[len(noMentions)-1]
	if last["mentions"] != "0" || last["first_document"] != "" || last["subtype"] != "domain" {
		t.Errorf("entity without mentions: %v", last)
	}
}

func TestCSVRelations(t *testing.T) {
	ds := fullDataset()
	rows := readTable(t, "relations", ds)
	if len(rows) != len(ds.Relations) {
		t.Fatalf("%d rows for %d relations", len(rows), len(ds.Relations))
	}
	var got map[string]string
	for _, r := range rows {
		if r["id"] == "r:contractor" {
			got = r
		}
	}
	want := map[string]string{"type": "contractor-of", "source_id": "organization:i-soon", "source_name": "i-Soon",
		"target_id": "government:ministry-of-state-security", "target_name": "Ministry of State Security",
		"confidence": "0.75", "hedge": "", "evidence": "2",
		"sentence": "i-Soon worked as a contractor for the Ministry of State Security.", "document": docA,
		"source": "https://example.org/advisory.pdf", "page": "2", "start": "200", "end": "265", "rule": "rel.test"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("contractor %s = %q, want %q", k, got[k], v)
		}
	}
	for _, r := range rows {
		if r["id"] == "r:dangling" && (r["target_id"] != "malware:not-in-dataset" || r["target_name"] != "") {
			t.Errorf("relation to an unknown entity: %v", r)
		}
	}
}

// A spreadsheet must show hostile cells as text, and the neutralising
// quote must not touch anything else.
func TestCSVNeutralisesFormulas(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`, "+1-2": "'+1-2", "-cmd": "'-cmd",
		"@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "\rx": "'\rx",
		"a=b": "a=b", "Volt Typhoon": "Volt Typhoon", "": "", "0.5": "0.5", "'quoted": "'quoted",
	} {
		if got := neutraliseCell(in); got != want {
			t.Errorf("neutraliseCell(%q) = %q, want %q", in, got, want)
		}
	}
	ds := hostileDataset()
	for _, table := range CSVTables {
		var buf bytes.Buffer
		if err := WriteCSVTable(&buf, table, ds); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("%s: not CSV: %v", table, err)
		}
		cells := 0
		for _, r := range recs {
			for _, c := range r {
				cells++
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
					t.Errorf("%s: cell %q would run as a formula", table, c)
				}
			}
		}
		if cells == 0 {
			t.Fatalf("%s: empty", table)
		}
	}
	// Newlines inside a cell survive (quoted), they do not start a new row.
	rows := readTable(t, "entities", ds)
	found := false
	for _, r := range rows {
		found = found || r["name"] == "line one\nline two"
	}
	if !found {
		t.Error("a name with a line break did not round-trip")
	}
}

func TestCSVPaths(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ out, ent, rel string }{
		{"out/", "out/entities.csv", "out/relations.csv"},
		{dir, filepath.Join(dir, "entities.csv"), filepath.Join(dir, "relations.csv")},
		{"x.csv", "x.entities.csv", "x.relations.csv"},
		{"run/X.CSV", "run/X.entities.csv", "run/X.relations.csv"},
		{"dataset", "dataset.entities.csv", "dataset.relations.csv"},
	} {
		if e, r := CSVPaths(c.out); e != c.ent || r != c.rel {
			t.Errorf("CSVPaths(%q) = %q, %q; want %q, %q", c.out, e, r, c.ent, c.rel)
		}
	}
}

func TestWriteCSVFiles(t *testing.T) {
	dir := t.TempDir()
	for _, out := range []string{filepath.Join(dir, "new") + "/", filepath.Join(dir, "x.csv")} {
		paths, err := WriteCSVFiles(out, fullDataset())
		if err != nil {
			t.Fatal(err)
		}
		if len(paths) != 2 {
			t.Fatalf("paths = %v", paths)
		}
		for i, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rows := parseCSV(t, raw)
			want := []int{len(fullDataset().Entities), len(fullDataset().Relations)}[i]
			if len(rows) != want {
				t.Errorf("%s: %d rows, want %d", p, len(rows), want)
			}
		}
	}
	if _, err := WriteCSVFiles(filepath.Join(dir, "missing", "x.csv"), fullDataset()); err == nil {
		t.Error("writing into a missing directory did not fail")
	}
}

func TestCSVUnknownTable(t *testing.T) {
	err := WriteCSVTable(&bytes.Buffer{}, "mentions", fullDataset())
	if err == nil || !strings.Contains(err.Error(), "mentions") {
		t.Errorf("err = %v, want one naming the table", err)
	}
}
