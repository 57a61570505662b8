package rules

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// The negation, hedge and reporting-verb lists are also read outside the relation
// engine: the candidate-pair model of package extract uses them as
// features of a sentence (extract/pairfeatures.go). They are handed out as
// lower-cased phrases, so a user pack that redefines a list changes the
// model's cues too, and no second copy of the words exists.

// cueWords keeps the items of the cue lists, lower-cased, in pack order.
type cueWords struct {
	negations, hedges, reporting []string
	// lists are the one-word items of the relation rules' word lists
	// (RelationWordLists), by list name.
	lists []WordList
}

// WordList is a named word list of the pack, its items lower-cased.
type WordList struct {
	Name  string
	Words []string
}

func (c *compiler) keepCueWords(lists map[string]*listSpec) {
	read := func(name string) []string {
		l, ok := lists[name]
		if !ok {
			return nil
		}
		out := make([]string, 0, len(l.items))
		for _, it := range l.items {
			out = append(out, strings.ToLower(it.s))
		}
		return out
	}
	c.p.cueWords = cueWords{negations: read(listNegations), hedges: read(listHedges), reporting: read(listReportingVerbs),
		lists: c.relationWordLists(lists)}
}

// relationWordLists are the lists of the relation rules' files (rel-*.yaml,
// or a name beginning rel_ or relation_), each with its word items
// (isListWord: phrases, tag patterns, token regexes and punctuation left
// out, each word once), sorted by name so that whoever numbers them gets
// the same numbers on every run.
func (c *compiler) relationWordLists(lists map[string]*listSpec) []WordList {
	var out []WordList
	for name, l := range lists {
		base := filepath.Base(l.file)
		if !strings.HasPrefix(base, "rel-") && !strings.HasPrefix(name, "rel_") && !strings.HasPrefix(name, "relation_") {
			continue
		}
		var words []string
		for _, it := range l.items {
			w := strings.ToLower(it.s)
			if c.isListWord(w) && !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
		if len(words) > 0 {
			out = append(out, WordList{Name: name, Words: words})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// isListWord reports whether a list item is one word a document token can
// equal: it reads as one token, as the compiler reads list items
// (tokenize), made of letters with at most a hyphen or an apostrophe
// inside ("start-up"). A token regex ('\p{Lu}[\p{L}.]*-based'), a
// punctuation mark ("(", "?"), "n/a" or a tag pattern ("<ORG>") is no
// word: the pair model would read it as a vocabulary it is not.
func (c *compiler) isListWord(item string) bool {
	if toks := c.tokenize(item); len(toks) != 1 || toks[0] != item {
		return false
	}
	prev := '-'
	for _, r := range item {
		if r == '-' || r == '\'' {
			if prev == '-' || prev == '\'' {
				return false
			}
		} else if !unicode.IsLetter(r) {
			return false
		}
		prev = r
	}
	return prev != '-' && prev != '\''
}

// RelationWordLists returns the word lists of the relation rules (those
// of the rel-*.yaml files and any list named rel_* or relation_*), each
// with its one-word items lower-cased, sorted by name: the vocabularies
// (reporting verbs, employment nouns, targeting verbs ...) the pair model
// reads the words between two mentions by, so what it learns of a list
// carries to every word in it.
func (p *Pack) RelationWordLists() []WordList {
	out := make([]WordList, len(p.cueWords.lists))
	for i, l := range p.cueWords.lists {
		out[i] = WordList{Name: l.Name, Words: append([]string(nil), l.Words...)}
	}
	return out
}

// listReportingVerbs names the pack list of verbs that report what
// someone else did ("said", "assessed").
const listReportingVerbs = "rel_reporting_verbs"

// ReportingVerbs returns the words of the pack list rel_reporting_verbs,
// lower-cased ("said", "assessed", "wrote").
func (p *Pack) ReportingVerbs() []string {
	return append([]string(nil), p.cueWords.reporting...)
}

// RelationCueWords returns the phrases of the pack lists relation_negations
// and relation_hedges, lower-cased ("not", "no evidence"; "likely",
// "assessed with moderate confidence").
func (p *Pack) RelationCueWords() (negations, hedges []string) {
	return append([]string(nil), p.cueWords.negations...), append([]string(nil), p.cueWords.hedges...)
}
