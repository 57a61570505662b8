package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Name words in other words. A synonym-swapping paraphraser rewrites the
// words of an organisation's or a body's name that a pattern rule reads
// from a capitalised word list: "Yvelmoor Constitute" for Yvelmoor
// Institute, "Harrow Analysis" for Harrow Research, "Marlcliff Research
// laboratories" for Marlcliff Labs. Gazetteer names get such variants from
// the pack lists gazetteer_word_synonyms and gazetteer_name_word_synonyms
// (gazetteer_synonyms.go); a pattern element with `synonyms: true` gets
// those of the first (the common swaps) too: every item of its case-sensitive list (text, in) that holds a
// word of the tables is also matched with one such word swapped, written
// as the paraphraser writes it (the first letter in the case of the word
// it replaces, the rest as the table has it: "Research laboratories").
// Spellings ("~centre") add nothing (every rule compares one spelling).

// nameSynonymTable parses the common name-word table into folded word →
// its synonyms as written. The rarer senses of gazetteer_name_word_synonyms
// are left out: a pattern reads any capitalised words before its list
// item, and "Reverse Engineering" or "Systems Engineering" (technology:
// engineering) would be companies; a known name's variant keeps the rest
// of the name.
func (c *compiler) nameSynonymTable(lists map[string]*listSpec) map[string][]string {
	table := map[string][]string{}
	for _, name := range []string{listGazetteerWordSynonyms} {
		l, ok := lists[name]
		if !ok {
			continue
		}
		for _, it := range l.items {
			word, parts, ok := synonymItem(it.s)
			if !ok {
				continue // gazetteerVariants reports it
			}
			for _, s := range parts {
				s = strings.Join(strings.Fields(s), " ")
				if s == "" || strings.HasPrefix(s, "~") {
					continue
				}
				table[word] = append(table[word], s)
			}
		}
	}
	return table
}

// nameSynonymItems returns items with, for each word of an item that the
// name-word tables know, the item with that word swapped (one word at a
// time), in the case the word is written.
func (c *compiler) nameSynonymItems(items []strItem) []strItem {
	if len(c.nameSyn) == 0 {
		return items
	}
	seen := map[string]bool{}
	for _, it := range items {
		seen[it.s] = true
	}
	out := items
	for _, it := range items {
		if strings.HasPrefix(it.s, "$") {
			continue
		}
		words := strings.Fields(it.s)
		for i, w := range words {
			for _, s := range c.nameSyn[foldKey(w)] {
				if strings.HasPrefix(foldKey(w), foldKey(s)) {
					continue // a short form ("tech"), not a rewriter's word
				}
				v := append(append(append([]string(nil), words[:i]...), caseLike(w, s)), words[i+1:]...)
				if k := strings.Join(v, " "); !seen[k] {
					seen[k] = true
					out = append(out, strItem{s: k, node: it.node})
				}
			}
		}
	}
	return out
}

// caseLike writes a synonym as a paraphraser puts it in place of word:
// all in capitals for a word in capitals, with a capital first letter for
// a capitalised word, else as written.
func caseLike(word, syn string) string {
	r, _ := utf8.DecodeRuneInString(word)
	switch {
	case utf8.RuneCountInString(word) > 1 && strings.ToUpper(word) == word && strings.ToLower(word) != word:
		return strings.ToUpper(syn)
	case unicode.IsUpper(r):
		s, n := utf8.DecodeRuneInString(syn)
		return string(unicode.ToUpper(s)) + syn[n:]
	}
	return syn
}
