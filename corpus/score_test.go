package corpus

import (
	"testing"

	"github.com/reportgraph/extractor"
)

func ent(doc, id, typ, name string, rule string, aliases ...string) extractor.Entity {
	return extractor.Entity{ID: id, Type: extractor.EntityType(typ), Name: name, Aliases: aliases,
		Mentions: []extractor.Mention{{Doc: doc, Rule: rule}}}
}

func f(x *float64) float64 {
	if x == nil {
		return -1
	}
	return *x
}

func near(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 }

// goldA: 4 required entities (one untyped), 1 optional; covers threat-actor,
// location, malware, organization, government.
func goldA() *Gold {
	return &Gold{Document: "a.txt", EntityTypes: []string{"threat-actor", "location", "malware", "organization", "government"},
		Entities: []GoldEntity{
			{ID: "apt28", Names: []string{"APT28", "Fancy Bear"}, Types: []string{"threat-actor"}},
			{ID: "russia", Names: []string{"Russia"}, Types: []string{"location"}},
			{ID: "x-agent", Names: []string{"X-Agent"}, Types: []string{"malware"}},
			{ID: "gru", Names: []string{"GRU"}},
			{ID: "group", Names: []string{"the group"}, Types: []string{"threat-actor"}, Optional: true},
		},
		Relations: []GoldRelation{
			{Type: "located-in", Also: []string{"based-in"}, Source: "apt28", Target: "russia"},
			{Type: "uses", Source: "apt28", Target: "x-agent"},
			{Type: "affiliated-with", Source: "apt28", Target: "gru", Undirected: true},
		}}
}

func TestScoreByHand(t *testing.T) {
	ds := &extractor.Dataset{
		Documents: []extractor.DocumentSummary{{ID: "d1", Source: "a.txt"}, {ID: "d2", Source: "b.txt"}},
		Entities: []extractor.Entity{
			ent("d1", "e1", "threat-actor", "Fancy Bear", "r.actor"),   // tp (alias of APT28)
			ent("d1", "e2", "threat-actor", "APT28", "r.actor"),        // tp, split with e1
			ent("d1", "e3", "organization", "Russia", "r.org"),         // tp detection, wrong type
			ent("d1", "e4", "malware", "Sofacy", "r.mal"),              // fp
			ent("d1", "e5", "threat-actor", "The Group", "r.actor"),    // optional gold: ignored
			ent("d1", "e6", "vulnerability", "CVE-2017-0199", "r.cve"), // out of scope (type not covered)
			ent("d1", "e7", "government", "GRU", "r.gov"),              // tp, untyped gold: detection only
			ent("d2", "e8", "malware", "X-Agent", "r.mal"),             // other document
		},
		Relations: []extractor.Relation{
			{ID: "r1", Type: "based-in", Source: "e2", Target: "e3", Evidence: []extractor.Evidence{{Doc: "d1", Rule: "rel.loc"}}},        // tp via also
			{ID: "r2", Type: "affiliated-with", Source: "e7", Target: "e1", Evidence: []extractor.Evidence{{Doc: "d1", Rule: "rel.aff"}}}, // tp, undirected
			{ID: "r3", Type: "uses", Source: "e2", Target: "e4", Evidence: []extractor.Evidence{{Doc: "d1", Rule: "rel.uses"}}},           // fp
			{ID: "r4", Type: "variant-of", Source: "e2", Target: "e4", Evidence: []extractor.Evidence{{Doc: "d1"}}},                       // fp (no relation_types declared)
		},
	}
	g := goldA()
	rep := Score(ds, []Pair{{DocID: "d1", Source: "a.txt", Gold: g}}, Options{})
	ec := rep.Micro.EntityCounts
	// Gold required & in scope: APT28, Russia, X-Agent, GRU = 4; found: APT28, Russia, GRU = 3.
	// Typed gold: APT28, Russia, X-Agent = 3 (GRU untyped); typed found: APT28 only
	// (Russia was predicted as organization) = 1.
	// Predictions counted: e1 e2 e3 e4 e7 = 5 (e5 optional, e6 out of scope, e8 other doc);
	// tp: e1 e2 e3 e7 = 4, fp: e4 = 1. Typed: e1 e2 e3 (typed gold) + e4 (fp) = 4 counted,
	// e7 matches only untyped GRU so it is not in the typed count; typed tp e1 e2 = 2, fp e3 e4 = 2.
	want := EntityCounts{Gold: 4, Found: 3, GoldTyped: 3, TypedFound: 1, Pred: 5, PredTP: 4, PredFP: 1,
		TypedPred: 4, TypedPredTP: 2, TypedPredFP: 2, Split: 1, Merged: 0, OptionalGold: 1, OutOfScopePred: 1, Exhaustive: 1}
	if ec != want {
		t.Errorf("entity counts\n got %+v\nwant %+v", ec, want)
	}
	// detection P = 4/5 = 0.8, R = 3/4 = 0.75, F1 = 2*0.8*0.75/1.55 = 1.2/1.55
	// typed P = 2/4 = 0.5, R = 1/3, F1 = 2*0.5*(1/3)/(0.5+1/3) = (1/3)/(5/6) = 0.4
	d, ty := rep.Micro.Detection, rep.Micro.Typed
	if !near(f(d.P), 0.8) || !near(f(d.R), 0.75) || !near(f(d.F1), 1.2/1.55) {
		t.Errorf("detection = %v %v %v", f(d.P), f(d.R), f(d.F1))
	}
	if !near(f(ty.P), 0.5) || !near(f(ty.R), 1.0/3) || !near(f(ty.F1), 0.4) {
		t.Errorf("typed = %v %v %v", f(ty.P), f(ty.R), f(ty.F1))
	}
	// Relations: gold usable = 3 (all endpoints required), found = located-in (via based-in)
	// and affiliated-with (reversed, undirected) = 2; predicted counted = 4, tp = 2, fp = 2.
	// P = 0.5, R = 2/3, F1 = 2*0.5*(2/3)/(0.5+2/3) = (2/3)/(7/6) = 4/7.
	rc := rep.Micro.RelationCounts
	if rc == nil || *rc != (RelationCounts{Gold: 3, Found: 2, Pred: 4, PredTP: 2, PredFP: 2, Exhaustive: 1}) {
		t.Errorf("relation counts = %+v", rc)
	}
	if r := rep.Micro.Relations; r == nil || !near(f(r.F1), 4.0/7) {
		t.Errorf("relations = %+v", r)
	}
	// Per rule: r.actor contributed e1, e2 (tp); e5 was ignored. r.org: e3 (tp, wrong type).
	// r.mal: e4 (fp); e8 is in another document. r.gov: e7 (tp). r.cve: nothing counted.
	rules := map[string]RuleCount{}
	for _, r := range rep.Rules {
		rules[r.Rule] = r
	}
	for id, w := range map[string]RuleCount{
		"r.actor": {Rule: "r.actor", TP: 2}, "r.org": {Rule: "r.org", TP: 1, WrongType: 1},
		"r.mal": {Rule: "r.mal", FP: 1}, "r.gov": {Rule: "r.gov", TP: 1},
		"rel.loc": {Rule: "rel.loc", RelationTP: 1}, "rel.aff": {Rule: "rel.aff", RelationTP: 1},
		"rel.uses": {Rule: "rel.uses", RelationFP: 1},
	} {
		if rules[id] != w {
			t.Errorf("rule %s = %+v, want %+v", id, rules[id], w)
		}
	}
	if _, ok := rules["r.cve"]; ok {
		t.Error("an out-of-scope prediction was counted for its rule")
	}
}

