package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

// Composed sector names. Reports name a kind of victim by a domain word and
// a noun of institutions: "mining firms", "casino operators", "hospital
// networks", "e-commerce platforms", "a regional electricity supplier".
// Listing every such phrase in a gazetteer grows it phrase by phrase from
// the documents at hand; a gazetteer rule with
//
//	heads: $sector_institution_heads
//	domains: $sector_domain_words
//	canonicals: $sector_domain_canonicals
//
// composes them instead: every domain word followed by every head is a
// name of the rule (bare domain words are not: "mining" alone is as often
// cryptocurrency mining, "power" a laptop's). A hyphenated domain word
// ("energy-sector companies", "healthcare-related organisations") composes
// too. The canonical name of a composed name is the domain's item of
// canonicals ("trucking: transportation"), else the canonical name the
// sector gazetteer already gives the domain word or its usual phrases (the
// word, its plural, "<word> sector", "<word> industry", "<word>
// companies": "shipping" is maritime, "casino" is entertainment through
// "casinos"), else the domain word itself. A composed name that is already
// a gazetteer name keeps the gazetteer's entry.
//
// The mention spans the whole phrase ("casino operators", "mining firm"),
// but only the domain word where the gazetteers know it alone or it is an
// item of short ("shipping" of "shipping firms", "blockchain" of
// "blockchain firms", as the pack wrote them before the composition), and
// where it follows a coordinator, as the sector lists write their members
// ("water" of "power and water operators", "chemical" of "shipping firms
// across the Gulf, and chemical firms").
//
// One victim described by its kind ("a Canadian mining firm disclosed
// the breach") is a sector, as our gold has it, but a named company's
// description is not: a singular head right before a capitalised name ("the
// payments firm Norvane"), or after an article that follows a comma or a
// copula ("Norvane, a payments firm", "Tallow is a software company").
//
// A composed name matches in lower case after its first word, and its first
// word is lower case, all capitals ("IT companies") or capitalised at the
// start of a sentence: "Northwind Shipping Company" and "Acme Mining firm"
// stay companies' names.
//
// The rule's type is sector (checkComposed): the composition reads the
// sector gazetteers' canonical names and the sector lists' mentions.

// The pack lists of the composed names (core-sector-domains.yaml), words an
// analyst extends: the hyphen tails that make a domain word a modifier of
// the head of its own ("energy-sector companies"); the adjectives of
// quantity, size and reach that may stand before a domain word the target
// rules type alone ("several shipping firms"); frequent words before a
// domain word that are no modifiers ("targeting shipping firms"), so that
// most composed names need no tagging; and the words capitalised in
// title-case lines without being a name's ("Attacks On The Energy
// Sector").
const (
	listSectorComposeTails   = "sector_compose_tails"
	listSectorPlainModifiers = "sector_plain_modifiers"
	listSectorNotModifiers   = "sector_not_modifiers"
	listSectorTitleWords     = "sector_title_function_words"
	listStateOrganBodies     = "state_organ_bodies"
)

// composedRule is a gazetteer rule with heads, waiting for its names.
type composedRule struct {
	r    *rule
	spec *ruleSpec
}

