package extract

import (
	"slices"
	"testing"

	"github.com/reportgraph/extractor"
)

// aliasesOf returns the aliases of the entity named name, failing when
// there is none.
func aliasesOf(t *testing.T, ds *extractor.Dataset, name string) []string {
	t.Helper()
	for _, e := range ds.Entities {
		if e.Name == name {
			return e.Aliases
		}
	}
	t.Fatalf("no entity %q in %+v", name, ds.Entities)
	return nil
}

func TestStateQualifiedBodyKeepsBothNames(t *testing.T) {
	text := "Germany's Federal Office for Data Safety warned.\nThe Kenyan Ministry of Water ran it.\nA Nairobi-based Ministry of Roads contractor built it.\nThe European Commission spoke.\n"
	res := hdoc(t, "q", text, []mspec{
		gaz("Germany", extractor.Location, ""),
		gaz("Federal Office for Data Safety", extractor.Government, ""),
		gaz("Kenyan", extractor.Location, "Kenya"),
		pat("Ministry of Water", extractor.Government),
		gaz("Nairobi-based", extractor.Location, "Nairobi"),
		pat("Ministry of Roads", extractor.Government),
		gaz("European Commission", extractor.Government, ""),
	})
	ds := Resolve([]*DocResult{res})
	// The place stays a place, the body keeps its bare name, and the
	// qualified form the text uses is an alias.
	if a := aliasesOf(t, ds, "Federal Office for Data Safety"); !slices.Contains(a, "Germany's Federal Office for Data Safety") {
		t.Errorf("possessive form missing from aliases %q", a)
	}
	if a := aliasesOf(t, ds, "Ministry of Water"); !slices.Contains(a, "Kenyan Ministry of Water") {
		t.Errorf("demonym form missing from aliases %q", a)
	}
	aliasesOf(t, ds, "Germany")
	// A place that describes ("Nairobi-based") does not qualify.
	if a := aliasesOf(t, ds, "Ministry of Roads"); len(a) != 0 {
		t.Errorf("Ministry of Roads got aliases %q", a)
	}
}

func TestPlaceInsideBodyNameGivesShortAlias(t *testing.T) {
	text := "The Kenyan Ministry of Water was spoofed.\nKenyan officials spoke.\nThe Federal Bureau of Records helped.\n"
	res := hdoc(t, "p", text, []mspec{
		pat("Kenyan Ministry of Water", extractor.Government),
		gaz("Kenyan", extractor.Location, "Kenya").at(1),
		gaz("Federal Bureau of Records", extractor.Government, ""),
	})
	ds := Resolve([]*DocResult{res})
	if a := aliasesOf(t, ds, "Kenyan Ministry of Water"); !slices.Contains(a, "Ministry of Water") {
		t.Errorf("short form missing from aliases %q", a)
	}
	// "Federal" is no place of this document: the name stays whole.
	if a := aliasesOf(t, ds, "Federal Bureau of Records"); len(a) != 0 {
		t.Errorf("Federal Bureau of Records got aliases %q", a)
	}
}
