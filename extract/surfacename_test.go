package extract

import (
	"strings"
	"testing"
)

// singleSpaced is surfaceName's shortcut: true only where rebuilding the
// text with single spaces would change nothing.
func TestSingleSpacedMatchesFieldsJoin(t *testing.T) {
	for _, s := range []string{"", " ", "APT41", "Volt Typhoon", " Volt", "Volt ", "Volt  Typhoon", "Volt\tTyphoon",
		"Volt\nTyphoon", "Volt\u00a0Typhoon", "Volt\u3000Typhoon", "Bundesamt für Verfassungsschutz"} {
		if singleSpaced(s) && strings.Join(strings.Fields(s), " ") != s {
			t.Errorf("singleSpaced(%q) is true, but the text is not single-spaced", s)
		}
	}
	if !singleSpaced("Volt Typhoon") || singleSpaced("Volt  Typhoon") {
		t.Error("singleSpaced misjudges plain names")
	}
}
