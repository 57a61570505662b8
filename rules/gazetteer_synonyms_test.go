package rules

import (
	"fmt"
	"strings"
	"testing"
)

// A known name with some words swapped for a rewriter's synonyms is the
// known entry, with its canonical name and type; a swap that keeps no word
// of the name's own, that is another entry's name, or that two entries
// share is no name.
func TestNameWordSynonymVariants(t *testing.T) {
	p := packOf(t, `
lists:
  gazetteer_word_synonyms:
    - "technology: know-how | expertise"
    - "security: safety"
    - "network: community | web"
    - "agency: company"
    - "national: nationwide"
    - "department: division"
    - "energy: vitality"
    - "society: community"
    - "center: hub | ~centre"
    - "group: crew"
    - "bank: financial institution"
    - "office: workplace"
    - "foreign: overseas | international"
    - "middle: center"
    - "city: metropolis"
  gazetteer_variant_heads: [group, bank, office]
  gazetteer_place_variant_stop_next: [office, branch]
rules:
  - id: g.loc
    kind: gazetteer
    type: location
    priority: 70
    entries:
      - {name: Middle Reach}
      - {name: Harlowby City}
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries:
      - {name: Corvane Network Technology, aliases: [Corvane]}
      - {name: Tallis Security}
      - {name: Brenholt Safety Group}
      - {name: Quillon Group}
      - {name: Marrowby Bank}
      - {name: Bank Tavrizi}
  - id: g.gov
    kind: gazetteer
    type: government
    priority: 70
    entries:
      - {name: Ministry of Harbour Security}
      - {name: National Security Agency, aliases: [NSA]}
      - {name: Department of Energy}
      - {name: Department of Fisheries}
      - {name: Brenholt Security Group}
      - {name: Harlow Security Center}
      - {name: 41st Harlow Signals Center}
      - {name: Ostrava Network Group}
      - {name: Ostrava Society Group}
      - {name: Foreign Office}
`)
	canon := func(text string) []string { return textTypeCanon(t, p, text) }
	cases := []struct {
		text string
		want []string
	}{
		// Two words swapped, the entry's own word kept.
		{"Staff of Corvane Community Know-how were charged.",
			[]string{"Corvane Community Know-how/organization/Corvane Network Technology"}},
		{"It worked for the Ministry of Harbour Safety.",
			[]string{"Ministry of Harbour Safety/government/Ministry of Harbour Security"}},
		// Three words, all swapped: a rewrite of the whole name.
		{"The Nationwide Safety Company issued an advisory.",
			[]string{"Nationwide Safety Company/government/National Security Agency"}},
		// A function word makes two words a name's shape.
		{"The Division of Fisheries said so.",
			[]string{"Division of Fisheries/government/Department of Fisheries"}},
		// Two words, both known to the table: nothing of the name is left.
		{"The Division of Vitality said so.", nil},
		// Two words of a company without a function word: too ordinary.
		{"Tallis Safety said so.", nil},
		// ... unless only its kind noun is swapped.
		{"Quillon Crew said so.", []string{"Quillon Crew/organization/Quillon Group"}},
		// ... or its body noun, by a synonym of several words.
		{"Thieves emptied an account at Marrowby Financial institution.",
			[]string{"Marrowby Financial institution/organization/Marrowby Bank"}},
		// ... before the own word too.
		{"The wiper hit Financial institution Tavrizi.",
			[]string{"Financial institution Tavrizi/organization/Bank Tavrizi"}},
		// A body's two table words rewritten whole, its body noun too.
		{"The Overseas Workplace summoned the envoy.",
			[]string{"Overseas Workplace/government/Foreign Office"}},
		// ... but not one word of them: an ordinary phrase.
		{"The Overseas Office summoned the envoy.", nil},
		{"The Foreign Workplace summoned the envoy.", nil},
		// ... only standing alone: inside another capitalised name it is
		// that name's words.
		{"The International Workplace Awards were held in Leeds.", nil},
		{"The prize went to Harlow International Workplace staff.", nil},
		// An acronym before it or the sentence's first word is no name.
		{"Officials at the UK Overseas Workplace declined to comment.",
			[]string{"Overseas Workplace/government/Foreign Office"}},
		{"Overseas Workplace officials summoned the envoy.",
			[]string{"Overseas Workplace/government/Foreign Office"}},
		// A variant that is another entry's name stays that entry.
		{"Brenholt Safety Group said so.",
			[]string{"Brenholt Safety Group/organization/Brenholt Safety Group"}},
		// A variant two entries would share names neither.
		{"The Ostrava Community Group said so.", nil},
		{"The Ostrava Web Group said so.",
			[]string{"Ostrava Web Group/government/Ostrava Network Group"}},
		// The whole name a short alias opens, in other words, is the entry.
		{"Corvane Web Expertise was named.",
			[]string{"Corvane Web Expertise/organization/Corvane Network Technology"}},
		// A spelling alone is the same name: tokens are compared in one
		// spelling (spelling.go).
		{"The Harlow Security Centre said so.",
			[]string{"Harlow Security Centre/government/Harlow Security Center"}},
		{"The Harlow Safety Centre said so.",
			[]string{"Harlow Safety Centre/government/Harlow Security Center"}},
		// ... unless the name keeps two words of its own or more: then
		// the other spelling is the same body.
		{"Officers of the 41st Harlow Signals Centre were named.",
			[]string{"41st Harlow Signals Centre/government/41st Harlow Signals Center"}},
		// A place's two words keep its shape in other words: its own
		// word stays.
		{"Ports of the Center Reach were hit.",
			[]string{"Center Reach/location/Middle Reach"}},
		{"The firm moved to Harlowby Metropolis.",
			[]string{"Harlowby Metropolis/location/Harlowby City"}},
		// ... but only standing alone: inside a capitalised name, or
		// before a unit's noun, the words are an ordinary phrase.
		{"The Center Reach office of the firm opened.", nil},
		{"Staff of Corvin Center Reach were named.", nil},
		{"The Center Reach Awards were held.", nil},
		{"The firm opened offices in the Center Reach last year.",
			[]string{"Center Reach/location/Middle Reach"}},
		// ... and only in running text: a breadcrumb or category trail
		// names a section, and a line of capitalised words is no sentence.
		{"Safety › Center Reach\n\nThe firm opened offices last year.", nil},
		{"Filed under: safety / Center Reach / energy.", nil},
		{"Regions | Center Reach\n\nThe firm opened offices last year.", nil},
		// ... but a table row is running text: "|" parts its cells.
		{"Victim | Region | Sector\nAcme Bank | Center Reach | finance\n",
			[]string{"Center Reach/location/Middle Reach"}},
		{"Center Reach\n\nThe firm opened offices last year.", nil},
		{"Attacks Rise in the Center Reach\n\nThe firm opened offices last year.",
			[]string{"Center Reach/location/Middle Reach"}},
		// Lower case is no name.
		{"the ministry of harbour safety", nil},
	}
	for _, c := range cases {
		same(t, c.text, canon(c.text), c.want)
	}
}

