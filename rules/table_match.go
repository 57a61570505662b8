package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

// Table detection and matching. Tables reach the rules as text: the HTML
// reader writes a row per line with " | " between cells (rows separated by
// a blank line), Markdown tables stay as written ("| a | b |", then a
// "|---|---|" separator under the header). A table is a run of such lines
// with the same number of cells, at most one blank line apart, of which the
// first is the header; it needs a header and at least one row.

// maxTableCells and maxRowBytes bound a table row; longer lines (a
// paragraph that happens to hold bars, a hostile input) are not rows.
const (
	maxTableCells = 64
	maxRowBytes   = 16 << 10
)

// span is a byte range of the document text.
type span struct{ start, end int }

// textTable is one table found in the text.
type textTable struct {
	header []span
	rows   []tableRow
}

type tableRow struct {
	line  span
	cells []span
}

// tables returns the tables of the document, found once per Match: the
// table kinds, the key columns and the table rules all read them.
func (d *docState) tables() []textTable {
	if !d.tablesFound {
		d.tableList, d.tablesFound = findTables(d.text), true
	}
	return d.tableList
}

// findTables finds the tables of text. It costs one byte scan on text
// without a '|'.
func findTables(text string) []textTable {
	if strings.IndexByte(text, '|') < 0 {
		return nil
	}
	var out []textTable
	var block []tableRow
	blanks := 0
	flush := func() {
		if t, ok := makeTable(text, block); ok {
			out = append(out, t)
		}
		block = block[:0]
	}
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		line := text[ls:le]
		switch cells := splitRow(text, ls, le); {
		case cells != nil:
			if len(block) > 0 && (len(cells) != len(block[0].cells) || blanks > 1) {
				flush()
			}
			block = append(block, tableRow{line: trimSpan(text, span{ls, le}), cells: cells})
			blanks = 0
		case strings.TrimSpace(line) == "":
			blanks++
		default:
			flush()
			blanks = 0
		}
		ls = le + 1
	}
	flush()
	return out
}

// makeTable turns a block of rows into a table: the first row is the
// header, Markdown separator rows are dropped.
func makeTable(text string, block []tableRow) (textTable, bool) {
	var rows []tableRow
	for _, r := range block {
		if !separatorRow(text, r.cells) {
			rows = append(rows, r)
		}
	}
	if len(rows) < 2 {
		return textTable{}, false
	}
	t := textTable{header: rows[0].cells, rows: append([]tableRow(nil), rows[1:]...)}
	return t, true
}

// separatorRow reports whether every cell is a Markdown alignment cell
// ("---", ":--:").
func separatorRow(text string, cells []span) bool {
	for _, c := range cells {
		s := strings.Trim(text[c.start:c.end], ":")
		if s == "" || strings.Trim(s, "-") != "" {
			return false
		}
	}
	return true
}

// splitRow splits the line [ls, le) into trimmed cell spans, or returns nil
// when it is no table row: it needs a cell separator, and a line without
// a leading '|' needs " | " (spaces around the bar), as the HTML reader
// writes it, so that "a|b" in prose or code is no table.
func splitRow(text string, ls, le int) []span {
	if le-ls > maxRowBytes || strings.IndexByte(text[ls:le], '|') < 0 {
		return nil
	}
	s := trimSpan(text, span{ls, le})
	line := text[s.start:s.end]
	piped := strings.HasPrefix(line, "|")
	if !piped && !strings.Contains(line, " | ") {
		return nil
	}
	if piped {
		s.start++
	}
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) && s.end > s.start {
		s.end--
	}
	var cells []span
	start := s.start
	for i := s.start; i < s.end; i++ {
		if text[i] == '|' && (i == 0 || text[i-1] != '\\') {
			cells = append(cells, trimSpan(text, span{start, i}))
			start = i + 1
		}
	}
	cells = append(cells, trimSpan(text, span{start, s.end}))
	if len(cells) < 2 || len(cells) > maxTableCells {
		return nil
	}
	return cells
}

