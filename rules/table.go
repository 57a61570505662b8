package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/reportgraph/extractor"
)

// Table rules read relations out of tables: "| Actor | Sponsor | Base |"
// with one row per actor. A rule names the columns it reads by their
// header (words or a regular expression), the relation a cell gives with
// the row's subject, the entity types a cell item may have, and the types
// of the subject, whose column is found in each table (the first column
// whose cells hold mostly mentions of those types). The relation
// `alias` makes the cell items alias links of the subject instead.
//
// Detection and matching are in table_match.go; docs/rules.md ("table")
// is the reference.

// KindTable is the kind of table rules.
const KindTable = "table"

// tableAlias is the relation value of a rule whose cells are other names of
// the row's subject.
const tableAlias = "alias"

// tableKind is the relation value of a rule whose column says what kind of
// thing each row's key names ("| BLUEBEAM | Web shell |"): a key cell that
// names nothing becomes a mention of the rule's `create` type when its
// kind cell is one of create_words (table_match.go, kinds).
const tableKind = "kind"

// tableName is the relation value of a rule whose column names things of
// one type by its header alone ("| Company | Sector |", "| Victim | When
// |"): a cell item that names nothing yet and looks like a name becomes a
// mention of the rule's `create` type (table_match.go, names). The header
// must be one of the rule's header words exactly (outside brackets), not
// merely hold one ("Front company" is no company column of victims).
const tableName = "name"

// createSubject as `create:` of an alias rule makes new mentions of the
// row subject's type.
const createSubject = "subject"

// tableFields are the fields of table rules (besides the common ones).
var tableFields = []string{"relation", "subject", "subject_header", "header", "header_regex", "not_header",
	"cells", "direction", "create", "create_words", "cell_stems", "not_cell_stems", "intros"}

// tableSpec is the parsed table-specific part of a rule.
type tableSpec struct {
	relation      string
	subject       []strItem
	subjectHeader []strItem
	header        []strItem
	headerRegex   string
	notHeader     []strItem
	cells         []strItem
	direction     string
	create        string
	createWords   []strItem
	cellStems     []strItem
	notCellStems  []strItem
	intros        []strItem
}

// tableRule is the compiled table-specific part of a rule.
type tableRule struct {
	relation      string
	alias         bool
	kind          bool // the column types the key column (tableKind), or names (tableName)
	names         bool // the column's cells are names of the create type (tableName)
	reverse       bool // the cell item is the source, the subject the target
	subject       typeMask
	cells         typeMask // 0 for alias rules: the subject's type
	subjectHeader []string // normalised header phrases (normHeader)
	header        []string
	headerRE      *regexp.Regexp
	notHeader     []string
	create        extractor.EntityType
	createSubject bool
	createWords   map[string]bool // normalised items; nil: any item that looks right
	// cellStems: a cell gives relations only when one of its words starts
	// with one of these (lower case), and names no other mention of a
	// subject type; notCellStems: a word starting with one of these keeps
	// the cell out.
	cellStems, notCellStems []string
	intros                  *phraseSet // name rules: one of the sentences before the table must hold one of these
}

// tableSet is what matching needs of every table rule of a pack.
type tableSet struct {
	rules             []*rule // in pack order
	anyKind           bool    // some rule is a kind rule (runTableKinds)
	negations, hedges *phraseSet
	empty             map[string]bool // normalised cell texts that say "nothing": none, unknown, n/a
}

// listEmptyCells names the pack list of cell texts that state no value.
const listEmptyCells = "table_empty_cells"

