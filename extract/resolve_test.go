package extract

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/kb"
	"github.com/reportgraph/extractor/nlp"
	"github.com/reportgraph/extractor/rules"
)

// mspec is a handmade mention: the n-th occurrence (from 0) of text in the
// document, with the type, rule, priority and canonical name a rule would
// give it.
type mspec struct {
	text      string
	nth       int
	typ       extractor.EntityType
	rule      string
	prio      int
	canonical string
}

func gaz(text string, typ extractor.EntityType, canonical string) mspec {
	return mspec{text: text, typ: typ, rule: "gaz.test", prio: 70, canonical: canonical}
}

func pat(text string, typ extractor.EntityType) mspec {
	return mspec{text: text, typ: typ, rule: "pattern.test", prio: 60}
}

func (m mspec) at(nth int) mspec { m.nth = nth; return m }

// hdoc builds a DocResult by hand: one sentence per line, mentions at the
// occurrences named, links between [name, alias] pairs of mention indexes.
func hdoc(t *testing.T, id, text string, ms []mspec, links ...[2]int) *DocResult {
	t.Helper()
	doc := &extractor.Document{ID: "doc:" + id, Source: id + ".txt", Format: extractor.FormatText, Text: text,
		Pages: []extractor.Page{{Number: 1, Start: 0, End: len(text)}}}
	res := &DocResult{Doc: doc}
	start := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		res.Sentences = append(res.Sentences, nlp.Sentence{Start: start, End: start + len(line)})
		start += len(line)
	}
	for _, m := range ms {
		off := occurrence(t, text, m)
		res.Mentions = append(res.Mentions, extractor.Mention{Doc: doc.ID, Span: extractor.Span{Start: off, End: off + len(m.text)},
			Page: 1, Text: m.text, Type: m.typ, Rule: m.rule, Priority: m.prio, Canonical: m.canonical})
	}
	sort.Slice(res.Mentions, func(a, b int) bool { return res.Mentions[a].Start < res.Mentions[b].Start })
	for _, l := range links {
		a, b := occurrence(t, text, ms[l[0]]), occurrence(t, text, ms[l[1]])
		res.Aliases = append(res.Aliases, rules.AliasLink{Name: extractor.Span{Start: a, End: a + len(ms[l[0]].text)},
			Alias: extractor.Span{Start: b, End: b + len(ms[l[1]].text)}, Rule: "alias.test"})
	}
	return res
}

// occurrence is the offset of the nth occurrence of m.text.
func occurrence(t *testing.T, text string, m mspec) int {
	t.Helper()
	off := -1
	for k, from := 0, 0; k <= m.nth; k++ {
		i := strings.Index(text[from:], m.text)
		if i < 0 {
			t.Fatalf("occurrence %d of %q not in the text", m.nth, m.text)
		}
		off = from + i
		from = off + len(m.text)
	}
	return off
}

// entityOf returns the entity holding the n-th mention with this text in
// document id.
func entityOf(t *testing.T, ds *extractor.Dataset, id, text string, nth int) extractor.Entity {
	t.Helper()
	for _, e := range ds.Entities {
		seen := 0
		for _, m := range e.Mentions {
			if m.Doc == "doc:"+id && m.Text == text {
				if seen == nth {
					return e
				}
				seen++
			}
		}
	}
	t.Fatalf("no entity has mention %q #%d of %s; entities: %v", text, nth, id, names(ds))
	return extractor.Entity{}
}

func names(ds *extractor.Dataset) []string {
	var out []string
	for _, e := range ds.Entities {
		out = append(out, e.ID)
	}
	return out
}

func sameEntity(t *testing.T, ds *extractor.Dataset, doc1, text1, doc2, text2 string) {
	t.Helper()
	if a, b := entityOf(t, ds, doc1, text1, 0), entityOf(t, ds, doc2, text2, 0); a.ID != b.ID {
		t.Errorf("%q (%s) and %q (%s) should be one entity, got %s and %s", text1, doc1, text2, doc2, a.ID, b.ID)
	}
}

func differentEntities(t *testing.T, ds *extractor.Dataset, doc1, text1, doc2, text2 string) {
	t.Helper()
	if a, b := entityOf(t, ds, doc1, text1, 0), entityOf(t, ds, doc2, text2, 0); a.ID == b.ID {
		t.Errorf("%q (%s) and %q (%s) should be different entities, both are %s", text1, doc1, text2, doc2, a.ID)
	}
}

