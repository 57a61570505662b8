package rules

import (
	"sort"

	"github.com/reportgraph/extractor"
)

// Key columns of malware and tool tables. A brief lists an actor's kit as a
// table whose first column is the family ("| Tool | Platform | Role |",
// "| Crimson RAT | Windows | main implant |"); a table rule reads only
// columns right of its subject, so the names in that first column are
// nobody's column, and a new family no gazetteer knows stays no mention.
// Before the relation rules run, a first column whose header fits a table
// rule that creates malware or tools (table.uses.malware, table.uses.tools)
// makes its name-like items mentions of that type, as the rule would in a
// later column; the relation and topic rules then read them (the uses
// topic rule gives them to the report's actor).

// createTableKeys adds the mentions of the key columns of malware and tool
// tables.
func (d *docState) createTableKeys() {
	ts := d.p.tables
	if ts == nil || len(ts.rules) == 0 {
		return
	}
	tables := d.tables()
	if len(tables) == 0 {
		return
	}
	st := &tableState{d: d, ts: ts, seen: map[tableKey]bool{}}
	for ti := range tables {
		t := &tables[ti]
		if len(t.header) < 2 {
			continue
		}
		head := newHeaderCell(d.text[t.header[0].start:t.header[0].end])
		var best *rule
		for _, r := range ts.rules {
			tr := r.tbl
			if tr.alias || tr.createSubject || tr.createWords != nil ||
				tr.create != extractor.Malware && tr.create != extractor.Tool || tr.headerScore(head) == 0 {
				continue
			}
			if best == nil || r.prio > best.prio {
				best = r
			}
		}
		if best == nil {
			continue
		}
		for ri := range t.rows {
			for _, it := range cellItems(d.text, t.rows[ri].cells[0]) {
				if d.overlapsAccepted(it.start, it.end) || st.overlapsAdded(it) {
					continue
				}
				st.create(best, it, cand{})
			}
		}
	}
	if len(st.added) > 0 {
		d.acc = append(d.acc, st.added...)
		sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
		d.index()
	}
}

// overlapsAdded reports whether item it overlaps a mention st has added.
func (st *tableState) overlapsAdded(it span) bool {
	for _, a := range st.added {
		if a.start < it.end && it.start < a.end {
			return true
		}
	}
	return false
}
