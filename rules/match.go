package rules

import (
	"context"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
)

// cand is a candidate mention before conflicts are settled.
type cand struct {
	start, end int
	rule       int32
	prio       int
	typ        extractor.EntityType
	subtype    string
	canonical  string
	text       string // refanged text; "" means the surface text
	defanged   bool
	hide       bool  // from a suppress rule: occupies its span, is no mention
	party      bool  // a malware name the text describes as a group (described_type.go)
	tokS, tokE int32 // tokens covered, set when accepted
}

func (c *cand) len() int { return c.end - c.start }

// trace records what happened to every candidate, for rule tests.
type trace struct {
	cands   []cand  // every candidate produced, stopped or not
	stopped []int32 // per cands entry: the stop rule that removed it, or -1
	links   []AliasLink
	hidden  []extractor.Mention // accepted matches of suppress rules
}

// docState is the working state of one Match call: the flat token table of
// the document, lazily computed token features and the mentions accepted
// so far.
type docState struct {
	// listStop is the token read as "." after the last item of the bullet
	// list the relation rules are reading (relation_index.go), or -1.
	listStop int
	// bodySubjects memoises bodySubject per name (relation_bodyword.go):
	// bodyBySubject reads every government mention's name at each call.
	bodySubjects map[string]string
	// introItems are the document's bullet items after their intros
	// (lineItems), built at the first pattern rule with intros.
	introItems     []listItem
	introItemsDone bool
	// notes memoises editorialNote per sentence while topicFallback runs
	// (0 not yet read, 1 no note, 2 a note; relation_topic_note.go): it
	// was read for every mention a topic rule weighs, each time
	// walking the whole sentence.
	notes []uint8
	p     *Pack
	text  string
	sents []nlp.Sentence
	an    *nlp.Analyzer

	tokText          []string
	tokStart, tokEnd []int
	fold             []string
	// same is, per token, the first token of the document with the same
	// text, or -1 while a list rewrite (relation_lists.go) has changed the
	// token's text. Results that depend on the text alone (token regexes,
	// fold, vocabulary entry) are computed once per distinct text: about a
	// third of a report's tokens are first occurrences.
	same            []int32
	foldHash        []uint32 // per token: wordHash of fold (startfilter.go)
	firstOf         map[string]int32
	words           wordCache // fold, vocabulary entry and hash of token texts, kept across documents
	head, tail      []string  // per token: folded head and tail of a hyphenated compound, or "" (compound.go)
	vent            []*vocabEntry
	sentOf          []int32
	sentLo          []int // first token of each sentence, plus the total at the end
	shapes, cshapes []string
	tagged          []bool
	// fixedPOS memoises per token the analyzer's FixedTag of its text
	// (knownPOS): "" not looked up yet, notFixed when the word has no
	// fixed tag. The relaxed tries ask it of the same tokens again and
	// again, and FixedTag runs a link regex on every token with a dot.
	fixedPOS []string
	// typeOf is, per token, the number of its text in d.words (wordcache.go;
	// 0 is the spare for listEndStop's "."): the token regex caches
	// (wordCache.verdicts) hold one entry per text, not per token.
	typeOf  []int32
	tokHits []tokHit // matches of token-scoped regex rules (matchRegexes)
	hitFrom []int32

	cands  []cand
	acc    []cand
	pool   []cand     // resolve's working copy of acc and cands
	order  []int32    // resolve's sort order
	startM []int32    // per token: index in acc of the mention starting there, or -1
	cover  []typeMask // per token: types of the mentions covering it
	// typesAfter is, per token, the types of the mentions starting there
	// or later in its sentence, while a phase runs (needs.go).
	typesAfter []typeMask
	// accMask holds, per mention of acc, the types a pattern element or a
	// rule slot sees it as (index): its own, plus threat actor for a
	// numbered unit while unitActors is set (relation_unit_actor.go).
	accMask    []typeMask
	unitActors bool
	occupied   []bool  // per byte, during resolve
	active     []int32 // per rule: stamp of the last sentence it was activated in
	// anchorLo and anchorHi are, per anchored rule, the first and last
	// token of its anchor words in the sentence active stamps (reach.go).
	anchorLo, anchorHi []int32
	m                  matcher
	// lazyPOS is set while a relation rule is first tried without tagging
	// (relation_index.go): a part-of-speech test that would tag a sentence
	// is assumed to pass instead (cond.test).
	lazyPOS    bool
	relScratch relScratch // runRelationRules' tables (relation_index.go)
	trace      *trace
	links      []AliasLink // the alias links of the document, for the topic fallbacks
	// tableList is the document's tables once tablesFound (table_match.go).
	tableList   []textTable
	tablesFound bool
	// collectNames, when set, gets the name stage's candidates instead of
	// the model's mentions (NameCandidates).
	collectNames *[]NameCandidate
	// ctx and done (its Done channel) end a MatchContext early; stageName
	// is the stage a cancellation names (cancel.go). done is nil for Match.
	ctx       context.Context
	done      <-chan struct{}
	stageName string
	// prof, when set, gets the time and counts of every rule tried and
	// of every stage (profile.go).
	prof *docProfile
	// accGen counts the calls of index(), which follow every change of
	// acc; topicTally is valid for one generation (relation_topic.go).
	accGen     int
	topicTally topicTally
	govIdx     govIndexes // relation_prefixed.go
	// runKey, runOff, runPos and letterRuns index the text for
	// propagation, built on first use (occurrences.go); the tables are
	// kept, cleared, for the next document.
	runKey                                 map[string]int32
	runOff, runPos, runOf, runFill, runTmp []int32
	runsBuilt                              bool
	letterRuns                             map[string]struct{}
	letterRunsBuilt                        bool

	// codeFrom is, per sentence, 1 + the first token a visible malware or
	// tool mention starts at (the sentence's end when none), 0 when not
	// yet known; codeNoun reads it only while codeFromOn (described_type.go).
	codeFrom   []int32
	codeFromOn bool
}

