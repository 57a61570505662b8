// Package extractor holds the domain types shared by every stage of the
// pipeline: documents and their position table, mentions, entities,
// relations and the dataset the writers take.
//
// Data flows one way: fetch → document → nlp → rules → extract → output.
// Every package may import this one; this one imports nothing of ours.
package extractor

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"time"
)

// Format is the kind of input a document was read from.
type Format string

// Formats the readers know. Detection is by content, never by file name.
const (
	FormatPDF      Format = "pdf"
	FormatHTML     Format = "html"
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
)

// PageSeparator separates pages inside Document.Text, as pdftotext does.
// Page ranges never include it.
const PageSeparator = '\f'

// Document is a report read into normalised text. It is immutable once a
// reader returns it: the same raw bytes always give the same Text, so byte
// offsets into Text are stable identifiers of evidence.
type Document struct {
	// ID is "doc:sha256:<hex>" of the raw input bytes.
	ID string `json:"id"`
	// Source is the path or URL exactly as the user gave it.
	Source string `json:"source"`
	Format Format `json:"format"`
	// Engine names the reader that produced Text (for PDFs, the engine chosen).
	Engine    string     `json:"engine,omitempty"`
	Title     string     `json:"title,omitempty"`
	Author    string     `json:"author,omitempty"`
	Site      string     `json:"site,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	Language  string     `json:"language,omitempty"`
	// Text is the normalised text; pages are separated by PageSeparator.
	Text     string   `json:"text"`
	Pages    []Page   `json:"pages"`
	Warnings []string `json:"warnings,omitempty"`

	lines []int // byte offset of the start of every line; built by Index
}

// Page is one page of a document as a byte range [Start, End) of Text.
// Numbers start at 1. Formats without pages have a single page.
type Page struct {
	Number int `json:"number"`
	Start  int `json:"start"`
	End    int `json:"end"`
}

// Span is a byte range [Start, End) of Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Position is a human-readable place in a document. Line and Column count
// from 1; Column counts bytes, like go/token.
type Position struct {
	Page   int `json:"page"`
	Line   int `json:"line"`
	Column int `json:"column"`
}

// DocumentID returns the stable identifier of raw input bytes.
func DocumentID(raw []byte) string {
	sum := sha256.Sum256(raw)
	return "doc:sha256:" + hex.EncodeToString(sum[:])
}

// Index builds the line table used by Position. Readers call it once before
// returning a document; Position builds it on demand otherwise.
func (d *Document) Index() {
	lines := make([]int, 1, 1+len(d.Text)/64)
	for i := 0; i < len(d.Text); i++ {
		if d.Text[i] == '\n' || d.Text[i] == PageSeparator {
			lines = append(lines, i+1)
		}
	}
	d.lines = lines
}

// Position maps a byte offset of Text to its page, line and column in
// O(log n), like go/token's line table. Offsets out of range are clamped.
func (d *Document) Position(offset int) Position {
	if d.lines == nil {
		d.Index()
	}
	if offset < 0 {
		offset = 0
	}
	if offset > len(d.Text) {
		offset = len(d.Text)
	}
	line := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > offset }) - 1
	return Position{Page: d.PageOf(offset), Line: line + 1, Column: offset - d.lines[line] + 1}
}

// PageOf returns the number of the page holding offset (0 when the document
// has no pages). An offset on a page separator belongs to the page before.
func (d *Document) PageOf(offset int) int {
	if len(d.Pages) == 0 {
		return 0
	}
	i := sort.Search(len(d.Pages), func(i int) bool { return d.Pages[i].End >= offset })
	if i == len(d.Pages) {
		i--
	}
	return d.Pages[i].Number
}

// PageText returns the text of page n (1-based), or "" when there is none.
func (d *Document) PageText(n int) string {
	for _, p := range d.Pages {
		if p.Number == n {
			return d.Text[p.Start:p.End]
		}
	}
	return ""
}

// EntityType is one of the entity vocabulary below; the same names are used
// in rules, the dataset, gold files and every writer.
type EntityType string

// The entity vocabulary.
const (
	ThreatActor   EntityType = "threat-actor"
	Organization  EntityType = "organization"
	Government    EntityType = "government"
	Person        EntityType = "person"
	Location      EntityType = "location"
	Malware       EntityType = "malware"
	Tool          EntityType = "tool"
	Vulnerability EntityType = "vulnerability"
	Campaign      EntityType = "campaign"
	Sector        EntityType = "sector"
	Indicator     EntityType = "indicator"
)

// EntityTypes lists the vocabulary in a fixed order (used by writers and lint).
var EntityTypes = []EntityType{ThreatActor, Organization, Government, Person, Location,
	Malware, Tool, Vulnerability, Campaign, Sector, Indicator}

// ValidEntityType reports whether t is in the vocabulary.
func ValidEntityType(t EntityType) bool {
	for _, v := range EntityTypes {
		if v == t {
			return true
		}
	}
	return false
}

// Mention is one place in one document where a name occurs.
type Mention struct {
	Doc  string `json:"document"`
	Span        // byte offsets into the document's Text
	Page int    `json:"page,omitempty"`
	// Text is the surface form as it appears (for indicators, refanged).
	Text string     `json:"text"`
	Type EntityType `json:"type"`
	// Subtype refines indicators (ipv4, domain, sha256, ...).
	Subtype string `json:"subtype,omitempty"`
	// Canonical is the name a gazetteer or definition rule assigned, if any.
	Canonical  string  `json:"canonical,omitempty"`
	Rule       string  `json:"rule"`
	Priority   int     `json:"-"`
	Confidence float64 `json:"confidence,omitempty"`
	Hedge      string  `json:"hedge,omitempty"`
	// Defanged is true when the indicator was written defanged (hxxp, [.]).
	Defanged bool `json:"defanged,omitempty"`
	// Party is true for a threat-actor mention of a name the rules know as
	// malware, which the text describes as a group ("X, a ransomware
	// gang"), or an organisation mention of a name the rules know as a
	// tool, which the text describes as its maker ("X, the maker of
	// remote-access software"): it is an entity of its own, apart from the
	// malware or tool X.
	Party bool `json:"-"`
}

// Status is the review state of an entity or relation.
type Status string

// Review states.
const (
	StatusCandidate Status = "candidate"
	StatusAccepted  Status = "accepted"
	StatusRejected  Status = "rejected"
	StatusEdited    Status = "edited"
	StatusStale     Status = "stale"
)

// Entity is one real-world thing, with every mention that names it.
type Entity struct {
	// ID is derived from Type and the normalised canonical name, so the same
	// thing gets the same ID in every run.
	ID         string            `json:"id"`
	Type       EntityType        `json:"type"`
	Subtype    string            `json:"subtype,omitempty"`
	Name       string            `json:"name"`
	Aliases    []string          `json:"aliases"`
	Confidence float64           `json:"confidence"`
	Attributes map[string]string `json:"attributes,omitempty"`
	Status     Status            `json:"status,omitempty"`
	Mentions   []Mention         `json:"mentions"`
}

// Evidence is why we believe a relation: one sentence in one document.
type Evidence struct {
	Doc      string `json:"document"`
	Span            // the sentence's byte range
	Page     int    `json:"page,omitempty"`
	Sentence string `json:"sentence"`
	Rule     string `json:"rule"`
	Hedge    string `json:"hedge,omitempty"`
	// Coref says how a pronoun or "the group" was resolved, when it was.
	Coref string `json:"coref,omitempty"`
}

// Relation is a typed, directed edge between two entities.
type Relation struct {
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Source     string     `json:"source"`
	Target     string     `json:"target"`
	Confidence float64    `json:"confidence"`
	Status     Status     `json:"status,omitempty"`
	Evidence   []Evidence `json:"evidence"`
}

// DatasetSchema names the dataset format version.
const DatasetSchema = "extractor.dataset/v1"

// DocumentSummary is how a document appears in a dataset (no text).
type DocumentSummary struct {
	ID        string     `json:"id"`
	Source    string     `json:"source"`
	Format    Format     `json:"format"`
	Title     string     `json:"title,omitempty"`
	Author    string     `json:"author,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	Language  string     `json:"language,omitempty"`
	Pages     int        `json:"pages"`
	Warnings  []string   `json:"warnings"`
}

