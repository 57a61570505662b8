package rules

import (
	"fmt"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
)

// aliasStage orders alias rules after every pattern stage.
const aliasStage = 1 << 20

// rule is a compiled rule.
type rule struct {
	spec    *ruleSpec
	idx     int32
	id      string
	kind    string
	typ     extractor.EntityType
	subtype string
	prio    int
	stage   int

	// pattern and alias rules
	nodes       []*node
	slots       []string
	slotTypes   []extractor.EntityType
	entitySlot  int
	nameSlot    int
	aliasSlot   int
	firstEntity typeMask    // start only at mentions of these types
	needs       []typeMask  // pattern, alias: types of the mentions a match needs (needs.go)
	hasFirsts   bool        // start only at tokens listed in vocab firsts
	anchored    bool        // try only in sentences where an anchor word occurs
	reach       reach       // anchored: how far before its anchor word a match starts (reach.go)
	posTests    bool        // pattern: a part-of-speech test somewhere: tried relaxed first on untagged sentences
	start       startFilter // a test of the first token, for rules tried at every token (startfilter.go)
	// pair: the first element always consumes one token (or one mention),
	// and next tests the token after it, where the rest must start
	// (nextCanFollow, startfilter.go).
	pair        bool
	next        startFilter
	check       string
	cross       bool
	rel         relRule         // relation rules (relation.go)
	tbl         *tableRule      // table rules (table.go)
	inherit     bool            // pattern: canonical: inner (output.go)
	canonWhole  bool            // pattern: canonical: match (output.go)
	compounds   map[string]bool // gazetteer: folded compound tails (compound.go)
	anyCompound bool            // gazetteer: compounds lists "*", any lower-case tail (compound.go)
	suppress    bool            // pattern, gazetteer: suppress: true (output.go)
	notBefore   map[string]bool // pattern, relation: folded tokens that, right after a match, drop it (match.go, relation_index.go)
	notAfter    [][]string      // pattern: folded words of phrases that, right before a match, drop it (match.go)
	notAfterPOS bool            // notAfter holds a part-of-speech item: checked only after the pattern matched (runPhase), so it tags no sentence for nothing
	intros      *phraseSet      // pattern: a match must lie in a bullet item whose list intro holds one of these (match.go)

	// regex rules
	re       *regexp.Regexp
	group    int
	validate validator
	refang   bool
	pf       prefilter
	cut      *byteSet  // bytes no match holds, to look for matches between (regex_split.go)
	whole    *asciiDFA // a token regex written ^...$: the whole token, tested by automaton first
}

// vocabEntry is what the pack knows about one case-folded token.
type vocabEntry struct {
	gaz     *gnode  // gazetteer trie after this token
	anchors []int32 // rules this token activates in its sentence
	firsts  []int32 // pattern rules that may start at this token
	// anchorsBy and firstsBy are anchors and firsts of pattern and alias
	// rules filed by phase (phase.slot), relAnchors those of relation
	// rules: each stage walks only its own rules at every token.
	anchorsBy, firstsBy [][]int32
	relAnchors          []int32
	// relFirsts and relSlots are the relation index's entries for this
	// token (relIndex.byKey, relIndex.slotKeys), filed here so the relation
	// stage looks them up at no map access per token.
	relFirsts []*rule
	// relFirstRefs holds, in the order of relFirsts, what the relation
	// stage tests of each rule before trying it (relRef): a token such as
	// "it" or "the" starts a phrase of dozens of rules, most not anchored
	// in the sentence (1.4M tries per BenchmarkExtract run, 83 % of them
	// returned at that first test), and each read a rule struct.
	relFirstRefs []relRef
	relSlots     []int32
	// phraseBits holds three bits per phrase set id, in groups of 64 sets
	// side by side (phraseBitsFirst, phraseBitsSingle, phraseBitsMulti):
	// whether a phrase of the set may start with this token, whether the
	// token alone is a phrase of the (case-insensitive) set, and whether a
	// phrase of two or more tokens starts with it. Word lists are tested at
	// most tokens of every sentence: one bit test spares a string-keyed
	// map lookup, and the three tests of one set read one cache line (they
	// were two slices; mayStartPhrase alone was 2.3 % of a BenchmarkExtract
	// CPU profile, mostly waiting for memory). Only the groups with a bit
	// set are stored, in order: phraseGroups has bit g set for each group g
	// below 63 that is (its words start at 3 × the set bits below g), and
	// bit 63 when one from 63 on is, those kept in full in phraseFar. A
	// token's groups in full ran to 123 words (2,619 sets), 457k words in
	// the pack; kept this way 73k. Session 28 measured no CPU change
	// (mayStartPhrase 5.9 % of a BenchmarkExtract profile before and
	// after, at load 15-20): the time is in reading the entry itself.
	phraseBits   []uint64
	phraseGroups uint64
	phraseFar    []uint64
	// multiRoots holds, for each case-insensitive phrase set with a phrase
	// of two or more tokens starting with this token (mayStartMulti), the
	// set's trie node after it, by set id: the walk's first step, a
	// string-keyed map lookup in the trie's root (which has hundreds of
	// kids in the large sets), was 3 % of a BenchmarkExtract CPU profile.
	multiRoots []multiRoot
}

