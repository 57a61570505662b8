package rules

import "strings"

// A synonym-swapping paraphraser rewrites the cue words of the relation
// rules as well as names: "a hacking grouping" for a hacking group, "an
// IRGC declarer" for an IRGC contractor, "imputed to" for attributed to.
// Each cue list could carry such words by hand (several do: "gaggle",
// "entrance firm"), but a word swapped everywhere would have to be added to
// every list that holds it. The pack list rel_cue_word_synonyms ("word:
// synonym | synonym") says it once: at compile time every lower/lower_in
// list of a relation, topic or entity pattern rule (and the lists its "not"
// elements hold), the cues of a topic rule ("contaminated machines, mostly
// in Iran" as "infected machines"), and the intros of a list rule, get, for each item holding
// such a word, the item with that word swapped, one word at a time, and
// with every such word swapped at once.
// Only lower-case lists are read, so a capitalised name in a list keeps its
// spelling; the items written in the list stay as they are.

// listCueWordSynonyms names the pack list of cue-word synonyms.
const listCueWordSynonyms = "rel_cue_word_synonyms"

// cueSynonymTable parses the pack list: folded word → its synonyms as
// written (one or more words each).
func (c *compiler) cueSynonymTable(lists map[string]*listSpec) map[string][]string {
	l, ok := lists[listCueWordSynonyms]
	if !ok || len(l.items) == 0 {
		return nil
	}
	saved := c.r
	c.r = &ruleSpec{file: l.file, node: l.node}
	defer func() { c.r = saved }()
	table := map[string][]string{}
	for _, it := range l.items {
		word, parts, ok := synonymItem(it.s)
		if !ok {
			c.errorf(it.node, "%s item %q: want \"word: synonym | synonym\"", listCueWordSynonyms, it.s)
			continue
		}
		for _, s := range parts {
			if s = strings.Join(strings.Fields(s), " "); s != "" {
				table[word] = append(table[word], s)
			}
		}
	}
	return table
}

// cueItems returns items with the synonym variants of their cue words
// added, when the rule being compiled is a relation, topic or entity
// pattern rule and the list is compared ignoring case; else items
// unchanged. Entity patterns read cue words too ("a senior psychoanalyst
// at Y" names Y as "a senior analyst at Y" does; "organisations in four
// spheres:" introduces sectors).
func (c *compiler) cueItems(items []strItem, fold bool) []strItem {
	if !fold || len(c.cueSyn) == 0 || c.r == nil || c.r.kind != KindRelation && c.r.kind != KindTopic && c.r.kind != KindPattern {
		return items
	}
	return c.cueVariants(items)
}

// cueIntros returns a list rule's intro phrases (a pattern or propagate
// rule's intros, always compared ignoring case) with the synonym variants
// of their cue words added.
func (c *compiler) cueIntros(items []strItem) []strItem {
	if len(c.cueSyn) == 0 {
		return items
	}
	return c.cueVariants(items)
}

// cueVariants returns items with, for each item holding words of the
// table, the item with one such word swapped at a time and with all of
// them swapped at once.
func (c *compiler) cueVariants(items []strItem) []strItem {
	seen := map[string]bool{}
	for _, it := range items {
		seen[strings.ToLower(it.s)] = true
	}
	out := items
	add := func(words []string, node strItem) {
		s := strings.Join(words, " ")
		if k := strings.ToLower(s); !seen[k] {
			seen[k] = true
			out = append(out, strItem{s: s, node: node.node})
		}
	}
	for _, it := range items {
		if it.s == actorNPMarker {
			continue
		}
		words := strings.Fields(it.s)
		all := append([]string(nil), words...)
		swapped := 0
		for i, w := range words {
			syns := c.cueSyn[foldKey(w)]
			for _, s := range syns {
				v := append(append(append([]string(nil), words[:i]...), s), words[i+1:]...)
				add(v, it)
			}
			if len(syns) > 0 {
				all[i] = syns[0]
				swapped++
			}
		}
		if swapped > 1 {
			add(all, it)
		}
	}
	return out
}
