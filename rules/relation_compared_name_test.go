package rules

import (
	"strings"
	"testing"
)

// docFor matches text with the default pack's docState kept open for a
// helper's test; release it with the returned function.
func docFor(t *testing.T, text string) (*docState, func()) {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	d := docPool.Get().(*docState)
	d.init(p, text, an.Analyze(text), an, nil)
	return d, func() { d.reset(); docPool.Put(d) }
}

// tokenOf returns the index of the token whose text is w.
func tokenOf(t *testing.T, d *docState, w string) int {
	t.Helper()
	for i, x := range d.tokText {
		if x == w {
			return i
		}
	}
	t.Fatalf("no token %q in %q", w, strings.Join(d.tokText, " "))
	return -1
}

// A name a few words after a word of rel_comparison_words and "with" or
// "to" is what a tool is compared with, not one it uses.
func TestComparedNameWithOrTo(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"The analysts compared the loader with Quillspike.", true},
		{"The analysts compared it in spirit with Quillspike.", true},
		{"One researcher likened the loader to Quillspike.", true},
		{"The loader is comparable to Quillspike.", true},
		{"The loader worked with Quillspike.", false},
		{"The crew sent the loader to Quillspike.", false},
		// beyond the reach of four words
		{"They compared the loader and its many plugins with Quillspike.", false},
	}
	for _, c := range cases {
		d, done := docFor(t, c.text)
		if got := d.comparedName(tokenOf(t, d, "Quillspike")); got != c.want {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
		done()
	}
}

// A company's name opening a sentence is its short name when a staff noun
// of rel_company_staff_nouns follows: "Acme staff said".
func TestShortNameAtStaffNouns(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Tarnwell staff said the servers were down.", true},
		{"Tarnwell personnel said the servers were down.", true},
		{"Tarnwell Portal went down.", false},
	}
	for _, c := range cases {
		d, done := docFor(t, c.text)
		if got := d.shortNameAt(0, len("Tarnwell")); got != c.want {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
		done()
	}
}
