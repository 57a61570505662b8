package rules

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// A profiled match finds what a plain one finds, and its report names the
// rules that matched with their tries and matches, and the stages.
func TestProfileCountsRulesAndStages(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	text := "APT41 is a threat actor based in Chengdu. The group targets telecommunications providers in Taiwan."
	plain := p.Match(text, an.Analyze(text), an)
	prof := NewProfile()
	got, err := p.MatchProfiled(context.Background(), text, an.Analyze(text), an, prof)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(plain, got) {
		t.Fatalf("profiled match differs:\n%+v\n%+v", plain, got)
	}
	rep := prof.Report(p)
	if rep.Docs != 1 {
		t.Errorf("docs = %d, want 1", rep.Docs)
	}
	stages := map[string]bool{}
	for _, s := range rep.Stages {
		stages[s.Stage] = true
	}
	for _, s := range []string{"gazetteers", "patterns", "relations"} {
		if !stages[s] {
			t.Errorf("stage %q missing from %+v", s, rep.Stages)
		}
	}
	// Every relation the match found is a match of its rule in the report.
	byID := map[string]RuleCost{}
	for _, r := range rep.Rules {
		byID[r.ID] = r
	}
	if len(got.Relations) == 0 {
		t.Fatal("no relations: the sentence no longer tests the relation rules")
	}
	for _, rel := range got.Relations {
		rc, ok := byID[rel.Rule]
		if !ok || rc.Kind != "relation" || rc.Matches == 0 || rc.Tries < rc.Matches {
			t.Errorf("relation rule %s: %+v", rel.Rule, rc)
		}
	}
	kinds := map[string]bool{}
	for _, k := range rep.Kinds {
		kinds[k.Kind] = true
	}
	if !kinds["gazetteer"] || !kinds["relation"] {
		t.Errorf("kinds %+v lack gazetteer or relation", rep.Kinds)
	}
	var out strings.Builder
	if err := rep.WriteText(&out, 3); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"STAGE", "KIND", "RULE", "more rules", "relations"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

// A profile adds up over documents.
func TestProfileAddsUpOverDocuments(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	text := "APT41 is based in Chengdu."
	// Token regex verdicts are cached per word across documents
	// (wordcache.go), so a first run fills the cache: both profiles
	// then see the same warm cache, whichever tests ran before.
	p.MatchProfiled(context.Background(), text, an.Analyze(text), an, NewProfile())
	one, two := NewProfile(), NewProfile()
	p.MatchProfiled(context.Background(), text, an.Analyze(text), an, one)
	for range 2 {
		p.MatchProfiled(context.Background(), text, an.Analyze(text), an, two)
	}
	r1, r2 := one.Report(p), two.Report(p)
	if r2.Docs != 2 || len(r1.Rules) != len(r2.Rules) {
		t.Fatalf("docs %d, rules %d and %d", r2.Docs, len(r1.Rules), len(r2.Rules))
	}
	ones := map[string]RuleCost{}
	for _, r := range r1.Rules {
		ones[r.ID] = r
	}
	for _, r := range r2.Rules {
		o := ones[r.ID]
		// Token regex hits are cached across documents (wordcache.go): the
		// second document does not try them again.
		if r.Kind != "regex" && r.Tries != 2*o.Tries || r.Matches != 2*o.Matches {
			t.Errorf("%s: one %+v, two %+v", r.ID, o, r)
		}
	}
}
