package rules

import (
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// Gazetteers are matched with one token trie for the whole pack, keyed by
// case-folded token text: at each token the matcher walks the trie as far
// as the text allows and checks the case policy of every entry it passes.
// Cost is one map lookup per token plus one per extra token of a match,
// whatever the number of entries.

type caseMode uint8

const (
	caseAuto caseMode = iota
	caseSensitive
	caseInsensitive
)

func parseCase(s string) caseMode {
	switch s {
	case "sensitive":
		return caseSensitive
	case "insensitive":
		return caseInsensitive
	}
	return caseAuto
}

type gnode struct {
	kids map[string]*gnode
	hits []gazHit
}

// gazHit is one name (canonical or alias) of one entry ending at a node.
type gazHit struct {
	rule  int32
	entry int32
	mode  caseMode
	// toks are the name's tokens as written; upper and title their
	// all-capitals and first-letter-capitalised forms for the auto policy.
	toks, upper, title []string
	lower              bool // the name has no capital letter: any case matches
	// common marks a name that is also an ordinary word ("Strontium",
	// "Certify"): it does not match as the first word of a sentence, where
	// a capital letter says nothing.
	common bool
	// context marks a name that is also the name of something else
	// ("Leviathan", a gas field; "Calypso", a nymph): it matches only in a
	// sentence that holds a word of the pack list gazetteer_context_words.
	context bool
	// lowerToo marks a coined mixed-case name that also matches written
	// all in lower case ("mimikatz", "winrar"; gazetteer_lower.go).
	lowerToo bool
	// rest is, for an organisation's name that is a strict prefix of its
	// canonical name ("Lumen" of Lumen Technologies), the canonical name's
	// next token, folded: other capitalised words there make a longer
	// name (gazetteer_longer.go).
	rest string
	// before is, for an organisation's name that is its canonical name
	// without the first word ("Huanyu Tianqiong" of Beijing Huanyu
	// Tianqiong Information Technology), that word, folded; beforeRest
	// the canonical name's token after the name, folded, or "". With the
	// word written before it, the name takes that word in
	// (gazetteer_longer.go).
	before, beforeRest string
	// phrase marks a rewriter's variant of a lower-case sector phrase
	// ("vitality corporations", gazetteer_synonyms.go): it matches only
	// with its words after the first in lower case, so that "Info
	// Know-how" inside a company's name stays the company's.
	phrase bool
	// alone marks a government body's two words rewritten whole ("Overseas
	// Workplace" for the Foreign Office, gazetteer_synonyms.go): ordinary
	// words both, so they name the body only standing alone, with no
	// capitalised word right after them and none right before but a
	// sentence's first word or an acronym ("UK Overseas Workplace"): "the
	// International Workplace Awards" is another name.
	alone bool
	// placeTwo marks a place's two words in other words ("Center East"
	// for the Middle East, gazetteer_synonyms.go): an ordinary phrase as
	// well, so it names the place only standing alone (as alone) and not
	// before a noun of the pack list gazetteer_place_variant_stop_next:
	// "Acme Center East", "the Center East office of Acme" are a
	// company's; "offices in the Center East" is the place.
	placeTwo bool
	// composed marks a domain word composed with a head noun ("mining
	// firms", gazetteer_heads.go): lower case after its first word, and
	// its first word capitalised only at the start of a sentence, so
	// "Northwind Shipping Company" stays a company's name.
	composed bool
	// keep is, for a composed name, how many of its tokens the mention
	// spans: the domain word, not the head noun after it ("shipping" of
	// "shipping firms"), as the sector lists write their members.
	keep int
	dlen int8 // a composed name's tokens of its domain word
	// single marks a composed name whose head is singular ("mining firm").
	single bool
}

type gazEntry struct {
	canonical string
	typ       extractor.EntityType
	subtype   string
}

type gazetteer struct {
	entries []gazEntry
	names   int
}

func newHit(rule, entry int32, mode caseMode, toks []string) gazHit {
	h := gazHit{rule: rule, entry: entry, mode: mode, toks: toks, lower: true}
	for i, t := range toks {
		toks[i] = exactKey(t)
		if strings.ToLower(t) != t {
			h.lower = false
		}
	}
	if mode == caseAuto && !h.lower {
		h.upper = make([]string, len(toks))
		h.title = make([]string, len(toks))
		for i, t := range toks {
			h.upper[i] = strings.ToUpper(t)
			h.title[i] = capFirst(t)
		}
	}
	return h
}

func capFirst(s string) string {
	for i, r := range s {
		if unicode.IsLower(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
		}
		return s
	}
	return s
}

// accepts reports whether tokens [i, i+len(h.toks)) of d satisfy the case
// policy of the hit. The trie already matched them case-insensitively.
func (h *gazHit) accepts(d *docState, i int) bool {
	if h.alone && !d.standsAlone(i, i+len(h.toks)) {
		return false
	}
	if h.placeTwo && !d.placeVariantStands(i, i+len(h.toks)) {
		return false
	}
	if h.composed && !d.composedOK(h, i) { // gazetteer_heads.go
		return false
	}
	if h.lower && h.mode == caseInsensitive && d.p.gaz.entries[h.entry].typ == extractor.Sector && d.insideName(i, i+len(h.toks)) {
		return false // gazetteer_heads.go: "Northwind Shipping said"
	}
	if h.phrase {
		for k := 1; k < len(h.toks); k++ {
			// Lower case after the first word, or a capitalised word
			// the name itself holds ("managed IT service suppliers").
			if t := d.exact(i + k); t != strings.ToLower(t) && t != h.toks[k] {
				return false
			}
		}
	}
	switch {
	case h.mode == caseInsensitive:
		return true
	case h.mode == caseSensitive:
		for k, t := range h.toks {
			if d.exact(i+k) != t {
				return false
			}
		}
		return true
	case h.lower:
		return true
	}
	for k := range h.toks {
		t := d.exact(i + k)
		if t != h.toks[k] && t != h.upper[k] && t != h.title[k] && !camelVariant(t, h.toks[k]) {
			return h.lowerToo && d.allLower(h, i)
		}
	}
	return true
}

// camelVariant reports whether token t spells the camel-case name word w
// without its inner capitals, as reports often write brand names
// ("Powershell" for PowerShell, "Wikileaks" for WikiLeaks, "Oilrig" for
// OilRig): both start with a capital and hold a lower-case letter (SWIFT
// is no Swift), w has a capital after a lower-case letter and t has none.
// The trie has already matched the two ignoring case.
//
// The other direction ("ProofPoint" for Proofpoint) was measured too: it
// added as many names the dev sets leave unannotated (text written in
// camel case, "PasteBin", "QiHoo 360") as it found, and lowered the
// annoctr-dev figures, so it is left out.
func camelVariant(t, w string) bool {
	innerT, okT := camelShape(t)
	innerW, okW := camelShape(w)
	return okT && okW && innerW && !innerT
}

// camelShape reports whether s has a capital after a lower-case letter
// (inner), and whether s starts with a capital and holds a lower-case
// letter (ok).
func camelShape(s string) (inner, ok bool) {
	lower := false
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			inner = inner || lower
		case i == 0:
			return false, false
		case unicode.IsLower(r):
			lower = true
		}
	}
	return inner, lower
}