var docPool = sync.Pool{New: func() any { return new(docState) }}

// Match finds the mentions and alias links in text, whose sentences and
// tokens an.Analyze produced. Sentences are tagged for parts of speech only
// when a rule's pos constraint is evaluated on them; tags are written into
// sents.
func (p *Pack) Match(text string, sents []nlp.Sentence, an *nlp.Analyzer) Result {
	return p.match(text, sents, an, nil)
}

func (p *Pack) match(text string, sents []nlp.Sentence, an *nlp.Analyzer, tr *trace) Result {
	return p.matchCtx(context.Background(), text, sents, an, tr, nil)
}

// matchCtx is match that polls ctx between stages and sentences (never
// when ctx.Done() is nil, as for context.Background()); a cancelled match
// panics with *Canceled (cancel.go).
func (p *Pack) matchCtx(ctx context.Context, text string, sents []nlp.Sentence, an *nlp.Analyzer, tr *trace, dp *docProfile) Result {
	d := docPool.Get().(*docState)
	completed := false
	defer func() {
		if !completed {
			return // a cancelled or crashed match's state is dropped, not pooled
		}
		d.reset()
		docPool.Put(d)
	}()
	d.prof = dp
	d.stage("setup")
	d.init(p, text, sents, an, tr)
	d.ctx, d.done = ctx, ctx.Done()

	links, rels := p.stages(d)
	res := Result{Mentions: make([]extractor.Mention, 0, len(d.acc)), Aliases: links, Relations: rels}
	for i := range d.acc {
		if d.acc[i].hide { // a suppress rule's match (output.go)
			if tr != nil {
				tr.hidden = append(tr.hidden, d.mention(&d.acc[i]))
			}
			continue
		}
		res.Mentions = append(res.Mentions, d.mention(&d.acc[i]))
	}
	completed = true
	return res
}

// stages runs every stage of matching over an initialised document state
// and returns its alias links and relations; the mentions are in d.acc.
func (p *Pack) stages(d *docState) ([]AliasLink, []RelationMatch) {
	// Stage 0: gazetteers and regular expressions. Names may run across a
	// sentence boundary (a heading broken over lines): the trie needs every
	// token in order, so a real sentence end, which is a token, stops it.
	d.stage("gazetteers")
	d.splitCompounds() // compound.go
	d.matchGazetteers(0, len(d.tokText))
	d.stage("regexes")
	d.matchRegexes()
	d.resolve()
	// Pattern stages, each seeing what the earlier ones accepted.
	d.stage("patterns")
	for _, ph := range p.phases {
		d.runPhase(ph, func(r *rule, i, end int) { d.patternCand(r, i, end) })
		d.resolve()
	}
	d.stage("aliases")
	d.separateLegalForms() // legal_forms.go
	d.nameCityStates()     // place_city_state.go
	links := d.runAliases()
	d.links = links
	d.stage("tables")
	d.runTableKinds() // table_match.go; may add mentions
	d.stage("propagation")
	d.retypeBodyPrefixPersons()
	d.propagateNames()     // propagate.go
	d.linkNameParts()      // propagate_persons.go
	d.nameListItems()      // propagate_lists.go
	d.typeDescribedNames() // described_type.go
	d.stage("name model")
	d.runNameModel() // namestage.go; may add mentions
	d.stage("relations")
	rels := d.runRelations() // relation_match.go; may add mentions
	d.stage("table relations")
	links, rels = d.runTables(links, rels) // table_match.go; may add mentions
	return links, rels
}

