package rules

import (
	"strings"
	"unicode"
)

// Coined names in lower case. Under the auto case policy lower-case text
// never matches a name that has capitals ("turla" is no Turla), yet reports
// write many tools in lower case, in prose as in command lines: "mimikatz",
// "winrar", "hashcat", "psexec". A gazetteer rule with `lowercase: true`
// lets each of its coined names also match written all in lower case. A
// name is coined when it is one word (no space; "Evil-WinRM" and
// "PsExec.exe" are one), holds a lower-case letter (acronyms such as WCE
// or RDP stay capitals-only: "rdp" is a file name as often), has five
// letters or more, is neither common nor a context name, and its lower-case
// form is no English word of the pack list gazetteer_lowercase_words:
// "bloodhound", "chisel", "sliver", "donut", "putty" are words, so
// BloodHound, Chisel, Sliver, Donut and PuTTY still need their capitals.
// The list holds the English words that the default pack's names spell;
// a test (gazetteer_lower_test.go) checks it against an English word list
// (Debian's wamerican, /usr/share/dict/words), so that a name added later
// cannot turn a word into a tool.

// listGazetteerLowercaseWords names the pack list of English words that a
// coined name spelt in lower case may not be.
const listGazetteerLowercaseWords = "gazetteer_lowercase_words"

// lowerVariantMinLetters is the least number of letters of a coined name
// that matches in lower case.
const lowerVariantMinLetters = 5

func lowercaseWords(lists map[string]*listSpec) map[string]bool {
	words := map[string]bool{}
	if l, ok := lists[listGazetteerLowercaseWords]; ok {
		for _, it := range l.items {
			words[strings.ToLower(strings.TrimSpace(it.s))] = true
		}
	}
	return words
}

// coinedName reports whether name may match in lower case by its shape
// alone: one word with a lower-case letter and at least five letters.
func coinedName(name string) bool {
	name = strings.TrimSpace(name)
	letters, lower := 0, false
	for _, r := range name {
		switch {
		case unicode.IsSpace(r):
			return false
		case unicode.IsLower(r):
			lower = true
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return lower && letters >= lowerVariantMinLetters
}

// lowerVariant reports whether the name of hit h also matches written all
// in lower case.
func (c *compiler) lowerVariant(name string, h gazHit) bool {
	if h.mode != caseAuto || h.lower || h.common || h.context || !coinedName(name) {
		return false
	}
	return !c.lowerWords[strings.ToLower(strings.TrimSpace(name))]
}

// allLower reports whether tokens [i, i+len(h.toks)) of d spell the name of
// h all in lower case.
func (d *docState) allLower(h *gazHit, i int) bool {
	for k, w := range h.toks {
		if d.exact(i+k) != strings.ToLower(w) {
			return false
		}
	}
	return true
}
