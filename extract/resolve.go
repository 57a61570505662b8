package extract

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/kb"
	"github.com/reportgraph/extractor/rules"
)

// Option configures Resolve.
type Option func(*resolver)

// WithKB makes the names and aliases of a knowledge base merge entities:
// every mention whose text (or canonical name) is a name of an entry
// belongs to that entry's entity, which takes the entry's name, type and
// subtype. The KB is the user's word, so it outranks every rule.
func WithKB(k *kb.KB) Option { return func(r *resolver) { r.kb = newKBIndex(k) } }

// WithRules tells Resolve the kind of every rule (from Pack.Rules), which
// the confidence of a mention depends on. Without it, rule kinds are
// unknown and priorities alone set the priors.
func WithRules(infos []rules.Info) Option {
	return func(r *resolver) {
		for _, in := range infos {
			r.kinds[in.ID] = in.Kind
		}
	}
}

// WithGroupNouns gives the nouns after an actor's name that still name the
// actor (from Pack.GroupNouns): "OilRig threat group" then also has the
// alias "OilRig", which an analyst or a gold file may use. Without it no
// such alias is made.
func WithGroupNouns(nouns []string) Option {
	return func(r *resolver) {
		r.groupNouns = nil
		for _, n := range nouns {
			r.groupNouns = append(r.groupNouns, " "+n)
		}
		// The longest first: "threat group" before "group".
		sort.SliceStable(r.groupNouns, func(i, j int) bool { return len(r.groupNouns[i]) > len(r.groupNouns[j]) })
	}
}

type resolver struct {
	kb         *kbIndex
	kinds      map[string]string // rule id → kind
	groupNouns []string          // " threat group", " group", ...: longest first
	pairs      *PairModel        // the candidate-pair relation model, or nil (pairpropose.go)
	limit      time.Duration     // WithTimeLimit's, for ResolveLimited (limit.go)
	lim        *limits           // each document's time left, or nil: unlimited
	stageOver  func(string) bool // withStageOver's, for tests of ResolveLimited (limit.go)
}

// ref is one mention with what resolution knows about it.
type ref struct {
	m        *extractor.Mention // in its DocResult: not copied, never written
	doc      int
	sentence int       // index in its document's sentences, -1 when unknown
	key      string    // identity key
	kbe      *kb.Entry // the knowledge-base entry naming it, if any
	defined  bool      // the long side of an alias definition
	canonOff bool      // the document's own definition overrides the rule's canonical name
	headed   string    // a sector mention with the head noun the text puts after it, or ""
	stated   string    // a government body with the state the text puts before it, or "" (qualified.go)
	// A state's mission named by its state only (missions.go): the city
	// the text puts after it, which its entity's name then says, or the
	// document it is keyed to when no city is given.
	missionCity string
	scope       string
	cue         cue // what the mention's own words say it is (typedsplit.go)
	// votesAs is the type the ref votes for when its document's cue
	// overrides its own ("" for its mention's type; typedsplit.go).
	votesAs extractor.EntityType
}

// Resolve merges the mentions of every document into entities and returns
// the dataset. Mentions are one entity when
//
//   - they have the same identity key: the VariantKey of the knowledge-base
//     name, else of the canonical name a rule gave, else of the surface text
//     (so case, "the", possessives and spelling variants such as
//     "Qihoo360" / "Qihoo 360" do not split an entity), in any document;
//   - an alias rule linked them in a document ("Blue Heron, also known as
//     Sky Viper"). A link makes the two names one entity everywhere, except
//     when the alias is an abbreviation or already has another identity
//     from a gazetteer ("Managed Security Services (MSS)"): then the
//     definition holds for that document only, because abbreviations are
//     reused for different things in different reports.
//   - but a state's mission named by its state only ("China's embassy",
//     "the US Embassy") is keyed by the city the text puts after it ("in
//     Prague"), and named with it, else by its document: each report
//     speaks of another building (missions.go).
//
// The type is a vote weighted by rule priority (a knowledge-base entry
// outvotes every rule); the name is the knowledge-base name, else the
// canonical name, else the defined long form, else the most frequent
// surface form. Ids are the type and the slug of the name (EntityID), and
// the order of entities, aliases and mentions is fixed, so the same input
// gives the same dataset byte for byte.
func Resolve(results []*DocResult, opts ...Option) *extractor.Dataset {
	return newResolver(opts).resolve(results)
}