// TestScopesAndMacro: a non-exhaustive case gives recall only; micro
// precision pools exhaustive cases; macro averages documents.
func TestScopesAndMacro(t *testing.T) {
	no := false
	g1 := &Gold{Document: "a.txt", Entities: []GoldEntity{
		{ID: "a", Names: []string{"Alpha"}, Types: []string{"malware"}},
		{ID: "b", Names: []string{"Beta"}, Types: []string{"malware"}}}}
	g2 := &Gold{Document: "b.txt", Exhaustive: &no, Entities: []GoldEntity{
		{ID: "c", Names: []string{"Gamma"}, Types: []string{"tool"}}}}
	ds := &extractor.Dataset{
		Documents: []extractor.DocumentSummary{{ID: "d1"}, {ID: "d2"}},
		Entities: []extractor.Entity{
			ent("d1", "1", "malware", "alpha", ""), // tp (case folded)
			ent("d1", "2", "malware", "Delta", ""), // fp
			ent("d2", "3", "tool", "Gamma", ""),    // found; precision not computed
			ent("d2", "4", "tool", "Epsilon", ""),  // not scored
		}}
	rep := Score(ds, []Pair{{DocID: "d1", Gold: g1}, {DocID: "d2", Gold: g2}}, Options{})
	// d1: P = 1/2, R = 1/2, F1 = 0.5. d2: P and F1 do not apply, R = 1/1.
	// micro: P = 1/2 (d1 only), R = (1+1)/(2+1) = 2/3, F1 = 2*0.5*(2/3)/(0.5+2/3) = 4/7.
	// macro: P = 0.5 (one value), R = (0.5+1)/2 = 0.75, F1 = 0.5 (one value).
	m, ma := rep.Micro.Detection, rep.Macro.Detection
	if !near(f(m.P), 0.5) || !near(f(m.R), 2.0/3) || !near(f(m.F1), 4.0/7) {
		t.Errorf("micro = %v %v %v", f(m.P), f(m.R), f(m.F1))
	}
	if !near(f(ma.P), 0.5) || !near(f(ma.R), 0.75) || !near(f(ma.F1), 0.5) {
		t.Errorf("macro = %v %v %v", f(ma.P), f(ma.R), f(ma.F1))
	}
	if d2 := rep.Documents[1]; d2.Detection.P != nil || d2.Detection.F1 != nil || f(d2.Detection.R) != 1 {
		t.Errorf("non-exhaustive document = %+v", d2.Detection)
	}
	// --types malware: d2's tool gold and predictions leave; micro R = 1/2.
	rep = Score(ds, []Pair{{DocID: "d1", Gold: g1}, {DocID: "d2", Gold: g2}}, Options{Types: []string{"malware"}})
	if ec := rep.Micro.EntityCounts; ec.Gold != 2 || ec.Found != 1 {
		t.Errorf("with --types malware: %+v", ec)
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"  The  Lazarus\u00a0Group. ": "lazarus group",
		"APT28’s":                     "apt28’s",
		"\u201cStraße\u201d":          "strasse",
		"Ｍｉｍｉｋａｔｚ":                    "mimikatz",
		"Cobalt\u200bStrike":          "cobaltstrike",
		"the":                         "the",
		"#Ransom&":                    "ransom",
	} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}
