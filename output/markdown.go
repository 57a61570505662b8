package output

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// MaxEvidenceShown caps the evidence sentences the review report quotes
// per relation; the rest are counted.
const MaxEvidenceShown = 5

// WriteMarkdown writes a review report for a person: a summary per
// document, the entities by type and the relations with their quoted
// evidence. Every string that comes from a report is escaped (mdText), so
// a hostile name cannot become a link, HTML or table structure.
func WriteMarkdown(w io.Writer, ds *extractor.Dataset) error {
	bw := bufio.NewWriter(w)
	r := mdReport{w: bw, ds: ds, x: newDocIndex(ds), names: map[string]*extractor.Entity{}}
	for i := range ds.Entities {
		if _, dup := r.names[ds.Entities[i].ID]; !dup {
			r.names[ds.Entities[i].ID] = &ds.Entities[i]
		}
	}
	r.summary()
	r.documents()
	r.entities()
	r.relations()
	return bw.Flush()
}

type mdReport struct {
	w     *bufio.Writer
	ds    *extractor.Dataset
	x     docIndex
	names map[string]*extractor.Entity
}

func (r *mdReport) printf(format string, a ...any) { fmt.Fprintf(r.w, format, a...) }

func (r *mdReport) summary() {
	r.printf("# Extraction review\n\n")
	r.printf("%d document(s), %d entities, %d relations (dataset %s). Every name, alias and sentence below is quoted from the reports; confidence is 0–1.\n\n",
		len(r.ds.Documents), len(r.ds.Entities), len(r.ds.Relations), mdText(r.ds.Schema))
}

// docRef names a document in the report: its number in the documents table.
func (r *mdReport) docRef(id string) string {
	if n, ok := r.x.order[id]; ok {
		return "doc " + strconv.Itoa(n+1)
	}
	return mdText(id)
}

func (r *mdReport) documents() {
	r.printf("## Documents\n\n")
	if len(r.ds.Documents) == 0 {
		r.printf("No documents.\n\n")
		return
	}
	entities := map[string]map[extractor.EntityType]int{}
	for _, e := range r.ds.Entities {
		seen := map[string]bool{}
		for _, m := range e.Mentions {
			if seen[m.Doc] {
				continue
			}
			seen[m.Doc] = true
			if entities[m.Doc] == nil {
				entities[m.Doc] = map[extractor.EntityType]int{}
			}
			entities[m.Doc][e.Type]++
		}
	}
	relations := map[string]int{}
	for _, rel := range r.ds.Relations {
		seen := map[string]bool{}
		for _, ev := range rel.Evidence {
			if !seen[ev.Doc] {
				seen[ev.Doc] = true
				relations[ev.Doc]++
			}
		}
	}
	r.printf("| # | Source | Title | Format | Pages | Published | Entities | Relations | Warnings |\n")
	r.printf("|---|---|---|---|---|---|---|---|---|\n")
	for i, d := range r.ds.Documents {
		published := ""
		if d.Published != nil {
			published = d.Published.UTC().Format("2006-01-02")
		}
		var counts []string
		for _, t := range extractor.EntityTypes {
			if n := entities[d.ID][t]; n > 0 {
				counts = append(counts, fmt.Sprintf("%d %s", n, t))
			}
		}
		warnings := make([]string, len(d.Warnings))
		for j, w := range d.Warnings {
			warnings[j] = mdText(w)
		}
		r.printf("| %d | %s | %s | %s | %d | %s | %s | %d | %s |\n", i+1, mdText(d.Source), mdText(d.Title),
			mdText(string(d.Format)), d.Pages, published, strings.Join(counts, ", "), relations[d.ID],
			strings.Join(warnings, "; "))
	}
	r.printf("\n")
}

// typeTitle is the section heading of an entity type.
var typeTitle = map[extractor.EntityType]string{
	extractor.ThreatActor: "Threat actors", extractor.Organization: "Organizations",
	extractor.Government: "Government bodies", extractor.Person: "People", extractor.Location: "Locations",
	extractor.Malware: "Malware", extractor.Tool: "Tools", extractor.Vulnerability: "Vulnerabilities",
	extractor.Campaign: "Campaigns", extractor.Sector: "Sectors", extractor.Indicator: "Indicators",
}

