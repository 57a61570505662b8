package rules

import (
	"sort"
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// A synonym-swapping paraphraser (an "article rewriter") keeps a known name
// but swaps some of its words for thesaurus synonyms: "Integrity Know-how
// Group" for Integrity Technology Group, "Ministry of State Safety" for the
// Ministry of State Security, "People's Freedom Military" for the People's
// Liberation Army. The pack list gazetteer_word_synonyms says which name
// words such tools swap and for what; at compile time every gazetteer name
// of two or more words of an organisation, government body, actor or
// campaign gets its variants inserted into the trie, with the entry's
// canonical name and type. Matching costs nothing more: the variants are
// names like the others.
//
// Precision comes from the variants left out: a variant must keep a word
// of the name that the table does not know (the name's own word, so
// "Ministry of State Safety" is the MSS because "Ministry of State
// Security" is an entry), unless the name has three content words or more
// (a rewrite of all of them, "Nationwide Safety Company", is no phrase a
// writer uses for anything else); it may not be another gazetteer name or
// a phrase of a pack list; and a variant two entries share names neither.
//
// Sector phrases get variants from the same table ("assume tanks" for think
// tanks, "vitality corporations" for energy companies, "schooling" for
// education): they are ordinary words, so any of them may be swapped, a lone
// word too, but a variant matches only written in lower case after its
// first word (gazHit.phrase), never inside a capitalised name.

// listGazetteerWordSynonyms names the pack list of name-word synonyms:
// items "word: synonym | synonym ...".
const listGazetteerWordSynonyms = "gazetteer_word_synonyms"

// listGazetteerNameWordSynonyms names the pack list of synonyms that only
// names take, not sector phrases: a thesaurus's rarer senses of a name word
// ("Engineering" for the Technology of a company's name). Beside an
// ordinary word they are a sector of their own: "engineering" is no
// technology sector, "protection" no security one.
const listGazetteerNameWordSynonyms = "gazetteer_name_word_synonyms"

// listVariantHeads names the pack list of the head nouns after a company's
// or body's own word that a two-word name may swap alone ("Insikt Crew",
// "Bangladesh Financial institution").
const listVariantHeads = "gazetteer_variant_heads"

// listVariantStopPhrases names the pack list of ordinary words and phrases
// no variant may be ("data technology", a lone "producers").
const listVariantStopPhrases = "gazetteer_variant_stop_phrases"

// listPlaceVariantStopNext names the pack list of the nouns after which a
// place's two words in other words are a unit's name ("the Center East
// office"), not the place (gazHit.placeTwo).
const listPlaceVariantStopNext = "gazetteer_place_variant_stop_next"

// maxNameVariants caps the variants of one name (fewest swaps first).
const maxNameVariants = 512

// synonymTypes are the entry types whose names get variants: the names a
// rewriter meets as ordinary words, and malware families' coined names of
// two words or more ("Unhealthy Rabbit" for Bad Rabbit), and tools' names of
// ordinary words ("Visible Studio Code", "Home windows Credential Editor"),
// which a rewriter swaps as readily (session 27: our gold writes them so); places
// get them too (few place names hold a word of the table, but "Individuals's
// Republic of China" left to its last three words would be Taiwan).
var synonymTypes = map[extractor.EntityType]bool{extractor.Organization: true, extractor.Government: true,
	extractor.ThreatActor: true, extractor.Campaign: true, extractor.Location: true, extractor.Malware: true,
	extractor.Tool: true}

// productVariants reports whether a gazetteer entry of this type and
// subtype is a product (gaz-products.yaml), whose names get variants too: a
// rewriter turns "Pulse Connect Secure" into "Pulse Join Safe" as readily
// as a company's name, and the vendor's word it keeps says which product
// is meant. Other tools' names get variants as well (synonymTypes).
func productVariants(typ, subtype string) bool {
	return typ == string(extractor.Tool) && subtype == ProductSubtype
}

// nameFunctionWords are the words of a name that count for nothing when
// deciding whether a variant keeps a word of its own.
var nameFunctionWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true,
	"in": true, "to": true, "de": true, "&": true, "'s": true, "'": true}

