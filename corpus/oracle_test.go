package corpus

import (
	"reflect"
	"testing"

	"github.com/reportgraph/extractor"
)

// The oracle labels ordered entity pairs as the scorer would count them:
// by any name or alias, with "also" types and undirected relations, and
// neither positive nor negative where an end is optional or the document
// has no exhaustive relation gold.
func TestRelationOracleLabels(t *testing.T) {
	ds := &extractor.Dataset{Entities: []extractor.Entity{
		ent("d1", "e1", "threat-actor", "Fancy Bear", "r"), // APT28 by an alias
		ent("d1", "e2", "location", "Russia", "r"),
		ent("d1", "e3", "malware", "X-Agent", "r"),
		ent("d1", "e4", "government", "GRU", "r"),
		ent("d1", "e5", "threat-actor", "the group", "r"), // an optional gold entity
		ent("d1", "e6", "malware", "Sofacy", "r"),         // no gold entity
	}}
	notExhaustive := false
	g2 := goldA()
	g2.ExhaustiveRelations = &notExhaustive
	o := NewRelationOracle(ds, []Pair{{DocID: "d1", Gold: goldA()}, {DocID: "d2", Gold: g2}})
	for _, c := range []struct {
		doc, src, tgt string
		want          Label
		types         []string
	}{
		{"d1", "e1", "e2", LabelRelation, []string{"located-in", "based-in"}},
		{"d1", "e2", "e1", LabelNone, nil}, // directed
		{"d1", "e1", "e3", LabelRelation, []string{"uses"}},
		{"d1", "e4", "e1", LabelRelation, []string{"affiliated-with"}}, // undirected
		{"d1", "e1", "e6", LabelNone, nil},
		{"d1", "e5", "e3", LabelUnscored, nil},
		{"d2", "e1", "e2", LabelUnscored, nil},
		{"d3", "e1", "e2", LabelUnscored, nil},
	} {
		got, types := o.Label(c.doc, c.src, c.tgt)
		if got != c.want || !reflect.DeepEqual(types, c.types) {
			t.Errorf("%s %s→%s: %v %v, want %v %v", c.doc, c.src, c.tgt, got, types, c.want, c.types)
		}
	}
}
