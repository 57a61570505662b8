package rules

import "testing"

// A name after a preposition is no subject, unless a relative clause is
// about it: right after its comma, or after a short apposition set off by
// commas ("a lawyer", "B's business partner").
func TestRelativeClauseAfterApposition(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, src, tgt string
	}{
		{"The stolen files were meant for Anton Belov, Gao Yan's business partner, who lives in Russia.", "Anton Belov", "Russia"},
		{"Police wrote to Anton Belov, a lawyer, who lived in Poland.", "Anton Belov", "Poland"},
		{"The files went to Anton Belov, who lived in Russia.", "Anton Belov", "Russia"},
	}
	for _, c := range cases {
		res := p.Match(c.text, testAnalyzer(t).Analyze(c.text), testAnalyzer(t))
		found := false
		for _, r := range res.Relations {
			if r.Type == "located-in" && c.text[r.Source.Start:r.Source.End] == c.src && c.text[r.Target.Start:r.Target.End] == c.tgt {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no %s -located-in-> %s in %+v", c.text, c.src, c.tgt, res.Relations)
		}
	}
	// An apposition that goes on as a list names no subject.
	text := "Police wrote to Anton Belov, a lawyer and a friend, who lived in Poland."
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	for _, r := range res.Relations {
		if text[r.Source.Start:r.Source.End] == "Anton Belov" {
			t.Errorf("%q: unexpected %+v", text, r)
		}
	}
}
