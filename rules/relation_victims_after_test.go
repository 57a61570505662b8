package rules

import (
	"slices"
	"strings"
	"testing"
)

func TestVictimsNamedBeforeAmongItsVictims(t *testing.T) {
	base := "Copper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders. "
	got := corefRelations(t, base+"Leaked files list Pellmark Systems Inc. and Hallick Group Inc. among its victims.")
	for _, v := range []string{"Pellmark Systems Inc.", "Hallick Group Inc."} {
		if !hasRelation(got, "Copper Marten -targets-> "+v, "report on Copper Marten") {
			t.Errorf("%s listed among its victims is no target: %q", v, got)
		}
	}
	// Customers or partners listed are no victims.
	for _, r := range corefRelations(t, base+"Leaked files list Pellmark Systems Inc. among its customers.") {
		if strings.Contains(r, "-targets-> Pellmark") {
			t.Errorf("a customer made a victim: %q", r)
		}
	}
}

// "among those breached", "among the carriers hit": a participle closes
// the set of victims the names belong to; a set of bystanders does not.
func TestVictimsNamedBeforeAmongThoseBreached(t *testing.T) {
	base := "Copper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders. "
	for _, s := range []string{
		"Press reports named Pellmark Systems Inc. and Hallick Group Inc. among those breached.",
		"Press reports named Pellmark Systems Inc. and Hallick Group Inc. among the carriers hit.",
	} {
		got := corefRelations(t, base+s)
		for _, v := range []string{"Pellmark Systems Inc.", "Hallick Group Inc."} {
			if !hasRelation(got, "Copper Marten -targets-> "+v, "report on Copper Marten") {
				t.Errorf("%s in %q is no target: %q", v, s, got)
			}
		}
	}
	for _, r := range corefRelations(t, base+"Press reports named Pellmark Systems Inc. among those quoted.") {
		if strings.Contains(r, "-targets-> Pellmark") {
			t.Errorf("a bystander made a victim: %q", r)
		}
	}
}

// "among those hit hardest by the outage": an outage, a storm or a
// failure hit them, not the report's actor; an attack or a party after
// "by" still makes them its victims.
func TestVictimsAmongThoseHitByNoAttack(t *testing.T) {
	base := "Copper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders. "
	for _, s := range []string{
		"Researchers named Pellmark Systems Inc. and Hallick Group Inc. among those hit hardest by the outage.",
		"Press reports named Pellmark Systems Inc. among the carriers affected by the storm.",
	} {
		for _, r := range corefRelations(t, base+s) {
			if strings.Contains(r, "-targets-> Pellmark") || strings.Contains(r, "-targets-> Hallick") {
				t.Errorf("a victim of an outage made the actor's target in %q: %q", s, r)
			}
		}
	}
	for _, s := range []string{
		"Researchers named Pellmark Systems Inc. among those hit hardest by the attacks.",
		"Researchers named Pellmark Systems Inc. among those hit by Copper Marten.",
	} {
		if got := corefRelations(t, base+s); !hasRelation(got, "Copper Marten -targets-> Pellmark Systems Inc.", "report on Copper Marten") {
			t.Errorf("%q: no target: %q", s, got)
		}
	}
}

// The participles are the pack list rel_among_participles: a pack that
// redefines it changes what closes the set.
func TestAmongParticiplesArePackList(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"breached", "hit", "penetrated"} {
		if !p.cti.amongParticiples[w] {
			t.Errorf("%q missing from rel_among_participles", w)
		}
	}
	q := packOf(t, `
lists:
  rel_among_participles: [pwned]
rules:
  - id: t.org
    kind: gazetteer
    type: organization
    entries: [{name: Pellmark}]
    examples: {match: ["Pellmark said so."]}
`)
	if !q.cti.amongParticiples["pwned"] || q.cti.amongParticiples["breached"] {
		t.Errorf("rel_among_participles not read from the pack: %v", q.cti.amongParticiples)
	}
}

// A rewriter's word the pack has never seen ("personifies") beside a count
// of victims once crashed the victim-count reader: a word outside the
// vocabulary is in no phrase set, and the sentence is read as any other.
func TestVictimCountBesideUnknownWord(t *testing.T) {
	text := "Earth Krahang hit 70 compromised administrations in 23 nations, 48 of them authorities our personifies. " +
		"Most dupes had been in Asia, and the listing consists of training, finance and healthcare administrations."
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	var names []string
	for _, m := range res.Mentions {
		names = append(names, text[m.Span.Start:m.Span.End])
	}
	for _, want := range []string{"Earth Krahang", "Asia", "healthcare"} {
		if !slices.Contains(names, want) {
			t.Errorf("%q not read beside an unknown word: %q", want, names)
		}
	}
}