// multiRoot is a phrase set's trie node after a first token.
type multiRoot struct {
	id   int
	node *ptrie
}

// multiRoot returns the trie node of set id after this token, or nil.
func (v *vocabEntry) multiRoot(id int) *ptrie {
	for _, r := range v.multiRoots {
		if r.id == id {
			return r.node
		}
	}
	return nil
}

// The three bit words of a group of 64 phrase sets in vocabEntry.phraseBits.
const (
	phraseBitsFirst = iota
	phraseBitsSingle
	phraseBitsMulti
	phraseBitsKinds
)

// phraseBit reports bit id of the given kind.
func (v *vocabEntry) phraseBit(kind, id int) bool {
	g := uint(id) / 64
	if g >= 63 {
		k := int(g-63)*phraseBitsKinds + kind
		return v.phraseGroups&(1<<63) != 0 && k < len(v.phraseFar) && v.phraseFar[k]&(1<<(uint(id)%64)) != 0
	}
	if v.phraseGroups&(1<<g) == 0 {
		return false
	}
	k := bits.OnesCount64(v.phraseGroups&(1<<g-1))*phraseBitsKinds + kind
	return v.phraseBits[k]&(1<<(uint(id)%64)) != 0
}

func (v *vocabEntry) setPhraseBit(kind, id int) {
	g := uint(id) / 64
	if g >= 63 {
		k := int(g-63)*phraseBitsKinds + kind
		for len(v.phraseFar) <= k {
			v.phraseFar = append(v.phraseFar, 0)
		}
		v.phraseFar[k] |= 1 << (uint(id) % 64)
		v.phraseGroups |= 1 << 63
		return
	}
	at := bits.OnesCount64(v.phraseGroups&(1<<g-1)) * phraseBitsKinds
	if v.phraseGroups&(1<<g) == 0 {
		v.phraseBits = slices.Insert(v.phraseBits, at, make([]uint64, phraseBitsKinds)...)
		v.phraseGroups |= 1 << g
	}
	v.phraseBits[at+kind] |= 1 << (uint(id) % 64)
}

// mayStartPhrase reports whether a phrase of the set with this id can
// start at the token (a necessary condition; id 0 is never filtered).
func (v *vocabEntry) mayStartPhrase(id int) bool {
	return id == 0 || v.phraseBit(phraseBitsFirst, id)
}

// isSinglePhrase reports whether the token alone is a phrase of the
// case-insensitive set id.
func (v *vocabEntry) isSinglePhrase(id int) bool { return v.phraseBit(phraseBitsSingle, id) }

// mayStartMulti reports whether a phrase of two or more tokens of set id
// starts with this token: without it the set's token trie has no branch
// for the token (its first key folds to this entry's word), so the walk
// is spared.
func (v *vocabEntry) mayStartMulti(id int) bool { return v.phraseBit(phraseBitsMulti, id) }

func (v *vocabEntry) addPhraseSingle(id int) { v.setPhraseBit(phraseBitsSingle, id) }

func (v *vocabEntry) addPhraseFirst(id int) { v.setPhraseBit(phraseBitsFirst, id) }

func (v *vocabEntry) addPhraseMulti(id int) { v.setPhraseBit(phraseBitsMulti, id) }

// phase is the pattern (or alias) rules of one stage, grouped by how they
// find their start tokens.
type phase struct {
	stage    int
	slot     int     // index of the phase's lists in vocabEntry.firstsBy and anchorsBy
	lists    []*rule // rules that also read bullet lists with their intro (pattern_lists.go)
	firsts   bool    // some rule starts from vocab firsts
	anchored bool    // some scan rule is anchored
	scan     []*rule // tried at every token (of active sentences)
	entFirst []*rule // tried at mentions of their first type
}

func (p *Pack) vocabFor(key string) *vocabEntry {
	v := p.vocab[key]
	if v == nil {
		v = &vocabEntry{}
		p.vocab[key] = v
	}
	return v
}

