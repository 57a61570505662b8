package rules

import (
	"strings"
	"testing"
)

// "The paper", "the newspaper", "the broadcaster" mean a news outlet the
// text names or describes as one; another company named before is no
// antecedent (a vendor's "paper" is its white paper).
func TestNewsAnaphorsMeanOnlyNewsOutlets(t *testing.T) {
	got := corefRelations(t, "The New York Times said hackers had penetrated its network. "+
		"They compromised the email account of Jim Yardley, the paper's South Asia bureau chief.")
	if !hasRelation(got, "Jim Yardley -employed-by-> The New York Times", "") {
		t.Errorf("the paper is the Times: %q", got)
	}
	// described as one by a noun of news_outlet_nouns, before or after
	for text, want := range map[string]string{
		"The Israeli daily Haaretz said hackers had entered its network. They read the mail of Dana Roe, the paper's editor.":      "Dana Roe -employed-by-> Haaretz",
		"Haaretz, an Israeli newspaper, said hackers had entered its network. They read the mail of Dana Roe, the paper's editor.": "Dana Roe -employed-by-> Haaretz",
	} {
		if got := corefRelations(t, text); !hasRelation(got, want, "") {
			t.Errorf("%q: the paper is the outlet described: %q", text, got)
		}
	}
	for _, text := range []string{
		"Qomari Labs, a security firm in Singapore, described the loader in May. Ana Ruiz, the paper's lead author, said it was new.",
		"Kestrel Systems, a defence contractor, was breached. Ana Ruiz, the broadcaster's technology editor, said so.",
	} {
		for _, r := range corefRelations(t, text) {
			if strings.Contains(r, "Ana Ruiz -employed-by->") {
				t.Errorf("a company that is no news outlet took the anaphor in %q: %q", text, r)
			}
		}
	}
}
