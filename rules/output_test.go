package rules

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
)

// loadWith compiles the default pack plus one user file.
func loadWith(t *testing.T, yaml string) *Pack {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func matchText(t *testing.T, p *Pack, text string) Result {
	t.Helper()
	an, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	return p.Match(text, an.Analyze(text), an)
}

// mentionCase is a text and the mentions a pack must find in it, in order,
// each as the test renders it.
type mentionCase struct {
	text string
	want []string
}

// checkMentions reports each case whose mentions, rendered by show, are
// not its want.
func checkMentions(t *testing.T, p *Pack, cases []mentionCase, show func(extractor.Mention) string) {
	t.Helper()
	for _, c := range cases {
		var got []string
		an := testAnalyzer(t)
		for _, m := range p.Match(c.text, an.Analyze(c.text), an).Mentions {
			got = append(got, show(m))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// textType renders a mention as "text/type".
func textType(m extractor.Mention) string { return m.Text + "/" + string(m.Type) }

func TestCanonicalInnerKeepsTheKnownName(t *testing.T) {
	p := loadWith(t, `
rules:
  - id: t.actor
    kind: gazetteer
    type: threat-actor
    priority: 80
    entries: [{name: Zorbex Nine, aliases: [Zorbex]}]
  - id: t.actor-crew
    kind: pattern
    type: threat-actor
    priority: 80
    stage: 2
    canonical: inner
    pattern: [{entity: threat-actor}, {lower: crew}]
`)
	res := matchText(t, p, "The Zorbex crew struck again.")
	if len(res.Mentions) != 1 {
		t.Fatalf("mentions = %+v, want one", res.Mentions)
	}
	m := res.Mentions[0]
	if m.Text != "Zorbex crew" || m.Canonical != "Zorbex Nine" || m.Rule != "t.actor-crew" {
		t.Errorf("got %q canonical %q from %s, want \"Zorbex crew\" canonical \"Zorbex Nine\" from t.actor-crew", m.Text, m.Canonical, m.Rule)
	}
}

func TestCanonicalRejectsUnknownValue(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.yaml"), []byte(`
rules:
  - {id: t.bad, kind: pattern, type: threat-actor, canonical: outer, pattern: [{lower: crew}]}
`), 0o644)
	if _, err := Load(dir); err == nil {
		t.Fatal("canonical: outer was accepted")
	}
}

func TestSuppressHidesWhatItCovers(t *testing.T) {
	p := loadWith(t, `
rules:
  - id: t.vendor
    kind: gazetteer
    type: organization
    priority: 80
    entries: [Quarkly]
  - id: t.product
    kind: pattern
    type: tool
    stage: 2
    suppress: true
    pattern: [{entity: organization}, {text: Desk}]
`)
	text := "Quarkly Desk was patched, Quarkly said."
	res := matchText(t, p, text)
	if len(res.Mentions) != 1 || res.Mentions[0].Text != "Quarkly" || res.Mentions[0].Start != strings.LastIndex(text, "Quarkly") {
		t.Fatalf("mentions = %+v, want only the second Quarkly", res.Mentions)
	}
}

func TestCompoundsMatchTheHeadOfAHyphenatedToken(t *testing.T) {
	p := loadWith(t, `
rules:
  - id: t.place
    kind: gazetteer
    type: location
    priority: 80
    compounds: [based, speaking]
    entries: [{name: North Vexland, aliases: [Vexlandic]}, {name: Ostria}]
`)
	res := matchText(t, p, "A North Vexland-based crew, Vexlandic-speaking staff, Ostria-made tools and ostria-based ones.")
	got := map[string]string{}
	for _, m := range res.Mentions {
		if m.Rule == "t.place" {
			got[m.Text] = m.Canonical
		}
	}
	want := map[string]string{"North Vexland-based": "North Vexland", "Vexlandic-speaking": "North Vexland"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v (no tail \"made\", no lower-case head)", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q: canonical %q, want %q", k, got[k], v)
		}
	}
}

// A rewriter swaps the tail of "Tokyo-based" for a word no list holds
// ("Tokyo-established"): with "*" among its compounds a gazetteer takes any
// lower-case tail, but not a capitalised or numeric one ("Ostria-Vexland",
// "Ostria-2023").
func TestCompoundAnyLowerCaseTail(t *testing.T) {
	p := loadWith(t, `
rules:
  - id: t.place
    kind: gazetteer
    type: location
    priority: 80
    compounds: [based, "*"]
    entries: [{name: North Vexland}, {name: Ostria}]
`)
	res := matchText(t, p, "A North Vexland-established crew, Ostria-grounded staff, Ostria-Vexland talks and Ostria-2023 files.")
	var got []string
	for _, m := range res.Mentions {
		if m.Rule == "t.place" {
			got = append(got, m.Text)
		}
	}
	want := []string{"North Vexland-established", "Ostria-grounded"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// A stop word is a generic word; a mention named by its whole match
// (canonical: match) is the entity of that longer name, so the stop list
// must not drop it for its captured word alone.
func TestStopListReadsTheNameOfACanonicalMatch(t *testing.T) {
	p := loadWith(t, `
rules:
  - id: t.stop
    kind: stop
    types: [government]
    words: [council]
  - id: t.city-council
    kind: pattern
    type: government
    stage: 2
    canonical: match
    pattern: [{entity: location}, {text: "'s"}, {lower: council, capture: true}]
  - id: t.bare-council
    kind: pattern
    type: government
    pattern: [{text: the}, {lower: council, capture: true}]
`)
	res := matchText(t, p, "Lisbon's council met; the council adjourned.")
	var got []string
	for _, m := range res.Mentions {
		if m.Type == "government" {
			got = append(got, m.Text+"="+m.Canonical)
		}
	}
	if len(got) != 1 || got[0] != "council=Lisbon's council" {
		t.Fatalf("government mentions = %v, want only council=Lisbon's council", got)
	}
}
