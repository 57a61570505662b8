package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/reportgraph/extractor/rules"
)

// VariantKey folds the spelling variants of one name into one key:
// NormalizeName (case, "the", dashes, quotes, spaces), then a trailing
// possessive dropped, accents dropped, and every character but letters,
// digits, '&', '+' and '#' removed — so "Qihoo360", "Qihoo 360",
// "Qihoo-360" and "QIHOO 360's" share a key, "APT 28" is "APT28", "U.S." is
// "US", "Ministry of Defence" is "Ministry of Defense" (rules.FoldSpelling).
// Digits are kept: "APT28" and "APT29" never share a key.
//
// It returns "" for a name with no letter or digit.
func VariantKey(name string) string {
	s := NormalizeName(name)
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "'")
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // where the current run of letters starts in b, or -1
	flush := func() {
		// One spelling of a word: "Ministry of Defence" and "Ministry of
		// Defense", "defence" and "defense" are one name.
		if word >= 0 {
			w := b.String()[word:]
			if f := rules.FoldSpelling(w); f != w {
				done := b.String()[:word]
				b.Reset()
				b.WriteString(done)
				b.WriteString(f)
			}
		}
		word = -1
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r): // accents after NFD: "Düsseldorf" = "Dusseldorf"
		case unicode.IsLetter(r):
			if word < 0 {
				word = b.Len()
			}
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsDigit(r) || r == '&' || r == '+' || r == '#':
			flush()
			b.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return b.String()
}

// isAcronym reports whether a surface form reads as an abbreviation: two to
// eight capital letters, no digit, no lower-case letter except a plural "s"
// ("MSS", "IRGC", "U.S.", "NGOs"). Abbreviations are the names most often
// reused for different things in different reports, so an abbreviation
// that a document defines is tied to that document's definition.
func isAcronym(text string) bool {
	letters, lower := 0, 0
	rs := []rune(strings.TrimSpace(text))
	for i, r := range rs {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLower(r):
			if !(r == 's' && i == len(rs)-1) {
				return false
			}
			lower++
		case r == '.', r == '&', r == '-':
		default: // digits too: "APT41", "TA415", "FIN7" are designations, not abbreviations
			return false
		}
	}
	return letters >= 2 && letters <= 8 && lower <= 1
}

// functionWords may or may not give a letter to an abbreviation:
// "Department of Justice" is both "DJ" and "DoJ".
var functionWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true,
	"in": true, "to": true, "de": true, "du": true, "la": true, "&": true}

// spells reports whether short is the abbreviation of long by initials:
// one letter per word of long (words split at spaces and hyphens), function
// words optional, case ignored, a plural "s" on short allowed. It is
// stricter than the alias rules' check (letters in order), because it
// decides whether a document's definition overrides a known name:
// "Managed Security Services (MSS)" spells MSS, "Bureau of the People
// Liberation Army (PLA)" does not.
func spells(long, short string) bool {
	var letters []rune
	for _, r := range short {
		if unicode.IsLetter(r) {
			letters = append(letters, unicode.ToLower(r))
		}
	}
	if n := len(letters); n > 2 && letters[n-1] == 's' && strings.HasSuffix(strings.TrimSpace(short), "s") {
		letters = letters[:n-1]
	}
	words := strings.FieldsFunc(NormalizeName(long), func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '/' })
	// match[i][j]: words[i:] spell letters[j:]
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if i == len(words) {
			return j == len(letters)
		}
		w := []rune(words[i])
		if functionWords[words[i]] && match(i+1, j) {
			return true
		}
		return j < len(letters) && len(w) > 0 && w[0] == letters[j] && match(i+1, j+1)
	}
	return len(letters) >= 2 && len(words) <= 12 && match(0, 0)
}

// rewords reports whether long names the same thing as known, a known long
// form, in other words: as many words (function words aside), at least one
// of them the same, the others swapped one for one. A paraphrased or
// translated report keeps an abbreviation and rewrites what it stands for
// ("Citizens' Freedom Host (PLA)" for "People's Liberation Army"); a
// longer or shorter name is something else ("Bureau of the People
// Liberation Army (PLA)" is a bureau of it).
func rewords(long, known string) bool {
	a, b := contentWords(long), contentWords(known)
	if len(a) < 2 || len(a) != len(b) {
		return false
	}
	shared := map[string]bool{}
	for _, w := range b {
		shared[w] = true
	}
	for _, w := range a {
		if shared[w] {
			return true
		}
	}
	return false
}

// contentWords returns the words of a name, folded, without function words.
func contentWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(NormalizeName(name), func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '/' }) {
		if w = VariantKey(w); w != "" && !functionWords[w] {
			out = append(out, w)
		}
	}
	return out
}
