package rules

import (
	"strings"
	"testing"
)

// "It" right after a participle or a bare verb is that verb's object, not
// the subject of the clause the rule reads: the vendor whose flaw the
// operators were "exploiting it" compromised nothing. After a verb of
// saying or describing "it" opens a clause and stays a subject.
func TestObjectItIsNoSubject(t *testing.T) {
	text := "Northwind Labs patched the flaw in May. According to the advisory, Ruritanian spies started exploiting it " +
		"soon after, and by June had compromised banks in Peru."
	for _, r := range corefRelations(t, text) {
		if strings.HasPrefix(r, "Northwind Labs -targets->") {
			t.Errorf("the patched vendor made an attacker: %q", r)
		}
	}
	text = "Northwind first described APT99 in 2023, saying it had compromised banks in Peru."
	if got := corefRelations(t, text); !hasRelation(got, "APT99 -targets-> Peru", "") {
		t.Errorf("it after a verb of saying lost: %q", got)
	}
}

// A participle after a subordinator is a clause of its own: "it" after it
// is the subject ("Once installed it steals data from X").
func TestItAfterASubordinateParticipleIsTheSubject(t *testing.T) {
	text := "Kestrel Bear has been active since 2021. Once installed it downloads payloads and steals data from Acme Corp in Peru.\n"
	if got := corefRelations(t, text); !hasRelation(got, "Kestrel Bear -targets-> Acme Corp", "") {
		t.Errorf("the subject after 'Once installed' lost: %q", got)
	}
}