// composeHeads inserts the composed names of the gazetteer rules with
// heads, once every gazetteer name is known.
func (c *compiler) composeHeads(lists map[string]*listSpec) {
	p := c.p
	p.sectorPlain = foldedWords(lists[listSectorPlainModifiers])
	p.sectorNotMod = foldedWords(lists[listSectorNotModifiers])
	p.sectorTitleWords = foldedWords(lists[listSectorTitleWords])
	var composeTails []string
	if l := lists[listSectorComposeTails]; l != nil {
		for _, it := range l.items {
			composeTails = append(composeTails, strings.ToLower(strings.TrimSpace(it.s)))
		}
	}
	for _, cr := range c.composed {
		r, spec := cr.r, cr.spec
		c.r = spec
		canon := map[string]string{}
		for _, it := range spec.canonOf {
			k := strings.Index(it.s, ":")
			if k <= 0 || strings.TrimSpace(it.s[k+1:]) == "" {
				c.errorf(it.node, "canonicals item %q: want \"domain: canonical\"", it.s)
				continue
			}
			canon[foldKey(strings.Join(strings.Fields(it.s[:k]), " "))] = strings.TrimSpace(it.s[k+1:])
		}
		var heads [][]string
		if p.sectorHeads == nil {
			p.sectorHeads = map[string]bool{}
		}
		for _, h := range spec.heads {
			if toks := c.tokenize(strings.ToLower(h.s)); len(toks) > 0 {
				heads = append(heads, toks)
				p.sectorHeads[foldKey(toks[len(toks)-1])] = true
			}
		}
		short := map[string]bool{}
		for _, it := range spec.shortOf {
			short[foldKey(strings.Join(strings.Fields(it.s), " "))] = true
		}
		if c.p.sectorDoms == nil {
			c.p.sectorDoms = map[string]bool{}
		}
		entries := map[string]int32{} // canonical → entry
		seen := map[string]bool{}
		for _, dw := range spec.domains {
			dtoks := c.tokenize(strings.ToLower(strings.TrimSpace(dw.s)))
			if len(dtoks) == 0 {
				c.errorf(dw.node, "domain %q has no tokens", dw.s)
				continue
			}
			dkey := strings.Join(foldAll(append([]string(nil), dtoks...)), " ")
			name := c.domainCanonical(dkey, canon)
			entry, ok := entries[name]
			if !ok {
				entry = int32(len(c.p.gaz.entries))
				c.p.gaz.entries = append(c.p.gaz.entries, gazEntry{canonical: name, typ: extractor.Sector})
				entries[name] = entry
			}
			// a domain word the gazetteers know alone ("shipping",
			// "aviation") or one of short (the words the target rules
			// type before such a head: "blockchain" of "blockchain
			// firms") stays the mention, as it was without the head
			known := c.sectorCanon[dkey] != ""
			alone := known || short[dkey]
			c.p.sectorDoms[dkey] = true
			forms := [][]string{dtoks}
			if len(dtoks) == 1 {
				for _, t := range composeTails {
					forms = append(forms, []string{dtoks[0] + "-" + t})
				}
			} else if joined := strings.Join(dtoks, "-"); len(c.tokenize(joined)) == 1 {
				forms = append(forms, []string{joined}) // "public-sector organisations"
			}
			for _, f := range forms {
				for _, h := range heads {
					toks := append(append([]string(nil), f...), h...)
					key := strings.Join(foldAll(append([]string(nil), toks...)), " ")
					if c.gazKeys[key] || seen[key] {
						continue // a gazetteer name keeps its entry
					}
					seen[key] = true
					hit := newHit(r.idx, entry, caseInsensitive, toks)
					hit.phrase, hit.composed, hit.dlen = true, true, int8(len(f))
					hit.single = !strings.HasSuffix(h[len(h)-1], "s")
					// one victim stays whole, "a government contractor",
					// unless the gazetteers know its word alone
					if alone && (!hit.single || known) {
						hit.keep = len(f)
					}
					c.p.insertName(toks, hit)
					c.p.gaz.names++
				}
			}
		}
	}
}

// checkComposed checks the fields of composed names on a gazetteer rule:
// heads and domains go together; the composition reads the sector
// gazetteers' canonical names and the sector lists' mentions, so the rule's
// type is sector; canonicals and short describe domain words; and
// not_after and not_before apply to composed names only, so a rule without
// heads may not hold them.
func (p *parser) checkComposed(r *ruleSpec) {
	_, heads := r.fields["heads"]
	_, domains := r.fields["domains"]
	switch {
	case heads && !domains:
		p.errorf(r.node, "gazetteer rule with heads needs the field \"domains\" (the words composed before them)")
	case domains && !heads:
		p.errorf(r.node, "gazetteer rule with domains needs the field \"heads\" (the nouns composed after them)")
	}
	if !heads {
		for _, f := range []string{"canonicals", "short", "not_after", "not_before"} {
			if n, ok := r.fields[f]; ok {
				p.errorf(n, "gazetteer field %q applies to composed names only: the rule needs heads and domains", f)
			}
		}
		return
	}
	if r.typ != string(extractor.Sector) {
		p.errorf(r.node, "gazetteer rule with heads composes sector names: type must be %q, not %q", extractor.Sector, r.typ)
	}
}