type compiler struct {
	p        *Pack
	an       *nlp.Analyzer
	probs    []Problem
	r        *ruleSpec
	relRules []*rule // relation rules, for their start index (relation_index.go)
	// synNames are the multi-word gazetteer names that may get synonym
	// variants, gazKeys every gazetteer name folded (gazetteer_synonyms.go).
	synNames []synName
	// spaced are the camel-case malware and tool names that get a spaced
	// spelling (gazetteer_spaced.go).
	spaced  []spacedName
	gazKeys map[string]bool
	// sectorCanon maps every sector gazetteer name, folded, to its
	// canonical name; composed the gazetteer rules with heads
	// (gazetteer_heads.go).
	sectorCanon map[string]string
	composed    []composedRule
	// phraseSets holds the phrase sets compiled so far by list (phraseSet).
	phraseSets map[string]*phraseSet
	// cueSyn is the table of cue-word synonyms (cue_synonyms.go).
	cueSyn map[string][]string
	// nameSyn is the table of name-word synonyms for pattern elements
	// with synonyms: true (pattern_name_synonyms.go).
	nameSyn map[string][]string
	// lowerWords are the English words that a coined name spelt in lower
	// case may be (pack list gazetteer_lowercase_words, gazetteer_lower.go).
	lowerWords map[string]bool
}

func (c *compiler) errorf(n *yaml.Node, format string, args ...any) {
	pr := Problem{File: c.r.file, RuleID: c.r.id, Severity: SeverityError, Message: fmt.Sprintf(format, args...)}
	if n == nil {
		n = c.r.node
	}
	pr.Line, pr.Column = n.Line, n.Column
	c.probs = append(c.probs, pr)
}

// tokenize splits a name exactly as documents are split.
func (c *compiler) tokenize(s string) []string {
	var out []string
	for _, sent := range c.an.Analyze(s) {
		for i, t := range sent.Tokens {
			text := t.Text
			if i > 0 && pluralPossessive(text, sent.Tokens[i-1].Text, sent.Tokens[i-1].End == t.Start) {
				text = possessiveS // as in documents (docState.init)
			}
			out = append(out, text)
		}
	}
	return out
}