func newResolver(opts []Option) *resolver {
	r := &resolver{kb: newKBIndex(nil), kinds: map[string]string{}}
	for _, o := range opts {
		o(r)
	}
	return r
}

func (r *resolver) resolve(results []*DocResult) *extractor.Dataset {
	ds := &extractor.Dataset{Schema: extractor.DatasetSchema,
		Documents: []extractor.DocumentSummary{}, Entities: []extractor.Entity{}, Relations: []extractor.Relation{}}
	for _, res := range results {
		ds.Documents = append(ds.Documents, res.Doc.Summary())
	}
	refs, links := r.collect(results)
	splitCuedTypes(refs) // typedsplit.go
	if r.lim != nil {
		r.lim.merged = true // limit.go: a stop from here on needs a second pass
	}
	start := time.Now()
	uf := groupRefs(refs, links)
	ds.Entities = r.entities(refs, uf)
	r.lim.charge(refs, time.Since(start))                      // limit.go
	ds.Relations = buildRelations(results, ds.Entities, r.lim) // relations.go
	if r.pairs != nil {
		r.pairs.propose(ds, results, r.lim) // after the rules, which it must not repeat
	}
	return ds
}

// link is an alias link between two refs that makes them one entity.
type link struct{ a, b int }

// collect computes every mention's identity key and applies each
// document's alias definitions.
func (r *resolver) collect(results []*DocResult) ([]ref, []link) {
	n := 0
	for _, res := range results {
		n += len(res.Mentions)
	}
	refs := make([]ref, 0, n) // one per mention: sized once, not grown by doubling
	var links []link
	var at map[extractor.Span]int // one document's refs by span; cleared for the next
	for di, res := range results {
		base := len(refs)
		sh := r.lim.begin(di, stageResolution, "mention", len(res.Mentions))
		if at == nil {
			at = make(map[extractor.Span]int, len(res.Mentions))
		} else {
			clear(at)
		}
		places := map[string]bool{}
		for _, m := range res.Mentions {
			if m.Type == extractor.Location {
				places[strings.ToLower(m.Text)] = true
			}
		}
		for mi, m := range res.Mentions {
			if !sh.tick() {
				break
			}
			rf := ref{m: &res.Mentions[mi], doc: di, sentence: sentenceOf(res, m.Start), kbe: r.kb.match(m)}
			rf.key = identityKey(rf)
			if res.Doc != nil && rf.kbe == nil && !m.Party {
				rf.cue = mentionCue(rf.m, res.Doc.Text, r.groupNouns) // typedsplit.go
			}
			if m.Type == extractor.Sector && res.Doc != nil {
				rf.headed = withSectorHead(m, res.Doc.Text)
			}
			if mi > 0 && res.Doc != nil {
				rf.stated = withStatePrefix(&res.Mentions[mi-1], m, res.Doc.Text)
			}
			if rf.stated == "" {
				rf.stated = withoutStatePrefix(m, places)
			}
			at[m.Span] = len(refs)
			refs = append(refs, rf)
		}
		sh.end()
		if r.lim.stopped(di) {
			refs = refs[:base] // over its limit: ResolveLimited resolves again without it
			continue
		}
		joinCrews(refs[base:])
		scopeMissions(refs[base:], res) // missions.go
		rb := rebinder{byText: map[string]string{}, byKey: map[string]string{}, byCanon: map[string]string{},
			longOf: map[string]int{}, keyOf: map[int]string{}}
		for _, a := range res.Aliases {
			i, ok1 := at[a.Name]
			j, ok2 := at[a.Alias]
			if ok1 && ok2 {
				refs[i].defined = true
				if l, ok := rb.decide(&refs[i], &refs[j], i, j); ok {
					links = append(links, l)
				}
			}
		}
		rb.apply(refs[base:])
	}
	return refs, links
}

// rebinder holds one document's definitions that hold in that document
// only: an abbreviation defined there, or a name a gazetteer gives another
// identity, is rebound to the key of its long form.
type rebinder struct {
	byText  map[string]string // VariantKey of a surface form → key of the long form
	byKey   map[string]string // identity key of an abbreviation → key of the long form
	byCanon map[string]string // VariantKey of a canonical name → key of the long form
	longOf  map[string]int    // VariantKey of an abbreviation → ref of its first long form
	keyOf   map[int]string    // key of those long forms
}