func (r *mdReport) entities() {
	r.printf("## Entities\n\n")
	if len(r.ds.Entities) == 0 {
		r.printf("No entities.\n\n")
		return
	}
	byType := map[extractor.EntityType][]*extractor.Entity{}
	var other []extractor.EntityType
	for i := range r.ds.Entities {
		e := &r.ds.Entities[i]
		if _, known := typeTitle[e.Type]; !known && len(byType[e.Type]) == 0 {
			other = append(other, e.Type)
		}
		byType[e.Type] = append(byType[e.Type], e)
	}
	sort.Slice(other, func(a, b int) bool { return other[a] < other[b] })
	for _, t := range append(append([]extractor.EntityType(nil), extractor.EntityTypes...), other...) {
		list := byType[t]
		if len(list) == 0 {
			continue
		}
		sort.SliceStable(list, func(a, b int) bool {
			if list[a].Confidence != list[b].Confidence {
				return list[a].Confidence > list[b].Confidence
			}
			if len(list[a].Mentions) != len(list[b].Mentions) {
				return len(list[a].Mentions) > len(list[b].Mentions)
			}
			return list[a].Name < list[b].Name
		})
		title := typeTitle[t]
		if title == "" {
			title = mdText(string(t))
		}
		r.printf("### %s (%d)\n\n", title, len(list))
		r.printf("| Name | Aliases | Mentions | Documents | Confidence | Status | First mention |\n")
		r.printf("|---|---|---|---|---|---|---|\n")
		for _, e := range list {
			aliases := make([]string, len(e.Aliases))
			for i, a := range e.Aliases {
				aliases[i] = mdText(a)
			}
			name := "**" + mdText(e.Name) + "**"
			if e.Subtype != "" {
				name += " (" + mdText(e.Subtype) + ")"
			}
			first, docs, ok := r.x.firstMention(e)
			where := ""
			if ok {
				where = r.place(first.Doc, first.Page) + ": “" + mdText(first.Text) + "”"
			}
			r.printf("| %s | %s | %d | %d | %s | %s | %s |\n", name, strings.Join(aliases, ", "), len(e.Mentions),
				docs, formatConfidence(e.Confidence), mdText(string(e.Status)), where)
		}
		r.printf("\n")
	}
}

func (r *mdReport) place(doc string, page int) string {
	s := r.docRef(doc)
	if page > 0 {
		s += ", p. " + strconv.Itoa(page)
	}
	return s
}

func (r *mdReport) endpoint(id string) string {
	if e := r.names[id]; e != nil {
		return "**" + mdText(e.Name) + "** (" + mdText(string(e.Type)) + ")"
	}
	return "**" + mdText(id) + "** (not in the dataset)"
}

func (r *mdReport) relations() {
	r.printf("## Relations\n\n")
	if len(r.ds.Relations) == 0 {
		r.printf("No relations.\n")
		return
	}
	byType := map[string][]*extractor.Relation{}
	var types []string
	for i := range r.ds.Relations {
		rel := &r.ds.Relations[i]
		if len(byType[rel.Type]) == 0 {
			types = append(types, rel.Type)
		}
		byType[rel.Type] = append(byType[rel.Type], rel)
	}
	sort.Strings(types)
	for _, t := range types {
		list := byType[t]
		sort.SliceStable(list, func(a, b int) bool { return list[a].Confidence > list[b].Confidence })
		r.printf("### %s (%d)\n\n", mdText(t), len(list))
		for _, rel := range list {
			r.printf("- %s → %s → %s · confidence %s", r.endpoint(rel.Source), mdText(rel.Type),
				r.endpoint(rel.Target), formatConfidence(rel.Confidence))
			if rel.Status != "" {
				r.printf(" · %s", mdText(string(rel.Status)))
			}
			r.printf("\n")
			ev := r.x.sortedEvidence(rel)
			for i, e := range ev {
				if i == MaxEvidenceShown {
					r.printf("\n  … and %d more sentence(s).\n", len(ev)-i)
					break
				}
				r.printf("\n  > “%s”\n  > — %s", mdText(e.Sentence), r.place(e.Doc, e.Page))
				if e.Hedge != "" {
					r.printf(" · hedged: *%s*", mdText(e.Hedge))
				}
				if e.Coref != "" {
					r.printf(" · coreference: %s", mdText(e.Coref))
				}
				r.printf(" · rule %s\n", mdText(e.Rule))
			}
			r.printf("\n")
		}
	}
}

// isBidiControl reports the characters that reorder text on screen, with
// which a name could show as something else ("Trojan Source").
func isBidiControl(c rune) bool {
	return c == '\u200e' || c == '\u200f' || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069'
}

// mdText makes a string from a report inert in Markdown and HTML: line
// breaks, control and bidi characters and runs of white space become one
// space (none at the ends, where they would break emphasis); <, >, & and "
// become entities; and every character that can start Markdown structure
// (emphasis, code, links and images, headings, tables, strike-through,
// math) is escaped with a backslash. ":" and "@" are escaped too, and "."
// after "www", so GFM's autolinks (http:, javascript:, www., e-mail) cannot
// form.
func mdText(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsControl(c) || isBidiControl(c)
	}), " ")
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, c := range s {
		switch {
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '&':
			b.WriteString("&amp;")
		case c == '"':
			b.WriteString("&quot;")
		case strings.ContainsRune("\\`*_{}[]()#+!|~$:@", c):
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteString(`\.`)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}
