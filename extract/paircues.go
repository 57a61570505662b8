package extract

import (
	"strings"
)

// cueMatcher finds the phrases of the pack's negation and hedge lists
// (rules.Pack.RelationCueWords) in a run of tokens, for the pair model's
// sentence features. It is a plain phrase lookup by the hash of the first
// word: the clause and aside logic of the relation rules is theirs; the
// model only needs to know that a sentence negates or hedges.
type cueMatcher struct {
	negations, hedges map[uint32][]cuePhrase // first word's hash → phrases
}

type cuePhrase struct {
	words []uint32 // wordHash of each word
	text  string
}

func newCueMatcher(negations, hedges []string) *cueMatcher {
	index := func(list []string) map[uint32][]cuePhrase {
		m := map[uint32][]cuePhrase{}
		for _, p := range list {
			var ph cuePhrase
			for _, w := range strings.Fields(p) {
				ph.words = append(ph.words, wordHash(w))
			}
			if len(ph.words) > 0 {
				ph.text = strings.Join(strings.Fields(strings.ToLower(p)), " ")
				m[ph.words[0]] = append(m[ph.words[0]], ph)
			}
		}
		return m
	}
	return &cueMatcher{negations: index(negations), hedges: index(hedges)}
}

// scan reports whether the words (wordHash of each token) hold a negation
// cue, and the first hedge cue among them ("" when none).
func (c *cueMatcher) scan(words []uint32) (negated bool, hedge string) {
	at := func(m map[uint32][]cuePhrase, i int) *cuePhrase {
		for k := range m[words[i]] {
			ph := &m[words[i]][k]
			if i+len(ph.words) > len(words) {
				continue
			}
			ok := true
			for j, w := range ph.words[1:] {
				ok = ok && words[i+1+j] == w
			}
			if ok {
				return ph
			}
		}
		return nil
	}
	for i := range words {
		if !negated && at(c.negations, i) != nil {
			negated = true
		}
		if hedge == "" {
			if ph := at(c.hedges, i); ph != nil {
				hedge = ph.text
			}
		}
	}
	return negated, hedge
}

// wordHash is the FNV-1a hash of a word lower-cased, computed without
// allocating for ASCII words. Features and cues compare words by it.
func wordHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return wordHashSlow(strings.ToLower(s))
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

func wordHashSlow(lower string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(lower); i++ {
		h ^= uint32(lower[i])
		h *= 16777619
	}
	return h
}
