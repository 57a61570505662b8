package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// A small self-contained pack: a gazetteer for the names and a few relation
// rules, so these tests do not depend on the tuning of the default pack.
const relTestPack = `
lists:
  relation_negations: [not, "n't", never, "no evidence", denied]
  relation_hedges: [likely, possibly, may, "moderate confidence", overlaps]
  relation_anaphors: [it, they, "the group", "the company"]
  relation_victim_anaphors: [victims, "the intrusions"]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Volt Typhoon, type: threat-actor}
      - {name: Flax Typhoon, type: threat-actor}
      - {name: Integrity Technology Group, type: organization}
      - {name: ThreatBook, type: organization}
      - {name: Qihoo 360, type: organization}
      - {name: Qi An Xin, type: organization}
      - {name: Ministry of State Security, type: government}
      - {name: China, type: location}
      - {name: Guam, type: location}
      - {name: energy sector, type: sector}
      - {name: water utilities, type: sector}
  - id: targets
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [sector, location]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - {any: true, not: {text: "."}, repeat: "0-4"}
      - lower_in: [targeted, targets]
      - {lower: the, optional: true}
      - {slot: target, entity: any}
      - seq: [{or: [{text: ","}, {lower: and}]}, {slot: target, entity: any}]
        repeat: "*"
  - id: linked
    kind: relation
    relation: attributed-to
    source: [threat-actor]
    target: [organization, government]
    priority: 70
    pattern:
      - {slot: source, entity: any}
      - {any: true, not: {text: "."}, repeat: "0-6"}
      - lower: linked
      - {any: true, not: [{text: "."}, {lower: to}], repeat: "0-4"}
      - lower: to
      - {slot: target, entity: any}
  - id: provide
    kind: relation
    relation: contractor-of
    source: [organization]
    target: [government]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - seq: [{or: [{text: ","}, {lower: and}]}, {slot: source, entity: any}]
        repeat: "*"
      - lower_in: [provide, provides, "works for"]
      - {any: true, not: {text: "."}, repeat: "0-3"}
      - {lower: the, optional: true}
      - {slot: target, entity: any}
  - id: possessive
    kind: relation
    relation: part-of
    source: [government]
    target: [location]
    pattern:
      - {slot: target, entity: any}
      - text: "'s"
      - {slot: source, entity: any}
  - id: based
    kind: relation
    relation: located-in
    source: [organization]
    target: [location]
    pattern:
      - {slot: target, type: location, regex: '\p{Lu}\p{Ll}+-based'}
      - {slot: source, entity: any}
`

// relations renders the relations of text as "source -type-> target",
// with " ~hedge" and " @coref" notes, sorted.
// relationCase is a text and the relations a pack must find in it, as
// relations lists them.
type relationCase struct {
	text string
	want []string
}