// synName is a multi-word gazetteer name waiting for its variants.
type synName struct {
	rule, entry     int32
	mode            caseMode
	toks            []string // as written
	common, context bool
	sector          bool // a sector phrase: every word may be swapped
}

// synonym is one replacement of a name word, as tokens (lower case as
// written in the list). A spelling ("centre" for "center", written
// "~centre") is no synonym of its own: a variant needs a real one too, so
// South Korea's National Cyber Security Center never becomes the UK's
// Centre. A name with two words of its own or more ("85th Main Special
// Service Center": "Main", "Special", "Service") is no other body's name in
// the other spelling: its spelling alone makes a variant.
type synonym struct {
	toks     []string
	spelling bool
}

// dupSynonym reports whether toks adds nothing to the synonyms have of the
// folded word: the word itself in its other spelling ("centre" of
// "center": tokens are compared in one spelling, spelling.go), or a
// synonym listed already (the items of "center" and "centre" meet under
// one key). Either would only spend the variant budget (maxNameVariants)
// on names the trie already holds.
func dupSynonym(have []synonym, word string, toks []string) bool {
	key := strings.Join(foldAll(toks), " ")
	if key == word {
		return true
	}
	for _, h := range have {
		if strings.Join(foldAll(h.toks), " ") == key {
			return true
		}
	}
	return false
}

// synonymItem splits a synonym list item "word: synonym | synonym" into the
// folded word and the synonyms as written (untrimmed); ok is false when the
// item has no word before its colon. The gazetteer's and the relation cues'
// synonym lists share this form.
func synonymItem(item string) (word string, synonyms []string, ok bool) {
	k := strings.Index(item, ":")
	if k <= 0 {
		return "", nil, false
	}
	return foldKey(strings.TrimSpace(item[:k])), strings.Split(item[k+1:], "|"), true
}

// wordSynonyms parses the pack list: folded word → synonyms, and every
// word of the table, folded.
func (c *compiler) wordSynonyms(l *listSpec) (map[string][]synonym, map[string]bool) {
	table := map[string][]synonym{}
	known := map[string]bool{} // every word of the table, folded
	for _, it := range l.items {
		word, parts, ok := synonymItem(it.s)
		if !ok {
			c.errorf(it.node, "%s item %q: want \"word: synonym | synonym\"", listGazetteerWordSynonyms, it.s)
			continue
		}
		known[word] = true
		for _, s := range parts {
			s = strings.TrimSpace(s)
			spelling := strings.HasPrefix(s, "~")
			toks := c.tokenize(strings.TrimPrefix(s, "~"))
			if len(toks) == 0 || dupSynonym(table[word], word, toks) {
				continue
			}
			table[word] = append(table[word], synonym{toks, spelling})
			for _, t := range toks {
				known[foldKey(t)] = true
			}
		}
	}
	return table, known
}

