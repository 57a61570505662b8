package rules

import (
	"math/rand"
	"testing"
)

// The ASCII automaton of a token regex must accept exactly what the regex
// accepts: checked on every token regex of the default pack, on the tokens
// of generated report text and on random strings of the bytes that matter.
func TestTokenDFAAgreesWithRegexp(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	var words []string
	for _, s := range an.Analyze(ctiText(60000) + " APT 28 TEMP.Veles admin@338 e-mail Kim Jong-un O'Brien 2024 x.exe C++ .NET IT RAT") {
		for _, tk := range s.Tokens {
			words = append(words, tk.Text)
		}
	}
	rng := rand.New(rand.NewSource(3))
	const alphabet = "aAbBzZ09-_.'@&,)( \n\tiIkKsSTtGgeE5"
	for k := 0; k < 20000; k++ {
		b := make([]byte, rng.Intn(12))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		words = append(words, string(b))
	}
	words = append(words, "", "\u00c9cole", "Caf\u00e9", "\u2019s")
	built, checked := 0, 0
	for expr, id := range p.tokenREs {
		dfa := p.tokenDFA[id]
		if dfa == nil {
			t.Logf("no automaton for %s", expr)
			continue
		}
		built++
		re := p.tokenRE[id]
		for _, w := range words {
			got, ascii := dfa.match(w)
			if !ascii {
				continue
			}
			checked++
			if want := re.MatchString(w); got != want {
				t.Errorf("%s on %q: automaton %v, regexp %v", expr, w, got, want)
			}
		}
	}
	if built < len(p.tokenREs)*3/4 {
		t.Errorf("only %d of %d token regexes have an automaton", built, len(p.tokenREs))
	}
	t.Logf("%d of %d token regexes have an automaton; %d comparisons", built, len(p.tokenREs), checked)
}

func TestTokenDFAShapes(t *testing.T) {
	for _, c := range []struct {
		expr string
		ok   []string
		no   []string
	}{
		{`^(?:\p{Lu}[\p{L}\p{N}-]*)$`, []string{"APT41", "Volt", "X"}, []string{"", "volt", "Volt Typhoon", "A."}},
		{`^(?:(?i)(state|government)-.*)$`, []string{"State-backed", "government-"}, []string{"states", "stateX"}},
		{`^(?:\d{1,3})$`, []string{"7", "123"}, []string{"1234", ""}},
		{`^(?:a|)$`, []string{"", "a"}, []string{"b", "aa"}},
		{`^abc`, []string{"abc", "abcdef"}, []string{"ab", "xabc"}},
	} {
		a := buildASCIIDFA(c.expr)
		if a == nil {
			t.Errorf("%s: no automaton", c.expr)
			continue
		}
		for _, s := range c.ok {
			if m, _ := a.match(s); !m {
				t.Errorf("%s should match %q", c.expr, s)
			}
		}
		for _, s := range c.no {
			if m, _ := a.match(s); m {
				t.Errorf("%s should not match %q", c.expr, s)
			}
		}
	}
	if buildASCIIDFA(`\bfoo`) != nil || buildASCIIDFA(`foo`) != nil {
		t.Errorf("an automaton for an unanchored expression or a word boundary")
	}
}
