package rules

import (
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
)

// Table cells read as labelled items. A table that has no actor column
// states its relation in a label, as a fact box does (relation_listintro.go,
// labelItems), and the actor is the one the text is about:
//
//	Before the outage the crew claimed a string of breaches:
//
//	| Year | Claimed victim | What was taken |
//	| 2021 | Ministry of Transport | staff records |
//
//	| Item | Detail |
//	| Code name | Copper Marten |
//	| Reported targets | Harbor Lines Group, Northgate University |
//
// Two shapes:
//
//   - a column of a table whose rows name no threat actor, campaign or
//     person: its header is the label of each of its cells ("Claimed
//     victim", "Malware"); the intro is the header row, so the actor is
//     one the header names, else the topic (the intro's, the paragraph's,
//     the report's: relation_fallback.go);
//   - a row of a two-column table (a fact box) whose first cell is a short
//     label ("Reported targets", "Tools used"): its second cell is the
//     value, read only below a row whose value names a threat actor or a
//     campaign (a "Code name" row), the box's actor. A box that names none
//     is about someone the text does not name as one ("| Claimed by | an
//     unknown persona |"): its cells are no one's.
//
// Neither looks for the actor before the table: a name in the paragraph
// before ("linked to clusters tracked as X") is not the table's actor.
//
// And a table right after an intro sentence that ends in ":" is its list:
// the key (first) cell of each row is an item of the intro, as a bullet
// would be ("charged three men it described as members of the crew:",
// then "| Name | Role |"; "Victims included:", then "| Organisation |
// Sector |").
//
// The list-intro rules then read these items as they read labelled bullets:
// the label must end in one of the rule's intro phrases ("victim",
// "targets", "malware"; not "Victim count"), and the value's first mention
// of the rule's target types, with the names coordinated with it, is
// listed when it opens the cell.

// tableLabelItems returns the labelled items of the document's tables,
// ordered by start.
func (d *docState) tableLabelItems() []listItem {
	tables := d.tables()
	if len(tables) == 0 {
		return nil
	}
	var out []listItem
	for ti := range tables {
		t := &tables[ti]
		if len(t.header) < 2 {
			continue
		}
		hs, _, ok := d.tokenRange(t.header[0].start, t.header[len(t.header)-1].end)
		if !ok {
			continue
		}
		head := d.sentOf[hs]
		if !d.tableNamesActor(t) {
			for c, h := range t.header {
				lo, hi, ok := d.labelCell(h)
				if !ok {
					continue
				}
				for ri := range t.rows {
					if c < len(t.rows[ri].cells) {
						if it, ok := d.cellItem(t.rows[ri].cells[c], head, lo, hi, hs); ok {
							out = append(out, it)
						}
					}
				}
			}
		}
		if len(t.header) != 2 {
			continue
		}
		rows := append([]tableRow{{cells: t.header}}, t.rows...)
		box := -1 // the box's actor: the mention of the first row that names one
		for ri := range rows {
			lo, hi, ok := d.labelCell(rows[ri].cells[0])
			if box < 0 {
				box = d.actorIn(rows[ri].cells[1], boxActorTypes)
			}
			if !ok || box < 0 {
				continue
			}
			if it, ok := d.cellItem(rows[ri].cells[1], d.sentOf[lo], lo, hi, hs); ok {
				it.box = int32(box) + 1
				out = append(out, it)
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].start < out[b].start })
	return out
}

// tokenRange returns the tokens [lo, hi) inside the byte range [start,
// end), and whether there is one.
func (d *docState) tokenRange(start, end int) (int32, int32, bool) {
	lo := sort.SearchInts(d.tokStart, start)
	hi := sort.SearchInts(d.tokStart, end)
	return int32(lo), int32(hi), lo < hi && lo < len(d.tokStart)
}

// labelCell returns the tokens of cell c when it is a label: one to
// labelMaxWords words (emphasis aside) naming nothing.
func (d *docState) labelCell(c span) (int32, int32, bool) {
	lo, hi, ok := d.tokenRange(c.start, c.end)
	if !ok {
		return 0, 0, false
	}
	words := 0
	for t := lo; t < hi; t++ {
		switch {
		case d.startM[t] >= 0 && !d.acc[d.startM[t]].hide:
			return 0, 0, false
		case emphasisMarks[d.tokText[t]]:
		case isWordToken(d.fold[t]):
			words++
		default:
			return 0, 0, false
		}
	}
	return lo, hi, words > 0 && words <= labelMaxWords
}

// cellItem returns cell c as the item of label [lo, hi) with intro
// sentence intro: from the bar before the cell (the item's mark) to the
// cell's end. A cell with no bar before it (the first cell of a row the
// HTML reader wrote) or an empty one is none.
func (d *docState) cellItem(c span, intro, lo, hi, table int32) (listItem, bool) {
	s, e, ok := d.tokenRange(c.start, c.end)
	if !ok || !d.cellMarked(s) {
		return listItem{}, false
	}
	return listItem{intro: intro, start: s - 1, end: e, label: true, labLo: lo, labHi: hi, table: table}, true
}