func (d *docState) mention(c *cand) extractor.Mention {
	r := d.p.rules[c.rule]
	t := c.text
	if t == "" {
		t = d.text[c.start:c.end]
	}
	return extractor.Mention{Span: extractor.Span{Start: c.start, End: c.end}, Text: t, Type: c.typ,
		Subtype: c.subtype, Canonical: c.canonical, Rule: r.id, Priority: c.prio, Defanged: c.defanged, Party: c.party}
}

func (d *docState) init(p *Pack, text string, sents []nlp.Sentence, an *nlp.Analyzer, tr *trace) {
	d.p, d.text, d.sents, d.an, d.trace = p, text, sents, an, tr
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	d.tokText = grow(d.tokText, n)
	d.tokStart = grow(d.tokStart, n)
	d.tokEnd = grow(d.tokEnd, n)
	d.fold = grow(d.fold, n)
	d.same = grow(d.same, n)
	d.foldHash = grow(d.foldHash, n)
	if d.firstOf == nil {
		d.firstOf = make(map[string]int32, n)
	}
	clear(d.firstOf)
	d.vent = grow(d.vent, n)
	d.sentOf = grow(d.sentOf, n)
	d.typeOf = grow(d.typeOf, n)
	d.words.use(p)
	d.startM = grow(d.startM, n)
	d.cover = grow(d.cover, n)
	d.sentLo = grow(d.sentLo, len(sents)+1)
	d.tagged = grow(d.tagged, len(sents))
	d.fixedPOS = grow(d.fixedPOS, n)
	d.active = grow(d.active, len(p.rules))
	d.anchorLo = grow(d.anchorLo, len(p.rules))
	d.anchorHi = grow(d.anchorHi, len(p.rules))
	d.m.d = d
	k := 0
	for si := range sents {
		d.sentLo[si] = k
		for _, t := range sents[si].Tokens {
			d.tokStart[k], d.tokEnd[k] = t.Start, t.End
			if k > d.sentLo[si] {
				d.tokText[k] = ruleText(t.Text, d.tokText[k-1], d.tokEnd[k-1] == t.Start)
			} else {
				d.tokText[k] = ruleText(t.Text, "", false)
			}
			if j, ok := d.firstOf[d.tokText[k]]; ok {
				d.same[k], d.fold[k], d.vent[k], d.foldHash[k] = j, d.fold[j], d.vent[j], d.foldHash[j]
				d.typeOf[k] = d.typeOf[j]
			} else {
				d.firstOf[d.tokText[k]] = int32(k)
				w := d.words.lookup(p, d.tokText[k])
				d.same[k], d.fold[k], d.vent[k], d.foldHash[k] = int32(k), w.fold, w.vent, w.hash
				d.typeOf[k] = w.id
			}
			d.sentOf[k] = int32(si)
			d.startM[k] = -1
			k++
		}
	}
	d.sentLo[len(sents)] = n
}

// possessiveS is the token rules match a possessive with.
const possessiveS = "'s"

// ruleText is the text every rule and every check of a token's text reads
// for a token written text, after the token prev (its rule text; "" at a
// sentence start), glued to it or not. The document (docState.init) and a
// single clause (ClauseReader.Read) read tokens alike through it:
//   - "Palo Alto Networks' Unit 42": the bare apostrophe of a plural
//     possessive is "'s" (names in rules are tokenized the same way:
//     compiler.tokenize);
//   - "the PLA’s Unit 61398": the typographic possessive is the plain one,
//     as its fold already was;
//   - "state–sponsored", "non‑governmental": a dash inside a word is its
//     hyphen, for compounds (compound.go) and case-sensitive checks alike.
func ruleText(text, prev string, glued bool) string {
	if text == curlyPossessive || (prev != "" && pluralPossessive(text, prev, glued)) {
		return possessiveS
	}
	return plainHyphens(text)
}

// plainHyphens returns token text t with the typographic hyphens and the
// en dash written "-" when one stands inside it (the tokenizer keeps an en
// dash inside a word only as a hyphen: "Beijing–based").
func plainHyphens(t string) string {
	if len(t) < 4 || !strings.ContainsAny(t, "\u2010\u2011\u2013") {
		return t
	}
	return hyphenReplacer.Replace(t)
}

var hyphenReplacer = strings.NewReplacer("\u2010", "-", "\u2011", "-", "\u2013", "-")