// compile builds a Pack from parsed specs. Problems found here (bad
// regular expressions, names that tokenize to nothing, patterns that can
// never match) carry the position of the offending value.
func compile(set *ruleSet, an *nlp.Analyzer) (*Pack, []Problem) {
	p := &Pack{vocab: map[string]*vocabEntry{}, gaz: &gazetteer{}, stops: &stopList{}, an: an,
		tokenREs: map[string]int{}, nameRule: -1}
	c := &compiler{p: p, an: an}
	c.lowerWords = lowercaseWords(set.lists)  // gazetteer_lower.go
	c.cueSyn = c.cueSynonymTable(set.lists)   // cue_synonyms.go
	c.nameSyn = c.nameSynonymTable(set.lists) // pattern_name_synonyms.go
	phases := map[int]*phase{}
	for _, spec := range set.rules {
		c.r = spec
		r := &rule{spec: spec, idx: int32(len(p.rules)), id: spec.id, kind: spec.kind,
			typ: extractor.EntityType(spec.typ), subtype: spec.subtype, prio: spec.priority,
			entitySlot: -1, nameSlot: -1, aliasSlot: -1,
			inherit: spec.canonical == canonicalInner, canonWhole: spec.canonical == canonicalMatch, suppress: spec.suppress}
		notBefore := spec.notBefore
		if spec.kind == KindRelation {
			notBefore = spec.rel.notBefore
		}
		for _, w := range notBefore {
			if r.notBefore == nil {
				r.notBefore = map[string]bool{}
			}
			if t, ok := posItem(w.s); ok && spec.kind == KindPattern {
				// "<VBD>": a token of that tag (pattern.go, posKeyPrefix)
				r.notBefore[posKeyPrefix] = true
				r.notBefore[posKeyPrefix+t] = true
				continue
			}
			r.notBefore[foldKey(w.s)] = true
		}
		for _, w := range spec.notAfter {
			var words []string
			for _, f := range strings.Fields(w.s) {
				if t, ok := posItem(f); ok && spec.kind == KindPattern {
					// "<NNP>": a token of that tag (notAfterMatch)
					words = append(words, posKeyPrefix+t)
					r.notAfterPOS = true
					continue
				}
				words = append(words, foldKey(f))
			}
			if len(words) > 0 {
				r.notAfter = append(r.notAfter, words)
			}
		}
		if spec.kind == KindPattern && len(spec.rel.intros) > 0 {
			r.intros = c.phraseSet(c.cueIntros(spec.rel.intros), true)
		}
		p.rules = append(p.rules, r)
		info := Info{ID: r.id, Kind: r.kind, Type: spec.typ, Subtype: spec.subtype, Priority: r.prio,
			Description: spec.description, File: spec.file, Line: spec.line(),
			Examples: len(spec.match) + len(spec.noMatch), Overrides: spec.overrides}
		switch spec.kind {
		case KindGazetteer:
			info.Entries = c.gazetteer(r)
		case KindStop:
			info.Entries = c.stop(r)
			var types []string
			for _, t := range spec.types {
				types = append(types, t.s)
			}
			info.Type = strings.Join(types, ",")
		case KindRegex:
			c.regex(r)
		case KindPropagate:
			info.Type = c.propagateRule(r) // propagate.go
		case KindTopic:
			c.topicRule(r) // relation_fallback.go
			info.Type = spec.rel.typ
		case KindHeadline:
			c.headlineRule(r) // relation_headline.go
			info.Type = spec.rel.typ
		case KindModel:
			c.modelRule(r) // namestage.go
		case KindNamePlace:
			c.namePlaceRule(r) // relation_name_place.go
			info.Type = spec.rel.typ
		case KindParty:
			c.partyRule(r) // relation_party_subject.go
			info.Type = spec.rel.typ
		case KindTable:
			c.table(r) // table.go
			info.Type = spec.tbl.relation
		case KindPattern, KindAlias, KindRelation:
			r.stage = 1
			if spec.hasStage {
				r.stage = spec.stage
			}
			if spec.kind == KindAlias {
				r.stage = aliasStage
				r.check, r.cross = spec.check, spec.cross
			}
			if spec.kind == KindRelation {
				r.stage = relationStage
			}
			if c.pattern(r) {
				r.start = startFilterOf(r.nodes)
				if len(r.nodes) > 1 && (oneToken(r.nodes[0]) || oneMention(r.nodes[0])) {
					r.next = startFilterOf(r.nodes[1:])
					r.pair = !r.next.any
				}
				r.posTests = usesPOS(r.nodes)
				ph := phases[r.stage]
				if ph == nil {
					ph = &phase{stage: r.stage}
					phases[r.stage] = ph
				}
				if spec.kind == KindPattern && spec.lists {
					ph.lists = append(ph.lists, r)
				}
				switch {
				case r.hasFirsts:
					ph.firsts = true
				case r.firstEntity != 0:
					ph.entFirst = append(ph.entFirst, r)
					ph.anchored = ph.anchored || r.anchored
				default:
					ph.scan = append(ph.scan, r)
					ph.anchored = ph.anchored || r.anchored
				}
			}
			info.Stage = r.stage
			if spec.kind == KindAlias || spec.kind == KindRelation {
				info.Stage = 0
			}
			if spec.kind == KindRelation {
				info.Type = spec.rel.typ
			}
		}
		p.infos = append(p.infos, info)
	}
	var stages []int
	for s := range phases {
		if s != aliasStage && s != relationStage {
			stages = append(stages, s)
		}
	}
	sort.Ints(stages)
	for _, s := range stages {
		p.phases = append(p.phases, phases[s])
	}
	p.aliasPhase = phases[aliasStage]
	p.relPhase = phases[relationStage]
	c.composeHeads(set.lists)      // gazetteer_heads.go
	c.gazetteerVariants(set.lists) // gazetteer_synonyms.go
	c.spacedVariants()             // gazetteer_spaced.go
	p.splitStarts()
	p.relCues = c.relationCues(set.lists) // relation.go
	c.keepCueWords(set.lists)             // cue_words.go
	c.keepCityNamedStates(set.lists)      // place_city_state.go
	c.tableCues(set.lists)                // table.go
	if l, ok := set.lists[listGazetteerContext]; ok && len(l.items) > 0 {
		p.gazContext = c.listPhrases(l) // gazetteer.go
	}
	if l, ok := set.lists[listGazetteerCommonFrames]; ok && len(l.items) > 0 {
		p.gazFrames = c.listPhrases(l) // gazetteer.go
	}
	if l, ok := set.lists[listPartyActs]; ok && len(l.items) > 0 {
		p.partyActs = c.listPhrases(l) // relation_party_subject.go
	}
	if l, ok := set.lists[listNameCompanyIntros]; ok && len(l.items) > 0 {
		p.companyLists = c.listPhrases(l) // namestage.go
	}
	// Optional word lists read as sets of single words, each by the file
	// named beside it.
	for _, w := range []struct {
		list string
		dst  *map[string]bool
	}{
		{listPartyStops, &p.partyStops},             // relation_party_subject.go
		{listCapitalizedStopwords, &p.capStop},      // vocab.go
		{listEachAsideWords, &p.eachAside},          // relation_listintro.go
		{listTeamSplitObjects, &p.teamSplitObjects}, // relation_listintro.go
		{listStateOrganBodies, &p.stateOrganBodies}, // gazetteer_heads.go
		{listTeamSplitVerbs, &p.teamSplitVerbs},     // relation_listintro.go
		{listCompanyProductNouns, &p.productNouns},  // gazetteer_longer.go
	} {
		if l, ok := set.lists[w.list]; ok {
			*w.dst = c.singleWords(l)
		}
	}
	if l, ok := set.lists[listActorGroupNouns]; ok {
		p.groupWords = map[string]bool{}
		for _, it := range l.items {
			p.groupNouns = append(p.groupNouns, it.s)
			if !strings.Contains(it.s, " ") {
				p.groupWords[strings.ToLower(it.s)] = true
			}
		}
	}
	c.nameHeads(set.lists)                   // namestage.go
	c.nameStops(set.lists)                   // namestage.go
	p.nameWordTags = nameWordTags(set.lists) // namestage.go
	c.readVocabulary(set.lists)              // vocab.go
	p.described = describedLists(set.lists)  // described_type.go
	p.news = newsLists(set.lists)            // anaphor_news.go
	p.fileRelationStarts()                   // relation_index.go: once the vocabulary is complete
	p.ruleAnchored = make([]bool, len(p.rules))
	for i, r := range p.rules {
		p.ruleAnchored[i] = r.anchored
	}
	return p, c.probs
}

