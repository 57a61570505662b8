package rules

import (
	"math/rand"
	"slices"
	"testing"
)

// Looking for indicator matches piece by piece must find exactly what the
// expressions find in the whole token.
func TestRegexPiecesFindWhatWholeTokensDo(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	var toks []string
	for _, s := range an.Analyze(ctiText(100000)) {
		for _, tk := range s.Tokens {
			toks = append(toks, tk.Text)
		}
	}
	toks = append(toks, "https://evil.example.com/a_b/c.php?u=x@y.org&h=2001:db8::1", "hxxp://bad[.]site[.]ru:8080/x",
		"user(at)mail{.}io/z", "_evil.com", "evil.com_", "a.b/c.d:e.f", "CVE-2021-44228/T1059.001", "10.0.0.1:443/x")
	rng := rand.New(rand.NewSource(5))
	const alphabet = "abcxyzAE019-_.:/?=&@[]()%#:fe"
	for k := 0; k < 20000; k++ {
		b := make([]byte, 4+rng.Intn(30))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		toks = append(toks, string(b))
	}
	cutRules := 0
	for _, r := range p.tokRegex {
		if r.cut != nil {
			cutRules++
		}
	}
	if cutRules < 3 {
		t.Errorf("only %d indicator expressions are looked for piece by piece", cutRules)
	}
	d := &docState{p: p}
	found := 0
	for _, tk := range toks {
		var want []tokHit
		for ri, r := range p.tokRegex {
			if r.pf.allows(tk) {
				want = r.regexHits(int32(ri), tk, 0, want)
			}
		}
		got := d.tokenRegexHits(tk, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: pieces give %v, the whole token %v", tk, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d matches compared", found)
	}
}
