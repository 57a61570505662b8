package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

// TestSurnamesResolveToOnePerson runs the default pack: a person named in
// full and later by surname is one entity with the surname as an alias.
func TestSurnamesResolveToOnePerson(t *testing.T) {
	x := extractorOn(t, defaultPack(t))
	doc := &extractor.Document{ID: "d1", Text: "\"It is new,\" said Eero Lindqvist, a senior analyst at Example Labs. " +
		"The tool was old, Lindqvist added."}
	res, err := x.Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	ds := Resolve([]*DocResult{res})
	var persons []string
	for _, e := range ds.Entities {
		if e.Type == extractor.Person {
			persons = append(persons, e.Name+" "+strings.Join(e.Aliases, ","))
		}
	}
	if len(persons) != 1 || persons[0] != "Eero Lindqvist Lindqvist" {
		t.Errorf("persons = %q, want one entity Eero Lindqvist with the alias Lindqvist", persons)
	}
}