func trimSpan(text string, s span) span {
	for s.start < s.end && isSpaceByte(text[s.start]) {
		s.start++
	}
	for s.end > s.start && isSpaceByte(text[s.end-1]) {
		s.end--
	}
	return s
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v' }

// tableState collects what the table rules of one document find.
type tableState struct {
	d     *docState
	ts    *tableSet
	links []AliasLink
	rels  []RelationMatch
	seen  map[tableKey]bool
	added []cand
}

type tableKey struct {
	typ         string
	source, tgt extractor.Span
	row         int
	alias       bool
}

// runTables runs the table rules over the tables of the document and adds
// their links and relations to those of the alias and relation rules
// (relations stay sorted by position). Mentions that `create` makes are
// added to d.acc.
func (d *docState) runTables(links []AliasLink, rels []RelationMatch) ([]AliasLink, []RelationMatch) {
	ts := d.p.tables
	if ts == nil || len(ts.rules) == 0 {
		return links, rels
	}
	tables := d.tables()
	if len(tables) == 0 {
		return links, rels
	}
	st := &tableState{d: d, ts: ts, seen: map[tableKey]bool{}}
	for i := range tables {
		st.table(&tables[i])
	}
	if len(st.added) > 0 {
		d.acc = append(d.acc, st.added...)
		sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
	}
	links = append(links, st.links...)
	if len(st.rels) > 0 {
		rels = append(rels, st.rels...)
		sortRelations(rels)
	}
	return links, rels
}

// runTableKinds runs the kind rules (tableKind) over the tables of the
// document before the names are propagated and the relation rules run, so
// that a family a table types is a mention everywhere the text names it.
func (d *docState) runTableKinds() {
	ts := d.p.tables
	if ts == nil || !ts.anyKind {
		return
	}
	tables := d.tables()
	if len(tables) == 0 {
		return
	}
	st := &tableState{d: d, ts: ts, seen: map[tableKey]bool{}}
	for i := range tables {
		t := &tables[i]
		heads := make([]*headerCell, len(t.header))
		for c, h := range t.header {
			heads[c] = newHeaderCell(d.text[h.start:h.end])
		}
		st.kinds(t, heads)
	}
	if len(st.added) > 0 {
		d.acc = append(d.acc, st.added...)
		sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
		d.index()
	}
}

// column is a column a rule reads, with the rule's subject column.
type column struct {
	r       *rule
	subject int
	score   int
}

// table assigns each column of t to at most one rule — the one whose header
// words fit best (outside parentheses first), then the higher priority,
// then the earlier rule — and reads every row. A rule reads only columns
// right of its subject column: the key of a table is on its left, so in
// "| Malware | Used by |" the malware rule does not read the first column
// as the malware of the actors of the second.
func (st *tableState) table(t *textTable) {
	d := st.d
	n := len(t.header)
	subjects := map[*rule]int{}
	cols := make([]column, n)
	heads := make([]*headerCell, n)
	for c, h := range t.header {
		heads[c] = newHeaderCell(d.text[h.start:h.end])
	}
	for _, r := range st.ts.rules {
		if r.tbl.kind {
			continue
		}
		for c := 0; c < n; c++ {
			score := r.tbl.headerScore(heads[c])
			if score == 0 || score < cols[c].score || score == cols[c].score && cols[c].r != nil && cols[c].r.prio >= r.prio {
				continue
			}
			subj, ok := subjects[r]
			if !ok {
				subj = st.subjectColumn(t, heads, r.tbl)
				subjects[r] = subj
			}
			if subj < 0 || subj >= c { // the subject column comes first: "| Malware | Used by |"
				continue
			}
			cols[c] = column{r: r, subject: subj, score: score}
		}
	}
	for c, col := range cols {
		if col.r == nil {
			continue
		}
		header := oneSpace(heads[c].full)
		teamKeys := st.teamColumn(heads[col.subject])
		for ri := range t.rows {
			row := &t.rows[ri]
			subj := st.firstMention(row.cells[col.subject], col.r.tbl.subject)
			if subj == nil || teamKeys && subj.typ != extractor.ThreatActor {
				// "| Team | Main malware | Targets |" then "| Quillbot |
				// Quillbot | banks |": the row is the team named after
				// its malware, not the malware.
				continue
			}
			st.cell(col.r, row, ri, *subj, row.cells[c], header)
		}
	}
}

// kinds runs the kind rules over t: a column right of the first whose
// header fits a kind rule ("Kind", "Type") says what each row's key names;
// a key cell that holds no mention and looks like a name becomes a mention
// of the rule's type when its kind cell, without its bracketed notes, is
// one of the rule's create_words or ends in one ("| BLUEBEAM | Web shell
// |", "| Mori | Custom backdoor |"). A reference table of an actor's kit
// names families the gazetteers cannot know.
func (st *tableState) kinds(t *textTable, heads []*headerCell) {
	d := st.d
	for _, r := range st.ts.rules {
		tr := r.tbl
		if !tr.kind {
			continue
		}
		if tr.names {
			st.names(t, heads, r)
			continue
		}
		for c := 1; c < len(heads); c++ {
			if tr.headerScore(heads[c]) == 0 {
				continue
			}
			for ri := range t.rows {
				row := &t.rows[ri]
				key := row.cells[0]
				if key.end <= key.start || !tr.kindFits(normItem(outsideParens(d.text[row.cells[c].start:row.cells[c].end]))) {
					continue
				}
				if st.holdsMention(key) {
					continue
				}
				st.create(r, key, cand{})
			}
		}
	}
}

// names runs a name rule (tableName) over t: every column whose header,
// outside brackets, is one of the rule's header words ("| Company |",
// "| Victim organisation |") names things of the rule's type, so a cell
// item that holds no mention, opens with a capital or a digit and looks
// like a name ("| Zellis | Payroll |") becomes a mention of that type; so
// does a lower-case item that is one of the rule's create_words ("| Acme |
// technology |" under "Sector").
func (st *tableState) names(t *textTable, heads []*headerCell, r *rule) {
	d := st.d
	tr := r.tbl
	if tr.intros != nil && len(t.header) > 0 && !d.introBefore(tr.intros, t.header[0].start) {
		return
	}
	for c := range heads {
		if !tr.headerIs(heads[c]) || c == 0 && st.labelColumn(t) {
			continue
		}
		for ri := range t.rows {
			cell := t.rows[ri].cells[c]
			if cell.end <= cell.start {
				continue
			}
			for _, it := range cellItems(d.text, cell) {
				if it.end <= it.start || st.holdsMention(it) {
					continue
				}
				first, _ := utf8.DecodeRuneInString(strings.TrimLeft(d.text[it.start:it.end], "*_\"'`"))
				if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !tr.createWords[normItem(d.text[it.start:it.end])] {
					continue
				}
				st.create(r, it, cand{})
			}
		}
	}
}

// labelColumn reports whether t's first column holds labels, not names:
// a fact box written as a two-column table of rows "| Victim | Unnamed
// institute |", "| Attributed to | APT41 |", "| Malware and tools |
// ShadowPad |", whose first row reads as a header (the HTML reader writes
// no separator row). When the first row's second cell is a value, no
// table rule's header, and at least two rows below it, and half of them,
// open with a header of some table rule, the column is the box's labels,
// and its cells name nothing.
func (st *tableState) labelColumn(t *textTable) bool {
	if len(t.header) != 2 || st.anyHeader(t.header[1]) {
		return false
	}
	n := 0
	for ri := range t.rows {
		if cells := t.rows[ri].cells; len(cells) > 0 && st.anyHeader(cells[0]) {
			n++
		}
	}
	return n >= 2 && 2*n >= len(t.rows)
}

// anyHeader reports whether cell, read as a header, fits some table rule
// outside its brackets.
func (st *tableState) anyHeader(cell span) bool {
	if cell.end <= cell.start {
		return false
	}
	h := newHeaderCell(st.d.text[cell.start:cell.end])
	for _, r := range st.ts.rules {
		if r.tbl.headerScore(h) == 2 {
			return true
		}
	}
	return false
}

// introBeforeSentences is how many sentences before a table a name rule's
// intros are looked for: "splits the group into three teams:", a bullet
// list of the teams, then the table.
const introBeforeSentences = 8

// introBefore reports whether one of the introBeforeSentences sentences
// before byte offset off holds a phrase of ps ("| Team | Lead |" under
// "Incident response staffing:" lists no actor's teams).
func (d *docState) introBefore(ps *phraseSet, off int) bool {
	si := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].Start >= off })
	for j := si - 1; j >= 0 && j >= si-introBeforeSentences; j-- {
		if d.introCuedOwn(ps, j) {
			return true
		}
	}
	return false
}