func (c *compiler) gazetteer(r *rule) int {
	spec := c.r
	p := c.p
	names := 0
	c.compounds(r)
	if len(spec.heads) > 0 {
		c.composed = append(c.composed, composedRule{r, spec}) // gazetteer_heads.go
	}
	for _, e := range spec.entries {
		typ := spec.typ
		if e.typ != "" {
			typ = e.typ
		}
		entry := int32(len(p.gaz.entries))
		p.gaz.entries = append(p.gaz.entries, gazEntry{canonical: strings.TrimSpace(e.name.s),
			typ: extractor.EntityType(typ), subtype: e.subtype})
		mode := parseCase(spec.cas)
		if e.cas != "" {
			mode = parseCase(e.cas)
		}
		seen := map[string]bool{}
		canonToks := c.tokenize(strings.TrimSpace(e.name.s))
		for _, n := range append([]strItem{e.name}, e.aliases...) {
			if seen[n.s] {
				continue
			}
			seen[n.s] = true
			toks := c.tokenize(n.s)
			if len(toks) == 0 {
				c.errorf(n.node, "name %q has no tokens", n.s)
				continue
			}
			if c.gazKeys == nil {
				c.gazKeys = map[string]bool{}
			}
			c.gazKeys[strings.Join(foldAll(toks), " ")] = true
			if (typ == string(extractor.Government) || typ == string(extractor.Organization)) && !spec.suppress &&
				len(nameWords(n.s)) >= 3 {
				if p.bodyLongForms == nil {
					p.bodyLongForms = map[string][]string{}
				}
				k := strings.ToLower(strings.TrimSpace(e.name.s))
				p.bodyLongForms[k] = append(p.bodyLongForms[k], n.s)
			}
			if typ == string(extractor.Sector) && !spec.suppress {
				if c.sectorCanon == nil {
					c.sectorCanon = map[string]string{}
				}
				if k := strings.Join(foldAll(toks), " "); c.sectorCanon[k] == "" {
					c.sectorCanon[k] = strings.TrimSpace(e.name.s)
				}
			}
			written := append([]string(nil), toks...)
			h := newHit(r.idx, entry, mode, toks)
			h.common = spec.common
			if e.common != nil {
				h.common = *e.common
			}
			h.context = e.context
			h.lowerToo = spec.lowercase && c.lowerVariant(n.s, h) // gazetteer_lower.go
			if len(toks) > 1 && !h.lower && (synonymTypes[extractor.EntityType(typ)] || productVariants(typ, e.subtype)) && !spec.suppress {
				c.synNames = append(c.synNames, synName{rule: r.idx, entry: entry, mode: mode, toks: written,
					common: h.common, context: h.context})
			} else if typ == string(extractor.Sector) && !spec.suppress {
				c.synNames = append(c.synNames, synName{rule: r.idx, entry: entry, mode: mode, toks: written,
					common: h.common, context: h.context, sector: true})
			}
			if len(toks) == 1 && spacedTypes[extractor.EntityType(typ)] && !spec.suppress {
				if parts, ok := camelParts(written[0]); ok {
					c.spaced = append(c.spaced, spacedName{rule: r.idx, entry: entry, toks: parts, common: h.common})
				}
			}
			if typ == string(extractor.Organization) {
				h.rest = canonicalRest(canonToks, toks) // gazetteer_longer.go
				h.before, h.beforeRest = canonicalWithoutFirst(canonToks, toks)
			}
			p.insertName(toks, h)
			names++
		}
	}
	p.gaz.names += names
	return names
}

func (c *compiler) regex(r *rule) {
	spec := c.r
	re, err := regexp.Compile(spec.regex)
	if err != nil { // the parser reported it
		return
	}
	r.re = re
	r.pf = analyse(spec.regex)
	r.cut = cutBytes(spec.regex) // regex_split.go
	if spec.group != "" {
		if n, err := strconv.Atoi(spec.group); err == nil {
			r.group = n
		} else {
			r.group = re.SubexpIndex(spec.group)
		}
		if r.group < 0 || r.group > re.NumSubexp() {
			c.errorf(spec.fields["group"], "regex has no group %q", spec.group)
			r.group = 0
		}
	}
	r.refang = r.typ == extractor.Indicator
	if spec.refang != nil {
		r.refang = *spec.refang
	}
	if spec.validate != "" {
		r.validate = validators[spec.validate]
		if v := vocabValidators[spec.validate]; v != nil {
			cti := &c.p.cti // filled at the end of compile (vocab.go)
			r.validate = func(vc *vctx) bool { return v(cti, vc) }
		}
	}
	if spec.scope == "sentence" {
		c.p.sentRegex = append(c.p.sentRegex, r)
	} else {
		// A token regex that names a whole token ("^Backdoor\\.…$") is
		// decided for most tokens by its ASCII automaton, one lookup per
		// byte, instead of by regexp (tokendfa.go).
		if r.cut == nil && strings.HasPrefix(spec.regex, "^") && strings.HasSuffix(spec.regex, "$") {
			r.whole = buildASCIIDFA(spec.regex)
		}
		c.p.tokRegex = append(c.p.tokRegex, r)
	}
}

