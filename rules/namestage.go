package rules

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
)

// The name stage: after the rules have found, propagated and listed their
// mentions, and before the relation rules run, the name model
// (namemodel.go) reads every capitalised span no mention touches and makes
// a mention of each name it is confident about, at every span of that
// text it reads.

// modelNames is the only model a model rule can name.
const modelNames = "names"

// NameCandidate is one capitalised span the name model reads, with its
// hashed features — a span no rule made a mention of, or (Found) a rule's
// mention shaped like one, for training. The trainer labels them from gold
// files (internal/nametrain).
type NameCandidate struct {
	Start, End int    // byte offsets in the document
	Text       string // the surface, single spaced
	Features   []uint32
	// Found is the type of the rule mention this span is, or "" for a
	// span no rule found (the only kind the model is asked about). The
	// trainer learns from both: rule-found names teach it what names of
	// each kind look like in context.
	Found extractor.EntityType
}

// maxNameTokens is the longest span read: longer capitalised runs are
// headings and titles, not names.
const maxNameTokens = 6

// spanConnectors may join two capitalised words inside one name ("Bank of
// America", "Center for Internet Security", "Procter & Gamble").
// "And" is not one: "Google and Alcoa" are two names.
var spanConnectors = map[string]bool{"of": true, "for": true, "&": true, "de": true, "du": true,
	"von": true, "van": true, "on": true}

// nameDeterminers are dropped from the front of a span: the scorer and
// resolution read "The Packet Ledger" and "Packet Ledger" as one name.
var nameDeterminers = map[string]bool{"the": true, "a": true, "an": true}

func (c *compiler) modelRule(r *rule) {
	m, err := DefaultNameModel()
	if err != nil {
		c.errorf(nil, "%v", err)
		return
	}
	c.p.nameModel, c.p.nameRule = m, r.idx
}

// nameHeadLists are the pack lists whose words end names of bodies and
// companies ("Office", "Bureau", "Research"): a span of ordinary words
// the model reads must end in one ("Space Systems Department", not
// "Application Window Discovery").
var nameHeadLists = []string{"government_heads", "public_body_nouns", "government_department_nouns", "org_name_tails"}

// Pack lists of words that keep a span from the model as its last or
// first word (pack/model-names.yaml).
const (
	listNameStopLast  = "name_model_stop_last"
	listNameStopFirst = "name_model_stop_first"
	// Acronyms of jargon and roles the model never reads as a span of
	// one word ("PR", "DPO", "CERT").
	listNameStopAlone = "name_model_stop_alone"
	// Words that make a name holding a place a body's ("District of
	// Kansas") besides the heads of nameHeadLists.
	listNamePlaceHeads = "name_model_place_heads"
	// Words of a list intro whose items are companies, never people
	// (docState.companyListed).
	listNameCompanyIntros = "name_model_company_list_intros"
	// Phrases after which a name is the body someone speaks or works
	// for, never a person (docState.speaksFor).
	listNameNotPersonAfter = "name_model_not_person_after"
)

// nameWordLists group pack lists by what a word of them says about a
// capitalised name beside or inside it ("the regulator X", "X, a firm",
// "X said", "X Ministry"): the name model reads the group of each word
// near a span and of the span's own words (nameFeatures), so that what it
// learns from "firm" holds for "consultancy" and "vendor" too. A list's
// item of several words gives its last word ("security firm": firm).
var nameWordLists = []struct{ tag, list string }{
	{"org", "org_intro_nouns"}, {"org", "rel_firm_nouns"}, {"org", "described_company_heads"},
	{"orgtail", "org_name_tails"}, {"gov", "government_heads"}, {"gov", "public_body_nouns"},
	{"gov", "government_department_nouns"}, {"unit", "org_unit_heads"}, {"title", "person_titles"},
	{"title", "public_roles"}, {"title", "person_honorifics"}, {"personnoun", "person_nouns"},
	{"say", "person_speech_verbs"}, {"given", "given_names"}, {"given", "chinese_surnames"},
	{"product", "company_product_nouns"}, {"malnoun", "named_malware_nouns"}, {"malnoun", "named_tool_nouns"},
	{"actor", "actor_group_nouns"},
}

// nameWordTags maps each folded last word of the lists of nameWordLists
// to its groups.
func nameWordTags(lists map[string]*listSpec) map[string][]string {
	tags := map[string][]string{}
	for _, g := range nameWordLists {
		l, ok := lists[g.list]
		if !ok {
			continue
		}
		for _, it := range l.items {
			w := strings.Fields(it.s)
			if len(w) == 0 {
				continue
			}
			k := foldKey(w[len(w)-1])
			if !slices.Contains(tags[k], g.tag) {
				tags[k] = append(tags[k], g.tag)
			}
		}
	}
	return tags
}

