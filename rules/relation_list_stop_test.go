package rules

import (
	"strings"
	"testing"
)

// The last bullet item of a list read with its intro is a target though no
// punctuation closes it, and the evidence's sentences end with the list.
func TestListLastItemWithoutStop(t *testing.T) {
	text := "APT99 compromised several organisations:\n\n- Siemens\n- the Department of Energy\n\nThe advisory ends here.\n"
	got := corefRelations(t, text)
	if !hasRelation(got, "APT99 -targets-> Department of Energy", "") {
		t.Errorf("last item lost: %q", got)
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	for _, r := range res.Relations {
		if strings.Contains(text[r.Sentence.Start:r.Sentence.End], "advisory ends") {
			t.Errorf("evidence runs past the list: %q", text[r.Sentence.Start:r.Sentence.End])
		}
	}
}

// A list that ends the document has no token after its last item: the
// relation rules' list reading gets a "." after it all the same
// (listEndStop), and the evidence and mentions stay inside the text.
func TestListLastItemAtDocumentEnd(t *testing.T) {
	for _, text := range []string{
		"APT99 compromised several organisations:\n\n- Siemens\n- the Department of Energy\n",
		"APT99 compromised several organisations:\n\n- Siemens\n- the Department of Energy",
		"APT28 compromised three organisations:\n\n- Microsoft\n- the Ministry of Defence\n",
	} {
		got := corefRelations(t, text)
		first, last := "APT99 -targets-> Siemens", "APT99 -targets-> Department of Energy"
		if strings.HasPrefix(text, "APT28") {
			first, last = "APT28 -targets-> Microsoft", "APT28 -targets-> Ministry of Defence"
		}
		if !hasRelation(got, first, "") || !hasRelation(got, last, "") {
			t.Errorf("%q: last item lost: %q", text, got)
		}
		p, err := Default()
		if err != nil {
			t.Fatal(err)
		}
		an := testAnalyzer(t)
		sents := an.Analyze(text)
		n := len(sents)
		res := p.Match(text, sents, an)
		if len(sents) != n {
			t.Errorf("%q: the caller's sentences changed", text)
		}
		for _, r := range res.Relations {
			if r.Sentence.End > len(text) {
				t.Errorf("evidence past the text: %d > %d", r.Sentence.End, len(text))
			}
		}
		for _, m := range res.Mentions {
			if m.End > len(text) || m.Start >= m.End {
				t.Errorf("mention out of the text: %+v", m)
			}
		}
	}
}

// A place in one bullet item is where that item's victims are, not where
// the other items' are: the list read as one sentence ("compromised A and
// B and energy firms in Finland") gives located-in for its own item only,
// with or without a line after the list.
func TestListItemPlaceStaysInItsItem(t *testing.T) {
	for _, tail := range []string{"", "\nThe advisory ends here.\n"} {
		text := "APT28 is an espionage group. APT28 phishes shipping staff.\n\nSectors and organisations singled out:\n- Microsoft\n- the Ministry of Defence\n- energy companies in Finland\n" + tail
		got := corefRelations(t, text)
		if !hasRelation(got, "APT28 -targets-> Ministry of Defence", "") || !hasRelation(got, "energy companies -located-in-> Finland", "") {
			t.Errorf("%q: %q", text, got)
		}
		for _, wrong := range []string{"Microsoft -located-in-> Finland", "Ministry of Defence -located-in-> Finland"} {
			if hasRelation(got, wrong, "") {
				t.Errorf("%q: %s across list items", text, wrong)
			}
		}
	}
}
