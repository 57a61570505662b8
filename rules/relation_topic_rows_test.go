package rules

import "testing"

// A table row names its own actor: the topic actor takes the tools of its
// own rows and of rows that name no actor, never those of a row naming
// another actor.
func TestTopicFallbackSkipsRowsOfAnotherActor(t *testing.T) {
	p := packOf(t, topicPack)
	text := "Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports.\n\n" +
		"| Actor | Malware |\n|---|---|\n| Kestrel Bear | BabyShark |\n| Heron Panda | PlugX |\n| - | ShadowPad |\n"
	same(t, text, topicRelations(t, p, text), []string{
		"Kestrel Bear -uses-> BabyShark [t.topic]",
		"Kestrel Bear -uses-> ShadowPad [t.topic]",
	})
}

func TestRowActorIndex(t *testing.T) {
	ix := rowActorIndex{rows: []span{{10, 20}, {21, 30}}, keys: [][]string{{"a"}, {"b"}}}
	for off, want := range map[int]int{0: -1, 10: 0, 19: 0, 20: -1, 21: 1, 29: 1, 30: -1} {
		if got := ix.row(off); got != want {
			t.Errorf("row(%d) = %d, want %d", off, got, want)
		}
	}
	if got := ix.at(25); len(got) != 1 || got[0] != "b" {
		t.Errorf("at(25) = %v", got)
	}
}
