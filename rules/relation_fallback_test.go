package rules

import (
	"fmt"
	"testing"
)

// kestrelRules: the two actors, three malware names and a "uses" relation
// rule the topic and list-intro tests share.
const kestrelRules = `  - id: t.actors
    kind: gazetteer
    type: threat-actor
    entries: [{name: Kestrel Bear}, {name: Heron Panda}]
    examples: {match: ["Kestrel Bear again."]}
  - id: t.malware
    kind: gazetteer
    type: malware
    entries: [{name: BabyShark}, {name: PlugX}, {name: ShadowPad}]
    examples: {match: ["BabyShark again."]}
  - id: t.uses
    kind: relation
    relation: uses
    source: [threat-actor]
    target: [malware]
    pattern:
      - {slot: source, entity: any}
      - lower: deployed
      - {slot: target, entity: any}
    examples: {match: ["Heron Panda deployed PlugX."]}
`

// topicPack: kestrelRules and a topic fallback for uses.
const topicPack = `
lists:
  relation_negations: [never, not]
rules:
` + kestrelRules + `  - id: t.topic
    kind: topic
    relation: uses
    source: [threat-actor]
    target: [malware]
    priority: 25
    examples: {match: ["Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. BabyShark is a backdoor."]}
`

func topicRelations(t *testing.T, p *Pack, text string) []string {
	t.Helper()
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	var out []string
	for _, r := range res.Relations {
		out = append(out, fmt.Sprintf("%s -%s-> %s [%s]", text[r.Source.Start:r.Source.End], r.Type,
			text[r.Target.Start:r.Target.End], r.Rule))
	}
	return out
}

func TestTopicFallbackGivesLeftoverMalwareToTheDominantActor(t *testing.T) {
	p := packOf(t, topicPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"dominant actor takes the unrelated malware",
			"Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. BabyShark is a backdoor.",
			[]string{"Kestrel Bear -uses-> BabyShark [t.topic]"}},
		{"no dominant actor: nothing",
			"Kestrel Bear hit banks. Heron Panda hit shops. Kestrel Bear hit ports. Heron Panda hit mines. BabyShark is a backdoor.",
			nil},
		{"a name another rule relates is left alone",
			"Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. Kestrel Bear hit mines. Heron Panda deployed PlugX. PlugX is old.",
			[]string{"Heron Panda -uses-> PlugX [t.uses]"}},
		{"a sentence naming another actor is skipped",
			"Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. Kestrel Bear hit mines. Unlike Heron Panda, it avoids ShadowPad.",
			nil},
		{"a negated clause is skipped",
			"Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. It has never been seen with ShadowPad.",
			nil},
		{"one relation per name",
			"Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. BabyShark is a backdoor. BabyShark is small.",
			[]string{"Kestrel Bear -uses-> BabyShark [t.topic]"}},
		{"a version of a tool is the tool",
			"Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. The intrusion relied on an updated version of BabyShark.",
			[]string{"Kestrel Bear -uses-> BabyShark [t.topic]"}},
		{"a variant or a comparison is not the tool",
			"Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. Its loader is a variant of BabyShark. It looks like PlugX.",
			nil},
		{"the actor the title names, named most, is the topic short of the share",
			"How Kestrel Bear works\n\nKestrel Bear hit banks. Heron Panda hit shops. Kestrel Bear hit ports. Heron Panda hit mines. " +
				"Kestrel Bear hit malls. Heron Panda hit docks. BabyShark is a backdoor.",
			[]string{"Kestrel Bear -uses-> BabyShark [t.topic]"}},
		{"a title naming the actor named less gives nothing",
			"How Heron Panda works\n\nKestrel Bear hit banks. Heron Panda hit shops. Kestrel Bear hit ports. Kestrel Bear hit mines. " +
				"Kestrel Bear hit malls. Heron Panda hit docks. BabyShark is a backdoor.",
			nil},
		{"a title naming two actors gives nothing",
			"Kestrel Bear and Heron Panda\n\nKestrel Bear hit banks. Heron Panda hit shops. Kestrel Bear hit ports. Heron Panda hit mines. " +
				"Kestrel Bear hit malls. BabyShark is a backdoor.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}

func TestTopicRuleNeedsAnActorSource(t *testing.T) {
	_, err := load(false, []string{writePack(t, map[string]string{"rules.yaml": `
rules:
  - id: t.bad
    kind: topic
    relation: uses
    source: [organization]
    target: [malware]
    examples: {match: ["x"]}
`})})
	if err == nil {
		t.Fatal("a topic rule whose source excludes threat-actor loaded without error")
	}
}

// A loader's payload ("BabyShark dropped PlugX") is still the topic actor's
// tool: a relation from malware covers the name for a family's topic only.
func TestTopicFallbackKeepsALoadersPayloadForTheActor(t *testing.T) {
	p := packOf(t, topicPack+`  - id: t.payload
    kind: relation
    relation: uses
    source: [malware]
    target: [malware]
    pattern:
      - {slot: source, entity: any}
      - lower: dropped
      - {slot: target, entity: any}
    examples: {match: ["BabyShark dropped PlugX."]}
`)
	text := "Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. BabyShark dropped PlugX."
	same(t, text, topicRelations(t, p, text), []string{
		"Kestrel Bear -uses-> BabyShark [t.topic]",
		"Kestrel Bear -uses-> PlugX [t.topic]",
		"BabyShark -uses-> PlugX [t.payload]",
	})
}
