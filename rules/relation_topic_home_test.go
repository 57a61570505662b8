package rules

import (
	"strings"
	"testing"
)

// homeRules: kestrelRules, a few places and a cued topic rule for targets
// with home_before.
const homeRules = `
rules:
` + kestrelRules + `  - id: t.places
    kind: gazetteer
    type: location
    entries: [{name: Norland}, {name: Peru}, {name: Chile}, {name: Varsk}, {name: Dellport}, {name: Europe}, {name: Asia}]
    examples: {match: ["Peru again."]}
  - id: t.targets
    kind: topic
    relation: targets
    source: [threat-actor]
    target: [location]
    priority: 25
    cues: [targeted, victims, intrusions]
    home_before: [hackers, crew]
`

const kestrelBody = "Kestrel Bear is a crew. Kestrel Bear sends lures. Kestrel Bear wrote two loaders.\n\n"

// A place some mention shows as the actor's home ("Norland hackers") is no
// target anywhere else in the report; other places still are.
func TestTopicHomePlace(t *testing.T) {
	p := packOf(t, homeRules)
	text := kestrelBody + "Officials called them Norland hackers. The crew targeted ministries in Peru and Norland.\n"
	same(t, text, topicRelations(t, p, text), []string{"Kestrel Bear -targets-> Peru [t.targets]"})
	text = kestrelBody + "The crew targeted ministries in Peru and Norland.\n"
	same(t, text, topicRelations(t, p, text), []string{"Kestrel Bear -targets-> Peru [t.targets]",
		"Kestrel Bear -targets-> Norland [t.targets]"})
}

// Quotations, datelines, bylines, court places, machines spread over a
// region and a table's seat column say nothing of the actor's victims.
func TestTopicPlaceExclusions(t *testing.T) {
	p := packOf(t, homeRules)
	for _, text := range []string{
		"\"The victims are never in Varsk,\" said an analyst. Kestrel Bear is a crew. Kestrel Bear sends lures. Kestrel Bear wrote loaders.\n",
		kestrelBody + "VARSK - The intrusions went on for years.\n",
		kestrelBody + "By Ann Lee \u00b7 Dellport \u00b7 2 May\n\nThe intrusions went on for years.\n",
		kestrelBody + "A member who ran the intrusions was sentenced last week in Dellport.\n",
		kestrelBody + "The intrusions used routers; the hijacked devices were spread across Europe and Asia.\n",
		kestrelBody + "The victims:\n\n| Firm | Headquarters |\n|---|---|\n| Hallick | Dellport |\n| Corvane | Varsk |\n",
	} {
		same(t, text, topicRelations(t, p, text), nil)
	}
	// The victims themselves may be spread over a region.
	text := kestrelBody + "The victims were spread across Europe and Asia.\n"
	same(t, text, topicRelations(t, p, text), []string{"Kestrel Bear -targets-> Europe [t.targets]",
		"Kestrel Bear -targets-> Asia [t.targets]"})
}

// The same places in a plain victim sentence are targets: the exclusions
// above hang on the shape, not the name.
func TestTopicPlaceExclusionsControl(t *testing.T) {
	p := packOf(t, homeRules)
	text := kestrelBody + "The intrusions hit Varsk and Dellport.\n"
	same(t, text, topicRelations(t, p, text), []string{"Kestrel Bear -targets-> Varsk [t.targets]",
		"Kestrel Bear -targets-> Dellport [t.targets]"})
}

// A report whose title blames a government body gives the victims of its
// targets topic rules to that body, not to the cluster the text also names;
// without a word of blame in the title the actor keeps them.
func TestTopicTitledBody(t *testing.T) {
	p := packOf(t, homeRules+`  - id: t.gov
    kind: gazetteer
    type: government
    entries: [{name: Norland Signals Bureau}]
    examples: {match: ["Norland Signals Bureau again."]}
`)
	body := "\nKestrel Bear is a crew. Kestrel Bear sends lures. Kestrel Bear wrote two loaders.\n\n" +
		"The Norland Signals Bureau runs it. The intrusions hit Peru.\n"
	text := "Officials blame Norland Signals Bureau for wiper\n" + body
	same(t, text, topicRelations(t, p, text), []string{"Norland Signals Bureau -targets-> Peru [t.targets]"})
	text = "A wiper in the spring\n" + body
	same(t, text, topicRelations(t, p, text), []string{"Kestrel Bear -targets-> Peru [t.targets]"})
}

// oneSentenceRules: homeRules with an actor that has two aliases.
const oneSentenceRules = homeRules + `  - id: t.aliased
    kind: gazetteer
    type: threat-actor
    entries: [{name: Slate Owl, aliases: [Grey Wren, Tin Heron]}]
    examples: {match: ["Slate Owl again."]}
`

// An actor named only in one alias apposition is no dominant topic,
// however many names that sentence gives it; named in three sentences it is.
func TestTopicDominantOneSentence(t *testing.T) {
	p := packOf(t, oneSentenceRules)
	text := "The outbreak hit firms. Most victims were in Peru.\n\nLinks\n\nVendors grouped it under Slate Owl, a crew also tracked as Grey Wren and Tin Heron.\n"
	same(t, text, topicRelations(t, p, text), nil)
	text = "The outbreak hit firms. Most victims were in Peru.\n\nLinks\n\nVendors grouped it under Slate Owl. Grey Wren sends lures. Tin Heron wrote loaders.\n"
	same(t, text, topicRelations(t, p, text), []string{"Slate Owl -targets-> Peru [t.targets]"})
}

// A report whose title names a malware family is the family's though an
// actor's alias apposition gives the actor three names in one sentence:
// they are one reference, not three (relation_topic_subject.go).
func TestSubjectOverAliasApposition(t *testing.T) {
	p := packOf(t, oneSentenceRules+`  - id: t.mtargets
    kind: topic
    relation: targets
    source: [threat-actor, malware]
    target: [location]
    priority: 25
    cues: [victims]
`)
	text := "BabyShark returns\n\nBabyShark hit firms. BabyShark spread fast. Most victims were in Peru.\n\nLinks\n\n" +
		"Vendors grouped BabyShark under Slate Owl, a crew also tracked as Grey Wren and Tin Heron.\n"
	same(t, text, topicRelations(t, p, text), []string{"BabyShark -targets-> Peru [t.mtargets]"})
	// Named in sentences of their own, the names count each.
	text = "BabyShark returns\n\nBabyShark hit firms. BabyShark spread fast. Most victims were in Peru.\n\nLinks\n\n" +
		"Vendors grouped BabyShark under Slate Owl. Grey Wren is a crew. Tin Heron wrote it.\n"
	for _, r := range topicRelations(t, p, text) {
		if strings.HasPrefix(r, "BabyShark") {
			t.Errorf("%q: got %s", text, r)
		}
	}
}

// A language is no home: "a Spanish-speaking crew" leaves Spain a target of
// the report's actor, where "a Spain-based crew" makes it the actor's home.
func TestTopicHomeLanguage(t *testing.T) {
	body := " APT41 hit banks. APT41 is busy. Victims sat mostly in Cuba, Spain and Russia."
	got := corefRelations(t, "A Spanish-speaking espionage group known as APT41 stole files."+body)
	if !hasRelation(got, "APT41 -targets-> Spain", "") {
		t.Errorf("a language made a home: %q", got)
	}
	got = corefRelations(t, "A Spain-based espionage group known as APT41 stole files."+body)
	if hasRelation(got, "APT41 -targets-> Spain", "") {
		t.Errorf("a home became a target: %q", got)
	}
}
