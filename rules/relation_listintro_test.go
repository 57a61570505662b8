package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// listPack: kestrelRules, a ministry, a person gazetteer, and the two kinds
// of list-intro rules. Negation and hedge cues are compiled only
// for a pack with relation rules, hence t.uses.
const listPack = `
lists:
  relation_negations: [never, not]
  relation_hedges: [likely, suspected]
rules:
` + kestrelRules + `  - id: t.gov
    kind: gazetteer
    type: government
    entries: [{name: Ministry of Ports}]
    examples: {match: ["Ministry of Ports again."]}
  - id: t.people
    kind: gazetteer
    type: person
    entries: [{name: Lena Vask}, {name: Ivo Tamm}]
    examples: {match: ["Lena Vask again."]}
  - id: t.uses.list
    kind: topic
    relation: uses
    source: [threat-actor]
    target: [malware]
    intros: [toolkit, "malware used"]
    examples: {match: ["Kestrel Bear's toolkit:\n- PlugX\n"]}
  - id: t.staff.list
    kind: topic
    relation: employed-by
    source: [person]
    target: [government]
    items: source
    intros: ["officials of"]
    examples: {match: ["Two officials of the Ministry of Ports:\n- Lena Vask\n"]}
`

func listRelations(t *testing.T, p *Pack, text string) []string {
	t.Helper()
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	var out []string
	for _, r := range res.Relations {
		s := fmt.Sprintf("%s -%s-> %s", text[r.Source.Start:r.Source.End], r.Type, text[r.Target.Start:r.Target.End])
		if r.Hedge != "" {
			s += " (" + r.Hedge + ")"
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

func TestListIntroGivesEachItemTheIntrosRelation(t *testing.T) {
	p := packOf(t, listPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"the intro names the actor",
			"Heron Panda is noisy.\n\nKestrel Bear's toolkit:\n- PlugX, a backdoor\n- ShadowPad\n",
			[]string{"Kestrel Bear -uses-> PlugX", "Kestrel Bear -uses-> ShadowPad"}},
		{"a verbless intro speaks of the actor named just before",
			"Heron Panda is noisy. Kestrel Bear is quiet.\n\nMalware used:\n- BabyShark\n",
			[]string{"Kestrel Bear -uses-> BabyShark"}},
		{"an intro naming two actors is no one's list",
			"Kestrel Bear and Heron Panda share a toolkit:\n- PlugX\n",
			nil},
		{"a negated intro gives nothing",
			"Kestrel Bear's toolkit does not hold:\n- PlugX\n",
			nil},
		{"the intro's hedge is the relation's",
			"Kestrel Bear's suspected toolkit:\n- PlugX\n",
			[]string{"Kestrel Bear -uses-> PlugX (suspected)"}},
		{"an item's later mention is no list member",
			"Kestrel Bear's toolkit:\n- ShadowPad, which fetches PlugX\n- BabyShark\n",
			[]string{"Kestrel Bear -uses-> BabyShark", "Kestrel Bear -uses-> ShadowPad"}},
		{"without an intro word the list says nothing",
			"Kestrel Bear wrote a report:\n- PlugX\n",
			nil},
		{"people listed after the body they serve",
			"The court named two officials of the Ministry of Ports:\n- Lena Vask, its deputy head.\n- Ivo Tamm\n",
			[]string{"Ivo Tamm -employed-by-> Ministry of Ports", "Lena Vask -employed-by-> Ministry of Ports"}},
		{"people coordinated in one item are each listed",
			"The court named three officials of the Ministry of Ports:\n- **Lena Vask** and **Ivo Tamm**\n",
			[]string{"Ivo Tamm -employed-by-> Ministry of Ports", "Lena Vask -employed-by-> Ministry of Ports"}},
		{"a person named later in the item is no member",
			"The court named two officials of the Ministry of Ports:\n- Lena Vask, who hired Ivo Tamm\n",
			[]string{"Lena Vask -employed-by-> Ministry of Ports"}},
		// Bold marks are no words: the item (21 tokens, 19 without them) stays
		// within the 20 of a list member.
		{"emphasis marks do not make an item a sentence",
			"Kestrel Bear's toolkit:\n- **ShadowPad**, which the group loaded on a few of the servers it held for months;\n- **PlugX**\n",
			[]string{"Kestrel Bear -uses-> PlugX", "Kestrel Bear -uses-> ShadowPad"}},
		// A name and its apposition stay a list member however long the
		// description runs; a long clause is a sentence and ends the list.
		{"a named item with a long description is listed",
			"Kestrel Bear's toolkit:\n- ShadowPad, a backdoor the group loaded on a few of the servers it held for months in 2021 and 2022;\n- PlugX\n",
			[]string{"Kestrel Bear -uses-> PlugX", "Kestrel Bear -uses-> ShadowPad"}},
		{"a long clause is no list member",
			"Kestrel Bear's toolkit:\n- In 2021, the group loaded ShadowPad on a few of the servers it held for months in 2021 and 2022;\n- PlugX\n",
			nil},
		// A later sentence on an item's line remarks on the listed name:
		// the list goes on after it, and its names are not listed.
		{"a remark after an item does not end the list",
			"The court named two officials of the Ministry of Ports:\n- Lena Vask, a deputy head. She was also charged in 2021 with fraud.\n- Ivo Tamm, an engineer.\n",
			[]string{"Ivo Tamm -employed-by-> Ministry of Ports", "Lena Vask -employed-by-> Ministry of Ports"}},
		{"a remark's names are not listed",
			"Kestrel Bear's toolkit:\n- ShadowPad. Heron Panda loads PlugX too.\n- BabyShark\n",
			[]string{"Kestrel Bear -uses-> BabyShark", "Kestrel Bear -uses-> ShadowPad"}},
		// An item that is a sentence of its own, a name and its verb, is
		// prose in bullets: a later sentence on its line is no remark, and
		// the list ends before the item.
		{"a sentence with a remark is no list member",
			"Kestrel Bear's toolkit:\n- ShadowPad loads fast. Heron Panda loads PlugX too.\n- BabyShark\n",
			nil},
		{"a list ends before a sentence item with a remark",
			"Kestrel Bear's toolkit:\n- PlugX\n- ShadowPad loads fast. It came later.\n- BabyShark\n",
			[]string{"Kestrel Bear -uses-> PlugX"}},
		{"prose in bullets is no list of names",
			"Kestrel Bear's toolkit:\n- The group was quiet. It came back in 2022.\n- BabyShark\n",
			nil},
		{"a sentence on a line of its own still ends the list",
			"Kestrel Bear's toolkit:\n- ShadowPad.\nThe group was quiet in 2022.\n- BabyShark\n",
			[]string{"Kestrel Bear -uses-> ShadowPad"}},
		// A handle before the description is an apposition too.
		{"a named item with a handle is listed",
			"The court named two officials of the Ministry of Ports:\n- **Lena Vask**, known as \"Quill\", a deputy head who ran the port office's payroll systems.\n- Ivo Tamm\n",
			[]string{"Ivo Tamm -employed-by-> Ministry of Ports", "Lena Vask -employed-by-> Ministry of Ports"}},
		{"an item that opens with no person is skipped",
			"Two officials of the Ministry of Ports:\n- the Ministry of Ports office where Lena Vask works\n",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := listRelations(t, p, c.text); !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// An item that names many places is a list member, however many tokens
// its names take: a name counts as one token, the commas and "and"
// between names as none.
func TestItemOfManyNamesIsListed(t *testing.T) {
	text := "Copper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders.\n\n" +
		"The report lists these infected machines:\n\n" +
		"- foreign ministries of Chile, Peru, Bolivia, Ecuador, the Philippines, Brunei, Kenya, Ghana and Bhutan;\n" +
		"- embassies of Norway and Finland.\n"
	got := corefRelations(t, text)
	for _, want := range []string{"Copper Marten -targets-> Chile", "Copper Marten -targets-> Philippines",
		"Copper Marten -targets-> Bhutan", "Copper Marten -targets-> Finland"} {
		if !hasRelation(got, want, "") {
			t.Errorf("no %q: %q", want, got)
		}
	}
}

func TestPlacesOfAListedVictimAreTargetsToo(t *testing.T) {
	text := "Copper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders.\n\n" +
		"Harbor Analytics said thousands of businesses were affected. Victims included:\n\n" +
		"- Pellmark Systems Inc., a grocery chain, which closed hundreds of its stores for days;\n" +
		"- schools and universities in Chile;\n" +
		"- accounting firms and dental practices.\n"
	got := corefRelations(t, text)
	if !hasRelation(got, "Copper Marten -targets-> Chile", "") {
		t.Errorf("the place of a listed victim is no target: %q", got)
	}
}

// A fact box's labelled bullet lists its rest for a list-intro rule whose
// intro phrase is in the label; a label without one, or the same words
// after the colon, list nothing.
func TestLabelledBulletIsAnItem(t *testing.T) {
	checkTopic(t, []topicCase{{name: "labelled victim",
		text: "# Copper Marten brief\n\nCopper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders.\n\n" +
			"## Key facts\n\n" +
			"- **Victim:** Hallick Group, a port operator in Tallinn.\n" +
			"- **Adviser:** Corvane Corporation, which handled the response.\n" +
			"- **Where:** victims at Pellmark Systems Inc. in Riga\n",
		want:   []string{"Copper Marten -targets-> Hallick Group"},
		absent: []string{"Copper Marten -targets-> Corvane Corporation", "Copper Marten -targets-> Pellmark Systems Inc."},
	}}, corefRelations, corefHas)
}

// A labelled bullet lists the name that opens its value, under a label
// that ends in the intro phrase: a count, a verdict or a machine tally of
// the victims lists none of the names after it.
func TestLabelledBulletListsOnlyItsOpeningName(t *testing.T) {
	checkTopic(t, []topicCase{{name: "opening name only",
		text: "# Copper Marten brief\n\nCopper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders.\n\n" +
			"## Key facts\n\n" +
			"- **Victim count:** Pellmark Systems Inc. and 11 others.\n" +
			"- **Victimology:** unclear, though Corvane Corporation warned its customers.\n" +
			"- **Infected machines:** 40, per Hallick Group.\n" +
			"- **Victims:** the Tarrow Shipping Company\n",
		want: []string{"Copper Marten -targets-> Tarrow Shipping Company"},
		absent: []string{"Copper Marten -targets-> Corvane Corporation", "Copper Marten -targets-> Pellmark Systems Inc.",
			"Copper Marten -targets-> Hallick Group"},
	}}, corefRelations, corefHas)
}

// A team list's intro must split one actor ("the group", a named actor):
// "the crews we follow" are separate actors. The actor split is the
// subject of the sentence before, not the first actor it names.
func TestTeamListSplitObject(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	got := relations(t, p, "APT41 was the busiest Chinese crew this year. We sort the Chinese crews we follow into three groups:\n- APT10: hits managed providers.\n- APT31: hits parliaments.\n- APT40: hits shipping.\n")
	for _, g := range got {
		if strings.Contains(g, "-part-of->") {
			t.Errorf("separate actors made parts: %q", g)
		}
	}
	got = relations(t, p, "Like APT41, Tarnow Panda works in small units. Acme divides the group into two teams:\n- Team Ashfin: runs the exploits.\n- Team Corvel: runs the phishing.\n")
	n := 0
	for _, g := range got {
		if strings.Contains(g, "-part-of->") {
			n++
			if !strings.Contains(g, "-part-of-> Tarnow Panda") {
				t.Errorf("team part of the wrong actor: %q", g)
			}
		}
	}
	if n != 2 {
		t.Errorf("want 2 part-of relations to Tarnow Panda, got %q", got)
	}
}

// "The ones <company> described include:" is a short intro that points
// back to the victims of the sentence before it; the company that reports
// them does not stop it. Without victims before it, it lists nothing.
func TestOnesIntroPointsBackToVictims(t *testing.T) {
	const head = "APT77 is an espionage group. APT77 hit ports in 2021. APT77 wrote loaders.\n\n"
	const items = "\n\n- shipping firms in Chile;\n- a law firm in Peru.\n"
	got := corefRelations(t, head+"Its victims were not chosen for money. The ones Harbor Analytics described include:"+items)
	for _, want := range []string{"APT77 -targets-> Chile", "APT77 -targets-> Peru"} {
		if !hasRelation(got, want, "") {
			t.Errorf("no %q: %q", want, got)
		}
	}
	got = corefRelations(t, head+"Its loaders were not written for money. The ones Harbor Analytics described include:"+items)
	if hasRelation(got, "APT77 -targets-> Chile", "") {
		t.Errorf("an intro pointing back to no victims lists targets: %q", got)
	}
}
