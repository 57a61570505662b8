package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

// Described antecedents. A definite noun anaphor names a kind ("the
// bureau"), and a report often says which entity it has described that
// way: "the Hubei State Security Department, a provincial bureau of the
// Ministry of State Security. The bureau set up ..." means the department,
// although the ministry was named last. An anaphor "the <head>" therefore
// prefers, among the mentions of the sentence holding its nearest
// antecedent, one described with that head: by an apposition right after
// it (", a provincial bureau of"), by a naming clause before it ("a
// hacking operation that the private sector calls APT31") or, for the heads
// of public bodies, by its own last word ("Tianjin State Security Bureau"
// for "the bureau"). The preference stays inside that sentence because
// actor appositions are everywhere ("Silk Typhoon, the Chinese espionage
// group"): a group described that way paragraphs ago is not what "the
// group" means when another was named since. When no mention of the types
// the head names is in reach, a described mention of any type the slot
// allows is the antecedent: the description is the text saying what kind
// of thing it is ("the operation" → APT31 above).

// appositionReach is how many words an apposition may put between its
// comma and the head noun (", a large provincial bureau").
const appositionReach = 4

// nameHeads are the heads whose word at the end of a name describes the
// mention ("the bureau" → "Tianjin State Security Bureau").
var nameHeads = map[string]bool{"bureau": true, "ministry": true, "department": true, "agency": true,
	"directorate": true, "unit": true, "service": true, "command": true, "consortium": true, "conglomerate": true}

// describedAntecedent returns the index in d.acc of the nearest mention of
// a type in mask, before the anaphor at tokens [s, e) (byte offset at) and
// in sentence minSent or later, that was described with the anaphor's head
// word; or -1. Mentions at the spans in skip are never the antecedent.
func (d *docState) describedAntecedent(s, e, at, minSent int, mask typeMask, skip []extractor.Span) int {
	if e-s != 2 || (d.fold[s] != "the" && d.fold[s] != "this") || mask == 0 {
		return -1
	}
	head := d.fold[e-1]
	if pronouns[head] {
		return -1
	}
	for k := range d.mentionsBefore(at, minSent) {
		c := &d.acc[k]
		if maskOf(c.typ)&mask == 0 || skipped(c, skip) {
			continue
		}
		if nameHeads[head] && d.fold[c.tokE-1] == head {
			return k
		}
		// The anaphor itself after the mention's comma is no description
		// of it: in "According to X, the hackers deployed Y" the hackers
		// are not X.
		if int(c.tokE)+1 != s && d.appositionHead(int(c.tokE), head) || d.namedAs(int(c.tokS), head) {
			return k
		}
	}
	return -1
}

// headNamedAntecedent returns the index in d.acc of the nearest mention of
// a type in mask, before the anaphor at tokens [s, e) (byte offset at) and
// in sentence minSent or later, whose name has the anaphor's head word as
// its head, for the heads of public bodies; or -1. "The IRGC's
// Cyber-Electronic Command ... Treasury tied the command to X": the
// command is the body named a Command, not the nearer Treasury; "the
// ministry" is the Ministry of Intelligence and Security (an "X of Y"
// name's head comes first), also where the text last wrote it as MOIS.
func (d *docState) headNamedAntecedent(s, e, at, minSent int, mask typeMask, skip []extractor.Span) int {
	if e-s != 2 || (d.fold[s] != "the" && d.fold[s] != "this" && d.fold[s] != "that") || mask == 0 {
		return -1
	}
	head := d.fold[e-1]
	if !nameHeads[head] {
		return -1
	}
	for k := range d.mentionsBefore(at, minSent) {
		if c := &d.acc[k]; maskOf(c.typ)&mask != 0 && !skipped(c, skip) && (d.fold[c.tokE-1] == head || d.numberedName(c, head) ||
			ofNameHead(d.text[c.start:c.end], head) || c.canonical != "" && ofNameHead(c.canonical, head)) {
			return k
		}
	}
	return -1
}

// ofNameHead reports whether name is head + "of ..." ("Ministry of State
// Security" for "ministry") or ends in head.
func ofNameHead(name, head string) bool {
	w := strings.Fields(name)
	return len(w) >= 3 && strings.EqualFold(w[0], head) && strings.EqualFold(w[1], "of") ||
		len(w) >= 1 && strings.EqualFold(w[len(w)-1], head)
}

