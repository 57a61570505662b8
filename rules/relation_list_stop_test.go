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
