package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/nlp"
)

// coOccurrences counts every mention pair of two entities in the window:
// in one sentence, in the adjacent sentence of the same block, never
// across a blank line, with the shortest gap between them.
func TestPairCoOccurrences(t *testing.T) {
	// Three sentences; a blank line before the third. Tokens are counted
	// over the sentences: 0-9, 10-19, 20-29.
	text := "0123456789 one. 0123456789 two.\n\n0123456789 three."
	d := &pairDoc{res: &DocResult{Doc: &extractor.Document{Text: text}, Sentences: []nlp.Sentence{
		{Start: 0, End: 15}, {Start: 16, End: 31}, {Start: 33, End: 50}}}}
	m := func(lo, sent, entity int) pairMention {
		return pairMention{start: lo, tokLo: lo, tokHi: lo + 1, sent: sent, entity: entity}
	}
	d.blocks()
	d.mentions = []pairMention{
		m(1, 0, 0), m(3, 0, 1), m(8, 0, 0), // A B A: gaps 1 and 4
		m(12, 1, 1),              // B again, in the next sentence: A(8)–B(12) adjacent, gap 3
		m(15, 1, 2),              // C
		m(22, 2, 2), m(23, 2, 0), // after the blank line: C–A only in its own sentence
	}
	d.coOccurrences()
	d.openers()
	if len(d.opener) != 2 || d.opener[0] != 0 || d.opener[1] != 2 {
		t.Errorf("block openers = %v, want A (0) for the first block and C (2) after the blank line", d.opener)
	}
	ab := d.pairs[pairKey(1, 0)]
	if ab.same != 2 || ab.adj != 2 || ab.minGap != 1 {
		t.Errorf("A–B = %+v, want 2 in one sentence, 2 adjacent (A(1)–B(12) and A(8)–B(12)), closest gap 1", ab)
	}
	ac := d.pairs[pairKey(0, 2)]
	if ac.same != 1 || ac.adj != 2 || ac.minGap != 0 {
		t.Errorf("A–C = %+v, want A(1)–C(15) and A(8)–C(15) adjacent, C(22)–A(23) in one sentence, gap 0", ac)
	}
	if _, ok := d.pairs[pairKey(0, 0)]; ok {
		t.Error("an entity paired with itself")
	}
	for n, want := range map[int]uint32{1: 1, 2: 2, 3: 3, 4: 3, 5: 4, 8: 4, 9: 5, 100: 5} {
		if got := countBucket(n); got != want {
			t.Errorf("countBucket(%d) = %d, want %d", n, got, want)
		}
	}
}

// reach: one or adjacent sentences within pairMaxGap tokens; up to
// pairFarSents sentences on within pairFarGap; never across a blank line.
func TestPairReach(t *testing.T) {
	// Sentences of ten tokens each; a blank line after the fifth.
	var text string
	var sents []nlp.Sentence
	for i := 0; i < 7; i++ {
		start := len(text)
		text += "0123456789"
		sents = append(sents, nlp.Sentence{Start: start, End: len(text)})
		if i == 4 {
			text += "\n\n"
		} else {
			text += " "
		}
	}
	d := &pairDoc{res: &DocResult{Doc: &extractor.Document{Text: text}, Sentences: sents}}
	d.blocks()
	m := func(tok int) *pairMention { return &pairMention{tokLo: tok, tokHi: tok + 1, sent: tok / 10} }
	for _, c := range []struct {
		a, b     int // token of each mention
		in, stop bool
	}{
		{0, 9, true, false},    // one sentence
		{5, 15, true, false},   // adjacent
		{0, 19, true, false},   // adjacent, gap 18
		{0, 25, true, false},   // two sentences on, gap 24
		{9, 39, true, false},   // three on, gap 29
		{0, 40, false, true},   // four on
		{45, 51, false, false}, // across the blank line
	} {
		in, stop := d.reach(m(c.a), m(c.b))
		if in != c.in || stop != c.stop {
			t.Errorf("reach(%d, %d) = %v, %v; want %v, %v", c.a, c.b, in, stop, c.in, c.stop)
		}
	}
}

