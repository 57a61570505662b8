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
// rules get a boundary there all the same (withEndBoundary), and the
// evidence ends with the list.
func TestListLastItemAtDocumentEnd(t *testing.T) {
	for _, text := range []string{
		"APT28 compromised three organisations:\n\n- Microsoft\n- the Ministry of Defence\n",
		"APT28 compromised three organisations:\n\n- Microsoft\n- the Ministry of Defence",
	} {
		got := corefRelations(t, text)
		if !hasRelation(got, "APT28 -targets-> Microsoft", "") ||
			!hasRelation(got, "APT28 -targets-> Ministry of Defence", "") {
			t.Errorf("%q: last item lost: %q", text, got)
		}
		p, err := Default()
		if err != nil {
			t.Fatal(err)
		}
		res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
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

// withEndBoundary adds its sentence only after a final bullet item without
// closing punctuation, and leaves the caller's sentences alone.
func TestWithEndBoundary(t *testing.T) {
	an := testAnalyzer(t)
	for text, want := range map[string]int{
		"Targets:\n\n- Orvane Logistics\n":  1,
		"Targets:\n\n- Orvane Logistics.\n": 0,
		"Orvane Logistics was hit\n":        0,
	} {
		sents := an.Analyze(text)
		n := len(sents)
		got := withEndBoundary(text, sents)
		if len(got)-n != want || len(sents) != n {
			t.Errorf("%q: %d sentences added, want %d", text, len(got)-n, want)
		}
	}
}