// decide settles one alias link between a long form and its alias: a link
// that makes them one entity everywhere, a rebinding in this document, or
// nothing when the link contradicts a better-founded identity.
func (rb *rebinder) decide(long, short *ref, i, j int) (link, bool) {
	if isAcronym(short.m.Text) && short.kbe == nil {
		abbr := VariantKey(short.m.Text)
		if prev, ok := rb.longOf[abbr]; ok && prev != i {
			// Defined twice in one report: "Indian Ministry of Home Affairs
			// (MHA)", then "Ministry of Home Affairs (MHA)". One long form
			// inside the other is the same thing named more or less fully.
			if k := rb.keyOf[prev]; k != long.key && (strings.Contains(k, long.key) || strings.Contains(long.key, k)) {
				return link{prev, i}, true
			}
		} else if !ok {
			rb.longOf[abbr] = i
			rb.keyOf[i] = long.key
		}
	}
	switch {
	case long.key == short.key:
		return link{}, false
	case short.kbe != nil && long.kbe == nil:
		return link{i, j}, true // the KB names the alias: the long form joins its entity
	case long.kbe != nil && short.kbe != nil:
		return link{}, false // two KB entries: the user said they differ
	case isAcronym(short.m.Text):
		canon := short.m.Canonical
		if short.kbe != nil {
			canon = short.kbe.Name
		}
		if !spells(long.m.Text, short.m.Text) && canon != "" && spells(canon, short.m.Text) && !rewords(long.m.Text, canon) {
			// "Bureau of the People Liberation Army (PLA)": the known long
			// form of PLA fits better than the words before it. A long form
			// that rewords the known one word for word ("People's Freedom
			// Military (PLA)" in a paraphrased report) is still its
			// definition.
			return link{}, false
		}
		// Abbreviations are reused for different things in different
		// reports: the definition holds in this document only, for every
		// occurrence of the abbreviation.
		abbr := VariantKey(short.m.Text)
		rb.byText[abbr] = long.key
		rb.byKey[short.key] = long.key
		return link{}, false
	case short.m.Canonical != "" && (long.m.Canonical != "" || long.kbe != nil):
		// Two names with identities of their own ("APT41 (Winnti)"): vendors
		// disagree on such overlaps, so one report's claim holds in it only,
		// for every form of the alias's identity ("GRU Unit 26165" and
		// "Unit 26165").
		rb.byText[VariantKey(short.m.Text)] = long.key
		rb.byCanon[VariantKey(short.m.Canonical)] = long.key
		return link{}, false
	}
	return link{i, j}, true // "Blue Heron, also known as Sky Viper": one entity everywhere
}

// apply rebinds the refs of one document.
func (rb *rebinder) apply(refs []ref) {
	if len(rb.byText) == 0 {
		return
	}
	for k := range refs {
		rf := &refs[k]
		if rf.kbe != nil || rf.m.Type == extractor.Indicator {
			continue
		}
		to, ok := rb.byText[VariantKey(rf.m.Text)]
		if !ok && rf.m.Canonical != "" {
			to, ok = rb.byCanon[VariantKey(rf.m.Canonical)]
		}
		if !ok && isAcronym(rf.m.Text) {
			to, ok = rb.byKey[rf.key]
		}
		if ok {
			rf.key = to
			rf.canonOff = true
		}
	}
}

// joinCrews gives the crew of a party its key in one document: "X, a
// ransomware gang, ..." makes X a party (rules/described_type.go), and
// "the X group" later in that document (core.threat-actor.malware-crew)
// is the same people, not a second actor.
func joinCrews(refs []ref) {
	var parties map[string]bool
	for k := range refs {
		if strings.HasPrefix(refs[k].key, "party:") {
			if parties == nil {
				parties = map[string]bool{}
			}
			parties[refs[k].key] = true
		}
	}
	if parties == nil {
		return
	}
	for k := range refs {
		rf := &refs[k]
		if rf.m.Type != extractor.ThreatActor || rf.m.Party || rf.kbe != nil {
			continue
		}
		// The family's name is the mention's words before its crew noun:
		// try the longest first ("X ransomware group", then "X").
		words := strings.Fields(rf.m.Text)
		for n := len(words) - 1; n >= 1; n-- {
			if key := "party:" + VariantKey(strings.Join(words[:n], " ")); parties[key] {
				rf.key = key
				break
			}
		}
	}
}