// teamColumn reports whether header h is one a name rule makes threat
// actors of ("| Team |", "| Crew |": table.name.threat-actor).
func (st *tableState) teamColumn(h *headerCell) bool {
	for _, r := range st.ts.rules {
		if r.tbl.names && r.tbl.create == extractor.ThreatActor && r.tbl.headerIs(h) {
			return true
		}
	}
	return false
}

// headerIs reports whether a header cell, outside brackets, is one of the
// rule's header words exactly, and holds none of its not_header words.
func (t *tableRule) headerIs(h *headerCell) bool {
	for _, w := range t.notHeader {
		if strings.Contains(h.normFull, w) {
			return false
		}
	}
	return slices.Contains(t.header, h.normOuter)
}

// kindFits reports whether a kind cell's text is one of the rule's
// create_words or ends in one ("custom backdoor"), once what follows the
// cell's head noun is cut off ("Backdoor using Google Drive", "Loader for
// the second stage") and a plural made singular ("Active and passive
// backdoors").
func (t *tableRule) kindFits(norm string) bool {
	if norm == "" {
		return false
	}
	words := strings.Fields(norm)
	for i := 1; i < len(words); i++ {
		if kindPostModifiers[words[i]] {
			words = words[:i]
			break
		}
	}
	if t.kindHeadFits(words) {
		return true
	}
	last := words[len(words)-1]
	if len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
		sing := append(append([]string(nil), words[:len(words)-1]...), strings.TrimSuffix(last, "s"))
		return t.kindHeadFits(sing)
	}
	return false
}