// numberedName reports whether mention c is its head and a number: "Unit
// 78020", "Bureau 121", "Center 16" are the unit, bureau or centre a later
// "the unit" means, nearer bodies ("a bureau of the Chengdu Military
// Region") notwithstanding.
func (d *docState) numberedName(c *cand, head string) bool {
	if c.tokE-c.tokS != 2 || d.fold[c.tokS] != head {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.tokText[c.tokS+1])
	return unicode.IsDigit(r)
}

// namingWords end a clause that names what comes next: "an operation that
// the private sector calls APT31", "a group known as X".
var namingWords = map[string]bool{"calls": true, "call": true, "called": true, "dubbed": true, "named": true,
	"dubs": true, "names": true, "as": true}

// namingReach is how many tokens before the naming word the head may be.
const namingReach = 16

// namedAs reports whether the mention starting at token t is named by a
// clause whose head is head: "a hacking operation that ran for years and
// that the private sector calls APT31".
func (d *docState) namedAs(t int, head string) bool {
	lo := d.sentLo[d.sentOf[t]]
	if t-1 < lo || !namingWords[d.fold[t-1]] {
		return false
	}
	if n, ok := d.participleNamed(t, lo); ok {
		return d.fold[n] == head
	}
	for j := t - 2; j >= lo && j >= t-1-namingReach; j-- {
		switch d.fold[j] {
		case head:
			return true
		case ".", ";", ":", "(", ")":
			return false
		}
		if d.startM[j] >= 0 {
			return false // another name comes between
		}
	}
	return false
}

// participleNamed returns the token of the noun a naming participle right
// before the mention at token t names, and true, when the participle follows
// that noun directly: in "This group is responsible for the campaigns known
// as Operation X" the campaigns are named, not the group. The participles
// are the pack list rel_naming_participles; a word of
// rel_naming_clause_words ("that", "is", "later", ...), a comma or a
// bracket before the participle puts it in a clause of its own, whose noun
// namedAs's scan finds, and so does a name. It returns false then, or when
// there is no such participle.
func (d *docState) participleNamed(t, lo int) (int, bool) {
	p := t - 1
	if d.fold[p] == "as" {
		p--
	}
	w := d.fold[p]
	if p < lo+1 || !d.p.cti.namingParticiples[w] || (w == "known" || w == "tracked") && p != t-2 {
		return 0, false
	}
	if b := d.fold[p-1]; b == "," || b == "(" || d.p.cti.namingClauseWords[b] || d.startM[p-1] >= 0 {
		return 0, false
	}
	return d.ofPhraseHead(p-1, lo), true
}

// ofPhraseReach is how many words may stand between "of" and the noun
// before a naming participle: "a group of state-sponsored hackers".
const ofPhraseReach = 3

// ofPhraseHead returns the head of the phrase whose last noun is at token n:
// in "a group of (state) hackers known as X" the group is named, so a later
// "the group" means X. A name, punctuation or a clause word between ends
// the phrase ("the tools of Amber Lynx dubbed X" name the tools, as n
// does), and n is returned.
func (d *docState) ofPhraseHead(n, lo int) int {
	for k := n - 1; k > lo && k >= n-ofPhraseReach; k-- {
		w := d.fold[k]
		if w == "of" {
			return k - 1
		}
		if d.startM[k] >= 0 || !isWordToken(w) || d.p.cti.namingClauseWords[w] {
			break
		}
	}
	return n
}

// appositionHead reports whether the tokens from t are an apposition whose
// head is head: ", a provincial bureau", ", the company".
func (d *docState) appositionHead(t int, head string) bool {
	hi := d.sentHi(t - 1)
	if t >= hi || d.fold[t] != "," {
		return false
	}
	j := t + 1
	if j < hi && determiners[d.fold[j]] {
		j++
	}
	for n := 0; j < hi && n <= appositionReach; j, n = j+1, n+1 {
		switch d.fold[j] {
		case head:
			return true
		case ",", ".", ";", ":", "(", ")":
			return false
		}
		if sameHead(d.fold[j], head) {
			return true
		}
		switch d.fold[j] {
		case ",", ".", ";", ":", "(", ")":
			return false
		}
	}
	return false
}

// headSynonyms are heads a writer uses for one another: "X, an Iran-based
// company ... the firm".
var headSynonyms = map[string]string{"company": "firm", "firm": "firm", "corporation": "firm"}

// sameHead reports whether word and head are one head in other words.
func sameHead(word, head string) bool {
	a, ok := headSynonyms[word]
	return ok && a == headSynonyms[head]
}

// skipped reports whether c has one of the spans in skip.
func skipped(c *cand, skip []extractor.Span) bool {
	for _, s := range skip {
		if s.Start == c.start && s.End == c.end {
			return true
		}
	}
	return false
}
