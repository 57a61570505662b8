package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// GoldSuffix ends the name of every gold file: <stem>.gold.json sits beside
// the document <stem>.txt (or .pdf, .html, ...).
const GoldSuffix = ".gold.json"

// Gold is the expected output for one document, in the format the reference
// scorer reads (docs/corpus.md, docs/gold.schema.json).
type Gold struct {
	// Document is the file name of the case text, in the gold file's folder.
	Document string `json:"document"`
	// Set and Origin say where the case came from; information only.
	Set    string          `json:"set,omitempty"`
	Origin json.RawMessage `json:"origin,omitempty"`
	// Exhaustive is false when only recall is meaningful (default true).
	Exhaustive *bool `json:"exhaustive,omitempty"`
	// ExhaustiveRelations overrides Exhaustive for relations.
	ExhaustiveRelations *bool `json:"exhaustive_relations,omitempty"`
	// EntityTypes is what the annotation covers; nil means not declared.
	// An unmatched prediction of another type is out of scope.
	EntityTypes []string `json:"entity_types,omitempty"`
	// RelationsAnnotated says whether relations are scored; when absent, they
	// are scored when the file has a "relations" list.
	RelationsAnnotated *bool          `json:"relations_annotated,omitempty"`
	RelationTypes      []string       `json:"relation_types,omitempty"`
	Entities           []GoldEntity   `json:"entities"`
	Relations          []GoldRelation `json:"relations,omitempty"`
}

// GoldEntity is one real thing named in the document.
type GoldEntity struct {
	ID string `json:"id"`
	// Names are the surface variants; any of them matches.
	Names []string `json:"names"`
	// Types are the acceptable types, the annotated one first. Empty:
	// counted for detection only.
	Types []string `json:"types,omitempty"`
	// Optional entities (generic or descriptive mentions) are neither
	// required nor false positives.
	Optional bool `json:"optional,omitempty"`
	// Mentions are [start, end) code-point offsets into the text; information only.
	Mentions [][2]int `json:"mentions,omitempty"`
}

// GoldRelation is one expected relation between two gold entity ids.
type GoldRelation struct {
	Type string `json:"type"`
	// Also lists other accepted types.
	Also       []string `json:"also,omitempty"`
	Source     string   `json:"source"`
	Target     string   `json:"target"`
	Undirected bool     `json:"undirected,omitempty"`
	Optional   bool     `json:"optional,omitempty"`
}

func boolOr(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

// IsExhaustive reports whether precision is computed for entities.
func (g *Gold) IsExhaustive() bool { return boolOr(g.Exhaustive, true) }

// RelationsExhaustive reports whether precision is computed for relations.
func (g *Gold) RelationsExhaustive() bool { return boolOr(g.ExhaustiveRelations, g.IsExhaustive()) }

// ScoresRelations reports whether the case's relations are scored.
func (g *Gold) ScoresRelations() bool { return boolOr(g.RelationsAnnotated, g.Relations != nil) }

// ReadGold reads one gold file. The error names the file and the problem.
func ReadGold(path string) (*Gold, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	g, err := ParseGold(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if g.Document == "" {
		g.Document = GoldStem(path) + ".txt"
	}
	return g, nil
}

// ParseGold decodes a gold file and checks what the scorer relies on:
// every entity has an id and a non-blank name, ids are unique, and every
// relation has a type and endpoints that are entity ids.
func ParseGold(raw []byte) (*Gold, error) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var g Gold
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("not a gold file: %w", err)
	}
	seen := map[string]bool{}
	for i, e := range g.Entities {
		if e.ID == "" {
			return nil, fmt.Errorf("entity #%d has no id", i+1)
		}
		if seen[e.ID] {
			return nil, fmt.Errorf("entity id %q is used twice", e.ID)
		}
		seen[e.ID] = true
		usable := false
		for _, n := range e.Names {
			usable = usable || NormalizeName(n) != ""
		}
		if !usable {
			return nil, fmt.Errorf("entity %q has no usable name", e.ID)
		}
	}
	for i, r := range g.Relations {
		if normType(r.Type) == "" {
			return nil, fmt.Errorf("relation #%d has no type", i+1)
		}
		if !seen[r.Source] || !seen[r.Target] {
			return nil, fmt.Errorf("relation #%d (%s %s %s) names an unknown entity id", i+1, r.Source, r.Type, r.Target)
		}
	}
	return &g, nil
}

// WriteGold writes g as indented JSON to path.
func WriteGold(path string, g *Gold) error {
	b, err := json.MarshalIndent(g, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// GoldStem is the case name of a gold file: its base name without ".gold.json".
func GoldStem(path string) string {
	base := filepath.Base(path)
	if strings.HasSuffix(base, GoldSuffix) {
		return strings.TrimSuffix(base, GoldSuffix)
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// FindGold lists the gold files under dir (recursively, hidden entries
// skipped) in lexical order.
func FindGold(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), GoldSuffix) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