// An entity named right before a reporting verb of the pack, or after
// "according to", is the source of a report.
func TestPairReporter(t *testing.T) {
	pack := defaultPack(t)
	m := pairModelOn(t, pack)
	toks := func(s string) []nlp.Token {
		var out []nlp.Token
		for _, w := range strings.Fields(s) {
			out = append(out, nlp.Token{Text: w})
		}
		return out
	}
	for _, c := range []struct {
		text   string
		lo, hi int
		want   bool
	}{
		{"Harlow Security said the group", 0, 2, true},
		{"Harlow Security assessed that", 0, 2, true},
		{"according to Harlow Security ,", 2, 4, true},
		{"Harlow Security tracks the group", 0, 2, false},
		{"the group targeted Harlow Security", 3, 5, false},
	} {
		if got := m.reports(toks(c.text), c.lo, c.hi); got != c.want {
			t.Errorf("%q [%d, %d): reports = %v, want %v", c.text, c.lo, c.hi, got, c.want)
		}
	}
}

// entityKind reads the category of the rule that found an entity, never
// its name: a gazetteer's country lists are one kind, cities another;
// copied and relation-typed mentions have none.
func TestEntityKind(t *testing.T) {
	same := [][2]string{
		{"gaz.location.country-europe", "gaz.location.country-asia-pacific"},
		{"gaz.organization.security-vendor", "gaz.organization.security-vendor.extra"},
		{"core.alias.abbreviation", "core.alias.abbreviation"},
	}
	for _, c := range same {
		if entityKind(c[0]) != entityKind(c[1]) {
			t.Errorf("entityKind(%q) != entityKind(%q)", c[0], c[1])
		}
	}
	differ := [][2]string{
		{"gaz.location.country-europe", "gaz.location.city"},
		{"gaz.organization.security-vendor", "gaz.organization.victim-company"},
		{"core.government.ministry", "gaz.government.us"},
	}
	for _, c := range differ {
		if entityKind(c[0]) == entityKind(c[1]) {
			t.Errorf("entityKind(%q) == entityKind(%q)", c[0], c[1])
		}
	}
	for _, r := range []string{"core.document-propagation", "rel.targets.sector-list", "model.pair"} {
		if entityKind(r) != hNone {
			t.Errorf("entityKind(%q) is a kind, want none", r)
		}
	}
}

// twoHops follows two rule relations through a third entity: a person
// employed by an organisation that is located in a city.
func TestPairTwoHops(t *testing.T) {
	emp, loc := mix(wordHash("employed-by"), hFwd), mix(wordHash("located-in"), hFwd)
	empRev, locRev := mix(wordHash("employed-by"), hRev), mix(wordHash("located-in"), hRev)
	// 0 person, 1 organisation, 2 city, 3 another city nothing links.
	d := &pairDoc{roles: map[int][]pairRole{
		0: {{emp, 1}},
		1: {{empRev, 0}, {loc, 2}},
		2: {{locRev, 1}},
	}}
	var got [][2]uint32
	n := d.twoHops(0, 2, 6, func(r1, r2 uint32) { got = append(got, [2]uint32{r1, r2}) })
	if n != 1 || len(got) != 1 || got[0] != [2]uint32{emp, loc} {
		t.Errorf("person → city: %d paths %v, want one, employed-by then located-in", n, got)
	}
	if n := d.twoHops(2, 0, 6, func(uint32, uint32) {}); n != 1 {
		t.Errorf("city → person: %d paths, want the same path read backwards", n)
	}
	if n := d.twoHops(0, 3, 6, func(uint32, uint32) {}); n != 0 {
		t.Errorf("person → unlinked city: %d paths, want none", n)
	}
	if n := d.twoHops(0, 2, 0, func(uint32, uint32) {}); n != 0 {
		t.Errorf("limit 0: %d paths", n)
	}
}