// Summary returns the dataset view of d.
func (d *Document) Summary() DocumentSummary {
	w := d.Warnings
	if w == nil {
		w = []string{}
	}
	return DocumentSummary{ID: d.ID, Source: d.Source, Format: d.Format, Title: d.Title,
		Author: d.Author, Published: d.Published, Language: d.Language, Pages: len(d.Pages), Warnings: w}
}

// Dataset is what extraction produces and what every writer takes.
type Dataset struct {
	Schema    string            `json:"schema"`
	Documents []DocumentSummary `json:"documents"`
	Entities  []Entity          `json:"entities"`
	Relations []Relation        `json:"relations"`
}

// KeepConfident drops the entities and relations whose confidence is below
// min, and the relations that lose an end by it, so a pipeline can cut low
// confidence candidates (the relation model's proposals sit below 0.11)
// before writing. A min of 0 or less keeps everything.
func (d *Dataset) KeepConfident(min float64) {
	if min <= 0 {
		return
	}
	kept := make(map[string]bool, len(d.Entities))
	ents := d.Entities[:0]
	for _, e := range d.Entities {
		if e.Confidence >= min {
			kept[e.ID] = true
			ents = append(ents, e)
		}
	}
	d.Entities = ents
	rels := d.Relations[:0]
	for _, r := range d.Relations {
		if r.Confidence >= min && kept[r.Source] && kept[r.Target] {
			rels = append(rels, r)
		}
	}
	d.Relations = rels
}

// InputError is a per-input failure: which input, at which stage, and why.
// A batch collects these and goes on with the other inputs.
type InputError struct {
	Source string
	Stage  string
	Err    error
}

func (e *InputError) Error() string { return e.Source + ": " + e.Stage + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }
