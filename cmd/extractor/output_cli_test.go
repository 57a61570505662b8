package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const csvReport = "Volt Typhoon targeted telecommunications providers in Guam using KV-botnet.\n"

func csvHeader(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rec, err := csv.NewReader(f).Read()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rec
}

// CSV is two tables: a directory or x.csv gets both files; a stream gets
// one table, the entities unless --table names another.
func TestExtractCSVTables(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "report.txt", []byte(csvReport))
	for _, c := range []struct{ out, entities, relations string }{
		{filepath.Join(dir, "out") + "/", filepath.Join(dir, "out", "entities.csv"), filepath.Join(dir, "out", "relations.csv")},
		{filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.entities.csv"), filepath.Join(dir, "run.relations.csv")},
	} {
		if _, stderr, failed := run(t, "", "extract", "-o", c.out, in); failed {
			t.Fatalf("-o %s failed: %s", c.out, stderr)
		}
		if h := csvHeader(t, c.entities); h[0] != "id" || h[3] != "name" {
			t.Errorf("%s header = %v", c.entities, h)
		}
		if h := csvHeader(t, c.relations); h[0] != "id" || h[2] != "source_id" {
			t.Errorf("%s header = %v", c.relations, h)
		}
	}
	stdout, _, failed := run(t, "", "extract", "-f", "csv", in)
	if failed || !strings.HasPrefix(stdout, "id,type,subtype,name,") {
		t.Errorf("csv to stdout = %.80q, want the entities table", stdout)
	}
	stdout, _, failed = run(t, "", "extract", "-f", "csv", "--table", "relations", in)
	if failed || !strings.HasPrefix(stdout, "id,type,source_id,") {
		t.Errorf("--table relations = %.80q, want the relations table", stdout)
	}
	if _, stderr, failed := run(t, "", "extract", "-f", "json", "--table", "relations", in); !failed || !strings.Contains(stderr, "--table") {
		t.Errorf("--table with json: failed=%v stderr=%q, want an error naming --table", failed, stderr)
	}
}

func TestExtractFormatFromOutputName(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "report.txt", []byte(csvReport))
	for name, prefix := range map[string]string{
		"bundle.stix.json": "{\n  \"type\": \"bundle\"",
		"review.md":        "# Extraction review",
	} {
		out := filepath.Join(dir, name)
		if _, stderr, failed := run(t, "", "extract", "-o", out, in); failed {
			t.Fatalf("-o %s: %s", name, stderr)
		}
		raw, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(raw), prefix) {
			t.Errorf("-o %s wrote %.60q", name, raw)
		}
	}
}