func (c *compiler) slot(r *rule, name, typ string) int {
	for i, s := range r.slots {
		if s == name {
			if typ != "" && r.slotTypes[i] == "" {
				r.slotTypes[i] = extractor.EntityType(typ)
			}
			return i
		}
	}
	r.slots = append(r.slots, name)
	r.slotTypes = append(r.slotTypes, extractor.EntityType(typ))
	return len(r.slots) - 1
}

// pattern compiles the pattern of a pattern or alias rule and works out
// where it can start. It reports whether the rule is usable.
func (c *compiler) pattern(r *rule) bool {
	spec := c.r
	before := len(c.probs)
	r.nodes = c.nodes(spec.pattern, r)
	if len(c.probs) > before || len(r.nodes) == 0 {
		return false
	}
	if minTokens(r.nodes) == 0 {
		c.errorf(spec.fields["pattern"], "pattern can match without consuming a token: it would never produce a mention")
		return false
	}
	if r.kind == KindRelation {
		if !c.relationSlots(r) { // relation.go
			return false
		}
		c.relationStarts(r) // relation_index.go
		return true
	}
	for i, s := range r.slots {
		switch {
		case s == "entity":
			r.entitySlot = i
		case s == "name" && r.kind == KindAlias:
			r.nameSlot = i
		case s == "alias" && r.kind == KindAlias:
			r.aliasSlot = i
		default:
			if r.kind == KindAlias {
				c.errorf(spec.fields["pattern"], "alias rules use the slots name and alias, not %q", s)
			} else {
				c.errorf(spec.fields["pattern"], "pattern rules capture with capture: true (slot \"entity\"), not slot %q", s)
			}
			return false
		}
	}
	if r.kind == KindAlias {
		if r.entitySlot >= 0 {
			c.errorf(spec.fields["pattern"], "alias rules use the slots name and alias, not capture")
			return false
		}
		if r.nameSlot < 0 || r.aliasSlot < 0 {
			c.errorf(spec.fields["pattern"], "alias rule needs an element with slot: name and one with slot: alias")
			return false
		}
	}
	c.starts(r)
	return true
}

// starts indexes the rule by its first element (a word list or an entity
// type) or, failing that, by a required word list anywhere in the pattern.
func (c *compiler) starts(r *rule) {
	r.needs = requiredTypes(r.nodes)
	first := r.nodes[0]
	if keys := firstWords(r.nodes); keys != nil {
		r.hasFirsts = true
		for _, k := range keys {
			v := c.p.vocabFor(k)
			v.firsts = appendOnce(v.firsts, r.idx)
		}
		// A rule that starts at a common word ("the", "a") is tried at
		// nearly every token; when it also needs a rarer word further on
		// ("attack", "hack"), it is tried only in sentences holding one.
		if commonFirst(keys) {
			if best, k := requiredKeysOf(r.nodes[1:], true); best != nil && !commonFirst(best) {
				c.anchorOn(r, best)
				r.reach = anchorReach(r.nodes, k+1)
			}
		}
		return
	}
	if first.min >= 1 && first.entity != 0 {
		r.firstEntity = first.entity
		// A rule that starts at a mention is tried at every mention of its
		// types; when it also needs a word further on ("(" after the name,
		// "which" in "X, which vendors call Y"), it is tried only at
		// mentions within reach of one (runPhase).
		if best, k := requiredKeysOf(r.nodes[1:], true); best != nil {
			c.anchorOn(r, best)
			r.reach = anchorReach(r.nodes, k+1)
		}
		return
	}
	if best, k := requiredKeysOf(r.nodes, true); best != nil {
		c.anchorOn(r, best)
		r.reach = anchorReach(r.nodes, k)
	}
}

// firstWords returns the words a match of nodes must start with — those of
// a leading word list, or of every alternative of a leading "or" that
// starts with one — or nil when a match may start elsewhere.
func firstWords(nodes []*node) []string {
	if len(nodes) == 0 {
		return nil
	}
	n := nodes[0]
	if n.min < 1 {
		return nil
	}
	switch {
	case n.seq != nil:
		return firstWords(n.seq)
	case n.alts != nil:
		var all []string
		for _, a := range n.alts {
			k := firstWords(a)
			if k == nil {
				return nil
			}
			all = append(all, k...)
		}
		return all
	case n.phrases != nil:
		return n.phrases.firstKeys()
	}
	return nil
}

