package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The default pack's vocabulary lists fill the sets the mechanisms read,
// and a user pack that redefines a list replaces its words.
func TestVocabularyLists(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	v := p.cti
	for _, c := range []struct {
		set  map[string]bool
		word string
	}{{v.asideNegations, "n't"}, {v.asideAttribWords, "tied"}, {v.comparisonWords, "resembles"},
		{v.namingVerbs, "dubbed"}, {v.namedPhraseHeads, "cluster"}, {v.victimParticiples, "breached"},
		{v.personSpeechVerbs, "cautioned"}, {v.actorHeads, "crew"}, {v.companySuffixes, "ltd."},
		{v.companyDescriptors, "electronics"}, {v.companyGeneric, "shanghai"},
		{v.leakFromWords, "exfiltrated"}, {v.leakWords, "auctioned"}, {v.whereaboutsNouns, "perpetrators"},
		{v.namingParticiples, "dubbed"}, {v.namingClauseWords, "variously"}} {
		if !c.set[c.word] {
			t.Errorf("default vocabulary lacks %q", c.word)
		}
	}
	if len(v.asideAttribStems) != 2 || v.asideAttribStems[0] != "attribut" {
		t.Errorf("attribution stems = %q", v.asideAttribStems)
	}
	dir := t.TempDir()
	user := "lists:\n  rel_comparison_words: [Overlaps, parallels]\n"
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	q, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if w := q.cti.comparisonWords; !w["overlaps"] || !w["parallels"] || w["resembles"] {
		t.Errorf("redefined rel_comparison_words = %v", w)
	}
	if !q.cti.namingVerbs["dubbed"] {
		t.Error("a list the user pack leaves alone lost its words")
	}
}

// A company word added by a user pack gives short names and stems of its
// own: "Harrowgate Robotics" shortens to "Harrowgate" once "robotics" ends
// company names (a generic first word still does not), and "Avalon Quarry
// Robotics Ltd." stems to "Avalon Quarry" once it is a descriptor.
func TestVocabularyCompanyWords(t *testing.T) {
	v := defaultVocabulary(t)
	if got := v.companyShortName("Pemberton Robotics", nil); got != "" {
		t.Errorf("default short name of Pemberton Robotics = %q, want none", got)
	}
	if got := v.companyStem("Avalon Quarry Robotics Ltd."); got != "Avalon Quarry Robotics" {
		t.Errorf("default stem of Avalon Quarry Robotics Ltd. = %q, want Avalon Quarry Robotics", got)
	}
	dir := t.TempDir()
	user := "lists:\n  company_short_name_suffixes: [robotics, ltd.]\n  company_stem_descriptors: [robotics]\n" +
		"  company_generic_words: [pemberton]\n"
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.cti.companyShortName("Harrowgate Robotics", nil); got != "Harrowgate" {
		t.Errorf("user short name of Harrowgate Robotics = %q, want Harrowgate", got)
	}
	if got := p.cti.companyShortName("Pemberton Robotics", nil); got != "" {
		t.Errorf("user short name of Pemberton Robotics = %q, want none (a generic word)", got)
	}
	if got := p.cti.companyStem("Avalon Quarry Robotics Ltd."); got != "Avalon Quarry" {
		t.Errorf("user stem of Avalon Quarry Robotics Ltd. = %q, want Avalon Quarry", got)
	}
}

// A kind a user pack adds to detection_kinds makes detection names of its
// own: "Implant.Marshlock" once "implant" is a kind.
func TestVocabularyDetectionKinds(t *testing.T) {
	v := defaultVocabulary(t)
	c := vctx{clean: "Implant.Marshlock"}
	if v.validDetectionName(&c) {
		t.Error("Implant.Marshlock is a detection name by default")
	}
	dir := t.TempDir()
	user := "lists:\n  detection_kinds: [backdoor, implant]\n"
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	c = vctx{clean: "Implant.Marshlock"}
	if !p.cti.validDetectionName(&c) || c.canonical != "Marshlock" {
		t.Errorf("user kind: Implant.Marshlock got %q", c.canonical)
	}
	text := "The dropper installs Implant.Marshlock on the host."
	if got := found(t, p, text); !strings.Contains(strings.Join(got, " "), "Implant.Marshlock/malware") {
		t.Errorf("%s: got %q", text, got)
	}
}