func TestResolveAliasLinkMergesEverywhere(t *testing.T) {
	ms := []mspec{pat("Blue Heron", extractor.ThreatActor), pat("Sky Viper", extractor.ThreatActor)}
	d1 := hdoc(t, "a", "Blue Heron, also known as Sky Viper, struck.\n", ms, [2]int{0, 1})
	d2 := hdoc(t, "b", "Sky Viper returned in May.\n", []mspec{pat("Sky Viper", extractor.ThreatActor)})
	ds := Resolve([]*DocResult{d1, d2})
	sameEntity(t, ds, "a", "Blue Heron", "a", "Sky Viper")
	sameEntity(t, ds, "a", "Blue Heron", "b", "Sky Viper")
	e := entityOf(t, ds, "b", "Sky Viper", 0)
	if e.Name != "Blue Heron" || e.ID != "threat-actor:blue-heron" || !reflect.DeepEqual(e.Aliases, []string{"Sky Viper"}) {
		t.Errorf("the defined long form names the entity: got name %q id %q aliases %v", e.Name, e.ID, e.Aliases)
	}
}

func TestResolveAcronymDefinitionHoldsInItsDocument(t *testing.T) {
	mss := gaz("MSS", extractor.Government, "Ministry of State Security")
	d1 := hdoc(t, "a", "Managed Security Services (MSS) providers were hit.\nMost MSS clients recovered.\n",
		[]mspec{pat("Managed Security Services", extractor.Organization), mss, mss.at(1)}, [2]int{0, 1})
	d2 := hdoc(t, "b", "The Ministry of State Security (MSS) directed it.\nThe MSS denied it.\n",
		[]mspec{gaz("Ministry of State Security", extractor.Government, "Ministry of State Security"), mss, mss.at(1)}, [2]int{0, 1})
	ds := Resolve([]*DocResult{d1, d2})
	sameEntity(t, ds, "a", "Managed Security Services", "a", "MSS")
	if e := entityOf(t, ds, "a", "MSS", 1); e.Name != "Managed Security Services" {
		t.Errorf("a later MSS in the defining report belongs to its definition, got %q", e.Name)
	}
	differentEntities(t, ds, "a", "MSS", "b", "MSS")
	if e := entityOf(t, ds, "b", "MSS", 1); e.ID != "government:ministry-of-state-security" {
		t.Errorf("MSS elsewhere keeps its known identity, got %s", e.ID)
	}
}

func TestResolveLooseAcronymDoesNotOverrideKnownName(t *testing.T) {
	// The words before "(PLA)" do not spell PLA; the known long form does.
	pla := gaz("PLA", extractor.Government, "People's Liberation Army")
	d := hdoc(t, "a", "The 2nd Bureau of the People Liberation Army (PLA) ran it.\n",
		[]mspec{pat("Bureau of the People Liberation Army", extractor.Government), pla}, [2]int{0, 1})
	ds := Resolve([]*DocResult{d})
	differentEntities(t, ds, "a", "Bureau of the People Liberation Army", "a", "PLA")
	if e := entityOf(t, ds, "a", "PLA", 0); e.Name != "People's Liberation Army" {
		t.Errorf("PLA keeps its canonical name, got %q", e.Name)
	}
}

func TestResolveRewordedLongFormDefinesKnownAcronym(t *testing.T) {
	// A paraphrased report keeps the abbreviation and swaps the words it
	// stands for: word for word, one word the same, it is still the
	// definition; a name with no word in common is not.
	cia := gaz("CIA", extractor.Government, "Central Intelligence Agency")
	d := hdoc(t, "a", "The Central Intelligence Bureau (CIA) ran it.\nThe CIA denied it.\n",
		[]mspec{pat("Central Intelligence Bureau", extractor.Government), cia, cia.at(1)}, [2]int{0, 1})
	ds := Resolve([]*DocResult{d})
	sameEntity(t, ds, "a", "Central Intelligence Bureau", "a", "CIA")
	if e := entityOf(t, ds, "a", "CIA", 1); e.Name != "Central Intelligence Bureau" {
		t.Errorf("a later CIA belongs to the reworded definition, got %q", e.Name)
	}
	d = hdoc(t, "b", "The Cyber Defence Command (CIA) ran it.\n",
		[]mspec{pat("Cyber Defence Command", extractor.Government), cia}, [2]int{0, 1})
	ds = Resolve([]*DocResult{d})
	differentEntities(t, ds, "b", "Cyber Defence Command", "b", "CIA")
}

