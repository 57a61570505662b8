package extract

import (
	"slices"
	"testing"
)

// A far pair (mentions two sentences apart) reads the words of the sentence
// between them: two documents that differ only in that sentence must give
// the pair different features, whatever other candidates the document has.
func TestPairFarCandidateReadsMiddleSentence(t *testing.T) {
	pack := defaultPack(t)
	m, err := LoadPairModel(pairModelMeta, pairModelWeights, pack)
	if err != nil {
		t.Fatal(err)
	}
	x := extractorOn(t, pack)
	feats := func(middle string) []uint32 {
		text := "APT41 is a hacking group. " + middle + " PlugX is its backdoor."
		r, ds := resolvedText(t, x, pack, text)
		name := map[string]string{}
		for _, e := range ds.Entities {
			name[e.ID] = e.Name
		}
		for _, c := range m.Candidates([]*DocResult{r}, ds, true) {
			if name[c.Source] == "APT41" && name[c.Target] == "PlugX" {
				f := append([]uint32(nil), c.Features...)
				slices.Sort(f)
				return f
			}
		}
		t.Fatalf("no APT41 -> PlugX candidate in %q", text)
		return nil
	}
	uses := feats("It deployed and leveraged tools.")
	other := feats("It admired and praised flowers.")
	if slices.Equal(uses, other) {
		t.Error("the words of the sentence between a far pair's mentions change none of its features")
	}
}
