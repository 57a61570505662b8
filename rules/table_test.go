package rules

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// A self-contained pack: names, the cue lists and a few table rules, so
// these tests do not depend on the tuning of the default pack.
const tableTestPack = `
lists:
  relation_negations: [not, never]
  relation_hedges: [likely, assessed, suspected]
  table_empty_cells: [none, "none public", unknown, "n/a"]
rules:
  - id: t.kind
    kind: table
    relation: kind
    header: [type, kind]
    create: malware
    create_words: [backdoor, "web shell"]
    description: d
  - id: names
    kind: gazetteer
    entries:
      - {name: Volt Typhoon, type: threat-actor}
      - {name: Flax Typhoon, type: threat-actor}
      - {name: Salt Typhoon, type: threat-actor}
      - {name: Vanguard Panda, type: threat-actor}
      - {name: Ministry of State Security, type: government}
      - {name: China, type: location}
      - {name: Beijing, type: location}
      - {name: Recorded Future, type: organization}
      - {name: Integrity Technology Group, type: organization}
      - {name: Science and Technology Ltd, type: organization}
      - {name: energy, type: sector}
      - {name: PlugX, type: malware}
      - {name: KV-botnet, type: malware}
  - id: t.alias
    kind: table
    relation: alias
    subject: [threat-actor]
    header: [also known as, aliases]
    create: subject
  - id: t.sponsor
    kind: table
    relation: sponsored-by
    subject: [threat-actor]
    header: [sponsor]
    cells: [government, location]
  - id: t.attribution
    kind: table
    relation: attributed-to
    subject: [threat-actor]
    header: [attribution]
    cells: [government, organization]
  - id: t.company
    kind: table
    relation: affiliated-with
    subject: [threat-actor]
    header: [company]
    not_header: [targeted]
    cells: [organization]
  - id: t.base
    kind: table
    relation: located-in
    subject: [threat-actor]
    header_regex: '^(base|location)\b'
    cells: [location]
  - id: t.targets
    kind: table
    relation: targets
    subject: [threat-actor, malware]
    header: [targets]
    cells: [sector, location]
    create: sector
    create_words: [water, defense, "video games"]
  - id: t.malware
    kind: table
    relation: uses
    subject: [threat-actor]
    header: [malware]
    cells: [malware, tool]
    create: malware
  - id: t.used-by
    kind: table
    relation: uses
    direction: reverse
    subject: [malware]
    header: [used by]
    cells: [threat-actor]
`

// tableResult renders relations as "source -type-> target" (with " ~hedge"),
// links as "name = alias" and the mentions table rules created as
// "text/type/rule", each sorted.
func tableResult(t *testing.T, p *Pack, text string) (rels, links, created []string) {
	t.Helper()
	an := testAnalyzer(t)
	res := p.Match(text, an.Analyze(text), an)
	for _, r := range res.Relations {
		s := fmt.Sprintf("%s -%s-> %s", text[r.Source.Start:r.Source.End], r.Type, text[r.Target.Start:r.Target.End])
		if r.Hedge != "" {
			s += " ~" + r.Hedge
		}
		rels = append(rels, s)
	}
	for _, l := range res.Aliases {
		links = append(links, text[l.Name.Start:l.Name.End]+" = "+text[l.Alias.Start:l.Alias.End])
	}
	for _, m := range res.Mentions {
		if strings.HasPrefix(m.Rule, "t.") {
			created = append(created, fmt.Sprintf("%s/%s/%s", m.Text, m.Type, m.Rule))
		}
	}
	sort.Strings(rels)
	sort.Strings(links)
	sort.Strings(created)
	return rels, links, created
}