func TestResolveDoubleDefinitionInOneReport(t *testing.T) {
	ms := []mspec{pat("Indian Ministry of Home Affairs", extractor.Government), pat("MHA", extractor.Government),
		pat("Ministry of Home Affairs", extractor.Government).at(1), pat("MHA", extractor.Government).at(1)}
	d := hdoc(t, "a", "The Indian Ministry of Home Affairs (MHA) was named.\nThe Ministry of Home Affairs (MHA) denied it.\n",
		ms, [2]int{0, 1}, [2]int{2, 3})
	ds := Resolve([]*DocResult{d})
	if a, b := entityOf(t, ds, "a", "Indian Ministry of Home Affairs", 0), entityOf(t, ds, "a", "Ministry of Home Affairs", 0); a.ID != b.ID {
		t.Errorf("two definitions of MHA, one long form inside the other, are one entity: %s and %s", a.ID, b.ID)
	}
}

func TestResolveSpellingVariants(t *testing.T) {
	org := extractor.Organization
	d := hdoc(t, "a", "Qihoo360 saw it; Qihoo 360 said so; Qihoo-360 agreed; QIHOO 360's team and the qihoo 360 lab too.\n",
		[]mspec{pat("Qihoo360", org), pat("Qihoo 360", org), pat("Qihoo-360", org), pat("QIHOO 360's", org), pat("qihoo 360", org)})
	d2 := hdoc(t, "b", "APT 28 and APT28 differ from APT29. Düsseldorf University and Dusseldorf University.\n",
		[]mspec{pat("APT 28", extractor.ThreatActor), pat("APT28", extractor.ThreatActor), pat("APT29", extractor.ThreatActor),
			pat("Düsseldorf University", org), pat("Dusseldorf University", org)})
	d3 := hdoc(t, "c", "Volt\nTyphoon struck.\n", []mspec{pat("Volt\nTyphoon", extractor.ThreatActor)})
	ds := Resolve([]*DocResult{d, d2, d3})
	for _, v := range []string{"Qihoo 360", "Qihoo-360", "QIHOO 360's", "qihoo 360"} {
		sameEntity(t, ds, "a", "Qihoo360", "a", v)
	}
	e := entityOf(t, ds, "a", "Qihoo360", 0)
	for _, a := range e.Aliases {
		if strings.HasSuffix(a, "'s") {
			t.Errorf("a possessive is not an alias: %v", e.Aliases)
		}
	}
	if e := entityOf(t, ds, "c", "Volt\nTyphoon", 0); e.Name != "Volt Typhoon" {
		t.Errorf("a name broken over lines is named with a space: %q", e.Name)
	}
	sameEntity(t, ds, "b", "APT 28", "b", "APT28")
	differentEntities(t, ds, "b", "APT28", "b", "APT29")
	sameEntity(t, ds, "b", "Düsseldorf University", "b", "Dusseldorf University")
}

func TestResolveDoesNotOverMerge(t *testing.T) {
	gov := extractor.Government
	d := hdoc(t, "a", "The Ministry of State Security and the Ministry of Public Security; APT40 and APT41; Turla and Turla Group.\n",
		[]mspec{pat("Ministry of State Security", gov), pat("Ministry of Public Security", gov),
			gaz("APT40", extractor.ThreatActor, "APT40"), gaz("APT41", extractor.ThreatActor, "APT41"),
			pat("Turla", extractor.ThreatActor), pat("Turla Group", extractor.ThreatActor)})
	// An abbreviation defined in one report and used bare in another is not
	// tied to the definition there: "MFA" may be anyone's ministry.
	d1 := hdoc(t, "b", "The Ministry of Foreign Affairs (MFA) of Ruritania.\n",
		[]mspec{pat("Ministry of Foreign Affairs", gov), pat("MFA", gov)}, [2]int{0, 1})
	d2 := hdoc(t, "c", "The MFA said nothing.\n", []mspec{pat("MFA", gov)})
	ds := Resolve([]*DocResult{d, d1, d2})
	differentEntities(t, ds, "a", "Ministry of State Security", "a", "Ministry of Public Security")
	differentEntities(t, ds, "a", "APT40", "a", "APT41")
	differentEntities(t, ds, "a", "Turla", "a", "Turla Group")
	sameEntity(t, ds, "b", "Ministry of Foreign Affairs", "b", "MFA")
	differentEntities(t, ds, "b", "MFA", "c", "MFA")
}