// insert adds a name to the trie rooted in the pack vocabulary.
func (p *Pack) insertName(toks []string, h gazHit) {
	var n *gnode
	for i, t := range toks {
		key := foldKey(t)
		if i == 0 {
			v := p.vocabFor(key)
			if v.gaz == nil {
				v.gaz = &gnode{}
			}
			n = v.gaz
			continue
		}
		if n.kids == nil {
			n.kids = map[string]*gnode{}
		}
		next := n.kids[key]
		if next == nil {
			next = &gnode{}
			n.kids[key] = next
		}
		n = next
	}
	n.hits = append(n.hits, h)
}

// matchGazetteers adds a candidate for every gazetteer name in sentence
// tokens [lo, hi).
func (d *docState) matchGazetteers(lo, hi int) {
	p := d.p
	var broken []brokenCase
	var initial, initialKind []initialCommon
	accepted := map[int32]bool{}
	for i := lo; i < hi; i++ {
		if d.head != nil && d.head[i] != "" {
			if v := p.vocab[d.head[i]]; v != nil && v.gaz != nil {
				d.compoundHits(v.gaz, i, i) // "China-based"
			}
		}
		v := d.vent[i]
		if v == nil || v.gaz == nil {
			continue
		}
		n := v.gaz
		for j := i + 1; ; j++ {
			for k := range n.hits {
				h := &n.hits[k]
				if !h.accepts(d, i) {
					if h.caseBroken(d, i) {
						broken = append(broken, brokenCase{h, i, j})
					}
					continue
				}
				if h.common && d.sentenceInitial(i) && !(h.context && !d.threatContext(i)) && !h.composed &&
					p.gaz.entries[h.entry].typ == extractor.ThreatActor {
					// a common word opening a sentence: read below
					initial = append(initial, initialCommon{h, i, j, d.commonConfirmed(i, j)})
					continue
				}
				if h.common && d.sentenceInitial(i) && !(h.context && !d.threatContext(i)) && !h.composed &&
					(p.gaz.entries[h.entry].typ == extractor.Malware || p.gaz.entries[h.entry].typ == extractor.Tool) &&
					d.verbAfterName(j) {
					// read below: the document must name the entry elsewhere
					initialKind = append(initialKind, initialCommon{h, i, j, true})
					continue
				}
				if !(h.common && d.sentenceInitial(i)) && !(h.context && !d.threatContext(i)) {
					accepted[h.entry] = true
					e := &p.gaz.entries[h.entry]
					r := p.rules[h.rule]
					start, end := i, j-1
					if h.composed {
						start, end = d.composedSpan(h, i, j) // gazetteer_heads.go
					}
					d.addCand(cand{start: d.tokStart[start], end: d.tokEnd[end], rule: h.rule, prio: r.prio,
						typ: e.typ, subtype: e.subtype, canonical: e.canonical, hide: r.suppress})
					if h.rest != "" && !r.suppress {
						if k := d.longerName(i, j, hi, h.rest); k > j && !d.gazNameSpans(v.gaz, i, k) {
							d.addCand(cand{start: d.tokStart[i], end: d.tokEnd[k-1], rule: h.rule, prio: r.prio,
								typ: e.typ, subtype: e.subtype})
						}
					} else if e.typ == extractor.Organization && !r.suppress {
						// The company's full name: "Verizon Communications"
						// of Verizon (gazetteer_longer.go).
						if k := d.descriptorTail(j, hi); k > j && !d.gazNameSpans(v.gaz, i, k) {
							d.addCand(cand{start: d.tokStart[i], end: d.tokEnd[k-1], rule: h.rule, prio: r.prio,
								typ: e.typ, subtype: e.subtype, canonical: e.canonical})
						} else if k := d.legalNameRun(i, j, hi); k > j && !d.gazNameSpans(v.gaz, i, k) {
							// The company's registered name written out:
							// "Najee Technology Hooshmand Fater, a firm in
							// Iran", the company the gazetteer knows
							// (gazetteer_longer.go).
							d.addCand(cand{start: d.tokStart[i], end: d.tokEnd[k-1], rule: h.rule, prio: r.prio,
								typ: e.typ, subtype: e.subtype, canonical: e.canonical})
						}
					}
					if h.before != "" && !r.suppress && i > d.sentLo[d.sentOf[i]] && d.fold[i-1] == h.before {
						c := cand{start: d.tokStart[i-1], end: d.tokEnd[j-1], rule: h.rule, prio: r.prio,
							typ: e.typ, subtype: e.subtype, canonical: e.canonical}
						if k := d.nameRun(j, hi, h.beforeRest); k > j && !d.gazNameSpans(v.gaz, i, k) {
							c.end, c.canonical = d.tokEnd[k-1], ""
						}
						d.addCand(c)
					}
				}
			}
			if j >= hi || n.kids == nil {
				break
			}
			if d.head != nil && d.head[j] != "" {
				if hn := n.kids[d.head[j]]; hn != nil {
					d.compoundHits(hn, i, j) // "North Korea-linked"
				}
			}
			n = n.kids[d.fold[j]]
			if n == nil {
				break
			}
		}
	}
	// An actor's common name opening a sentence ("Patchwork has been
	// active since 2015", "Patchwork, a group ...") is the entry when its
	// sentence confirms it (commonConfirmed). That the document names the
	// entry elsewhere is no proof: "Strontium is a metal. Microsoft named
	// Strontium."
	for _, b := range initial {
		if !b.confirmed {
			continue
		}
		e := &p.gaz.entries[b.h.entry]
		r := p.rules[b.h.rule]
		d.addCand(cand{start: d.tokStart[b.i], end: d.tokEnd[b.j-1], rule: b.h.rule, prio: r.prio,
			typ: e.typ, subtype: e.subtype, canonical: e.canonical, hide: r.suppress})
	}
	// A malware or tool family's common-word name opening a sentence
	// before a finite verb ("Prestige itself encrypts files", "Prestige
	// deletes the backups") is the family when the document names the
	// same entry inside a sentence too: the report is about the family and
	// goes on about it. A copula is no such verb ("Prestige is a brand").
	for _, b := range initialKind {
		if !accepted[b.h.entry] {
			continue
		}
		e := &p.gaz.entries[b.h.entry]
		r := p.rules[b.h.rule]
		d.addCand(cand{start: d.tokStart[b.i], end: d.tokEnd[b.j-1], rule: b.h.rule, prio: r.prio,
			typ: e.typ, subtype: e.subtype, canonical: e.canonical, hide: r.suppress})
	}
	// A name whose later words the text leaves in lower case ("Salt
	// typhoon", "Integrity Know-how group") is the entry when the document
	// also writes the entry properly.
	for _, b := range broken {
		if !accepted[b.h.entry] || b.h.common && d.sentenceInitial(b.i) {
			continue
		}
		e := &p.gaz.entries[b.h.entry]
		// "the Cobalt group": an actor's name and a lower-case head noun
		// is ordinary English, and the name alone is the actor.
		if last := d.fold[b.j-1]; e.typ == extractor.ThreatActor && d.exact(b.j-1) == last && d.p.cti.actorHeads[last] {
			continue
		}
		r := p.rules[b.h.rule]
		d.addCand(cand{start: d.tokStart[b.i], end: d.tokEnd[b.j-1], rule: b.h.rule, prio: r.prio,
			typ: e.typ, subtype: e.subtype, canonical: e.canonical, hide: r.suppress})
	}
}

