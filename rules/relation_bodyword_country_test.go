package rules

import (
	"strings"
	"testing"
)

// relationStarting reports whether rels (as relations renders them) holds
// one that starts with prefix.
func relationStarting(rels []string, prefix string) bool {
	for _, r := range rels {
		if strings.HasPrefix(r, prefix) {
			return true
		}
	}
	return false
}

// A minister of a stated country works for that country's ministry, never
// for another state's body the document also names.
func TestPortfolioMinisterKeepsToTheStatedCountry(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, want string
		found      bool
	}{
		{"The UK's Foreign Office summoned the envoy. Wang Yi, China's foreign minister, rejected the claim.",
			"Wang Yi -employed-by-> Foreign Office", false},
		// a known British body, though the text names no country for it
		{"The Foreign Office summoned the envoy. Wang Yi, China's foreign minister, rejected the claim.",
			"Wang Yi -employed-by-> Foreign Office", false},
		// the stated country's ministry, past another state's nearer body
		{"China's Ministry of Foreign Affairs protested. The Foreign Office summoned the envoy. Wang Yi, China's foreign minister, rejected the claim.",
			"Wang Yi -employed-by-> Ministry of Foreign Affairs", true},
		{"Hackers breached the Ministry of Defense of Japan. Ana Torres, Japan's defence minister, spoke.",
			"Ana Torres -employed-by-> Ministry of Defense", true},
		// a body named with its country's adjective or name first
		{"Hackers breached the Japanese Ministry of Defense. Ana Torres, Japan's defence minister, spoke.",
			"Ana Torres -employed-by-> Japanese Ministry of Defense", true},
		{"Hackers breached the Russian Ministry of Defence. Ana Torres, Japan's defence minister, spoke.",
			"Ana Torres -employed-by-> Russian Ministry of Defence", false},
		// a cabinet minister holds a rank, no portfolio
		{"The Cabinet Office was hit. Ana Torres, the cabinet minister, said the data was safe.",
			"Ana Torres -employed-by-> Cabinet Office", false},
		{"The Cabinet Office was hit. Cabinet Minister Ana Torres said the data was safe.",
			"Ana Torres -employed-by-> Cabinet Office", false},
		// no country stated: not another state's ministry while the
		// minister's paragraph speaks of another country
		{"China's foreign ministry denied it.\n\nIn October Foreign Minister Ana Torres said Russia was to blame.",
			"Ana Torres -employed-by-> foreign ministry", false},
		{"China's foreign ministry denied it.\n\nIn October Foreign Minister Ana Torres said China was to blame.",
			"Ana Torres -employed-by-> foreign ministry", true},
		// no country stated: the nearest body of the portfolio
		{"The Interior Ministry was hit. Ana Torres, the interior minister, said the data was safe.",
			"Ana Torres -employed-by-> Interior Ministry", true},
	}
	for _, c := range cases {
		rels := relations(t, p, c.text)
		if relationStarting(rels, c.want) != c.found {
			t.Errorf("%q: want %q found=%v, got %q", c.text, c.want, c.found, rels)
		}
	}
}

// The comma that closes a fronted clause is no apposition's: the name
// after it is the main clause's subject.
func TestAppositionDoesNotCrossAFrontedClause(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	const ministry = "The Ministry of Defence was hit. "
	cases := []struct {
		text  string
		found bool
	}{
		{"After meeting the defence minister, Ana Torres flew home.", false},
		{"Since talks with the defence minister, Ana Torres has said little.", false},
		// the name closed by a comma of its own is the apposition
		{"While the defence minister, Ana Torres, was abroad, the data leaked.", true},
		// the fronted phrase ends before the apposition
		{"After the breach, the defence minister, Ana Torres, resigned.", true},
		// "as" says what she is
		{"As the defence minister, Ana Torres signed the order.", true},
	}
	for _, c := range cases {
		rels := relations(t, p, ministry+c.text)
		if relationStarting(rels, "Ana Torres -employed-by-> Ministry of Defence") != c.found {
			t.Errorf("%q: want found=%v, got %q", c.text, c.found, rels)
		}
	}
}