func TestResolveCountryAndDemonymByCanonical(t *testing.T) {
	loc := extractor.Location
	d := hdoc(t, "a", "China denied it. Chinese officials and the PRC.\n",
		[]mspec{gaz("China", loc, "China"), gaz("Chinese", loc, "China"), gaz("PRC", loc, "China")})
	ds := Resolve([]*DocResult{d})
	e := entityOf(t, ds, "a", "Chinese", 0)
	if e.ID != "location:china" || len(e.Mentions) != 3 || !reflect.DeepEqual(e.Aliases, []string{"Chinese", "PRC"}) {
		t.Errorf("got %s with %d mentions, aliases %v", e.ID, len(e.Mentions), e.Aliases)
	}
}

func TestResolveTypeVote(t *testing.T) {
	mal := mspec{text: "Sofacy", typ: extractor.Malware, rule: "pattern.m", prio: 60}
	act := mspec{text: "Sofacy", typ: extractor.ThreatActor, rule: "pattern.a", prio: 70}
	d := hdoc(t, "a", "Sofacy; Sofacy; Sofacy; Sofacy.\n", []mspec{mal, mal.at(1), mal.at(2), act.at(3)})
	ds := Resolve([]*DocResult{d})
	if len(ds.Entities) != 1 || ds.Entities[0].Type != extractor.Malware || ds.Entities[0].ID != "malware:sofacy" {
		t.Fatalf("three malware votes of 61 beat one threat-actor vote of 71: %v", names(ds))
	}
	// Priority weighs: one vote of 200 beats three of 61.
	act.prio = 199
	d = hdoc(t, "a", "Sofacy; Sofacy; Sofacy; Sofacy.\n", []mspec{mal, mal.at(1), mal.at(2), act.at(3)})
	if ds := Resolve([]*DocResult{d}); ds.Entities[0].Type != extractor.ThreatActor {
		t.Errorf("a high-priority vote should win, got %s", ds.Entities[0].Type)
	}
}

func TestResolveDeterministic(t *testing.T) {
	build := func() []*DocResult {
		ms := []mspec{pat("Blue Heron", extractor.ThreatActor), pat("Sky Viper", extractor.ThreatActor),
			gaz("Chinese", extractor.Location, "China"), pat("Harbour Logistics", extractor.Organization),
			pat("HARBOUR LOGISTICS", extractor.Organization), gaz("APT41", extractor.ThreatActor, "APT41")}
		d1 := hdoc(t, "a", "Blue Heron, also known as Sky Viper, hit Chinese firms: Harbour Logistics (HARBOUR LOGISTICS) and APT41.\n", ms, [2]int{0, 1})
		d2 := hdoc(t, "b", "APT41 and Sky Viper and Harbour Logistics.\n", []mspec{gaz("APT41", extractor.ThreatActor, "APT41"),
			pat("Sky Viper", extractor.ThreatActor), pat("Harbour Logistics", extractor.Organization)})
		return []*DocResult{d1, d2}
	}
	first, _ := json.Marshal(Resolve(build()))
	for i := 0; i < 20; i++ {
		again, _ := json.Marshal(Resolve(build()))
		if string(again) != string(first) {
			t.Fatalf("run %d differs:\n%s\n%s", i, first, again)
		}
	}
	ds := Resolve(build())
	order := map[extractor.EntityType]int{}
	for i, typ := range extractor.EntityTypes {
		order[typ] = i
	}
	for i, e := range ds.Entities {
		if want := EntityID(string(e.Type), e.Subtype, e.Name); e.ID != want {
			t.Errorf("id %q is not type + normalised name %q", e.ID, want)
		}
		if i > 0 {
			p := ds.Entities[i-1]
			if order[p.Type] > order[e.Type] || p.Type == e.Type && p.ID >= e.ID {
				t.Errorf("entities out of order: %s before %s", p.ID, e.ID)
			}
		}
		for k := 1; k < len(e.Mentions); k++ {
			a, b := e.Mentions[k-1], e.Mentions[k]
			if a.Doc == b.Doc && a.Start > b.Start {
				t.Errorf("%s: mentions out of order", e.ID)
			}
		}
		if !sort.StringsAreSorted(e.Aliases) {
			t.Errorf("%s: aliases not sorted: %v", e.ID, e.Aliases)
		}
	}
	if e := entityOf(t, ds, "b", "Harbour Logistics", 0); e.Name != "Harbour Logistics" || len(e.Mentions) != 3 {
		t.Errorf("case variants are one entity named by the most frequent form: %q with %d mentions", e.Name, len(e.Mentions))
	}
}