// An entity that takes part in many rule relations (a report's main
// actor: dozens of targets, tools, places) must not push one candidate's
// features past pairMaxFeatures: they are written in place into a shared
// arena that reserves only that much room, and writing past it would
// panic or overwrite the next candidate's features.
func TestPairFeaturesBoundedForBusyEntity(t *testing.T) {
	pack := defaultPack(t)
	m := pairModelOn(t, pack)
	var roles []pairRole
	for rep := 0; rep < 30; rep++ {
		for r := 0; r < 12; r++ { // twelve distinct roles, each thirty times
			roles = append(roles, pairRole{role: uint32(1000 + r), other: -1})
		}
	}
	d := &pairDoc{
		sentLo: []int{0, 10}, words: make([]uint32, 10), ready: []bool{true}, negated: []bool{false},
		hedge: []string{""}, block: []int{0}, opener: map[int]int{0: 0},
		ents: []string{"a", "b"}, top: map[int]bool{}, roles: map[int][]pairRole{0: roles, 1: roles},
		typeOf: []string{"threat-actor", "sector"}, count: []int{1, 1}, kind: []uint32{1, 2},
		reporter: []bool{false, false}, pairs: map[[2]int]pairStat{},
		title: []bool{true, false}, sents: [][]int{{0}, {0}},
		arena: make([]uint32, 0, pairMaxFeatures), // exactly one candidate's room
	}
	src := pairMention{start: 0, end: 5, tokLo: 0, tokHi: 1, sent: 0, entity: 0, typ: "threat-actor", typeHash: wordHash("threat-actor")}
	tgt := pairMention{start: 10, end: 15, tokLo: 3, tokHi: 4, sent: 0, entity: 1, typ: "sector", typeHash: wordHash("sector")}
	fs := m.features(d, &src, &tgt, &src, &tgt, true, nil)
	if len(fs) == 0 || len(fs) > pairMaxFeatures {
		t.Fatalf("%d features, want 1..%d", len(fs), pairMaxFeatures)
	}
	if len(d.arena) != len(fs) {
		t.Errorf("arena holds %d, want the candidate's %d features", len(d.arena), len(fs))
	}
}

// docCoOccur counts the sentences and the blocks that name both entities
// anywhere in the document, beyond the candidate window; title marks the
// entities of the first sentence.
func TestPairDocCoOccur(t *testing.T) {
	// Four sentences, a blank line after the second: blocks 0, 0, 1, 1.
	text := "One two. Three four.\n\nFive six. Seven eight."
	d := &pairDoc{res: &DocResult{Doc: &extractor.Document{Text: text}, Sentences: []nlp.Sentence{
		{Start: 0, End: 8}, {Start: 9, End: 20}, {Start: 22, End: 31}, {Start: 32, End: 44}}}}
	d.blocks()
	// A in sentences 0, 1, 3; B in 1, 2, 3; C in 2 only.
	d.sents = [][]int{{0, 1, 3}, {1, 2, 3}, {2}}
	if s, b := d.docCoOccur(0, 1); s != 2 || b != 2 {
		t.Errorf("A–B: %d sentences, %d blocks; want 2 (1 and 3) and 2", s, b)
	}
	if s, b := d.docCoOccur(1, 0); s != 2 || b != 2 {
		t.Errorf("B–A (cached, either order): %d, %d; want 2, 2", s, b)
	}
	if s, b := d.docCoOccur(0, 2); s != 0 || b != 1 {
		t.Errorf("A–C: %d sentences, %d blocks; want none in one sentence, one block (the second)", s, b)
	}
}

