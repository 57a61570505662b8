package rules

import "testing"

// A relation rule with a part-of-speech test is first tried without
// tagging (relation_index.go): its results must be those of the exact
// rule, and a sentence where it fails for other reasons stays untagged.
func TestRelationPOSTestTagsOnlyWhereNeeded(t *testing.T) {
	p := packOf(t, relTestPack+`
  - id: firm-in-place
    kind: relation
    relation: located-in
    source: [organization]
    target: [location]
    pattern:
      - {slot: target, entity: location}
      - {any: true, not: [{text: [",", "."]}, {entity: any}, {pos: [VBD, VBZ, VBP]}], repeat: "0-2"}
      - lower_in: [firm, company]
      - {slot: source, entity: any}
`)
	an := testAnalyzer(t)
	text := "A China visit by ThreatBook was planned by the firm. The China software firm ThreatBook grew. China hired firm ThreatBook."
	sents := an.Analyze(text)
	if len(sents) != 3 {
		t.Fatalf("want 3 sentences, got %d", len(sents))
	}
	var got []string
	for _, r := range p.Match(text, sents, an).Relations {
		got = append(got, text[r.Source.Start:r.Source.End]+" -"+r.Type+"-> "+text[r.Target.Start:r.Target.End]+
			" in "+text[r.Sentence.Start:r.Sentence.End])
	}
	// The third sentence matches only if "hired" may be a modifier: the
	// tagger makes it a verb.
	same(t, "relations", got, []string{"ThreatBook -located-in-> China in The China software firm ThreatBook grew."})
	if sents[0].Tokens[2].POS != "" {
		t.Errorf("the sentence where the rule fails whatever the tags was tagged: %+v", sents[0].Tokens)
	}
	if sents[1].Tokens[3].POS == "" || sents[2].Tokens[1].POS != "VBD" {
		t.Errorf("the sentences the rule needs tags in were not tagged: %+v %+v", sents[1].Tokens, sents[2].Tokens)
	}
}