// The head nouns written after an actor's name in lower case ("the Copper
// Gannet group") are the pack list gazetteer_actor_heads (vocab.go).

// initialCommon is a common-word gazetteer name at tokens [i, j) opening
// its sentence; confirmed when its sentence says it is the name.
type initialCommon struct {
	h         *gazHit
	i, j      int
	confirmed bool
}

// commonConfirmed reports whether the sentence of a common-word name at
// tokens [i, j) opening it says it is the name: a word of
// gazetteer_context_words in the sentence ("Patchwork, a group that ..."),
// or right after the name an actor's words of the pack list
// gazetteer_common_frames ("Patchwork has been active since 2015").
// "Strontium is a metal." has neither.
func (d *docState) commonConfirmed(i, j int) bool {
	if d.p.gazContext != nil && d.threatContext(i) {
		return true
	}
	hi := d.sentLo[d.sentOf[i]+1]
	return d.p.gazFrames != nil && j < hi && d.p.gazFrames.startsAt(d, j, hi)
}

// brokenCase is a gazetteer name at tokens [i, j) written with some of its
// later words in lower case.
type brokenCase struct {
	h    *gazHit
	i, j int
}

// caseBroken reports whether tokens [i, i+len(h.toks)) write a multi-word
// name of the auto case policy with its first word as the policy wants and
// some later words in lower case instead of their capitals: a rewriter or
// a hurried writer broke the title case. The trie already matched them
// ignoring case.
func (h *gazHit) caseBroken(d *docState, i int) bool {
	if h.mode != caseAuto || h.lower || len(h.toks) < 2 {
		return false
	}
	if t := d.exact(i); t != h.toks[0] && t != h.title[0] {
		return false
	}
	lowered := false
	for k := 1; k < len(h.toks); k++ {
		t := d.exact(i + k)
		switch {
		case t == h.toks[k] || t == h.title[k]:
		case t == strings.ToLower(h.toks[k]) && t != h.toks[k]:
			lowered = true
		default:
			return false
		}
	}
	return lowered
}