func TestTableRelationsFromMarkdownTable(t *testing.T) {
	p := packOf(t, tableTestPack)
	text := "Summary of the groups.\n\n" +
		"| Actor | Also known as | Sponsor (attribution) | Base | Targets | Malware |\n" +
		"|---|---|:---:|---|---|---|\n" +
		"| Volt Typhoon | Vanguard Panda, Bronze Widget | China | unknown | energy, water, video games | KV-botnet, Quiltbag |\n" +
		"| Flax Typhoon | none | Ministry of State Security (assessed by Recorded Future) | Beijing | defense (likely) | PlugX, tracking-link phishing |\n" +
		"| Salt Typhoon | n/a | not officially stated | none public | health | — |\n"
	rels, links, created := tableResult(t, p, text)
	same(t, "relations", rels, []string{
		"Flax Typhoon -located-in-> Beijing",
		"Flax Typhoon -sponsored-by-> Ministry of State Security ~assessed", // the note is a hedge, not a sponsor
		"Flax Typhoon -targets-> defense ~likely",
		"Flax Typhoon -uses-> PlugX", // "tracking-link phishing" is no name
		"Volt Typhoon -sponsored-by-> China",
		"Volt Typhoon -targets-> energy",
		"Volt Typhoon -targets-> video games",
		"Volt Typhoon -targets-> water",
		"Volt Typhoon -uses-> KV-botnet",
		"Volt Typhoon -uses-> Quiltbag",
	})
	same(t, "links", links, []string{"Volt Typhoon = Bronze Widget", "Volt Typhoon = Vanguard Panda"})
	// "health" is not a word the targets rule may turn into a sector.
	same(t, "created", created, []string{"Bronze Widget/threat-actor/t.alias", "Quiltbag/malware/t.malware",
		"defense/sector/t.targets", "video games/sector/t.targets", "water/sector/t.targets"})
}

func TestTableEvidenceIsTheRow(t *testing.T) {
	p := packOf(t, tableTestPack)
	row := "| Volt Typhoon | China |"
	text := "| Actor | Sponsor |\n|---|---|\n" + row + "\n"
	an := testAnalyzer(t)
	res := p.Match(text, an.Analyze(text), an)
	if len(res.Relations) != 1 {
		t.Fatalf("got %d relations, want 1: %+v", len(res.Relations), res.Relations)
	}
	r := res.Relations[0]
	if got := text[r.Sentence.Start:r.Sentence.End]; got != row {
		t.Errorf("evidence span %q, want the row %q", got, row)
	}
	if r.Rule != "t.sponsor" || r.Coref != `table row of Volt Typhoon, column "Sponsor"` {
		t.Errorf("rule %q, note %q", r.Rule, r.Coref)
	}
}

func TestTableFromHTMLText(t *testing.T) {
	// The HTML reader writes " | " between cells and a blank line between rows.
	p := packOf(t, tableTestPack)
	text := "Actor | Company | Location\n\nFlax Typhoon | Integrity Technology Group | Beijing\n\n" +
		"Volt Typhoon | Science and Technology Ltd | China\n\nThe table above lists companies.\n"
	rels, _, _ := tableResult(t, p, text)
	same(t, "relations", rels, []string{
		"Flax Typhoon -affiliated-with-> Integrity Technology Group",
		"Flax Typhoon -located-in-> Beijing",
		// "and" inside a name does not split it.
		"Volt Typhoon -affiliated-with-> Science and Technology Ltd",
		"Volt Typhoon -located-in-> China",
	})
}

func TestTableSubjectColumnAndDirection(t *testing.T) {
	p := packOf(t, tableTestPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"subject is not the first column",
			"| # | Actor | Sponsor |\n|---|---|---|\n| 1 | Volt Typhoon | China |\n| 2 | Flax Typhoon | China |\n",
			[]string{"Flax Typhoon -sponsored-by-> China", "Volt Typhoon -sponsored-by-> China"}},
		{"reverse: the cell is the source",
			"| Malware | Used by |\n|---|---|\n| PlugX | Flax Typhoon, Volt Typhoon |\n",
			[]string{"Flax Typhoon -uses-> PlugX", "Volt Typhoon -uses-> PlugX"}},
		{"a column left of the subject column is not read",
			"| Malware | Actor |\n|---|---|\n| PlugX | Flax Typhoon |\n", nil},
		{"outside the parentheses the header says sponsor",
			"| Actor | Sponsor (attribution) |\n|---|---|\n| Volt Typhoon | China |\n",
			[]string{"Volt Typhoon -sponsored-by-> China"}},
		{"not_header keeps a column out",
			"| Actor | Targeted company |\n|---|---|\n| Volt Typhoon | Integrity Technology Group |\n", nil},
		{"a cell listing several families is the row's kit, not its key",
			"| Wave | Malware | Targets |\n|---|---|---|\n| 1 | PlugX, KV-botnet | energy |\n| 2 | phishing | water |\n", nil},
		{"one family per row is the row's key",
			"| Wave | Malware | Targets |\n|---|---|---|\n| 1 | PlugX | energy |\n| 2 | KV-botnet | water |\n",
			[]string{"KV-botnet -targets-> water", "PlugX -targets-> energy"}},
		{"negated cell", "| Actor | Sponsor |\n|---|---|\n| Volt Typhoon | never China |\n", nil},
		{"no subject in the rows", "| Actor | Sponsor |\n|---|---|\n| someone | China |\n", nil},
		{"one line is no table", "| Volt Typhoon | China |\n", nil},
		{"a bar in prose", "Read more | Share\nVolt Typhoon is backed by China.\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rels, _, _ := tableResult(t, p, c.text)
			same(t, "relations", rels, c.want)
		})
	}
}