// parseTableField reads one field of a table rule and reports whether it
// was one.
func (p *parser) parseTableField(r *ruleSpec, key string, n *yaml.Node) bool {
	t := &r.tbl
	switch key {
	case "relation":
		t.relation, _ = p.str(n, "relation")
		if t.relation != "" && t.relation != tableAlias && t.relation != tableKind && t.relation != tableName && !contains(RelationTypes, t.relation) {
			known := append([]string{tableAlias, tableKind, tableName}, RelationTypes...)
			msg := fmt.Sprintf("unknown relation type %q", t.relation)
			if s := closest(t.relation, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (known: " + strings.Join(known, ", ") + ")"
			}
			p.errorf(n, "%s", msg)
		}
	case "subject", "cells":
		items := p.strings(n, key, false)
		for _, it := range items {
			if !strings.HasPrefix(it.s, "$") {
				p.checkType(it.node, it.s, true)
			}
		}
		if len(items) == 0 {
			p.errorf(n, "%s lists no entity type: the rule can never match", key)
		}
		if key == "subject" {
			t.subject = items
		} else {
			t.cells = items
		}
	case "subject_header":
		t.subjectHeader = p.strings(n, key, false)
	case "header":
		t.header = p.strings(n, key, false)
		if len(t.header) == 0 {
			p.errorf(n, "header is empty: the rule can never match")
		}
	case "not_header":
		t.notHeader = p.strings(n, key, false)
	case "header_regex":
		t.headerRegex, _ = p.str(n, key)
		p.checkRegex(n, "(?i)"+t.headerRegex)
	case "direction":
		t.direction, _ = p.str(n, key)
		if t.direction != "forward" && t.direction != "reverse" {
			p.errorf(n, "direction must be forward (subject → cell) or reverse (cell → subject), not %q", t.direction)
		}
	case "create":
		t.create, _ = p.str(n, key)
		if t.create != createSubject {
			p.checkType(n, t.create, false)
		}
	case "create_words":
		t.createWords = p.strings(n, key, false)
	case "cell_stems":
		t.cellStems = p.strings(n, key, false)
	case "not_cell_stems":
		t.notCellStems = p.strings(n, key, false)
	case "intros":
		t.intros = p.strings(n, key, false)
	default:
		return false
	}
	return true
}

// checkTableRequired checks the fields a table rule needs and how they fit
// together.
func (p *parser) checkTableRequired(r *ruleSpec) {
	t := &r.tbl
	need := func(field string) {
		if _, ok := r.fields[field]; !ok {
			p.errorf(r.node, "table rule needs the field %q", field)
		}
	}
	need("relation")
	if r.fields["header"] == nil && r.fields["header_regex"] == nil {
		p.errorf(r.node, "table rule needs the field \"header\" or \"header_regex\" (which columns it reads)")
	}
	if t.relation == tableKind || t.relation == tableName {
		// The kind column types the key column: no subject, no cells.
		need("create")
		if t.relation == tableKind {
			need("create_words")
		}
		if t.create == createSubject {
			p.errorf(r.fields["create"], "a kind rule creates mentions of an entity type: give one")
		}
		return
	}
	need("subject")
	alias := t.relation == tableAlias
	if !alias {
		need("cells")
	}
	if alias && r.fields["direction"] != nil {
		p.errorf(r.fields["direction"], "an alias rule has no direction")
	}
	if t.create == createSubject && !alias {
		p.errorf(r.fields["create"], "create: subject is for alias rules; give an entity type")
	}
	if alias && t.create != "" && t.create != createSubject {
		p.errorf(r.fields["create"], "an alias rule creates mentions of the subject's type: use create: subject")
	}
	if t.create != "" && t.create != createSubject && len(t.cells) > 0 {
		ok := false
		for _, c := range t.cells {
			ok = ok || c.s == "any" || c.s == t.create || strings.HasPrefix(c.s, "$")
		}
		if !ok {
			p.errorf(r.fields["create"], "create: %s is not one of the rule's cells types", t.create)
		}
	}
	if len(t.createWords) > 0 && t.create == "" {
		p.errorf(r.fields["create_words"], "create_words needs create")
	}
}

// resolveTable expands $lists in the word lists of a table rule.
func (p *parser) resolveTable(r *ruleSpec, lists map[string]*listSpec) {
	t := &r.tbl
	t.subjectHeader = p.expand(t.subjectHeader, lists)
	t.header = p.expand(t.header, lists)
	t.notHeader = p.expand(t.notHeader, lists)
	t.createWords = p.expand(t.createWords, lists)
	t.cellStems = p.expand(t.cellStems, lists)
	t.notCellStems = p.expand(t.notCellStems, lists)
	t.intros = p.expand(t.intros, lists)
	t.subject = p.expandTypes(t.subject, lists)
	t.cells = p.expandTypes(t.cells, lists)
}

