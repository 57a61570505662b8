package rules

import (
	"os"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Tokens are compared in one spelling: the British one folds to the
// American in the case-folded key, and in the case-sensitive key with its
// case kept; words that merely start the same keep their own.
func TestSpellingFolds(t *testing.T) {
	for in, want := range map[string]string{
		"Defence": "defense", "organisations": "organizations", "LABOUR": "labor",
		"Centre": "center", "programme": "program", "centrefold": "centrefold", "defense": "defense",
	} {
		if got := foldKey(in); got != want {
			t.Errorf("foldKey(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"Centre": "Center", "CENTRE": "CENTER", "defence": "defense", "Labour": "Labor",
		"Centres": "Centers", "Centrefold": "Centrefold", "Defense": "Defense",
	} {
		if got := exactKey(in); got != want {
			t.Errorf("exactKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// The pack's "~" spelling groups of gazetteer_word_synonyms are spellings
// the tokens are folded to one already: a group the fold does not know
// would make a gazetteer name match in a spelling no other rule reads.
func TestSpellingGroupsFold(t *testing.T) {
	data, err := os.ReadFile("pack/gaz-governments.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Lists map[string][]string `yaml:"lists"`
	}
	if err := yaml.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, it := range f.Lists[listGazetteerWordSynonyms] {
		word, syns, _ := strings.Cut(it, ":")
		for _, s := range strings.Split(syns, "|") {
			if s = strings.TrimSpace(s); strings.HasPrefix(s, "~") {
				n++
				if foldKey(s[1:]) != foldKey(strings.TrimSpace(word)) {
					t.Errorf("spelling %q of %q does not fold to it (spelling.go)", s, word)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no spelling group found")
	}
}

// A report written in British spelling finds what the same report in
// American spelling finds: gazetteer names, pattern words, relation
// triggers and a body's subject word alike.
func TestSpellingVariantsFindTheSame(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	pairs := [][2]string{
		{"Snake was built by FSB Centre 16 in Ryazan.", "Snake was built by FSB Center 16 in Ryazan."},
		{"APT10 has been stealing intellectual property since 2012, mostly from defence and aerospace firms.",
			"APT10 has been stealing intellectual property since 2012, mostly from defense and aerospace firms."},
		{"Japan's defence minister said the Ministry of Defense was breached.",
			"Japan's defense minister said the Ministry of Defence was breached."},
		{"The crew spied on think tanks and human rights organisations.",
			"The crew spied on think tanks and human rights organizations."},
		{"Andariel targeted the Labour Party and the International Labour Organization.",
			"Andariel targeted the Labor Party and the International Labor Organization."},
	}
	for _, pr := range pairs {
		a, b := spellingFound(t, p, pr[0]), spellingFound(t, p, pr[1])
		if a != b {
			t.Errorf("%q finds\n  %s\nbut %q finds\n  %s", pr[0], a, pr[1], b)
		}
	}
}

// spellingFound lists what a text yields, spelling folded: each mention's type and
// rule and each relation's type and rule.
func spellingFound(t *testing.T, p *Pack, text string) string {
	t.Helper()
	r := matchText(t, p, text)
	var out []string
	for _, m := range r.Mentions {
		out = append(out, string(m.Type)+" "+m.Rule+" "+foldAllText(m.Text))
	}
	for _, rel := range r.Relations {
		out = append(out, string(rel.Type)+" "+rel.Rule)
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func foldAllText(s string) string {
	return strings.Join(foldAll(strings.Fields(s)), " ")
}

// A typographic possessive and an en dash used as a hyphen read as the
// plain ones: "the PLA’s Unit 61398" and "Beijing–based" find what "the
// PLA's Unit 61398" and "Beijing-based" find.
func TestTypographicMarksFindTheSame(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	pairs := [][2]string{
		{"A jury accuses Wang Dong and Gu Chunhui, all officers of the PLA's Unit 61398, of fraud.",
			"A jury accuses Wang Dong and Gu Chunhui, all officers of the PLA’s Unit 61398, of fraud."},
		{"Volt Typhoon, a Beijing-based state-sponsored crew, hit utilities.",
			"Volt Typhoon, a Beijing–based state–sponsored crew, hit utilities."},
		{"It spied on non-governmental organizations.", "It spied on non–governmental organizations."},
	}
	for _, pr := range pairs {
		a, b := spellingFound(t, p, pr[0]), spellingFound(t, p, pr[1])
		if strings.ReplaceAll(a, "–", "-") != strings.ReplaceAll(b, "–", "-") {
			t.Errorf("%q finds\n  %s\nbut %q finds\n  %s", pr[0], a, pr[1], b)
		}
	}
}