// identityKey is the key mentions of one entity share.
func identityKey(rf ref) string {
	m := rf.m
	if m.Type == extractor.Indicator {
		return "indicator:" + m.Subtype + ":" + strings.ToLower(m.Text)
	}
	if m.Party && rf.kbe == nil {
		// The group of a malware's name ("X, a ransomware gang"): apart
		// from the malware X, in every document.
		name := m.Text
		if m.Canonical != "" {
			name = m.Canonical
		}
		return "party:" + VariantKey(name)
	}
	if rf.kbe != nil {
		// Typed: a KB may list a Turla threat actor and a Turla malware.
		return "kb:" + string(rf.kbe.Type) + ":" + VariantKey(rf.kbe.Name)
	}
	name := m.Text
	if m.Canonical != "" {
		name = m.Canonical
	}
	if m.Type == extractor.Sector {
		// "nuclear" (a word of "the energy, nuclear and water facilities")
		// and the gazetteer's "nuclear sector" are one sector.
		name = withoutSectorWord(name)
	}
	if k := VariantKey(name); k != "" {
		return k
	}
	return "text:" + NormalizeName(name)
}

// withoutSectorWord returns a sector's name without a trailing " sector"
// ("water sector" → "water"), or the name itself when nothing would be
// left.
func withoutSectorWord(name string) string {
	const w = " sector"
	if len(name) > len(w) && strings.EqualFold(name[len(name)-len(w):], w) {
		return strings.TrimSpace(name[:len(name)-len(w)])
	}
	return name
}

// sentenceOf returns the index of the sentence holding offset, or -1.
func sentenceOf(res *DocResult, offset int) int {
	ss := res.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > offset })
	if i < len(ss) && ss[i].Start <= offset {
		return i
	}
	return -1
}

// groupRefs unions refs with the same key (across documents) and the
// linked ones. A detection name's family ("Trojan.Fastcash", family
// Fastcash) joins the other refs of its key only when they are all malware
// or tools: the FASTCash campaign or a FASTCash actor is another entity
// that happens to share the word.
func groupRefs(refs []ref, links []link) *unionFind {
	uf := newUnionFind(len(refs))
	first := map[string]int{}
	other := map[string]bool{} // keys with a ref neither malware nor tool
	var detections []int
	for i, rf := range refs {
		if detectionRef(rf) {
			detections = append(detections, i)
			continue
		}
		if t := rf.m.Type; t != extractor.Malware && t != extractor.Tool {
			other[rf.key] = true
		}
		if j, ok := first[rf.key]; ok {
			uf.union(i, j)
		} else {
			first[rf.key] = i
		}
	}
	firstDetection := map[string]int{}
	for _, i := range detections {
		k := refs[i].key
		if j, ok := first[k]; ok && !other[k] {
			uf.union(i, j)
		} else if j, ok := firstDetection[k]; ok {
			uf.union(i, j)
		} else {
			firstDetection[k] = i
		}
	}
	for _, l := range links {
		uf.union(l.a, l.b)
	}
	return uf
}

// detectionRef reports whether rf is a vendor's detection name whose
// canonical name is the family inside it: a malware or tool mention whose
// text holds a detection separator ('.', '/', ':', '!') and, beside it,
// the canonical name ("Trojan.Fastcash" → Fastcash, "Win32/Barlaiy" →
// Barlaiy).
func detectionRef(rf ref) bool {
	m := rf.m
	if m.Type != extractor.Malware && m.Type != extractor.Tool || m.Canonical == "" || m.Canonical == m.Text {
		return false
	}
	if !strings.ContainsAny(m.Text, "./:!") {
		return false
	}
	return strings.Contains(strings.ToLower(m.Text), strings.ToLower(m.Canonical))
}

