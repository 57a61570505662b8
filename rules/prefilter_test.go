package rules

import (
	"math/rand"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode"
)

// The factor prefilter skips tokens that lack a run every match holds.
func TestFactorPrefilterSkipsTokensWithoutTheRun(t *testing.T) {
	md5 := analyse(`\b[A-Fa-f0-9]{32}\b`)
	if md5.allows("https://example.com/deadbeef/cafe0123456789abcdef01234567") {
		t.Error("md5 prefilter lets a token with a 28-digit hex run through")
	}
	if !md5.allows("see:0123456789abcdef0123456789ABCDEF") {
		t.Error("md5 prefilter rejects a 32-digit hex run")
	}
	cve := analyse(`(?i)\bCVE-\d{4}-\d{4,7}\b`)
	for _, s := range []string{"CVE-IDs", "cves-2021", "CVE-2021-442"} {
		if cve.allows(s) {
			t.Errorf("CVE prefilter lets %q through", s)
		}
	}
	if !cve.allows("(cve-2021-44228)") {
		t.Error("CVE prefilter rejects a lower-case id")
	}
	year := analyse(`^(?:(?:19|20)\d\d)$`)
	if year.allowsAnchored("2020s") || year.allowsAnchored("x2020") || !year.allowsAnchored("1999") {
		t.Error("anchored prefilter does not test the start and end runs")
	}
}

// Whatever the expression, the prefilter never rejects a string that
// matches: checked on strings generated from each expression (case
// variants include multi-byte folds such as the Kelvin sign for k), with
// random text around them.
func TestFactorPrefilterIsSound(t *testing.T) {
	exprs := []string{
		`\b[A-Fa-f0-9]{8}\b`, `(?i)\bab-\d{2,3}\b`, `(?i)kiss-\d`, `(?i)sk[a-z]{2}`, `T1\d{2}(?:\.\d{2})?`,
		`(?:ab|abc|d)-\d`, `x(?:\.|\[\.\])y`, `(?:é|e)\d\d`, `é[a-c]{2}`, `a.b\d`, `(?:ab){2,3}c`, `(?:a\d){2}`,
		`[^a]bc\d`, `\d+-\d+`, `(?:[0-9a-f]{0,2}:){2,3}[0-9a-f]{0,2}`, `(?:cd|ef)+gh`, `\p{Lu}b\d`, `(?i)Straße\d`,
	}
	noise := []string{"a", "k", "Z", "0", "-", ".", " ", "é", "\u212a", "\xff"}
	rng := rand.New(rand.NewSource(7))
	for _, e := range exprs {
		for _, anchored := range []bool{false, true} {
			expr := e
			if anchored {
				expr = "^(?:" + e + ")$"
			}
			re := regexp.MustCompile(expr)
			tree, err := syntax.Parse(expr, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			pf := analyse(expr)
			matched := 0
			for n := 0; n < 2000; n++ {
				var b strings.Builder
				for k := rng.Intn(3); k > 0; k-- {
					b.WriteString(noise[rng.Intn(len(noise))])
				}
				generate(&b, tree, rng)
				for k := rng.Intn(3); k > 0; k-- {
					b.WriteString(noise[rng.Intn(len(noise))])
				}
				s := b.String()
				if !re.MatchString(s) {
					continue
				}
				matched++
				ok := pf.allows(s)
				if anchored {
					ok = pf.allowsAnchored(s)
				}
				if !ok {
					t.Errorf("%s: prefilter rejects %q, which matches", expr, s)
				}
			}
			if matched < 100 {
				t.Errorf("%s: only %d generated strings match", expr, matched)
			}
		}
	}
}

// generate writes a random string of the language of re (ignoring
// assertions such as \b, which the caller checks by matching).
func generate(b *strings.Builder, re *syntax.Regexp, rng *rand.Rand) {
	pick := func(r rune) rune {
		if re.Flags&syntax.FoldCase == 0 {
			return r
		}
		folds := []rune{r}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			folds = append(folds, f)
		}
		return folds[rng.Intn(len(folds))]
	}
	repeat := func(lo, hi int) {
		if hi < 0 {
			hi = lo + 3
		}
		for k := lo + rng.Intn(hi-lo+1); k > 0; k-- {
			generate(b, re.Sub[0], rng)
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			b.WriteRune(pick(r))
		}
	case syntax.OpCharClass:
		k := rng.Intn(len(re.Rune) / 2)
		lo, hi := re.Rune[2*k], min(re.Rune[2*k+1], re.Rune[2*k]+300)
		b.WriteRune(lo + rune(rng.Intn(int(hi-lo)+1)))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteRune([]rune("aZ9.é\u212a")[rng.Intn(6)])
	case syntax.OpCapture:
		generate(b, re.Sub[0], rng)
	case syntax.OpStar:
		repeat(0, -1)
	case syntax.OpPlus:
		repeat(1, -1)
	case syntax.OpQuest:
		repeat(0, 1)
	case syntax.OpRepeat:
		repeat(re.Min, re.Max)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			generate(b, sub, rng)
		}
	case syntax.OpAlternate:
		generate(b, re.Sub[rng.Intn(len(re.Sub))], rng)
	}
}