// curlyPossessive is the possessive written with a typographic apostrophe.
const curlyPossessive = "\u2019s"

// pluralPossessive reports whether tok, right after prev (adjacent when
// glued), is the bare apostrophe of a plural possessive ("Networks'").
func pluralPossessive(tok, prev string, glued bool) bool {
	if !glued || tok != "'" && tok != "\u2019" || prev == "" {
		return false
	}
	last := prev[len(prev)-1]
	return last == 's' || last == 'S'
}

// grow returns s resized to n, zeroed, reusing its storage.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (d *docState) reset() {
	d.p, d.sents, d.an, d.trace, d.text, d.links = nil, nil, nil, nil, "", nil
	d.ctx, d.done, d.stageName, d.prof = nil, nil, "", nil
	d.topicTally.best = nil // built again for the next document
	d.govIdx.built = false
	d.runsBuilt, d.letterRunsBuilt = false, false
	clear(d.runKey) // drop the keys: they are substrings of the text
	clear(d.letterRuns)
	clear(d.govIdx.byFirst)
	clear(d.govIdx.bySubject)
	d.tableList, d.tablesFound, d.collectNames = nil, false, nil
	d.introItems, d.introItemsDone = nil, false
	clear(d.bodySubjects)
	d.listStop = -1
	d.cands, d.acc = d.cands[:0], d.acc[:0]
	clear(d.pool) // drop the strings candidates hold
	d.pool = d.pool[:0]
	d.shapes, d.cshapes = d.shapes[:0], d.cshapes[:0]
	// d.words and its regex verdicts are kept for the next document.
	clear(d.tokText)
	// Drop the memoised tags: FixedTag may answer with the token's own
	// text, a substring of this document that the pooled state would
	// otherwise keep alive. (init zeroes the slice again for the next
	// document, so this is about memory, not about stale tags.)
	clear(d.fixedPOS)
	clear(d.fold)
	clear(d.vent)
	clear(d.firstOf)
	// Drop very large buffers rather than pin them in the pool.
	if cap(d.tokText) > 1<<20 || len(d.firstOf) > 1<<18 {
		*d = docState{}
	}
}

func (d *docState) exact(i int) string { return exactKey(d.tokText[i]) }

func (d *docState) sentHi(i int) int { return d.sentLo[d.sentOf[i]+1] }

func (d *docState) shape(i int) string {
	if len(d.shapes) != len(d.tokText) {
		d.shapes = grow(d.shapes, len(d.tokText))
	}
	if d.shapes[i] == "" {
		d.shapes[i] = nlp.Shape(d.tokText[i])
	}
	return d.shapes[i]
}

func (d *docState) cshape(i int) string {
	if len(d.cshapes) != len(d.tokText) {
		d.cshapes = grow(d.cshapes, len(d.tokText))
	}
	if d.cshapes[i] == "" {
		d.cshapes[i] = nlp.ShortShape(d.tokText[i])
	}
	return d.cshapes[i]
}

// reMatch runs a token regex on each distinct token text at most once
// per pooled docState, across the documents it reads (the verdicts are
// kept per word in the word cache, wordcache.go, until it starts again):
// several rules and repeated elements test the same capitalised-word
// expressions on the same tokens, and the same words recur.
func (d *docState) reMatch(c *cond, i int) bool {
	t := d.tokText[i]
	k := d.same[i]
	if k < 0 { // text rewritten for a list reading: not cached
		return c.pf.allowsAnchored(t) && c.matchToken(t)
	}
	// The cache is read before the prefilter: a token text recurs, and
	// the prefilter's verdict is cached with the expression's.
	id := int(d.typeOf[k])
	switch d.words.verdict(c.reID, id) {
	case 1:
		return true
	case 2:
		return false
	}
	ok := c.pf.allowsAnchored(t) && c.matchToken(t)
	v := uint8(2)
	if ok {
		v = 1
	}
	d.words.setVerdict(c.reID, id, v)
	return ok
}

// matchToken runs the token regex on t: by its automaton when t is ASCII.
func (c *cond) matchToken(t string) bool {
	if c.dfa != nil {
		if ok, ascii := c.dfa.match(t); ascii {
			return ok
		}
	}
	return c.re.MatchString(t)
}

// pos returns the part-of-speech tag of token i, tagging its sentence on
// first use: tagging is several times slower than tokenising, so only the
// sentences a pos constraint reaches pay for it.
func (d *docState) pos(i int) string {
	if tag, ok := d.knownPOS(i); ok {
		return tag
	}
	si := d.sentOf[i]
	s := &d.sents[si]
	d.tagged[si] = true
	if d.an != nil {
		d.an.Tag(s)
	}
	return s.Tokens[i-d.sentLo[si]].POS
}

