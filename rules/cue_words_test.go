package rules

import (
	"slices"
	"testing"
)

// The relation model reads the pack's own cue lists, lower-cased, and a
// user pack that redefines a list changes what it reads.
func TestRelationCueWordsFollowThePack(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	negs, hedges := p.RelationCueWords()
	if !slices.Contains(negs, "no evidence") || !slices.Contains(hedges, "likely") {
		t.Fatalf("default cues: negations %v, hedges %v", negs, hedges)
	}
	user := loadWith(t, `
lists:
  relation_hedges: [Purportedly, "Moderate Confidence"]
`)
	_, hedges = user.RelationCueWords()
	if !slices.Equal(hedges, []string{"purportedly", "moderate confidence"}) {
		t.Errorf("redefined hedges = %v", hedges)
	}
}

// The relation model's reporting verbs are the pack's rel_reporting_verbs.
func TestReportingVerbsFollowThePack(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if verbs := p.ReportingVerbs(); !slices.Contains(verbs, "said") || !slices.Contains(verbs, "assessed") {
		t.Fatalf("default reporting verbs: %v", verbs)
	}
	user := loadWith(t, `
lists:
  rel_reporting_verbs: [Asserted]
`)
	if verbs := user.ReportingVerbs(); !slices.Equal(verbs, []string{"asserted"}) {
		t.Errorf("redefined reporting verbs = %v", verbs)
	}
}

// The relation model reads the relation rules' word lists: their word
// items lower-cased, each once (phrases, token regexes and punctuation
// left out), sorted by list name, and a list a
// user pack names rel_* is read too; a list of the entity rules is not.
func TestRelationWordListsFollowThePack(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	lists := p.RelationWordLists()
	byName := map[string][]string{}
	for i, l := range lists {
		byName[l.Name] = l.Words
		if i > 0 && lists[i-1].Name >= l.Name {
			t.Errorf("lists not sorted by name: %q before %q", lists[i-1].Name, l.Name)
		}
	}
	use := byName["rel_use_verbs"]
	if !slices.Contains(use, "deployed") || slices.Contains(use, "relied on") {
		t.Errorf("rel_use_verbs read as %v: want its words, no phrases", use)
	}
	if _, ok := byName["person_titles"]; ok {
		t.Error("an entity rules' list (person_titles) is read as a relation word list")
	}
	user := loadWith(t, `
lists:
  rel_custom_cues: [Overseen, "run by", '\p{Lu}[\p{L}.]*-based', "(", "?", "n/a", "<ORG>", Start-up, overseen]
  my_entity_words: [Widget]
`)
	got := map[string][]string{}
	for _, l := range user.RelationWordLists() {
		got[l.Name] = l.Words
	}
	if !slices.Equal(got["rel_custom_cues"], []string{"overseen", "start-up"}) {
		t.Errorf("a user list rel_custom_cues read as %q, want its words once each [overseen start-up]: no phrase, token regex, punctuation or n/a", got["rel_custom_cues"])
	}
	if _, ok := got["my_entity_words"]; ok {
		t.Error("a user list outside the relation rules is read as a relation word list")
	}
}