func TestResolveKeepsIndicatorsExact(t *testing.T) {
	ind := func(s string) mspec { return mspec{text: s, typ: extractor.Indicator, rule: "regex.url", prio: 90} }
	d := hdoc(t, "a", "See http://a.example/X's and http://a.example/x's now.\n",
		[]mspec{ind("http://a.example/X's"), ind("http://a.example/x's")})
	for i := range d.Mentions {
		d.Mentions[i].Subtype = "url"
	}
	ds := Resolve([]*DocResult{d})
	if len(ds.Entities) != 1 || ds.Entities[0].Name != "http://a.example/X's" {
		t.Errorf("indicators compare case-insensitively and keep their text: %v", ds.Entities)
	}
}

func TestResolveWithKB(t *testing.T) {
	k := &kb.KB{Files: []string{"kb.yaml"}, Entries: []kb.Entry{{Name: "Blue Heron Group", Type: extractor.ThreatActor,
		Aliases: []string{"Sky Viper", "BHG"}, Subtype: "apt", Source: "note 7", File: "kb.yaml", Line: 3}}}
	// Found by rules that know nothing of each other, with other types.
	d := hdoc(t, "a", "Sky Viper hit Blue Heron Group's targets.\nBHG again.\n",
		[]mspec{pat("Sky Viper", extractor.Organization), pat("Blue Heron Group's", extractor.Organization),
			mspec{text: "BHG", typ: extractor.Organization, rule: "kb.kb", prio: 85, canonical: "Blue Heron Group"}})
	ds := Resolve([]*DocResult{d}, WithKB(k))
	if len(ds.Entities) != 1 {
		t.Fatalf("a KB alias merges whatever found it: %v", names(ds))
	}
	e := ds.Entities[0]
	if e.ID != "threat-actor:blue-heron-group" || e.Name != "Blue Heron Group" || e.Subtype != "apt" ||
		e.Attributes["kb"] != "kb.yaml:3" || e.Attributes["kb_source"] != "note 7" {
		t.Errorf("the KB names and types the entity and says where from: %+v", e)
	}
	if e.Confidence < 0.95 {
		t.Errorf("a KB name is near certain, got %.2f", e.Confidence)
	}
	// Without the KB the three are not merged.
	if ds := Resolve([]*DocResult{d}); len(ds.Entities) != 2 {
		t.Errorf("without the KB: %v", names(ds))
	}
}

// A KB may give one name to two types; mentions go to the entry of their
// type.
func TestResolveKBSameNameTwoTypes(t *testing.T) {
	k := &kb.KB{Files: []string{"k.tsv"}, Entries: []kb.Entry{
		{Name: "Turla", Type: extractor.ThreatActor, Aliases: []string{"Snake"}, File: "k.tsv", Line: 1},
		{Name: "Turla", Type: extractor.Malware, File: "k.tsv", Line: 2}}}
	d := hdoc(t, "a", "Turla (Snake) deployed Turla.\n", []mspec{
		mspec{text: "Turla", typ: extractor.ThreatActor, rule: "kb.k", prio: 85, canonical: "Turla"},
		mspec{text: "Snake", typ: extractor.ThreatActor, rule: "kb.k", prio: 85, canonical: "Turla"},
		mspec{text: "Turla", nth: 1, typ: extractor.Malware, rule: "kb.k", prio: 85, canonical: "Turla"}})
	ds := Resolve([]*DocResult{d}, WithKB(k))
	if got := names(ds); strings.Join(got, " ") != "threat-actor:turla malware:turla" {
		t.Errorf("got %v", got)
	}
	sameEntity(t, ds, "a", "Turla", "a", "Snake")
}