// checkRelations reports each case whose relations differ from its want.
func checkRelations(t *testing.T, p *Pack, cases []relationCase) {
	t.Helper()
	for _, c := range cases {
		got := relations(t, p, c.text)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

func relations(t *testing.T, p *Pack, text string) []string {
	t.Helper()
	an := testAnalyzer(t)
	res := p.Match(text, an.Analyze(text), an)
	var out []string
	for _, r := range res.Relations {
		s := fmt.Sprintf("%s -%s-> %s", text[r.Source.Start:r.Source.End], r.Type, text[r.Target.Start:r.Target.End])
		if r.Hedge != "" {
			s += " ~" + r.Hedge
		}
		if r.Coref != "" {
			s += " @" + r.Coref
		}
		if text[r.Sentence.Start:r.Sentence.End] == "" || r.Source.Start < 0 || r.Target.End > len(text) {
			t.Errorf("relation %s has a bad span", s)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestRelationRules(t *testing.T) {
	p := packOf(t, relTestPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"plain", "Volt Typhoon targeted the energy sector.", []string{"Volt Typhoon -targets-> energy sector"}},
		{"coordinated targets", "Volt Typhoon targeted energy sector, water utilities and Guam.",
			[]string{"Volt Typhoon -targets-> Guam", "Volt Typhoon -targets-> energy sector", "Volt Typhoon -targets-> water utilities"}},
		{"coordinated sources", "ThreatBook, Qihoo 360 and Qi An Xin provide exploits to the Ministry of State Security.",
			[]string{"Qi An Xin -contractor-of-> Ministry of State Security", "Qihoo 360 -contractor-of-> Ministry of State Security",
				"ThreatBook -contractor-of-> Ministry of State Security"}},
		{"passive with agent", "Flax Typhoon was linked by the FBI to Integrity Technology Group.",
			[]string{"Flax Typhoon -attributed-to-> Integrity Technology Group"}},
		{"relative clause", "Flax Typhoon, which the FBI has linked to Integrity Technology Group, hit routers.",
			[]string{"Flax Typhoon -attributed-to-> Integrity Technology Group"}},
		{"possessive", "He joined China's Ministry of State Security.", []string{"Ministry of State Security -part-of-> China"}},
		{"negation", "Volt Typhoon has not targeted the energy sector.", nil},
		{"negation before the clause", "There is no evidence that Flax Typhoon is linked to Integrity Technology Group.", nil},
		{"denial", "Beijing denied that Flax Typhoon was linked to the Ministry of State Security.", nil},
		{"negation in another clause", "Guam was not hit; but Volt Typhoon targeted the energy sector.",
			[]string{"Volt Typhoon -targets-> energy sector"}},
		{"negation before a concession", "There is no evidence that it hit Guam, despite the fact that Volt Typhoon targeted the energy sector.",
			[]string{"Volt Typhoon -targets-> energy sector"}},
		{"negation across a concession aside", "There is no evidence, despite media claims, that Volt Typhoon targeted Guam.", nil},
		{"negation across a concession aside after the subject", "Microsoft found no evidence, despite a long search, that Volt Typhoon targeted Guam.", nil},
		{"hedge", "Volt Typhoon likely targeted the energy sector.", []string{"Volt Typhoon -targets-> energy sector ~likely"}},
		{"hedge phrase", "Microsoft assessed with moderate confidence that Volt Typhoon targeted Guam.",
			[]string{"Volt Typhoon -targets-> Guam ~moderate confidence"}},
		{"May the month is no hedge", "In May Volt Typhoon targeted Guam.", []string{"Volt Typhoon -targets-> Guam"}},
		{"coref across sentences", "Volt Typhoon was seen again. The group targeted water utilities.",
			[]string{`Volt Typhoon -targets-> water utilities @"The group" → Volt Typhoon`}},
		{"coref needs a compatible type", "Integrity Technology Group was named. The group targeted water utilities.", nil},
		{"coref for the company", "Integrity Technology Group is in Beijing. The company works for the Ministry of State Security.",
			[]string{`Integrity Technology Group -contractor-of-> Ministry of State Security @"The company" → Integrity Technology Group`}},
		{"slot creates a mention from X-based", "Chengdu-based Integrity Technology Group grew.",
			[]string{"Integrity Technology Group -located-in-> Chengdu"}},
		{"wrong types give nothing", "China targeted Guam.", nil},
		{"a source after a preposition is no subject", "Reports about Volt Typhoon targeted the energy sector.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, relations(t, p, c.text), c.want)
		})
	}
}

func TestRelationAnaphorReach(t *testing.T) {
	pack := relTestPack + `
  - id: victims
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [sector, location]
    pattern:
      - {slot: source, lower_in: $relation_victim_anaphors}
      - lower_in: [included, reached]
      - {slot: target, entity: any}
  - id: word-target
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [sector]
    pattern:
      - {slot: source, entity: any}
      - lower: hit
      - {slot: target, type: sector, lower_in: [defense]}
`
	p := packOf(t, pack)
	gap := " It rained. Nobody came. The sky was grey. Birds sang."
	cases := []struct {
		name, text string
		want       []string
	}{
		// A noun phrase names its referent's kind and reaches further back
		// than a pronoun, which may only look two sentences back.
		{"noun phrase reaches back", "Volt Typhoon was seen." + gap + " The group targeted water utilities.",
			[]string{`Volt Typhoon -targets-> water utilities @"The group" → Volt Typhoon`}},
		{"pronoun does not", "Volt Typhoon was seen." + gap + " It targeted water utilities.", nil},
		// Past its reach, an actor phrase means the report's topic actor:
		// the actor named most often so far (the title counting twice).
		{"topic actor past the reach", "Volt Typhoon. Flax Typhoon was seen." + gap + gap + gap + gap +
			" The group targeted water utilities.",
			[]string{`Volt Typhoon -targets-> water utilities @"The group" → Volt Typhoon (topic)`}},
		{"no topic without support", "A report. Flax Typhoon was seen. Volt Typhoon was seen." + gap + gap + " The group targeted water utilities.", nil},
		{"they falls back too", "Volt Typhoon was seen. Volt Typhoon hid." + gap + gap + " They targeted water utilities.",
			[]string{`Volt Typhoon -targets-> water utilities @"They" → Volt Typhoon (topic)`}},
		{"it has no topic", "Volt Typhoon was seen. Volt Typhoon hid." + gap + gap + " It targeted water utilities.", nil},
		{"victims stand for the actor in focus", "Volt Typhoon was charged. Victims included Guam.",
			[]string{`Volt Typhoon -targets-> Guam @"Victims" → Volt Typhoon`}},
		{"victims without an actor give nothing", "Victims included Guam.", nil},
		// The sentence has no sector mention: the slot's word list still
		// lets the rule run (the slot prefilter knows its first words).
		{"slot word list passes the prefilter", "Volt Typhoon hit defense.", []string{"Volt Typhoon -targets-> defense"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, relations(t, p, c.text), c.want)
		})
	}
}

func TestRelationSlotMentionIsAddedToMentions(t *testing.T) {
	p := packOf(t, relTestPack)
	got := found(t, p, "Chengdu-based Integrity Technology Group grew.")
	same(t, "mentions", got, []string{"Chengdu/location/based", "Integrity Technology Group/organization/names"})
}

func TestRelationHigherPriorityRuleWinsOnSameTriple(t *testing.T) {
	pack := relTestPack + `
  - id: linked-low
    kind: relation
    relation: attributed-to
    source: [threat-actor]
    target: [organization]
    priority: 10
    pattern:
      - {slot: source, entity: any}
      - {any: true, repeat: "0-6"}
      - {slot: target, entity: any}
`
	p := packOf(t, pack)
	text := "Flax Typhoon was linked to Integrity Technology Group."
	an := testAnalyzer(t)
	res := p.Match(text, an.Analyze(text), an)
	if len(res.Relations) != 1 || res.Relations[0].Rule != "linked" {
		t.Fatalf("want one relation from rule linked, got %+v", res.Relations)
	}
}

func TestRelationSchemaErrors(t *testing.T) {
	cases := []struct{ body, want string }{
		{`rules:
  - {id: r, kind: relation, relation: targetz, source: threat-actor, target: sector, pattern: [{slot: source, entity: any}, {slot: target, entity: any}]}`,
			`unknown relation type "targetz" (did you mean "targets"?)`},
		{`rules:
  - {id: r, kind: relation, relation: targets, source: threat-actor, target: sector, pattern: [{slot: source, entity: any}, {entity: any}]}`,
			"needs an element with slot: source and one with slot: target"},
		{`rules:
  - {id: r, kind: relation, relation: targets, source: threat-actor, target: sector, pattern: [{slot: source, entity: any}, {slot: name, entity: any}]}`,
			`not "name"`},
		{`rules:
  - {id: r, kind: relation, relation: targets, target: sector, pattern: [{slot: source, entity: any}, {slot: target, entity: any}]}`,
			`needs the field "source"`},
		{`rules:
  - {id: r, kind: relation, relation: targets, source: threat-actor, target: sector, pattern: [{slot: source, entity: any}, {slot: target, type: person, any: true}]}`,
			"creates mentions of type person"},
	}
	for _, c := range cases {
		_, err := load(false, []string{writePack(t, map[string]string{"r.yaml": c.body})})
		var le *LoadError
		if !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("load(%s): got %v, want an error containing %q", c.body, err, c.want)
		}
	}
}

func TestRelationExamples(t *testing.T) {
	pack := relTestPack + `
  - id: ex
    kind: relation
    relation: uses
    source: [threat-actor]
    target: [organization]
    pattern: [{slot: source, entity: any}, {lower: uses}, {slot: target, entity: any}]
    examples:
      match:
        - {text: "Volt Typhoon uses ThreatBook.", expect: ["Volt Typhoon -uses-> ThreatBook"]}
        - {text: "Volt Typhoon uses ThreatBook.", expect: ["Volt Typhoon -uses-> Qihoo 360"]}
        - {text: "Volt Typhoon likely uses ThreatBook.", expect: ["Volt Typhoon -uses-> ThreatBook"]}
        - {text: "Volt Typhoon may use ThreatBook.", expect: ["Volt Typhoon -uses-> ThreatBook (hedge: may)"]}
      no_match:
        - "Volt Typhoon uses ThreatBook."
`
	p := packOf(t, pack)
	var got []string
	for _, r := range p.Test(testAnalyzer(t)) {
		if r.RuleID == "ex" {
			got = append(got, fmt.Sprintf("%s %v", r.Kind, r.Pass))
			if !r.Pass && r.Message == "" {
				t.Errorf("failure without a message: %+v", r)
			}
		}
	}
	// 1 passes; 2 expects a relation that is not there; 3 is hedged though
	// the example expects no hedge; 4: "may use" does not match "uses";
	// the no_match example finds a relation.
	same(t, "results", got, []string{"match true", "match false", "match false", "match false", "no_match false"})
}

func TestRelationExpectFormIsChecked(t *testing.T) {
	dir := writePack(t, map[string]string{"r.yaml": `rules:
  - id: r
    kind: relation
    relation: targets
    source: threat-actor
    target: sector
    description: d
    pattern: [{slot: source, entity: any}, {slot: target, entity: any}]
    examples:
      match:
        - {text: "A B.", expect: ["A targets B"]}
`})
	probs := lint(false, []string{dir})
	ok := false
	for _, pr := range probs {
		if strings.Contains(pr.Message, `not of the form "Source -type-> Target"`) && pr.Line == 11 {
			ok = true
		}
	}
	if !ok {
		t.Errorf("lint did not report the malformed expectation at line 11: %v", probs)
	}
}

// A sentence ending in ":" takes the bullet lines after it as its list;
// full sentences under a heading with a colon are no list, and the bullet
// lines still give their own relations.
func TestRelationBulletListContinuesSentence(t *testing.T) {
	pack := relTestPack + `
  - id: used
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [sector, location]
    pattern:
      - {slot: source, entity: any}
      - lower: hit
      - {any: true, not: [{text: [".", ";"]}, {entity: any}], repeat: "0-8"}
      - {slot: target, entity: any}
      - seq: [{or: [{text: ","}, {lower: and}]}, {lower: and, optional: true}, {slot: target, entity: any}]
        repeat: "*"
`
	p := packOf(t, pack)
	long := " and then it went on for many more words than any bullet item of a list would ever need to hold."
	cases := []struct {
		name, text string
		want       []string
	}{
		{"dash items", "Volt Typhoon hit these:\n- Guam\n- water utilities\n\nLater text.",
			[]string{"Volt Typhoon -used-> Guam", "Volt Typhoon -used-> water utilities"}},
		{"items with punctuation and a wrapped line", "Volt Typhoon hit the following:\n• the island of\nGuam;\n• water utilities.\nThe end.",
			[]string{"Volt Typhoon -used-> Guam", "Volt Typhoon -used-> water utilities"}},
		{"no colon, no list", "Volt Typhoon hit nothing.\n- Guam\n- water utilities", nil},
		{"sentences are no items", "Volt Typhoon hit these:\n- Guam was quiet" + long, nil},
		{"items keep their own relations", "Volt Typhoon hit these:\n- Guam\n- Flax Typhoon hit water utilities",
			[]string{"Flax Typhoon -used-> water utilities", "Volt Typhoon -used-> Guam"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := relations(t, p, c.text)
			for k := range got {
				got[k] = strings.Replace(got[k], "-targets->", "-used->", 1)
			}
			same(t, c.text, got, c.want)
		})
	}
}

// "The defendants", "the two", "both men" stand for several people named
// together: all of them, or as many as the number says, nearest first.
func TestRelationPluralPersonAnaphor(t *testing.T) {
	pack := `
lists:
  relation_anaphors: ["the defendants", "the two", "both men", he, "each of them", "both of them", "the pair", "all three"]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Ni Gaobin, type: person}
      - {name: Weng Ming, type: person}
      - {name: Cheng Feng, type: person}
      - {name: Zhao Li, type: person}
      - {name: APT31, type: threat-actor}
  - id: member
    kind: relation
    relation: affiliated-with
    source: [person]
    target: [threat-actor]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - lower: joined
      - {slot: target, entity: any}
`
	p := packOf(t, pack)
	names := "The charges name Ni Gaobin, Weng Ming and Cheng Feng."
	cases := []struct {
		name, text string
		want       []string
	}{
		{"all of them", names + " The defendants joined APT31.", []string{
			`Cheng Feng -affiliated-with-> APT31 @"The defendants" → Cheng Feng`,
			`Ni Gaobin -affiliated-with-> APT31 @"The defendants" → Ni Gaobin`,
			`Weng Ming -affiliated-with-> APT31 @"The defendants" → Weng Ming`}},
		{"the last two", names + " The two joined APT31.", []string{
			`Cheng Feng -affiliated-with-> APT31 @"The two" → Cheng Feng`,
			`Weng Ming -affiliated-with-> APT31 @"The two" → Weng Ming`}},
		{"a singular anaphor stays one", names + " He joined APT31.", []string{
			`Cheng Feng -affiliated-with-> APT31 @"He" → Cheng Feng`}},
		{"each of them: all of them", names + " Each of them joined APT31.", []string{
			`Cheng Feng -affiliated-with-> APT31 @"Each of them" → Cheng Feng`,
			`Ni Gaobin -affiliated-with-> APT31 @"Each of them" → Ni Gaobin`,
			`Weng Ming -affiliated-with-> APT31 @"Each of them" → Weng Ming`}},
		{"both of them: the last two", names + " Both of them joined APT31.", []string{
			`Cheng Feng -affiliated-with-> APT31 @"Both of them" → Cheng Feng`,
			`Weng Ming -affiliated-with-> APT31 @"Both of them" → Weng Ming`}},
		{"a number means the list of that many people, not the nearest person",
			"The charges name Ni Gaobin, Weng Ming and Cheng Feng, who spied on the staff of Zhao Li. All three joined APT31.",
			[]string{
				`Cheng Feng -affiliated-with-> APT31 @"All three" → Cheng Feng`,
				`Ni Gaobin -affiliated-with-> APT31 @"All three" → Ni Gaobin`,
				`Weng Ming -affiliated-with-> APT31 @"All three" → Weng Ming`}},
		{"the pair: the last two", names + " The pair joined APT31.", []string{
			`Cheng Feng -affiliated-with-> APT31 @"The pair" → Cheng Feng`,
			`Weng Ming -affiliated-with-> APT31 @"The pair" → Weng Ming`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, relations(t, p, c.text), c.want)
		})
	}
}

