package rules

import (
	"regexp"
	"slices"
	"testing"
)

func TestRegexWords(t *testing.T) {
	for _, c := range []struct {
		re   string
		want []string
	}{
		{`(?:hacks?|breach(?:es)?|compromise|intrusions?)`, []string{"breach", "breaches", "compromise", "hack", "hacks", "intrusion", "intrusions"}},
		{`(?:Supply[- ]Chain )?(?:Compromise|Attack)`, []string{"attack", "compromise", "supply chain attack", "supply chain compromise", "supply-chain attack", "supply-chain compromise"}},
		{`(?:19|20)\d\d`, nil},          // 200 years: too many
		{`\p{Lu}[\p{L}]{1,7}CERT`, nil}, // unbounded classes
		{`(?i)hack`, nil},               // case folding: not exact
		{`ops?|`, nil},                  // the empty token
		{`[\p{Lu}\p{N}][\p{L}]*`, nil},  // unbounded
	} {
		got := regexWords(regexp.MustCompile("^(?:" + c.re + ")$"))
		if !slices.Equal(got, c.want) {
			t.Errorf("regexWords(%q) = %q, want %q", c.re, got, c.want)
		}
	}
}

// Anchors and the test of the token after the first element
// (nextCanFollow) only skip starts where a rule cannot match: the default
// pack finds exactly the same mentions, aliases and relations with every
// pattern and alias rule unanchored (tried wherever it can start) and no
// rule tested past its first element. Rules anchored on a word further on
// include those that start at a mention (core.alias.abbreviation) and on
// a regex of few words (core.organization.incident-victim).
func TestStartTestsSkipOnlyImpossibleStarts(t *testing.T) {
	fast, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	slow, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"core.alias.abbreviation", "core.alias.which-calls", "core.organization.incident-victim", "core.campaign.titled-incident"} {
		if i := slices.IndexFunc(fast.rules, func(r *rule) bool { return r.id == id }); i < 0 || !fast.rules[i].anchored {
			t.Errorf("%s is not anchored", id)
		}
	}
	pairs := 0
	for _, r := range fast.rules {
		if r.pair {
			pairs++
		}
	}
	if pairs < 100 {
		t.Errorf("only %d rules test the token after their first element", pairs)
	}
	for i, r := range slow.rules {
		r.pair = false
		if r.kind != KindRelation {
			r.anchored = false
			slow.ruleAnchored[i] = false
		}
	}
	sameMatches(t, fast, slow, "start tests")
}
