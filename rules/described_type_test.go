package rules

import (
	"testing"

	"github.com/reportgraph/extractor"
)

// describedPack types two brands as malware, as the ransomware gazetteer
// does, and carries the descriptor lists.
const describedPack = `
lists:
  described_actor_heads: [group, groups, gang, gangs, crew, operation, operations, actor, actors, hackers]
  described_malware_nouns: [ransomware, malware, payload, backdoor, implant, samples, encryptor, botnet, platform]
  described_malware_verbs: [deployed, deploying, dropped, installed]
  rel_naming_verbs: [tracked, called, dubbed, named]
rules:
  - id: t.actor
    kind: gazetteer
    type: threat-actor
    entries: [{name: Stonewren}]
    examples: {match: ["Stonewren struck."]}
  - id: t.gov
    kind: gazetteer
    type: government
    entries: [{name: SVR}]
    examples: {match: ["The SVR denied it."]}
  - id: t.malware
    kind: gazetteer
    type: malware
    entries: [{name: Quillcrypt}, {name: Marshlock}]
    examples: {match: ["Quillcrypt and Marshlock were seen."]}
`

// typesOf returns the types the mentions of name get in text, in order.
func typesOf(t *testing.T, p *Pack, text, name string) []extractor.EntityType {
	t.Helper()
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	var out []extractor.EntityType
	for _, m := range res.Mentions {
		if m.Text == name {
			out = append(out, m.Type)
		}
	}
	return out
}

func TestDescribedNames(t *testing.T) {
	p := packOf(t, describedPack)
	const A, M = extractor.ThreatActor, extractor.Malware
	cases := []struct {
		text string
		want []extractor.EntityType
	}{
		// The descriptor makes the mention, and the bare mentions, the group.
		{"Quillcrypt, a Russian-speaking ransomware gang, hit the port authority. Quillcrypt demanded a ransom.", []extractor.EntityType{A, A}},
		{"Quillcrypt is a criminal, money-driven operation. Quillcrypt leaked the files.", []extractor.EntityType{A, A}},
		{"A crew known as Quillcrypt claimed the breach.", []extractor.EntityType{A}},
		{"Quillcrypt has been one of the busiest ransomware groups this year.", []extractor.EntityType{A}},
		// Head nouns right after the name are the brand as a whole.
		{"Police arrested two Quillcrypt actors in Riga.", []extractor.EntityType{M}},
		{"The Quillcrypt gang leaked the files.", []extractor.EntityType{M}},
		// The code stays malware.
		{"The affiliates deployed Quillcrypt on the file servers.", []extractor.EntityType{M}},
		{"Quillcrypt, a backdoor the group used for years, beacons hourly.", []extractor.EntityType{M}},
		{"Quillcrypt, the group's second family, loads a driver.", []extractor.EntityType{M}},
		{"The loader fetched Quillcrypt, the actor then moved laterally.", []extractor.EntityType{M}},
		{"Quillcrypt, a ransomware strain used by the gang, encrypts shares.", []extractor.EntityType{M}},
		// A document that deploys the bare name at least as often as it
		// describes a party keeps the bare mentions malware.
		{"Quillcrypt, a ransomware gang, is back. Affiliates deployed Quillcrypt. Quillcrypt spread.", []extractor.EntityType{A, M, M}},
		{"The men worked with the Marshlock and Quillcrypt ransomware operations.", []extractor.EntityType{M}},
		{"A gang dubbed Quillcrypt claimed the breach.", []extractor.EntityType{A}},
		// A malware noun or a deploying verb between the naming verb and
		// the actor noun: the name is the code's.
		{"The gang dropped ransomware called Quillcrypt.", []extractor.EntityType{M}},
		{"The group installed malware dubbed Quillcrypt.", []extractor.EntityType{M}},
		// Descriptors that are about no group: a group named after a
		// preposition, a named actor's or state's operation, a group of
		// things, a malware noun first.
		{"Quillcrypt remains a favourite among Baltic criminal groups. Quillcrypt spread on USB drives.", []extractor.EntityType{M, M}},
		{"Quillcrypt, a modular platform shared between two gangs, returned.", []extractor.EntityType{M}},
		{"Quillcrypt was an SVR operation against the regional grid.", []extractor.EntityType{M}},
		{"Quillcrypt, a Stonewren operation, wiped the shipping firm.", []extractor.EntityType{M}},
		{"Quillcrypt, a group of servers in Latvia, was dismantled.", []extractor.EntityType{M}},
		{"Quillcrypt, a botnet two students built for fun, flooded the provider.", []extractor.EntityType{M}},
	}
	for _, c := range cases {
		got := typesOf(t, p, c.text, "Quillcrypt")
		if len(got) != len(c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: got %v, want %v", c.text, got, c.want)
				break
			}
		}
	}
}