func TestFindTables(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // per table: header cells, then rows, cells joined by "¦"
	}{
		{"markdown", "intro\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\nafter\n", []string{"a¦b / 1¦2 / 3¦4"}},
		{"html rows a blank line apart", "a | b\n\n1 | 2\n\n3 | 4\n", []string{"a¦b / 1¦2 / 3¦4"}},
		{"two blank lines end a table", "a | b\n\n1 | 2\n\n\n3 | 4\n\n5 | 6\n", []string{"a¦b / 1¦2", "3¦4 / 5¦6"}},
		{"cell count changes", "| a | b |\n| 1 | 2 |\n| x | y | z |\n| 7 | 8 | 9 |\n", []string{"a¦b / 1¦2", "x¦y¦z / 7¦8¦9"}},
		{"escaped bar", "| a | b |\n| 1 \\| 2 | 3 |\n", []string{`a¦b / 1 \| 2¦3`}},
		{"empty cells", "| a | b | c |\n|---|---|---|\n| 1 |  | 3 |\n", []string{"a¦b¦c / 1¦¦3"}},
		{"header alone", "| a | b |\n|---|---|\n", nil},
		{"bar without spaces is no row", "x|y\nz|w\n", nil},
		{"no bar", "just text\nmore text\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, tb := range findTables(c.text) {
				cells := func(cs []span) string {
					var parts []string
					for _, s := range cs {
						parts = append(parts, c.text[s.start:s.end])
					}
					return strings.Join(parts, "¦")
				}
				parts := []string{cells(tb.header)}
				for _, r := range tb.rows {
					parts = append(parts, cells(r.cells))
				}
				got = append(got, strings.Join(parts, " / "))
			}
			same(t, "tables", got, c.want)
		})
	}
}

