package rules

import "testing"

// A camel-case malware or tool name written as two words is the entry,
// not the shorter name its first word is: "the Glass Harbor builder" is
// GlassHarbor, not the ransomware Glass.
func TestSpacedCamelCaseName(t *testing.T) {
	p := packOf(t, `
rules:
  - id: g.mal
    kind: gazetteer
    type: malware
    priority: 70
    case: auto
    entries:
      - {name: Glass}
      - {name: PaperKite}
  - id: g.tool
    kind: gazetteer
    type: tool
    priority: 68
    case: auto
    entries:
      - {name: GlassHarbor}
`)
	cases := []struct {
		text string
		want []string
	}{
		{"Decoys came from the Glass Harbor builder.", []string{"Glass Harbor/tool/g.tool"}},
		{"Decoys came from the GlassHarbor builder.", []string{"GlassHarbor/tool/g.tool"}},
		// Only as written: lower case is ordinary English.
		{"The glass harbor was calm, but Glass encrypted the files.", []string{"Glass/malware/g.mal"}},
		// No shorter name takes "Paper": the spaced spelling is no name.
		{"The Paper Kite group met.", nil},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}

func TestCamelParts(t *testing.T) {
	for w, ok := range map[string]bool{"RoyalRoad": true, "ShadowPad": true, "PlugX": false, "NotPetya": true, "XAgent": false,
		"royalRoad": false, "RoyalRoad2": false, "BlackEnergyKit": false, "Royal": false} {
		if _, got := camelParts(w); got != ok {
			t.Errorf("camelParts(%q) = %v, want %v", w, got, ok)
		}
	}
}