// Our own report: the entity its title line names is marked as in the
// title, one named only in the body is not.
func TestPairTitleMarked(t *testing.T) {
	pack := defaultPack(t)
	m := pairModelOn(t, pack)
	x := extractorOn(t, pack)
	text := "Lazarus Group Hits Banks in Vietnam\n\nThe operators also sent lures to staff in Germany last year.\n"
	doc, err := document.Read(context.Background(), "title.txt", []byte(text), document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := x.Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	ds := Resolve([]*DocResult{res}, WithRules(pack.Rules()))
	owner := map[extractor.Span]int{}
	names := map[string]string{}
	for g, e := range ds.Entities {
		names[e.ID] = e.Name
		for _, mn := range e.Mentions {
			owner[mn.Span] = g
		}
	}
	d := m.prepare(res, ds.Entities, owner, nil, nil, nil, nil)
	inTitle := map[string]bool{}
	for e, id := range d.ents {
		inTitle[names[id]] = d.title[e]
	}
	if !inTitle["Vietnam"] {
		t.Errorf("the title's place is not marked: %v", inTitle)
	}
	if on, ok := inTitle["Germany"]; !ok || on {
		t.Errorf("the body's place: marked %v (found %v), want found and not marked", on, ok)
	}
}

// A model that drops a feature group computes a strict subset of the
// full model's features for the same candidate (the words between gone,
// the rest unchanged), keeps the set through a write and a reload, and
// refuses a group it does not know.
func TestPairDroppedFeatureGroups(t *testing.T) {
	pack := defaultPack(t)
	full := pairModelOn(t, pack)
	text := "Grey Heron used the Kettle loader against regional banks."
	run := func(m *PairModel) [][]uint32 {
		x := extractorOn(t, pack)
		r, ds := resolvedText(t, x, pack, text)
		var out [][]uint32
		for _, c := range m.Candidates([]*DocResult{r}, ds, true) {
			out = append(out, c.Features)
		}
		return out
	}
	all := run(full)
	if len(all) == 0 {
		t.Fatal("no candidates in the test sentence")
	}
	dropped, err := LoadPairModel(pairModelMeta, pairModelWeights, pack)
	if err != nil {
		t.Fatal(err)
	}
	if err := dropped.SetDropped([]string{"words"}); err != nil {
		t.Fatal(err)
	}
	less := run(dropped)
	if len(less) != len(all) {
		t.Fatalf("%d candidates without the words, %d with: the groups must not change the candidates", len(less), len(all))
	}
	for i := range all {
		have := map[uint32]int{}
		for _, f := range all[i] {
			have[f]++
		}
		for _, f := range less[i] {
			if have[f] == 0 {
				t.Errorf("candidate %d: feature %d not in the full model's", i, f)
			}
			have[f]--
		}
		if len(less[i]) >= len(all[i]) {
			t.Errorf("candidate %d: %d features without the words, %d with", i, len(less[i]), len(all[i]))
		}
	}
	again := writeAndLoad(t, dropped, pack)
	if got := again.Dropped(); len(got) != 1 || got[0] != "words" {
		t.Errorf("dropped groups read back as %v, want [words]", got)
	}
	if len(full.Dropped()) != 0 {
		t.Errorf("the embedded model drops %v", full.Dropped())
	}
	if err := dropped.SetDropped([]string{"no-such-group"}); err == nil {
		t.Error("an unknown feature group was accepted")
	}
}

// The words between two mentions are also read by the relation rules'
// word lists they belong to: two sentences that differ only in a verb of
// one list (rel_use_verbs: "deployed", "leveraged") share list features,
// a verb of no list ("admired") adds none.
func TestPairWordListFeatures(t *testing.T) {
	pack := defaultPack(t)
	m, err := LoadPairModel(pairModelMeta, pairModelWeights, pack)
	if err != nil {
		t.Fatal(err)
	}
	others := []string{}
	for _, g := range FeatureGroups {
		if g != "lists" && g != "listsdir" {
			others = append(others, g)
		}
	}
	if err := m.SetDropped(others); err != nil {
		t.Fatal(err)
	}
	features := func(verb string) map[uint32]bool {
		x := extractorOn(t, pack)
		text := "APT41 " + verb + " the PlugX backdoor against regional banks."
		r, ds := resolvedText(t, x, pack, text)
		name := map[string]string{}
		for _, e := range ds.Entities {
			name[e.ID] = e.Name
		}
		out := map[uint32]bool{}
		for _, c := range m.Candidates([]*DocResult{r}, ds, true) {
			if name[c.Source] == "APT41" && name[c.Target] == "PlugX" {
				for _, f := range c.Features {
					out[f] = true
				}
				return out
			}
		}
		t.Fatalf("%q: no candidate APT41 → PlugX", text)
		return nil
	}
	deployed, leveraged, admired := features("deployed"), features("leveraged"), features("admired")
	if len(deployed) <= len(admired) {
		t.Errorf("a verb of rel_use_verbs adds no features over a verb of no list: %d against %d", len(deployed), len(admired))
	}
	shared := func(a, b map[uint32]bool) int {
		n := 0
		for f := range a {
			if b[f] {
				n++
			}
		}
		return n
	}
	if withList, withNone := shared(deployed, leveraged), shared(deployed, admired); withList <= withNone {
		t.Errorf("'deployed' shares %d features with 'leveraged' (one list), %d with 'admired' (none): want more with the list-mate", withList, withNone)
	}
}
