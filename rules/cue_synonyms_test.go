package rules

import "testing"

// A cue word in a rewriter's words ("coupled to" for "linked to", "a
// grouping" for "a group") still makes the relation: rel_cue_word_synonyms
// swaps it into every lower-case list of a relation rule, one word at a
// time and all at once; the words written in the list still match.
func TestCueWordSynonyms(t *testing.T) {
	p := packOf(t, `
lists:
  rel_cue_word_synonyms: ["linked: coupled | colligated", "group: grouping", "hacking: chopping"]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Amber Heron, type: threat-actor}
      - {name: Ministry of Ports, type: government}
  - id: linked
    kind: relation
    relation: attributed-to
    source: [threat-actor]
    target: [government]
    pattern:
      - {slot: source, entity: any}
      - {lower_in: [is, was]}
      - {lower_in: [linked to, a hacking group of]}
      - {lower: the, optional: true}
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Amber Heron is linked to the Ministry of Ports.", []string{"Amber Heron -attributed-to-> Ministry of Ports"}},
		{"Amber Heron is coupled to the Ministry of Ports.", []string{"Amber Heron -attributed-to-> Ministry of Ports"}},
		{"Amber Heron is colligated to the Ministry of Ports.", []string{"Amber Heron -attributed-to-> Ministry of Ports"}},
		{"Amber Heron is a chopping group of the Ministry of Ports.", []string{"Amber Heron -attributed-to-> Ministry of Ports"}},
		{"Amber Heron is a hacking grouping of the Ministry of Ports.", []string{"Amber Heron -attributed-to-> Ministry of Ports"}},
		{"Amber Heron is a chopping grouping of the Ministry of Ports.", []string{"Amber Heron -attributed-to-> Ministry of Ports"}},
		// a word the table does not list is no synonym
		{"Amber Heron is joined to the Ministry of Ports.", nil},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}

// Entity patterns read the table too: "the Heron grouping" as "the Heron
// group".
func TestCueWordSynonymsEntityPatterns(t *testing.T) {
	p := packOf(t, `
lists:
  rel_cue_word_synonyms: ["group: grouping"]
rules:
  - id: crew
    kind: pattern
    type: threat-actor
    pattern:
      - {cshape: Xx, capture: true}
      - {lower: group}
`)
	same(t, "grouping", found(t, p, "They called it the Heron grouping."), []string{"Heron/threat-actor/crew"})
	same(t, "group", found(t, p, "They called it the Heron group."), []string{"Heron/threat-actor/crew"})
}

// A list rule's intros take the table's variants: "organisations in four
// spheres:" introduces its bullet items as "... four sectors:" does.
func TestCueWordSynonymsIntros(t *testing.T) {
	p := packOf(t, `
lists:
  rel_cue_word_synonyms: ["sectors: spheres"]
rules:
  - id: items
    kind: propagate
    types: [sector]
    intros: [sectors]
`)
	text := "The crew hit organisations in three spheres:\n- communications\n- tanning\n"
	same(t, "spheres", found(t, p, text), []string{"communications/sector/items", "tanning/sector/items"})
	same(t, "other intro", found(t, p, "The crew hit organisations in three places:\n- communications\n- tanning\n"), nil)
}

// A topic rule's cues take the table's variants too: "1,000 contaminated
// machines, mostly in Peru" speaks of victims as "infected machines" does.
func TestCueWordSynonymsTopicCues(t *testing.T) {
	p := packOf(t, `
lists:
  rel_cue_word_synonyms: ["infected: contaminated"]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Kestrel Bear, type: threat-actor}
      - {name: Peru, type: location}
  - id: victims
    kind: topic
    relation: targets
    source: [threat-actor]
    target: [location]
    cues: [infected]
`)
	const lead = "Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. "
	for _, c := range []struct {
		text string
		want []string
	}{
		{lead + "Vendors counted 1,000 infected machines, mostly in Peru.", []string{"Kestrel Bear -targets-> Peru [victims]"}},
		{lead + "Vendors counted 1,000 contaminated machines, mostly in Peru.", []string{"Kestrel Bear -targets-> Peru [victims]"}},
		{lead + "Vendors counted 1,000 machines, mostly in Peru.", nil},
	} {
		same(t, c.text, topicRelations(t, p, c.text), c.want)
	}
}