// nameStops reads the lists of words that keep a span from the name model.
func (c *compiler) nameStops(lists map[string]*listSpec) {
	c.p.nameStopLast, c.p.nameStopFirst = c.singleWords(lists[listNameStopLast]), c.singleWords(lists[listNameStopFirst])
	c.p.nameStopAlone = c.singleWords(lists[listNameStopAlone])
	c.p.namePlaceHeads = c.singleWords(lists[listNamePlaceHeads])
	c.p.nameNotPersonAfter = nil
	if l := lists[listNameNotPersonAfter]; l != nil {
		for _, it := range l.items {
			var words []string
			for _, f := range strings.Fields(it.s) {
				words = append(words, foldKey(f))
			}
			if len(words) > 0 {
				c.p.nameNotPersonAfter = append(c.p.nameNotPersonAfter, words)
			}
		}
	}
}

// speaksFor reports whether the span at token lo follows a phrase of
// name_model_not_person_after ("a spokesperson for Velmorrow Biologics
// said"): the name is the body the speaker speaks for. The model reads
// "spokesperson" beside a name as a sign of a person, and the samples
// hold too few such sentences to teach it otherwise.
func (d *docState) speaksFor(lo int) bool {
	return len(d.p.nameNotPersonAfter) > 0 && d.notAfterMatch(d.p.nameNotPersonAfter, lo)
}

// nameHeads reads the words that end names of bodies (nameHeadLists) and
// the words of people's names.
func (c *compiler) nameHeads(lists map[string]*listSpec) {
	c.p.nameHeads = map[string]bool{}
	c.p.personNameWords = map[string]bool{}
	for _, l := range []string{"given_names", "chinese_surnames", "korean_surnames"} {
		for w := range c.singleWords(lists[l]) {
			c.p.personNameWords[w] = true
		}
	}
	for _, name := range nameHeadLists {
		if l, ok := lists[name]; ok {
			for _, it := range l.items {
				w := strings.Fields(it.s)
				if len(w) > 0 {
					c.p.nameHeads[foldKey(w[len(w)-1])] = true
				}
			}
		}
	}
}

// foldedWords returns the folded items of a list (nil list: an empty set);
// the compiler reads capitalized_stopwords with it too.
func foldedWords(l *listSpec) map[string]bool {
	m := map[string]bool{}
	if l != nil {
		for _, it := range l.items {
			m[foldKey(it.s)] = true
		}
	}
	return m
}

// ordinaryWords reports whether every word of tokens [lo, hi) is an
// ordinary English word in lower case (the tagger's lexicon).
func (d *docState) ordinaryWords(lo, hi int) bool {
	if d.an == nil {
		return false
	}
	for k := lo; k < hi; k++ {
		if spanConnectors[d.fold[k]] {
			continue
		}
		if !d.ordinary(k) {
			return false
		}
	}
	return true
}

// leadTags are the word classes of a capitalised sentence opener that is
// not part of the name after it ("Later Acme paid", "Yesterday Acme",
// "Do Acme"): adverbs, prepositions, verbs, pronouns and the like.
var leadTags = map[string]bool{"RB": true, "IN": true, "DT": true, "CC": true, "PRP": true, "PRP$": true,
	"WRB": true, "WDT": true, "WP": true, "MD": true, "VB": true, "VBD": true, "VBZ": true, "VBP": true,
	"VBG": true, "VBN": true, "TO": true, "EX": true, "CD": true, "RBR": true, "RBS": true}

// leadWord reports whether token k is such an opener.
func (d *docState) leadWord(k int) bool {
	tag, ok := d.wordTag(k)
	return ok && leadTags[tag]
}

// wordTag is the word class of token k in lower case: the tag the tagger
// always gives it, else the one its own-word feature weighs most.
func (d *docState) wordTag(k int) (string, bool) {
	if d.an == nil {
		return "", false
	}
	if tag, ok := d.an.LexicalTag(d.fold[k]); ok {
		return tag, true
	}
	return d.an.WordClass(d.fold[k])
}

// functionTags are the word classes no name holds: pronouns,
// determiners, prepositions, modals, wh-words. Adverbs and verbs are not
// among them: a rewriter's names hold "Overseas", "Nationwide", "Utilized".
var functionTags = map[string]bool{"PRP": true, "PRP$": true, "DT": true, "IN": true, "MD": true, "WDT": true,
	"WP": true, "WRB": true, "EX": true, "TO": true, "CC": true}

// holdsFunctionWord reports whether a word of tokens [lo, hi), other than
// a connector, is a function word ("SendData This", "Intrusion Into",
// "Here I").
func (d *docState) holdsFunctionWord(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if spanConnectors[d.fold[k]] {
			continue
		}
		if tag, ok := d.wordTag(k); ok && functionTags[tag] {
			return true
		}
	}
	return false
}