// gazNameSpans reports whether tokens [i, k) spell a gazetteer name whose
// trie starts at n (the node after token i) and whose case policy they
// meet: a longer name the gazetteer holds, such as a synonym variant
// ("Chengdu 404 Web Know-how"), is that name, not a run named as written.
func (d *docState) gazNameSpans(n *gnode, i, k int) bool {
	for j := i + 1; j < k && n != nil; j++ {
		n = n.kids[d.fold[j]]
	}
	if n == nil {
		return false
	}
	for x := range n.hits {
		if n.hits[x].accepts(d, i) {
			return true
		}
	}
	return false
}

// listGazetteerContext names the pack list of words that let a context
// name match (entries with context: true).
const listGazetteerContext = "gazetteer_context_words"

// listGazetteerCommonFrames names the pack list of an actor's words that,
// right after a common-word name opening a sentence, confirm the name
// (commonConfirmed).
const listGazetteerCommonFrames = "gazetteer_common_frames"

// listActorGroupNouns names the pack list of nouns after an actor's name
// that still name the actor (Pack.GroupNouns).
const listActorGroupNouns = "actor_group_nouns"

// threatContext reports whether the sentence of token i holds a word of the
// pack's gazetteer context list (true when the pack has none).
func (d *docState) threatContext(i int) bool {
	if d.p.gazContext == nil {
		return true
	}
	return d.cuedBefore(d.p.gazContext, int(d.sentOf[i]), -1) // relation_fallback.go
}

