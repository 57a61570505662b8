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