// lexiconWord reports whether the folded word w is an ordinary English
// word in lower case, by the tagger's lexicon (false without one).
func (d *docState) lexiconWord(w string) bool {
	if d.an == nil {
		return false
	}
	if _, ok := d.an.LexicalTag(w); ok {
		return true
	}
	return d.an.OrdinaryWord(w)
}

// ordinary reports whether token k is an ordinary English word in lower
// case, by the tagger's lexicon.
func (d *docState) ordinary(k int) bool { return d.lexiconWord(d.fold[k]) }

// NameCandidates runs the rules over a document, the name model off, and
// returns the spans the model would read, with their features.
func (p *Pack) NameCandidates(text string, sents []nlp.Sentence, an *nlp.Analyzer) []NameCandidate {
	// A pack without the model is used as it is: a copy is another pack,
	// for which the pooled states' word cache starts again (wordcache.go).
	q := p
	if p.names != nil {
		q = p.WithNameModel(nil)
	}
	var out []NameCandidate
	d := docPool.Get().(*docState)
	defer func() {
		d.reset()
		docPool.Put(d)
	}()
	d.init(q, text, sents, an, nil)
	d.collectNames = &out
	q.stages(d)
	d.collectNames = nil
	return out
}

// runNameModel is the name stage (see above).
func (d *docState) runNameModel() {
	m := d.p.names
	if m != nil && d.p.namesAuto && d.collectNames == nil && d.technicalDocument() {
		return
	}
	if m == nil && d.collectNames == nil {
		return
	}
	spans := d.nameSpans()
	if d.collectNames != nil {
		found := d.foundNameSpans()
		all := append(append([]nameSpan(nil), spans...), found...)
		feats := d.nameFeatures(all)
		for i, s := range all {
			c := NameCandidate{Start: d.tokStart[s.lo], End: d.tokEnd[s.hi-1], Text: s.text, Features: feats[i]}
			if i >= len(spans) {
				c.Found = s.found
			}
			*d.collectNames = append(*d.collectNames, c)
		}
		return
	}
	if len(spans) == 0 {
		return
	}
	feats := d.nameFeatures(spans)
	// A name is judged once per document: the mean of its occurrences'
	// probabilities, so a sentence-initial occurrence is read together
	// with the others.
	k := len(m.Classes)
	sum := map[string][]float64{}
	var probs []float64
	for i, s := range spans {
		probs = m.Probabilities(feats[i], probs)
		acc := sum[s.text]
		if acc == nil {
			acc = make([]float64, k+1)
			sum[s.text] = acc
		}
		for c, p := range probs {
			acc[c] += p
		}
		acc[k]++
	}
	var added []cand
	r := d.p.rules[d.p.nameRule]
	// A name the rules found, or a gazetteer holds, written otherwise
	// ("DC Leaks" beside "DCLeaks") is theirs, with their type: a proposal
	// of another type would only merge the two, here or in another
	// document, under a type the rules did not give.
	ruled := map[string]extractor.EntityType{}
	for ai := range d.acc {
		if c := &d.acc[ai]; !c.hide {
			ruled[squashName(d.text[c.start:c.end])] = c.typ
		}
	}
	for _, s := range spans {
		acc := sum[s.text]
		best := 0
		for c := 1; c < k; c++ {
			if best == 0 || acc[c] > acc[best] {
				best = c
			}
		}
		if !m.propose[best] || acc[best]/acc[k] < m.Threshold || d.p.stops.stops(m.types[best], s.text) >= 0 {
			continue
		}
		if m.types[best] == extractor.Person && (d.camelWords(s.lo, s.hi) || d.companyListed(s.lo) || d.speaksFor(s.lo)) {
			continue
		}
		if t, ok := ruled[squashName(s.text)]; ok && t != m.types[best] {
			continue
		}
		if t, _, ok := d.p.gazLookup(strings.Join(strings.Fields(s.text), "")); ok && s.hi-s.lo > 1 && t != m.types[best] {
			continue
		}
		// text stays empty: the mention's text is its surface, whatever
		// spacing it has; s.text is only the key of the name.
		added = append(added, cand{start: d.tokStart[s.lo], end: d.tokEnd[s.hi-1], rule: r.idx, prio: r.prio,
			typ: m.types[best]})
	}
	if len(added) == 0 {
		return
	}
	d.acc = append(d.dropPlacesInside(added), added...)
	sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
	d.index()
}

// dropPlacesInside returns the mentions without the places that lie
// inside a proposed name ("Wuhan" of "Wuhan Earthquake Monitoring
// Centre"): a name of a body is not a mention of its place, as a rule's
// longer match is not.
func (d *docState) dropPlacesInside(added []cand) []cand {
	keep := d.acc[:0]
	for _, c := range d.acc {
		inside := false
		for i := range added {
			if c.typ == extractor.Location && added[i].start <= c.start && c.end <= added[i].end {
				inside = true
				break
			}
		}
		if !inside {
			keep = append(keep, c)
		}
	}
	return keep
}

