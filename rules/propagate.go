package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

// Document propagation (kind: propagate). A report introduces a new name
// once, in a context a pattern recognises ("a cluster we track as Copper
// Heron", "the Copper Heron group"), and then uses the bare name everywhere
// else ("Copper Heron gained access ..."), where no pattern has context to
// go on. A propagate rule makes every other occurrence of the exact surface
// form of such a mention a mention of the same type, in the same document.
//
// Only mentions first found by context (pattern and alias rules, and the
// kind columns of tables) are propagated: a gazetteer name is found everywhere already. Only names that
// cannot be common words are propagated: several capitalised words ("Copper
// Heron") or one word whose shape is not that of an ordinary word (APT41,
// HERONLOAD, ShadowPad); never "Operators" or "Team". An occurrence must
// stand on token boundaries, overlap no other mention, and not be part of a
// longer capitalised run ("Copper Heron Labs" is another name).

// propRule is a compiled propagate rule.
type propRule struct {
	idx   int32
	prio  int
	types typeMask
	// intros, notCues: a rule with intros names the bare items of bullet
	// lists instead of spreading names (propagate_lists.go).
	intros, notCues *phraseSet
	// cues (with intros): kind nouns that, in an item's own description
	// ("- **X**, a PowerShell backdoor"), name the item whatever its
	// intro says (propagate_lists.go).
	cues *phraseSet
	typ  extractor.EntityType
}

// propagateRule compiles a propagate rule and returns its types for the
// rule listing.
func (c *compiler) propagateRule(r *rule) string {
	var types typeMask
	var names []string
	for _, t := range c.r.types {
		names = append(names, t.s)
		if t.s == "any" {
			types |= anyType
		} else {
			types |= maskOf(extractor.EntityType(t.s))
		}
	}
	pr := propRule{idx: r.idx, prio: r.prio, types: types}
	if len(c.r.rel.intros) > 0 {
		if len(names) != 1 || names[0] == "any" {
			c.errorf(c.r.fields["types"], "a propagate rule with intros names its items with one type")
			return strings.Join(names, ",")
		}
		pr.intros, pr.notCues = c.phraseSet(c.cueIntros(c.r.rel.intros), true), c.optionalPhrases(c.r.rel.notCues)
		pr.cues = c.optionalPhrases(c.r.rel.cues)
		pr.typ = extractor.EntityType(names[0])
	}
	c.p.propagate = append(c.p.propagate, pr)
	return strings.Join(names, ",")
}