// kindHeadFits reports whether words are one of the rule's create_words or
// end in one.
func (t *tableRule) kindHeadFits(words []string) bool {
	for k := 0; k < len(words) && k <= 3; k++ {
		if t.createWords[strings.Join(words[k:], " ")] {
			return true
		}
	}
	return false
}

// kindPostModifiers start what follows the head noun of a kind cell.
var kindPostModifiers = map[string]bool{"using": true, "for": true, "with": true, "that": true, "which": true,
	"written": true, "based": true, "in": true, "on": true, "from": true, "to": true, "via": true, "over": true,
	"targeting": true, "used": true, "delivered": true, "deployed": true, "capable": true, "abusing": true,
	"exploiting": true, "by": true, "of": true}

// holdsMention reports whether a cell holds or overlaps a mention, found
// or created.
func (st *tableState) holdsMention(cell span) bool {
	d := st.d
	i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].end > cell.start })
	for ; i < len(d.acc) && d.acc[i].start < cell.end; i++ {
		if !d.acc[i].hide {
			return true
		}
	}
	for _, a := range st.added {
		if a.start < cell.end && cell.start < a.end {
			return true
		}
	}
	return false
}

// subjectColumn returns the column holding the row subjects for rule t: the
// first column whose header fits subject_header (when given) and holds a
// subject in some row, else the first column holding a subject in at least
// half the rows; -1 when there is none. Without a subject header, a cell
// naming two or more different malware families or tools ("LODEINFO,
// NOOPDOOR") is a list of what the row used, not its key: it does not
// count. (Several actors in one cell are often one group's aliases.)
func (st *tableState) subjectColumn(t *textTable, heads []*headerCell, tr *tableRule) int {
	count := func(c int) int {
		k := 0
		for _, row := range t.rows {
			if st.firstMention(row.cells[c], tr.subject) != nil {
				k++
			}
		}
		return k
	}
	countKeys := func(c int) int {
		k := 0
		for _, row := range t.rows {
			if st.firstMention(row.cells[c], tr.subject) != nil && !st.listsSubjects(row.cells[c], tr.subject&kitMask) {
				k++
			}
		}
		return k
	}
	if len(tr.subjectHeader) > 0 {
		for c, h := range heads {
			for _, w := range tr.subjectHeader {
				if strings.Contains(h.normFull, w) && count(c) > 0 {
					return c
				}
			}
		}
	}
	for c := range t.header {
		if k := countKeys(c); k > 0 && 2*k >= len(t.rows) {
			return c
		}
	}
	return -1
}