// nameSpan is a candidate span of tokens [lo, hi) in sentence si.
type nameSpan struct {
	lo, hi, si int
	text       string
	found      extractor.EntityType // foundNameSpans: the mention's type
	places     int                  // tokens of place mentions it holds
}

// placeOfNameWords reports whether a place mention is all name words
// ("Costa Rican", not "the United States" nor "N. Korea's").
func (d *docState) placeOfNameWords(c *cand) bool {
	if c.tokE <= c.tokS || d.tokStart[c.tokS] != c.start || d.tokEnd[c.tokE-1] != c.end {
		return false
	}
	for k := int(c.tokS); k < int(c.tokE); k++ {
		if !d.nameToken(k) && !spanConnectors[d.fold[k]] {
			return false
		}
	}
	return true
}

// holdsWholePlaces reports whether every place mention of tokens [s, end)
// lies whole in it, and a word besides places and connectors is there.
func (d *docState) holdsWholePlaces(place []int32, s, end int) bool {
	other := false
	for k := s; k < end; k++ {
		switch pi := place[k]; {
		case pi > 0:
			c := &d.acc[pi-1]
			if int(c.tokS) < s || int(c.tokE) > end {
				return false
			}
		case !spanConnectors[d.fold[k]]:
			other = true
		}
	}
	return other
}

// placeAndOrdinary reports whether tokens [s, end) are places and one
// ordinary word or word for people, unjoined ("Iranian Hackers",
// "Chinese Intelligence", not "District of Kansas").
func (d *docState) placeAndOrdinary(place []int32, s, end int) bool {
	n, ord := 0, true
	for k := s; k < end; k++ {
		if spanConnectors[d.fold[k]] {
			return false
		}
		if place[k] > 0 {
			continue
		}
		n++
		ord = ord && (d.ordinary(k) || d.peopleWord(k))
	}
	return n == 1 && ord && placeCount(place, s, end) > 0
}

// peopleWord reports whether token k, or its singular, is a word of the
// pack's lists of people and groups ("Hackers": "hacker" of
// person_nouns): the tagger's lexicon lacks many of them.
func (d *docState) peopleWord(k int) bool {
	w := d.fold[k]
	return d.hasWordTag(w, "personnoun", "actor") || strings.HasSuffix(w, "s") && d.hasWordTag(w[:len(w)-1], "personnoun", "actor")
}

// hasWordTag reports whether the folded word w is in a list of one of the
// groups of nameWordLists.
func (d *docState) hasWordTag(w string, tags ...string) bool {
	for _, t := range d.p.nameWordTags[w] {
		if slices.Contains(tags, t) {
			return true
		}
	}
	return false
}

// bodyAroundPlace reports whether tokens [s, end), which hold a place,
// read as the name of a body. No word may be a title or a person's name.
// The last word besides places and connectors must be a body's head
// ("Wuhan Earthquake Monitoring Centre", "Computer Emergency Response
// Team of Ukraine", "District of Kansas") or a word the tagger does not
// know, coined for a name ("Yanbian Silverstar", "NHS England"); a run
// that ends in such a word, not in its place, must begin with one or with
// the place too. Otherwise the run is a post, a person or an event with a
// place in it ("Ohio Secretary of State Frank LaRose", "Visitors of Paris
// Saint Germain", "Beijing Olympics"), and the place is the mention to
// keep.
func (d *docState) bodyAroundPlace(place []int32, s, end int) bool {
	last := -1
	for k := s; k < end; k++ {
		w := d.fold[k]
		if place[k] > 0 || spanConnectors[w] {
			continue
		}
		if d.hasWordTag(w, "title", "given") || d.p.personNameWords[w] {
			return false
		}
		last = k
	}
	nameLike := func(k int) bool { return place[k] > 0 || d.bodyHead(d.fold[k]) || d.coinedWord(k) }
	return last >= 0 && nameLike(last) && (last < end-1 || nameLike(s))
}

// bodyHead reports whether the folded word w ends names of bodies.
func (d *docState) bodyHead(w string) bool {
	return d.p.nameHeads[w] || d.p.namePlaceHeads[w] || d.hasWordTag(w, "org", "orgtail", "gov", "unit")
}

// coinedWord reports whether the tagger knows token k in no word class:
// a word made for a name, not an English one.
func (d *docState) coinedWord(k int) bool {
	_, ok := d.wordTag(k)
	return d.an != nil && !ok
}

// placeCount counts the tokens of [s, end) in place mentions.
func placeCount(place []int32, s, end int) int {
	n := 0
	for k := s; k < end; k++ {
		if place[k] > 0 {
			n++
		}
	}
	return n
}

