package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

// plainKindName reports whether a malware or tool mention that context
// typed ("deployed Warlock ransomware", "Tarnwick, a loader") is a one-word
// name of ordinary shape that may spread all the same. Reports name new
// families with plain capitalised words (Hades, Raindrop, Mongall) and
// then write them bare; propagatable refuses such words because most
// capitalised words are no names. Here the context has already said this
// one is, so it spreads when it cannot be an ordinary word of the
// document: four letters or more, no word the tagger always tags as a
// common word, and never written in lower case in the document ("spark"
// anywhere keeps "Spark" from spreading). Its occurrences must read as
// names (shortNameAt): inside a sentence, or opening one before a verb.
// A company a pattern typed by what it is ("Belgacom, Belgium's largest
// telecommunications operator", "Harvolt, a Lisbon-based chip maker")
// spreads on the same terms: news reports introduce a one-word company so
// once and then write it bare ("GCHQ had penetrated Belgacom").
func (d *docState) plainKindName(c *cand, surface string) bool {
	company := c.typ == extractor.Organization && d.p.rules[c.rule].kind == KindPattern
	// A crew a pattern named by its context ("Group-IB calls the gang
	// Silence", "Silence: the two-man crew that ...") spreads on the same
	// terms: "Silence then turned to ATMs".
	crew := c.typ == extractor.ThreatActor && d.p.rules[c.rule].kind == KindPattern
	if c.typ != extractor.Malware && c.typ != extractor.Tool && !company && !crew {
		return false
	}
	if utf8.RuneCountInString(surface) < 4 {
		return false
	}
	for i, r := range surface {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	lower := strings.ToLower(surface)
	if tag, ok := d.an.FixedTag(lower); ok && tag != "NNP" && tag != "NNPS" {
		return false
	}
	return !d.hasLowerWord(lower)
}

// hasLowerWord reports whether the document holds w as a whole word, in
// the case given.
func (d *docState) hasLowerWord(w string) bool {
	if allLetters(w) {
		return d.hasLetterRun(w) // occurrences.go
	}
	for _, at := range occurrences(d.text, w, 0) {
		before, _ := utf8.DecodeLastRuneInString(d.text[:at])
		after, _ := utf8.DecodeRuneInString(d.text[at+len(w):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
	}
	return false
}

// innerForm returns the name inside a mention that a `canonical: inner`
// rule made longer ("Hermes" of "Hermes ransomware", "Kestrel Panda" of
// "the Kestrel Panda group"), or the family a detection name stands for
// ("Remexi" of "Backdoor.Remexi", validate: detection), when that name may
// spread: the longer mention replaced the name's own, and the bare name
// elsewhere in the document is the same entity. It returns "" otherwise.
func (d *docState) innerForm(c *cand, r *rule, surface string) string {
	in := c.canonical
	if in == "" || in == surface {
		return ""
	}
	inherited := r.inherit && strings.HasPrefix(surface, in)
	if !inherited && !(detectionFamily(r, c) && strings.Contains(surface, in)) {
		return ""
	}
	if propagatable(in) || d.plainKindName(c, in) {
		return in
	}
	return ""
}

// detectionFamily reports whether c is a detection name whose canonical
// name is its family (core.malware.detection-name: "Backdoor.Remexi"
// stands for Remexi).
func detectionFamily(r *rule, c *cand) bool {
	return r.kind == KindRegex && c.canonical != "" && (c.typ == extractor.Malware || c.typ == extractor.Tool)
}