// The default pack keeps malware that a descriptor does not make a group:
// a preposition's object, a named party's operation, a group of things, a
// malware noun ahead of the people.
func TestDescribedNamesDefaultPack(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, name string }{
		{"PlugX remains a favourite among Chinese espionage groups. PlugX was found on USB drives in Vietnam.", "PlugX"},
		{"ShadowPad, a modular platform shared among Chinese groups, was seen again.", "ShadowPad"},
		{"Industroyer was a GRU operation against the Ukrainian grid.", "Industroyer"},
		{"NotPetya, a Sandworm operation, crippled the shipping firm.", "NotPetya"},
		{"Emotet, a group of servers in Ukraine, was dismantled.", "Emotet"},
		{"Mirai, a botnet three college hackers built, flooded the provider.", "Mirai"},
	}
	for _, c := range cases {
		got := typesOf(t, p, c.text, c.name)
		if len(got) == 0 {
			t.Errorf("%q: no mention of %s", c.text, c.name)
		}
		for _, typ := range got {
			if typ != extractor.Malware {
				t.Errorf("%q: %s typed %s, want malware", c.text, c.name, typ)
			}
		}
	}
}

// codeNoun answers the same with its per-sentence cache as with a scan of
// the sentence for every noun, and the cache reads each sentence once.
func TestCodeNounCacheAgreesWithScan(t *testing.T) {
	p := packOf(t, `
lists:
  described_malware_nouns: [malware, households, backdoors]
  described_malware_qualified_nouns: [households]
  described_actor_heads: [group, crew]
rules:
  - id: g.code
    kind: gazetteer
    type: malware
    entries: [{name: Brackenlure}, {name: Fernquill}]
`)
	an := testAnalyzer(t)
	text := "Many households lost power. The crew deployed Brackenlure, and two households of the crew were raided, " +
		"and households again. Households near Fernquill and households far from it. No code, only households here."
	sents := an.Analyze(text)
	d := docPool.Get().(*docState)
	defer docPool.Put(d)
	d.init(p, text, sents, an, nil)
	defer d.reset()
	p.stages(d)
	want := make([]bool, len(d.fold))
	for k := range d.fold {
		want[k] = d.codeNoun(k)
	}
	d.cacheCode()
	defer d.stopCode()
	for k := range d.fold {
		if got := d.codeNoun(k); got != want[k] {
			t.Errorf("token %d %q: cached %v, scan %v", k, d.tokText[k], got, want[k])
		}
	}
	read := 0
	for _, f := range d.codeFrom {
		if f != 0 {
			read++
		}
	}
	if read == 0 || read > len(d.codeFrom) {
		t.Errorf("cache read %d of %d sentences", read, len(d.codeFrom))
	}
	// "households" after a code name in its sentence names code; before
	// it, or in a sentence with none, it does not.
	var got []bool
	for k, f := range d.fold {
		if f == "households" {
			got = append(got, d.codeNoun(k))
		}
	}
	if len(got) != 6 || got[0] || !got[1] || !got[2] || got[3] || !got[4] || got[5] {
		t.Errorf("households read as code: %v", got)
	}
}
