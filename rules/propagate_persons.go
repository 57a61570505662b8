package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

// Name parts of people (a propagate rule whose types include person). A
// report names a person in full once ("Omar Haddad, an engineer at ...")
// and then by one part of the name: "Haddad founded Contoso Labs", "Mr.
// Haddad", "according to Zhou". The first and the last word of each full
// person name (surname first or last: "Zhou Shuai", "Omar Haddad") name
// that person when they stand alone:
//
//   - person mentions of one word (from "Mr. Zhou") get the full name as
//     canonical name;
//   - one-word place mentions followed by a verb of saying ("Sofia said",
//     where Sofia Brandt is quoted) become the person;
//   - capitalised tokens outside every mention ("Haddad", "according to
//     Zhou") become mentions, unless they touch another capitalised word (a
//     different person, "Zhou Weiwei"; "Haddad Holdings"), or open a
//     sentence without a verb after them ("Haddad reports were read").
//
// A word shared by several full names ("Wang Zhe", "Wang Yan") names the
// closest of them before it, as a reader takes it, or the only one after
// it. Parts that are ordinary words ("Will", "Young") never spread.
//
// This runs with the other propagation, before the relation rules, so that
// "Haddad is the founder of Contoso Labs" ties the full name to the
// company. The mentions carry the full name as canonical, so they join the
// person's entity.

// The verbs of saying that follow a bare name that refers to a person
// ("Zhou said"), which is what makes a one-word place such as "Sofia" a
// person there, are the pack list person_speech_verbs (vocab.go).

// personNameParts maps the first and last word of each full person name to
// the places where a name with that word occurs, in document order.
type personNameParts map[string][]namedAt

type namedAt struct {
	start int
	name  string
}

func (np personNameParts) add(word string, start int, name string) {
	np[word] = append(np[word], namedAt{start, name})
}

// at returns the full name a one-word mention at offset start refers to:
// the closest full name with that word before it, else the only one after
// it; "" when the word is no part of a name or is ambiguous.
func (np personNameParts) at(word string, start int) string {
	occ := np[word]
	best := ""
	for _, o := range occ {
		if o.start > start {
			break
		}
		best = o.name
	}
	if best != "" {
		return best
	}
	for _, o := range occ {
		if best != "" && o.name != best {
			return ""
		}
		best = o.name
	}
	return best
}

// personPropRule returns the propagate rule that covers people, or nil.
func (d *docState) personPropRule() *propRule {
	for pi := range d.p.propagate {
		if d.p.propagate[pi].intros == nil && d.p.propagate[pi].types&maskOf(extractor.Person) != 0 {
			return &d.p.propagate[pi]
		}
	}
	return nil
}

// linkNameParts adds the mentions of people by one part of their name
// (see above) and gives one-word person mentions their full name.
func (d *docState) linkNameParts() {
	pr := d.personPropRule()
	if pr == nil {
		return
	}
	names := d.personNames(pr)
	if len(names) == 0 {
		return
	}
	changed := false
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.tokE != c.tokS+1 {
			continue
		}
		surface := d.surface(c)
		switch {
		case c.typ == extractor.Person && c.canonical == "":
			c.canonical = names.at(surface, c.start)
		case c.typ == extractor.Location && d.speechVerbAt(int(c.tokE)):
			if name := names.at(surface, c.start); name != "" {
				c.typ, c.subtype, c.canonical, c.rule, c.prio = extractor.Person, "", name, pr.idx, pr.prio
				changed = true
			}
		}
	}
	var added []cand
	for i, t := range d.tokText {
		if _, ok := names[t]; !ok || !d.freeNamePart(i) && !d.openingNamePair(i, names) {
			continue
		}
		name := names.at(t, d.tokStart[i])
		if name == "" {
			continue
		}
		c := cand{start: d.tokStart[i], end: d.tokEnd[i], rule: pr.idx, prio: pr.prio, typ: extractor.Person,
			canonical: name}
		if d.stopRule(&c) >= 0 {
			continue
		}
		added = append(added, c)
	}
	if len(added) > 0 {
		d.acc = append(d.acc, added...)
		sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
		changed = true
	}
	if changed {
		d.index()
	}
}

// personNames collects the first and last word of every person mention of
// two words or more, with its full name.
func (d *docState) personNames(pr *propRule) personNameParts {
	names := personNameParts{}
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.typ != extractor.Person || c.rule == pr.idx {
			continue
		}
		surface := d.surface(c)
		words := personNameWords(surface)
		if len(words) < 2 {
			continue
		}
		name := c.canonical
		if name == "" {
			name = oneSpace(surface)
		}
		first, last := titleWord(words[0]), titleWord(words[len(words)-1])
		if d.namePartWord(first) {
			names.add(first, c.start, name)
		}
		if last != first && d.namePartWord(last) {
			names.add(last, c.start, name)
		}
	}
	return names
}