// gazetteerVariants inserts the synonym variants of the multi-word names
// the gazetteer rules collected; it returns how many it inserted.
func (c *compiler) gazetteerVariants(lists map[string]*listSpec) int {
	l, ok := lists[listGazetteerWordSynonyms]
	if !ok || len(l.items) == 0 || len(c.synNames) == 0 {
		return 0
	}
	c.r = &ruleSpec{file: l.file, node: l.node}
	table, known := c.wordSynonyms(l)
	// Names take the rarer synonyms too, after the common ones (a
	// variant's cost counts a synonym's place in its word's list).
	nameTable := table
	if nl, ok := lists[listGazetteerNameWordSynonyms]; ok && len(nl.items) > 0 {
		c.r = &ruleSpec{file: nl.file, node: nl.node}
		more, moreKnown := c.wordSynonyms(nl)
		c.r = &ruleSpec{file: l.file, node: l.node}
		nameTable = make(map[string][]synonym, len(table)+len(more))
		for w, syns := range table {
			nameTable[w] = syns
		}
		for w, syns := range more {
			nameTable[w] = append(append([]synonym(nil), nameTable[w]...), syns...)
		}
		for w := range moreKnown {
			known[w] = true
		}
	}
	heads := map[string]bool{}
	if hl, ok := lists[listVariantHeads]; ok {
		for _, it := range hl.items {
			heads[foldKey(strings.TrimSpace(it.s))] = true
		}
	}
	if sl, ok := lists[listPlaceVariantStopNext]; ok {
		c.p.placeVariantStopNext = map[string]bool{}
		for _, it := range sl.items {
			c.p.placeVariantStopNext[foldKey(strings.TrimSpace(it.s))] = true
		}
	}
	c.p.synTails = synonymTails(nameTable)
	banned := map[string]bool{} // gazetteer names and list phrases
	for k := range c.gazKeys {
		banned[k] = true
	}
	for _, ls := range lists {
		if ls.name == listGazetteerWordSynonyms || ls.name == listGazetteerNameWordSynonyms {
			continue
		}
		// Words joined by spaces, as the variants' keys are: a phrase
		// with punctuation inside it is no name's variant anyway, and
		// running the tokenizer over every list item would slow loading.
		for _, it := range ls.items {
			if strings.Contains(it.s, " ") || ls.name == listVariantStopPhrases {
				banned[foldKey(strings.Join(strings.Fields(it.s), " "))] = true
			}
		}
	}
	type variant struct {
		n        *synName
		toks     []string
		alone    bool // a body's two words rewritten whole (gazHit.alone)
		placeTwo bool // a place's two words in other words (gazHit.placeTwo)
	}
	byKey := map[string][]variant{}
	var keys []string
	for i := range c.synNames {
		n := &c.synNames[i]
		// A malware family's two words are a coined name like an actor's
		// ("Unhealthy Rabbit" for Bad Rabbit): either may swap. So are a
		// product's ("Web Explorer" for Internet Explorer, "Flash
		// Participant" for Flash Player): its own word stays. So are any
		// tool's: "Home windows Sandbox" for Windows Sandbox keeps
		// "Sandbox" (session 28; before, only products' did).
		e := c.p.gaz.entries[n.entry]
		actor := e.typ == extractor.ThreatActor || e.typ == extractor.Malware || e.typ == extractor.Tool
		gov := e.typ == extractor.Government
		place := e.typ == extractor.Location
		vs, whole := nameVariants(n.toks, nameTable, known, heads, actor, place, gov)
		if n.sector {
			vs, whole = sectorVariants(n.toks, table), false
		}
		// A place's two words in other words are also an ordinary
		// phrase ("Center East" for the Middle East): they name the
		// place only standing alone (gazHit.placeTwo).
		placeTwo := place && len(n.toks) == 2 && !n.sector
		for _, v := range vs {
			key := strings.Join(foldAll(v), " ")
			if banned[key] {
				continue
			}
			if _, ok := byKey[key]; !ok {
				keys = append(keys, key)
			}
			byKey[key] = append(byKey[key], variant{n, v, whole, placeTwo})
		}
	}
	sort.Strings(keys)
	added := 0
	for _, key := range keys {
		vs := byKey[key]
		e0 := c.p.gaz.entries[vs[0].n.entry]
		same := true
		for _, v := range vs[1:] {
			e := c.p.gaz.entries[v.n.entry]
			if e.canonical != e0.canonical || e.typ != e0.typ {
				same = false
			}
		}
		if !same {
			continue // two entries would claim it
		}
		v := vs[0]
		h := newHit(v.n.rule, v.n.entry, v.n.mode, append([]string(nil), v.toks...))
		h.common, h.context, h.phrase, h.alone = v.n.common, v.n.context, v.n.sector, v.alone
		h.placeTwo = v.placeTwo
		c.p.insertName(v.toks, h)
		added++
	}
	c.p.gaz.names += added
	return added
}