// kitMask is the types of what an intrusion uses.
var kitMask = maskOf(extractor.Malware) | maskOf(extractor.Tool)

// listsSubjects reports whether cell holds, outside parentheses, mentions of
// the mask's types with two or more different canonical names.
func (st *tableState) listsSubjects(cell span, mask typeMask) bool {
	d := st.d
	first := ""
	i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].start >= cell.start })
	for ; i < len(d.acc) && d.acc[i].start < cell.end; i++ {
		c := &d.acc[i]
		if c.end > cell.end || c.hide || maskOf(c.typ)&mask == 0 || strings.ContainsAny(d.text[cell.start:c.start], "([") {
			continue
		}
		name := c.canonical
		if name == "" {
			name = d.text[c.start:c.end]
		}
		if first == "" {
			first = name
		} else if !strings.EqualFold(first, name) {
			return true
		}
	}
	return false
}

// firstMention returns the first mention of a type in mask inside cell and
// outside parentheses, or nil.
func (st *tableState) firstMention(cell span, mask typeMask) *cand {
	d := st.d
	i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].start >= cell.start })
	depth, at := 0, cell.start // bracket depth at byte at
	for ; i < len(d.acc) && d.acc[i].start < cell.end; i++ {
		c := &d.acc[i]
		for ; at < c.start; at++ {
			switch d.text[at] {
			case '(', '[':
				depth++
			case ')', ']':
				if depth > 0 {
					depth--
				}
			}
		}
		if c.end <= cell.end && !c.hide && maskOf(c.typ)&mask != 0 && depth == 0 {
			return c
		}
	}
	return nil
}

// outsideParens is s without its bracketed parts.
func outsideParens(s string) string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteByte(s[i])
			}
		}
	}
	return b.String()
}

// cell reads one cell of a row for rule r: an empty or negated cell gives
// nothing; every item of an allowed type gives a relation (or alias link)
// with the subject, hedged when the cell hedges.
func (st *tableState) cell(r *rule, row *tableRow, ri int, subj cand, cell span, header string) {
	d := st.d
	tr := r.tbl
	text := d.text[cell.start:cell.end]
	if text == "" || st.ts.empty[normItem(text)] || st.ts.empty[normItem(outsideParens(text))] {
		return
	}
	negated, hedge := st.cues(cell)
	if negated || (tr.alias && hedge != "") { // "overlaps with APT41" is no alias
		return
	}
	if (tr.cellStems != nil || tr.notCellStems != nil) && !st.cellSays(tr, cell, subj) {
		return
	}
	subjSpan := extractor.Span{Start: subj.start, End: subj.end}
	note := fmt.Sprintf("table row of %s, column %q", d.text[subj.start:subj.end], header)
	for _, it := range cellItems(d.text, cell) {
		for _, m := range st.itemMentions(r, it, subj) {
			sp := extractor.Span{Start: m.start, End: m.end}
			if sp == subjSpan {
				continue
			}
			if tr.alias {
				k := tableKey{source: subjSpan, tgt: sp, alias: true}
				if !st.seen[k] {
					st.seen[k] = true
					st.links = append(st.links, AliasLink{Name: subjSpan, Alias: sp, Rule: r.id})
				}
				continue
			}
			src, tgt := subjSpan, sp
			if tr.reverse {
				src, tgt = sp, subjSpan
			}
			k := tableKey{typ: tr.relation, source: src, tgt: tgt, row: ri}
			if st.seen[k] {
				continue
			}
			st.seen[k] = true
			st.rels = append(st.rels, RelationMatch{Type: tr.relation, Source: src, Target: tgt,
				Sentence: extractor.Span{Start: row.line.start, End: row.line.end}, Rule: r.id, Priority: r.prio,
				Hedge: hedge, Coref: note})
		}
	}
}