// sentenceInitial reports whether token i is the first word of its
// sentence: only punctuation (quotes, bullets, brackets) comes before it.
func (d *docState) sentenceInitial(i int) bool {
	for j := d.sentLo[d.sentOf[i]]; j < i; j++ {
		for _, r := range d.tokText[j] {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

// standsAlone reports whether tokens [i, j) have no capitalised word right
// after them in their sentence, and none right before them but the
// sentence's first word or an all-capitals acronym ("UK", "U.S.").
func (d *docState) standsAlone(i, j int) bool {
	si := d.sentOf[i]
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	if j < hi && startsUpper(d.exact(j)) {
		return false
	}
	if i-1 > lo {
		if t := d.exact(i - 1); startsUpper(t) && strings.ToUpper(t) != t {
			return false
		}
	}
	return true
}

// placeVariantStands reports whether a place's two words in other words,
// tokens [i, j), name the place: they stand alone (standsAlone), the
// word after them is no noun of gazetteer_place_variant_stop_next
// ("office", "branch"), which makes them the name of a company's unit,
// and they stand in running text (inRunningText): in a breadcrumb or
// category trail ("Safety › Center East") they are a section's name.
func (d *docState) placeVariantStands(i, j int) bool {
	if !d.standsAlone(i, j) {
		return false
	}
	if j < len(d.fold) && d.sentOf[j] == d.sentOf[i] && d.p.placeVariantStopNext[d.fold[j]] {
		return false
	}
	return d.inRunningText(i, j)
}

// inRunningText reports whether tokens [i, j) stand in a sentence of
// running text: no breadcrumb separator right before or after them
// ("Safety › Center East", "Regions / Center East / Energy") and a
// lower-case word in their sentence ("offices in the Center East"),
// which a trail of section names, a heading of capitalised words or a
// menu lacks.
func (d *docState) inRunningText(i, j int) bool {
	si := d.sentOf[i]
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	// ("|" also parts a table's cells, which the reader renders as
	// "Acme Bank | Center East | finance": it parts a trail only in a line
	// with no lower-case word, which the loop below rejects anyway.)
	if i > lo && d.exact(i-1) != "|" && breadcrumbSeparators[d.exact(i-1)] || j < hi && d.exact(j) != "|" && breadcrumbSeparators[d.exact(j)] {
		return false
	}
	for k := lo; k < hi; k++ {
		if isLowerWord(d.exact(k)) {
			return true
		}
	}
	// A table row the reader renders with " | " between its cells may be
	// cut into sentences at them: the row's line counts.
	if !(i > lo && d.exact(i-1) == "|" || j < hi && d.exact(j) == "|" || lo > 0 && d.exact(lo-1) == "|" || hi < len(d.fold) && d.exact(hi) == "|" || d.exact(lo) == "|" || d.exact(hi-1) == "|") {
		return false
	}
	return d.lowerWordOnLine(i, j)
}

// lowerWordOnLine reports whether a lower-case word stands on the line of
// tokens [i, j), within 40 tokens before or after them.
func (d *docState) lowerWordOnLine(i, j int) bool {
	for k := i - 1; k >= 0 && k > i-40 && !strings.Contains(d.text[d.tokEnd[k]:d.tokStart[k+1]], "\n"); k-- {
		if isLowerWord(d.exact(k)) {
			return true
		}
	}
	for k := j; k < len(d.fold) && k < j+40 && !strings.Contains(d.text[d.tokEnd[k-1]:d.tokStart[k]], "\n"); k++ {
		if isLowerWord(d.exact(k)) {
			return true
		}
	}
	return false
}

// nameVerbSkips may stand between a name opening a sentence and its verb
// ("Prestige itself encrypts", "Prestige also deletes").
var nameVerbSkips = map[string]bool{"itself": true, "themselves": true, "also": true, "then": true, "now": true,
	"still": true, "first": true, "later": true, "reportedly": true, "typically": true, "usually": true, "additionally": true}

// verbAfterName reports whether token j, after a name opening its sentence
// (past one word of nameVerbSkips), is a lower-case finite verb other than
// a form of "be": the name is the sentence's subject.
func (d *docState) verbAfterName(j int) bool {
	hi := d.sentHi(j - 1) // the name's last token is j-1
	if hi > len(d.tokText) {
		hi = len(d.tokText)
	}
	if j < hi && nameVerbSkips[d.fold[j]] && d.lower(j) {
		j++
	}
	if j >= hi || !d.lower(j) {
		return false
	}
	switch d.fold[j] {
	case "is", "was", "are", "were", "be", "'s":
		return false
	}
	switch d.pos(j) {
	case "VBZ", "VBD", "MD":
		return true
	}
	return false
}
