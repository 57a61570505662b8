package extract

import (
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
	"github.com/reportgraph/extractor/rules"
)

// Candidate pairs for the relation model. After resolution every mention
// belongs to an entity; two mentions of distinct entities are a candidate
// when they are in one sentence or in two adjacent sentences of one block
// (no blank line or page break between), at most pairMaxGap tokens apart,
// or in sentences up to pairFarSents apart in one block, at most
// pairFarGap tokens apart, their entity types (source first) are a pair the model allows, and no
// rule relation of that document links the two entities either way. Both
// orders of a pair are candidates when both are allowed: the features say
// which mention comes first, so direction is learnt.
//
// The token window bounds the pairs a mention takes part in, so the pass
// is linear in the length of a document.
const (
	// pairMaxGap bounds the tokens between two mentions in one or adjacent
	// sentences. It was 20 until session 19: on 246 documents 40 makes
	// 20-40 more right proposals at every budget of 200-400 wrong ones in
	// the cross-validation (of the related pairs no rule links, 255 met
	// only in one or adjacent sentences more than 20 tokens apart); 50
	// gives fewer right ones at the strict end.
	pairMaxGap = 40
	// pairFarSents and pairFarGap are the wider reach: a mention pairs
	// with one up to pairFarSents sentences on in the same block when they
	// are at most pairFarGap tokens apart, so short sentences about one
	// subject ("X is a group. It is based in Y. It targets Z.") are read
	// together.
	pairFarSents = 3
	pairFarGap   = 50
)

// PairCandidate is one ordered pair of mentions of two entities.
type PairCandidate struct {
	Doc            string
	Source, Target string // entity ids
	// Evidence is the sentence, or the sentences from the first mention's
	// to the second's.
	Evidence extractor.Span
	Hedge    string
	Features []uint32 // hashed feature ids, < the model's Buckets
	// Negated is set when both mentions are in one sentence and a
	// negation the relation rules would read denies a statement running
	// from the first to the second (rules.ClauseReader): such a candidate
	// is never proposed.
	Negated bool

	types    [2]string // the entity types, source first
	src, tgt int       // the entities' indices in their document
	// tgtInName is set when every mention of the target in the evidence
	// opens a longer capitalised name (opensLongerName): "Adobe Reader".
	tgtInName bool
	text      string // the document's text, for the evidence sentence
	page      int    // the page of the evidence's start, as rule evidence has
}

// pairMention is a resolved mention as the candidate pass sees it.
type pairMention struct {
	start, end   int    // bytes
	tokLo, tokHi int    // token range [lo, hi), counted over the document's sentences (pairDoc.sentLo)
	sent         int    // sentence index
	entity       int    // index into pairDoc.ents
	typ          string // the entity's type
	typeHash     uint32 // wordHash of typ
}

// pairRole is one rule relation an entity takes part in: its type and
// the entity's side (source or target), hashed together, and the other end.
type pairRole struct {
	role  uint32 // mix of the relation type's and the side's hashes
	other int    // entity index, -1 when the other end is not in this document's mentions
}

// pairDoc is one document prepared for candidates and features.
type pairDoc struct {
	res       *DocResult
	share     *share      // its share of the work under ResolveLimited, or nil
	sentLo    []int       // sentence → its first token's index in the document
	words     []uint32    // wordHash of every token, filled one sentence at a time (ready)
	sentFirst []int       // sentence → the first token of its first mention, -1 none
	firstVerb []int       // sentence → its first token of a verb list (PairModel.verbSet), -1 none, -2 not yet read
	lists     []int32     // token → 1 + the index in PairModel.listSets of the word lists holding it, 0 none (filled with words)
	ready     []bool      // sentence → its words and cues are filled in
	negated   []bool      // sentence → it holds a negation cue
	hedge     []string    // sentence → its first hedge cue
	block     []int       // sentence → its block (blocks)
	opener    map[int]int // block → the entity of its first mention
	mentions  []pairMention
	ents      []string               // entity ids
	top       map[int]bool           // the most-mentioned actor and organisation
	linked    map[[2]int]bool        // entity pairs a rule relation links (either way)
	roles     map[int][]pairRole     // entity → its rule relations here
	typeOf    []string               // entity → type
	count     []int                  // entity → its mentions here
	kind      []uint32               // entity → the hashed kind of rule that found it (entityKind)
	reporter  []bool                 // entity → a mention of it is followed by a reporting verb, or follows "according to"
	pairs     map[[2]int]pairStat    // unordered entity pair (lower index first) → its co-occurrences
	title     []bool                 // entity → mentioned in the document's first sentence
	sents     [][]int                // entity → the distinct sentences of its mentions, ascending
	docCo     map[[2]int][2]int      // unordered entity pair → sentences and blocks that name both
	roleIdx   map[int]map[int][]int  // entity → other entity → positions in roles[entity] (roleIndex)
	roleSum   map[int][]distinctRole // entity → its distinct roles (roleSummary)
	arena     []uint32               // the features of every candidate, one allocation for many
	clauses   *rules.ClauseReader    // the rules' negation judge, on first use (negatedPair)
	clauseAt  int                    // the sentence clauses has read, or -1
	clauseOK  bool                   // that sentence may negate a statement
}