// checkTableExpect checks the form of the expected items of a table rule's
// example: "Source -type-> Target" (with notes as for relation rules) or,
// for alias rules, "Name = Alias".
func (p *parser) checkTableExpect(ex exampleSpec) {
	for _, s := range ex.expect {
		if e, ok := parseRelExpect(s); ok {
			if !contains(RelationTypes, e.typ) {
				p.errorf(ex.node, "expected relation %q: unknown relation type %q", s, e.typ)
			}
			for _, part := range []string{e.source, e.target} {
				if !strings.Contains(ex.text, part) {
					p.add(SeverityWarning, ex.node, "expected %q does not occur in the example text", part)
				}
			}
			continue
		}
		a, b, ok := strings.Cut(s, " = ")
		if !ok {
			p.errorf(ex.node, "expected item %q is neither \"Source -type-> Target\" nor \"Name = Alias\"", s)
			continue
		}
		for _, part := range []string{a, b} {
			if !strings.Contains(ex.text, part) {
				p.add(SeverityWarning, ex.node, "expected %q does not occur in the example text", part)
			}
		}
	}
}

// table compiles the table part of a rule.
func (c *compiler) table(r *rule) {
	spec := &c.r.tbl
	t := &tableRule{relation: spec.relation, alias: spec.relation == tableAlias, kind: spec.relation == tableKind || spec.relation == tableName, names: spec.relation == tableName,
		reverse: spec.direction == "reverse",
		subject: c.types(spec.subject), cells: c.types(spec.cells)}
	if len(spec.intros) > 0 {
		t.intros = c.phraseSet(spec.intros, true)
	}
	norm := func(items []strItem) []string {
		var out []string
		for _, it := range items {
			h := normHeader(it.s)
			if strings.TrimSpace(h) == "" {
				c.errorf(it.node, "header word %q has no letters or digits", it.s)
				continue
			}
			out = append(out, h)
		}
		return out
	}
	// A rewriter swaps a header's word as it swaps a cue word ("| Version |"
	// for "| Variant |", "| Sufferer |" for "| Victim |"): the header words
	// take the pack's cue-word synonyms (cue_synonyms.go), said once for
	// every list.
	t.subjectHeader = norm(c.cueVariants(spec.subjectHeader))
	t.header = norm(c.cueVariants(spec.header))
	t.notHeader = norm(spec.notHeader)
	if spec.headerRegex != "" {
		re, err := regexp.Compile("(?i)" + spec.headerRegex)
		if err != nil { // the parser reported it
			return
		}
		t.headerRE = re
	}
	switch spec.create {
	case "":
	case createSubject:
		t.createSubject = true
	default:
		t.create = extractor.EntityType(spec.create)
	}
	for _, it := range spec.cellStems {
		t.cellStems = append(t.cellStems, strings.ToLower(it.s))
	}
	for _, it := range spec.notCellStems {
		t.notCellStems = append(t.notCellStems, strings.ToLower(it.s))
	}
	if len(spec.createWords) > 0 {
		t.createWords = map[string]bool{}
		for _, w := range spec.createWords {
			t.createWords[normItem(w.s)] = true
		}
	}
	r.tbl = t
	if c.p.tables == nil {
		c.p.tables = &tableSet{}
	}
	c.p.tables.rules = append(c.p.tables.rules, r)
	c.p.tables.anyKind = c.p.tables.anyKind || t.kind
}

// tableCues compiles the cue lists table rules read (the relation rules'
// negations and hedges, and table_empty_cells), once every rule is known.
func (c *compiler) tableCues(lists map[string]*listSpec) {
	ts := c.p.tables
	if ts == nil {
		return
	}
	compile := func(name string) *phraseSet {
		l, ok := lists[name]
		if !ok || len(l.items) == 0 {
			return nil
		}
		saved := c.r
		c.r = &ruleSpec{file: l.file, node: l.node}
		defer func() { c.r = saved }()
		return c.phraseSet(l.items, true)
	}
	ts.negations = compile(listNegations)
	ts.hedges = compile(listHedges)
	if l, ok := lists[listEmptyCells]; ok {
		ts.empty = map[string]bool{}
		for _, it := range l.items {
			ts.empty[normItem(it.s)] = true
		}
	}
}

