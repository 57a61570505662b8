package rules

import "testing"

// packLabels: a topic rule whose label "where" cues a profile's line.
const packLabels = `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Kestrel Bear, type: threat-actor}
      - {name: Norway, type: location}
      - {name: Chile, type: location}
  - id: topic-targets
    kind: topic
    relation: targets
    source: [threat-actor]
    target: [location]
    cues: [targeted]
    labels: [where]
`

func TestLabelCuesTopicRule(t *testing.T) {
	p := packLabels
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Kestrel Bear is a group. Kestrel Bear writes loaders.\n\n- **Where it goes:** ports in Norway.\n", 1},
		{"Kestrel Bear is a group. Kestrel Bear writes loaders.\n\nWhere: Norway and Chile.\n", 2},
		// "where" in a sentence is no label.
		{"Kestrel Bear is a group. Kestrel Bear writes loaders.\n\nThe advisory came from Norway, where it was written.\n", 0},
		// Too many words before the colon: no label.
		{"Kestrel Bear is a group. Kestrel Bear writes loaders.\n\nWhere the advisory was first read by many: Norway.\n", 0},
	} {
		res := packOf(t, p).Match(tc.text, testAnalyzer(t).Analyze(tc.text), testAnalyzer(t))
		if got := len(res.Relations); got != tc.want {
			t.Errorf("%q: %d relations %v, want %d", tc.text, got, res.Relations, tc.want)
		}
	}
}