// propagateNames adds the propagated mentions of the document.
func (d *docState) propagateNames() {
	if len(d.p.propagate) == 0 || len(d.acc) == 0 {
		return
	}
	type source struct {
		c  *cand
		pr *propRule
		// shortOnly: a gazetteer name, found everywhere already, spreads
		// only its short name.
		shortOnly bool
		// plainWord: a one-word malware or tool name of ordinary shape
		// ("Warlock"), which spreads only where it reads as a name.
		plainWord bool
		// inner: the name inside a longer surface that a canonical: inner
		// rule made ("Hermes" of "Hermes ransomware"), which spreads.
		inner string
	}
	var sources []source
	seen := map[string]bool{}
	at := map[string]int{} // surface -> its index in sources
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.defanged {
			continue
		}
		r := d.p.rules[c.rule]
		k := r.kind
		shortOnly := k == KindGazetteer && c.typ == extractor.Organization
		// A name a table's kind column typed is found by context too.
		kindCell := k == KindTable && r.tbl != nil && r.tbl.kind
		if k != KindPattern && k != KindAlias && !kindCell && !shortOnly && !detectionFamily(r, c) {
			continue
		}
		surface := d.text[c.start:c.end]
		inner := d.innerForm(c, r, surface) // propagate_plain.go
		plain := false
		if !seen[surface] && !shortOnly && !propagatable(surface) && inner == "" {
			if plain = d.plainKindName(c, surface); !plain {
				continue
			}
		}
		if seen[surface] {
			// A name two rules typed differently spreads with the type of
			// the stronger one: "the Anthem and Sakula cases" (a list next
			// to a malware name) gives way to "Anthem, the Indianapolis-based
			// insurer" (an apposition that says what it is).
			if j, ok := at[surface]; ok && c.typ != sources[j].c.typ && c.prio > sources[j].c.prio {
				for pi := range d.p.propagate {
					if pr := &d.p.propagate[pi]; pr.intros == nil && pr.types&maskOf(c.typ) != 0 {
						sources[j] = source{c, pr, shortOnly, plain, inner}
						break
					}
				}
			}
			continue
		}
		for pi := range d.p.propagate {
			if pr := &d.p.propagate[pi]; pr.intros == nil && pr.types&maskOf(c.typ) != 0 {
				if plain && c.prio < pr.prio {
					// A one-word guess weaker than spreading itself
					// (core.organization.incident-victim's "the Zeltron
					// breach") names its own occurrence only.
					break
				}
				seen[surface] = true
				at[surface] = len(sources)
				sources = append(sources, source{c, pr, shortOnly, plain, inner})
				break
			}
		}
	}
	var added []cand
	drop := map[int]bool{} // accepted place names a company's short form starts with
	for _, s := range sources {
		surface := d.text[s.c.start:s.c.end]
		var forms []string
		if !s.shortOnly && (s.inner == "" || propagatable(surface)) {
			forms = append(forms, surface)
		}
		if s.inner != "" {
			forms = append(forms, s.inner)
		}
		if s.c.typ == extractor.Organization {
			// The longer short form first, so that "Northwind Harbor"
			// claims its occurrences before "Northwind" does.
			if short := d.p.cti.companyStem(surface); short != "" {
				forms = append(forms, short)
			}
			if short := d.p.cti.companyShortName(surface, d.notShortName); short != "" && d.shortNameStands(s.c, short) {
				forms = append(forms, short)
			}
		}
		if s.c.typ == extractor.Campaign {
			if short := operationShortName(surface); short != "" {
				forms = append(forms, short)
			} else if word := d.operationWord(surface); word != "" {
				forms = append(forms, word)
			}
		}
		for _, form := range forms {
			added = d.spread(added, drop, s.c, s.pr, surface, form, s.plainWord)
		}
		if s.c.typ == extractor.Organization {
			added = d.spreadPlaceless(added, drop, s.c, s.pr, surface)
		}
	}
	added = d.spreadBodyPlaceShort(added, drop) // propagate_body_place.go
	added = d.spreadInitials(added)
	if retyped := d.retypeNamedCampaigns(); len(added) == 0 {
		if retyped {
			d.index()
		}
		return
	}
	if len(drop) > 0 {
		kept := d.acc[:0]
		for i := range d.acc {
			if !drop[i] {
				kept = append(kept, d.acc[i])
			}
		}
		d.acc = kept
	}
	d.acc = append(d.acc, added...)
	sort.Slice(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
	d.index()
}

// spread adds a mention for every free occurrence of form, a surface of
// src or its short name, with src's type and canonical name (for a short
// name, the full surface when src names no other canonical). A short name
// of several words that starts with a place ("Yanbian Silverstar" of
// "Yanbian Silverstar Network Technology") takes the place's span: the
// index of that location mention goes into drop.
func (d *docState) spread(added []cand, drop map[int]bool, src *cand, pr *propRule, surface, form string, plain bool) []cand {
	canonical := src.canonical
	if form != surface && canonical == "" {
		canonical = oneSpace(surface)
	}
	d.poll(-1)
	for _, start := range d.tokenOccurrences(form, 0) {
		end := start + len(form)
		place := -1
		if form != surface && strings.Contains(form, " ") {
			place = d.leadingPlace(start, end)
		}
		if overlapsAny(added, start, end) {
			continue
		}
		yield := -1
		if place < 0 {
			yield = d.yieldingAt(start, end, pr.prio, src.typ)
		}
		switch {
		case place >= 0:
			if !d.freeOccurrenceAfter(d.acc[place].end, start, end) {
				continue
			}
		case yield >= 0:
			if !d.freeOccurrenceAfter(end, start, end) {
				continue
			}
		case !d.freeOccurrence(start, end):
			continue
		}
		if (form != surface || plain) && !d.shortNameAt(start, end) {
			continue
		}
		if src.typ == extractor.Campaign && d.productNounAfter(end) {
			continue // "NightJar plugins": the name of a product, no campaign
		}
		c := cand{start: start, end: end, rule: pr.idx, prio: pr.prio, typ: src.typ,
			subtype: src.subtype, canonical: canonical}
		if d.stopRule(&c) >= 0 {
			continue
		}
		if place >= 0 {
			drop[place] = true
		}
		if yield >= 0 {
			drop[yield] = true
		}
		added = append(added, c)
	}
	return added
}

