package rules

import (
	"slices"
	"strings"
	"testing"
)

// headlineRelations runs the default pack and returns the relations of its
// headline rule as "source -type-> target", with their coreference notes.
func defaultHeadlineRelations(t *testing.T, text string) (rels, notes []string) {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	for _, r := range res.Relations {
		if r.Rule == "rel.sponsored-by.headline" {
			rels = append(rels, text[r.Source.Start:r.Source.End]+" -"+r.Type+"-> "+text[r.Target.Start:r.Target.End])
			notes = append(notes, r.Coref)
		}
	}
	return rels, notes
}

func TestHeadlineRelatesTheActorToTheBodyOnItsSide(t *testing.T) {
	cases := []struct{ title, want string }{
		{"Six governments point at Moscow spy bureau over Kestrel Bear break-ins", "Kestrel Bear -sponsored-by-> Moscow spy bureau"},
		{"Actor profile: Kestrel Bear and the GRU", "Kestrel Bear -sponsored-by-> GRU"},
		{"Justice Department charges MSS officers over Kestrel Bear intrusions", "Kestrel Bear -sponsored-by-> MSS"},
		{"Inside the SVR hacking unit behind Kestrel Bear", "Kestrel Bear -sponsored-by-> SVR"},
	}
	for _, c := range cases {
		text := c.title + "\n\nThe report came out on Monday.\n"
		got, notes := defaultHeadlineRelations(t, text)
		if !slices.Contains(got, c.want) {
			t.Errorf("%q: want %q, got %q", c.title, c.want, got)
		}
		for _, n := range notes {
			if !strings.HasSuffix(n, TopicCorefNote) {
				t.Errorf("%q: coreference note %q does not lower the confidence", c.title, n)
			}
		}
	}
}

func TestHeadlineReadsTheHeaderBlockLineByLine(t *testing.T) {
	text := "ICS DIGEST 2026-02\nPersona profile: Kestrel Bear and the GRU\nCompiled by Dana Whitlow, Hallick Group\n\n" +
		"The persona appeared in 2022.\n"
	if got, _ := defaultHeadlineRelations(t, text); !slices.Contains(got, "Kestrel Bear -sponsored-by-> GRU") {
		t.Errorf("header line not read: %q", got)
	}
}

func TestHeadlineLeavesDefendersVictimsAndProseAlone(t *testing.T) {
	for _, text := range []string{
		// Enforcement: the body is the subject of the verb.
		"FBI took over a botnet Kestrel Bear built on hacked office routers\n\nThe operation ended on Friday.\n",
		"FBI links Kestrel Bear to new botnet\n\nThe bureau said little.\n",
		"Department of Justice disrupts Kestrel Bear infrastructure\n\nThe court order was unsealed.\n",
		// The body is the victim.
		"Kestrel Bear hits the Danish defence ministry\n\nStaff were told to change passwords.\n",
		// Negated.
		"No evidence Kestrel Bear linked to the GRU\n\nThe vendor was cautious.\n",
		// Two bodies on the attacker's side: which one is unclear.
		"Kestrel Bear and the GRU and the SVR\n\nNothing more.\n",
		// A wrapped line of a paragraph after the header block.
		"Title\n\nThe vendor wrote a long paragraph about the group and the\nGRU behind Kestrel Bear in its report of May\nand said more.\n",
	} {
		if got, _ := defaultHeadlineRelations(t, text); len(got) > 0 {
			t.Errorf("%q: want nothing, got %q", text, got)
		}
	}
}
