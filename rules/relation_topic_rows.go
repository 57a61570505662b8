package rules

import "sort"

// rowActorIndex holds, for each table row of a document, the keys of the
// actors its cells name.
type rowActorIndex struct {
	rows []span // row lines, in text order
	keys [][]string
}

// tableRowActors indexes the actors (by key) each table row names, with
// isActor saying which mentions count.
func (d *docState) tableRowActors(keys []string, isActor func(k int) bool) rowActorIndex {
	var ix rowActorIndex
	for _, t := range d.tables() {
		for _, r := range t.rows {
			ix.rows = append(ix.rows, r.line)
		}
	}
	if len(ix.rows) == 0 {
		return ix
	}
	sort.Slice(ix.rows, func(i, j int) bool { return ix.rows[i].start < ix.rows[j].start })
	ix.keys = make([][]string, len(ix.rows))
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || !isActor(k) {
			continue
		}
		if r := ix.row(c.start); r >= 0 {
			ix.keys[r] = append(ix.keys[r], keys[k])
		}
	}
	return ix
}

// row returns the index of the row holding byte offset off, or -1.
func (ix rowActorIndex) row(off int) int {
	i := sort.Search(len(ix.rows), func(i int) bool { return ix.rows[i].end > off })
	if i < len(ix.rows) && ix.rows[i].start <= off {
		return i
	}
	return -1
}

// at returns the actor keys of the row holding byte offset off (none
// outside a table).
func (ix rowActorIndex) at(off int) []string {
	if r := ix.row(off); r >= 0 {
		return ix.keys[r]
	}
	return nil
}
