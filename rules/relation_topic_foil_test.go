package rules

import (
	"slices"
	"testing"
)

// A title that names its subject and the actor it copies ("Kestrel Bear:
// hackers dress up as Ember Panda"): the report is the subject's, and a
// paragraph that names only the copied actor, to say what was copied, does
// not give it the report's tools and victims.
func TestTopicSkipsTheTitlesFoil(t *testing.T) {
	body := "A hacking group has been targeting the Heron Ministry since 2019 while imitating a rival crew, a vendor said.\n\n" +
		"The vendor said the attackers copied, step by step, the infection chain used by Ember Panda, an established group. " +
		"Exactly as in Ember Panda's attacks, a loader ran the payload.\n\n" +
		"Behind the lures the vendor found several trojans. The most distinctive was PlugX, which steals files.\n"
	checkTopic(t, []topicCase{
		{name: "DressUpAs",
			text:    "Kestrel Bear: hackers dress up as Ember Panda to spy on the Heron Ministry\n\n" + body,
			notFrom: []string{"Ember Panda -"}},
		{name: "Mimic",
			text:    "Kestrel Bear hackers mimic Ember Panda to spy on the Heron Ministry\n\n" + body,
			notFrom: []string{"Ember Panda -"}},
		{name: "PosingAsTheGroup",
			text:    "Kestrel Bear posing as the Ember Panda group, vendor says\n\n" + body,
			notFrom: []string{"Ember Panda -"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}

// Without a foil word the title's second actor keeps its paragraph: a
// title naming two actors side by side, one known by another name, or an
// example ("such as"), copies no one.
func TestTopicKeepsATitlesSecondActorWithoutAFoilWord(t *testing.T) {
	body := "A hacking group has been targeting the Heron Ministry since 2019, a vendor said.\n\n" +
		"The vendor said the infection chain was used by Ember Panda, an established group. " +
		"Exactly as in Ember Panda's attacks, a loader ran the payload.\n\n" +
		"Behind the lures the vendor found several trojans. The most distinctive was PlugX, which steals files.\n"
	for name, title := range map[string]string{
		"SideBySide": "Kestrel Bear and Ember Panda spy on the Heron Ministry",
		"SuchAs":     "Kestrel Bear: groups such as Ember Panda spy on the Heron Ministry",
		"KnownAs":    "Kestrel Bear hackers known as Ember Panda spy on the Heron Ministry",
		"AsWellAs":   "Kestrel Bear as well as Ember Panda spy on the Heron Ministry",
	} {
		got := defaultTopicRelations(t, title+"\n\n"+body)
		if !slices.Contains(got, "Ember Panda -uses-> PlugX") {
			t.Errorf("%s: the second actor lost its paragraph: %q", name, got)
		}
	}
}