// foundNameSpans returns the mentions the rules found that are shaped like
// the spans the model reads (capitalised, at most maxNameTokens long).
func (d *docState) foundNameSpans() []nameSpan {
	var out []nameSpan
	for ai := range d.acc {
		c := &d.acc[ai]
		lo, hi := int(c.tokS), int(c.tokE)
		if c.hide || hi <= lo || hi-lo > maxNameTokens || !d.nameToken(lo) || c.defanged {
			continue
		}
		out = append(out, nameSpan{lo: lo, hi: hi, si: int(d.sentOf[lo]), text: oneSpace(d.text[d.tokStart[lo]:d.tokEnd[hi-1]]), found: c.typ})
	}
	return out
}

// nameToken reports whether token k can be part of a name the model
// reads: a word of letters (and the hyphens, apostrophes, dots and
// ampersands names have) that starts with a capital letter, or a
// lower-case-first word with a capital inside ("i-Soon", "eFlint"). Words
// with digits or code punctuation ("C2", "SHA256", "Win32.Agent") are
// left alone: in technical reports they are jargon, never the companies,
// bodies, people and places the model is for.
func (d *docState) nameToken(k int) bool {
	t := d.tokText[k]
	if d.fileName(k) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	upperInside := false
	for i, c := range t {
		switch {
		case unicode.IsLetter(c):
			if i > 0 && unicode.IsUpper(c) {
				upperInside = true
			}
		case c == '-' || c == '\'' || c == '’' || c == '.' || c == '&':
		default:
			return false
		}
	}
	return unicode.IsUpper(r) || unicode.IsLower(r) && upperInside
}

// fileName reports whether token k ends in a file extension
// ("Panel.exe", "Report.pdf").
func (d *docState) fileName(k int) bool {
	t := d.tokText[k]
	i := strings.LastIndexByte(t, '.')
	return i > 0 && d.p.cti.fileExtensions[strings.ToLower(t[i+1:])]
}

// shouted reports whether every token of [lo, hi) is in capitals.
func (d *docState) shouted(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if !spanConnectors[d.fold[k]] && !allCaps(d.tokText[k]) {
			return false
		}
	}
	return true
}

// allCaps reports whether a word has no lower-case letter ("TTPs" has).
func allCaps(t string) bool { return strings.IndexFunc(t, unicode.IsLower) < 0 }