// A sector phrase in a rewriter's words is the sector: any of its words may
// be swapped, a lone word too, but only in lower case after the first word,
// never inside a capitalised name; "public" stays (the community sector is
// another one).
func TestSectorWordSynonymVariants(t *testing.T) {
	p := packOf(t, `
lists:
  gazetteer_word_synonyms:
    - "think: assume"
    - "energy: vitality"
    - "companies: corporations | firms"
    - "information: info | data"
    - "technology: know-how"
    - "public: community"
rules:
  - id: g.sec
    kind: gazetteer
    type: sector
    priority: 60
    case: insensitive
    entries:
      - {name: think tanks}
      - {name: energy, aliases: [energy companies]}
      - {name: technology sector, aliases: [information technology]}
      - {name: government sector, aliases: [public sector]}
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries:
      - {name: Harlow Information Technology, aliases: [Harlow]}
`)
	canon := func(text string) []string { return textTypeCanon(t, p, text) }
	cases := []struct {
		text string
		want []string
	}{
		{"The crew went after assume tanks and vitality corporations.",
			[]string{"assume tanks/sector/think tanks", "vitality corporations/sector/energy"}},
		{"Vitality firms were hit.", []string{"Vitality firms/sector/energy"}},
		{"It spied on data know-how suppliers.", []string{"data know-how/sector/technology sector"}},
		// Inside a capitalised name the words are the name's.
		{"Staff of Harlow Info Know-how were charged.",
			[]string{"Harlow Info Know-how/organization/Harlow Information Technology"}},
		// "public" is kept: the community sector is no government.
		{"The community sector grew.", nil},
	}
	for _, c := range cases {
		same(t, c.text, canon(c.text), c.want)
	}
}

// gazetteer_name_word_synonyms are a thesaurus's rarer senses: names take
// them, sector phrases do not ("engineering" is a sector of its own, no
// technology sector).
func TestNameOnlyWordSynonyms(t *testing.T) {
	p := packOf(t, `
lists:
  gazetteer_word_synonyms:
    - "technology: know-how"
  gazetteer_name_word_synonyms:
    - "technology: engineering"
    - "group: aggroup"
rules:
  - id: g.sec
    kind: gazetteer
    type: sector
    priority: 60
    case: insensitive
    entries:
      - {name: technology sector, aliases: [technology]}
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries:
      - {name: Corvane Technology Group}
`)
	canon := func(text string) []string { return textTypeCanon(t, p, text) }
	cases := []struct {
		text string
		want []string
	}{
		{"Corvane Engineering Aggroup was charged.",
			[]string{"Corvane Engineering Aggroup/organization/Corvane Technology Group"}},
		{"Corvane Know-how Group was charged.",
			[]string{"Corvane Know-how Group/organization/Corvane Technology Group"}},
		{"It spied on know-how firms.", []string{"know-how/sector/technology sector"}},
		{"It spied on engineering firms.", nil},
	}
	for _, c := range cases {
		same(t, c.text, canon(c.text), c.want)
	}
}

