package rules

import "testing"

// Places that account for a share of the infections are the victims'
// places though the cue comes after them; places that account for
// something else, or a cue past the clause, give nothing.
func TestShareCueAfter(t *testing.T) {
	p := packOf(t, `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Kestrel Bear, type: threat-actor}
      - {name: Peru, type: location}
      - {name: Chile, type: location}
      - {name: Canada, type: location}
  - id: victims
    kind: topic
    relation: targets
    source: [threat-actor]
    target: [location]
    cues: [infections, infected]
`)
	const lead = "Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. "
	for _, c := range []struct {
		text string
		want []string
	}{
		{lead + "Peru and Chile accounted for more than half of the infections.",
			[]string{"Kestrel Bear -targets-> Peru [victims]", "Kestrel Bear -targets-> Chile [victims]"}},
		{lead + "Peru alone made up 40 per cent of the infected machines.", []string{"Kestrel Bear -targets-> Peru [victims]"}},
		{lead + "Peru accounted for most of the trade, and the infections were elsewhere.", nil},
		{lead + "Officials in Canada described the infections.", nil},
	} {
		same(t, c.text, topicRelations(t, p, c.text), c.want)
	}
}