// pairStat aggregates every mention pair of two entities within the
// candidate window: how many there are in one sentence and in adjacent
// sentences, and the shortest token gap, so each candidate knows whether
// the pair recurs and whether it is the closest reading.
type pairStat struct {
	same, adj int
	minGap    int
}

// Candidates lists the model's candidate pairs of every document, in
// document order, then by position; ds must be the resolution of results.
// With linked, pairs a rule relation links are candidates too: training
// learns from every stated relation, not only from those the rules
// missed, and a pair's own rule relations are then kept out of its
// features.
func (m *PairModel) Candidates(results []*DocResult, ds *extractor.Dataset, linked bool) []PairCandidate {
	var out []PairCandidate
	m.eachDoc(results, ds, linked, false, nil, func(c *PairCandidate) { out = append(out, *c) }, nil)
	return out
}

// eachDoc calls add with each candidate of each document in turn, then
// done at the end of the document. With reuse, the features' memory is
// reused from one candidate to the next, so add must not keep c.Features
// (Propose: one document of a million candidates is not held in memory);
// without, every candidate's features have their own memory (Candidates).
// lim bounds each document's share (limit.go): done is told whether the
// document stayed within it.
func (m *PairModel) eachDoc(results []*DocResult, ds *extractor.Dataset, linked, reuse bool, lim *limits, add func(c *PairCandidate), done func(ok bool)) {
	owner := mentionOwners(ds)
	rels := map[string][]extractor.Relation{} // by document of their evidence
	for _, r := range ds.Relations {
		for k, ev := range r.Evidence {
			if !evidenceIn(r.Evidence[:k], ev.Doc) {
				rels[ev.Doc] = append(rels[ev.Doc], r)
			}
		}
	}
	var arena []uint32
	// The per-token tables and the clause reader of one document serve the
	// next: a pairDoc is dropped when its candidates are made.
	var words []uint32
	var lists []int32
	var mentions []pairMention
	var clauses *rules.ClauseReader
	for di, res := range results {
		if res == nil || res.Doc == nil || lim.stopped(di) {
			continue
		}
		sh := lim.begin(di, stageModel, "mention", len(res.Mentions))
		d := m.prepare(res, ds.Entities, owner[res.Doc.ID], rels[res.Doc.ID], words, lists, mentions)
		words, lists, mentions = d.words, d.lists, d.mentions
		if clauses != nil {
			d.clauses = clauses
		}
		d.share = sh
		if linked {
			d.linked = nil
		}
		each := add
		if reuse {
			if arena == nil {
				arena = make([]uint32, 0, 64*1024)
			}
			d.arena = arena[:0]
			each = func(c *PairCandidate) {
				add(c)
				d.arena = d.arena[:0] // c.Features is dropped: its room serves the next one
			}
		}
		m.docCandidates(d, each)
		if d.clauses != nil {
			clauses = d.clauses
		}
		if reuse {
			arena = d.arena[:0] // the one features() may have grown
		}
		if done != nil {
			done(!lim.stopped(di))
		}
		sh.end()
	}
}

// reuseCleared returns v's memory as a zeroed slice of length n when it
// has room, else a new one.
func reuseCleared[T uint32 | int32](v []T, n int) []T {
	if cap(v) < n {
		return make([]T, n)
	}
	v = v[:n]
	clear(v)
	return v
}