// namePartWord reports whether w may name a person alone: a capitalised
// word of two letters or more, made of letters (and inner hyphens or
// apostrophes), that is not an ordinary word of English (the tagger gives
// its lower-case form a fixed tag other than a proper noun: "Will",
// "Young", "Black").
func (d *docState) namePartWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 || !startsUpper(w) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	tag, ok := d.an.FixedTag(strings.ToLower(w))
	return !ok || tag == "NNP" || tag == "NNPS"
}

// freeNamePart reports whether token i may be a bare name part: it is in
// no mention, touches no other capitalised word in its sentence (a
// capitalised ordinary word opening the sentence, "Later Haddad ...",
// does not count), and, opening a sentence, is followed by a verb ("Zhou
// said", "Haddad founded", "Haddad later founded") or joined to its own associates ("Guan and his
// co-conspirators") or a relative clause of a person ("Haddad, who lived
// in ...") rather than being a noun's modifier ("Haddad reports were
// read").
func (d *docState) freeNamePart(i int) bool {
	if d.overlapsAccepted(d.tokStart[i], d.tokEnd[i]) {
		return false
	}
	lo, hi := d.sentLo[d.sentOf[i]], d.sentHi(i)
	if i+1 < hi && startsUpper(d.tokText[i+1]) {
		return false
	}
	if i > lo && startsUpper(d.tokText[i-1]) && !(i-1 == lo && d.ordinaryWord(d.tokText[i-1])) {
		return false
	}
	if i > lo && !(i-1 == lo && d.ordinaryWord(d.tokText[i-1])) {
		return true
	}
	if i+1 >= hi {
		return false
	}
	if d.speechVerbAt(i + 1) {
		return true
	}
	// "Guan and his co-conspirators exploited ...": a person joined to
	// their own associates is the subject.
	if i+2 < hi && d.fold[i+1] == "and" && (d.fold[i+2] == "his" || d.fold[i+2] == "her" || d.fold[i+2] == "their") {
		return true
	}
	// "Haddad, who lived in Leeds, ...": a relative clause of a person.
	if i+2 < hi && d.tokText[i+1] == "," && d.fold[i+2] == "who" {
		return true
	}
	next := d.pos(i + 1)
	// "Gericke later became ...", "Haddad then founded ...": an adverb
	// before the verb.
	if next == "RB" && i+2 < hi {
		if v := d.pos(i + 2); v == "MD" || v == "VBD" || v == "VBZ" {
			return true
		}
	}
	return next == "MD" || next == "VBD" || next == "VBZ" || next == "POS" && d.pos(i) == "NNP"
}

// openingNamePair reports whether token i opens its sentence, free of any
// mention, joined by "and" or "or" to another person's name part or
// mention: "Haddad and Zhou were the founders" names two people, though
// "Haddad" is followed by no verb.
func (d *docState) openingNamePair(i int, names personNameParts) bool {
	lo, hi := d.sentLo[d.sentOf[i]], d.sentHi(i)
	if i != lo || i+2 >= hi || d.overlapsAccepted(d.tokStart[i], d.tokEnd[i]) {
		return false
	}
	if f := d.fold[i+1]; f != "and" && f != "or" {
		return false
	}
	j := i + 2
	if k := d.startM[j]; k >= 0 && d.acc[k].typ == extractor.Person {
		return true
	}
	_, ok := names[d.tokText[j]]
	return ok && (j+1 >= hi || !startsUpper(d.tokText[j+1]))
}

// ordinaryWord reports whether a capitalised word is an ordinary English
// word that opens a sentence ("Later", "Then", "But").
func (d *docState) ordinaryWord(w string) bool {
	tag, ok := d.an.FixedTag(strings.ToLower(w))
	if ok {
		return tag != "NNP" && tag != "NNPS"
	}
	return capitalizedOpeners[strings.ToLower(w)]
}

// capitalizedOpeners open sentences but have no fixed part of speech.
var capitalizedOpeners = map[string]bool{"later": true, "then": true, "now": true, "today": true, "still": true,
	"yet": true, "so": true, "but": true, "and": true, "also": true, "instead": true, "meanwhile": true,
	"separately": true, "previously": true, "earlier": true}

// speechVerbAt reports whether token i is a verb of saying within the
// sentence of the token before it.
func (d *docState) speechVerbAt(i int) bool {
	return i > 0 && i < len(d.tokText) && d.sentOf[i] == d.sentOf[i-1] && d.p.cti.personSpeechVerbs[d.fold[i]]
}

// personNameWords splits a person's name into its words ("ZHOU, Shuai" →
// ZHOU, Shuai), dropping initials such as "Q.".
func personNameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		if len(w) == 2 && w[1] == '.' {
			continue
		}
		out = append(out, w)
	}
	return out
}

// titleWord writes an all-capitals word as a name ("ZHOU" → "Zhou"); other
// words are kept as they are.
func titleWord(w string) string {
	if strings.ToUpper(w) != w {
		return w
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(r) + strings.ToLower(w[n:])
}