func TestActorAliasWithoutGroupNoun(t *testing.T) {
	pack, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := &resolver{}
	WithGroupNouns(pack.GroupNouns())(r)
	for in, want := range map[string]string{
		"OilRig threat group":          "OilRig",
		"Lazarus Group":                "Lazarus",
		"the Heron Nine hacking group": "Heron Nine",
		"APT41":                        "",
		"group":                        "",
		"the threat group":             "",
	} {
		if got := withoutGroupNoun(in, r.groupNouns); got != want {
			t.Errorf("withoutGroupNoun(%q) = %q, want %q", in, got, want)
		}
	}
}

// A report that equates a known actor with a known unit ("Ironclaw (GRU
// Unit 40404)") makes every form of the unit's name the actor in that
// report, the short form too; another report keeps the unit apart.
func TestResolveDocumentLinkCoversEveryFormOfTheAlias(t *testing.T) {
	ta, gov := extractor.ThreatActor, extractor.Government
	a := hdoc(t, "a", "Ironclaw (GRU Unit 40404) struck.\nUnit 40404 released a wiper.\n", []mspec{
		gaz("Ironclaw", ta, "Ironclaw"), gaz("GRU Unit 40404", ta, "GRU Unit 40404"),
		gaz("Unit 40404", ta, "GRU Unit 40404").at(1)}, [2]int{0, 1})
	b := hdoc(t, "b", "Unit 40404 is a GRU unit.\n", []mspec{gaz("Unit 40404", gov, "GRU Unit 40404")})
	ds := Resolve([]*DocResult{a, b})
	sameEntity(t, ds, "a", "Ironclaw", "a", "Unit 40404")
	differentEntities(t, ds, "a", "Ironclaw", "b", "Unit 40404")
}

// A sector word a rule reads from a list ("nuclear" in "the energy,
// nuclear and water plants") and the gazetteer's "nuclear sector" are one
// sector; a sector keeps apart from a same-named thing of another type.
func TestResolveSectorWithAndWithoutSectorWord(t *testing.T) {
	sec := extractor.Sector
	d := hdoc(t, "a", "They hit the energy, nuclear and water plants. The nuclear power industry was warned.\n",
		[]mspec{pat("nuclear", sec), gaz("nuclear power", sec, "nuclear sector"), pat("water", sec)})
	ds := Resolve([]*DocResult{d})
	sameEntity(t, ds, "a", "nuclear", "a", "nuclear power")
	differentEntities(t, ds, "a", "nuclear", "a", "water")
	if got := withoutSectorWord("sector"); got != "sector" {
		t.Errorf("withoutSectorWord(%q) = %q", "sector", got)
	}
}

func TestWithSectorHeadNamesTheKindAfterIt(t *testing.T) {
	text := "They hit video game corporations, chip suppliers and the energy sector industries."
	at := func(s string) extractor.Mention {
		i := strings.Index(text, s)
		return extractor.Mention{Span: extractor.Span{Start: i, End: i + len(s)}, Text: s, Type: extractor.Sector}
	}
	for _, c := range []struct{ mention, want string }{
		{"video game", "video game corporations"},
		{"chip", "chip suppliers"},
		{"energy sector", ""}, // "energy sector industries" is no name
	} {
		if got := withSectorHead(at(c.mention), text); got != c.want {
			t.Errorf("withSectorHead(%q) = %q, want %q", c.mention, got, c.want)
		}
	}
}

// A malware name the text describes as a group (Mention.Party) is an
// entity of its own: the group and the code of one name both stay, in
// this document and in the next, which only deploys the code.
func TestPartyMentionsApartFromMalware(t *testing.T) {
	text1 := "Quillcrypt, a ransomware gang, hit the port.\nThe Quillcrypt payload encrypted shares.\n"
	d1 := hdoc(t, "a", text1, []mspec{gaz("Quillcrypt", extractor.Malware, "Quillcrypt"),
		gaz("Quillcrypt", extractor.Malware, "Quillcrypt").at(1)})
	d1.Mentions[0].Type, d1.Mentions[0].Party = extractor.ThreatActor, true
	d2 := hdoc(t, "b", "Affiliates deployed Quillcrypt.\n", []mspec{gaz("Quillcrypt", extractor.Malware, "Quillcrypt")})
	ds := Resolve([]*DocResult{d1, d2})
	var ids []string
	for _, e := range ds.Entities {
		ids = append(ids, e.ID+"/"+string(rune('0'+len(e.Mentions))))
	}
	want := []string{"threat-actor:quillcrypt/1", "malware:quillcrypt/2"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("entities %v, want %v", ids, want)
	}
}