// nameSpans returns the maximal runs of name tokens (joined by a
// connector) that no mention touches, at most maxNameTokens long.
func (d *docState) nameSpans() []nameSpan {
	var out []nameSpan
	// busy marks every token a mention holds, by its byte span: index()
	// clips a mention's tokens at its first sentence end ("Palo Alto\n
	// Networks" runs on), and a suppress rule's match is in no cover.
	busy := make([]bool, len(d.tokText))
	// place marks the tokens of place mentions made of name words alone
	// ("Wuhan", "Costa Rican"), by the mention's index + 1, and no other
	// mention: a run may hold them whole ("Wuhan Earthquake Monitoring
	// Centre", "Washington State Auditor", "NHS England"), for the rules
	// read the place and stop.
	place := make([]int32, len(d.tokText))
	for i := range d.acc {
		c := &d.acc[i]
		for k := int(c.tokS); k < len(d.tokText) && d.tokStart[k] < c.end; k++ {
			if d.tokEnd[k] > c.start {
				busy[k] = true
				if c.typ == extractor.Location && !c.hide && place[k] == 0 {
					place[k] = int32(i) + 1
				} else {
					place[k] = -1
				}
			}
		}
	}
	for k, pi := range place {
		if pi > 0 && !d.placeOfNameWords(&d.acc[pi-1]) {
			place[k] = -1
		}
	}
	free := func(k int) bool { return !busy[k] }
	joinable := func(k int) bool { return !busy[k] || place[k] > 0 }
	code := make([]int8, len(d.sents)) // per sentence: 0 unknown, 1 prose, 2 code
	lines := d.lineFacts()
	for si := range d.sents {
		lo, hi := d.sentLo[si], d.sentLo[si+1]
		for k := lo; k < hi; {
			if !d.nameToken(k) || !joinable(k) {
				k++
				continue
			}
			e := k + 1
			for e < hi {
				switch {
				case d.nameToken(e) && joinable(e) && d.tokStart[e] > d.tokEnd[e-1]:
					e++
					continue
				case spanConnectors[d.fold[e]] && free(e) && e+1 < hi && d.nameToken(e+1) && joinable(e+1) &&
					(d.fold[e] == "of" || free(e-1) && free(e+1)):
					// a place joins by "of" alone: "District of Kansas",
					// not "Tarrowmere on Monday".
					e += 2
					continue
				}
				break
			}
			s, end := k, e
			k = e
			// The run must not touch a mention on either side: "Acme"
			// right before "Group" that a rule found is part of it. A
			// place it holds must be whole in it, and it must hold a word
			// besides places and connectors.
			if s > lo && !free(s-1) || end < hi && !free(end) {
				continue
			}
			if nameDeterminers[d.fold[s]] || end-s > 1 && d.sentenceInitial(s) && d.leadWord(s) && !spanConnectors[d.fold[s+1]] {
				s++
			}
			for s < end && spanConnectors[d.fold[s]] { // "The of Zellis", "A & E"
				s++
			}
			if !d.holdsWholePlaces(place, s, end) || placeCount(place, s, end) > 0 && !d.bodyAroundPlace(place, s, end) {
				continue
			}
			// One word in capitals is read ("the laboratory group SYNLAB",
			// "broadcasters BR and NDR", but also "NOC", "SSL"): its
			// context tells the model which it is (session 19: 10 more
			// names right in cross-validation, none wrong). A letter
			// alone is none.
			// Jargon and roles in capitals ("PR", "DPO", "CERT", "CISO";
			// name_model_stop_alone) are never names alone: news text
			// writes them beside "said" as it does a body.
			if s >= end || end-s > maxNameTokens || end-s == 1 && (d.p.capStop[d.fold[s]] || d.p.nameStopAlone[d.fold[s]] ||
				utf8.RuneCountInString(d.tokText[s]) < 2) {
				continue
			}
			// Ordinary words in capitals ("Intelligence", "Commonly Used
			// Port", "Global Threat Report") are titles, headings and
			// technique names far more often than names, unless they end
			// like the name of a body ("Space Systems Department").
			if d.ordinaryWords(s, end) && (end-s == 1 || !d.p.nameHeads[d.fold[end-1]]) {
				continue
			}
			// A place and one ordinary word is a description ("Iranian
			// Hackers", "Chinese Intelligence"), not a name the model can
			// tell from one ("Wuhan Earthquake Monitoring Centre").
			if d.placeAndOrdinary(place, s, end) {
				continue
			}
			if d.p.nameStopLast[d.fold[end-1]] || d.p.nameStopFirst[d.fold[s]] || d.holdsFunctionWord(s, end) {
				continue
			}
			// "Interestingly, ...": a sentence adverb the tagger does not know.
			if end-s == 1 && strings.HasSuffix(d.fold[s], "ly") && d.sentenceInitial(s) {
				continue
			}
			if code[si] == 0 {
				code[si] = 1
				if d.codeSentence(lo, hi) || d.titleCase(lo, hi) {
					code[si] = 2
				}
			}
			if code[si] == 2 {
				continue
			}
			// A file name's words ("Galaxy Security Panel.exe"), a
			// technique table's row and words in capitals ("HAMAD
			// INTERNATIONAL AIRPORT", a heading or a file's title) are not
			// names the model can read either.
			if d.beforeFileName(end, hi) || lines.technique(d.tokStart[s]) || end-s > 1 && d.shouted(s, end) {
				continue
			}
			// A label, not a party: a heading or a table cell that is
			// nothing but the span ("### Excel Macros Analysis", "|
			// **AV Score** |"), a table row that lists an indicator
			// ("| hxxp://... | URL | First Stage Script C&C |"), a
			// fragment of a longer name its acronym spells ("Information
			// and Communications Technology and Services (ICTS)").
			if lines.label(d.tokStart[s], d.tokEnd[end-1]) || lines.indicatorRow(d.tokStart[s]) ||
				d.acronymFragment(s, end, lo, hi) {
				continue
			}
			out = append(out, nameSpan{lo: s, hi: end, si: si, text: oneSpace(d.text[d.tokStart[s]:d.tokEnd[end-1]]),
				places: placeCount(place, s, end)})
		}
	}
	return out
}

// codeSentence reports whether the sentence of tokens [lo, hi) looks like
// code, configuration or a log ("Password": "x", Key=Value, C:\Path,
// {...}): its capitalised words are keys and values, not names. Read once
// per sentence, so a document of one long line costs no more than one of
// many.
func (d *docState) codeSentence(lo, hi int) bool {
	if hi <= lo {
		return false
	}
	t := d.text[d.tokStart[lo]:d.tokEnd[hi-1]]
	return strings.ContainsAny(t, "{}=\\<>") || strings.Contains(t, "\":")
}

// lineFacts answers questions about the line of a byte offset: whether it
// holds an ATT&CK technique id ("| T1027.002 | Software Packing |",
// "T1125 Video Capture": its capitalised words are technique and tactic
// names, not parties; table cells are sentences of their own, so the test
// reads the line), whether it is a table row listing an indicator, and
// whether a span is all of its heading or table cell. Lines are found once
// per document and each is read at most once per question, so a document
// of one long line costs no more than one of many.
type lineFacts struct {
	text       string
	starts     []int        // the byte offset of each line's start
	tech       map[int]bool // per line index
	indicators map[int]bool // lines holding an indicator mention
}

