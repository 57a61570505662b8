package rules

import (
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// Hyphenated compounds. The tokenizer keeps "China-based", "Russian-speaking"
// and "North Korea-linked" as single tokens, so a gazetteer name never
// matches their head on its own. A gazetteer rule with
//
//	compounds: [based, linked, speaking, ...]
//
// also matches a name as the head of such a token when the part after the
// last hyphen is one of the listed tails. The mention spans the whole token
// ("China-based") and carries the entry's canonical name (China), so it is
// one entity with the other mentions of the country.
//
// The tail "*" stands for any lower-case word: a rewriter swaps the tail of
// "Tokyo-based" for a word no list holds ("Tokyo-established",
// "Oslo-grounded"), and the head is still the place. It accepts letters
// only, so "China-2023" or "US-China" (a capitalised tail) stay whole.

func (c *compiler) compounds(r *rule) {
	if len(c.r.compounds) == 0 {
		return
	}
	r.compounds = map[string]bool{}
	if c.p.tails == nil {
		c.p.tails = map[string]bool{}
	}
	for _, t := range c.r.compounds {
		if strings.TrimSpace(t.s) == anyCompoundTail {
			r.anyCompound = true
			c.p.anyCompound = true
			continue
		}
		k := foldKey(strings.TrimSpace(t.s))
		if k == "" || strings.ContainsAny(k, " -") {
			c.errorf(t.node, "compound tail %q must be one word without a hyphen", t.s)
			continue
		}
		r.compounds[k] = true
		c.p.tails[k] = true
	}
}

// splitCompounds fills d.head and d.tail for tokens "Head-tail" whose tail
// some gazetteer allows; d.head stays nil when the pack has no compounds.
func (d *docState) splitCompounds() {
	d.head, d.tail = d.head[:0], d.tail[:0]
	if len(d.p.tails) == 0 && !d.p.anyCompound {
		d.head, d.tail = nil, nil
		return
	}
	d.head = grow(d.head, len(d.tokText))
	d.tail = grow(d.tail, len(d.tokText))
	for i, t := range d.tokText {
		k := strings.LastIndexByte(t, '-')
		if k <= 0 || k == len(t)-1 {
			continue
		}
		tail := foldKey(t[k+1:])
		if !d.p.tails[tail] && !(d.p.anyCompound && allLowerLetters(t[k+1:])) {
			if d.p.anyCompound && i+1 < len(d.tokText) && d.demonymPair(t[:k], t[k+1:]) && (d.personNounAt(i+1) || d.firmNounAt(i+1)) {
				d.head[i], d.tail[i] = foldKey(t[:k]), demonymTail
			}
			continue
		}
		d.head[i], d.tail[i] = foldKey(t[:k]), tail
	}
}

// demonymTail is the tail of a double demonym ("Canadian-American",
// "Iranian-American", "Chinese-Canadian"): its head is a place as in
// "China-based". The mention names the first country, the one the text
// puts first (docs/corpus.md: "Canadian-American" is a name of Canada, and
// the nationality an optional located-in); a mention is one token's, so
// the second country gets none.
const demonymTail = "\x00demonym"

// personNounAt reports whether token k is a noun of a person (person_nouns,
// the actor nouns, or their plural): only before one does a double demonym
// give a nationality ("a Canadian-American hacker"); "the
// Israeli-Palestinian conflict" and "the Asian-American community" name none.
func (d *docState) personNounAt(k int) bool {
	w := foldKey(d.tokText[k])
	return d.hasWordTag(w, "personnoun", "actor") || strings.HasSuffix(w, "s") && d.hasWordTag(w[:len(w)-1], "personnoun", "actor")
}

// firmNounAt reports whether token k, or the word after a lower-case
// modifier at k, is a company's noun (the "org" word tag: company, firm,
// vendor ...): "a Russian-Ukrainian company", "the Israeli-American
// security firm" say where the company is, as a nationality says where a
// person is.
func (d *docState) firmNounAt(k int) bool {
	w := foldKey(d.tokText[k])
	if d.hasWordTag(w, "org") {
		return true
	}
	if k+1 >= len(d.tokText) || !allLowerLetters(d.tokText[k]) {
		return false
	}
	return d.hasWordTag(foldKey(d.tokText[k+1]), "org")
}

// demonymPair reports whether head and tail are both a demonym of a
// place gazetteer name: one word each, capitalised, ending as demonyms do
// (-an, -ese, -ish, -i, -ch), both single-token location names. Two
// country names ("US-China", "Russia-Ukraine") name a pair of countries,
// not a person's nationality, and stay whole.
func (d *docState) demonymPair(head, tail string) bool {
	return d.demonymWord(head) && d.demonymWord(tail)
}

// demonymWord reports whether w is a one-word location name of a
// gazetteer shaped like a demonym.
func (d *docState) demonymWord(w string) bool {
	if len(w) < 4 || !unicode.IsUpper([]rune(w)[0]) || !allLowerLetters(w[1:]) {
		return false
	}
	lw := strings.ToLower(w)
	if !strings.HasSuffix(lw, "an") && !strings.HasSuffix(lw, "ese") && !strings.HasSuffix(lw, "ish") &&
		!strings.HasSuffix(lw, "i") && !strings.HasSuffix(lw, "ch") {
		return false
	}
	return d.namesPlace(d.p.vocab[foldKey(w)])
}

// compoundHits adds a candidate for each name ending at trie node n whose
// last token is the head of compound token j (the name starts at token i).
func (d *docState) compoundHits(n *gnode, i, j int) {
	p := d.p
	for k := range n.hits {
		h := &n.hits[k]
		r := p.rules[h.rule]
		if !r.acceptsTail(d, j) || !h.acceptsCompound(d, i, j) {
			continue
		}
		e := &p.gaz.entries[h.entry]
		if d.tail[j] == demonymTail && e.typ != extractor.Location {
			continue
		}
		d.addCand(cand{start: d.tokStart[i], end: d.tokEnd[j], rule: h.rule, prio: r.prio,
			typ: e.typ, subtype: e.subtype, canonical: e.canonical, hide: r.suppress})
	}
}

// anyCompoundTail in a gazetteer's compounds list accepts any lower-case
// word as the tail.
const anyCompoundTail = "*"

// acceptsTail says whether the rule takes the tail of compound token j:
// a listed tail, or any lower-case word when the rule lists "*".
func (r *rule) acceptsTail(d *docState, j int) bool {
	if r.compounds[d.tail[j]] {
		return true
	}
	if d.tail[j] == demonymTail {
		return r.anyCompound
	}
	if !r.anyCompound {
		return false
	}
	t := d.tokText[j]
	return allLowerLetters(t[strings.LastIndexByte(t, '-')+1:])
}

// allLowerLetters reports whether s is a word of lower-case letters only.
func allLowerLetters(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return true
}

// acceptsCompound applies the case policy to a name whose last token is the
// head of the compound token j.
func (h *gazHit) acceptsCompound(d *docState, i, j int) bool {
	t := d.tokText[j]
	head := exactKey(t[:strings.LastIndexByte(t, '-')])
	last := len(h.toks) - 1
	tokAt := func(k int) string {
		if i+k == j {
			return head
		}
		return d.exact(i + k)
	}
	switch {
	case h.mode == caseInsensitive || h.lower:
		return true
	case h.mode == caseSensitive:
		for k := range h.toks {
			if tokAt(k) != h.toks[k] {
				return false
			}
		}
		return true
	}
	for k := 0; k <= last; k++ {
		t := tokAt(k)
		if t != h.toks[k] && t != h.upper[k] && t != h.title[k] {
			return false
		}
	}
	return true
}
