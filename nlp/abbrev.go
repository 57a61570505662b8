package nlp

// Abbreviation kinds decide two things: whether the tokenizer keeps the dot
// on the word ("Inc." stays one token) and whether a sentence may end there.
const (
	notAbbrev   = iota
	abbrevNever // never ends a sentence: "Fig. 3", "e.g.", "Dr. Smith"
	abbrevMaybe // ends one only before a typical sentence opener: "Inc. The"
	abbrevDigit // an abbreviation only before a number ("No. 5"), then never ends one
)

// abbreviations maps lower-case words (without the final dot) to their kind.
var abbreviations = map[string]int{
	// Titles and figure references precede what they name.
	"mr": abbrevNever, "mrs": abbrevNever, "ms": abbrevNever, "dr": abbrevNever, "prof": abbrevNever,
	"gen": abbrevNever, "sen": abbrevNever, "rep": abbrevNever, "gov": abbrevNever, "lt": abbrevNever,
	"col": abbrevNever, "capt": abbrevNever, "sgt": abbrevNever, "st": abbrevNever, "fig": abbrevNever,
	"figs": abbrevNever, "e.g": abbrevNever, "i.e": abbrevNever, "cf": abbrevNever, "vs": abbrevNever,
	"viz": abbrevNever, "approx": abbrevNever, "ca": abbrevNever, "incl": abbrevNever, "esp": abbrevNever,
	"resp": abbrevNever, "ver": abbrevNever,
	// Company suffixes that a legal form always follows: "Pte. Ltd.", "Pvt. Ltd.".
	"pte": abbrevNever, "pvt": abbrevNever,
	// Numbered references.
	"no": abbrevDigit, "nos": abbrevDigit, "vol": abbrevDigit, "vols": abbrevDigit, "p": abbrevDigit,
	"pp": abbrevDigit, "ch": abbrevDigit, "art": abbrevDigit, "sec": abbrevDigit, "eq": abbrevDigit,
	// Company suffixes, "etc." and months often end a sentence as well.
	"inc": abbrevMaybe, "ltd": abbrevMaybe, "corp": abbrevMaybe, "co": abbrevMaybe, "bros": abbrevMaybe,
	"pty": abbrevMaybe, "jr": abbrevMaybe, "sr": abbrevMaybe, "etc": abbrevMaybe, "al": abbrevMaybe,
	"dept": abbrevMaybe, "univ": abbrevMaybe, "govt": abbrevMaybe, "assn": abbrevMaybe, "intl": abbrevMaybe,
	"ave": abbrevMaybe, "rd": abbrevMaybe, "blvd": abbrevMaybe, "mt": abbrevMaybe, "ph.d": abbrevMaybe,
	"jan": abbrevMaybe, "feb": abbrevMaybe, "mar": abbrevMaybe, "apr": abbrevMaybe, "jun": abbrevMaybe,
	"jul": abbrevMaybe, "aug": abbrevMaybe, "sep": abbrevMaybe, "sept": abbrevMaybe, "oct": abbrevMaybe,
	"nov": abbrevMaybe, "dec": abbrevMaybe,
}

// abbrevKind classifies w, a word whose next character is a dot.
// nextDigit says whether a number follows ("No. 5").
func abbrevKind(w string, nextDigit bool) int {
	if len(w) == 0 {
		return notAbbrev
	}
	if len(w) == 1 {
		if w[0] >= 'A' && w[0] <= 'Z' {
			return abbrevMaybe // an initial: "J. Smith", but also "Appendix A. The"
		}
		if w[0] == 'p' && nextDigit {
			return abbrevNever
		}
		return notAbbrev
	}
	if len(w) <= 6 {
		var buf [6]byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		switch abbreviations[string(buf[:len(w)])] {
		case abbrevNever:
			return abbrevNever
		case abbrevMaybe:
			return abbrevMaybe
		case abbrevDigit:
			if nextDigit {
				return abbrevNever
			}
			return notAbbrev
		}
	}
	if dottedLetters(w) {
		return abbrevMaybe // U.S, U.K, a.m
	}
	return notAbbrev
}

// dottedLetters reports whether w is single ASCII letters joined by dots
// ("U.S", "U.S.A"), the last dot having been cut off.
func dottedLetters(w string) bool {
	if len(w) < 3 || len(w)%2 == 0 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i%2 == 1 {
			if c != '.' {
				return false
			}
		} else if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// tokenAbbrevKind classifies a token that ends with a dot and kept it.
func tokenAbbrevKind(tok string) int {
	if len(tok) < 2 || tok[len(tok)-1] != '.' {
		return notAbbrev
	}
	// The tokenizer kept the dot on numbered references only before a
	// number, so treat them as such.
	return abbrevKind(tok[:len(tok)-1], true)
}

// sentenceOpeners are capitalised words that usually start a sentence and
// rarely continue a name, so "Acme Inc. The group" splits while
// "the U.S. Department" does not.
var sentenceOpeners = map[string]bool{
	"The": true, "This": true, "These": true, "That": true, "Those": true, "There": true, "Their": true,
	"They": true, "Then": true, "Thus": true, "It": true, "Its": true, "In": true, "On": true, "At": true,
	"As": true, "After": true, "Before": true, "During": true, "While": true, "When": true, "Where": true,
	"Although": true, "Though": true, "However": true, "Moreover": true, "Furthermore": true,
	"Additionally": true, "Also": true, "Finally": true, "Meanwhile": true, "Since": true, "Because": true,
	"If": true, "We": true, "Our": true, "He": true, "She": true, "His": true, "Her": true, "A": true,
	"An": true, "According": true, "Both": true, "Each": true, "Many": true, "Most": true, "Some": true,
	"Several": true, "Such": true, "For": true, "From": true, "By": true, "With": true, "Based": true,
	"Similarly": true, "Notably": true, "Further": true, "Overall": true, "Once": true, "Despite": true,
	"I": true, "You": true, "Other": true, "Another": true, "All": true, "No": true, "Not": true,
	"What": true, "Which": true, "Who": true, "How": true, "Why": true, "To": true, "One": true,
}