// A pattern that takes a place and the victims after it as two adjacent
// target elements gets one relation for each, though slotSpans joins the
// two records into one span.
func TestRelationAdjacentPlaceAndVictimAreTwoTargets(t *testing.T) {
	p := packOf(t, `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Volt Typhoon, type: threat-actor}
      - {name: Guam, type: location}
      - {name: water utilities, type: sector}
  - id: into
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [sector, location]
    pattern:
      - {slot: source, entity: any}
      - lower: "intrusions into"
      - {slot: target, entity: location, optional: true}
      - slot: target
        type: sector
        or: [{entity: sector}, {lower_in: [energy, defense]}]
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Volt Typhoon intrusions into Guam water utilities continued.",
			[]string{"Volt Typhoon -targets-> Guam", "Volt Typhoon -targets-> water utilities"}},
		// the second part is a new mention the slot makes
		{"Volt Typhoon intrusions into Guam energy firms continued.",
			[]string{"Volt Typhoon -targets-> Guam", "Volt Typhoon -targets-> energy"}},
		{"Volt Typhoon intrusions into water utilities continued.", []string{"Volt Typhoon -targets-> water utilities"}},
	} {
		if got := relations(t, p, c.text); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// An alias rule adds the abbreviation as a mention; the relation rules
// after it must still see every mention where it stands, also when the
// abbreviation is never used again (so nothing else re-indexes the
// mentions before the relations run).
func TestRelationSeesMentionsAfterAbbreviation(t *testing.T) {
	p := packOf(t, `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Fujian State Security Department, type: government}
      - {name: Ministry of State Security, type: government}
  - id: abbreviation
    kind: alias
    check: abbreviation
    pattern:
      - {entity: [government], slot: name}
      - text: "("
      - {slot: alias, regex: '\p{Lu}[\p{Lu}\p{N}&-]{1,9}s?'}
      - text: ")"
  - id: arm
    kind: relation
    relation: part-of
    source: [government]
    target: [government]
    pattern:
      - seq: [{slot: source, entity: any}]
      - seq: [{text: "("}, {any: true, not: {text: ")"}, repeat: "1-4"}, {text: ")"}]
        optional: true
      - text: ","
      - lower: "a provincial arm of the"
      - {slot: target, entity: any}
`)
	want := "Fujian State Security Department -part-of-> Ministry of State Security"
	for _, text := range []string{
		"Officers of the Fujian State Security Department (FSSD), a provincial arm of the Ministry of State Security, were charged.",
		"Officers of the Fujian State Security Department, a provincial arm of the Ministry of State Security, were charged.",
	} {
		if got := relations(t, p, text); strings.Join(got, "|") != want {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}
