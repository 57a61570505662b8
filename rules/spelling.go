package rules

import "strings"

// britishSpellings maps the British spelling of a word (lower case) to the
// American one. Tokens are compared in one spelling (foldKey, exactKey), so
// a rule, a trigger list or a gazetteer name written one way finds the text
// written the other: "the Ministry of Defence" and "defense contractors",
// "organisations" and "organizations", "Labour Party" and "labor unions",
// "FSB Centre 16" and "FSB Center 16", "programme" and "program". The
// pack's "~" spelling groups (gazetteer_word_synonyms) are the same pairs;
// TestSpellingGroupsFold keeps the two in step.
//
// Only whole words with one reading in either spelling: "program" is also
// software, but a rule that reads "programme" reads the word, not its sense.
var britishSpellings = map[string]string{
	"defence": "defense", "defences": "defenses",
	"organisation": "organization", "organisations": "organizations",
	"organisational": "organizational",
	"organise":       "organize", "organised": "organized", "organises": "organizes", "organising": "organizing",
	"labour": "labor", "labours": "labors", "labourer": "laborer", "labourers": "laborers",
	"centre": "center", "centres": "centers", "centred": "centered",
	"programme": "program", "programmes": "programs",
	"offence": "offense", "offences": "offenses",
	"licence": "license", "licences": "licenses",
	"behaviour": "behavior", "behaviours": "behaviors",
	"analyse": "analyze", "analysed": "analyzed", "analyses": "analyzes", "analysing": "analyzing",
	"authorised": "authorized", "unauthorised": "unauthorized",
	"specialised": "specialized", "specialises": "specializes", "specialising": "specializing",
	"weaponised": "weaponized", "weaponise": "weaponize",
	"militarised": "militarized",
	"utilise":     "utilize", "utilised": "utilized", "utilises": "utilizes", "utilising": "utilizing",
	"recognised": "recognized", "criticised": "criticized",
	"characterised": "characterized", "prioritised": "prioritized",
	"catalogue": "catalog", "catalogues": "catalogs",
	"honour": "honor", "favour": "favor",
	"neighbouring": "neighboring", "neighbour": "neighbor", "neighbours": "neighbors",
}

// spellingFirst holds the first letters of britishSpellings' keys, so most
// tokens skip the map lookup.
var spellingFirst [256]bool

// spellingLen bounds the keys' lengths, for the same reason.
var spellingMin, spellingMax = 1 << 10, 0

func init() {
	for k := range britishSpellings {
		spellingFirst[k[0]] = true
		spellingFirst[k[0]-'a'+'A'] = true
		spellingMin, spellingMax = min(spellingMin, len(k)), max(spellingMax, len(k))
	}
}

// foldSpelling returns the American spelling of a lower-case word.
func foldSpelling(s string) string {
	if len(s) < spellingMin || len(s) > spellingMax || !spellingFirst[s[0]] {
		return s
	}
	if a, ok := britishSpellings[s]; ok {
		return a
	}
	return s
}

// spellExact returns s in the American spelling keeping its case
// ("Defence" → "Defense", "CENTRE" → "CENTER"), for the case-sensitive
// comparisons (exactKey).
func spellExact(s string) string {
	if len(s) < spellingMin || len(s) > spellingMax || !spellingFirst[s[0]] {
		return s
	}
	a, ok := britishSpellings[strings.ToLower(s)]
	if !ok {
		return s
	}
	switch {
	case s == strings.ToUpper(s):
		return strings.ToUpper(a)
	case s[0] >= 'A' && s[0] <= 'Z':
		return strings.ToUpper(a[:1]) + a[1:]
	}
	return a
}

// FoldSpelling returns the American spelling of a lower-case word, else the
// word: the one spelling names are keyed by (extract.VariantKey), as tokens
// are compared by (foldKey).
func FoldSpelling(w string) string { return foldSpelling(w) }
