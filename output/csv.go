package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/reportgraph/extractor"
)

// The CSV format is two tables, one row per entity and one per relation
// (docs/output.md). A file or directory output gets both; a single stream
// gets one table, the entities unless another is asked for.

// CSVTables names the tables, in the order they are written.
var CSVTables = []string{"entities", "relations"}

// EntityColumns and RelationColumns are the header rows.
var (
	EntityColumns = []string{"id", "type", "subtype", "name", "aliases", "confidence", "status",
		"mentions", "documents", "first_document", "first_source", "first_page", "first_start", "first_end",
		"first_text", "first_rule"}
	RelationColumns = []string{"id", "type", "source_id", "source_name", "target_id", "target_name",
		"confidence", "status", "hedge", "evidence", "sentence", "document", "source", "page", "start", "end",
		"rule"}
)

// ListSeparator joins the values of a list cell (aliases).
const ListSeparator = "; "

// WriteCSVTable writes one table ("entities" or "relations") to w.
func WriteCSVTable(w io.Writer, table string, ds *extractor.Dataset) error {
	var rows [][]string
	switch table {
	case "entities":
		rows = entityRows(ds)
	case "relations":
		rows = relationRows(ds)
	default:
		return fmt.Errorf("unknown CSV table %q (choose one of %v)", table, CSVTables)
	}
	cw := csv.NewWriter(w)
	for _, r := range rows {
		for i := range r {
			r[i] = neutraliseCell(r[i])
		}
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// CSVPaths returns the files a CSV output to out is written to: inside out
// when it is a directory (an existing one, or a path ending in a
// separator), else beside it: x.csv gives x.entities.csv and x.relations.csv.
func CSVPaths(out string) (entities, relations string) {
	if isDirPath(out) {
		return filepath.Join(out, "entities.csv"), filepath.Join(out, "relations.csv")
	}
	base := out
	if strings.EqualFold(filepath.Ext(base), ".csv") {
		base = strings.TrimSuffix(base, filepath.Ext(base))
	}
	return base + ".entities.csv", base + ".relations.csv"
}

func isDirPath(p string) bool {
	if strings.HasSuffix(p, "/") || strings.HasSuffix(p, string(filepath.Separator)) {
		return true
	}
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// WriteCSVFiles writes both tables for the output path out (see CSVPaths),
// creating a directory named with a trailing separator, and returns the
// paths written.
func WriteCSVFiles(out string, ds *extractor.Dataset) ([]string, error) {
	if isDirPath(out) {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return nil, err
		}
	}
	ent, rel := CSVPaths(out)
	paths := []string{ent, rel}
	for i, table := range CSVTables {
		if err := writeFile(paths[i], func(w io.Writer) error { return WriteCSVTable(w, table, ds) }); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// neutraliseCell stops a spreadsheet from reading a cell as a formula:
// reports are hostile input, and a name like =HYPERLINK(...) must stay text.
// The cell gets a leading single quote (OWASP's advice).
func neutraliseCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func formatConfidence(c float64) string { return strconv.FormatFloat(c, 'f', -1, 64) }

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// docIndex orders documents as the dataset lists them and names them.
type docIndex struct {
	order  map[string]int
	source map[string]string
}

func newDocIndex(ds *extractor.Dataset) docIndex {
	x := docIndex{order: map[string]int{}, source: map[string]string{}}
	for i, d := range ds.Documents {
		if _, dup := x.order[d.ID]; !dup {
			x.order[d.ID], x.source[d.ID] = i, d.Source
		}
	}
	return x
}

// before orders places by document (dataset order, unknown ids last), then
// offset.
func (x docIndex) before(docA string, startA int, docB string, startB int) bool {
	oa, ka := x.order[docA]
	ob, kb := x.order[docB]
	switch {
	case ka != kb:
		return ka
	case oa != ob:
		return oa < ob
	case docA != docB:
		return docA < docB
	}
	return startA < startB
}

// firstMention returns the earliest mention of e, and how many documents
// mention it.
func (x docIndex) firstMention(e *extractor.Entity) (extractor.Mention, int, bool) {
	docs := map[string]bool{}
	var first extractor.Mention
	for i, m := range e.Mentions {
		docs[m.Doc] = true
		if i == 0 || x.before(m.Doc, m.Start, first.Doc, first.Start) {
			first = m
		}
	}
	return first, len(docs), len(e.Mentions) > 0
}

// sortedEvidence returns r's evidence by document and offset.
func (x docIndex) sortedEvidence(r *extractor.Relation) []extractor.Evidence {
	ev := append([]extractor.Evidence(nil), r.Evidence...)
	sort.SliceStable(ev, func(a, b int) bool { return x.before(ev[a].Doc, ev[a].Start, ev[b].Doc, ev[b].Start) })
	return ev
}

func entityRows(ds *extractor.Dataset) [][]string {
	x := newDocIndex(ds)
	rows := [][]string{append([]string(nil), EntityColumns...)}
	for i := range ds.Entities {
		e := &ds.Entities[i]
		row := []string{e.ID, string(e.Type), e.Subtype, e.Name, strings.Join(e.Aliases, ListSeparator),
			formatConfidence(e.Confidence), string(e.Status), strconv.Itoa(len(e.Mentions))}
		if m, docs, ok := x.firstMention(e); ok {
			row = append(row, strconv.Itoa(docs), m.Doc, x.source[m.Doc], itoaOrEmpty(m.Page),
				strconv.Itoa(m.Start), strconv.Itoa(m.End), m.Text, m.Rule)
		} else {
			row = append(row, "0", "", "", "", "", "", "", "")
		}
		rows = append(rows, row)
	}
	return rows
}

func relationRows(ds *extractor.Dataset) [][]string {
	x := newDocIndex(ds)
	names := map[string]string{}
	for _, e := range ds.Entities {
		if _, dup := names[e.ID]; !dup {
			names[e.ID] = e.Name
		}
	}
	rows := [][]string{append([]string(nil), RelationColumns...)}
	for i := range ds.Relations {
		r := &ds.Relations[i]
		ev := x.sortedEvidence(r)
		row := []string{r.ID, r.Type, r.Source, names[r.Source], r.Target, names[r.Target],
			formatConfidence(r.Confidence), string(r.Status)}
		if len(ev) > 0 {
			e := ev[0]
			row = append(row, e.Hedge, strconv.Itoa(len(ev)), e.Sentence, e.Doc, x.source[e.Doc],
				itoaOrEmpty(e.Page), strconv.Itoa(e.Start), strconv.Itoa(e.End), e.Rule)
		} else {
			row = append(row, "", "0", "", "", "", "", "", "", "")
		}
		rows = append(rows, row)
	}
	return rows
}
