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

// TestCompanyThatSpeaksIsNoPerson: a name that an apposition calls a
// company stays an organisation when a later sentence has it speak
// (core.organization.apposition outweighs core.person.said-after).
func TestCompanyThatSpeaksIsNoPerson(t *testing.T) {
	x := extractorOn(t, defaultPack(t))
	doc := &extractor.Document{ID: "d1", Text: "The attackers abused Quorn Mailer, an email marketing company. " +
		"Quorn Mailer said it had fixed the issue."}
	res, err := x.Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	ds := Resolve([]*DocResult{res})
	for _, e := range ds.Entities {
		if e.Name == "Quorn Mailer" && e.Type != extractor.Organization {
			t.Errorf("Quorn Mailer is a %s, want an organization", e.Type)
		}
	}
}