// yieldingAt returns the index of the accepted mention spanning exactly
// [start, end) that a name spread with priority prio and type typ
// replaces, or -1: one of another type found with a lower priority, a
// guess from the words around one occurrence ("the Aurora hack" read as
// the victim of a hack, core.organization.incident-victim) that the
// document's own naming elsewhere ("Operation Aurora") overrules.
func (d *docState) yieldingAt(start, end, prio int, typ extractor.EntityType) int {
	i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].end > start })
	if i >= len(d.acc) {
		return -1
	}
	if a := &d.acc[i]; a.start == start && a.end == end && a.prio < prio && a.typ != typ && !a.hide {
		return i
	}
	return -1
}

// shortNameAt reports whether a company's short name at start reads as a
// name: inside a sentence a capitalised word is one, but at its start it
// may be an ordinary word ("Check the logs" is no Check Point), so there it
// must be followed by a possessive, a verb in -s or -ed ("Integrity
// denied", "Integrity's servers", "Integrity hackers") or a staff noun of
// rel_company_staff_nouns ("Integrity staff", "Integrity employee").
func (d *docState) shortNameAt(start, end int) bool {
	s := sort.SearchInts(d.tokStart, start)
	if s > d.sentLo[d.sentOf[s]] {
		return true
	}
	e := sort.SearchInts(d.tokEnd, end) // the name's last token
	if e+1 >= d.sentHi(s) {
		return false
	}
	next := d.tokText[e+1]
	if next == "'s" || next == "’s" {
		return true
	}
	// Its staff (rel_company_staff_nouns): "Acme staff said"; a plural
	// such as "Acme hackers" passes the last test too.
	return shortNameVerbs[next] || d.p.cti.staffNouns[d.fold[e+1]] ||
		!startsUpper(next) && len(next) > 3 && (strings.HasSuffix(next, "ed") || strings.HasSuffix(next, "s"))
}

// productNounAfter reports whether the token right after the one that
// ends at end, in its sentence, is a lower-case noun of the pack list
// company_product_nouns ("plugins", "extension", "app"): a campaign's name
// written before one is the name of a product, or a modifier, not a
// mention of the campaign ("the NightJar campaign" ... "NightJar plugins").
func (d *docState) productNounAfter(end int) bool {
	e := sort.SearchInts(d.tokEnd, end)
	if e >= len(d.tokEnd) || d.tokEnd[e] != end || e+1 >= d.sentHi(e) {
		return false
	}
	return d.lower(e+1) && d.p.productNouns[d.fold[e+1]]
}

// shortNameVerbs are the short verbs after which a sentence-opening word is
// a company's short name too ("Thalestris is also the parent company").
var shortNameVerbs = map[string]bool{"is": true, "was": true, "has": true, "had": true, "said": true,
	"says": true, "will": true, "would": true, "did": true, "does": true}

// notShortName reports whether a folded four-letter word is too common to
// stand for a company alone: an English word or a person's name.
func (d *docState) notShortName(w string) bool { return d.lexiconWord(w) || d.p.personNameWords[w] }

// The words that end a company's name ("Integrity Technology Group",
// "Northwind Labs", "Contoso Co., Ltd.") are the pack list
// company_short_name_suffixes, the capitalised words that name no company
// alone the list company_generic_words (vocab.go).