// anchorOn makes the rule tried only in sentences holding one of words.
func (c *compiler) anchorOn(r *rule, best []string) {
	r.anchored = true
	for _, k := range best {
		v := c.p.vocabFor(k)
		v.anchors = appendOnce(v.anchors, r.idx)
	}
}

// commonFirstWords occur in nearly every sentence.
var commonFirstWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "in": true, "and": true,
	"or": true, "to": true, ",": true, "for": true, "on": true, "with": true, "by": true, "at": true, "as": true,
	"is": true, "was": true, "that": true, "its": true, "their": true}

// commonFirst reports whether a word list holds a word of nearly every
// sentence.
func commonFirst(keys []string) bool {
	for _, k := range keys {
		if commonFirstWords[k] {
			return true
		}
	}
	return false
}

func appendOnce(s []int32, v int32) []int32 {
	if n := len(s); n > 0 && s[n-1] == v {
		return s
	}
	return append(s, v)
}

// firstKeys lists the case-folded first tokens of every phrase.
func (ps *phraseSet) firstKeys() []string {
	seen := map[string]bool{}
	var out []string
	add := func(k string) {
		k = foldKey(k)
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for k := range ps.single {
		add(k)
	}
	if ps.multi != nil {
		for k := range ps.multi.kids {
			add(k)
		}
	}
	if ps.actorNP { // phrases read by shape (relation_actor_np.go, relation_cataphor.go)
		for _, det := range actorNPDeterminers {
			add(det)
		}
		add("a")
		add("an")
	}
	sort.Strings(out)
	return out
}

func (c *compiler) nodes(es []*elemSpec, r *rule) []*node {
	out := make([]*node, 0, len(es))
	for _, e := range es {
		if e == nil {
			continue
		}
		out = append(out, c.node(e, r))
	}
	return out
}

func (c *compiler) node(e *elemSpec, r *rule) *node {
	n := &node{min: e.min, max: e.max, slot: -1, any: e.any}
	switch {
	case e.capture:
		n.slot = c.slot(r, "entity", "")
	case e.slot != "":
		n.slot = c.slot(r, e.slot, e.typ)
	}
	if e.hasPhr {
		items := c.cueItems(e.phrases, e.fold)
		if e.synonyms {
			items = c.nameSynonymItems(items)
		}
		n.phrases = c.phraseSet(items, e.fold)
	}
	n.entity = c.types(e.entity)
	n.cond = c.cond(e)
	if e.seq != nil {
		n.seq = c.nodes(e.seq, r)
	}
	for _, alt := range e.or {
		n.alts = append(n.alts, c.nodes(alt, r))
	}
	n.cheapFirst = cheapFirst(n)
	return n
}

// cheapFirst reports whether canStart tests an occurrence of n by its
// first token cheaply and without looking past n: n is required and starts
// with a word of a list or a mention (matcher.restCanFollow).
func cheapFirst(n *node) bool {
	switch {
	case n.min < 1:
		return false
	case n.phrases != nil || n.entity != 0:
		return true
	case n.seq != nil:
		return len(n.seq) > 0 && n.seq[0].cheapFirst
	case n.alts != nil:
		for _, a := range n.alts {
			if len(a) == 0 || !a[0].cheapFirst {
				return false
			}
		}
		return true
	}
	return false
}

func (c *compiler) types(items []strItem) typeMask {
	var m typeMask
	for _, t := range items {
		if t.s == "any" {
			m |= anyType
		} else {
			m |= maskOf(extractor.EntityType(t.s))
		}
	}
	return m
}

// cond compiles the token constraints of an element, or returns nil.
func (c *compiler) cond(e *elemSpec) *cond {
	if e.regex == "" && e.shapes == nil && e.cshapes == nil && e.pos == nil && e.nots == nil && !e.synTail {
		return nil
	}
	out := &cond{synTail: e.synTail}
	if e.regex != "" {
		expr := "^(?:" + e.regex + ")$"
		if id, ok := c.p.tokenREs[expr]; ok {
			out.re, out.dfa, out.pf, out.reID = c.p.tokenRE[id], c.p.tokenDFA[id], analyse(expr), id
		} else if re, err := regexp.Compile(expr); err != nil {
			c.errorf(e.node, "bad regex: %v", err)
		} else {
			out.re, out.dfa, out.pf, out.reID = re, buildASCIIDFA(expr), analyse(expr), len(c.p.tokenRE)
			c.p.tokenREs[expr] = out.reID
			c.p.tokenRE = append(c.p.tokenRE, re)
			c.p.tokenDFA = append(c.p.tokenDFA, out.dfa)
		}
	}
	for _, s := range e.shapes {
		out.shapes = append(out.shapes, s.s)
	}
	for _, s := range e.cshapes {
		out.cshapes = append(out.cshapes, s.s)
	}
	for _, s := range e.pos {
		out.pos = append(out.pos, s.s)
	}
	for _, ne := range e.nots {
		neg := &negation{entity: c.types(ne.entity)}
		if ne.hasPhr {
			neg.phrases = c.phraseSet(c.cueItems(ne.phrases, ne.fold), ne.fold)
		}
		neg.cond = c.cond(ne)
		out.not = append(out.not, neg)
	}
	return out
}

func (c *compiler) phraseSet(items []strItem, fold bool) *phraseSet {
	// The same list is used by many rules (6,865 sets held 1,116 distinct
	// lists): one set per distinct list keeps the per-token tables that
	// are indexed by set id (vocabEntry.phraseBits, the relation stage's
	// lookup cache) small, and a lookup made for one rule serves the rest.
	key := phraseSetKey(items, fold)
	if ps := c.phraseSets[key]; ps != nil {
		return ps
	}
	c.p.phraseSets++
	ps := &phraseSet{id: c.p.phraseSets, fold: fold, single: map[string]bool{}}
	shared := true
	for _, it := range items {
		if it.s == actorNPMarker {
			c.addActorNP(ps)
			continue
		}
		toks := c.tokenize(it.s)
		if len(toks) == 0 {
			c.errorf(it.node, "list item %q has no tokens", it.s)
			shared = false // report the problem at every use
			continue
		}
		key := exactKey
		if fold {
			key = foldKey
		}
		// Every phrase's first token is in the vocabulary, so a token the
		// vocabulary does not know starts no phrase (see phraseSet.ends).
		first := foldKey(toks[0])
		c.p.vocabFor(first).addPhraseFirst(ps.id)
		ps.firstWords.add(wordHash(first)) // (startfilter.go)
		ps.maxTokens = max(ps.maxTokens, len(toks))
		if len(toks) == 1 {
			ps.single[key(toks[0])] = true
			if fold {
				c.p.vocabFor(foldKey(toks[0])).addPhraseSingle(ps.id)
			}
			continue
		}
		c.p.vocabFor(first).addPhraseMulti(ps.id)
		if ps.multi == nil {
			ps.multi = &ptrie{}
		}
		t := ps.multi
		for ti, tok := range toks {
			k := key(tok)
			if k == "#" && ti > 0 { // a count (ptrie.num)
				if t.num == nil {
					t.num = &ptrie{}
				}
				t = t.num
				continue
			}
			if t.kids == nil {
				t.kids = map[string]*ptrie{}
			}
			next := t.kids[k]
			if next == nil {
				next = &ptrie{}
				t.kids[k] = next
			}
			t = next
		}
		t.end = true
	}
	if ps.multi != nil {
		ps.multi.seal()
		if fold {
			// Each first key folds to itself: its vocabulary entry is the
			// one a token starting the phrase has (docState.vent).
			for k, n := range ps.multi.kids {
				v := c.p.vocabFor(k)
				v.multiRoots = append(v.multiRoots, multiRoot{id: ps.id, node: n})
			}
		}
	}
	if shared {
		if c.phraseSets == nil {
			c.phraseSets = map[string]*phraseSet{}
		}
		c.phraseSets[key] = ps
	}
	return ps
}

// phraseSetKey identifies a list of phrases and its case rule.
func phraseSetKey(items []strItem, fold bool) string {
	var b strings.Builder
	if fold {
		b.WriteByte('f')
	}
	for _, it := range items {
		b.WriteByte(0)
		b.WriteString(it.s)
	}
	return b.String()
}

// splitStarts files the start and anchor lists of every vocabulary entry by
// phase (splitStarts runs once the phases are known).
func (p *Pack) splitStarts() {
	all := append([]*phase(nil), p.phases...)
	if p.aliasPhase != nil {
		all = append(all, p.aliasPhase)
	}
	slot := map[int]int{}
	for i, ph := range all {
		ph.slot = i
		slot[ph.stage] = i
	}
	for _, v := range p.vocab {
		v.anchorsBy, v.firstsBy, v.relAnchors = nil, nil, nil
		file := func(ids []int32, rel *[]int32) [][]int32 {
			var by [][]int32
			for _, ri := range ids {
				r := p.rules[ri]
				if r.stage == relationStage {
					if rel != nil {
						*rel = append(*rel, ri)
					}
					continue
				}
				k, ok := slot[r.stage]
				if !ok {
					continue
				}
				for len(by) <= k {
					by = append(by, nil)
				}
				by[k] = append(by[k], ri)
			}
			return by
		}
		v.anchorsBy = file(v.anchors, &v.relAnchors)
		v.firstsBy = file(v.firsts, nil)
	}
}

// listOf returns the list of phase slot k, or nil.
func listOf(by [][]int32, k int) []int32 {
	if k < len(by) {
		return by[k]
	}
	return nil
}