// evidenceIn reports whether some evidence is from doc.
func evidenceIn(evs []extractor.Evidence, doc string) bool {
	for _, ev := range evs {
		if ev.Doc == doc {
			return true
		}
	}
	return false
}

// prepare reads one document for docCandidates. words, lists and
// mentions, when not nil, are the tables of a document done with, whose
// memory d takes when it is large enough.
func (m *PairModel) prepare(res *DocResult, entities []extractor.Entity, owner map[extractor.Span]int, rels []extractor.Relation, words []uint32, lists []int32, mentions []pairMention) *pairDoc {
	ns := len(res.Sentences)
	d := &pairDoc{res: res, top: map[int]bool{}, linked: map[[2]int]bool{}, roles: map[int][]pairRole{},
		sentLo: make([]int, ns+1), ready: make([]bool, ns), negated: make([]bool, ns), hedge: make([]string, ns)}
	for si, s := range res.Sentences {
		d.sentLo[si+1] = d.sentLo[si] + len(s.Tokens)
	}
	d.words = reuseCleared(words, d.sentLo[ns])
	d.lists = reuseCleared(lists, d.sentLo[ns])
	d.blocks()
	if cap(mentions) >= len(res.Mentions) {
		d.mentions = mentions[:0]
	} else {
		d.mentions = make([]pairMention, 0, len(res.Mentions))
	}
	local := map[int]int{} // index in ds.Entities → index in d.ents
	var count []int
	for _, mn := range res.Mentions {
		g, ok := owner[mn.Span]
		if !ok {
			continue
		}
		si := sentenceOf(res, mn.Start)
		if si < 0 {
			continue
		}
		toks := res.Sentences[si].Tokens
		lo := sort.Search(len(toks), func(i int) bool { return toks[i].End > mn.Start })
		hi := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= mn.End })
		if lo >= hi {
			continue // a mention outside the analysed tokens (a table cell)
		}
		e, ok := local[g]
		if !ok {
			e = len(d.ents)
			local[g] = e
			d.ents = append(d.ents, entities[g].ID)
			d.typeOf = append(d.typeOf, string(entities[g].Type))
			count = append(count, 0)
			d.reporter = append(d.reporter, false)
			d.kind = append(d.kind, hNone)
			d.title = append(d.title, false)
			d.sents = append(d.sents, nil)
		}
		if si == 0 {
			d.title[e] = true
		}
		if ss := d.sents[e]; len(ss) == 0 || ss[len(ss)-1] != si {
			d.sents[e] = append(ss, si)
		}
		count[e]++
		if d.kind[e] == hNone {
			d.kind[e] = entityKind(mn.Rule)
		}
		if m.reports(toks, lo, hi) {
			d.reporter[e] = true
		}
		typ := d.typeOf[e]
		d.mentions = append(d.mentions, pairMention{start: mn.Start, end: mn.End, tokLo: d.sentLo[si] + lo,
			tokHi: d.sentLo[si] + hi, sent: si, entity: e, typ: typ, typeHash: wordHash(typ)})
	}
	d.count = count
	less := func(i, j int) bool { return d.mentions[i].start < d.mentions[j].start }
	if !sort.SliceIsSorted(d.mentions, less) { // they usually come in text order
		sort.SliceStable(d.mentions, less)
	}
	d.openers() // reads the mentions in text order
	// The report's main actor and main organisation: the entity of that
	// type with the most mentions (ties to the earlier one).
	for _, group := range [][]string{{string(extractor.ThreatActor)}, {string(extractor.Organization), string(extractor.Government)}} {
		best, n := -1, 0
		for e := range d.ents {
			if count[e] > n && slices.Contains(group, d.typeOf[e]) {
				best, n = e, count[e]
			}
		}
		if best >= 0 {
			d.top[best] = true
		}
	}
	index := make(map[string]int, len(d.ents))
	for e, id := range d.ents {
		index[id] = e
	}
	for _, r := range rels {
		s, ok1 := index[r.Source]
		t, ok2 := index[r.Target]
		other := func(i int, ok bool) int {
			if ok {
				return i
			}
			return -1
		}
		if ok1 {
			d.roles[s] = append(d.roles[s], pairRole{mix(wordHash(r.Type), hFwd), other(t, ok2)})
		}
		if ok2 {
			d.roles[t] = append(d.roles[t], pairRole{mix(wordHash(r.Type), hRev), other(s, ok1)})
		}
		if ok1 && ok2 {
			d.linked[[2]int{s, t}] = true
			d.linked[[2]int{t, s}] = true
		}
	}
	return d
}