func TestCellItems(t *testing.T) {
	cases := map[string][]string{
		"aerospace, defense, engineering":               {"aerospace", "defense", "engineering"},
		"PlugX; QuasarRAT / RedLeaves":                  {"PlugX", "QuasarRAT", "RedLeaves"},
		"Wuhan Xiaoruizhi (Wuhan XRZ)":                  {"Wuhan Xiaoruizhi"},
		"MSS (assessed, by RF) and PLA":                 {"MSS", "PLA"},
		"oil & gas or water":                            {"oil", "gas", "water"},
		"energy [low confidence]":                       {"energy"},
		"Science and Technology":                        {"Science", "Technology"}, // mentions overlapping both are kept whole
		"video games":                                   {"video games"},
		"PlugX (unbalanced":                             {"PlugX"},
		" padded ,  , items ":                           {"padded", "items"},
		"telecommunications • energy":                   {"telecommunications", "energy"},
		"Ministry of State Security (contract hackers)": {"Ministry of State Security"},
	}
	for in, want := range cases {
		var got []string
		for _, s := range cellItems(in, span{0, len(in)}) {
			got = append(got, in[s.start:s.end])
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("cellItems(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTableRuleErrors(t *testing.T) {
	cases := []struct {
		name, rule, want string
	}{
		{"unknown relation", "relation: sponsors\n    subject: [threat-actor]\n    header: [sponsor]\n    cells: [government]",
			`unknown relation type "sponsors"`},
		{"no header", "relation: targets\n    subject: [threat-actor]\n    cells: [sector]",
			`needs the field "header" or "header_regex"`},
		{"no cells", "relation: targets\n    subject: [threat-actor]\n    header: [targets]",
			`needs the field "cells"`},
		{"create outside cells", "relation: targets\n    subject: [threat-actor]\n    header: [targets]\n    cells: [location]\n    create: sector",
			"create: sector is not one of the rule's cells types"},
		{"alias with direction", "relation: alias\n    subject: [threat-actor]\n    header: [aka]\n    direction: reverse",
			"an alias rule has no direction"},
		{"bad direction", "relation: uses\n    subject: [threat-actor]\n    header: [malware]\n    cells: [malware]\n    direction: backwards",
			"direction must be forward"},
		{"pattern field", "relation: uses\n    subject: [threat-actor]\n    header: [malware]\n    cells: [malware]\n    pattern: [{any: true}]",
			`unknown field "pattern"`},
		{"kind without create_words", "relation: kind\n    header: [type]\n    create: malware",
			`needs the field "create_words"`},
		{"kind creating the subject", "relation: kind\n    header: [type]\n    create: subject\n    create_words: [backdoor]",
			"a kind rule creates mentions of an entity type"},
		{"bad example item", "relation: uses\n    subject: [threat-actor]\n    header: [malware]\n    cells: [malware]\n    examples: {match: [{text: \"x\", expect: [\"APT1 uses PlugX\"]}]}",
			`neither "Source -type-> Target" nor "Name = Alias"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := "rules:\n  - id: t.bad\n    kind: table\n    description: d\n    " + c.rule + "\n"
			_, err := load(false, []string{writePack(t, map[string]string{"r.yaml": body})})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			if !strings.Contains(err.Error(), "r.yaml:") {
				t.Errorf("error %v does not name the file and line", err)
			}
		})
	}
}

// BenchmarkFindTables measures table detection on generated prose, which
// has no '|' (the common case: one byte scan), and on the same prose with a
// bar in every paragraph (every line is split, none is a table).
func BenchmarkFindTables(b *testing.B) {
	prose := ctiText(1 << 20)
	barred := strings.ReplaceAll(prose, ". ", ". | ")
	for _, c := range []struct{ name, text string }{{"no-bars", prose}, {"bars-in-prose", barred}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for i := 0; i < b.N; i++ {
				findTables(c.text)
			}
		})
	}
}

// FuzzTables feeds table-like text through a pack with table rules:
// matching must not panic, mentions (created ones included) must stay
// sorted, disjoint and inside the text, and relations must join mentions.
func FuzzTables(f *testing.F) {
	for _, s := range []string{
		"| Actor | Sponsor | Targets | Malware |\n|---|---|---|---|\n| Volt Typhoon | China (likely | water, , defense | Quiltbag; PlugX |\n",
		"Actor | Also known as\n\nVolt Typhoon | Vanguard Panda (overlaps), Bronze Widget\n\n",
		"|||\n|||\n| Volt Typhoon | ) ( ] [ |\n",
		"| Malware | Used by |\n| PlugX | Volt Typhoon • Flax Typhoon & none |\n",
		"| a | b |\n| \\| | • |\n",
		"| Name | Type |\n|---|---|\n| GLASSDOOR | Web shell |\n| Volt Typhoon | backdoor |\n| | backdoor |\n",
	} {
		f.Add(s)
	}
	p, err := load(false, []string{writePack(f, map[string]string{"rules.yaml": tableTestPack})})
	if err != nil {
		f.Fatal(err)
	}
	an := testAnalyzer(f)
	f.Fuzz(func(t *testing.T, text string) {
		res := p.Match(text, an.Analyze(text), an)
		end := 0
		spans := map[[2]int]bool{}
		for _, m := range res.Mentions {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad mention span %+v after %d in %q", m, end, text)
			}
			end = m.End
			spans[[2]int{m.Start, m.End}] = true
		}
		for _, r := range res.Relations {
			if !spans[[2]int{r.Source.Start, r.Source.End}] || !spans[[2]int{r.Target.Start, r.Target.End}] ||
				r.Sentence.End > len(text) || r.Sentence.Start > r.Sentence.End {
				t.Fatalf("relation %+v does not join mentions of %q", r, text)
			}
		}
		for _, l := range res.Aliases {
			if !spans[[2]int{l.Name.Start, l.Name.End}] || !spans[[2]int{l.Alias.Start, l.Alias.End}] {
				t.Fatalf("link %+v does not join mentions of %q", l, text)
			}
		}
	})
}

// A kind column types the row keys the gazetteers do not know; known names
// keep their type, other kinds give nothing, and the new name is a mention
// where the prose names it too.
func TestTableKindColumnTypesTheKeys(t *testing.T) {
	pack := `rules:
  - id: t.kind
    kind: table
    relation: kind
    header: [type, kind]
    create: malware
    create_words: [backdoor, "web shell"]
    description: d
  - id: t.known
    kind: gazetteer
    type: tool
    entries: [{name: Cobalt Strike}]
    description: d
  - id: t.spread
    kind: propagate
    types: [malware]
    description: d
`
	p := packOf(t, pack)
	text := "The operators dropped KETTLEBELL on the servers.\n\n" +
		"| Name | Type | Notes |\n|---|---|---|\n" +
		"| KETTLEBELL | Custom backdoor (2024) | DNS |\n" +
		"| Cobalt Strike | Backdoor | known |\n" +
		"| Fernscan | Scanner | not malware |\n"
	an := testAnalyzer(t)
	res := p.Match(text, an.Analyze(text), an)
	var got []string
	for _, m := range res.Mentions {
		got = append(got, fmt.Sprintf("%s/%s/%s@%d", text[m.Start:m.End], m.Type, m.Rule, m.Start))
	}
	kettle := strings.Index(text, "| KETTLEBELL") + 2
	want := []string{
		fmt.Sprintf("Cobalt Strike/tool/t.known@%d", strings.Index(text, "Cobalt Strike")),
		fmt.Sprintf("KETTLEBELL/malware/t.kind@%d", kettle),
		fmt.Sprintf("KETTLEBELL/malware/t.spread@%d", strings.Index(text, "KETTLEBELL")),
	}
	for _, w := range want {
		if !containsString(got, w) {
			t.Errorf("mentions %v lack %s", got, w)
		}
	}
	for _, g := range got {
		if strings.HasPrefix(g, "Fernscan") {
			t.Errorf("a scanner row is no malware: %v", got)
		}
	}
}

// A kind cell names its kind by its head noun: what follows the head
// ("Backdoor using Google Drive") and a plural ("Passive backdoors") do not
// hide it; a kind that only mentions a backdoor after its head does not
// count ("Scanner for backdoor hosts").
func TestTableKindCellHeadNoun(t *testing.T) {
	p := packOf(t, `rules:
  - id: t.kind
    kind: table
    relation: kind
    header: [type]
    create: malware
    create_words: [backdoor, "web shell"]
    description: d
`)
	text := "| Name | Type | Notes |\n|---|---|---|\n" +
		"| RIVERSPINE | Backdoor using Google Drive | 2024 |\n" +
		"| KETTLEPAIR | Passive backdoors | 2023 |\n" +
		"| FERNSCAN | Scanner for backdoor hosts | 2022 |\n"
	same(t, text, found(t, p, text), []string{"RIVERSPINE/malware/t.kind", "KETTLEPAIR/malware/t.kind"})
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// A column headed by a name rule's header word, exactly, names things of
// its type: each item of a cell that names nothing yet and opens with a
// capital; a header that only holds the word ("Front company") does not
// count, nor a lower-case description or a known name.
func TestTableNameColumn(t *testing.T) {
	p := packOf(t, `rules:
  - id: t.name
    kind: table
    relation: name
    header: [company, victim]
    create: organization
    description: d
  - id: t.known
    kind: gazetteer
    type: location
    entries: [{name: Ireland}]
    description: d
`)
	text := "| Sector | Victim | Country |\n|---|---|---|\n" +
		"| Payroll | Quarrix | Ireland |\n" +
		"| Retail | Nobble Stores; Vantor | Ireland |\n" +
		"| Energy | a regional utility | Ireland |\n" +
		"| Water | Ireland | Ireland |\n\n" +
		"Then a second table.\n\n" +
		"| Front company | Registered in |\n|---|---|\n" +
		"| Kestrel Trading | Hainan |\n"
	var got []string
	for _, m := range found(t, p, text) {
		if strings.HasSuffix(m, "/t.name") {
			got = append(got, m)
		}
	}
	same(t, text, got, []string{"Quarrix/organization/t.name", "Nobble Stores/organization/t.name",
		"Vantor/organization/t.name"})
}