// cellMarked reports whether the token before a cell's first token s can
// stand as the item's mark: the bar before the cell, or, for the first
// cell of a row the HTML reader wrote ("Harbor Lines | shipping", no
// leading bar), the last token of the line before when no mention starts
// there.
func (d *docState) cellMarked(s int32) bool {
	if s == 0 {
		return false
	}
	if d.tokText[s-1] == "|" {
		return true
	}
	return d.startM[s-1] < 0 && strings.Contains(d.text[d.tokEnd[s-1]:d.tokStart[s]], "\n")
}

// rowActorTypes are the types of a table row's own actor.
var rowActorTypes = maskOf(extractor.ThreatActor) | maskOf(extractor.Campaign) | maskOf(extractor.Person)

// boxActorTypes are the types of the actor a fact box is about.
var boxActorTypes = maskOf(extractor.ThreatActor) | maskOf(extractor.Campaign)

// namesActor reports whether cell c holds a mention of a type in mask.
func (d *docState) namesActor(c span, mask typeMask) bool {
	return d.actorIn(c, mask) >= 0
}

// actorIn returns the first mention of a type in mask in cell c, or -1.
func (d *docState) actorIn(c span, mask typeMask) int {
	lo, hi, ok := d.tokenRange(c.start, c.end)
	if !ok {
		return -1
	}
	for i := lo; i < hi; i++ {
		if k := d.startM[i]; k >= 0 && !d.acc[k].hide && mask&maskOf(d.acc[k].typ) != 0 {
			return int(k)
		}
	}
	return -1
}

// tableNamesActor reports whether a row of t names a threat actor, a
// campaign or a person: the row's actor is its own (the table rules'
// subject: "| Defendant | Targets |"), not the text's.
func (d *docState) tableNamesActor(t *textTable) bool {
	for ri := range t.rows {
		if d.namesActor(t.rows[ri].line, rowActorTypes) {
			return true
		}
	}
	return false
}

// cellListed reports whether mention k is listed by the table cell of item
// it: the first mention of a type in mask in one of the cell's items
// (cellItems: "Harbor Lines, Northgate University; Tallinn Port"), and
// the opening of that item, after emphasis marks or an article.
func (d *docState) cellListed(it listItem, k int, mask typeMask) bool {
	if it.end <= it.start+1 {
		return false
	}
	cell := span{d.tokStart[it.start+1], d.tokEnd[it.end-1]}
	c := &d.acc[k]
	for _, p := range cellItems(d.text, cell) {
		if c.start < p.start || c.start >= p.end {
			continue
		}
		lo, _, ok := d.tokenRange(p.start, p.end)
		if !ok {
			return false
		}
		t := int(lo)
		for t < int(c.tokS) && (emphasisMarks[d.tokText[t]] || d.fold[t] == "the" || d.fold[t] == "a" || d.fold[t] == "an") {
			t++
		}
		return t == int(c.tokS) && maskOf(c.typ)&mask != 0
	}
	return false
}

// tableListItems returns the key cells of the tables that follow an intro
// sentence ending in ":" as items of that intro, ordered by start. (Not
// after a heading: the actor named last before a "## Tooling" heading is
// often the previous section's, compared or set apart.)
func (d *docState) tableListItems() []listItem {
	var out []listItem
	for _, t := range d.tables() {
		hs, _, ok := d.tokenRange(t.header[0].start, t.header[len(t.header)-1].end)
		if ok && hs > 0 && d.tokText[hs-1] == "|" {
			hs-- // the header's leading bar
		}
		if !ok || hs == 0 || d.tokText[hs-1] != ":" {
			continue
		}
		intro := d.sentOf[hs-1]
		if intro == d.sentOf[hs] || strings.Count(d.text[d.tokEnd[hs-1]:d.tokStart[hs]], "\n") > 2 ||
			strings.HasPrefix(strings.TrimSpace(d.text[d.sents[intro].Start:d.sents[intro].End]), "|") {
			continue
		}
		for ri := range t.rows {
			c := t.rows[ri].cells[0]
			s, e, ok := d.tokenRange(c.start, c.end)
			if !ok || !d.cellMarked(s) {
				continue
			}
			out = append(out, listItem{intro: intro, start: s - 1, end: e})
		}
	}
	return out
}

// introSubject reports whether mention k is the subject of a sentence
// ending in ":" right before the table that starts at token table: "Turla,
// a separate crew, claimed a string of breaches:" leads the table that
// follows, which is Turla's and not the topic actor's.
func (d *docState) introSubject(k int, table int32) bool {
	si := d.tableIntro(table)
	return si >= 0 && int(d.sentOf[d.acc[k].tokS]) == si && d.subjectStart(si) == int(d.acc[k].tokS)
}

// tableIntro returns the sentence ending in ":" right before the table
// that starts at token table, or -1.
func (d *docState) tableIntro(table int32) int {
	t := table - 1
	if t >= 0 && d.tokText[t] == "|" {
		t--
	}
	if t < 0 || d.tokText[t] != ":" || strings.Count(d.text[d.tokEnd[t]:d.tokStart[table]], "\n") > 2 {
		return -1
	}
	return int(d.sentOf[t])
}
