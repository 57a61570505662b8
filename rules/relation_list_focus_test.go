package rules

import (
	"slices"
	"testing"
)

// A list whose intro names no actor is not the list of an actor its
// section names only after it: "The victims named include:" under an
// indictment's heading, then a paragraph on a second unit that spread the
// leaks, gives the victims to no one rather than to that unit. Named
// before the intro, the section's actor keeps the list.
func TestListIsNotALaterSectionActors(t *testing.T) {
	const head = "Two crews and the Games\n\nAPT29 phished a ministry in Oslo in 2016. APT28 stole mail in Vienna.\n\nThe indictment\n\n"
	const list = "Prosecutors said the conspiracy ran from 2014 to 2018. The victims named include:\n\n- the World Anti-Doping Agency;\n- FIFA.\n\n"
	later := allRelations(t, head+list+"Sandworm helped to spread the leaks online. Sandworm later denied it.\n")
	if slices.Contains(later, "Sandworm -targets-> FIFA") {
		t.Errorf("a section's actor named after the list took it: %q", later)
	}
	before := allRelations(t, head+"Sandworm is named in the indictment.\n\n"+list+"Sandworm later denied it.\n")
	if !slices.Contains(before, "Sandworm -targets-> FIFA") {
		t.Errorf("a section's actor named before the list lost it: %q", before)
	}
}

// The same holds for a name the topic rules give outside lists: a tool in
// a paragraph that names its section's actor only after it is not that
// actor's; named before, it is.
func TestToolIsNotALaterParagraphActors(t *testing.T) {
	const head = "Two crews and the Games\n\nAPT29 phished a ministry in Oslo in 2016. APT28 stole mail in Vienna.\n\nThe indictment\n\n"
	later := allRelations(t, head+"Prosecutors said the emails carried the X-Agent implant. Officers of a second unit, Sandworm, spread the leaks.\n")
	if slices.Contains(later, "Sandworm -uses-> X-Agent implant") {
		t.Errorf("a paragraph's actor named after the tool took it: %q", later)
	}
	before := allRelations(t, head+"Sandworm ran the operation. Prosecutors said the emails carried the X-Agent implant.\n")
	if !slices.Contains(before, "Sandworm -uses-> X-Agent implant") {
		t.Errorf("a paragraph's actor named before the tool lost it: %q", before)
	}
}
