package extract

import (
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
