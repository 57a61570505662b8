package rules

import "testing"

// An actor's common-word name opening a sentence is the name when its
// sentence confirms it: a context word anywhere in it, or an actor's words
// of gazetteer_common_frames right after the name (commonConfirmed).
func TestGazetteerCommonConfirmed(t *testing.T) {
	p := packOf(t, `
lists:
  gazetteer_context_words: [group, espionage]
  gazetteer_common_frames: ["has been active", "first surfaced"]
rules:
  - id: g
    kind: gazetteer
    type: threat-actor
    entries:
      - {name: Patchwork, common: true}
      - {name: Bramble, type: organization, common: true}
`)
	cases := []struct {
		text string
		want []string
	}{
		{"Patchwork has been active since 2015.", []string{"Patchwork/threat-actor/g"}},
		{"Patchwork first surfaced in 2015.", []string{"Patchwork/threat-actor/g"}},
		{"Patchwork, an espionage crew, sent lures.", []string{"Patchwork/threat-actor/g"}},
		// no frame, no context word: a word opening a sentence
		{"Patchwork quilts sell well.", nil},
		// the frame must follow the name
		{"Patchwork quilts has been active.", nil},
		// an organisation's common name keeps the plain policy
		{"Bramble has been active since 2015.", nil},
		// a name elsewhere in the text proves nothing for the opening one
		{"Patchwork quilts sell well. Analysts named Patchwork.", []string{"Patchwork/threat-actor/g"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}

// A malware family's common-word name opening a sentence before a finite
// verb is the family when the document names the entry inside a sentence
// too; a copula, or no other mention, leaves it a word.
func TestGazetteerCommonKindInitial(t *testing.T) {
	p := packOf(t, `
rules:
  - id: g
    kind: gazetteer
    type: malware
    entries:
      - {name: Prestige, common: true}
`)
	cases := []struct {
		text string
		want []string
	}{
		{"The crew deployed Prestige in Poland. Prestige itself encrypts files.",
			[]string{"Prestige/malware/g", "Prestige/malware/g"}},
		{"The crew deployed Prestige in Poland. Prestige deleted the backups.",
			[]string{"Prestige/malware/g", "Prestige/malware/g"}},
		// a copula: "Prestige is a brand" may be anything
		{"The crew deployed Prestige in Poland. Prestige is a brand.", []string{"Prestige/malware/g"}},
		// no other mention of the entry
		{"Prestige matters to banks.", nil},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}
