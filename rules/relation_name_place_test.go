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