// knownPOS returns the tag of token i when it is known without tagging its
// sentence: the sentence is tagged, or the word gets the same tag in every
// context ("the", "of", "said"), so a context-dependent tag alone makes
// pos tag the sentence. A token tagged before Match (its POS set) keeps
// the old way, as Tag may leave or overwrite it.
func (d *docState) knownPOS(i int) (string, bool) {
	si := d.sentOf[i]
	s := &d.sents[si]
	t := &s.Tokens[i-d.sentLo[si]]
	if d.tagged[si] {
		return t.POS, true
	}
	if t.POS == "" {
		return d.fixedTag(i, t.Text)
	}
	return "", false
}

// notFixed marks a word without a fixed tag in docState.fixedPOS (no tag
// is empty).
const notFixed = "\x00"

// fixedTag is d.an.FixedTag(text) for token i, whose text it is: FixedTag
// depends on the text alone, so its answer is kept per token.
func (d *docState) fixedTag(i int, text string) (string, bool) {
	if i >= len(d.fixedPOS) { // the "." listEndStop adds after the text
		return d.an.FixedTag(text)
	}
	switch tag := d.fixedPOS[i]; tag {
	case "":
	case notFixed:
		return "", false
	default:
		return tag, true
	}
	tag, ok := d.an.FixedTag(text)
	switch {
	case !ok:
		d.fixedPOS[i] = notFixed
	case tag != "":
		d.fixedPOS[i] = tag
	}
	return tag, ok
}

// addCand records a candidate unless a stop rule removes it.
func (d *docState) addCand(c cand) {
	if d.prof != nil {
		d.prof.candidate(d.p.rules[c.rule])
	}
	if d.stopRule(&c) < 0 {
		d.cands = append(d.cands, c)
	}
}

// stopRule returns the stop rule that removes c, or -1, and traces c.
func (d *docState) stopRule(c *cand) int32 {
	stop := int32(-1)
	if d.p.stops != nil {
		t := c.text
		if t == "" {
			t = d.text[c.start:c.end]
		}
		// A mention named by its whole match (canonical: match) is the
		// entity of that name: "government" in "China's government" is
		// the organ of one state, not the generic word the stop list
		// holds.
		if c.canonical != "" && d.p.rules[c.rule].canonWhole {
			t = c.canonical
		}
		stop = d.p.stops.stops(c.typ, t)
	}
	if d.trace != nil {
		d.trace.cands = append(d.trace.cands, *c)
		d.trace.stopped = append(d.trace.stopped, stop)
	}
	return stop
}

// resolve settles the accepted mentions and this stage's candidates
// together: longest first, then higher priority, then earlier rule; a
// candidate overlapping an accepted one is dropped. Then it rebuilds the
// token index that entity constraints read.
func (d *docState) resolve() {
	if len(d.cands) == 0 {
		return // a stage that found nothing leaves the accepted mentions as they are
	}
	// The pool is a copy, so the accepted mentions can be rebuilt in
	// d.acc's own storage: resolve runs once per stage, and fresh slices
	// of large candidates were a fifth of the bytes a document allocated.
	pool := append(append(d.pool[:0], d.acc...), d.cands...)
	d.pool = pool
	d.cands = d.cands[:0]
	// Sort indexes, not the (large) candidates; ties keep pool order.
	order := grow(d.order, len(pool))
	d.order = order
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(a, b int) bool {
		x, y := &pool[order[a]], &pool[order[b]]
		if better(x, y) {
			return true
		}
		return !better(y, x) && order[a] < order[b]
	})
	if cap(d.occupied) < len(d.text) {
		d.occupied = make([]bool, len(d.text))
	}
	occ := d.occupied[:len(d.text)]
	keep := order[:0]
	for _, k := range order {
		c := &pool[k]
		if c.start < 0 || c.end > len(d.text) || c.end <= c.start || anySet(occ[c.start:c.end]) {
			continue
		}
		for b := c.start; b < c.end; b++ {
			occ[b] = true
		}
		keep = append(keep, k)
	}
	sort.Slice(keep, func(a, b int) bool { return pool[keep[a]].start < pool[keep[b]].start })
	acc := d.acc[:0]
	for _, k := range keep {
		acc = append(acc, pool[k])
		clear(occ[pool[k].start:pool[k].end])
	}
	d.acc = acc
	d.index()
}