// The variant cap keeps the variants of a long name's common synonyms,
// all of them swapped at once, before a rare synonym of one word: a
// rewriter swaps many words of a name for their usual synonyms.
func TestSwapVariantsCheapestFirst(t *testing.T) {
	table := map[string][]synonym{}
	var rare []synonym
	for i := 0; i < 600; i++ {
		rare = append(rare, synonym{toks: []string{fmt.Sprintf("rare%d", i)}})
	}
	table["alpha"] = append([]synonym{{toks: []string{"first"}}}, rare...)
	table["beta"] = []synonym{{toks: []string{"second"}}}
	table["gamma"] = []synonym{{toks: []string{"third"}}, {toks: []string{"gammo"}, spelling: true}}
	toks := []string{"Alpha", "Beta", "Gamma", "Own"}
	vs := swapVariants(toks, []int{0, 1, 2}, table, false)
	if len(vs) != maxNameVariants {
		t.Fatalf("got %d variants, want the cap %d", len(vs), maxNameVariants)
	}
	has := func(want string) bool {
		for _, v := range vs {
			if strings.Join(v, " ") == want {
				return true
			}
		}
		return false
	}
	for _, want := range []string{"First Second Third Own", "First Second Gammo Own", "First Beta Gamma Own"} {
		if !has(want) {
			t.Errorf("variant %q missing", want)
		}
	}
	if has("Rare599 Beta Gamma Own") {
		t.Errorf("the rarest synonym was kept before the cap")
	}
	// A spelling alone is no variant.
	if has("Alpha Beta Gammo Own") {
		t.Errorf("a spelling alone made a variant")
	}
}

// A name of a word and a number ("Unit 42") keeps the number, its own
// word: the word may swap ("Unit of measurement 42"), where a two-word
// name of two plain words may not.
func TestNumberedNameVariants(t *testing.T) {
	p := packOf(t, `
lists:
  gazetteer_word_synonyms:
    - "unit: unit of measurement"
    - "security: safety"
rules:
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries:
      - {name: Unit 42}
      - {name: Tallis Security}
`)
	canon := func(text string) []string { return textTypeCanon(t, p, text) }
	same(t, "a", canon("Researchers at Unit of measurement 42 said so."),
		[]string{"Unit of measurement 42/organization/Unit 42"})
	same(t, "b", canon("Tallis Safety said so."), nil)
}

// A malware family's coined name of two words gets variants like an
// actor's: either word may swap, the other kept ("Unhealthy Rabbit" for
// Bad Rabbit); so does a tool's ("Home windows Sandbox" for Windows
// Sandbox, session 28), but not one of two words the table both knows.
func TestMalwareNameVariants(t *testing.T) {
	p := packOf(t, `
lists:
  gazetteer_word_synonyms:
    - "bad: unhealthy"
    - "dark: darkish"
    - "windows: home windows"
    - "web: net"
rules:
  - id: g.mal
    kind: gazetteer
    type: malware
    priority: 70
    entries:
      - {name: Bad Rabbit}
  - id: g.tool
    kind: gazetteer
    type: tool
    priority: 70
    entries:
      - {name: Dark Lantern}
      - {name: Windows Sandbox}
      - {name: Dark Web}
`)
	canon := func(text string) []string { return textTypeCanon(t, p, text) }
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Researchers said Unhealthy Rabbit spread fast.", []string{"Unhealthy Rabbit/malware/Bad Rabbit"}},
		{"Researchers said Bad Rabbit spread fast.", []string{"Bad Rabbit/malware/Bad Rabbit"}},
		{"Researchers said Darkish Lantern spread fast.", []string{"Darkish Lantern/tool/Dark Lantern"}},
		{"The crew abused Home windows Sandbox to hide.", []string{"Home windows Sandbox/tool/Windows Sandbox"}},
		{"They sold it on the darkish net.", nil},
	} {
		if got := canon(c.text); strings.Join(got, ";") != strings.Join(c.want, ";") {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}

// textTypeCanon lists the mentions of text as "text/type/canonical", the
// form the synonym tests compare.
func textTypeCanon(t *testing.T, p *Pack, text string) []string {
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	var out []string
	for _, m := range res.Mentions {
		out = append(out, fmt.Sprintf("%s/%s/%s", m.Text, m.Type, m.Canonical))
	}
	return out
}
