package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
)

// relaxedTexts are documents to compare the relaxed tries on: sentences
// the costliest relaxed rules are tried in, and some of the samples.
func relaxedTexts(t *testing.T) []string {
	texts := []string{
		"Wu Haibo worked for the Ministry of Public Security before founding his firm. " +
			"Ana Torres and Li Wen were described as officials of the Ministry of Intelligence. " +
			"Ana Torres, the lawyer, and Li Wen, the judge, questioned officers of the Ministry of Intelligence.",
		"Sharp Panda, a China-linked espionage crew, has targeted government agencies in Vietnam and Thailand since 2021. " +
			"The Journal reported that hackers had been inside Exxon Mobil for months. " +
			"APT28 tried to compromise the networks of the Ministry of Defence in Kyiv, Ukraine.",
	}
	files, _ := filepath.Glob(filepath.Join(testenv.RepoRoot(), "corpus", "samples", "*.txt"))
	for _, f := range files[:min(len(files), 12)] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}

// A relaxed try that skips token runs rest cannot follow says the same
// as one that counts every run, for every rule with part-of-speech tests
// at every token: a token run that gave up where a match was possible
// would drop relations and mentions without a trace.
func TestPrunedRelaxedTriesAgree(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var relaxed []*rule
	for _, r := range p.rules {
		if r.posTests || r.rel.usesPOS {
			relaxed = append(relaxed, r)
		}
	}
	if len(relaxed) < 10 {
		t.Fatalf("only %d rules with part-of-speech tests", len(relaxed))
	}
	an := testAnalyzer(t)
	tried, maybe, pruned := 0, 0, 0
	for _, text := range relaxedTexts(t) {
		d := docPool.Get().(*docState)
		d.init(p, text, an.Analyze(text), an, nil)
		p.stages(d)
		clear(d.tagged) // relaxed tries are made in untagged sentences
		for i := 0; i < len(d.tokText); i++ {
			hi := d.sentHi(i)
			for _, r := range relaxed {
				want := d.mayMatchRelaxed(r, i, hi, false)
				wantSteps := d.m.steps
				got := d.mayMatchUntagged(r, i, hi)
				if d.m.steps < wantSteps {
					pruned++
				}
				tried++
				if want {
					maybe++
				}
				// An unpruned try that ran out of steps says "may match"
				// without knowing (mayMatchRelaxed): the pruned one, which
				// spares those steps, may then know better. (The paraphrased
				// arid-viper news of wave 77 has such a run of 20,017 steps
				// for rel.employed-by.works-at.)
				if wantSteps > stepLimit && !got {
					continue
				}
				if got != want {
					t.Errorf("rule %s at %q (token %d): pruned relaxed try says %v, unpruned %v",
						r.id, d.tokText[i], i, got, want)
				}
			}
		}
		d.reset()
		docPool.Put(d)
	}
	// The comparison must have seen both answers, and the pruning must
	// have spared steps somewhere.
	if maybe == 0 || maybe == tried {
		t.Fatalf("%d of %d relaxed tries matched: nothing compared", maybe, tried)
	}
	if pruned == 0 {
		t.Fatalf("no relaxed try of %d took fewer steps pruned", tried)
	}
	t.Logf("%d relaxed tries, %d may match, %d spared steps", tried, maybe, pruned)
}