// better orders candidates for resolution.
func better(a, b *cand) bool {
	if a.len() != b.len() {
		return a.len() > b.len()
	}
	if a.prio != b.prio {
		return a.prio > b.prio
	}
	if a.rule != b.rule {
		return a.rule < b.rule
	}
	return a.start < b.start
}

func anySet(b []bool) bool {
	for _, v := range b {
		if v {
			return true
		}
	}
	return false
}

// index maps accepted mentions to the tokens they cover.
func (d *docState) index() {
	d.accGen++
	for i := range d.startM {
		d.startM[i] = -1
		d.cover[i] = 0
	}
	d.accMask = grow(d.accMask, len(d.acc))
	for ai := range d.acc {
		c := &d.acc[ai]
		d.accMask[ai] = d.slotMask(c)
		s := sort.Search(len(d.tokEnd), func(i int) bool { return d.tokEnd[i] > c.start })
		e := sort.Search(len(d.tokStart), func(i int) bool { return d.tokStart[i] >= c.end })
		if s >= e {
			c.tokS, c.tokE = int32(s), int32(s)
			continue
		}
		// A mention never crosses a sentence for pattern purposes.
		if hi := d.sentHi(s); e > hi {
			e = hi
		}
		c.tokS, c.tokE = int32(s), int32(e)
		if c.hide {
			continue // invisible to entity constraints (output.go)
		}
		if d.startM[s] < 0 {
			d.startM[s] = int32(ai)
		}
		m := d.accMask[ai]
		for t := s; t < e; t++ {
			d.cover[t] |= m
		}
	}
}

// mentionAt returns the accepted mention with exactly this span, or nil.
func (d *docState) mentionAt(start, end int) *cand {
	i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].start >= start })
	if i < len(d.acc) && d.acc[i].start == start && d.acc[i].end == end {
		return &d.acc[i]
	}
	return nil
}

// overlapsAccepted reports whether [start, end) overlaps an accepted mention.
func (d *docState) overlapsAccepted(start, end int) bool {
	i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].end > start })
	return i < len(d.acc) && d.acc[i].start < end
}

// maxIndicatorToken is the longest token regex rules look at. Longer
// "tokens" are embedded data (base64 images in Markdown, hex dumps) where
// running a dozen expressions costs much and finds only noise.
const maxIndicatorToken = 4096

// tokHit is a match of a token-scoped regex rule, in bytes of the token.
type tokHit struct {
	rule, start, end int32
}

// matchRegexes runs token-scoped regex rules on each token that passes their
// prefilter, and sentence-scoped ones on each sentence.
func (d *docState) matchRegexes() {
	p := d.p
	if len(p.tokRegex) > 0 {
		// The matches in a token depend on its text alone, so a text seen
		// before replays the matches of its first occurrence (in the same
		// order); regexCand still judges each in its own context.
		hits := d.tokHits[:0]
		from := grow(d.hitFrom, len(d.tokText)+1) // per first occurrence: its hits are hits[from[i]:from[i+1]]
		for i, t := range d.tokText {
			if k := int(d.same[i]); k != i {
				for _, h := range hits[from[k]:from[k+1]] {
					d.regexCand(p.tokRegex[h.rule], d.tokStart[i]+int(h.start), d.tokStart[i]+int(h.end))
				}
				from[i+1] = int32(len(hits))
				continue
			}
			// The matches are kept across documents too (wordcache.go): a
			// word seen in an earlier document is not run through the
			// expressions again.
			if len(t) <= maxIndicatorToken {
				if known, ok := d.words.tokenHits(d.typeOf[i]); ok {
					hits = append(hits, known...)
				} else {
					n := len(hits)
					hits = d.tokenRegexHits(t, hits)
					d.words.setTokenHits(d.typeOf[i], hits[n:])
				}
			}
			from[i+1] = int32(len(hits))
			for _, h := range hits[from[i]:] {
				d.regexCand(p.tokRegex[h.rule], d.tokStart[i]+int(h.start), d.tokStart[i]+int(h.end))
			}
		}
		d.tokHits, d.hitFrom = hits, from
	}
	for _, r := range p.sentRegex {
		var start time.Time
		if d.prof != nil {
			start = time.Now()
		}
		d.sentRegexHits(r)
		if d.prof != nil {
			d.prof.add(r.idx, time.Since(start))
		}
	}
}

// sentRegexHits adds the matches of the sentence-scoped regex rule r in
// every sentence that passes its prefilter.
func (d *docState) sentRegexHits(r *rule) {
	for _, s := range d.sents {
		st := d.text[s.Start:s.End]
		if !r.pf.allows(st) {
			continue
		}
		for _, m := range r.re.FindAllStringSubmatchIndex(st, -1) {
			if a, b := m[2*r.group], m[2*r.group+1]; a >= 0 && b > a {
				d.regexCand(r, s.Start+a, s.Start+b)
			}
		}
	}
}