// normHeader lower-cases s and keeps only letters and digits, one space
// between words and one at each end, so that a header phrase matches as
// whole words: " sponsor " is in " sponsor public attribution ".
func normHeader(s string) string {
	var b strings.Builder
	b.WriteByte(' ')
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

// normItem is a cell item compared with a word list: lower case, inner
// white space collapsed, surrounding punctuation and emphasis removed.
func normItem(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '?' || unicode.IsSymbol(r)
	})
	return strings.ToLower(oneSpace(s))
}

// headerCell is a header cell as written, without its bracketed parts,
// and both normalised (normHeader).
type headerCell struct{ full, outer, normFull, normOuter string }

func newHeaderCell(full string) *headerCell {
	outer := outsideParens(full)
	return &headerCell{full: full, outer: outer, normFull: normHeader(full), normOuter: normHeader(outer)}
}

// headerScore says how well a header cell fits rule t: 2 when a header word
// occurs outside parentheses ("Sponsor (public attribution)" is a sponsor
// column), 1 when only inside, 0 when not at all or when a not_header word
// occurs anywhere.
func (t *tableRule) headerScore(h *headerCell) int {
	full, outer, nf, no := h.full, h.outer, h.normFull, h.normOuter
	for _, w := range t.notHeader {
		if strings.Contains(nf, w) {
			return 0
		}
	}
	fits := func(h, raw string) bool {
		for _, w := range t.header {
			if strings.Contains(h, w) {
				return true
			}
		}
		return t.headerRE != nil && t.headerRE.MatchString(raw)
	}
	switch {
	case fits(no, outer):
		return 2
	case fits(nf, full):
		return 1
	}
	return 0
}

// tableExample checks an example of a table rule: relation items as for
// relation rules (relation_examples.go), "Name = Alias" items as links from
// this rule.
func tableExample(out Result, text string, r *rule, ex exampleSpec, match bool) []string {
	if r.tbl.kind {
		return kindExample(out, text, r, ex, match)
	}
	if !r.tbl.alias {
		return relationExample(out, text, r, ex, match)
	}
	var problems []string
	var mine [][2]string
	for _, l := range out.Aliases {
		if l.Rule == r.id {
			mine = append(mine, [2]string{text[l.Name.Start:l.Name.End], text[l.Alias.Start:l.Alias.End]})
		}
	}
	if !match {
		for _, l := range mine {
			problems = append(problems, fmt.Sprintf("linked %q = %q", l[0], l[1]))
		}
		return problems
	}
	if ex.any && len(mine) == 0 {
		problems = append(problems, "no link from this rule")
	}
	used := make([]bool, len(mine))
	for _, e := range ex.expect {
		a, b, ok := strings.Cut(e, " = ")
		if !ok {
			problems = append(problems, fmt.Sprintf("expected item %q of an alias rule is not \"Name = Alias\"", e))
			continue
		}
		found := false
		for k, l := range mine {
			if (l[0] == a && l[1] == b) || (l[0] == b && l[1] == a) {
				found, used[k] = true, true
			}
		}
		if !found {
			problems = append(problems, fmt.Sprintf("no link %q = %q from this rule%s", a, b, linksNote(mine)))
		}
	}
	if !ex.any {
		for k, l := range mine {
			if !used[k] {
				problems = append(problems, fmt.Sprintf("unexpected link %q = %q from this rule", l[0], l[1]))
			}
		}
	}
	return problems
}

// kindExample checks an example of a kind rule: the expected items are the
// texts of the mentions it creates, all of them.
func kindExample(out Result, text string, r *rule, ex exampleSpec, match bool) []string {
	var problems []string
	mine := map[string]bool{}
	for _, m := range out.Mentions {
		if m.Rule == r.id {
			mine[text[m.Start:m.End]] = true
		}
	}
	if !match {
		for w := range mine {
			problems = append(problems, fmt.Sprintf("produced %q", w))
		}
		sort.Strings(problems)
		return problems
	}
	if ex.any && len(mine) == 0 {
		problems = append(problems, "no mention from this rule")
	}
	for _, e := range ex.expect {
		if !mine[e] {
			problems = append(problems, fmt.Sprintf("expected mention %q not found", e))
		}
		delete(mine, e)
	}
	if !ex.any {
		var extra []string
		for w := range mine {
			extra = append(extra, fmt.Sprintf("unexpected mention %q from this rule", w))
		}
		sort.Strings(extra)
		problems = append(problems, extra...)
	}
	return problems
}
