package rules

import "testing"

// coordPack: an actor, sectors and places, and a targeting rule that takes
// only the one name right after its verb, so every further member comes
// from the coordinated-list mechanism.
const coordPack = `
rules:
  - id: t.actors
    kind: gazetteer
    type: threat-actor
    entries: [{name: Kestrel Bear}, {name: Heron Panda}, {name: Amber Typhoon}]
    examples: {match: ["Kestrel Bear again."]}
  - id: t.vendors
    kind: gazetteer
    type: organization
    entries: [{name: Mandiant}, {name: Microsoft}]
    examples: {match: ["Mandiant again."]}
  - id: t.sectors
    kind: gazetteer
    type: sector
    entries: [{name: banks}, {name: media companies}, {name: think tanks}, {name: universities}, {name: ports}]
    examples: {match: ["banks again."]}
  - id: t.places
    kind: gazetteer
    type: location
    entries: [{name: Peru}, {name: Chile}, {name: Lima}]
    examples: {match: ["Peru again."]}
  - id: t.hit
    kind: relation
    relation: targets
    source: [threat-actor, organization]
    target: [sector, location]
    pattern:
      - {slot: source, entity: any}
      - lower: hit
      - {slot: target, entity: any}
    examples: {match: ["Kestrel Bear hit banks."]}
  - id: t.based
    kind: relation
    relation: located-in
    source: [threat-actor]
    target: [location]
    pattern:
      - {slot: source, entity: any}
      - lower: in
      - {slot: target, entity: any}
    examples: {match: ["Kestrel Bear in Peru."]}
`

