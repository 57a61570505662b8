package rules

import "testing"

// "X, which Mandiant says is a unit of Y": the relative clause's predicate
// after its reporter and verb of saying is a predicate on X
// (reportedClauseVerbs, relation_aside.go); a denial in it still denies,
// and a verb that is not one of saying opens nothing.
func TestReportedRelativeClause(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, typ, src, tgt string
		want                bool
	}{
		{"The report names Amber Lynx, which Mandiant says is a unit of the GRU.", "part-of", "Amber Lynx", "GRU", true},
		{"Amber Lynx, which US officials believe is a subgroup of Storm-2210, hit Ukraine.", "part-of", "Amber Lynx", "Storm-2210", true},
		{"The report names Amber Lynx, which researchers say is part of Storm-2210.", "part-of", "Amber Lynx", "Storm-2210", true},
		{"The report names Amber Lynx, which Mandiant says is not a unit of the GRU.", "part-of", "Amber Lynx", "GRU", false},
		{"The report names Amber Lynx, which Mandiant compared with a unit of the GRU.", "part-of", "Amber Lynx", "GRU", false},
	}
	for _, c := range cases {
		res := p.Match(c.text, testAnalyzer(t).Analyze(c.text), testAnalyzer(t))
		found := false
		for _, r := range res.Relations {
			if r.Type == c.typ && c.text[r.Source.Start:r.Source.End] == c.src && c.text[r.Target.Start:r.Target.End] == c.tgt {
				found = true
			}
		}
		if found != c.want {
			t.Errorf("%q: %s -%s-> %s found %v, want %v (%+v)", c.text, c.src, c.typ, c.tgt, found, c.want, res.Relations)
		}
	}
}