// domainCanonical is the canonical name of a domain word (folded key):
// its item of canonicals, else the sector gazetteer's canonical name of the
// word or its usual phrases, else the word.
func (c *compiler) domainCanonical(key string, canon map[string]string) string {
	if n := canon[key]; n != "" {
		return n
	}
	for _, k := range []string{key, key + "s", key + " sector", key + " industry", key + " companies", key + " firms", key + " sectors"} {
		if n := c.sectorCanon[k]; n != "" {
			return n
		}
	}
	return key
}

// composedCase reports whether a composed name may start at token i: its
// first word is lower case, all capitals ("IT companies"), or capitalised
// at the start of its sentence.
func (d *docState) composedCase(i int) bool {
	t := d.tokText[i]
	upper, lower := false, false
	for k, r := range t {
		if k == 0 {
			upper = unicode.IsUpper(r)
			continue
		}
		lower = lower || unicode.IsLower(r)
	}
	if !upper || !lower {
		return true
	}
	return d.sentenceInitial(i)
}

// composedOK applies the conditions of a composed name at token i beyond
// the trie: its case, the words around it, and for a singular head that
// it names one victim of the kind.
func (d *docState) composedOK(h *gazHit, i int) bool {
	j := i + len(h.toks)
	if !d.composedCase(i) || d.composedAfter(h, i) || d.inLongerDomain(h, i) {
		return false
	}
	if r := d.p.rules[h.rule]; r.notBefore != nil && j < int(d.sentHi(i)) && r.notBefore[d.fold[j]] {
		return false // "news outlets reported"
	}
	if h.keep > 0 && d.modifiedBefore(i) {
		return false
	}
	return !h.single || d.oneVictim(i, j)
}

// modifiedBefore reports whether a lower-case noun or adjective of its own
// stands before the domain word at token i ("naval engineering
// corporations", "online game corporations"): the target rules, which type
// such a domain word alone, name the victims with the modifier, so a
// composed name that keeps only the domain word leaves them to it.
func (d *docState) modifiedBefore(i int) bool {
	if i <= int(d.sentLo[d.sentOf[i]]) {
		return false
	}
	t := d.tokText[i-1]
	if t != strings.ToLower(t) || !hasLetter(t) || d.p.sectorPlain[d.fold[i-1]] || nameFunctionWords[d.fold[i-1]] ||
		d.p.sectorNotMod[d.fold[i-1]] {
		return false
	}
	tag := d.pos(i - 1) // tags the sentence: the cheap tests come first
	return tag == "JJ" || tag == "NN"
}

// composedSpan is the first and last token of the mention of a composed
// name at tokens [i, j): the domain word alone (keep, or after a
// coordinator and another domain word), else the whole phrase with up to
// two lower-case modifiers of its own before it ("online game
// corporations"), or with a place-adjective after the article of a
// singular name ("a Canadian mining firm" is named "Canadian mining firm",
// as our gold names one victim).
func (d *docState) composedSpan(h *gazHit, i, j int) (int, int) {
	if h.keep > 0 || d.coordinated(i) {
		return i, i + int(h.dlen) - 1
	}
	if h.single && i-2 >= int(d.sentLo[d.sentOf[i]]) {
		if t := d.tokText[i-1]; startsUpper(t) && appositionDeterminers[d.fold[i-2]] {
			return i - 1, j - 1
		}
	}
	// a modifier of its own belongs to the name: "online game
	// corporations", "naval shipbuilding firms"
	start := i
	for k := 0; k < 2 && d.modifiedBefore(start); k++ {
		start--
	}
	return start, j - 1
}