// entityKind is the kind of rule a mention was found by, hashed: the rule
// id's first three parts ("gaz.location.city", "gaz.organization.security-
// vendor", "core.government.ministry", "core.alias.abbreviation"), with
// a gazetteer's country lists read as one ("gaz.location.country-europe"
// is a country). A category of the pack, never a name: a city or a
// country, a security vendor or a victim company, a name defined by an
// alias. Mentions copied from another (core.document-propagation) or
// typed by a relation rule have no kind (hNone), so a later mention of
// the entity gives it.
func entityKind(rule string) uint32 {
	if strings.HasPrefix(rule, "core.document-propagation") || strings.HasPrefix(rule, "rel.") || strings.HasPrefix(rule, "model.") {
		return hNone
	}
	parts := strings.SplitN(rule, ".", 4)
	if len(parts) > 3 {
		parts = parts[:3]
	}
	if len(parts) == 3 && strings.HasPrefix(parts[2], "country-") {
		parts[2] = "country"
	}
	return wordHash(strings.Join(parts, "."))
}

// prepareSentence fills in the words and cues of sentence si, once: only
// sentences that hold a candidate pay for it.
func (m *PairModel) prepareSentence(d *pairDoc, si int) {
	if d.ready[si] {
		return
	}
	d.ready[si] = true
	words := d.words[d.sentLo[si]:d.sentLo[si+1]]
	lists := d.lists[d.sentLo[si]:d.sentLo[si+1]]
	for k, t := range d.res.Sentences[si].Tokens {
		words[k] = wordHash(t.Text)
		lists[k] = m.wordLists[words[k]]
		if k > 0 && t.Text == "May" {
			words[k] = hMonth // "May" inside a sentence is the month, no hedge
		}
	}
	d.negated[si], d.hedge[si] = m.cues.scan(words)
}

// blocks numbers the blocks of sentences (d.block): a blank line or a page
// break between two sentences starts a new one, and so does a line break
// in a document whose lines are its paragraphs (linesAreParagraphs).
func (d *pairDoc) blocks() {
	text, ss := d.res.Doc.Text, d.res.Sentences
	d.block = make([]int, len(ss))
	brk := "\n\n"
	if linesAreParagraphs(text, ss) {
		brk = "\n"
	}
	for si := 1; si < len(ss); si++ {
		gap := text[min(ss[si-1].End, len(text)):min(max(ss[si].Start, ss[si-1].End), len(text))]
		d.block[si] = d.block[si-1]
		if strings.Contains(gap, brk) || strings.ContainsRune(gap, extractor.PageSeparator) {
			d.block[si]++
		}
	}
}