// companyShortName returns the first word of a company name that ends in a
// company word ("Integrity" of "Integrity Technology Group", "Northwind" of
// "Northwind Harbor Co., Ltd."), the word reports shorten such names to, or
// "" when the name has no such ending or its first word is too generic or
// short to stand alone. A first word that is a place ("Chengdu" of
// "Chengdu 404 Network Technology") is a location mention wherever it
// stands alone, so it never spreads (freeOccurrence).
//
// A four-letter first word ("Rana" of "Rana Intelligence Computing
// Company", "Okta" of "Okta Inc.") is one too when ordinary, given, says
// it is no English word ("Acme", "Blue" are). Shorter words never are.
func (v *vocabulary) companyShortName(surface string, ordinary func(string) bool) string {
	words := strings.Fields(strings.ReplaceAll(surface, ",", " "))
	if len(words) < 2 || !v.companySuffixes[strings.ToLower(words[len(words)-1])] {
		return ""
	}
	w := words[0]
	n := utf8.RuneCountInString(w)
	if n < 4 || n == 4 && (ordinary == nil || ordinary(strings.ToLower(w))) || !startsUpper(w) || v.genericNameWord(w) ||
		strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) >= 0 {
		return ""
	}
	return w
}

// shortNameStands reports whether short, the first word of company c's
// name, may stand for it alone: not when it is a given name ("Robert" of
// "Robert Koch Institute" is a person further on) or the first word of a
// place the name opens with ("Santa" of "Santa Fe Institute").
func (d *docState) shortNameStands(c *cand, short string) bool {
	if d.p.personNameWords[foldKey(short)] {
		return false
	}
	end := d.gazPlaceEnd(c.start, c.end)
	return end < 0 || end <= c.start+len(short)
}

// freeOccurrence reports whether text[start:end] starts and ends on token
// boundaries within one sentence, overlaps no accepted mention and is not
// glued to a neighbouring capitalised word.
func (d *docState) freeOccurrence(start, end int) bool {
	return d.freeOccurrenceAfter(start, start, end)
}

// freeOccurrenceAfter is freeOccurrence where only [from, end) must
// overlap no accepted mention: the part before from is a mention the
// occurrence replaces.
func (d *docState) freeOccurrenceAfter(from, start, end int) bool {
	s := sort.SearchInts(d.tokStart, start)
	if s >= len(d.tokStart) || d.tokStart[s] != start {
		return false
	}
	e := sort.SearchInts(d.tokEnd, end)
	if e >= len(d.tokEnd) || d.tokEnd[e] != end || e < s || d.sentOf[e] != d.sentOf[s] {
		return false
	}
	if d.overlapsAccepted(from, end) {
		return false
	}
	// A capitalised word before is part of the name unless it opens the
	// sentence ("Later Copper Heron moved ...").
	if s-1 > d.sentLo[d.sentOf[s]] && startsUpper(d.tokText[s-1]) {
		return false
	}
	if e+1 < d.sentHi(e) && startsUpper(d.tokText[e+1]) {
		return false
	}
	return true
}

func overlapsAny(cs []cand, start, end int) bool {
	for i := range cs {
		if cs[i].start < end && start < cs[i].end {
			return true
		}
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// nameConnectors may stand lower-case inside a multi-word name.
var nameConnectors = map[string]bool{"of": true, "the": true, "and": true, "for": true, "de": true, "&": true}

// propagatable reports whether a surface form is safe to look for
// elsewhere: several words, each capitalised or a connector, or one word
// that is not shaped like an ordinary word.
func propagatable(surface string) bool {
	if strings.ContainsAny(surface, "\n\r\t") {
		return false
	}
	words := strings.Fields(surface)
	if len(words) == 0 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(words[0])
	if unicode.IsLower(first) {
		// "i-Soon", "eBay": a lower-case start and a capital inside is
		// the shape of a brand, not of an ordinary word.
		return len(words) == 1 && len(surface) >= 4 && strings.IndexFunc(surface, unicode.IsUpper) > 0
	}
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	if len(words) > 1 {
		for i, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) || unicode.IsDigit(r) {
				continue
			}
			if i == len(words)-1 || !nameConnectors[w] {
				return false
			}
		}
		return true
	}
	// One word: at least two capitals, or a capital and a digit.
	upper, digit := 0, 0
	for _, r := range surface {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r):
			digit++
		}
	}
	return len(surface) >= 3 && (upper >= 2 || upper >= 1 && digit >= 1)
}