// tokenRegexHits appends the matches of the token-scoped regex rules in
// token text t, rule by rule.
func (d *docState) tokenRegexHits(t string, hits []tokHit) []tokHit {
	for ri, r := range d.p.tokRegex {
		if d.prof != nil {
			start := time.Now()
			hits = d.tokenRegexRuleHits(ri, r, t, hits)
			d.prof.add(r.idx, time.Since(start))
			continue
		}
		hits = d.tokenRegexRuleHits(ri, r, t, hits)
	}
	return hits
}

// tokenRegexRuleHits appends the matches of the token-scoped regex rule r
// (index ri of tokRegex) in token text t.
func (d *docState) tokenRegexRuleHits(ri int, r *rule, t string, hits []tokHit) []tokHit {
	if !r.pf.allows(t) {
		return hits
	}
	if r.whole != nil {
		if ok, ascii := r.whole.match(t); ascii && !ok {
			return hits
		}
	}
	if r.cut == nil {
		return r.regexHits(int32(ri), t, 0, hits)
	}
	pieces(t, r.cut, func(at int, piece string) {
		if r.pf.allows(piece) {
			hits = r.regexHits(int32(ri), piece, at, hits)
		}
	})
	return hits
}

// regexHits appends the matches of regex rule r (index ri) in s, which is
// at byte at of its token.
func (r *rule) regexHits(ri int32, s string, at int, hits []tokHit) []tokHit {
	if r.group == 0 {
		for _, m := range r.re.FindAllStringIndex(s, -1) {
			if m[1] > m[0] {
				hits = append(hits, tokHit{ri, int32(at + m[0]), int32(at + m[1])})
			}
		}
		return hits
	}
	for _, m := range r.re.FindAllStringSubmatchIndex(s, -1) {
		if s, e := m[2*r.group], m[2*r.group+1]; s >= 0 && e > s {
			hits = append(hits, tokHit{ri, int32(at + s), int32(at + e)})
		}
	}
	return hits
}

func (d *docState) regexCand(r *rule, start, end int) {
	raw := d.text[start:end]
	vc := vctx{text: d.text, start: start, end: end, clean: raw}
	if r.refang {
		vc.clean, vc.defanged = refang(raw)
	}
	if r.validate != nil && !r.validate(&vc) {
		return
	}
	c := cand{start: vc.start, end: vc.end, rule: r.idx, prio: r.prio, typ: r.typ, subtype: r.subtype,
		defanged: vc.defanged, canonical: vc.canonical}
	if vc.clean != d.text[vc.start:vc.end] {
		c.text = vc.clean
	}
	d.addCand(c)
}

// anchorInReach reports whether the anchored rule ri has an anchor word in
// the sentence stamped stamp, within the rule's reach of a match starting
// at token i (reach.go). The sentence test reads the small per-rule table
// first, so a rule anchored elsewhere is skipped without loading it.
func (d *docState) anchorInReach(ri int32, i int, stamp int32, maxMention int) bool {
	return d.active[ri] == stamp && d.inReach(d.p.rules[ri], i, maxMention)
}