// cellSays reports whether a cell says what rule tr reads: a word of it
// starts with one of cell_stems ("exploiting", "uses"); no word starts
// with one of not_cell_stems ("patched", "fixed") before the cell's flaw,
// nor after it unless a cue word comes before the flaw ("exploits X,
// which the vendor patched in June" still says it); and no other mention
// of a subject type comes before the flaw, whose cell words they would be
// ("delivered with RoyalRoad documents that exploit X" in a row of another
// tool; "exploiting X to drop PlugX" is the row's own).
func (st *tableState) cellSays(tr *tableRule, cell span, subj cand) bool {
	d := st.d
	lo := sort.Search(len(d.tokStart), func(i int) bool { return d.tokStart[i] >= cell.start })
	hi := sort.Search(len(d.tokStart), func(i int) bool { return d.tokStart[i] >= cell.end })
	// first is the token of the cell's first mention of the rule's cell
	// types (the flaw), other that of the first other subject-type mention
	// ("arrives with RoyalRoad documents that exploit X").
	first, other := hi, hi
	i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].end > cell.start })
	for ; i < len(d.acc) && d.acc[i].start < cell.end; i++ {
		c := &d.acc[i]
		if c.hide {
			continue
		}
		if maskOf(c.typ)&tr.cells != 0 && int(c.tokS) < first {
			first = int(c.tokS)
		}
		if maskOf(c.typ)&tr.subject != 0 && c.start != subj.start && int(c.tokS) < other {
			other = int(c.tokS)
		}
	}
	cued, cuedBefore := tr.cellStems == nil, false
	fixed, fixedBefore := false, false
	for t := lo; t < hi; t++ {
		w := d.fold[t]
		for _, p := range tr.notCellStems {
			if strings.HasPrefix(w, p) {
				fixed, fixedBefore = true, fixedBefore || t < first
			}
		}
		for _, p := range tr.cellStems {
			if strings.HasPrefix(w, p) {
				cued, cuedBefore = true, cuedBefore || t < first
			}
		}
	}
	// A fix word before the flaw governs it ("the patch for X stops it");
	// after a cue word that comes before the flaw it only says the flaw was
	// later fixed ("exploits X, which the vendor patched in June").
	if fixedBefore || fixed && !cuedBefore || !cued {
		return false
	}
	return tr.cellStems == nil || other > first
}

// cues scans a cell for negation and hedge cues (the relation rules' lists).
func (st *tableState) cues(cell span) (negated bool, hedge string) {
	d := st.d
	lo := sort.Search(len(d.tokStart), func(i int) bool { return d.tokStart[i] >= cell.start })
	hi := sort.Search(len(d.tokStart), func(i int) bool { return d.tokStart[i] >= cell.end })
	var hedges []string
	var buf [4]int
	for t := lo; t < hi; t++ {
		if st.ts.negations != nil && st.ts.negations.startsAt(d, t, hi) && !(t+1 < hi && notNegating[d.fold[t+1]]) {
			return true, ""
		}
		if st.ts.hedges == nil {
			continue
		}
		ends := st.ts.hedges.ends(d, t, hi, buf[:0])
		if len(ends) == 0 || d.tokText[t] == "May" { // "May 2023" is the month
			continue
		}
		h := strings.ToLower(d.text[d.tokStart[t]:d.tokEnd[ends[0]-1]])
		if !contains(hedges, h) {
			hedges = append(hedges, h)
		}
		t = ends[0] - 1
	}
	return false, strings.Join(hedges, ", ")
}

// cellItems splits a cell into items at commas, semicolons, slashes,
// bullets, "and", "or" and "&", leaving out bracketed parts (notes such as
// "(assessed)", or a second name). Separators inside a mention do not
// split it: itemMentions takes the mentions inside the item's hull.
func cellItems(text string, cell span) []span {
	var out []span
	start, depth := cell.start, 0
	cut := func(at, next int) {
		if s := trimSpan(text, span{start, at}); s.end > s.start {
			out = append(out, s)
		}
		start = next
	}
	for i := cell.start; i < cell.end; i++ {
		switch b := text[i]; {
		case b == '(' || b == '[':
			if depth == 0 {
				cut(i, i)
			}
			depth++
		case b == ')' || b == ']':
			if depth > 0 {
				depth--
				if depth == 0 {
					start = i + 1
				}
			}
		case depth > 0:
		case b == ',' || b == ';' || b == '/':
			cut(i, i+1)
		case b == ' ':
			for _, w := range []string{" and ", " or ", " & "} {
				if strings.HasPrefix(text[i:cell.end], w) {
					cut(i, i+len(w)-1)
					i += len(w) - 2
					break
				}
			}
		case strings.HasPrefix(text[i:cell.end], "•"):
			cut(i, i+len("•"))
		}
	}
	if depth == 0 {
		cut(cell.end, cell.end)
	}
	return out
}