// leadingPlace returns the index in d.acc of the location mention that
// starts at start and ends before end, or -1.
func (d *docState) leadingPlace(start, end int) int {
	i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].start >= start })
	if i < len(d.acc) && d.acc[i].start == start && d.acc[i].end < end && d.acc[i].typ == extractor.Location &&
		!d.acc[i].hide {
		return i
	}
	return -1
}

// spreadPlaceless handles a company's name that opens with a place:
// reports write "Hubei Qiansheng Network Technology" once and then
// "Qiansheng Network Technology" or "Qiansheng". The rest of the name, when
// it has several words, is the same company wherever it stands: mentions a
// pattern already made of it take the full name as canonical, and free
// occurrences become mentions. Its first word alone is the company only
// inside a sentence: after a place it is as often an ordinary word, which
// opens sentences ("Steel was targeted", of "United States Steel Corp.").
func (d *docState) spreadPlaceless(added []cand, drop map[int]bool, src *cand, pr *propRule, surface string) []cand {
	placeEnd := d.gazPlaceEnd(src.start, src.end)
	if placeEnd < 0 {
		return added
	}
	rest := strings.TrimLeft(d.text[placeEnd:src.end], " ")
	words := strings.Fields(rest)
	if len(words) < 2 || d.p.cti.genericNameWord(words[0]) || !propagatable(rest) {
		return added
	}
	canonical := src.canonical
	if canonical == "" {
		canonical = oneSpace(surface)
	}
	restKey := oneSpace(rest)
	for i := range d.acc {
		c := &d.acc[i]
		if c.typ == extractor.Organization && c.canonical == "" && !c.hide && c.start != src.start &&
			oneSpace(d.text[c.start:c.end]) == restKey {
			c.canonical = canonical
		}
	}
	added = d.spread(added, drop, src, pr, surface, rest, false)
	if short := d.p.cti.companyShortName(rest, d.notShortName); short != "" {
		n := len(added)
		added = d.spread(added, drop, src, pr, surface, short, false)
		kept := added[:n]
		for _, c := range added[n:] {
			if s := sort.SearchInts(d.tokStart, c.start); s > d.sentLo[d.sentOf[s]] && !opensClause(d.tokText[s-1]) {
				kept = append(kept, c)
			}
		}
		added = kept
	}
	return added
}

// opensClause reports whether a token before a word makes that word the
// first of a quotation, bracket or list item, where a capital letter says
// nothing ("\"Steel, aluminium, solar\"").
func opensClause(tok string) bool {
	switch tok {
	case "\"", "“", "'", "‘", "(", "[", "-", "–", "—", ":", ";", "*", "•":
		return true
	}
	return false
}

// gazPlaceEnd returns the end offset of the longest gazetteer place name
// that opens the mention [start, end) and ends before it does, or -1. The
// place's own mention lost to the longer name, so the gazetteer is asked
// again.
func (d *docState) gazPlaceEnd(start, end int) int {
	i := sort.SearchInts(d.tokStart, start)
	if i >= len(d.tokStart) || d.tokStart[i] != start {
		return -1
	}
	best := -1
	d.gazNamesAt(i, len(d.tokStart), func(h *gazHit, j int) bool {
		if d.tokEnd[j-1] >= end {
			return false
		}
		if d.p.gaz.entries[h.entry].typ == extractor.Location {
			best = d.tokEnd[j-1]
		}
		return true
	})
	return best
}

// The trailing words of a company's full name that its short form drops,
// legal forms and what the company does ("Network Technology Co., Ltd.",
// "Science and Technology", "Information Technology"), are the pack lists
// company_short_name_suffixes and company_stem_descriptors (vocab.go), and
// the connectors "and", "&" between them.