// entities builds one entity per group. Two groups that come out with the
// same id (the same name and type reached by different keys) are one
// entity: they are united and built again, so the result does not depend
// on the order groups are visited in.
func (r *resolver) entities(refs []ref, uf *unionFind) []extractor.Entity {
	rootOf := make([]int, len(refs))
	size := make([]int, len(refs)+1)
	members := make([]int, len(refs))
	for {
		// The refs of each root, in ref order, side by side in members
		// (a counting sort on the root): a map of slices cost an
		// allocation per entity.
		clear(size)
		var roots []int
		for i := range refs {
			root := uf.find(i)
			rootOf[i] = root
			if size[root+1] == 0 {
				roots = append(roots, root)
			}
			size[root+1]++
		}
		for k := 1; k < len(size); k++ {
			size[k] += size[k-1] // size[root] is now the start of root's refs
		}
		for i, root := range rootOf {
			members[size[root]] = i
			size[root]++ // ends at the start of the next root's
		}
		group := func(root int) []int {
			end := size[root]
			start := 0
			if root > 0 {
				start = size[root-1]
			}
			return members[start:end:end]
		}
		sort.Ints(roots)
		byID := make(map[string]int, len(roots))
		out := make([]extractor.Entity, 0, len(roots))
		merged := false
		for _, root := range roots {
			e := r.buildEntity(refs, group(root))
			if other, ok := byID[e.ID]; ok {
				uf.union(other, root)
				merged = true
				continue
			}
			byID[e.ID] = root
			out = append(out, e)
		}
		if merged {
			continue
		}
		order := map[extractor.EntityType]int{}
		for i, t := range extractor.EntityTypes {
			order[t] = i
		}
		sort.Slice(out, func(a, b int) bool {
			if order[out[a].Type] != order[out[b].Type] {
				return order[out[a].Type] < order[out[b].Type]
			}
			return out[a].ID < out[b].ID
		})
		return out
	}
}

// kbVote is the weight of a knowledge-base entry in the type vote: more
// than any number of rule mentions in a report.
const kbVote = 1 << 20

// buildEntity makes the entity of one group of refs (in mention order).
func (r *resolver) buildEntity(refs []ref, idx []int) extractor.Entity {
	votes := map[extractor.EntityType]int{}
	var kbe *kb.Entry
	for _, i := range idx {
		rf := refs[i]
		t := rf.m.Type
		if rf.votesAs != "" {
			t = rf.votesAs
		}
		if rf.canonOff {
			// A rebound abbreviation carries the type of the meaning its
			// definition overrode: it counts, but barely.
			votes[t]++
		} else {
			votes[t] += rf.m.Priority + 1
		}
		if rf.kbe != nil {
			votes[rf.kbe.Type] += kbVote
			if kbe == nil {
				kbe = rf.kbe
			}
		}
	}
	var typ extractor.EntityType
	for _, t := range extractor.EntityTypes {
		if votes[t] > votes[typ] || typ == "" && votes[t] > 0 {
			typ = t
		}
	}
	canon := map[string]int{}
	defined := map[string]int{}
	surface := map[string]int{}
	first := map[string]int{}
	subtype := ""
	var aliases []string
	mentions := make([]extractor.Mention, 0, len(idx))
	ev := make([]evidence, 0, len(idx))
	for n, i := range idx {
		rf := &refs[i]
		m := *rf.m
		mentions = append(mentions, m)
		aliases = append(aliases, surfaceName(m))
		if short := withoutGroupNoun(surfaceName(m), r.groupNouns); short != "" && m.Type == extractor.ThreatActor {
			aliases = append(aliases, short)
		}
		if rf.headed != "" {
			aliases = append(aliases, rf.headed)
		}
		if rf.stated != "" {
			aliases = append(aliases, rf.stated)
		}
		ev = append(ev, evidence{doc: rf.doc, sentence: rf.sentence, prior: r.prior(*rf)})
		if m.Type != typ {
			continue
		}
		if subtype == "" {
			subtype = m.Subtype
		}
		if m.Canonical != "" && !rf.canonOff {
			canon[m.Canonical]++
			aliases = append(aliases, m.Canonical)
		}
		text := surfaceName(m)
		if rf.defined {
			defined[text]++
		}
		surface[text]++
		if _, ok := first[text]; !ok {
			first[text] = n
		}
		if _, ok := first[m.Canonical]; !ok && m.Canonical != "" {
			first[m.Canonical] = n
		}
	}
	var name string
	var attrs map[string]string
	if kbe != nil && kbe.Type == typ {
		name = kbe.Name
		if kbe.Subtype != "" {
			subtype = kbe.Subtype
		}
		attrs = map[string]string{"kb": kbe.Where()}
		if kbe.Source != "" {
			attrs["kb_source"] = kbe.Source
		}
	}
	for _, count := range []map[string]int{canon, defined, surface} {
		if name == "" {
			name = pick(count, first)
		}
	}
	if name == "" { // every mention voted another type away: cannot happen, but never return an empty name
		name = surfaceName(*refs[idx[0]].m)
	}
	sortMentions(mentions, refs, idx)
	id := EntityID(string(typ), subtype, name)
	if city, scope := missionScope(refs, idx); city != "" {
		if !strings.Contains(strings.ToLower(name), " in ") {
			aliases = append(aliases, name)
			name += " in " + city
			id = EntityID(string(typ), subtype, name)
		}
	} else if scope != "" {
		id += "@" + scopeSuffix(scope)
	}
	return extractor.Entity{
		ID:         id,
		Type:       typ,
		Subtype:    subtype,
		Name:       name,
		Aliases:    distinctAliases(name, namedAliases(typ, name, aliases)),
		Confidence: combineEvidence(ev),
		Attributes: attrs,
		Status:     extractor.StatusCandidate,
		Mentions:   mentions,
	}
}