// itemMentions returns the mentions one item gives rule r: the mentions of
// an allowed type inside it or overlapping it (a name with "and" in it
// spans two items), or a new mention when the item holds none and the rule
// creates one.
func (st *tableState) itemMentions(r *rule, it span, subj cand) []cand {
	d := st.d
	tr := r.tbl
	mask := tr.cells
	if tr.alias {
		mask = maskOf(subj.typ)
	}
	var out []cand
	any := false
	i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].end > it.start })
	for ; i < len(d.acc) && d.acc[i].start < it.end; i++ {
		c := d.acc[i]
		if c.hide {
			continue
		}
		any = true
		if maskOf(c.typ)&mask != 0 {
			out = append(out, c)
		}
	}
	for _, a := range st.added {
		if a.start < it.end && it.start < a.end {
			any = true
			if maskOf(a.typ)&mask != 0 {
				out = append(out, a)
			}
		}
	}
	if any || (tr.create == "" && !tr.createSubject) {
		return out
	}
	if c, ok := st.create(r, it, subj); ok {
		out = append(out, c)
	}
	return out
}

// maxCreatedItem bounds the items a rule turns into new mentions: a cell
// item that is a sentence is no name.
const (
	maxCreatedBytes = 48
	maxCreatedWords = 4
)

// create makes a new mention of the rule's `create` type for an item that
// holds no mention: an item of create_words when the rule lists them,
// otherwise a short item that looks like a name (a capital letter or a
// digit in it) — sector words are lower case, so a sector rule lists them.
func (st *tableState) create(r *rule, it span, subj cand) (cand, bool) {
	d := st.d
	tr := r.tbl
	s := it
	for s.end > s.start && strings.ContainsRune(".*_\"'`", rune(d.text[s.end-1])) {
		s.end--
	}
	for s.start < s.end && strings.ContainsRune("*_\"'`", rune(d.text[s.start])) {
		s.start++
	}
	word := d.text[s.start:s.end]
	norm := normItem(word)
	if norm == "" || st.ts.empty[norm] || len(word) > maxCreatedBytes || len(strings.Fields(word)) > maxCreatedWords ||
		!strings.ContainsFunc(word, unicode.IsLetter) { // a count ("1,700", "300") is no name
		return cand{}, false
	}
	if tr.createWords != nil && !tr.kind {
		if !tr.createWords[norm] {
			return cand{}, false
		}
	} else if !nameLike(word) && !(tr.names && tr.createWords[norm]) {
		return cand{}, false
	}
	typ, canonical := tr.create, ""
	if tr.createSubject {
		typ = subj.typ
		canonical = subj.canonical
		if canonical == "" {
			canonical = d.text[subj.start:subj.end]
		}
	}
	c := cand{start: s.start, end: s.end, rule: r.idx, prio: r.prio, typ: typ, canonical: canonical}
	if d.stopRule(&c) >= 0 {
		return cand{}, false
	}
	st.added = append(st.added, c)
	return c, true
}

// nameLike reports whether s looks like a name: letters, digits and a few
// joiners only, with a capital letter or a digit ("PlugX", "KV-botnet",
// "Juicy Potato"), not a lower-case phrase ("tracking-link phishing").
func nameLike(s string) bool {
	upper := false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			upper = true
		case unicode.IsLetter(r), r == ' ', r == '-', r == '.', r == '_', r == '\'':
		default:
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	return upper && (unicode.IsLetter(first) || unicode.IsDigit(first))
}
