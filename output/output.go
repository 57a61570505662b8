// Package output writes a dataset in the formats analysts and pipelines
// load: the dataset JSON (extractor.dataset/v1), JSON Lines, CSV tables, a
// STIX 2.1 bundle and a Markdown review report (docs/output.md).
package output

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/reportgraph/extractor"
)

// Formats lists the writers by name.
var Formats = []string{"json", "jsonl", "csv", "stix", "md"}

// FormatFor returns the format named by flag, or guessed from the output
// path when flag is empty: .jsonl/.ndjson → jsonl, .csv or a directory →
// csv, .stix/.stix.json → stix, .md/.markdown → md; "json" otherwise.
func FormatFor(flag, path string) (string, error) {
	if flag == "" {
		lower := strings.ToLower(path)
		switch {
		case path != "" && path != "-" && isDirPath(path):
			return "csv", nil
		case strings.HasSuffix(lower, ".stix.json"):
			return "stix", nil
		}
		switch filepath.Ext(lower) {
		case ".jsonl", ".ndjson":
			return "jsonl", nil
		case ".csv":
			return "csv", nil
		case ".stix":
			return "stix", nil
		case ".md", ".markdown":
			return "md", nil
		default:
			return "json", nil
		}
	}
	for _, f := range Formats {
		if f == flag {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (choose one of %v)", flag, Formats)
}

// Write writes ds to w in the named format. CSV on a single stream is the
// entities table; WriteCSVFiles writes both tables, WriteCSVTable either.
func Write(w io.Writer, format string, ds *extractor.Dataset) error {
	switch format {
	case "json":
		return WriteJSON(w, ds)
	case "jsonl":
		return WriteJSONL(w, ds)
	case "csv":
		return WriteCSVTable(w, "entities", ds)
	case "stix":
		return WriteSTIX(w, ds)
	case "md":
		return WriteMarkdown(w, ds)
	}
	return fmt.Errorf("unknown format %q", format)
}

// WriteJSON writes the dataset as one indented JSON document.
func WriteJSON(w io.Writer, ds *extractor.Dataset) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(ds)
}

// WriteJSONL writes one JSON object per line: each document, entity and
// relation, tagged with "kind", so a pipeline can stream them.
func WriteJSONL(w io.Writer, ds *extractor.Dataset) error {
	enc := json.NewEncoder(w)
	type line struct {
		Kind   string `json:"kind"`
		Schema string `json:"schema"`
		Value  any    `json:"value"`
	}
	for _, d := range ds.Documents {
		if err := enc.Encode(line{"document", ds.Schema, d}); err != nil {
			return err
		}
	}
	for _, e := range ds.Entities {
		if err := enc.Encode(line{"entity", ds.Schema, e}); err != nil {
			return err
		}
	}
	for _, r := range ds.Relations {
		if err := enc.Encode(line{"relation", ds.Schema, r}); err != nil {
			return err
		}
	}
	return nil
}