// prior is the confidence one mention lends its entity.
func (r *resolver) prior(rf ref) float64 {
	if rf.kbe != nil {
		return kbPrior
	}
	return MentionPrior(*rf.m, r.kinds[rf.m.Rule])
}

// sortMentions orders mentions by document (input order), then position.
func sortMentions(ms []extractor.Mention, refs []ref, idx []int) {
	// Mentions mostly come in order already (refs are in document order,
	// and a document's mentions by position): a stable sort would leave
	// them as they are, so the copies it needs are skipped.
	inOrder := true
	for k := 1; k < len(ms) && inOrder; k++ {
		da, db := refs[idx[k-1]].doc, refs[idx[k]].doc
		a, b := &ms[k-1], &ms[k]
		inOrder = da < db || da == db && (a.Start < b.Start || a.Start == b.Start && a.End <= b.End)
	}
	if inOrder {
		return
	}
	docOf := make([]int, len(ms))
	for k := range ms {
		docOf[k] = refs[idx[k]].doc
	}
	perm := make([]int, len(ms))
	for k := range perm {
		perm[k] = k
	}
	sort.SliceStable(perm, func(a, b int) bool {
		ma, mb := ms[perm[a]], ms[perm[b]]
		if docOf[perm[a]] != docOf[perm[b]] {
			return docOf[perm[a]] < docOf[perm[b]]
		}
		if ma.Start != mb.Start {
			return ma.Start < mb.Start
		}
		return ma.End < mb.End
	})
	sorted := make([]extractor.Mention, len(ms))
	for k, p := range perm {
		sorted[k] = ms[p]
	}
	copy(ms, sorted)
}

// surfaceName is a mention's text as a name: white space runs (line
// breaks included) made one space and a trailing possessive dropped
// ("APT41's" names APT41), except for indicators, whose text is kept
// exactly. The mention itself keeps the text as written.
func surfaceName(m extractor.Mention) string {
	if m.Type == extractor.Indicator {
		return m.Text
	}
	text := m.Text
	if !rules.SingleSpaced(text) {
		text = strings.Join(strings.Fields(text), " ")
	}
	return trimPossessive(text)
}

// sectorHeads are the nouns a list of sector words shares: "the energy,
// telecommunications and defense industries".
var sectorHeads = []string{"industries", "industry", "sectors", "sector", "companies", "firms", "organizations",
	"organisations", "entities", "providers", "corporations", "suppliers", "manufacturers", "producers", "makers",
	"operators", "businesses"}