// pairKey is the unordered key of two entities.
func pairKey(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

// coOccurrences fills d.pairs: for every two entities, their mention pairs
// within the candidate window (reach), counted as in one sentence or not.
// Linear like the candidates.
func (d *pairDoc) coOccurrences() {
	ms := d.mentions
	if d.pairs == nil {
		d.pairs = make(map[[2]int]pairStat, len(d.ents))
	}
	for i := range ms {
		a := &ms[i]
		for j := i + 1; j < len(ms); j++ {
			b := &ms[j]
			gap := b.tokLo - a.tokHi
			in, stop := d.reach(a, b)
			if stop {
				break
			}
			if !in || gap < 0 || a.entity == b.entity {
				continue
			}
			k := pairKey(a.entity, b.entity)
			st, ok := d.pairs[k]
			if !ok || gap < st.minGap {
				st.minGap = gap
			}
			if b.sent == a.sent {
				st.same++
			} else {
				st.adj++
			}
			d.pairs[k] = st
		}
	}
}

// reach reports whether b (after a in document order) is in a's window —
// one sentence or adjacent sentences at most pairMaxGap tokens apart, or
// up to pairFarSents sentences on at most pairFarGap tokens apart, with no
// blank line or page break between — and stop when no later mention can be.
func (d *pairDoc) reach(a, b *pairMention) (in, stop bool) {
	gap := b.tokLo - a.tokHi
	if gap > max(pairMaxGap, pairFarGap) || b.sent > a.sent+pairFarSents {
		return false, true
	}
	if b.sent-a.sent > 1 && gap > pairFarGap || b.sent-a.sent <= 1 && gap > pairMaxGap {
		return false, false
	}
	return d.block[a.sent] == d.block[b.sent], false
}

var hAccording, hTo = wordHash("according"), wordHash("to")

// reports reports whether the mention of tokens [lo, hi) is the source of
// a report: a reporting verb of the pack follows it ("X said", "X
// assessed"), or "according to" comes before it.
func (m *PairModel) reports(toks []nlp.Token, lo, hi int) bool {
	if hi < len(toks) && m.reporting[wordHash(toks[hi].Text)] {
		return true
	}
	return lo >= 2 && wordHash(toks[lo-2].Text) == hAccording && wordHash(toks[lo-1].Text) == hTo
}

// openers fills d.opener from the mentions (in text order): the entity
// named first in each block, the subject of its paragraph or list item.
func (d *pairDoc) openers() {
	d.opener = map[int]int{}
	for _, mn := range d.mentions {
		if _, ok := d.opener[d.block[mn.sent]]; !ok {
			d.opener[d.block[mn.sent]] = mn.entity
		}
	}
}

// docCandidates calls add with each candidate of one document, in order.
func (m *PairModel) docCandidates(d *pairDoc, add func(*PairCandidate)) {
	ms := d.mentions
	d.coOccurrences()
	var c PairCandidate
	for i := range ms {
		if !d.share.tick() {
			return
		}
		a := &ms[i]
		for j := i + 1; j < len(ms); j++ {
			b := &ms[j]
			in, stop := d.reach(a, b)
			if stop {
				break
			}
			if !in || b.tokLo < a.tokHi || a.entity == b.entity || d.linked[[2]int{a.entity, b.entity}] {
				continue // out of reach, nested or overlapping mentions, one entity, or a rule already links them
			}
			fwd := m.allowed[[2]string{a.typ, b.typ}] != nil
			rev := m.allowed[[2]string{b.typ, a.typ}] != nil
			if !fwd && !rev {
				continue
			}
			neg := m.negatedPair(d, a, b)
			if fwd {
				c = m.candidate(d, a, b, true, ms[i+1:j])
				c.Negated = neg
				add(&c)
			}
			if rev {
				c = m.candidate(d, b, a, false, ms[i+1:j])
				c.Negated = neg
				add(&c)
			}
		}
	}
}

func (m *PairModel) candidate(d *pairDoc, src, tgt *pairMention, srcFirst bool, between []pairMention) PairCandidate {
	first, second := src, tgt
	if !srcFirst {
		first, second = tgt, src
	}
	// every sentence from the first mention's to the second's: a far pair's
	// features read the words of the sentences between as well
	for si := first.sent; si <= second.sent; si++ {
		m.prepareSentence(d, si)
	}
	res := d.res
	ss := res.Sentences
	ev := extractor.Span{Start: ss[first.sent].Start, End: ss[second.sent].End}
	hedge := d.hedge[first.sent]
	if hedge == "" {
		hedge = d.hedge[second.sent]
	}
	return PairCandidate{Doc: res.Doc.ID, Source: d.ents[src.entity], Target: d.ents[tgt.entity], Evidence: ev,
		Hedge: hedge, Features: m.features(d, src, tgt, first, second, srcFirst, between),
		types: [2]string{src.typ, tgt.typ}, src: src.entity, tgt: tgt.entity, text: res.Doc.Text,
		tgtInName: tgt.typ == string(extractor.Organization) && d.onlyInNames(tgt.entity, first.sent, second.sent),
		page:      res.Doc.PageOf(ev.Start)}
}

// onlyInNames reports whether every mention of entity e in sentences lo
// to hi opens a longer capitalised name (opensLongerName), as the maker's
// name opens a product's ("Adobe Reader"). Mentions are in text order.
func (d *pairDoc) onlyInNames(e, lo, hi int) bool {
	ms := d.mentions
	i := sort.Search(len(ms), func(i int) bool { return ms[i].sent >= lo })
	seen := false
	for ; i < len(ms) && ms[i].sent <= hi; i++ {
		if ms[i].entity != e {
			continue
		}
		if !opensLongerName(d.res.Doc.Text, ms[i].end) {
			return false
		}
		seen = true
	}
	return seen
}

// negatedPair reports whether the mentions a and b (a first) are in one
// sentence and the relation rules would read a statement running from a
// to b as negated: "there is no evidence that X worked for Y", "Z did not
// say that X was behind the breach of Y" (rules.ClauseReader, the rules'
// own clause and negation logic). Each sentence is read once.
func (m *PairModel) negatedPair(d *pairDoc, a, b *pairMention) bool {
	if m.pack == nil || a.sent != b.sent {
		return false
	}
	if d.clauses == nil {
		d.clauses, d.clauseAt = m.pack.NewClauseReader(m.an), -1
	}
	if d.clauseAt != a.sent {
		d.clauseAt = a.sent
		d.clauseOK = d.clauses.Read(d.res.Doc.Text, d.res.Sentences[a.sent])
	}
	return d.clauseOK && d.clauses.Negated(extractor.Span{Start: a.start, End: a.end}, extractor.Span{Start: b.start, End: b.end})
}

// docCoOccur is how many sentences, and how many blocks, name both
// entities anywhere in the document (cached per pair).
func (d *pairDoc) docCoOccur(a, b int) (sents, blocks int) {
	k := pairKey(a, b)
	if v, ok := d.docCo[k]; ok {
		return v[0], v[1]
	}
	if d.docCo == nil {
		d.docCo = map[[2]int][2]int{}
	}
	x, y := d.sents[a], d.sents[b]
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x)*(bits.Len(uint(len(y)))+1) < len(x)+len(y) {
		// one end named far more often than the other: look the shorter
		// list's sentences and blocks up in the longer one
		sents, blocks = d.coOccurSearch(x, y)
		d.docCo[k] = [2]int{sents, blocks}
		return sents, blocks
	}
	sents, blocks = d.coOccurMerge(x, y)
	d.docCo[k] = [2]int{sents, blocks}
	return sents, blocks
}