func TestCoordinatedListSharesTheRelation(t *testing.T) {
	p := packOf(t, coordPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"every member of the list",
			"Kestrel Bear hit banks, social media companies, universities and think tanks.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> media companies [t.hit]",
				"Kestrel Bear -targets-> universities [t.hit]", "Kestrel Bear -targets-> think tanks [t.hit]"}},
		{"a member that names nothing is passed over",
			"Kestrel Bear hit banks, video game firms and think tanks.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> think tanks [t.hit]"}},
		{"no conjunction: a place in a place, not a list",
			"Kestrel Bear hit Lima, Peru.",
			[]string{"Kestrel Bear -targets-> Lima [t.hit]"}},
		{"a member followed by a verb starts a clause",
			"Kestrel Bear hit banks, and ports were closed.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
		{"a finite verb before a name starts a clause",
			"Kestrel Bear hit banks, and blamed Chile for it.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
		{"a verb read as a participle before a name starts a clause",
			"Kestrel Bear hit Peru and praised Chile.",
			[]string{"Kestrel Bear -targets-> Peru [t.hit]"}},
		{"a member that modifies a noun is no member",
			"Kestrel Bear hit Peru and Chile officials.",
			[]string{"Kestrel Bear -targets-> Peru [t.hit]"}},
		{"a source named after the list is no member",
			"Kestrel Bear hit banks and ports, according to Chile.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> ports [t.hit]"}},
		{"places and parents are not shared",
			"Kestrel Bear in Peru and Chile.",
			[]string{"Kestrel Bear -located-in-> Peru [t.based]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}

func TestCoordinatedSubjectSharesTheRelation(t *testing.T) {
	p := packOf(t, coordPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"every member of the subject",
			"Kestrel Bear, Heron Panda and Amber Typhoon hit banks.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Heron Panda -targets-> banks [t.hit]",
				"Amber Typhoon -targets-> banks [t.hit]"}},
		{"or leaves the doer open",
			"Kestrel Bear or Heron Panda hit banks.",
			[]string{"Heron Panda -targets-> banks [t.hit]"}},
		{"names before a comma are no subjects",
			"According to Mandiant and Microsoft, Kestrel Bear hit banks.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
		{"a member described between commas",
			"Kestrel Bear, which Mandiant has tracked since 2019, and Heron Panda hit banks.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Heron Panda -targets-> banks [t.hit]"}},
		{"a member in apposition",
			"Kestrel Bear, a Russian crew, and Heron Panda hit banks.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Heron Panda -targets-> banks [t.hit]"}},
		{"an aside without and opens no list",
			"Kestrel Bear, which Mandiant tracks, Heron Panda hit banks.",
			[]string{"Heron Panda -targets-> banks [t.hit]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}

// subjectPack: bodies and people, a part-of rule that opens with its source
// inside a sequence, and an apposition rule, each reaching only the name
// next to its cue.
const subjectPack = `
rules:
  - id: t.units
    kind: gazetteer
    type: threat-actor
    entries: [{name: Kestrel Bear}, {name: Heron Panda}, {name: Sable Crew}]
    examples: {match: ["Kestrel Bear again."]}
  - id: t.bodies
    kind: gazetteer
    type: government
    entries: [{name: Harbor Directorate}]
    examples: {match: ["Harbor Directorate again."]}
  - id: t.people
    kind: gazetteer
    type: person
    entries: [{name: Lena Voss}, {name: Omar Tal}]
    examples: {match: ["Lena Voss again."]}
  - id: t.unit-of
    kind: relation
    relation: part-of
    source: [threat-actor]
    target: [government]
    pattern:
      - seq: [{slot: source, entity: any}]
      - {text: ",", optional: true}
      - {lower_in: [are, is]}
      - {lower: a, optional: true}
      - {lower_in: [units, unit]}
      - lower: of
      - {lower: the, optional: true}
      - {slot: target, entity: any}
    examples: {match: ["Kestrel Bear is a unit of Harbor Directorate."]}
  - id: t.appos-tied
    kind: relation
    relation: affiliated-with
    source: [person]
    target: [threat-actor]
    apposition: true
    pattern:
      - seq: [{slot: source, entity: any}]
      - {text: ","}
      - {any: true, not: {text: [",", "."]}, repeat: "1-3"}
      - lower: tied
      - lower: to
      - {slot: target, entity: any}
    examples: {match: ["We met Lena Voss, a hacker tied to Kestrel Bear."]}
`

func TestCoordinatedSubjectSharesTiesAndParents(t *testing.T) {
	p := packOf(t, subjectPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"both units belong to the body",
			"Kestrel Bear and Heron Panda are units of the Harbor Directorate.",
			[]string{"Kestrel Bear -part-of-> Harbor Directorate [t.unit-of]",
				"Heron Panda -part-of-> Harbor Directorate [t.unit-of]"}},
		{"a plural apposition describes both people",
			"The court named Lena Voss and Omar Tal, two hackers tied to Kestrel Bear.",
			[]string{"Lena Voss -affiliated-with-> Kestrel Bear [t.appos-tied]",
				"Omar Tal -affiliated-with-> Kestrel Bear [t.appos-tied]"}},
		{"a singular apposition describes the last member only",
			"The court named Lena Voss and Omar Tal, a hacker tied to Kestrel Bear.",
			[]string{"Omar Tal -affiliated-with-> Kestrel Bear [t.appos-tied]"}},
		{"a definite singular apposition too",
			"A dispute between Lena Voss and Omar Tal, the broker tied to Kestrel Bear.",
			[]string{"Omar Tal -affiliated-with-> Kestrel Bear [t.appos-tied]"}},
		{"names after a naming word are aliases, not subjects",
			"Kestrel Bear, also called Heron Panda and Sable Crew, is a unit of the Harbor Directorate.",
			[]string{"Sable Crew -part-of-> Harbor Directorate [t.unit-of]"}},
		{"or leaves the member open",
			"Kestrel Bear or Heron Panda is a unit of the Harbor Directorate.",
			[]string{"Heron Panda -part-of-> Harbor Directorate [t.unit-of]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}

// A singular apposition on the member next to the verb describes it alone,
// but the verb after it is every member's (default pack).
func TestCoordinatedSubjectSharesTheVerbPastAnApposition(t *testing.T) {
	text := "Li Ming, who registered the domains, and Zhang Wei, a veteran hacker, deployed malware such as Sakula and PlugX."
	got := corefRelations(t, text)
	for _, want := range []string{"Li Ming -uses-> Sakula", "Li Ming -uses-> PlugX", "Zhang Wei -uses-> Sakula", "Zhang Wei -uses-> PlugX"} {
		if !hasRelation(got, want, "") {
			t.Errorf("missing %s: %q", want, got)
		}
	}
}
