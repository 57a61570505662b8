package extract

import (
	"strings"
	"testing"
	"unicode"

	"github.com/reportgraph/extractor/rules"
)

// rules.SingleSpaced is surfaceName's shortcut: true only where rebuilding the
// text with single spaces would change nothing.
func TestSingleSpacedMatchesFieldsJoin(t *testing.T) {
	for _, s := range []string{"", " ", "APT41", "Volt Typhoon", " Volt", "Volt ", "Volt  Typhoon", "Volt\tTyphoon",
		"Volt\nTyphoon", "Volt\u00a0Typhoon", "Volt\u3000Typhoon", "Bundesamt für Verfassungsschutz"} {
		if rules.SingleSpaced(s) && strings.Join(strings.Fields(s), " ") != s {
			t.Errorf("rules.SingleSpaced(%q) is true, but the text is not single-spaced", s)
		}
	}
	if !rules.SingleSpaced("Volt Typhoon") || rules.SingleSpaced("Volt  Typhoon") {
		t.Error("singleSpaced misjudges plain names")
	}
}

// NormalizeName's shortcut for plain ASCII names gives what the full
// rewrite gives.
func TestNormalizeNameShortcut(t *testing.T) {
	full := func(s string) string {
		out := strings.TrimFunc(rewriteName(s), func(r rune) bool { return unicode.IsPunct(r) && r != '#' && r != '&' })
		return strings.TrimPrefix(out, "the ")
	}
	for _, s := range []string{"", "APT41", "Volt Typhoon", "The Lazarus Group", "the lazarus group", "\"Acme\"", "Acme  Corp",
		" Acme", "Ac`me", "Acme\tCorp", "Société Générale", "Kaspersky’s GReAT", "AT&T", "#OpIsrael", "C\x7f"} {
		if got, want := NormalizeName(s), full(s); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", s, got, want)
		}
	}
}
