package extract

import (
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

func TestResolveSplitsCuedActorAndMalware(t *testing.T) {
	act, mal := extractor.ThreatActor, extractor.Malware
	crew := mspec{text: "Hangover crew", typ: act, rule: "pattern.test", prio: 74, canonical: "Hangover"}
	a := hdoc(t, "a", "A second downloader named HangOver stood out.\nVendors call the Hangover crew an ancestor of Patchwork.\n",
		[]mspec{pat("HangOver", mal), crew})
	ds := Resolve([]*DocResult{a}, WithGroupNouns([]string{"crew", "group"}))
	differentEntities(t, ds, "a", "HangOver", "a", "Hangover crew")
	if e := entityOf(t, ds, "a", "HangOver", 0); e.Type != mal {
		t.Errorf("HangOver should stay malware, got %s", e.ID)
	}
	if e := entityOf(t, ds, "a", "Hangover crew", 0); e.Type != act {
		t.Errorf("the crew should stay an actor, got %s", e.ID)
	}

	// A cue on one side only: case variants of one name are one entity,
	// whose type the vote gives.
	grp := mspec{text: "apt28 group", typ: act, rule: "pattern.test", prio: 74, canonical: "APT28"}
	b := hdoc(t, "b", "APT28 used a new loader.\nThe apt28 group returned.\n", []mspec{pat("APT28", mal), grp})
	ds = Resolve([]*DocResult{b}, WithGroupNouns([]string{"crew", "group"}))
	sameEntity(t, ds, "b", "APT28", "b", "apt28 group")
}

func TestMentionCue(t *testing.T) {
	nouns := []string{" crew", " group"}
	text := "a downloader named HangOver and the Turla backdoor, then the Turla group and Turla."
	at := func(s string, typ extractor.EntityType, nth int) *extractor.Mention {
		i := -1
		for n := 0; n <= nth; n++ {
			j := indexFrom(text, s, i+1)
			i = j
		}
		return &extractor.Mention{Span: extractor.Span{Start: i, End: i + len(s)}, Text: s, Type: typ}
	}
	for _, c := range []struct {
		m    *extractor.Mention
		want cue
	}{
		{at("HangOver", extractor.Malware, 0), cueMalware},
		{at("Turla", extractor.Malware, 0), cueMalware},
		{at("Turla", extractor.ThreatActor, 1), cueActor},
		{at("Turla", extractor.ThreatActor, 2), cueNone},
		{at("Turla", extractor.Malware, 2), cueNone},
	} {
		if got := mentionCue(c.m, text, nouns); got != c.want {
			t.Errorf("%q at %d (%s): cue %d, want %d", c.m.Text, c.m.Start, c.m.Type, got, c.want)
		}
	}
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// A strong actor rule is its document's own cue: the name stays an actor
// there however many other documents call it malware, cued or not, and
// those documents keep their malware.
func TestResolveStrongActorRuleKeepsItsDocument(t *testing.T) {
	act, mal := extractor.ThreatActor, extractor.Malware
	aka := mspec{text: "Zebrocy", typ: act, rule: "core.threat-actor.malware-name-aka", prio: 76}
	a := hdoc(t, "a", "Another attack group, Earworm (aka Zebrocy), has been active.\n", []mspec{aka})
	// b cues the malware ("Zebrocy payload"); c does not, but names it three times.
	b := hdoc(t, "b", "The chain drops a Zebrocy payload.\nZebrocy then beacons.\n",
		[]mspec{gaz("Zebrocy", mal, ""), gaz("Zebrocy", mal, "").at(1)})
	c := hdoc(t, "c", "Zebrocy and Zebrocy and Zebrocy.\n",
		[]mspec{gaz("Zebrocy", mal, ""), gaz("Zebrocy", mal, "").at(1), gaz("Zebrocy", mal, "").at(2)})
	for _, set := range [][]*DocResult{{a, b}, {a, c}, {a, b, c}} {
		ds := Resolve(set, WithGroupNouns([]string{"crew", "group"}))
		if e := entityOf(t, ds, "a", "Zebrocy", 0); e.Type != act {
			t.Errorf("%d documents: the aka actor should stay an actor, got %s", len(set), e.ID)
		}
		for _, d := range set[1:] {
			id := strings.TrimPrefix(d.Doc.ID, "doc:")
			if e := entityOf(t, ds, id, "Zebrocy", 0); e.Type != mal {
				t.Errorf("%d documents: Zebrocy in %s should stay malware, got %s", len(set), id, e.ID)
			}
		}
	}

	// A group noun right after a name the rules call malware is no strong
	// rule: the weaker actor mention gets no cue, and the vote decides.
	if got := mentionCue(&extractor.Mention{Span: extractor.Span{Start: 0, End: 7}, Text: "Zebrocy", Type: act,
		Rule: "pattern.test"}, "Zebrocy activity", []string{" group"}); got != cueNone {
		t.Errorf("a pattern actor without a group noun: cue %d, want none", got)
	}
}

// Within one document, a strong actor cue outweighs the name's uncued
// malware mentions, even when they have the higher priority.
func TestResolveStrongActorCueWinsItsDocument(t *testing.T) {
	act, mal := extractor.ThreatActor, extractor.Malware
	grp := mspec{text: "Zebrocy", typ: act, rule: "core.threat-actor.kind-before-name", prio: 58}
	a := hdoc(t, "a", "The espionage group Zebrocy struck.\nZebrocy sent mail; Zebrocy stole files.\n",
		[]mspec{grp, gaz("Zebrocy", mal, "").at(1), gaz("Zebrocy", mal, "").at(2)})
	ds := Resolve([]*DocResult{a}, WithGroupNouns([]string{"crew", "group"}))
	sameEntity(t, ds, "a", "Zebrocy", "a", "Zebrocy")
	if e := entityOf(t, ds, "a", "Zebrocy", 2); e.Type != act {
		t.Errorf("Zebrocy should be an actor, got %s", e.ID)
	}
}
