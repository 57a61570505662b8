package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// A company is often named in full once and then by its first words: "Silver
// Harbor Analytics" … "Silver Harbor said". The short-name propagation
// (propagate.go) spreads a one-word short form; a two-word one opens with a
// capitalised word pair that the person rules read as a full name before a
// verb of saying ("Silver Harbor said" → a person). When the document
// writes that pair as the opening words of an organisation or government
// mention, and its first word is no given name or surname (so a founder in
// "Charles Quill … Charles Quill Holdings" stays a person), the pair is the
// body's short form: its person mentions become organisation mentions,
// before propagation spreads their words as a person's parts.

// retypeBodyPrefixPersons retypes the person mentions that are the opening
// words of a body's name in the document (see above).
// The short form takes the body's type and canonical name, so that it
// joins the body's entity, when one body opens with it; when bodies of
// different names do, it is an organisation of its own.
func (d *docState) retypeBodyPrefixPersons() {
	var prefixes map[string]bodyPrefix
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.typ != extractor.Organization && c.typ != extractor.Government || c.tokE-c.tokS < 3 {
			continue
		}
		name := c.canonical
		if name == "" {
			name = oneSpace(d.text[c.start:c.end])
		}
		words := strings.Fields(d.text[c.start:c.end])
		for n := 2; n < len(words); n++ {
			if prefixes == nil {
				prefixes = map[string]bodyPrefix{}
			}
			key := strings.Join(words[:n], " ")
			if old, ok := prefixes[key]; ok && (foldKey(old.name) != foldKey(name) || old.typ != c.typ) {
				prefixes[key] = bodyPrefix{typ: extractor.Organization} // two bodies: no one's name
				continue
			}
			prefixes[key] = bodyPrefix{name: name, typ: c.typ}
		}
	}
	if prefixes == nil {
		return
	}
	changed := false
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.typ != extractor.Person || c.tokE-c.tokS < 2 {
			continue
		}
		words := strings.Fields(d.text[c.start:c.end])
		if len(words) < 2 || d.p.personNameWords[foldKey(words[0])] {
			continue
		}
		body, ok := prefixes[strings.Join(words, " ")]
		if !ok {
			continue
		}
		c.typ, c.subtype, c.canonical = body.typ, "", body.name
		changed = true
	}
	if changed {
		d.index()
	}
}

// bodyPrefix is what the opening words of bodies' names stand for: the
// body's canonical name and type, or no name when two bodies share them.
type bodyPrefix struct {
	name string
	typ  extractor.EntityType
}

// retypedCanonical returns the canonical name of the accepted mention that
// spans exactly [start, stop) from token tok and is written as that name,
// or "": a pattern that
// captures a known name as another type ("APT41, also tracked as Winnti",
// a malware family's name given to the actor) keeps the name's identity,
// so that entity resolution treats an alias link it joins as one
// report's claim and not as the same name everywhere (extract/resolve.go).
func (d *docState) retypedCanonical(tok, start, stop int) string {
	if tok < 0 || tok >= len(d.startM) {
		return ""
	}
	m := d.startM[tok]
	if m < 0 {
		return ""
	}
	a := &d.acc[m]
	// Only a name that is its own canonical name: a short form ("Palo
	// Alto" of Palo Alto Networks) read as something else is not the
	// entry's entity there.
	if a.hide || a.start != start || a.end != stop || a.canonical == "" ||
		foldKey(oneSpace(d.text[start:stop])) != foldKey(a.canonical) {
		return ""
	}
	return a.canonical
}
