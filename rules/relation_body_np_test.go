package rules

import (
	"strings"
	"testing"
)

// Descriptions of a company or public body named before, read by shape
// (relation_actor_np.go): the ecosystem relations stated about them go to
// the nearest body of the head's kind.
func TestBodyDescriptionsByShapeAreAnaphors(t *testing.T) {
	for _, c := range []struct{ text, rel, note string }{
		{"Integrity Technology Group builds botnet servers. The Beijing security firm has worked as a contractor for the Ministry of State Security since 2019.",
			"Integrity Technology Group -contractor-of-> Ministry of State Security", `"The Beijing security firm" → Integrity Technology Group`},
		{"i-Soon hired dozens of engineers in 2021. The Shanghai-based software company was a contractor of the Ministry of Public Security.",
			"i-Soon -contractor-of-> Ministry of Public Security", `"The Shanghai-based software company" → i-Soon`},
		// a modifier of rel_body_np_modifiers written in capitals ("IT")
		{"Silver Lantern Networks builds hosting for resellers. The Beijing IT company has worked as a contractor for the Ministry of State Security since 2020.",
			"Silver Lantern Networks -contractor-of-> Ministry of State Security", `"The Beijing IT company" → Silver Lantern Networks`},
	} {
		if got := corefRelations(t, c.text); !hasRelation(got, c.rel, c.note) {
			t.Errorf("%q: want %s (%s), got %q", c.text, c.rel, c.note, got)
		}
	}
	// A body modifier before an actor noun makes no actor phrase ("the
	// security group" is a team of a company, not the actor named before).
	text := "APT41 hit game studios in 2019. The security group published indicators for the Ministry of State Security."
	for _, r := range corefRelations(t, text) {
		if strings.HasPrefix(r, "APT41 -") && strings.Contains(r, "security group") {
			t.Errorf("body modifier read as an actor phrase: %q", r)
		}
	}
}

// A place in such a description says where the body is: "The Denver-based
// company said ..." gives the company named before located-in Denver.
func TestPlaceInABodyDescriptionLocatesTheBody(t *testing.T) {
	for _, c := range []struct{ text, rel, note string }{
		{"Positive Technologies published a report on APT41. The Moscow-based company said the intrusions began in 2022.",
			"Positive Technologies -located-in-> Moscow-based", `"The Moscow-based company" → Positive Technologies`},
		{"Mandiant studied the intrusions. Within days the Virginia security firm had traced them to a poisoned update.",
			"Mandiant -located-in-> Virginia", `"the Virginia security firm" → Mandiant`},
		{"Mandiant studied the intrusions. In a later report the Reston, Virginia-based company named the operators.",
			"Mandiant -located-in-> Reston", `→ Mandiant`},
	} {
		if got := corefRelations(t, c.text); !hasRelation(got, c.rel, c.note) {
			t.Errorf("%q: want %s (%s), got %q", c.text, c.rel, c.note, got)
		}
	}
	// The state after the town is the town's, not said of the body again;
	// a name after the head names the body itself; a provincial bureau is a
	// body of its own, not the ministry named before; a firm in the
	// possessive is a party in passing.
	for _, c := range []struct{ text, bad string }{
		{"Mandiant studied the intrusions. In a later report the Reston, Virginia-based company named the operators.", "Mandiant -located-in-> Virginia"},
		{"Mandiant studied the intrusions. The Moscow-based company Positive Technologies disagreed.", "Mandiant -located-in-> Moscow"},
		{"The Ministry of State Security ran the operation. The Tianjin bureau recruited the hackers.", "Ministry of State Security -located-in-> Tianjin"},
		{"Mandiant studied the intrusions. Lena Ortiz, the head of the Virginia firm's Berlin office, spoke to reporters.", "Mandiant -located-in-> Virginia"},
	} {
		for _, r := range corefRelations(t, c.text) {
			if strings.HasPrefix(r, c.bad+" |") {
				t.Errorf("%q: unwanted %q", c.text, r)
			}
		}
	}
}

// A body named the sentence before may be the part: "It falls under the
// Federal Ministry of the Interior"; "The bureau is part of the MSS".
func TestPartOfWithAnAnaphoricBody(t *testing.T) {
	for _, c := range []struct{ text, rel, note string }{
		{"The Federal Office for Information Security supplies guidance to public bodies. It falls under the Federal Ministry of the Interior.",
			"Federal Office for Information Security -part-of-> Federal Ministry of the Interior", `"It" → Federal Office for Information Security`},
		{"The Tianjin State Security Bureau recruited hackers. The bureau is part of the Ministry of State Security.",
			"Tianjin State Security Bureau -part-of-> Ministry of State Security", `"The bureau" → Tianjin State Security Bureau`},
	} {
		if got := corefRelations(t, c.text); !hasRelation(got, c.rel, c.note) {
			t.Errorf("%q: want %s (%s), got %q", c.text, c.rel, c.note, got)
		}
	}
}

// A sentence's "Its" before a title is the body named before's
// (rel.employed-by.employer-of), not read as a body name by the public
// title rule and then given to the nearest government in reach.
func TestItsBeforeATitleIsNotAPublicBody(t *testing.T) {
	text := "Treasury said the firm supports the FSB. Integrity Technology Group sold access to cameras. " +
		"Its chairman, Cai Lihua, declined to comment."
	got := corefRelations(t, text)
	if !hasRelation(got, "Cai Lihua -employed-by-> Integrity Technology Group", `"Its" → Integrity Technology Group`) {
		t.Errorf("its chairman not the firm's: %q", got)
	}
	for _, r := range got {
		if strings.HasPrefix(r, "Cai Lihua -employed-by-> FSB") {
			t.Errorf("its chairman given to the government in reach: %q", r)
		}
	}
}

// A plural anaphor after a counted set of people the text does not name
// means that set: it names no one, not the person named before the set.
func TestPluralAnaphorAfterAnUnnamedSetNamesNoOne(t *testing.T) {
	for _, text := range []string{
		"Wu Haibo founded i-Soon in 2010.\n\nThe FBI named two Chinese nationals in March. The pair worked for the Ministry of State Security.",
		"Wu Haibo founded i-Soon in 2010. Prosecutors charged three Russian officers in May. They worked for the Ministry of State Security.",
	} {
		for _, r := range corefRelations(t, text) {
			if strings.HasPrefix(r, "Wu Haibo -employed-by-> Ministry of State Security") {
				t.Errorf("%q: the unnamed set given to the person named before: %q", text, r)
			}
		}
	}
	// A set named after its count is no unnamed set.
	text := "Prosecutors charged two Chinese nationals, Wu Haibo and Chen Cheng. The pair worked for the Ministry of State Security."
	if got := corefRelations(t, text); !hasRelation(got, "Wu Haibo -employed-by-> Ministry of State Security", `"The pair"`) {
		t.Errorf("named set lost: %q", got)
	}
}