// oneArticles before one victim of a kind: indefinite, for "the software
// company" refers back to a company named before.
var oneArticles = map[string]bool{"a": true, "an": true, "one": true, "another": true}

// modals after one victim of a kind make it hypothetical. (A closed class
// of grammar, like describeCopulas, not vocabulary an analyst extends: it
// stays here, while the lists of domain words, heads and modifiers are
// pack lists.)
var modals = map[string]bool{"may": true, "might": true, "could": true, "would": true, "should": true, "can": true}

// oneVictim reports whether the singular composed name at tokens [i, j)
// names one victim of its kind: an indefinite article before it (over up to
// three modifiers: "a large Canadian mining firm"; "the software company"
// is a company named before), no noun right after it
// ("nuclear operator leaks", "financial institution fraud" are things) nor
// a modal ("a chemicals producer may fall under the rules"),
// and no description of a named company (describesOne).
func (d *docState) oneVictim(i, j int) bool {
	lo, hi := int(d.sentLo[d.sentOf[i]]), int(d.sentHi(i))
	if j < hi {
		if modals[d.fold[j]] {
			return false // "a large chemicals producer may fall under the rules"
		}
		if t := d.tokText[j]; !startsUpper(t) && !nameFunctionWords[d.fold[j]] && strings.HasPrefix(d.pos(j), "NN") {
			return false
		}
	}
	det := false
	for k := i - 1; k >= lo && k >= i-4; k-- {
		if oneArticles[d.fold[k]] {
			det = true
			break
		}
		if !hasLetter(d.tokText[k]) || d.fold[k] == "and" || d.fold[k] == "or" {
			break
		}
	}
	return det && !d.describesOne(i, j)
}

// composedAfter reports whether a word of the rule's not_after stands right
// before a composed name at token i: "cyber defense firms", "security
// software makers" and "crypto mining operators" are no kinds of victim.
func (d *docState) composedAfter(h *gazHit, i int) bool {
	r := d.p.rules[h.rule]
	return r.notAfter != nil && d.notAfterMatch(r.notAfter, i)
}

// copulas before the article of a description of a named company.
var describeCopulas = map[string]bool{"is": true, "was": true, "be": true, "been": true, "being": true,
	"became": true, "becomes": true, "remains": true, "as": true}

// describesOne reports whether the singular composed name at tokens [i, j)
// describes one named company: a capitalised word right after it, or an
// article before it (up to three modifiers back) after a comma or a
// copula.
func (d *docState) describesOne(i, j int) bool {
	lo, hi := int(d.sentLo[d.sentOf[i]]), int(d.sentHi(i))
	if j < hi {
		if t := d.tokText[j]; startsUpper(t) {
			return true
		}
	}
	for k := i - 1; k >= lo && k >= i-6; k-- {
		switch d.fold[k] {
		case "a", "an", "the":
			return k > lo && (d.fold[k-1] == "," || describeCopulas[d.fold[k-1]])
		case ";", ":", "(":
			return false
		}
	}
	return false
}

// domainLen is how many tokens of a composed name are its domain word.
func (h *gazHit) domainLen() int { return int(h.dlen) }

// coordinated reports whether the composed name at token i follows a
// coordinator: "and", "or", "&", "/" or a comma ("power and water
// operators", "oil, gas and petrochemical companies").
func (d *docState) coordinated(i int) bool {
	lo := int(d.sentLo[d.sentOf[i]])
	k := i - 1
	if k <= lo {
		return false
	}
	switch d.fold[k] {
	case "and", "or", "&", "/", ",":
	default:
		return false
	}
	if d.fold[k] != "," && d.fold[k-1] == "," && k-1 > lo {
		k-- // ", and"
	}
	return d.p.sectorDoms[d.fold[k-1]]
}

