package extract

import (
	"testing"

	"github.com/reportgraph/extractor"
)

// A company named only as the first word of a longer capitalised name is
// the maker of the product or service the sentence speaks of ("Adobe
// Reader", "Google Defender"), not a victim: the model proposes no
// `targets` towards it through such mentions, and a pair whose evidence
// also names the company on its own stays a candidate.
func TestMakerInProductName(t *testing.T) {
	for _, c := range []struct {
		text string
		end  int
		want bool
	}{
		{"like Microsoft Word, Exchange, and Adobe Reader, to gain", len("like Microsoft Word, Exchange, and Adobe"), true},
		{`masquerading as "Google Defender" for Gmail users`, len(`masquerading as "Google`), true},
		{"from Pulse Secure Connect logs.", len("from Pulse Secure"), true},
		{"the update servers of ASUS, the maker", len("the update servers of ASUS"), false},
		{"to manipulate SWIFT messages", len("to manipulate SWIFT"), false},
		{"against Adobe.", len("against Adobe"), false},
		{"against Adobe", len("against Adobe"), false},
	} {
		if got := opensLongerName(c.text, c.end); got != c.want {
			t.Errorf("%q at %d: %v, want %v", c.text, c.end, got, c.want)
		}
	}

	pack := defaultPack(t)
	m := pairModelOn(t, pack)
	x := extractorOn(t, pack)
	inName := func(text, target string) (found, flagged bool) {
		r, ds := resolvedText(t, x, pack, text)
		for _, c := range m.Candidates([]*DocResult{r}, ds, true) {
			if c.Target == target && c.types[0] == string(extractor.ThreatActor) {
				found = true
				flagged = flagged || c.tgtInName
			}
		}
		return found, flagged
	}
	// (Not "Adobe Reader": a gazetteer names that product whole, so no
	// "Adobe" mention is left to flag.)
	if found, flagged := inName("APT29 has lured users with fake client software, like Microsoft Word, Exchange, and Google Defender, to gain code execution.", "organization:google"); !found || !flagged {
		t.Errorf("APT29 and Google in \"Google Defender\": candidate %v, maker flagged %v; want both", found, flagged)
	}
	if found, flagged := inName("APT29 compromised the update servers of Adobe, the maker of Adobe Reader, in 2021.", "organization:adobe"); !found || flagged {
		t.Errorf("APT29 and Adobe named on its own: candidate %v, maker flagged %v; want a candidate, not flagged", found, flagged)
	}

	allowed := []TypePair{{Source: "threat-actor", Target: "organization", Relations: []string{"targets", "affiliated-with"}}}
	pm, err := NewPairModel([]string{NoRelation, "affiliated-with", "targets"}, allowed, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	pm.Bias[2] = 1 // targets is the likeliest
	cand := PairCandidate{Doc: "d", Source: "threat-actor:x", Target: "organization:y", Features: []uint32{1},
		types: [2]string{"threat-actor", "organization"}, text: "X hit Y Reader.", Evidence: extractor.Span{Start: 0, End: 15},
		tgtInName: true}
	ds := &extractor.Dataset{}
	pm.ProposeFrom(ds, []PairCandidate{cand}, 0.1)
	if len(ds.Relations) != 0 {
		t.Errorf("a targets proposal through the maker's name in a product's: %v", ds.Relations)
	}
	cand.tgtInName = false
	pm.ProposeFrom(ds, []PairCandidate{cand}, 0.1)
	if len(ds.Relations) != 1 {
		t.Errorf("the same candidate without the product name gave %d relations, want 1", len(ds.Relations))
	}
}
