package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

func TestLoadWithExtraGazetteer(t *testing.T) {
	g := Gazetteer{ID: "kb.test", File: "known.yaml", Entries: []Entry{
		{Name: "Blue Heron Group", Aliases: []string{"Sky Viper"}, Type: extractor.ThreatActor, Line: 3},
		{Name: "Lantern Loader", Type: extractor.Malware, Subtype: "loader", Line: 7},
	}}
	p, err := load(false, nil, g)
	if err != nil {
		t.Fatal(err)
	}
	text := "Sky Viper dropped Lantern Loader; sky viper is lower case."
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	var got []string
	for _, m := range res.Mentions {
		got = append(got, m.Text+"/"+string(m.Type)+"/"+m.Canonical+"/"+m.Rule+"/"+m.Subtype)
	}
	same(t, "extra gazetteer mentions", got, []string{
		"Sky Viper/threat-actor/Blue Heron Group/kb.test/",
		"Lantern Loader/malware/Lantern Loader/kb.test/loader",
	})
	var info *Info
	for _, in := range p.Rules() {
		if in.ID == "kb.test" {
			info = &in
		}
	}
	if info == nil || info.File != "known.yaml" || info.Line != 3 || info.Priority != ExtraPriority || info.Entries != 3 {
		t.Errorf("rules list shows %+v", info)
	}
}

// An extra gazetteer wins equal spans over the default pack (priority 85).
func TestExtraGazetteerOutranksDefaultPack(t *testing.T) {
	p, err := LoadWith([]Gazetteer{{ID: "kb.test", File: "k.tsv", Entries: []Entry{
		{Name: "Turla Team", Aliases: []string{"Turla"}, Type: extractor.Organization, Line: 1}}}})
	if err != nil {
		t.Fatal(err)
	}
	text := "Turla struck again."
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	if len(res.Mentions) != 1 || res.Mentions[0].Rule != "kb.test" || res.Mentions[0].Canonical != "Turla Team" {
		t.Errorf("got %+v", res.Mentions)
	}
}

func TestLoadWithErrorsNameFileAndLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    Gazetteer
		want string
	}{
		{"bad type", Gazetteer{ID: "kb.a", File: "k.yaml", Entries: []Entry{{Name: "A", Type: "actor", Line: 4}}},
			`k.yaml:4:1: rule "kb.a": entry "A" has unknown type "actor"`},
		{"no tokens", Gazetteer{ID: "kb.a", File: "k.yaml", Entries: []Entry{{Name: "A", Aliases: []string{" "}, Type: extractor.Tool, Line: 9}}},
			`k.yaml:9:1: rule "kb.a"`},
		{"id taken", Gazetteer{ID: "core.alias.aka", File: "k.tsv", Entries: []Entry{{Name: "A", Type: extractor.Tool, Line: 2}}},
			`k.tsv:2:1: rule "core.alias.aka": gazetteer id "core.alias.aka" is already the id of the rule at rules/pack/`},
		{"bad id", Gazetteer{ID: "kb a", File: "k.tsv", Entries: []Entry{{Name: "A", Type: extractor.Tool, Line: 1}}},
			`k.tsv:1:1: rule "kb a": gazetteer id "kb a" must be`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadWith([]Gazetteer{tc.g})
			var le *LoadError
			if !errors.As(err, &le) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want a *LoadError containing %q", err, tc.want)
			}
		})
	}
}
