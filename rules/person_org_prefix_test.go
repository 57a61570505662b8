package rules

import (
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

// A body's name written by its first words before a verb of saying is the
// body, not a person; a given name keeps a founder a person.
func TestBodyPrefixPersonsRetyped(t *testing.T) {
	p := bodyPrefixPack(t, "Silver Harbor Analytics", "Charles Quill Holdings")
	cases := []struct {
		text string
		want []string
	}{
		{"Silver Harbor Analytics studied the lures. Silver Harbor said the loader was new.",
			[]string{"Silver Harbor Analytics/organization/g.org", "Silver Harbor/organization/p.said"}},
		// The short form first, the full name later.
		{"Silver Harbor said the loader was new, according to Silver Harbor Analytics.",
			[]string{"Silver Harbor/organization/p.said", "Silver Harbor Analytics/organization/g.org"}},
		// A given name: the founder of an eponymous firm stays a person.
		{"Charles Quill Holdings was sold. Charles Quill said he regretted it.",
			[]string{"Charles Quill Holdings/organization/g.org", "Charles Quill/person/p.said"}},
		// No body opens with the pair: a person.
		{"Silver Harbor was calm. Marta Vesely said the loader was new.",
			[]string{"Marta Vesely/person/p.said"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
	// The short form is the body's: it takes the body's canonical name,
	// and a pair two bodies open with is nobody's short form.
	canon := func(text, short string) string {
		res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
		for _, m := range res.Mentions {
			if m.Text == short {
				return string(m.Type) + ":" + m.Canonical
			}
		}
		return "none"
	}
	if got := canon("Silver Harbor Analytics studied the lures. Silver Harbor said the loader was new.", "Silver Harbor"); got != "organization:Silver Harbor Analytics" {
		t.Errorf("short form: got %s, want the body's canonical name", got)
	}
	p2 := bodyPrefixPack(t, "Silver Harbor Analytics", "Silver Harbor Shipping")
	text := "Silver Harbor Analytics studied Silver Harbor Shipping. Silver Harbor said the loader was new."
	res := p2.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	for _, m := range res.Mentions {
		if m.Text == "Silver Harbor" && (m.Type != "organization" || m.Canonical != "") {
			t.Errorf("a pair two bodies open with: got %s %q, want an organisation of its own", m.Type, m.Canonical)
		}
	}
}

// A pattern that captures a known name as another type keeps the name's
// canonical name when the text writes the name itself, not a short form.
func TestRetypedNameKeepsCanonical(t *testing.T) {
	p := packOf(t, `
rules:
  - id: g.mal
    kind: gazetteer
    type: malware
    priority: 68
    case: auto
    entries:
      - {name: Fernwick}
      - {name: Harbor Point Labs, aliases: [Harbor Point]}
  - id: p.aka
    kind: pattern
    type: threat-actor
    priority: 76
    stage: 2
    pattern:
      - {lower: "aka"}
      - {entity: malware, capture: true}
`)
	checkMentions(t, p, []mentionCase{
		{"The crew (aka Fernwick) returned.", []string{"Fernwick/threat-actor/Fernwick"}},
		// A short form of the entry is not its entity once read as something else.
		{"The crew (aka Harbor Point) returned.", []string{"Harbor Point/threat-actor/"}},
	}, func(m extractor.Mention) string { return textType(m) + "/" + m.Canonical })
}

// bodyPrefixPack is a pack with the organisations named, "charles" as a
// given name, and a rule typing two capitalised words before "said" as a
// person.
func bodyPrefixPack(t *testing.T, orgs ...string) *Pack {
	t.Helper()
	var entries strings.Builder
	for _, o := range orgs {
		entries.WriteString("      - {name: " + o + "}\n")
	}
	return packOf(t, `
lists:
  given_names: [charles]
rules:
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 68
    case: auto
    entries:
`+entries.String()+`  - id: p.said
    kind: pattern
    type: person
    priority: 58
    pattern:
      - {regex: '\p{Lu}\p{Ll}+', repeat: "2", capture: true}
      - {lower: said}
`)
}