// coOccurMerge counts the sentences and the blocks two ascending sentence
// lists share by walking both.
func (d *pairDoc) coOccurMerge(x, y []int) (sents, blocks int) {
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			sents++
			i++
			j++
		}
	}
	// blocks: the sentence lists are ascending, so their blocks are too
	i, j = 0, 0
	last := -1
	for i < len(x) && j < len(y) {
		bx, by := d.block[x[i]], d.block[y[j]]
		switch {
		case bx < by:
			i++
		case bx > by:
			j++
		default:
			if bx != last {
				blocks++
				last = bx
			}
			i++
			j++
		}
	}
	return sents, blocks
}

// coOccurSearch is coOccurMerge by binary search of each of x's sentences
// and blocks in y: len(x)·log len(y) steps, for x much shorter than y.
func (d *pairDoc) coOccurSearch(x, y []int) (sents, blocks int) {
	lo := 0
	for _, s := range x {
		j, ok := slices.BinarySearch(y[lo:], s)
		lo += j
		if ok {
			sents++
		}
	}
	lo, last := 0, -1
	for _, s := range x {
		bx := d.block[s]
		if bx == last {
			continue
		}
		last = bx
		rest := y[lo:]
		j := sort.Search(len(rest), func(i int) bool { return d.block[rest[i]] >= bx })
		lo += j
		if lo < len(y) && d.block[y[lo]] == bx {
			blocks++
		}
	}
	return sents, blocks
}

// mentionOwners maps each document's mentions by span (no document id to
// hash per lookup) to the index of their entity in ds.Entities.
func mentionOwners(ds *extractor.Dataset) map[string]map[extractor.Span]int {
	// Each document's map is sized once to its mentions: grown by
	// doubling, the maps were most of the bytes this allocated.
	count := map[string]int{}
	for _, e := range ds.Entities {
		for _, mn := range e.Mentions {
			count[mn.Doc]++
		}
	}
	owner := make(map[string]map[extractor.Span]int, len(count))
	for g, e := range ds.Entities {
		for _, mn := range e.Mentions {
			o := owner[mn.Doc]
			if o == nil {
				o = make(map[extractor.Span]int, count[mn.Doc])
				owner[mn.Doc] = o
			}
			o[mn.Span] = g
		}
	}
	return owner
}
