package rules

import "testing"

// A body's name holds what it belongs to: a country for a part-of rule,
// a city or province for a located-in rule, another body's name for a
// part-of rule whose target is government. Each needs the place or parent
// named on its own in the document.
func TestNamePlaceReadsCountriesCitiesAndBodies(t *testing.T) {
	p := packOf(t, `
rules:
  - id: gaz.location.country-test
    kind: gazetteer
    type: location
    entries:
      - {name: Ruritania, aliases: [Ruritanian]}
  - id: gaz.location.subnational
    kind: gazetteer
    type: location
    entries: [Westmark]
  - id: gaz.location.city
    kind: gazetteer
    type: location
    entries: [Strelsau]
  - id: t.bodies
    kind: gazetteer
    type: government
    entries: [Ruritanian Signals Office, Strelsau Police Bureau, Police Bureau of Westmark, Westmark Signals Office,
      Harbour Board, Council of the Harbour Board, Harbour Board Cyber Directorate, Harbour Board Department,
      Harbour Board Cyber Directorate of Appeals]
  - id: t.country
    kind: name-place
    relation: part-of
    source: [government]
    target: [location]
  - id: t.city
    kind: name-place
    relation: located-in
    source: [government]
    target: [location]
  - id: t.body
    kind: name-place
    relation: part-of
    source: [government]
    target: [government]
`)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a country in the name: part-of, not located-in",
			"Ruritania said the Ruritanian Signals Office was hit.",
			[]string{"Ruritanian Signals Office -part-of-> Ruritania [t.country]"}},
		{"a city first: located-in",
			"Police in Strelsau said the Strelsau Police Bureau was hit.",
			[]string{"Strelsau Police Bureau -located-in-> Strelsau [t.city]"}},
		{"a province after a closing of: located-in",
			"Westmark is quiet. The Police Bureau of Westmark was hit.",
			[]string{"Police Bureau of Westmark -located-in-> Westmark [t.city]"}},
		{"the place never named on its own: nothing",
			"The Strelsau Police Bureau was hit.",
			nil},
		{"a parent body after a closing of",
			"The Harbour Board met after the Council of the Harbour Board voted.",
			[]string{"Council of the Harbour Board -part-of-> Harbour Board [t.body]"}},
		{"a parent body first, the part named after it",
			"The Harbour Board said the Harbour Board Cyber Directorate saw it.",
			[]string{"Harbour Board Cyber Directorate -part-of-> Harbour Board [t.body]"}},
		{"a qualifier after the parent's name: another body",
			"The Harbour Board said the Harbour Board Cyber Directorate of Appeals saw it.",
			nil},
		{"the parent and one head word is the parent itself",
			"The Harbour Board said the Harbour Board Department saw it.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}

// A place counts as named on its own only where no longer mention covers
// it and no lower-case branch noun follows it; a body about a place is no
// part of it; a company's unit named after it is part of the company, and
// the company with a legal form after its name is not its unit.
func TestNamePlaceOwnPlaceAboutAndUnits(t *testing.T) {
	p := packOf(t, `
lists:
  rel_name_place_about_words: [affairs, desk]
  rel_name_place_branch_nouns: [office, bureau, workplace]
rules:
  - id: gaz.location.country-test
    kind: gazetteer
    type: location
    entries: [Ruritania, Borduria]
  - id: gaz.location.subnational
    kind: gazetteer
    type: location
    entries: [Westmark]
  - id: t.bodies
    kind: gazetteer
    type: government
    entries: [Westmark State Security Department, Ruritania Affairs Office, Ruritania and Borduria Affairs Office,
      Ruritania Desk, Ruritania Signals Office]
  - id: t.companies
    kind: gazetteer
    type: organization
    entries: [Kestrel Point, Kestrel Point Research, Westmark Lumen Network]
  - id: t.country
    kind: name-place
    relation: part-of
    source: [government]
    target: [location]
  - id: t.city
    kind: name-place
    relation: located-in
    source: [government]
    target: [location]
  - id: t.company
    kind: name-place
    relation: part-of
    source: [organization]
    target: [organization]
`)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"the place only as the body's short form: nothing",
			"The Westmark State Security Department ran it. The Westmark office hired the staff.",
			nil},
		{"a rewriter's workplace is the same short form",
			"The Westmark State Security Department ran it. The Westmark workplace hired the staff.",
			nil},
		{"the place only inside another company's name: nothing",
			"The Westmark State Security Department ran it through Westmark Lumen Network.",
			nil},
		{"the place on its own: located-in",
			"The Westmark State Security Department ran it from Westmark.",
			[]string{"Westmark State Security Department -located-in-> Westmark [t.city]"}},
		{"an office for a place's affairs is no part of it",
			"The Ruritania Affairs Office warned Ruritania.",
			nil},
		{"two places' affairs likewise",
			"The Ruritania and Borduria Affairs Office warned Ruritania.",
			nil},
		{"a desk for a place likewise",
			"The Ruritania Desk watched Ruritania.",
			nil},
		{"a body of the country still is part of it",
			"The Ruritania Signals Office warned Ruritania.",
			[]string{"Ruritania Signals Office -part-of-> Ruritania [t.country]"}},
		{"a unit named after its company",
			"Kestrel Point Research wrote it, and Kestrel Point sold the fix.",
			[]string{"Kestrel Point Research -part-of-> Kestrel Point [t.company]"}},
		{"the company with a legal form is no unit of it",
			"Kestrel Point Limited wrote it, and Kestrel Point sold the fix.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}

// A description with a lower-case head is the state itself ("the Ruritanian
// government"), unless the head names a body apart from it (list
// rel_name_place_body_heads): "the Ruritanian embassy" is part of Ruritania.
func TestNamePlaceReadsLowerCaseBodyHeads(t *testing.T) {
	p := packOf(t, `
lists:
  rel_name_place_body_heads: [embassy, ministry]
rules:
  - id: gaz.location.country-test
    kind: gazetteer
    type: location
    entries:
      - {name: Ruritania, aliases: [Ruritanian]}
  - id: t.bodies
    kind: gazetteer
    type: government
    entries: [Ruritanian embassy, Ruritanian foreign ministry, Ruritanian government, Ruritanian military]
  - id: t.country
    kind: name-place
    relation: part-of
    source: [government]
    target: [location]
`)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"an embassy is the state's body",
			"Ruritania denied it. The Ruritanian embassy did not respond.",
			[]string{"Ruritanian embassy -part-of-> Ruritania [t.country]"}},
		{"a ministry after a modifier",
			"Ruritania denied it. The Ruritanian foreign ministry called it groundless.",
			[]string{"Ruritanian foreign ministry -part-of-> Ruritania [t.country]"}},
		{"the government is the state itself",
			"Ruritania denied it. The Ruritanian government called it groundless.",
			nil},
		{"a head outside the list is a description",
			"Ruritania denied it. The Ruritanian military called it groundless.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}