// withSectorHead returns a sector mention's words followed by the head noun
// the text puts right after it, or "": in "the energy and defense
// industries" the mention "defense" is also called "defense industries",
// and an analyst (or a gold file) may use either.
func withSectorHead(m extractor.Mention, text string) string {
	if m.End <= 0 || m.End >= len(text) {
		return ""
	}
	rest := text[m.End:]
	trimmed := strings.TrimLeft(rest, " ")
	if len(trimmed) == len(rest) || len(rest)-len(trimmed) > 1 {
		return "" // one space, no line break or punctuation, between the two
	}
	name := surfaceName(m)
	for _, h := range sectorHeads {
		if len(trimmed) >= len(h) && strings.EqualFold(trimmed[:len(h)], h) &&
			(len(trimmed) == len(h) || !isWordByte(trimmed[len(h)])) {
			for _, h2 := range sectorHeads {
				if strings.HasSuffix(strings.ToLower(name), " "+h2) {
					return "" // "energy sector industries" is no name
				}
			}
			return name + " " + trimmed[:len(h)]
		}
	}
	return ""
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b >= 0x80
}

// withoutGroupNoun returns an actor name without its trailing group noun
// (one of nouns, each with a leading space), or "" when it has none:
// "OilRig threat group" is also called "OilRig", and an analyst (or a gold
// file) may use either.
func withoutGroupNoun(s string, nouns []string) string {
	for _, g := range nouns {
		if len(s) > len(g) && strings.EqualFold(s[len(s)-len(g):], g) {
			short := strings.TrimSpace(s[:len(s)-len(g)])
			short = strings.TrimPrefix(strings.TrimPrefix(short, "the "), "The ")
			if short == "" || !(unicode.IsUpper(rune(short[0])) || unicode.IsDigit(rune(short[0]))) {
				return ""
			}
			return short
		}
	}
	return ""
}

func trimPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// pick returns the most frequent key, preferring the longer and then the
// earlier one, so the choice does not depend on map order.
func pick(count map[string]int, first map[string]int) string {
	best := ""
	for k, c := range count {
		switch {
		case best == "":
			best = k
		case c != count[best]:
			if c > count[best] {
				best = k
			}
		case len(k) != len(best):
			if len(k) > len(best) {
				best = k
			}
		case first[k] != first[best]:
			if first[k] < first[best] {
				best = k
			}
		case k < best:
			best = k
		}
	}
	return best
}

// namedAliases drops the aliases that are only the generic words of a
// named entity's name: the head of "the 2017 Equifax breach" ("breach"),
// of "China's foreign ministry" ("foreign ministry"), of "presidential
// campaign of Donald Trump" ("presidential campaign"). A canonical-match
// rule names the whole phrase but its mention is the head alone; as an
// alias the head would name every breach and every foreign ministry, so
// two entities sharing it could be taken for one (an OpenCTI import merges
// by alias) and it could match any description. Sectors are generic by
// nature and keep theirs; a name without a capital or a digit names
// nothing more than its words.
func namedAliases(typ extractor.EntityType, name string, in []string) []string {
	if typ == extractor.Sector || !strings.ContainsFunc(name, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) {
		return in
	}
	nameWords := strings.Fields(NormalizeName(name))
	out := make([]string, 0, len(in))
	for _, a := range in {
		if !genericPart(a, nameWords) {
			out = append(out, a)
		}
	}
	return out
}

// genericPart reports whether alias a is written without a capital or a
// digit and its words are a run of nameWords (normalised) shorter than
// the whole.
func genericPart(a string, nameWords []string) bool {
	if strings.ContainsFunc(a, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) {
		return false
	}
	words := strings.Fields(NormalizeName(a))
	if len(words) == 0 || len(words) >= len(nameWords) {
		return false
	}
	for i := 0; i+len(words) <= len(nameWords); i++ {
		if slices.Equal(words, nameWords[i:i+len(words)]) {
			return true
		}
	}
	return false
}

// distinctAliases keeps one alias per normalised name, none equal to the
// name, sorted.
func distinctAliases(name string, in []string) []string {
	seen := map[string]bool{NormalizeName(name): true}
	raw := make(map[string]bool, 8) // a name mentioned 500 times is normalised once
	out := []string{}
	for _, a := range in {
		if raw[a] {
			continue
		}
		raw[a] = true
		k := NormalizeName(a)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// union keeps the smaller index as root, so a group's root is its first
// mention whatever order unions happen in.
func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if ra < rb {
		u.parent[rb] = ra
	} else {
		u.parent[ra] = rb
	}
}