// The crew of a malware-named party ("the Quillcrypt group" after
// "Quillcrypt, a ransomware gang") is that party; the malware of that
// name stays apart.
func TestResolveCrewJoinsParty(t *testing.T) {
	party := pat("Quillcrypt", extractor.ThreatActor)
	crew := pat("Quillcrypt group", extractor.ThreatActor)
	d1 := hdoc(t, "a", "Quillcrypt, a ransomware gang, hit the port.\nThe Quillcrypt group leaked files.\nAffiliates ran Quillcrypt ransomware.\n",
		[]mspec{party, crew, gaz("Quillcrypt ransomware", extractor.Malware, "Quillcrypt")})
	d1.Mentions[0].Party = true
	ds := Resolve([]*DocResult{d1})
	sameEntity(t, ds, "a", "Quillcrypt", "a", "Quillcrypt group")
	differentEntities(t, ds, "a", "Quillcrypt", "a", "Quillcrypt ransomware")
}

func TestResolveDetectionNameJoinsOnlyMalware(t *testing.T) {
	det := mspec{text: "Trojan.Fastcash", typ: extractor.Malware, rule: "detection.test", prio: 60, canonical: "Fastcash"}
	d1 := hdoc(t, "a", "The FASTCash campaign hit banks.\nSymantec calls the malware Trojan.Fastcash.\n",
		[]mspec{pat("FASTCash", extractor.Campaign), det})
	d2 := hdoc(t, "b", "Kestrel uses Quillbot.\nSymantec calls it Backdoor.Quillbot.\n",
		[]mspec{pat("Quillbot", extractor.Malware),
			{text: "Backdoor.Quillbot", typ: extractor.Malware, rule: "detection.test", prio: 60, canonical: "Quillbot"}})
	ds := Resolve([]*DocResult{d1, d2})
	differentEntities(t, ds, "a", "FASTCash", "a", "Trojan.Fastcash")
	sameEntity(t, ds, "b", "Quillbot", "b", "Backdoor.Quillbot")
}

// The head of a canonical-match phrase ("the 2017 Equifax breach" named
// from the mention "breach") is no alias: two breaches of two documents
// stay two entities, each without the other's words.
func TestResolveGenericHeadIsNoAlias(t *testing.T) {
	camp := extractor.Campaign
	a := hdoc(t, "a", "They were behind the breach.\n", []mspec{{text: "breach", typ: camp, rule: "pattern.v", prio: 58, canonical: "the 2017 Equifax breach"}})
	b := hdoc(t, "b", "They were behind the breach.\n", []mspec{{text: "breach", typ: camp, rule: "pattern.v", prio: 58, canonical: "the 2014 Yahoo breach"}})
	gov := hdoc(t, "c", "The foreign ministry said so. The Tarnwing Operation began.\n", []mspec{
		{text: "foreign ministry", typ: extractor.Government, rule: "pattern.g", prio: 60, canonical: "China's foreign ministry"},
		// a capitalised part is a name: kept
		{text: "Tarnwing", typ: camp, rule: "pattern.c", prio: 60, canonical: "Tarnwing Operation"}})
	ds := Resolve([]*DocResult{a, b, gov})
	differentEntities(t, ds, "a", "breach", "b", "breach")
	for _, c := range []struct{ doc, text string }{{"a", "breach"}, {"b", "breach"}, {"c", "foreign ministry"}} {
		if e := entityOf(t, ds, c.doc, c.text, 0); len(e.Aliases) != 0 {
			t.Errorf("%s: aliases %v, want none", e.Name, e.Aliases)
		}
	}
	if e := entityOf(t, ds, "c", "Tarnwing", 0); !reflect.DeepEqual(e.Aliases, []string{"Tarnwing"}) {
		t.Errorf("%s: aliases %v, want [Tarnwing]", e.Name, e.Aliases)
	}
	// A sector keeps its generic forms.
	sec := hdoc(t, "d", "Dissidents were hit.\n", []mspec{{text: "Dissidents", typ: extractor.Sector, rule: "pattern.s", prio: 60, canonical: "Chinese dissidents"}})
	if e := entityOf(t, Resolve([]*DocResult{sec}), "d", "Dissidents", 0); len(e.Aliases) != 1 {
		t.Errorf("sector %s: aliases %v", e.Name, e.Aliases)
	}
}