// companyStem returns a company's name without its trailing descriptors
// when at least two words remain ("Yanbian Silverstar" of "Yanbian
// Silverstar Network Technology Co., Ltd.", "Northwind Harbor" of
// "Northwind Harbor Co., Ltd."), the form reports shorten such names to;
// or "". The name must end in a company word, and the stem must be
// capitalised words (propagatable).
func (v *vocabulary) companyStem(surface string) string {
	words := strings.Fields(strings.ReplaceAll(surface, ",", " "))
	if len(words) < 3 || !v.companySuffixes[strings.ToLower(words[len(words)-1])] {
		return ""
	}
	n := len(words)
	for n > 0 {
		w := strings.ToLower(words[n-1])
		if !v.companySuffixes[w] && !v.companyDescriptors[w] && w != "and" && w != "&" {
			break
		}
		n--
	}
	if n < 2 {
		return ""
	}
	// The stem as written: the surface up to the end of its last word.
	end := 0
	for k := 0; k < n; k++ {
		i := strings.Index(surface[end:], words[k])
		if i < 0 {
			return ""
		}
		end += i + len(words[k])
	}
	stem := strings.TrimRight(surface[:end], ",")
	if !propagatable(stem) {
		return ""
	}
	return stem
}

// initialismConnectors are the small words an abbreviation may skip
// ("Department of Justice": DJ or DOJ).
var initialismConnectors = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true,
	"in": true, "&": true}

// initialisms returns the all-capitals abbreviations of a name of several
// capitalised words: the initials of its words without connectors ("CSRB"
// of "Cyber Safety Review Board", "IPAC" of "Inter-Parliamentary Alliance
// on China") and with them ("DOJ" of "Department of Justice"). Only forms
// of three letters or more count; a name with a word that is neither
// capitalised nor a connector has none.
func initialisms(surface string) []string {
	words := strings.FieldsFunc(surface, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	if len(words) < 2 {
		return nil
	}
	var bare, full []rune
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case initialismConnectors[w]:
			full = append(full, unicode.ToUpper(r))
		case unicode.IsUpper(r):
			bare = append(bare, r)
			full = append(full, r)
		default:
			return nil
		}
	}
	var out []string
	if len(bare) >= 3 {
		out = append(out, string(bare))
	}
	if len(full) != len(bare) && len(full) >= 3 {
		out = append(out, string(full))
	}
	return out
}

// spreadInitials adds, after the first mention of an organisation or
// government of several words, every free all-capitals occurrence of its
// initials ("Hewlett Packard Enterprise ... HPE said"): reports introduce
// a body by its full name and then abbreviate it without saying so. The
// abbreviation takes the full name as canonical, so it joins its entity.
// A word that is already a mention keeps its meaning.
func (d *docState) spreadInitials(added []cand) []cand {
	var pr *propRule
	for pi := range d.p.propagate {
		if d.p.propagate[pi].intros == nil && d.p.propagate[pi].types&(maskOf(extractor.Organization)|maskOf(extractor.Government)) != 0 {
			pr = &d.p.propagate[pi]
			break
		}
	}
	if pr == nil {
		return added
	}
	seen := map[string]bool{}
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.defanged || c.typ != extractor.Organization && c.typ != extractor.Government ||
			pr.types&maskOf(c.typ) == 0 {
			continue
		}
		surface := d.text[c.start:c.end]
		canonical := c.canonical
		if canonical == "" {
			canonical = oneSpace(surface)
		}
		for _, abbr := range initialisms(trimPossessiveSuffix(surface)) {
			if seen[abbr] {
				continue
			}
			seen[abbr] = true
			for _, start := range d.tokenOccurrences(abbr, c.end) {
				end := start + len(abbr)
				if !d.freeOccurrence(start, end) || overlapsAny(added, start, end) {
					continue
				}
				n := cand{start: start, end: end, rule: pr.idx, prio: pr.prio, typ: c.typ,
					subtype: c.subtype, canonical: canonical}
				if d.stopRule(&n) >= 0 {
					continue
				}
				added = append(added, n)
			}
		}
	}
	return added
}