// inLongerDomain reports whether the domain word of the composed name at
// token i ends a longer domain word that starts before it: "game
// companies" inside "video game companies" is the longer name's.
func (d *docState) inLongerDomain(h *gazHit, i int) bool {
	lo := int(d.sentLo[d.sentOf[i]])
	end := i + int(h.dlen)
	for k := 1; k <= 3 && i-k >= lo; k++ {
		if d.p.sectorDoms[strings.Join(d.fold[i-k:end], " ")] {
			return true
		}
	}
	return false
}

// insideName reports whether a lower-case sector name written capitalised at
// tokens [i, j), not at the start of its sentence, follows a capitalised
// word that may be a name's and ends the capitalised run: the last words of
// a company's name ("Northwind Shipping said", "Duke Energy reported"), not
// a sector. (A run that goes on, "the Kirkhaven Health Sector Cyber
// Council", is left to the rules of names, which the sector mention keeps
// from reading "Kirkhaven Health" as a list of sectors.) Capitals say
// nothing of a name after a function word ("Both Finance and Insurance",
// "Beyond Healthcare,": the word's lexical class, else the pack list
// sector_title_function_words), in a title-case line ("Iranian Hackers
// Strike Aviation", unless a place and one word come before it) or before a lower-case institution noun of the
// composed names ("Korean Energy firms", "Chinese Government agencies").
func (d *docState) insideName(i, j int) bool {
	t := d.tokText[i]
	if !startsUpper(t) || strings.ToUpper(t) == t || i <= int(d.sentLo[d.sentOf[i]]) || d.sentenceInitial(i) {
		return false
	}
	hi := int(d.sentHi(i))
	if j < hi && startsUpper(d.tokText[j]) {
		return false
	}
	// a lower-case institution head after the capitalised word, in the
	// name ("Government agencies", "Government ministries": a head of
	// state_organ_bodies there too) or right after it ("Energy firms")
	for _, k := range [2]int{j - 1, j} {
		if k > i && k < hi && d.tokText[k] == strings.ToLower(d.tokText[k]) &&
			(d.p.sectorHeads[d.fold[k]] || k == j-1 && d.p.stateOrganBodies[d.fold[k]]) {
			return false
		}
	}
	p := d.tokText[i-1]
	if !startsUpper(p) || strings.ToUpper(p) == p || nameFunctionWords[d.fold[i-1]] || d.p.sectorTitleWords[d.fold[i-1]] {
		return false
	}
	if tag, ok := d.wordTag(i - 1); ok && functionTags[tag] {
		return false
	}
	lo := int(d.sentLo[d.sentOf[i]])
	return !d.titleCaseLine(lo, hi) || i-2 >= lo && d.placeWord(i-2)
}

// placeWord reports whether token k alone is a place's name or adjective of
// the gazetteers ("Chinese", "Texas"): in a title-case line a place, a word
// and a sector word are a body's name ("Chinese Security Ministries"), not
// a verb and its object ("Iranian Hackers Strike Aviation").
func (d *docState) placeWord(k int) bool {
	return d.namesPlace(d.vent[k])
}

// namesPlace reports whether the word of vocabulary entry v is, alone, a
// name of the location gazetteer.
func (d *docState) namesPlace(v *vocabEntry) bool {
	if v == nil || v.gaz == nil {
		return false
	}
	for _, h := range v.gaz.hits {
		if d.p.gaz.entries[h.entry].typ == extractor.Location {
			return true
		}
	}
	return false
}

// titleCaseLine reports whether the sentence of tokens [lo, hi) is a
// title-case line: at least four words, every one capitalised but function
// words, no list mark or table bar first and no full stop last (a list
// item or table cell "Duke Energy" stays a name).
func (d *docState) titleCaseLine(lo, hi int) bool {
	if !d.titleShaped(lo, hi, hi-lo) {
		return false
	}
	words := 0
	for k := lo; k < hi; k++ {
		r, _ := utf8.DecodeRuneInString(d.tokText[k])
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			continue
		}
		if tag, ok := d.wordTag(k); !ok || !functionTags[tag] {
			return false
		}
	}
	return words >= 4
}