// lineFacts returns the document's lines, with those that hold an
// indicator mention marked.
func (d *docState) lineFacts() *lineFacts {
	t := &lineFacts{text: d.text, starts: []int{0}, tech: map[int]bool{}, indicators: map[int]bool{}}
	for i := 0; i < len(d.text); i++ {
		if d.text[i] == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
	for i := range d.acc {
		if c := &d.acc[i]; c.typ == extractor.Indicator && !c.hide {
			t.indicators[t.index(c.start)] = true
		}
	}
	return t
}

// index is the index of the line holding byte off.
func (t *lineFacts) index(off int) int { return sort.SearchInts(t.starts, off+1) - 1 }

// bounds are the byte offsets of line li, without its newline.
func (t *lineFacts) bounds(li int) (lo, hi int) {
	lo, hi = t.starts[li], len(t.text)
	if li+1 < len(t.starts) {
		hi = t.starts[li+1] - 1
	}
	return lo, hi
}

// technique reports whether the line of off holds a technique id.
func (t *lineFacts) technique(off int) bool {
	li := t.index(off)
	if v, ok := t.tech[li]; ok {
		return v
	}
	lo, hi := t.bounds(li)
	v := hasTechniqueID(t.text[lo:hi])
	t.tech[li] = v
	return v
}

// markdownRow reports whether a line is a row of a markdown table.
func markdownRow(line string) bool {
	line = strings.TrimSpace(line)
	return strings.HasPrefix(line, "|") && strings.Count(line, "|") >= 2
}

// indicatorRow reports whether the line of off is a table row that holds
// an indicator: the other cells describe the indicator ("C2 Server",
// "First Stage Payload"), they name no party.
func (t *lineFacts) indicatorRow(off int) bool {
	li := t.index(off)
	if !t.indicators[li] {
		return false
	}
	lo, hi := t.bounds(li)
	return markdownRow(t.text[lo:hi])
}

// label reports whether the span [start, end) is all of a heading ("##
// Malware Analysis", "**Malware Analysis**" alone on its line) or all of
// a table cell written in bold ("| **AV Score** |"), but for the markup
// and a closing colon: a section's or a field's title, not a party.
// A bare line or cell is not a label: lists of victims and tables of
// companies write names so.
func (t *lineFacts) label(start, end int) bool {
	lo, hi := t.bounds(t.index(start))
	if end > hi {
		return false
	}
	if markdownRow(t.text[lo:hi]) {
		if i := strings.LastIndexByte(t.text[lo:start], '|'); i >= 0 {
			lo += i + 1
		}
		if i := strings.IndexByte(t.text[end:hi], '|'); i >= 0 {
			hi = end + i
		}
	}
	before, after := strings.TrimSpace(t.text[lo:start]), strings.TrimSpace(t.text[end:hi])
	heading := strings.TrimLeft(before, "#") != before
	before = strings.TrimSpace(strings.TrimLeft(before, "#"))
	after = strings.Trim(after, " :")
	for _, m := range []string{"**", "__"} {
		if before == m && after == m {
			return true
		}
	}
	return heading && strings.Trim(before, "*_") == "" && strings.Trim(after, "*_:") == ""
}

// hasTechniqueID reports whether line holds an ATT&CK technique id as a word.
func hasTechniqueID(line string) bool {
	for i := strings.IndexByte(line, 'T'); i >= 0; {
		j := i + 1
		for j < len(line) && (line[j] >= '0' && line[j] <= '9' || line[j] == '.') {
			j++
		}
		id := strings.TrimSuffix(line[i:j], ".")
		if (i == 0 || !isWordByte(line[i-1])) && (j == len(line) || !isWordByte(line[j])) && techniqueID(id) {
			return true
		}
		k := strings.IndexByte(line[i+1:], 'T')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// techniqueID reports whether t is an ATT&CK technique id: T and four
// digits, optionally a dot and three more (T1059, T1027.002).
func techniqueID(t string) bool {
	if len(t) != 5 && len(t) != 9 || t[0] != 'T' {
		return false
	}
	for i := 1; i < len(t); i++ {
		c := t[i]
		if i == 5 {
			if c != '.' {
				return false
			}
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// titleCase reports whether the sentence of tokens [lo, hi) is written in
// title case, a headline or heading ("As Delta Variant Spreads, Themes
// Make Resurgence In Email Threats"): at least five words, nearly all
// capitalised, a function word among them past the first. Capitals there
// mark the line, not names; the names in it are read where the text
// repeats them.
func (d *docState) titleCase(lo, hi int) bool {
	words, caps, function := 0, 0, false
	for k := lo; k < hi; k++ {
		r, _ := utf8.DecodeRuneInString(d.tokText[k])
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if !unicode.IsUpper(r) {
			continue
		}
		caps++
		if k > lo && !function {
			if tag, ok := d.wordTag(k); ok && functionTags[tag] {
				function = true
			}
		}
	}
	return words >= 5 && function && caps*10 >= words*9
}

// maskType is the first entity type in m, for features.
func maskType(m typeMask) string {
	for i, t := range extractor.EntityTypes {
		if m&(1<<i) != 0 {
			return string(t)
		}
	}
	return ""
}

// beforeFileName reports whether the tokens from end to the sentence end
// hi reach a file name before any lower-case word ("Galaxy Security
// Panel.exe", "Dalmore Gas Project (Package B) -BULLETIN-01.pdf"): the
// span is part of the file's name.
func (d *docState) beforeFileName(end, hi int) bool {
	for k := end; k < hi && k < end+8; k++ {
		if d.fileName(k) {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(d.tokText[k]); unicode.IsLower(r) {
			return false
		}
	}
	return false
}

// acronymFragment reports whether the span [s, end) of sentence tokens
// [lo, hi) is part of a longer name joined by "and" that a parenthesised
// acronym spells ("Information and Communications Technology and
// Services (ICTS)", "Multi-State Information Sharing and Analysis Center
// (MS-ISAC)"): the rules or the text name the whole, a fragment is no
// party.
func (d *docState) acronymFragment(s, end, lo, hi int) bool {
	joins := func(k int) bool { return d.fold[k] == "and" || d.fold[k] == "&" || spanConnectors[d.fold[k]] }
	a := s
	for a-2 >= lo && joins(a-1) && d.nameToken(a-2) {
		a -= 2
		for a-1 >= lo && d.nameToken(a-1) {
			a--
		}
	}
	b := end
	for b+1 < hi && joins(b) && d.nameToken(b+1) {
		b += 2
		for b < hi && d.nameToken(b) {
			b++
		}
	}
	if a == s && b == end || b+2 >= hi || d.tokText[b] != "(" || d.tokText[b+2] != ")" {
		return false
	}
	acr := capitals(d.tokText[b+1])
	if len(acr) < 2 || !allCaps(d.tokText[b+1]) {
		return false
	}
	var whole strings.Builder
	for k := a; k < b; k++ {
		whole.WriteString(capitals(d.tokText[k]))
	}
	return whole.String() == acr
}

// capitals returns the capital letters of a word ("Multi-State": "MS").
func capitals(w string) string {
	var b strings.Builder
	for _, r := range w {
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// camelWords reports whether a span of several words holds a word with a
// capital inside it that is not a surname's ("EtterSilent DocuSign", not
// "Stewart McDonald", "Anne O'Neill" or "Jean-Luc Picard"): a person's
// full name is not written so, a product's or a template's is. A handle
// is one word ("GoldSun") and stays a person.
func (d *docState) camelWords(lo, hi int) bool {
	if hi-lo < 2 {
		return false
	}
	for k := lo; k < hi; k++ {
		w := d.tokText[k]
		for _, p := range []string{"Mc", "Mac", "O'", "O’", "D'", "D’", "De", "Di", "La", "Le"} {
			if strings.HasPrefix(w, p) {
				w = w[len(p):]
				break
			}
		}
		prev := ' '
		for i, r := range w {
			if i > 0 && unicode.IsUpper(r) && unicode.IsLower(prev) {
				return true
			}
			prev = r
		}
	}
	return false
}

// The document signals of the name model's automatic mode
// (WithNameModelAuto, docs/name-model.md): a document is technical when
// more than techMentionShare of the rules' mentions are malware, tools,
// indicators or vulnerabilities, or when it holds more than
// indicatorsPerThousand indicator mentions per thousand tokens. News,
// releases and advisories name parties and few artefacts (at most .25 and
// 7 on the paraphrased news of corpus/samples); malware analyses name
// artefacts (medians .45 to .54 and 10 to 11 on annoctr), and their
// capitalised words are products, protocols and techniques.
const (
	techMentionShare      = 0.3
	indicatorsPerThousand = 10
)

// technicalDocument reports whether the document reads as a technical
// report by those signals.
func (d *docState) technicalDocument() bool {
	tech, ind, all := 0, 0, 0
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide {
			continue
		}
		switch c.typ {
		case extractor.Indicator:
			ind++
			tech++
		case extractor.Malware, extractor.Tool, extractor.Vulnerability:
			tech++
		}
		all++
	}
	return float64(tech) > techMentionShare*float64(all) || float64(ind)*1000 > indicatorsPerThousand*float64(len(d.tokText))
}

// squashName is a name's letters and digits in lower case ("DC Leaks" and
// "DCLeaks" give "dcleaks").
func squashName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
