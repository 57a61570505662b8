package rules

import (
	"strings"
	"testing"
)

// Ordinary sentences of an actor and a malware family that the lineage rules
// (rel-attribution.yaml) once read as one crew under two names; their
// supersedes then also dropped the right "uses".
func TestLineageRulesLeaveOrdinaryUses(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, keep string }{
		{"TA505 returned to Dridex in 2021 after a long pause.", "TA505 -uses-> Dridex"},
		{"Wizard Spider returned with fresh phishing dropping BazarLoader.", "Wizard Spider -uses-> BazarLoader"},
		{"Lazarus Group renamed its backdoor BLINDINGCAN in 2020.", "Lazarus Group -uses-> BLINDINGCAN"},
		{"Emotet returned in November pushing TrickBot to victims.", ""},
		{"APT29 deployed a new loader, which researchers consider the successor to WellMess.", "APT29 -uses-> WellMess"},
		{"APT29, which deployed a new loader that researchers consider the successor to WellMess, hit embassies.", ""},
	} {
		got := relations(t, p, c.text)
		for _, r := range got {
			if strings.Contains(r, "-affiliated-with->") {
				t.Errorf("%q: unexpected %s", c.text, r)
			}
		}
		if c.keep == "" {
			continue
		}
		found := false
		for _, r := range got {
			if strings.HasPrefix(r, c.keep) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want %s, got %v", c.text, c.keep, got)
		}
	}
}

// A lineage to a malware family ties the two brands but leaves the actor's
// use of the family alone; to an actor, or with a word only a crew is
// ("a rebrand of"), it replaces it.
func TestLineageSupersedesOnlyCrewTargets(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Karakurt is widely regarded as the successor of Industroyer."
	got := strings.Join(relations(t, p, text), "|")
	if !strings.Contains(got, "Karakurt -affiliated-with-> Industroyer") || !strings.Contains(got, "Karakurt -uses-> Industroyer") {
		t.Errorf("%q: want the tie and the use, got %s", text, got)
	}
	for _, text := range []string{
		"Garnet Spider re-emerged as the Egregor gang.",
		"Garnet Spider is believed to be the successor to the Royal gang.",
	} {
		got = strings.Join(relations(t, p, text), "|")
		if !strings.Contains(got, "-affiliated-with->") || strings.Contains(got, "-uses->") {
			t.Errorf("%q: want the tie alone (a crew named), got %s", text, got)
		}
	}
	text = "Garnet Spider re-emerged as Egregor."
	got = strings.Join(relations(t, p, text), "|")
	if !strings.Contains(got, "Garnet Spider -affiliated-with-> Egregor") || !strings.Contains(got, "Garnet Spider -uses-> Egregor") {
		t.Errorf("%q: want the tie and the use, got %s", text, got)
	}
	text = "Royal, which several vendors consider a rebrand of Conti, hit farms."
	got = strings.Join(relations(t, p, text), "|")
	if !strings.Contains(got, "Royal -affiliated-with-> Conti") || strings.Contains(got, "-uses->") {
		t.Errorf("%q: want the tie alone, got %s", text, got)
	}
}
