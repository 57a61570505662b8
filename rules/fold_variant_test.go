package rules

import "testing"

// The British spellings of "among" and "while" fold to the common ones, so
// a rule written with "among them" reads "Amongst them" too; other words,
// and words that merely start the same, keep their own fold.
func TestFoldKeyVariants(t *testing.T) {
	for in, want := range map[string]string{
		"amongst":  "among",
		"Amongst":  "among",
		"AMONGST":  "among",
		"whilst":   "while",
		"Whilst":   "while",
		"among":    "among",
		"amongsts": "amongsts",
		"whilsts":  "whilsts",
		"People’s": "people's",
		"Amongst’": "amongst'",
	} {
		if got := foldKey(in); got != want {
			t.Errorf("foldKey(%q) = %q, want %q", in, got, want)
		}
	}
}