// occurrences returns the start of every non-overlapping occurrence of
// form in text at or after from.
func occurrences(text, form string, from int) []int {
	if form == "" {
		return nil
	}
	var out []int
	for off := from; off <= len(text); {
		i := strings.Index(text[off:], form)
		if i < 0 {
			break
		}
		out = append(out, off+i)
		off += i + len(form)
	}
	return out
}

func trimPossessiveSuffix(s string) string {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// retypeNamedCampaigns gives the campaign type to every gazetteer mention
// of a name the document itself calls a campaign ("named the campaign
// Nightjar"): a gazetteer that lists the same word as an actor or a tool
// speaks of the world, the report of what it means here.
func (d *docState) retypeNamedCampaigns() bool {
	var pr *propRule
	for pi := range d.p.propagate {
		if d.p.propagate[pi].intros == nil && d.p.propagate[pi].types&maskOf(extractor.Campaign) != 0 {
			pr = &d.p.propagate[pi]
			break
		}
	}
	if pr == nil {
		return false
	}
	named := map[string]*cand{}
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.typ == extractor.Campaign && !c.hide && d.p.rules[c.rule].kind == KindPattern {
			if _, ok := named[d.surface(c)]; !ok {
				named[d.surface(c)] = c
			}
		}
	}
	// "Operation Sharpshooter" names the campaign "Sharpshooter" too: a
	// gazetteer mention of the rest alone ("the researchers now describe
	// Sharpshooter as a Lazarus operation") is the campaign in this report
	// (a generated list may file an operation's name as an actor, "Medusa"
	// is a ransomware family too), unless the gazetteer holds the rest as
	// an alias of another name (below). Not operationShortName: that one
	// spreads the rest to new places, so it refuses a one-word rest that is
	// also a word ("Cronos"); here the rest is already a gazetteer mention.
	fullName := map[string]string{} // a short name's campaign, in full
	for surface := range named {
		if rest, ok := strings.CutPrefix(surface, "Operation "); ok && rest != "" && startsUpper(rest) {
			if _, dup := named[rest]; !dup {
				fullName[rest] = surface
			}
		}
	}
	for rest, full := range fullName {
		named[rest] = named[full]
	}
	if len(named) == 0 {
		return false
	}
	// A gazetteer actor whose other name the report gives as someone's
	// name for it ("Qihoo 360 tracks the same actor as APT-C-50") stays
	// that actor where the report does not call it an operation: "named
	// the operation Domestic Kitten" names the activity after the actor.
	sameActor := map[string]bool{}
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.typ == extractor.ThreatActor && !c.hide && c.canonical != "" && d.p.rules[c.rule].kind == KindGazetteer &&
			!strings.EqualFold(c.canonical, oneSpace(d.surface(c))) && d.aliasNamedAt(c.start) {
			sameActor[strings.ToLower(c.canonical)] = true
		}
	}
	retyped := false
	campaignOf := map[string]bool{} // gazetteer canonical names now a campaign's
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.typ == extractor.Campaign || c.hide || d.p.rules[c.rule].kind != KindGazetteer {
			continue
		}
		if src, ok := named[d.surface(c)]; ok {
			if c.typ == extractor.ThreatActor && sameActor[strings.ToLower(c.canonical)] && fullName[d.surface(c)] == "" {
				// the naming mention joins the actor
				if src.canonical == "" {
					src.canonical = c.canonical
				}
				continue
			}
			if full := fullName[d.surface(c)]; full != "" && c.canonical != "" && !strings.EqualFold(c.canonical, oneSpace(d.surface(c))) {
				// The rest is another entry's alias ("Ke3chang" of APT15,
				// "Cloud Hopper" of APT10): the report names the actor
				// after its operation, and the bare name stays the actor.
				continue
			}
			if full := fullName[d.surface(c)]; full != "" && c.typ == extractor.ThreatActor && handWrittenActor(d.p.rules[c.rule].id) {
				// The rest is a hand-written list's own actor name
				// ("Operation SideCopy" and SideCopy): the vendor named the
				// campaign, the field kept the name for the crew, and the
				// report's bare name is the crew ("SideCopy had turned to
				// Afghanistan"). A generated list's name is left to the
				// campaign ("Sharpshooter" of the MISP galaxy).
				continue
			}
			if c.canonical != "" {
				campaignOf[strings.ToLower(c.canonical)] = true
			}
			c.typ, c.subtype, c.canonical = extractor.Campaign, src.subtype, src.canonical
			if full := fullName[d.surface(c)]; full != "" && src.canonical == "" {
				c.canonical = oneSpace(full)
			}
			c.rule, c.prio = pr.idx, pr.prio
			retyped = true
		}
	}
	// The gazetteer's other names for the entry stay actors, each its own:
	// a vendor list that files the campaign "Ghostwriter" and the cluster
	// "UNC1151" under one entry does not make the cluster the campaign when
	// the report tells the two apart ("Mandiant tied the influence work to
	// UNC1151").
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.typ == extractor.Campaign || c.hide || c.canonical == "" || !campaignOf[strings.ToLower(c.canonical)] ||
			d.p.rules[c.rule].kind != KindGazetteer {
			continue
		}
		c.canonical = oneSpace(d.surface(c))
	}
	return retyped
}

