package rules

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
)

func testAnalyzer(t testing.TB) *nlp.Analyzer {
	t.Helper()
	an, err := sharedAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// writePack writes rule files into a fresh directory.
func writePack(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// packOf compiles one rule file without the default pack.
func packOf(t testing.TB, body string) *Pack {
	t.Helper()
	p, err := load(false, []string{writePack(t, map[string]string{"rules.yaml": body})})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return p
}

// found renders the mentions of text as "text/type/rule" for comparison.
// foundCase is a text, a mention as found lists it ("name/type/rule", or
// a prefix of that) and whether the default pack must find it there.
type foundCase struct {
	text, want string
	ok         bool
}

// checkFound reports each case where the default pack's mentions hold
// want when they should not, or lack it when they should.
func checkFound(t *testing.T, cases []foundCase) {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		got := strings.Join(found(t, p, c.text), " | ")
		if strings.Contains(got, c.want) != c.ok {
			t.Errorf("%q: got %s, want %s present=%v", c.text, got, c.want, c.ok)
		}
	}
}

func found(t testing.TB, p *Pack, text string) []string {
	t.Helper()
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	out := make([]string, 0, len(res.Mentions))
	for _, m := range res.Mentions {
		if text[m.Start:m.End] != m.Text && m.Subtype == "" {
			t.Errorf("mention %q has span text %q", m.Text, text[m.Start:m.End])
		}
		out = append(out, fmt.Sprintf("%s/%s/%s", m.Text, m.Type, m.Rule))
	}
	return out
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

func TestDefaultPackLoadsAndLintsClean(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rules()) == 0 {
		t.Fatal("default pack has no rules")
	}
	for _, pr := range Lint() {
		if pr.Severity == SeverityError {
			t.Errorf("lint: %s", pr)
		}
	}
}

// TestDefaultPackExamples runs every example of the embedded pack; a rule
// author sees exactly which example of which file failed and why.
func TestDefaultPackExamples(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	results := p.Test(testAnalyzer(t))
	if len(results) == 0 {
		t.Fatal("no examples ran")
	}
	for _, r := range results {
		if !r.Pass {
			t.Errorf("%s:%d: rule %q %s %q: %s", r.File, r.Line, r.RuleID, r.Kind, r.Text, r.Message)
		}
	}
}

func TestGazetteerCasePolicy(t *testing.T) {
	p := packOf(t, `
rules:
  - id: g.auto
    kind: gazetteer
    type: threat-actor
    priority: 70
    entries:
      - {name: Turla, aliases: [Venomous Bear]}
      - {name: APT1}
      - {name: energy sector, type: sector}
      - {name: Strontium, common: true}
      - {name: Proofpoint, type: organization}
      - {name: KettleByte, type: malware}
      - {name: SWIFT, type: organization}
  - id: g.sensitive
    kind: gazetteer
    type: malware
    case: sensitive
    entries: [PlugX]
  - id: g.insensitive
    kind: gazetteer
    type: tool
    case: insensitive
    entries: [Mimikatz]
`)
	cases := []struct {
		text string
		want []string
	}{
		// auto: exact, all capitals and capitalised forms match; lower case never.
		{"Turla and TURLA, not turla.", []string{"Turla/threat-actor/g.auto", "TURLA/threat-actor/g.auto"}},
		{"VENOMOUS BEAR or Venomous Bear but not venomous bear", []string{"VENOMOUS BEAR/threat-actor/g.auto", "Venomous Bear/threat-actor/g.auto"}},
		// An all-lower-case entry matches in any case.
		{"The Energy Sector and the energy sector.", []string{"Energy Sector/sector/g.auto", "energy sector/sector/g.auto"}},
		// Token boundaries: APT1 is not inside APT10; a name may span a line break.
		{"APT10 is not APT1.", []string{"APT1/threat-actor/g.auto"}},
		{"Venomous\nBear struck.", []string{"Venomous\nBear/threat-actor/g.auto"}},
		{"PlugX, PLUGX and plugx", []string{"PlugX/malware/g.sensitive"}},
		// A common-word name is not trusted at the start of a sentence.
		{"Strontium is a metal. \"Strontium, again.\" Microsoft named Strontium.", []string{"Strontium/threat-actor/g.auto"}},
		{"mimikatz and MIMIKATZ", []string{"mimikatz/tool/g.insensitive", "MIMIKATZ/tool/g.insensitive"}},
		// auto: a camel-case name written without its inner capitals
		// ("Kettlebyte" for KettleByte) still names the entry; other inner
		// capitals ("KettLebyte", "ProofPoint" for Proofpoint), capitals
		// only and lower case do not ("SWIFT" is no Swift).
		{"Kettlebyte, KettleByte, KETTLEBYTE but not kettlebyte or KettLebyte.", []string{"Kettlebyte/malware/g.auto", "KettleByte/malware/g.auto", "KETTLEBYTE/malware/g.auto"}},
		{"Proofpoint, not ProofPoint.", []string{"Proofpoint/organization/g.auto"}},
		{"Swift and SWIFT.", []string{"SWIFT/organization/g.auto"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
	// Aliases carry the entry's name as canonical.
	text := "Venomous Bear again."
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	if len(res.Mentions) != 1 || res.Mentions[0].Canonical != "Turla" {
		t.Errorf("canonical of an alias: %+v", res.Mentions)
	}
}

func TestIndicators(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	type ind struct {
		text, subtype string
		defanged      bool
	}
	cases := []struct {
		text string
		want []ind
	}{
		{"C2 at hxxp://bad-domain[.]com/x.php?a=1 today.", []ind{{"http://bad-domain.com/x.php?a=1", "url", true}}},
		{"See (https://example.org/path).", []ind{{"https://example.org/path", "url", false}}},
		{"Beacon to 10.20.30[.]40 and 8.8.8.8.", []ind{{"10.20.30.40", "ipv4", true}, {"8.8.8.8", "ipv4", false}}},
		{"Not IPs: version 1.2.3.4, 999.1.1.1, 1.2.3.4.5 and v4.3.2.1.", nil},
		{"Mail root[at]evil-mail(.)ru now.", []ind{{"root@evil-mail.ru", "email", true}}},
		{"Domains evil[dot]top, good.example.co.uk and svchost.exe.", []ind{{"evil.top", "domain", true}, {"good.example.co.uk", "domain", false}}},
		{"Files: report.docx, payload.dll, readme.md, lib.so, run.sh.", nil},
		{"Hash d41d8cd98f00b204e9800998ecf8427e seen.", []ind{{"d41d8cd98f00b204e9800998ecf8427e", "md5", false}}},
		{"IPv6 fe80::1ff:fe23:4567:890a used.", []ind{{"fe80::1ff:fe23:4567:890a", "ipv6", false}}},
		// A CIDR block or an IPv6 prefix is one indicator with its length;
		// an out-of-range length makes no indicator, not a bare address.
		{"Blocks 198.51.100.0/24, 192.0.2[.]0/28 and 2001:db8:4000::/36 hosted it.",
			[]ind{{"198.51.100.0/24", "ipv4", false}, {"192.0.2.0/28", "ipv4", true}, {"2001:db8:4000::/36", "ipv6", false}}},
		{"Not blocks: 203.0.113.0/33, 2001:db8::/200, version 1.2.3.4/16, dates 10/12/2023 and 2023/10/12.", nil},
		// A /0 block is every address (a firewall's "any"), never an indicator.
		{"The rule allowed 198.51.100.0/0 and 2001:db8::/0 inbound.", nil},
		{"It used T1566.001 and exploited CVE-2017-11882.", []ind{{"T1566.001", "attack-technique", false}, {"CVE-2017-11882", "cve", false}}},
		// A wallet address is no SHA-1, though both hold 40 hex digits.
		{"Funds went to 0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B; SHA-1 a94a8fe5ccb19ba61c4c0873d391e987982fbbd3.",
			[]ind{{"0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B", "ethereum-address", false}, {"a94a8fe5ccb19ba61c4c0873d391e987982fbbd3", "sha1", false}}},
		{"Burned at 0x0000000000000000000000000000000000000000, or 0xfffffffffffffffffffffffffffffffffffffffff (41 digits).", nil},
	}
	an := testAnalyzer(t)
	for _, c := range cases {
		res := p.Match(c.text, an.Analyze(c.text), an)
		var got []ind
		for _, m := range res.Mentions {
			if m.Type == extractor.Indicator || m.Type == extractor.Vulnerability {
				got = append(got, ind{m.Text, m.Subtype, m.Defanged})
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%q:\n got  %v\n want %v", c.text, got, c.want)
		}
	}
}

func TestRefang(t *testing.T) {
	for in, want := range map[string]string{
		"hxxps://a[.]b(.)c{.}d[dot]e/f": "https://a.b.c.d.e/f",
		"HXXP[:]//x[.]com":              "http://x.com",
		"user[at]host(dot)org":          "user@host.org",
		"fxp://files[.]net":             "ftp://files.net",
		"plain.example.com":             "plain.example.com",
		"hxxpd":                         "hxxpd", // not a scheme
	} {
		got, changed := refang(in)
		if got != want || changed != (in != want) {
			t.Errorf("refang(%q) = %q, %v; want %q", in, got, changed, want)
		}
	}
}

func TestPatternElements(t *testing.T) {
	p := packOf(t, `
lists:
  suffixes: [Typhoon, Panda]
  roles: [analyst, "chief analyst"]
rules:
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries: [Mandiant, Example Corp]
  - id: p.weather
    kind: pattern
    type: threat-actor
    pattern:
      - {cshape: Xx, repeat: "1-2", not: [{lower: the}, {entity: any}]}
      - in: $suffixes
  - id: p.id
    kind: pattern
    type: threat-actor
    pattern:
      - regex: 'UNC\d+'
  - id: p.person
    kind: pattern
    type: person
    pattern:
      - {shape: [Xxxx, Xxxxx], repeat: "2", capture: true}
      - ","
      - lower_in: $roles
      - lower: at
      - entity: organization
  - id: p.op
    kind: pattern
    type: campaign
    pattern:
      - Operation
      - or:
          - {regex: '\d+'}
          - [{cshape: Xx}, {cshape: Xx, optional: true}]
  - id: p.seq
    kind: pattern
    type: tool
    pattern:
      - text: Tool
      - seq: [{text: v}, {cshape: d}]
        repeat: "+"
  - id: p.verb
    kind: pattern
    type: malware
    pattern:
      - {text: Zorg, capture: true}
      - pos: VB*
`)
	cases := []struct{ text, want string }{
		{"The Pickle Typhoon and Big Red Panda hit.", "Pickle Typhoon/threat-actor/p.weather | Big Red Panda/threat-actor/p.weather"},
		{"Then UNC12 and UNCX and unc5.", "UNC12/threat-actor/p.id"},
		// capture keeps only the name; entity: consumes the gazetteer mention.
		{"Jane Doerr, chief analyst at Example Corp said.", "Jane Doerr/person/p.person | Example Corp/organization/g.org"},
		{"Jane Doerr, analyst at Acme said.", ""},
		{"Operation 42 and Operation Blue Moon and operation Red.", "Operation 42/campaign/p.op | Operation Blue Moon/campaign/p.op"},
		{"Tool v 1 v 2 v x and Tool x", "Tool v 1 v 2/tool/p.seq"},
		{"Zorg encrypted files. The Zorg.", "Zorg/malware/p.verb"},
	}
	for _, c := range cases {
		var want []string
		if c.want != "" {
			want = strings.Split(c.want, " | ")
		}
		same(t, c.text, found(t, p, c.text), want)
	}
}

func TestPOSIsTaggedLazily(t *testing.T) {
	p := packOf(t, `
rules:
  - id: p.verb
    kind: pattern
    type: malware
    pattern:
      - {text: Zorg, capture: true}
      - pos: VB*
`)
	an := testAnalyzer(t)
	text := "Nothing here mentions it. Zorg encrypted files."
	sents := an.Analyze(text)
	if len(sents) != 2 {
		t.Fatalf("want 2 sentences, got %d", len(sents))
	}
	res := p.Match(text, sents, an)
	if len(res.Mentions) != 1 || res.Mentions[0].Text != "Zorg" {
		t.Errorf("mentions: %+v", res.Mentions)
	}
	if sents[0].Tokens[0].POS != "" {
		t.Errorf("the sentence without Zorg was tagged: %+v", sents[0].Tokens)
	}
	if sents[1].Tokens[1].POS == "" {
		t.Errorf("the sentence with Zorg was not tagged")
	}
}

func TestConflictPolicy(t *testing.T) {
	p := packOf(t, `
rules:
  - id: a.short-high
    kind: gazetteer
    type: malware
    priority: 90
    entries: [Cobalt]
  - id: b.long-low
    kind: gazetteer
    type: tool
    priority: 10
    entries: [Cobalt Strike]
  - id: c.first
    kind: gazetteer
    type: malware
    priority: 50
    entries: [Emotet]
  - id: d.second-same-priority
    kind: gazetteer
    type: tool
    priority: 50
    entries: [Emotet]
  - id: e.low
    kind: gazetteer
    type: tool
    priority: 40
    entries: [Ryuk]
  - id: f.high
    kind: gazetteer
    type: malware
    priority: 60
    entries: [Ryuk]
`)
	text := "Cobalt Strike, Cobalt, Emotet and Ryuk."
	same(t, "conflicts", found(t, p, text), []string{
		"Cobalt Strike/tool/b.long-low", // longest wins over priority
		"Cobalt/malware/a.short-high",
		"Emotet/malware/c.first", // equal length and priority: earlier rule
		"Ryuk/malware/f.high",    // equal length: higher priority
	})
}

func TestStagesAndEntityConstraints(t *testing.T) {
	p := packOf(t, `
rules:
  - id: s0.gaz
    kind: gazetteer
    type: threat-actor
    priority: 70
    entries: [Sandworm]
  - id: s1.group
    kind: pattern
    type: organization
    priority: 50
    pattern:
      - entity: threat-actor
      - text: Team
  - id: s2.after
    kind: pattern
    type: campaign
    stage: 2
    priority: 50
    pattern:
      - entity: organization
      - lower: campaign
`)
	// Stage 1 sees the gazetteer's actor and builds a longer organisation;
	// stage 2 sees stage 1's organisation.
	same(t, "stages", found(t, p, "The Sandworm Team campaign began."),
		[]string{"Sandworm Team campaign/campaign/s2.after"})
	same(t, "stage 1 alone", found(t, p, "The Sandworm Team began."),
		[]string{"Sandworm Team/organization/s1.group"})
}

func TestStopRules(t *testing.T) {
	p := packOf(t, `
rules:
  - id: g.names
    kind: gazetteer
    type: threat-actor
    priority: 70
    case: insensitive
    entries: [The Group, Group 72]
  - id: g.short
    kind: gazetteer
    type: threat-actor
    priority: 60
    case: insensitive
    entries: [Group]
  - id: stop.generic
    kind: stop
    types: [threat-actor]
    case: insensitive
    words: [the group]
  - id: stop.malware-only
    kind: stop
    types: [malware]
    words: [Group 72]
`)
	// "The Group" is stopped before conflicts are settled, so the shorter
	// "Group" is not hidden by it; the malware-only stop does not apply.
	same(t, "stop", found(t, p, "The group used Group 72."),
		[]string{"group/threat-actor/g.short", "Group 72/threat-actor/g.names"})
}

func TestAliases(t *testing.T) {
	p := packOf(t, `
rules:
  - id: g.actors
    kind: gazetteer
    type: threat-actor
    priority: 70
    entries: [APT41, Barium, Turla]
  - id: g.places
    kind: gazetteer
    type: location
    priority: 70
    entries: [Russia]
  - id: a.aka
    kind: alias
    pattern:
      - {entity: any, slot: name}
      - {text: ",", optional: true}
      - lower_in: [aka, "also known as"]
      - &alias
        slot: alias
        or:
          - {entity: any}
          - {cshape: Xx, repeat: "1-3", not: {entity: any}}
      - seq: [{text: ","}, *alias]
        repeat: "*"
      - seq: [{lower: and}, *alias]
        optional: true
  - id: a.paren
    kind: alias
    pattern:
      - {entity: any, slot: name}
      - "("
      - {entity: any, slot: alias}
      - ")"
  - id: a.stop
    kind: stop
    words: [Group]
`)
	an := testAnalyzer(t)
	text := "APT41, also known as Barium, Wicked Panda and Group, hit Turla (Russia)."
	res := p.Match(text, an.Analyze(text), an)
	var links []string
	for _, l := range res.Aliases {
		links = append(links, text[l.Name.Start:l.Name.End]+" = "+text[l.Alias.Start:l.Alias.End]+" /"+l.Rule)
	}
	// Barium links to a known mention; Wicked Panda becomes a new actor;
	// "Group" is a stop word, so no mention and no link; Turla (Russia)
	// joins different types and is dropped.
	same(t, "links", links, []string{"APT41 = Barium /a.aka", "APT41 = Wicked Panda /a.aka"})
	var ms []string
	for _, m := range res.Mentions {
		ms = append(ms, fmt.Sprintf("%s/%s/%s/%s", m.Text, m.Type, m.Rule, m.Canonical))
	}
	same(t, "mentions", ms, []string{"APT41/threat-actor/g.actors/APT41", "Barium/threat-actor/g.actors/Barium",
		"Wicked Panda/threat-actor/a.aka/APT41", "Turla/threat-actor/g.actors/Turla", "Russia/location/g.places/Russia"})
}

func TestAbbreviation(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Ministry of State Security", "MSS", true},
		{"PLA", "People's Liberation Army", true},
		{"Federal Security Service", "FSB", false}, // B is not in the long form after S
		{"Turla", "RU", false},
		{"Ministry of Water Resources", "USA", false},
		{"IC3", "Internet Crime Complaint Center", true}, // C3: three words with C
		{"W3C", "World Wide Web Consortium", true},
		{"IC3", "Internet Complaint Center", false}, // only two words with C
	} {
		if got := abbreviates(c.a, c.b); got != c.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestUserPackOverridesAndExtends(t *testing.T) {
	dir := writePack(t, map[string]string{
		"10-override.yaml": `
rules:
  - id: core.campaign.operation
    kind: pattern
    type: campaign
    priority: 61
    description: operations, but only with one capitalised word
    pattern:
      - text: Operation
      - cshape: Xx
    examples:
      match:
        - {text: "Operation Copper Kettle began.", expect: [Operation Copper]}
  - id: core.threat-actor.apt-group
    disabled: true
`,
		"20-extend.yaml": `
rules:
  - id: user.malware
    kind: gazetteer
    type: malware
    priority: 75
    description: in-house names
    entries: [{name: Frobnicator, aliases: [FROB-1]}]
    examples:
      match:
        - {text: "Frobnicator dropped FROB-1.", expect: [Frobnicator, FROB-1]}
`,
	})
	p, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	infos := map[string]Info{}
	var order []string
	for _, in := range p.Rules() {
		infos[in.ID] = in
		order = append(order, in.ID)
	}
	op := infos["core.campaign.operation"]
	if op.Priority != 61 || op.File != filepath.Join(dir, "10-override.yaml") || !strings.HasPrefix(op.Overrides, "rules/pack/core-patterns.yaml:") {
		t.Errorf("override info: %+v", op)
	}
	if _, ok := infos["core.threat-actor.apt-group"]; ok {
		t.Error("disabled rule is still active")
	}
	if infos["user.malware"].Entries != 2 || order[len(order)-1] != "user.malware" {
		t.Errorf("extension rule missing or not last: %+v", infos["user.malware"])
	}
	// The override keeps the place of the rule it replaces.
	def, _ := Default()
	var defOrder []string
	for _, in := range def.Rules() {
		defOrder = append(defOrder, in.ID)
	}
	next := defOrder[idx(defOrder, "core.campaign.operation")+1]
	if idx(order, "core.campaign.operation") > idx(order, next) {
		t.Errorf("override moved in the rule order: after %q", next)
	}
	// (Not "... Kettle and Frobnicator": a word coordinated with a malware
	// name is a malware name too, core.malware.list-prev-1.)
	same(t, "override in effect", found(t, p, "Operation Copper Kettle ran Frobnicator."),
		[]string{"Operation Copper/campaign/core.campaign.operation", "Frobnicator/malware/user.malware"})
	for _, r := range p.Test(testAnalyzer(t)) {
		if !r.Pass && (r.RuleID == "user.malware" || r.RuleID == "core.campaign.operation") {
			t.Errorf("user example: %+v", r)
		}
	}
}

func idx(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func TestLoadErrorNamesFileLineColumn(t *testing.T) {
	dir := writePack(t, map[string]string{"x.yaml": `rules:
  - id: foo
    kind: pattern
    type: malware
    patern: [Zorg]
`})
	_, err := Load(dir)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want a LoadError, got %v", err)
	}
	want := filepath.Join(dir, "x.yaml") + `:5:5: rule "foo": unknown field "patern" (did you mean "pattern"?)`
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error:\n%s\nwant a line:\n%s", err, want)
	}
}

// TestLintClasses checks that each class of problem is reported at the
// exact place of the offending text.
func TestLintClasses(t *testing.T) {
	cases := []struct {
		name, body string
		want       string // "line:col severity message-fragment"
	}{
		{"yaml", "rules:\n  - id: a\n    kind: [gazetteer\n", "3:1 error invalid YAML"},
		{"unknown field", "rules:\n  - id: a\n    kind: stop\n    words: [x]\n    wrds: [y]\n", `5:5 error unknown field "wrds" (did you mean "words"?)`},
		{"unknown kind", "rules:\n  - id: a\n    kind: gazeteer\n", `3:11 error unknown kind "gazeteer"`},
		{"unknown type", "rules:\n  - id: a\n    kind: gazetteer\n    type: threat-acter\n    entries: [X]\n", `4:11 error unknown type "threat-acter" (did you mean "threat-actor"?)`},
		{"unknown entity type", "rules:\n  - id: a\n    kind: pattern\n    type: tool\n    pattern:\n      - {entity: organisation}\n", `6:18 error unknown type "organisation" (did you mean "organization"?)`},
		{"bad regex", "rules:\n  - id: a\n    kind: regex\n    type: indicator\n    regex: 'a(b'\n", "5:12 error bad regex"},
		{"bad token regex", "rules:\n  - id: a\n    kind: pattern\n    type: tool\n    pattern:\n      - {regex: '[z'}\n", "6:17 error bad regex"},
		{"undefined list", "rules:\n  - id: a\n    kind: pattern\n    type: tool\n    pattern:\n      - in: $nope\n", "6:13 error undefined list $nope"},
		{"undefined list in a list", "lists:\n  a: [x, $nope]\n", "2:10 error undefined list $nope"},
		{"list holding itself", "lists:\n  a: [x, $b]\n  b: [$a]\n", `3:7 error list "b" holds itself through $a`},
		{"duplicate id", "rules:\n  - id: a\n    kind: stop\n    words: [x]\n  - id: a\n    kind: stop\n    words: [y]\n", "5:9 error duplicate id (first defined at"},
		{"empty pattern", "rules:\n  - id: a\n    kind: pattern\n    type: tool\n    pattern: []\n", "5:14 error pattern is empty"},
		{"pattern matching nothing", "rules:\n  - id: a\n    kind: pattern\n    type: tool\n    pattern:\n      - {text: x, optional: true}\n", "6:7 error pattern can match without consuming a token"},
		{"missing field", "rules:\n  - id: a\n    kind: regex\n    type: indicator\n", `2:5 error regex rule needs the field "regex"`},
		{"bad repeat", "rules:\n  - id: a\n    kind: pattern\n    type: tool\n    pattern:\n      - {text: x, repeat: \"3-1\"}\n", "6:27 error repeat must be"},
		{"wrong value kind", "rules:\n  - id: a\n    kind: stop\n    priority: high\n    words: [x]\n", `4:15 error priority must be a whole number, not "high"`},
		{"entries not a list", "rules:\n  - id: a\n    kind: gazetteer\n    type: tool\n    entries: {name: X}\n", "5:14 error entries must be a list, not a mapping"},
		{"no examples", "rules:\n  - id: a\n    kind: gazetteer\n    type: tool\n    description: d\n    entries: [Xyz]\n", "2:5 warning rule has no examples"},
		{"expect not in text", "rules:\n  - id: a\n    kind: gazetteer\n    type: tool\n    description: d\n    entries: [Xyz]\n    examples:\n      match:\n        - {text: \"Xyz ran.\", expect: [Xzy]}\n", `9:11 warning expected "Xzy" does not occur in the example text`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writePack(t, map[string]string{"r.yaml": c.body})
			var got []string
			for _, pr := range lint(false, []string{dir}) {
				if pr.File != filepath.Join(dir, "r.yaml") {
					t.Errorf("problem names file %q", pr.File)
				}
				got = append(got, fmt.Sprintf("%d:%d %s %s", pr.Line, pr.Column, pr.Severity, pr.Message))
			}
			for _, g := range got {
				if strings.HasPrefix(g, c.want) {
					return
				}
			}
			t.Errorf("want a problem starting %q, got:\n%s", c.want, strings.Join(got, "\n"))
		})
	}
}

func TestLintOverrideAndUnreachable(t *testing.T) {
	a := writePack(t, map[string]string{"a.yaml": `
rules:
  - id: wide
    kind: gazetteer
    type: tool
    priority: 80
    description: wins everywhere
    entries: [Cobalt Strike]
    examples:
      match: [{text: "Cobalt Strike beacons.", expect: [Cobalt Strike]}]
  - id: narrow
    kind: gazetteer
    type: malware
    priority: 60
    description: always loses to wide
    entries: [Cobalt Strike]
    examples:
      match: [{text: "Cobalt Strike beacons.", expect: [Cobalt Strike]}]
`})
	b := writePack(t, map[string]string{"b.yaml": `
rules:
  - id: wide
    kind: gazetteer
    type: tool
    priority: 80
    description: replaced
    entries: [Cobalt Strike]
    examples:
      match: [{text: "Cobalt Strike beacons.", expect: [Cobalt Strike]}]
`})
	var got []string
	probs := lint(false, []string{a, b})
	if !sort.SliceIsSorted(probs, func(i, j int) bool {
		return probs[i].File < probs[j].File || probs[i].File == probs[j].File && probs[i].Line < probs[j].Line
	}) {
		t.Errorf("problems are not sorted by file and line: %v", probs)
	}
	for _, pr := range probs {
		got = append(got, fmt.Sprintf("%s:%d %s %s %s", filepath.Base(pr.File), pr.Line, pr.Severity, pr.RuleID, pr.Message))
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{
		"a.yaml:11 warning narrow unreachable: every match example is shadowed",
		"b.yaml:3 info wide overrides the rule at " + filepath.Join(a, "a.yaml") + ":3",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("want %q in:\n%s", want, joined)
		}
	}
}

func TestExampleFailuresExplainThemselves(t *testing.T) {
	p := packOf(t, `
rules:
  - id: long
    kind: gazetteer
    type: tool
    priority: 10
    entries: [Cobalt Strike]
  - id: short
    kind: gazetteer
    type: malware
    priority: 90
    entries: [Cobalt]
    examples:
      match: [{text: "Cobalt Strike beacons.", expect: [Cobalt]}]
      no_match: ["Cobalt is a metal."]
`)
	rs := p.Test(testAnalyzer(t))
	if len(rs) != 2 {
		t.Fatalf("want 2 results, got %+v", rs)
	}
	if rs[0].Pass || rs[0].ShadowedBy != "long" || !strings.Contains(rs[0].Message, `"Cobalt Strike" from rule "long" won`) {
		t.Errorf("match example: %+v", rs[0])
	}
	if rs[1].Pass || !strings.Contains(rs[1].Message, `produced "Cobalt"`) {
		t.Errorf("no_match example: %+v", rs[1])
	}
	var b strings.Builder
	if n := WriteTestReport(&b, rs, false); n != 2 || !strings.Contains(b.String(), "2 examples of 1 rules: 0 passed, 2 failed") {
		t.Errorf("report (%d failed):\n%s", n, b.String())
	}
}

func TestMatchIsSafeForConcurrentUse(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	text := ctiText(20000)
	want := fmt.Sprint(p.Match(text, an.Analyze(text), an))
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				if got := fmt.Sprint(p.Match(text, an.Analyze(text), an)); got != want {
					errs <- "concurrent Match gave a different result"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestMentionsAreSortedAndDisjoint(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	text := ctiText(50000)
	ms := p.Match(text, an.Analyze(text), an).Mentions
	if len(ms) == 0 {
		t.Fatal("no mentions in generated text")
	}
	if !sort.SliceIsSorted(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start }) {
		t.Error("mentions not sorted")
	}
	for i := 1; i < len(ms); i++ {
		if ms[i].Start < ms[i-1].End {
			t.Errorf("overlap: %+v and %+v", ms[i-1], ms[i])
		}
	}
	for _, m := range ms {
		if m.Rule == "" || !extractor.ValidEntityType(m.Type) {
			t.Errorf("mention without rule or with bad type: %+v", m)
		}
	}
}

// TestPrefilterNeverHidesAMatch checks the regex prefilters are sound: every
// token on which an indicator expression finds a match passes the filter,
// and every token a pattern regex matches passes the anchored filter.
func TestPrefilterNeverHidesAMatch(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	text := ctiText(200000) + " hxxp://a[.]b/c user(at)x{.}io 2001:db8::1 CVE-2020-0601 T1003 " +
		"7f83b1657ff1fc53b92dc18148a1d65dfc2d4b1fa3d677284addd200126d9069 UNC2452 TEMP.Veles G0007"
	var toks []string
	for _, s := range an.Analyze(text) {
		for _, tk := range s.Tokens {
			toks = append(toks, tk.Text)
		}
	}
	checked := 0
	for _, r := range p.tokRegex {
		for _, tk := range toks {
			if r.re.MatchString(tk) {
				checked++
				if !r.pf.allows(tk) {
					t.Errorf("rule %s: prefilter rejects %q, which matches", r.id, tk)
				}
			}
		}
	}
	for expr, id := range p.tokenREs {
		pf := analyse(expr)
		for _, tk := range toks {
			if p.tokenRE[id].MatchString(tk) {
				checked++
				if !pf.allowsAnchored(tk) {
					t.Errorf("token regex %s: prefilter rejects %q, which matches", expr, tk)
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d matching tokens checked", checked)
	}
	// And the filters do filter: the domain rule skips most words.
	pf := analyse(`(?i)\b(?:[a-z0-9]+(?:\.|\[\.\]))+[a-z]{2,24}\b`)
	if pf.allows("Typhoon") || !pf.allows("evil[.]com") || pf.minLen != 4 {
		t.Errorf("domain prefilter: %+v", pf)
	}
	if pf := analyse(`^(?:(?:APT|UNC)\d+)$`); pf.first == nil || !pf.first['A'] || !pf.first['U'] || pf.first['a'] || pf.minLen != 4 {
		t.Errorf("anchored prefilter: first %v, minLen %d", pf.first != nil, pf.minLen)
	}
}

func TestRegexScopeAndGroup(t *testing.T) {
	p := packOf(t, `
rules:
  - id: r.windows
    kind: regex
    type: tool
    scope: sentence
    regex: 'Windows (?:Server )?(?P<ver>20\d\d)'
  - id: r.year
    kind: regex
    type: campaign
    regex: 'year-(\d{4})'
    group: 1
  - id: r.version
    kind: regex
    type: tool
    regex: 'v(?P<n>\d+)'
    group: n
`)
	// Sentence scope spans tokens; group selects part of the match.
	same(t, "scope and group", found(t, p, "It targets Windows Server 2019 since year-2020, in v12."),
		[]string{"Windows Server 2019/tool/r.windows", "2020/campaign/r.year", "12/tool/r.version"})
}

func TestAliasAbbreviationOfRewordedKnownName(t *testing.T) {
	// A paraphrased report keeps a known abbreviation and swaps the words
	// it stands for: the name before the brackets, word for word the known
	// long form with one word the same, is its definition all the same.
	p := packOf(t, `
rules:
  - id: g.gov
    kind: gazetteer
    type: government
    priority: 70
    entries: [{name: Central Intelligence Agency, aliases: [CIA]}]
  - id: g.body
    kind: gazetteer
    type: government
    priority: 60
    entries: [Central Intelligence Bureau, Cyber Defence Command]
  - id: a.abbr
    kind: alias
    check: abbreviation
    pattern:
      - {entity: any, slot: name}
      - "("
      - {regex: '[A-Z]{2,6}', slot: alias}
      - ")"
`)
	an := testAnalyzer(t)
	links := func(text string) []string {
		var out []string
		for _, l := range p.Match(text, an.Analyze(text), an).Aliases {
			out = append(out, text[l.Name.Start:l.Name.End]+" = "+text[l.Alias.Start:l.Alias.End])
		}
		return out
	}
	same(t, "reworded", links("The Central Intelligence Bureau (CIA) ran it."), []string{"Central Intelligence Bureau = CIA"})
	same(t, "no word in common", links("The Cyber Defence Command (CIA) ran it."), nil)
}

func TestAliasOptions(t *testing.T) {
	p := packOf(t, `
rules:
  - id: g.gov
    kind: gazetteer
    type: government
    priority: 70
    entries: [Ministry of State Security]
  - id: g.place
    kind: gazetteer
    type: location
    priority: 70
    entries: [China]
  - id: a.abbr
    kind: alias
    check: abbreviation
    pattern:
      - {entity: any, slot: name}
      - "("
      - {regex: '[A-Z]{2,6}', slot: alias}
      - ")"
  - id: a.cross
    kind: alias
    cross_type: true
    pattern:
      - {entity: government, slot: name}
      - lower: of
      - {entity: location, slot: alias}
  - id: a.new
    kind: alias
    type: malware
    pattern:
      - {cshape: Xx, slot: name}
      - lower: alias
      - {cshape: Xx, slot: alias}
`)
	an := testAnalyzer(t)
	links := func(text string) []string {
		res := p.Match(text, an.Analyze(text), an)
		var out []string
		for _, l := range res.Aliases {
			out = append(out, text[l.Name.Start:l.Name.End]+" = "+text[l.Alias.Start:l.Alias.End]+" /"+l.Rule)
		}
		for _, m := range res.Mentions {
			out = append(out, m.Text+"/"+string(m.Type)+"/"+m.Canonical)
		}
		return out
	}
	same(t, "abbreviation", links("The Ministry of State Security (MSS) and Ministry of State Security (FBI)."),
		[]string{"Ministry of State Security = MSS /a.abbr", "Ministry of State Security/government/Ministry of State Security",
			"MSS/government/Ministry of State Security", "Ministry of State Security/government/Ministry of State Security"})
	same(t, "cross type", links("Ministry of State Security of China"),
		[]string{"Ministry of State Security = China /a.cross", "Ministry of State Security/government/Ministry of State Security",
			"China/location/China"})
	same(t, "both sides new", links("Then Zorg alias Blorg appeared."),
		[]string{"Zorg = Blorg /a.new", "Zorg/malware/", "Blorg/malware/Zorg"})
}

func TestLintDuplicateListInOnePack(t *testing.T) {
	dir := writePack(t, map[string]string{
		"a.yaml": "lists:\n  roles: [analyst]\n",
		"b.yaml": "lists:\n  roles: [director]\n",
	})
	var got []string
	for _, pr := range lint(false, []string{dir}) {
		got = append(got, fmt.Sprintf("%s:%d:%d %s %s", filepath.Base(pr.File), pr.Line, pr.Column, pr.Severity, pr.Message))
	}
	want := "b.yaml:2:3 error duplicate list \"roles\" (first defined at " + filepath.Join(dir, "a.yaml") + ":2)"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A user pack item with a space in a list of single words (the CTI
// vocabulary) would never match: lint warns of it at its line.
func TestLintMultiWordItemInSingleWordList(t *testing.T) {
	dir := writePack(t, map[string]string{
		"v.yaml": "lists:\n  rel_comparison_words: [similar,\n    \"similar to\", unlike]\n  capitalized_stopwords: [cyber security]\n",
	})
	var got []string
	for _, pr := range lint(true, []string{dir}) {
		if pr.Severity == SeverityWarning && filepath.Base(pr.File) == "v.yaml" {
			got = append(got, fmt.Sprintf("%s:%d %s", filepath.Base(pr.File), pr.Line, pr.Message))
		}
	}
	want := []string{
		`v.yaml:3 list "rel_comparison_words": item "similar to" has several words, but the list holds single words: it never matches`,
		`v.yaml:4 list "capitalized_stopwords": item "cyber security" has several words, but the list holds single words: it never matches`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A slot element whose types the rule excludes is a fault only when no other
// branch of its choice can fill the slot: shared anchors (a target list with
// a government-only branch) serve rules with different slot types.
func TestLintDeadSlotBranch(t *testing.T) {
	rule := func(branches string) string {
		return "rules:\n  - id: r\n    kind: relation\n    relation: affiliated-with\n    source: [threat-actor]\n" +
			"    target: [threat-actor]\n    description: d\n    pattern:\n      - {slot: source, entity: threat-actor}\n" +
			"      - {lower: with}\n      - or:\n" + branches
	}
	cases := []struct {
		name, branches string
		warn           bool
	}{
		{"one live branch", "          - {slot: target, entity: government}\n          - {slot: target, entity: threat-actor}\n", false},
		{"every branch dead", "          - {slot: target, entity: government}\n          - {slot: target, entity: location}\n", true},
		// A branch that fills no target does not make a dead sibling live.
		{"dead branch beside a slot-less branch", "          - [{slot: target, entity: government}]\n          - [{lower: nothing}]\n", true},
		{"dead branch beside a slot-less and a live branch", "          - [{slot: target, entity: government}]\n" +
			"          - [{lower: nothing}]\n          - [{slot: target, entity: threat-actor}]\n", false},
		{"slot-less branch beside a live branch", "          - [{slot: target, entity: threat-actor}]\n          - [{lower: nothing}]\n", false},
		// A live source does not forgive a dead target.
		{"dead target beside a live source", "          - [{slot: target, entity: government}]\n          - [{slot: source, entity: threat-actor}]\n", true},
		// Nested: the dead branch inside a seq of one branch, live target in another.
		{"nested dead branch with a live sibling", "          - [{lower: the}, {or: [[{slot: target, entity: location}], [{slot: target, entity: government}]]}]\n" +
			"          - [{slot: target, entity: threat-actor}]\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writePack(t, map[string]string{"r.yaml": rule(c.branches)})
			warned := false
			for _, pr := range lint(false, []string{dir}) {
				if pr.Severity == SeverityError {
					t.Fatalf("unexpected error: %s", pr.Message)
				}
				if strings.Contains(pr.Message, "accepts only entity types") {
					warned = true
				}
			}
			if warned != c.warn {
				t.Errorf("warned %v, want %v", warned, c.warn)
			}
		})
	}
}

// A list item "$name" stands for the items of list name, as in a rule.
func TestListHoldsAnotherList(t *testing.T) {
	p := packOf(t, `
lists:
  outer: [Quorvex, $inner]
  inner: [Tarnhold, Vesslar]
rules:
  - id: t.tool
    kind: pattern
    type: tool
    pattern: [{in: $outer, capture: true}]
`)
	same(t, "outer list", found(t, p, "Quorvex, Tarnhold and Vesslar ran."),
		[]string{"Quorvex/tool/t.tool", "Tarnhold/tool/t.tool", "Vesslar/tool/t.tool"})
}