// nameVariants returns the names toks becomes when some of its swappable
// words are replaced by synonyms, fewest swaps first, at most
// maxNameVariants, each keeping a word of its own unless it has three
// content words or more. heads are the kind and body nouns a two-word name
// may swap alone, beside its own word; a government body's two words that
// end in such a noun may also be rewritten whole (gov), and whole says so.
// An actor's or a place's two words (actor, place) may swap either word.
func nameVariants(toks []string, table map[string][]synonym, known, heads map[string]bool, actor, place, gov bool) (vs [][]string, whole bool) {
	var pos []int
	content, own, function, numbered := 0, 0, false, false
	for i, t := range toks {
		f := foldKey(t)
		// A number of two digits or more is the name's own word ("Unit 42",
		// "Center 16"): no phrase but the name puts it after the word, so
		// the word may swap ("Unit of measurement 42").
		if number(t) {
			content++
			own++
			numbered = true
			continue
		}
		if nameFunctionWords[f] || !hasLetter(t) {
			function = function || nameFunctionWords[f] && f != "'s"
			continue
		}
		content++
		if len(table[f]) > 0 && swappable(t) {
			pos = append(pos, i)
		}
		if !known[f] {
			own++
		}
	}
	last := len(toks) - 1
	twoWords := content == 2 && !function
	headLast := len(pos) > 0 && pos[len(pos)-1] == last && heads[foldKey(toks[last])]
	// A state body's two words, both in the table, rewritten whole ("the
	// Overseas Workplace" for the Foreign Office): a rewriter's name that
	// keeps the body noun's place. Every word swapped, or it is an ordinary
	// phrase ("International Office").
	whole = twoWords && gov && own == 0 && len(pos) == 2 && headLast
	// A word the table does not know is never swapped: with one, every
	// variant keeps a word of its own.
	if len(pos) == 0 || content < 2 || own == 0 && content < 3 && !whole {
		return nil, false
	}
	if whole {
		var out [][]string
		for _, v := range swapVariants(toks, pos, table, false) {
			if foldKey(v[0]) != foldKey(toks[0]) && foldKey(v[len(v)-1]) != foldKey(toks[last]) {
				out = append(out, v)
			}
		}
		return out, true
	}
	// Two words of a company or body in other words are too often an
	// ordinary phrase ("International Office", "Cyber Center", "Indian
	// Military"); "Division of Justice" is shaped as a name. An actor's two
	// words ("Flax Hurricane") are its name's shape, and so are a place's,
	// which keep their own word ("Center East" for the Middle East, "Kansas
	// Metropolis"; such a variant matches only standing alone, gazHit.placeTwo).
	// A company's or body's own word and its kind or body noun ("Insikt
	// Group", "Pangu Team", "Bangladesh Bank", "Bank Sepah", the pack list
	// gazetteer_variant_heads) keep the shape in other words ("Insikt
	// Crew", "Bangladesh Financial institution", "Financial institution
	// Sepah"): only that noun swaps, before or after the own word.
	if twoWords && !actor && !place && !numbered {
		if len(pos) != 1 || !heads[foldKey(toks[pos[0]])] {
			return nil, false
		}
	}
	return swapVariants(toks, pos, table, own >= 2), false
}

