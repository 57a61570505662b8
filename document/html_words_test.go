package document

import (
	"strings"
	"testing"
)

// The embedded word lists parse, and the sets the reader uses are theirs.
func TestHTMLWordsFile(t *testing.T) {
	w, err := parseHTMLWords(htmlWordsFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		list []string
		set  map[string]bool
	}{
		{w.BoilerplateTags, boilerplateTags}, {w.BoilerplateRoles, boilerplateRoles},
		{w.BoilerplateWords, boilerplateWords}, {w.BoilerplateTokens, boilerplateTokens},
		{w.AsideFurnitureWords, asideFurnitureWords}, {w.AsideFurnitureTokens, asideFurnitureTokens},
	} {
		for _, s := range c.list {
			if !c.set[s] {
				t.Errorf("%q of the file is not in the reader's set", s)
			}
		}
	}
	// the byline verbs reach the regular expressions
	if !bylineLead.MatchString("reporting by ada byron") || !bylinePrefix.MatchString("Written by Ada Byron") {
		t.Error("byline verbs of the file are not read")
	}
	if bylineLead.MatchString("edited by ada byron") {
		t.Error("a verb outside the file opens a byline")
	}
}

// A broken file is refused with the list it breaks.
func TestHTMLWordsFileErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"boilerplate_tags: [nav]\nunknown_list: [x]\n", "unknown_list"},
		{"boilerplate_tags: [Nav]\n", "lower-case"},
		{"boilerplate_tags: [nav]\n", "missing or empty"},
	} {
		if _, err := parseHTMLWords([]byte(c.text)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want an error with %q", c.text, err, c.want)
		}
	}
}
