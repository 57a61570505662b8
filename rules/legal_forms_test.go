package rules

import (
	"testing"
)

// A company written with two different legal forms names two companies of
// one group; one legal form spelt two ways names one.
func TestSeparateLegalForms(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	canon := func(text string) map[string]string {
		res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
		out := map[string]string{}
		for _, m := range res.Mentions {
			if m.Type == "organization" {
				out[m.Text] = m.Canonical
			}
		}
		return out
	}
	got := canon("Treasury named Cytrox S.A., based in Greece, and Cytrox Limited, based in Ireland.")
	if got["Cytrox S.A."] == got["Cytrox Limited"] {
		t.Errorf("two legal forms share the canonical %q: %v", got["Cytrox S.A."], got)
	}
	got = canon("Treasury named Cytrox Co., Ltd. in May. Cytrox Company Limited denied it.")
	if got["Cytrox Co., Ltd."] != got["Cytrox Company Limited"] {
		t.Errorf("one legal form spelt two ways got two canonicals: %v", got)
	}
}

func TestLegalFormKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"Contoso Co., Ltd.", "Contoso Company Limited"},
		{"Contoso S.A.", "Contoso SA"},
		{"Contoso Corporation", "Contoso Corp."},
	} {
		if legalFormKey(c.a) != legalFormKey(c.b) {
			t.Errorf("legalFormKey(%q) = %q, legalFormKey(%q) = %q: want equal", c.a, legalFormKey(c.a), c.b, legalFormKey(c.b))
		}
	}
	if legalFormKey("Contoso S.A.") == legalFormKey("Contoso Limited") {
		t.Error("S.A. and Limited must differ")
	}
}