// swapVariants returns toks with the words at some of the positions pos
// replaced by synonyms, cheapest first, at most maxNameVariants; a variant
// needs one real synonym, not only a spelling, unless spelling says a
// spelling alone will do.
//
// A swap costs its synonym's place in the word's list (the first synonym
// 1, the second 2, ...; a spelling 1) and a variant the sum of its swaps, so the cap
// drops the variants of rare synonyms of many words, not the commoner
// synonyms of all of them: "China Data Know-how Safety Analysis Centre"
// (five common swaps of the China Information Technology Security
// Evaluation Center) outranks a single swap for a thesaurus's seventh
// sense of one word. Under the cap the set is every combination.
func swapVariants(toks []string, pos []int, table map[string][]synonym, spelling bool) [][]string {
	opts := make([][]synonym, len(pos))
	costs := make([][]int, len(pos))
	rest := make([]int, len(pos)+1) // the highest cost positions i.. can take
	for i := len(pos) - 1; i >= 0; i-- {
		opts[i] = table[foldKey(toks[pos[i]])]
		// A spelling ("Centre") is as common as the word: it costs what
		// the first synonym does, and real synonyms count apart.
		real := 0
		for _, syn := range opts[i] {
			c := 1
			if !syn.spelling {
				real++
				c = real
			}
			costs[i] = append(costs[i], c)
			rest[i] = max(rest[i], rest[i+1]+c)
		}
		rest[i] = max(rest[i], rest[i+1])
	}
	var out [][]string
	choice := make([]int, len(pos)) // 0 keeps the word, k uses synonym k-1
	emit := func() bool {
		var v []string
		at, real := 0, false
		for i, t := range toks {
			if at < len(pos) && pos[at] == i {
				if k := choice[at]; k > 0 {
					syn := opts[at][k-1]
					real = real || !syn.spelling
					for n, st := range syn.toks {
						if n == 0 && startsUpper(t) {
							st = capFirst(st)
						}
						v = append(v, st)
					}
					at++
					continue
				}
				at++
			}
			v = append(v, t)
		}
		if real || spelling {
			out = append(out, v)
		}
		return len(out) < maxNameVariants
	}
	// rec fills choice[i:] with swaps costing exactly budget.
	var rec func(i, budget int) bool
	rec = func(i, budget int) bool {
		if i == len(pos) {
			return budget != 0 || emit()
		}
		if budget > rest[i] {
			return true
		}
		choice[i] = 0
		if !rec(i+1, budget) {
			return false
		}
		for k, c := range costs[i] {
			if c > budget {
				continue
			}
			choice[i] = k + 1
			if !rec(i+1, budget-c) {
				return false
			}
		}
		choice[i] = 0
		return true
	}
	for cost := 1; cost <= rest[0]; cost++ {
		if !rec(0, cost) {
			break
		}
	}
	return out
}

// synonymTails returns, for every synonym of two words or more, its first
// word mapped to the rest, all folded.
func synonymTails(table map[string][]synonym) map[string][][]string {
	tails := map[string][][]string{}
	seen := map[string]bool{}
	words := make([]string, 0, len(table))
	for w := range table {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		for _, syn := range table[w] {
			if len(syn.toks) < 2 {
				continue
			}
			f := foldAll(syn.toks)
			if key := strings.Join(f, " "); !seen[key] {
				seen[key] = true
				tails[f[0]] = append(tails[f[0]], f[1:])
			}
		}
	}
	return tails
}

// sectorKeep are table words a sector phrase keeps: "public" becomes
// "community" in a body's name (Ministry of Community Safety), but the
// community sector or community transport is another sector.
var sectorKeep = map[string]bool{"public": true}

// sectorVariants returns the variants of a sector phrase ("think tanks",
// "energy companies", "education"): a rewriter's "assume tanks", "vitality
// corporations", "schooling". Unlike a name, a sector phrase is made of
// ordinary words only, so any of them may be swapped, a lone word too; the
// phrase is matched as a sector only, and a variant that is another
// gazetteer name or list phrase is still left out by the caller.
func sectorVariants(toks []string, table map[string][]synonym) [][]string {
	var pos []int
	for i, t := range toks {
		if sectorKeep[foldKey(t)] {
			continue
		}
		if len(table[foldKey(t)]) > 0 && swappable(t) {
			pos = append(pos, i)
		}
	}
	if len(pos) == 0 {
		return nil
	}
	return swapVariants(toks, pos, table, false)
}

// swappable reports whether a name word is written as a word a rewriter
// swaps: capitalised or lower case, not all capitals ("NATIONAL" in an
// all-capitals name, an abbreviation).
func swappable(t string) bool {
	upper, lower := 0, 0
	for _, r := range t {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	return lower > 0 && upper <= 1
}

// number reports whether t is two digits or more and nothing else.
func number(t string) bool {
	if len(t) < 2 {
		return false
	}
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func hasLetter(t string) bool {
	for _, r := range t {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func foldAll(toks []string) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = foldKey(t)
	}
	return out
}
