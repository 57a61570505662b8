package rules

import (
	"testing"
)

// FuzzMatch feeds arbitrary text through the default pack: matching must
// not panic, and mentions must be sorted, disjoint and inside the text.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{
		"APT41, also known as Barium and Wicked Panda, used hxxp://evil[.]com/a (T1059.001).",
		"Ministry of State Security (MSS) and the People's Liberation Army Unit 61398.",
		"Jane Doerr, chief analyst at Example Corp, said 10.0.0[.]1 and fe80::1 were used.",
		"(((( [.] [at] :: hxxp[:]// \u2019s \f\n\n Operation",
		ctiText(2000),
	} {
		f.Add(s)
	}
	p, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	an := testAnalyzer(f)
	f.Fuzz(func(t *testing.T, text string) {
		res := p.Match(text, an.Analyze(text), an)
		end := 0
		for _, m := range res.Mentions {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad mention span %+v after %d in %q", m, end, text)
			}
			end = m.End
		}
		for _, l := range res.Aliases {
			if l.Name.End > len(text) || l.Alias.End > len(text) {
				t.Fatalf("bad link %+v", l)
			}
		}
	})
}