// runPhase tries the rules of one phase in every sentence, calling found for
// each match. Rules are tried only where they can start: at tokens of their
// first-element list, at mentions of their first-element type, or, for
// rules with neither, at every token of sentences holding one of their
// anchor words (or every sentence when they have none).
func (d *docState) runPhase(ph *phase, found func(r *rule, start, end int)) {
	found = d.prof.counted(found)
	stamp := int32(0)
	maxMention := d.maxMentionTokens()
	d.fillTypesAfter() // needs.go
	try := func(r *rule, i, hi int) {
		if d.lacksNeeded(r, i, hi) {
			return
		}
		// A part-of-speech test would tag the sentence: a relaxed try that
		// lets every such test pass finds first whether the rule can
		// match at all (relation_index.go), as relation rules do.
		if r.posTests && !d.tagged[d.sentOf[i]] && !d.mayMatchUntagged(r, i, hi) {
			return
		}
		// A not_after phrase of words is checked before matching (cheap, and
		// it saves the match); one with a tag only after a match, since
		// reading the tag would tag the sentence at every start.
		if !canStart(d, r.nodes, i, hi) || !d.nextCanFollow(r, i, hi) ||
			r.notAfter != nil && !r.notAfterPOS && d.notAfterMatch(r.notAfter, i) {
			return
		}
		d.prof.started(r.idx)
		d.m.hi, d.m.notBefore = hi, r.notBefore
		if end := d.m.match(r.nodes, i); end > i {
			if r.notAfterPOS && d.notAfterMatch(r.notAfter, i) {
				return
			}
			found(r, i, end)
		}
	}
	try = d.prof.timed(try)
	for si := range d.sents {
		lo, hi := d.sentLo[si], d.sentLo[si+1]
		if lo == hi {
			continue
		}
		d.poll(si)
		stamp++
		if ph.firsts || ph.anchored {
			// Anchors first: a rule that starts at a common word is tried
			// only when its anchor word is somewhere in the sentence.
			for i := lo; i < hi; i++ {
				if v := d.vent[i]; v != nil {
					for _, ri := range listOf(v.anchorsBy, ph.slot) {
						if d.active[ri] != stamp {
							d.active[ri], d.anchorLo[ri] = stamp, int32(i)
						}
						d.anchorHi[ri] = int32(i)
					}
				}
			}
			for i := lo; i < hi && ph.firsts; i++ {
				v := d.vent[i]
				if v == nil {
					continue
				}
				for _, ri := range listOf(v.firstsBy, ph.slot) {
					if d.p.ruleAnchored[ri] && !d.anchorInReach(ri, i, stamp, maxMention) {
						continue
					}
					try(d.p.rules[ri], i, hi)
				}
			}
		}
		for _, r := range ph.scan {
			from, to := lo, hi
			if r.anchored {
				if d.active[r.idx] != stamp {
					continue
				}
				from, to = d.reachWindow(r, lo, hi, maxMention)
			}
			for i := from; i < to; i++ {
				if r.start.allows(d, i) {
					try(r, i, hi)
				}
			}
		}
		if len(ph.entFirst) > 0 {
			for i := lo; i < hi; i++ {
				mi := d.startM[i]
				if mi < 0 {
					continue
				}
				m := maskOf(d.acc[mi].typ)
				for _, r := range ph.entFirst {
					if r.firstEntity&m != 0 && (!r.anchored || d.anchorInReach(r.idx, i, stamp, maxMention)) {
						try(r, i, hi)
					}
				}
			}
		}
	}
	if len(ph.lists) > 0 {
		d.runListRules(ph.lists, try) // pattern_lists.go
	}
	// Reset stamps so the next phase starts clean.
	for _, r := range ph.scan {
		d.active[r.idx] = 0
	}
	for _, r := range ph.entFirst {
		d.active[r.idx] = 0
	}
}

// patternCand turns a pattern match into a candidate: the captured span
// (the hull of the "entity" slot), or the whole match.
func (d *docState) patternCand(r *rule, i, end int) {
	if r.intros != nil && !d.itemIntroCued(r.intros, i) {
		return
	}
	start, stop := d.tokStart[i], d.tokEnd[end-1]
	first := -1
	if r.entitySlot >= 0 {
		spans := slotSpans(d.m.caps, r.entitySlot)
		if len(spans) > 0 {
			start, stop = spans[0].bs, spans[len(spans)-1].be
			first = spans[0].start
		}
	}
	c := cand{start: start, end: stop, rule: r.idx, prio: r.prio, typ: r.typ, subtype: r.subtype, hide: r.suppress}
	if r.inherit {
		c.canonical = d.innerCanonical(r.typ, start, stop)
	} else if first >= 0 {
		c.canonical = d.retypedCanonical(first, start, stop) // person_org_prefix.go
	}
	if r.canonWhole && (start != d.tokStart[i] || stop != d.tokEnd[end-1]) {
		c.canonical = oneSpace(d.text[d.tokStart[i]:d.tokEnd[end-1]])
	}
	d.addCand(c)
}

// notAfterMatch reports whether one of a pattern's not_after phrases (folded
// words) ends right before token i in its sentence: with not_after: ["in
// the"], a match that starts after "in the" is dropped. A word written
// "<NNP>" in the pack (posKeyPrefix and the tag here) is any token of that
// tag: a name right before a match makes it the tail of a longer name.
func (d *docState) notAfterMatch(phrases [][]string, i int) bool {
	lo := d.sentLo[d.sentOf[i]]
	for _, ph := range phrases {
		k := i - len(ph)
		if k < lo {
			continue
		}
		hit := true
		for n, w := range ph {
			if tag, ok := strings.CutPrefix(w, posKeyPrefix); ok {
				if d.pos(k+n) != tag {
					hit = false
					break
				}
				continue
			}
			if d.fold[k+n] != w {
				hit = false
				break
			}
		}
		if hit {
			return true
		}
	}
	return false
}