// aliasNamers are the verbs before "as" that give another party's name
// for a group: "tracks the same actor as X", "which others refer to as X".
var aliasNamers = map[string]bool{"tracks": true, "track": true, "tracked": true, "tracking": true, "calls": true,
	"refers": true, "refer": true, "referred": true, "known": true, "knows": true, "know": true, "designates": true,
	"designated": true, "labels": true, "labelled": true, "labeled": true, "identifies": true, "identified": true}

// aliasNamedAt reports whether the mention starting at byte start follows
// "as" after a verb of aliasNamers in the few words before, in its
// sentence: the text gives it as a name for a party named before.
func (d *docState) aliasNamedAt(start int) bool {
	s := sort.SearchInts(d.tokStart, start)
	if s >= len(d.tokStart) || d.tokStart[s] != start {
		return false
	}
	lo := d.sentLo[d.sentOf[s]]
	if s-1 < lo || d.fold[s-1] != "as" {
		return false
	}
	for k := s - 2; k >= lo && k >= s-7; k-- {
		if aliasNamers[d.fold[k]] {
			return true
		}
	}
	return false
}

// operationWord returns the one word of a campaign "Operation Aurora"
// when it can stand for the campaign alone in a report that names the
// campaign in full: a capitalised word of five letters or more, no English
// word, given name or generic name word ("Operation Shield", "Operation
// Tiger" keep their first word). Its occurrences spread only where a
// company's short name would (shortNameAt: inside a sentence, or opening
// one before a verb), not glued to another capitalised word
// (freeOccurrence), and the campaign's name is only ever looked for in a
// report that spells it out.
func (d *docState) operationWord(surface string) string {
	w, ok := strings.CutPrefix(surface, "Operation ")
	if !ok || utf8.RuneCountInString(w) < 5 || !startsUpper(w) ||
		strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return ""
	}
	f := strings.ToLower(w)
	if d.notShortName(f) || d.p.cti.genericNameWord(w) {
		return ""
	}
	return w
}

// operationShortName returns the name of a campaign "Operation X" without
// its first word, when that can only be a name (propagatable: "Soft Cell",
// "CuckooBees", not "Cronos"), else "". A report that introduces
// "Operation Soft Cell" goes on with "Soft Cell": "whoever ran Soft Cell".
func operationShortName(surface string) string {
	rest, ok := strings.CutPrefix(surface, "Operation ")
	if !ok || !propagatable(rest) {
		return ""
	}
	return rest
}

// handWrittenActor reports whether a gazetteer rule is one of the pack's
// hand-written threat-actor lists (gaz.threat-actor.*), not a list generated
// from the MISP galaxy (gaz.threat-actor.misp*).
func handWrittenActor(id string) bool {
	return strings.HasPrefix(id, "gaz.threat-actor.") && !strings.HasPrefix(id, "gaz.threat-actor.misp")
}
