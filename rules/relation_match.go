package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// runRelations runs the relation rules over the accepted mentions (after
// aliases) and returns their matches. Mentions that relation slots create
// are added to d.acc.
func (d *docState) runRelations() []RelationMatch {
	if d.p.relPhase == nil && len(d.p.topics) == 0 && len(d.p.headlines) == 0 && len(d.p.namePlaces) == 0 && len(d.p.parties) == 0 {
		return nil
	}
	d.createTableKeys() // table_keys.go
	// Numbered units fill actor slots (relation_unit_actor.go).
	d.unitActors = true
	defer func() { d.unitActors = false; d.index() }()
	d.index()
	rs := &relState{d: d, fresh: map[extractor.Span]int{}, best: map[relKey]int{}}
	if d.p.relPhase != nil {
		d.runRelationRules(nil, func(r *rule, i, end int) { rs.found(r, i, end) })
	}
	if len(rs.added) > 0 {
		d.acc = append(d.acc, rs.added...)
		sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
		d.index() // startM and cover point into d.acc, which moved
		// A mention a slot created is a name the other rules may read too:
		// "said X, who leads research at Y in Calgary" makes Y an
		// organisation (rel.employed-by.cooccur), whose place the
		// located-in rules then find. The sentences holding such names
		// (organisations, bodies, people: not the kinds of victim a target
		// slot makes of words) are read once more; what that creates stays
		// as it is.
		only := map[int]bool{}
		for _, c := range rs.added {
			if !rereadTypes[c.typ] {
				continue
			}
			if k := d.accAt(extractor.Span{Start: c.start, End: c.end}); k >= 0 {
				only[int(d.sentOf[d.acc[k].tokS])] = true
			}
		}
		n := len(rs.added)
		if len(only) > 0 {
			d.runRelationRules(only, func(r *rule, i, end int) { rs.found(r, i, end) })
		}
		if len(rs.added) > n {
			d.acc = append(d.acc, rs.added[n:]...)
			sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
			d.index()
		}
	}
	d.stage("topic relations")
	d.topicFallback(rs) // relation_fallback.go
	// Units, companies and people that lead their own case's block
	// (relation_party_subject.go).
	d.partySubjectRelations(rs)
	// A sector target named by a longer kind (relation_kind_widen.go).
	rs.widenKinds()
	// The kinds of victim listed beside a sector target (relation_coord_kinds.go).
	if kinds := rs.coordKinds(); len(kinds) > 0 {
		d.acc = append(d.acc, kinds...)
		sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
		d.index()
	}
	// Headline rules may create the body a title names (relation_headline.go).
	d.stage("headline relations")
	if bodies := d.headlineRelations(rs); len(bodies) > 0 {
		d.acc = append(d.acc, bodies...)
		sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
		d.index()
	}
	d.namePlaceRelations(rs) // relation_name_place.go
	out := make([]RelationMatch, 0, len(rs.out))
	for _, m := range rs.out {
		if m.Rule != "" {
			out = append(out, m)
		}
	}
	// A loose tie that supersedes a precise one ("X had direct ties to Y"
	// over the attribution read in "ties") drops it first, then stays.
	out = dropSuperseded(out)      // relation_redundant.go
	out = dropLooseTies(out)       // relation_redundant.go
	out = d.dropCountryInTown(out) // relation_place_scale.go
	out = d.productTargets(out)    // relation_products.go
	sortRelations(out)
	return out
}

// rereadTypes are the types of the names a relation slot creates whose
// sentences the relation rules read once more.
var rereadTypes = map[extractor.EntityType]bool{extractor.Organization: true, extractor.Government: true,
	extractor.Person: true}

// sortRelations orders matches by sentence, then source, then target: the
// order of the text, whichever rule kind found them.
func sortRelations(rels []RelationMatch) {
	sort.SliceStable(rels, func(a, b int) bool {
		x, y := rels[a], rels[b]
		if x.Sentence.Start != y.Sentence.Start {
			return x.Sentence.Start < y.Sentence.Start
		}
		if x.Source.Start != y.Source.Start {
			return x.Source.Start < y.Source.Start
		}
		return x.Target.Start < y.Target.Start
	})
}

var prepositions = map[string]bool{"of": true, "with": true, "from": true, "to": true, "by": true, "against": true,
	"on": true, "at": true, "for": true, "into": true, "about": true, "like": true, "than": true, "between": true,
	"among": true, "versus": true, "vs": true, "vs.": true, "via": true, "under": true, "over": true, "in": true}

// afterPreposition reports whether token i follows a preposition, perhaps
// across a determiner: "in association with the MSS bureau" is no subject.
func (d *docState) afterPreposition(i int) bool {
	lo := d.sentLo[d.sentOf[i]]
	j := i - 1
	if j > lo && determiners[d.fold[j]] {
		j--
	}
	if j > lo && d.fold[j] == "to" && d.fold[j-1] == "according" {
		// "according to X, analyst at Y": X is who speaks, as with
		// "said X", not the object of a preposition.
		return false
	}
	if j >= lo && d.fold[j] == "of" && j == i-1 && possessivePronouns[d.fold[i]] && j > lo && partitives[d.fold[j-1]] &&
		i+1 < len(d.fold) && activityNouns[d.fold[i+1]] {
		// "a large share of its activity hits X", "most of their attacks
		// target Y": the owner of the activity is the subject.
		return false
	}
	return j >= lo && prepositions[d.fold[j]]
}

// afterTitledPreposition reports whether the name at token i follows a
// preposition across a title in capitals and the words of that title
// ("Gov.", "Mayor", list rel_title_words, and the capitalised words that
// qualify it): in "an aide to New York Governor A worked for Y" and "a
// spokesman for Senator A" A is the object of "to", "for", not the subject
// of the verb after it. "According to Director A, ..." is who speaks.
func (d *docState) afterTitledPreposition(i int) bool {
	lo := d.sentLo[d.sentOf[i]]
	j, titled := i-1, false
	for steps := 0; j >= lo && steps < 6; j, steps = j-1, steps+1 {
		t := d.tokText[j]
		if t == "" || !unicode.IsUpper([]rune(t)[0]) {
			break
		}
		if d.p.cti.titleWords[d.fold[j]] {
			titled = true
		}
	}
	if !titled || j < lo {
		return false
	}
	if j > lo && determiners[d.fold[j]] {
		j--
	}
	if d.fold[j] == "to" && j > lo && d.fold[j-1] == "according" {
		return false
	}
	return prepositions[d.fold[j]]
}

// afterAccordingTo reports whether token i follows "according to",
// perhaps across a determiner.
func (d *docState) afterAccordingTo(i int) bool {
	lo := d.sentLo[d.sentOf[i]]
	j := i - 1
	if j > lo && determiners[d.fold[j]] {
		j--
	}
	return j-1 >= lo && d.fold[j] == "to" && d.fold[j-1] == "according"
}

// possessivePronouns and partitives make "much of its activity" a subject
// whose owner acts (afterPreposition).
var possessivePronouns = map[string]bool{"its": true, "their": true}

// activityNouns are what an actor does, so that its owner is the doer:
// "much of its work from an office in Chengdu" says where, not who.
var activityNouns = map[string]bool{"activity": true, "activities": true, "attacks": true, "operations": true,
	"intrusions": true, "campaigns": true, "targeting": true, "phishing": true, "attempts": true, "efforts": true}

var partitives = map[string]bool{"share": true, "most": true, "much": true, "part": true, "bulk": true, "majority": true,
	"portion": true, "proportion": true, "half": true, "some": true, "all": true, "many": true, "fraction": true}

var determiners = map[string]bool{"the": true, "a": true, "an": true}

// objectPronouns refer to an earlier mention but are never the subject of
// a clause.
var objectPronouns = map[string]bool{"them": true, "him": true}

// objectItSaying are the verbs of saying, describing and naming after which
// "it" opens a clause ("saying it had targeted ...", "describes it as
// ...") rather than being their object (objectIt).
var objectItSaying = map[string]bool{"saying": true, "say": true, "said": true, "claiming": true, "claim": true,
	"noting": true, "stating": true, "warning": true, "adding": true, "arguing": true, "explaining": true,
	"suggesting": true, "concluding": true, "believing": true, "reporting": true, "thinking": true, "finding": true,
	"found": true, "assessing": true, "judging": true, "alleging": true, "showing": true, "shown": true, "indicating": true,
	// verbs of describing and naming: "describes it as operating from China"
	"describe": true, "describes": true, "described": true, "describing": true, "characterise": true,
	"characterises": true, "characterised": true, "characterize": true, "characterizes": true, "characterized": true,
	"portray": true, "portrays": true, "portrayed": true, "depict": true, "depicts": true, "depicted": true,
	"regard": true, "regards": true, "regarded": true, "view": true, "views": true, "viewed": true, "see": true,
	"sees": true, "seen": true, "consider": true, "considers": true, "considered": true, "call": true, "calls": true,
	"called": true, "calling": true, "name": true, "named": true, "naming": true, "label": true, "labels": true,
	"labelled": true, "labeled": true, "dub": true, "dubbed": true, "track": true, "tracks": true, "tracked": true,
	"tracking": true, "make": true, "makes": true, "made": true, "making": true, "let": true, "lets": true, "letting": true,
	"help": true, "helped": true, "helps": true, "helping": true}

// subordinators open an adverbial clause before the main one.
var subordinators = map[string]bool{"once": true, "when": true, "after": true, "since": true, "while": true,
	"if": true, "before": true, "until": true, "unless": true, "whenever": true, "although": true, "though": true}

// objectIt reports whether the source span [i, e) is "it" as the object of
// the verb before it: "operators started exploiting it shortly after, and
// had compromised ..." is not about the flaw. Only a participle or a bare
// verb ("exploiting it", "had patched it", "to use it"), not a verb of
// objectItSaying.
func (d *docState) objectIt(i, e int) bool {
	if e != i+1 || d.fold[i] != "it" || i == 0 || d.sentOf[i-1] != d.sentOf[i] {
		return false
	}
	if objectItSaying[d.fold[i-1]] {
		return false
	}
	// "Once installed it downloads ...", "Since emerging it has ...": a
	// participle after a subordinator (or opening the sentence) is a
	// clause of its own, and "it" the subject after it.
	if v := i - 1; v == d.sentLo[d.sentOf[v]] || v-1 >= d.sentLo[d.sentOf[v]] && subordinators[d.fold[v-1]] {
		return false
	}
	switch d.pos(i - 1) {
	case "VBG", "VBN", "VB":
		return true
	}
	return false
}

// relativeSubject reports whether the mention ending before token e is the
// subject of a relative clause that follows it, perhaps after a head noun
// or a noun phrase in apposition:
// in "tied the command to the CyberAv3ngers persona, which defaced ..."
// the persona did the defacing, though a preposition comes before it.
func (d *docState) relativeSubject(e int) bool {
	if e >= len(d.sentOf) {
		return false
	}
	hi := d.sentHi(e)
	j := e
	for k := 0; k < 2 && j < hi && d.tokText[j] != "" && isLowerWord(d.tokText[j]) && !prepositions[d.fold[j]] &&
		d.fold[j] != "and" && d.fold[j] != "or"; k++ {
		j++
	}
	if j+1 >= hi || d.fold[j] != "," {
		return false
	}
	// ", which ..."; or a noun phrase in apposition and its relative
	// clause: in "linked the campaign to APT38, a separate cluster that
	// researchers have tied to the RGB" the clause is about APT38 too.
	r := d.relativeAfterComma(j, hi)
	if r < 0 {
		r = d.relativeAfterAside(j, hi)
	}
	if r < 0 { // ", a campaign it had exposed in 2013 that ..." (relation_reduced_relative.go)
		r = d.relativeAfterReduced(j, hi)
	}
	return r >= 0 && d.fold[r] != "whose"
}

// relativeAfterAside returns the relative pronoun (who, which) right after
// a short noun phrase in apposition set off by commas, opened by a
// determiner or by a capitalised owner and "'s": in "the files were meant
// for A, B's business partner, who lives in China" and "a letter to A, a
// lawyer, who lived in Leeds" the clause is about A. -1 when there is none.
func (d *docState) relativeAfterAside(t, end int) int {
	if t+1 >= end || d.fold[t] != "," {
		return -1
	}
	j := t + 1
	switch {
	case appositionDeterminers[d.fold[j]]:
		j++
	default:
		// "B's", "Tarn Labs'": up to three capitalised words and a possessive
		k := j
		for k < end && k < j+3 && startsUpper(d.tokText[k]) {
			k++
		}
		if k == j || k >= end || !possessiveMark(d.fold[k]) {
			return -1
		}
		j = k + 1
	}
	for n := 0; j < end && n < appositionHeadWords; j, n = j+1, n+1 {
		switch f := d.fold[j]; f {
		case ",":
			if j+1 < end && (d.fold[j+1] == "who" || d.fold[j+1] == "which") {
				return j + 1
			}
			return -1
		case ".", ";", ":", "and", "or", "\"", "(", ")":
			return -1
		}
		if relativePronouns[d.fold[j]] {
			return -1
		}
	}
	return -1
}

// innerListItem reports whether the mention at tokens [s, e) is an inner
// member of a comma list whose member before it is a mention too: in "the
// charges cover NotPetya, Olympic Destroyer, the 2017 election and attacks
// on Georgia" no list member is the subject of the attacks.
func (d *docState) innerListItem(s, e int) bool {
	lo := d.sentLo[d.sentOf[s]]
	if s-2 < lo || d.fold[s-1] != "," || e >= d.sentHi(s) || d.fold[e] != "," {
		return false
	}
	for k := s - 2; k >= lo && k >= s-8; k-- { // the mention that ends before the comma
		if mi := d.startM[k]; mi >= 0 {
			return int(d.acc[mi].tokE) == s-1
		}
	}
	return false
}

// isLowerWord reports whether s starts with a lower-case letter.
func isLowerWord(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

type relKey struct {
	typ    string
	source extractor.Span
	target extractor.Span
}

// relState collects the matches of one document.
type relState struct {
	d     *docState
	out   []RelationMatch
	best  map[relKey]int         // index in out of the match kept for a key
	fresh map[extractor.Span]int // span → index in added of a mention a slot created
	added []cand
	ct    *corefTopics // the topics anaphors prefer (relation_coref_topic.go), on first use
	// The mentions of actors the text declines to blame
	// (relation_topic_aside.go), on first use.
	declined map[extractor.Span]bool
}

// endpoint is a resolved slot span.
type endpoint struct {
	span  extractor.Span
	coref string
}

func (rs *relState) found(r *rule, i, end int) {
	d := rs.d
	srcs := d.splitLeadingPlace(slotSpans(d.m.caps, r.rel.src), r.rel.srcMask)
	tgts := d.splitLeadingPlace(slotSpans(d.m.caps, r.rel.tgt), r.rel.tgtMask)
	// "The company, i-Soon, did work for ...": the phrase is the name's
	// (relation_apposed_anaphor.go).
	srcs, tgts = d.dropApposedAnaphors(srcs), d.dropApposedAnaphors(tgts)
	// "a unit of the conglomerate Vingroup": the name, not an anaphor
	// (relation_apposed_anaphor.go).
	srcs, tgts = d.dropTitledAnaphors(srcs, r.rel.srcMask), d.dropTitledAnaphors(tgts, r.rel.tgtMask)
	// ", and the VDA, the industry association, has urged ...": a member
	// that opens a clause of its own (relation_list_aside_subject.go).
	if coordTypes[r.rel.typ] {
		tgts = d.dropClauseSubjects(tgts)
	}
	if len(srcs) == 0 || len(tgts) == 0 {
		return
	}
	// A rule that starts with its source reads it as the subject of the
	// clause; the object of a preposition is none ("a sub-set of Lazarus
	// Group, and has been attributed to X" says nothing of Lazarus Group).
	// Nor is an object pronoun ("Through them the group reached ...").
	if r.rel.srcFirst && ((d.afterPreposition(i) || d.afterTitledPreposition(i)) && !d.relativeSubject(srcs[0].end) || d.innerListItem(i, srcs[0].end) ||
		objectPronouns[d.fold[i]] && i+1 == srcs[0].end && !d.describedObject(i) || d.objectIt(i, srcs[0].end)) {
		return
	}
	// "Amazon Fire Stick devices targeted users": a company named before
	// a capitalised word no mention covers is a product's maker, not the
	// subject (relation_product_maker.go); its victims are still named
	// (the mentions the target slot creates stay), but not as its.
	maker := r.rel.srcFirst && r.rel.typ == "targets" && d.productMaker(srcs[0])
	// "Microsoft demanded payment from Verizon", "CrowdStrike's faulty
	// update knocked out airlines": a verb of damage or extortion makes a
	// company no attacker (relation_company_damage.go).
	companyDamage := r.rel.srcFirst && r.rel.typ == "targets" && d.damageBetween(srcs, tgts)
	// "Forest Blizzard, a crew it ties to Unit 26165": the pronoun is no
	// party to what its relative clause says of the noun before it
	// (relation_contact_relative.go).
	if d.contactSource(srcs, tgts) {
		return
	}
	// "Red October, a campaign it had exposed that spied on A": "it" is the
	// subject of the reduced clause only (relation_reduced_relative.go).
	if r.rel.srcFirst && coordTypes[r.rel.typ] && d.insideReducedRelative(i, end) {
		return
	}
	// "It was the first time London ..." (relation_expletive.go)
	if d.expletiveEnd(srcs, tgts) {
		return
	}
	// "According to X, the group compromised Y": X says what happened; it
	// targets, uses or exploits nothing (the speaker of an employed-by
	// match, "according to X, analyst at Y", stays).
	if r.rel.srcFirst && coordTypes[r.rel.typ] && d.afterAccordingTo(i) {
		return
	}
	// "After meeting the defence minister, Ana Torres flew home": no
	// apposition crosses the comma of a fronted clause
	// (relation_fronted_clause.go).
	if r.rel.apposition && d.acrossFrontedClause(i, srcs[0].start, srcs[0].end) {
		return
	}
	cues := d.relationCues
	if r.rel.apposition {
		cues = d.appositionCues
	}
	// "Russia's embassy in Berlin" is Russia's, not in Russia
	// (relation_inner_place.go).
	if d.envoyHome(r, srcs, tgts) {
		return
	}
	ci, cend := i, end
	// "Russia's embassy in Berlin rejected the accusations", "Neither the
	// ministry nor the Chinese embassy in New Delhi responded": a place
	// the noun phrase itself gives is no part of what the clause denies
	// (relation_inner_place.go).
	if s, e, ok := d.innerPlace(r, srcs, tgts); ok {
		cues, ci, cend = d.appositionCues, s, e
	}
	negated, hedge := cues(ci, cend)
	if negated {
		return
	}
	// Resolve direct mentions first, so an anaphor never resolves to the
	// other end of its own relation.
	var direct []extractor.Span
	for _, c := range append(append([]capRec(nil), srcs...), tgts...) {
		if d.mentionAt(c.bs, c.be) != nil {
			direct = append(direct, extractor.Span{Start: c.bs, End: c.be})
		}
	}
	var sources, targets []endpoint
	for _, c := range srcs {
		if set := d.peopleSet(c, r.rel.srcMask); set != nil { // "five nationals ... Two of them, A and B" (relation_group.go)
			sources = append(sources, set...)
			continue
		}
		if e, ok := rs.resolve(r, c, r.rel.srcMask, r.rel.srcOrder, r.slotTypes[r.rel.src], direct); ok {
			sources = append(sources, d.groupEnds(c, e, direct)...) // plural people (relation_group.go)
		}
	}
	for _, c := range tgts {
		if set := d.colonSet(c, r.rel.tgtMask); set != nil { // "three companies:" and a paragraph on each (relation_group.go)
			targets = append(targets, set...)
			continue
		}
		if e, ok := rs.resolve(r, c, r.rel.tgtMask, r.rel.tgtOrder, r.slotTypes[r.rel.tgt], direct); ok {
			targets = append(targets, d.groupEnds(c, e, direct)...)
		}
	}
	// The other members of a coordinated subject the source closes, and of
	// a coordinated list the target belongs to (relation_lists.go).
	if r.rel.srcFirst && coordTypes[r.rel.typ] || r.rel.srcLead && subjectCoordTypes[r.rel.typ] {
		for _, e := range sources {
			// A singular apposition describes the last member only, but
			// the verb after it is every member's: "A, who ran the
			// servers, and B, a veteran hacker, deployed PlugX". For the
			// ecosystem relations too when every member has an aside of
			// its own and the relation comes after the last one closes
			// (parallelAsides).
			if e.coref != "" {
				continue
			}
			singular := !coordTypes[r.rel.typ] && d.singularApposition(e.span)
			if singular && !d.parallelAsides(e.span, targets) {
				continue
			}
			members := d.sourceMembers(e.span, r.rel.srcMask, direct)
			if singular && !d.membersHaveAsides(members) {
				continue
			}
			if !coordTypes[r.rel.typ] && d.aliasList(members) {
				members = nil
			}
			for _, x := range members {
				if !hasEndpoint(sources, x.span) {
					sources = append(sources, x)
				}
			}
		}
	}
	for _, e := range targets {
		if e.coref == "" && coordTypes[r.rel.typ] {
			for _, x := range d.coordMembers(e.span, r.rel.tgtMask, direct) {
				if !hasEndpoint(targets, x.span) {
					targets = append(targets, x)
				}
			}
		}
	}
	if maker {
		return // the victims' mentions stay, with no source
	}
	// The places of the victims ("chip makers in Europe and Asia") are
	// targets too (relation_victim_places.go), also for a rule that takes
	// only sectors: the places are no guess of its own.
	if r.rel.typ == "targets" &&
		r.rel.srcMask&maskOf(extractor.Person) == 0 {
		for _, x := range d.victimPlaces(targets) {
			if !hasEndpoint(targets, x.span) {
				targets = append(targets, x)
			}
		}
	}
	// Machines borrowed as relays are no victims: "routed their traffic
	// through hacked computers at American universities"
	// (relation_topic_relay.go).
	if r.rel.typ == "targets" {
		kept := targets[:0]
		for _, e := range targets {
			if lo, _, ok := d.tokenRange(e.span.Start, e.span.End); ok && e.coref == "" && d.relayedPlace(int(lo)) {
				continue
			}
			kept = append(kept, e)
		}
		targets = kept
	}
	if possessedTypes[r.rel.typ] {
		for _, e := range targets {
			if x, ok := d.possessedBody(e, r.rel.tgtMask); ok && !hasEndpoint(targets, x.span) {
				targets = append(targets, x)
			}
			if x, ok := d.prefixedParent(e, r.rel.tgtMask); ok && !hasEndpoint(targets, x.span) {
				targets = append(targets, x)
			}
		}
	}
	si := d.sentOf[i]
	sent := extractor.Span{Start: d.sents[si].Start, End: d.sents[si].End}
	if end-1 == d.listStop && end-1 > i { // the stop read after a list's last item (relation_index.go)
		end--
	}
	listRead := false
	if last := d.sentOf[end-1]; last != si { // a bullet list read with its intro (relation_lists.go)
		sent.End = d.sents[last].End
		listRead = true
	}
	emit := func(typ string, s, t endpoint) {
		if s.span == t.span || d.ownPlaceElsewhere(r, s.span, t.span) { // relation_own_place.go
			return
		}
		if listRead && s.coref == "" && t.coref == "" && d.otherItems(int(si), s.span, t.span) { // relation_lists.go
			return
		}
		if typ == "targets" && d.unitVictim(s.span, t.span) { // relation_unit_actor.go
			return
		}
		if typ == "targets" && t.coref == "" && d.closingSpeaker(t.span) { // relation_closing_speaker.go
			return
		}
		if typ == "targets" && s.coref != "" && rs.declinedActor(s.span) { // relation_topic_aside.go
			return // "Victims included ..." after "stopped short of attributing the campaign to FIN11"
		}
		if companyDamage && typ == "targets" && d.companyEnd(s.span) {
			return
		}
		coref := s.coref
		if t.coref != "" {
			coref = strings.TrimPrefix(coref+"; "+t.coref, "; ")
		}
		m := RelationMatch{Type: typ, Source: s.span, Target: t.span, Sentence: sent, Rule: r.id,
			Priority: r.prio, Hedge: hedge, Coref: coref, supersedes: r.rel.supersedes}
		k := relKey{m.Type, m.Source, m.Target}
		if j, ok := rs.best[k]; ok {
			if rs.out[j].Priority >= m.Priority {
				return
			}
			rs.out[j] = RelationMatch{} // replaced by a higher-priority rule
		}
		rs.best[k] = len(rs.out)
		rs.out = append(rs.out, m)
	}
	for _, s := range sources {
		for _, t := range targets {
			emit(r.rel.typ, s, t)
			// attributed malware is its actor's tool (relation_malware_owner.go)
			if r.rel.typ == "attributed-to" && d.usesOfAttribution(s, t, i, end) {
				emit("uses", t, s)
			}
		}
	}
	// The parents named with a target body ("Center 16 of Russia's FSB")
	// are the actor's too (relation_parent_chain.go).
	if chainTypes[r.rel.typ] {
		var parents []chained
		for _, t := range targets {
			parents = append(parents, d.parentChain(t, r.rel.typ)...)
		}
		for _, s := range sources {
			if m := d.accAt(s.span); len(parents) == 0 || m < 0 || maskOf(d.acc[m].typ)&chainSources == 0 {
				continue
			}
			for _, p := range parents {
				if !hasEndpoint(targets, p.end.span) {
					emit(p.typ, s, p.end)
				}
			}
		}
	}
}

// possessedTypes are the relation types whose target, when it owns the
// body named right after it, reaches that body too: "officers of the
// army's Unit 12345" work for the unit as well as for the army, and "a
// contractor for the ministry's Guangdong bureau" serves the bureau.
var possessedTypes = map[string]bool{"employed-by": true, "contractor-of": true}

// possessedBody returns the mention of the kinds mask allows that follows
// a directly named target e across "'s" ("the FSB's Unit 64110").
func (d *docState) possessedBody(e endpoint, mask typeMask) (endpoint, bool) {
	if e.coref != "" {
		return endpoint{}, false
	}
	m := d.mentionAt(e.span.Start, e.span.End)
	if m == nil {
		return endpoint{}, false
	}
	t := int(m.tokE)
	if t+1 >= len(d.tokText) || d.tokText[t] != "'s" || d.sentOf[t+1] != d.sentOf[m.tokS] {
		return endpoint{}, false
	}
	j := d.startM[t+1]
	if j < 0 || d.acc[j].hide || maskOf(d.acc[j].typ)&mask == 0 {
		return endpoint{}, false
	}
	return endpoint{span: extractor.Span{Start: d.acc[j].start, End: d.acc[j].end}}, true
}

// coordTypes are the relation types a coordinated list of targets shares:
// an actor targets, uses or exploits every member. Places and parents are
// left out: "offices in Dalian, China, and in Pyongyang" lists places in
// places, and "the FBI, CISA and the UK's NCSC" no parents.
var coordTypes = map[string]bool{"targets": true, "uses": true, "exploits": true}

// subjectCoordTypes are the further relation types a coordinated subject
// shares: "Kimsuky and Andariel are units of the RGB", "A and B, two
// hackers the FBI links to APT27". Only the subject side: a list of
// parents or employers after the verb names alternatives as often as a
// set ("worked for X or Y", "X and its parent Y").
var subjectCoordTypes = map[string]bool{"part-of": true, "attributed-to": true, "sponsored-by": true,
	"affiliated-with": true, "employed-by": true, "contractor-of": true}

// singularApposition reports whether the mention at sp is followed by a
// singular noun phrase in apposition ("A and B, a firm owned by Y", "A
// and B, the research team of Y"), which describes the last member only;
// "A and B, two hackers tied to Y" and "A and B, the units of Y" describe
// both.
func (d *docState) singularApposition(sp extractor.Span) bool {
	k := d.accAt(sp)
	if k < 0 {
		return false
	}
	t := int(d.acc[k].tokE)
	hi := d.sentHi(t - 1)
	if t+1 < hi && d.tokText[t] == "(" { // "A and B (BC), a firm ..."
		if t = d.bracketEnd(t, hi); t < 0 {
			return false
		}
	}
	if t+1 >= hi || d.tokText[t] != "," {
		return false
	}
	switch d.fold[t+1] {
	case "a", "an", "another":
		return true
	case "the":
		for j := t + 2; j < hi && j < t+5 && isLowerWord(d.tokText[j]); j++ {
			if numberWords[d.fold[j]] > 0 || d.fold[j] == "both" || d.fold[j] == "several" || pluralLooking(d.fold[j]) {
				return false
			}
		}
		return true
	}
	return false
}

// parallelAsides reports whether the aside after the subject member at sp
// (", an employee at the same office,") closes with a comma before every
// target starts: then the relation is stated after it, by the verb of the
// whole subject ("A, the IT manager, and B, an employee at the same office,
// were recruited by Y"), not inside it ("A and B, a firm owned by Y").
func (d *docState) parallelAsides(sp extractor.Span, targets []endpoint) bool {
	k := d.accAt(sp)
	if k < 0 || len(targets) == 0 {
		return false
	}
	t := int(d.acc[k].tokE)
	hi := d.sentHi(t - 1)
	if t+1 >= hi || d.fold[t] != "," {
		return false
	}
	for j := t + 1; j < hi && j <= t+memberAsideMaxTokens; j++ {
		switch d.fold[j] {
		case ".", ";", ":", "(", ")":
			return false
		case ",":
			for _, x := range targets {
				if x.span.Start < d.tokEnd[j] {
					return false
				}
			}
			return true
		}
	}
	return false
}

// membersHaveAsides reports whether every one of members, the other
// members of a coordinated subject (sourceMembers: the one next to the
// verb is not among them), carries an aside of its own between commas:
// "A, the IT manager of the office, and B, ...".
func (d *docState) membersHaveAsides(members []endpoint) bool {
	if len(members) == 0 {
		return false
	}
	for _, m := range members {
		k := d.accAt(m.span)
		if k < 0 {
			return false
		}
		t := int(d.acc[k].tokE)
		hi := d.sentHi(t - 1)
		if t+1 >= hi || d.fold[t] != "," || !asideOpeners[d.fold[t+1]] {
			return false
		}
	}
	return true
}

// pluralLooking reports whether a lower-case word looks like a plural noun:
// it ends in "s" but not in "ss", "us" or "is" ("units", not "business").
func pluralLooking(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// aliasList reports whether the members of a coordinated subject follow
// a naming word: in "APT33, also called Elfin and Refined Kitten, is tied
// to Y" they are names of APT33, not further subjects. "Named", which
// also means charged ("named A and B, two hackers"), does not count.
func (d *docState) aliasList(members []endpoint) bool {
	if len(members) == 0 {
		return false
	}
	k := d.accAt(members[len(members)-1].span) // the first member in the text
	if k < 0 {
		return false
	}
	t := int(d.acc[k].tokS) - 1
	return t >= 0 && (namingWords[d.fold[t]] && d.fold[t] != "named" && d.fold[t] != "names" || d.fold[t] == "aka")
}

func hasEndpoint(es []endpoint, sp extractor.Span) bool {
	for _, e := range es {
		if e.span == sp {
			return true
		}
	}
	return false
}

// resolve turns a slot span into a mention span: the mention itself, the
// antecedent of an anaphor, or a new mention of the slot's type.
func (rs *relState) resolve(r *rule, c capRec, mask typeMask, order []typeMask, slotType extractor.EntityType, direct []extractor.Span) (endpoint, bool) {
	d := rs.d
	if m := d.mentionAt(c.bs, c.be); m != nil {
		if maskOf(m.typ)&mask == 0 && (m.typ == extractor.Sector || m.typ == extractor.Location) {
			// "Energy Secretary X", "State Department": the sector or place
			// word may be the subject of a body (relation_bodyword.go).
			if ep, ok := d.bodyEndpoint(c, mask, direct); ok {
				return ep, true
			}
		}
		return endpoint{span: extractor.Span{Start: m.start, End: m.end}}, d.slotMask(m)&mask != 0
	}
	// "A Chinese espionage crew ... Trend Micro tracks the crew as X"
	// (relation_cataphor.go).
	if isIndefinite(d.fold[c.start]) && d.indefiniteActorNPEnd(c.start, c.end) == c.end {
		k := d.cataphorAntecedent(c.start)
		if k < 0 && d.describedActorNP(c.start, c.end-1) {
			k = rs.describedAntecedent(c.bs, direct) // "describes a crew that ..."
		}
		if k < 0 || d.slotMask(&d.acc[k])&mask == 0 || d.isDirect(&d.acc[k], direct) {
			return endpoint{}, false
		}
		a := &d.acc[k]
		note := fmt.Sprintf("%q → %s", d.text[c.bs:c.be], d.surface(a))
		return endpoint{span: extractor.Span{Start: a.start, End: a.end}, coref: note}, true
	}
	if c.end-c.start == 1 {
		// "The Moscow-based company said ...": the head of a description
		// (relation_actor_np.go)
		if j := d.descriptionStart(c.start); j >= 0 {
			c.start, c.bs = j, d.tokStart[j]
		}
	}
	if am, reach, ok := d.isAnaphor(c.start, c.end); ok {
		// The antecedent choosers (anaphor_chooser.go).
		return rs.resolveAnaphor(r, c, am, reach, mask, order, direct)
	}
	if ep, ok, hit := rs.victimListEndpoint(r, c, mask, direct); hit {
		return ep, ok // "the list" after a count of victims (relation_victim_list.go)
	}
	// "Commerce" of "Commerce Secretary X": the Commerce Department named
	// elsewhere in the document (relation_bodyword.go).
	if ep, ok := d.bodyEndpoint(c, mask, direct); ok {
		return ep, true
	}
	// A slot span holding exactly one mention of an allowed type (a slot
	// element that also took a determiner or a head noun) names it.
	if inner := d.mentionsWithin(c.bs, c.be); len(inner) == 1 && maskOf(inner[0].typ)&mask != 0 &&
		slotType == "" {
		return endpoint{span: extractor.Span{Start: inner[0].start, End: inner[0].end}}, true
	}
	if slotType == "" {
		return endpoint{}, false
	}
	if slotType == extractor.Person && d.allLowerWords(c.start, c.end) {
		// a person's name is capitalised: "both" of "they both worked for
		// Y", a word of the anaphor list that is no anaphor where it
		// stands, names nobody
		return endpoint{}, false
	}
	return rs.create(r, c, slotType, mask)
}

// allLowerWords reports whether every token of [s, e) with a letter is a
// lower-case word.
func (d *docState) allLowerWords(s, e int) bool {
	for k := s; k < e; k++ {
		if !d.lower(k) {
			return false
		}
	}
	return true
}

// splitLeadingPlace splits a slot span that starts with a place mention
// and goes on past it into the place and the rest, when the slot allows
// places. A pattern takes "U.S. telecommunications providers" as two
// adjacent target elements, the place and the victims, which slotSpans
// joins into one span that names no mention.
func (d *docState) splitLeadingPlace(cs []capRec, mask typeMask) []capRec {
	if mask&maskOf(extractor.Location) == 0 {
		return cs
	}
	out := make([]capRec, 0, len(cs))
	for _, c := range cs {
		for c.end-c.start > 1 && d.mentionAt(c.bs, c.be) == nil {
			mi := d.startM[c.start]
			if mi < 0 {
				break
			}
			m := &d.acc[mi]
			if m.typ != extractor.Location || m.start != c.bs || int(m.tokE) >= c.end {
				break
			}
			out = append(out, capRec{slot: c.slot, start: c.start, end: int(m.tokE), bs: m.start, be: m.end})
			c.start, c.bs = int(m.tokE), d.tokStart[m.tokE]
		}
		out = append(out, c)
	}
	return out
}

// subjectOfIt returns the index in d.acc of the one mention before the
// anaphor c in its sentence that may be its referent, when c is "it":
// "Integrity Technology Group differs from the others because it is a firm
// headquartered in Beijing" is about the firm, not the actor named a
// sentence before. With two candidates, or one followed by a verb of saying
// ("Microsoft said it tracks the group"), the rule's type order decides.
// A mention in a fronted phrase ("A year later, in Operation Silver Wolf,
// it sent ...") is a circumstance, not the subject: it does not count.
// Else -1.
func (d *docState) subjectOfIt(c capRec, mask typeMask, direct []extractor.Span) int {
	if c.end-c.start != 1 || d.fold[c.start] != "it" {
		return -1
	}
	found := -1
	for t := d.sentLo[d.sentOf[c.start]]; t < c.start; t++ {
		mi := int(d.startM[t])
		if mi < 0 || d.accMask[mi]&mask == 0 || d.isDirect(&d.acc[mi], direct) {
			continue
		}
		if d.frontedPhrase(mi, c.start) {
			t = int(d.acc[mi].tokE) - 1
			continue
		}
		if found >= 0 || int(d.acc[mi].tokE) >= c.start {
			return -1
		}
		found = mi
	}
	// A mention that reports ("Microsoft said in 2023 that it ...",
	// "Northwind described the group, saying it ...") may be the speaker or
	// the one it speaks of: the rule's type order decides. When the rule
	// takes no actor, "it" right after the speaker's verb ("The agency said
	// it was working with Y", "X said that it had ...") is the speaker: the
	// one it could speak of would be an actor.
	if found >= 0 {
		if mask&actorLikeMask == 0 && d.speakerSaidIt(found, c.start) {
			return found
		}
		for t := int(d.acc[found].tokE); t < c.start; t++ {
			if speechVerbs[d.fold[t]] && isLowerWord(d.tokText[t]) {
				return -1
			}
		}
	}
	return found
}

// frontedPrepositions open a phrase set before a clause's subject.
var frontedPrepositions = map[string]bool{"in": true, "during": true, "through": true, "after": true,
	"before": true, "via": true, "with": true, "under": true, "since": true, "like": true, "unlike": true,
	"throughout": true, "following": true, "amid": true, "by": true}

// frontedPhrase reports whether mention k stands in a prepositional phrase
// closed by a comma right after it, before token at: "in Operation X, it
// ...", "During the Y campaign, it ...". The preposition may be followed
// by a determiner.
func (d *docState) frontedPhrase(k, at int) bool {
	m := &d.acc[k]
	s, e := int(m.tokS), int(m.tokE)
	if e >= at || d.fold[e] != "," {
		return false
	}
	p := s - 1
	if p >= 0 && (d.fold[p] == "the" || d.fold[p] == "its" || d.fold[p] == "their") {
		p--
	}
	lo := d.sentLo[d.sentOf[s]]
	return p >= lo && frontedPrepositions[d.fold[p]] && (p == lo || d.fold[p-1] == ",")
}

func (d *docState) isDirect(m *cand, direct []extractor.Span) bool {
	for _, s := range direct {
		if s.Start == m.start && s.End == m.end {
			return true
		}
	}
	return false
}

var speechVerbs = map[string]bool{"said": true, "says": true, "reported": true, "reports": true, "wrote": true,
	"writes": true, "noted": true, "notes": true, "assessed": true, "assesses": true, "believes": true,
	"stated": true, "states": true, "told": true, "added": true, "warned": true, "observed": true, "found": true,
	"mentioned": true, "saying": true, "described": true, "describes": true}

// mentionsWithin returns the accepted mentions inside [start, end).
func (d *docState) mentionsWithin(start, end int) []*cand {
	var out []*cand
	i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].start >= start })
	for ; i < len(d.acc) && d.acc[i].start < end; i++ {
		if d.acc[i].end <= end {
			out = append(out, &d.acc[i])
		}
	}
	return out
}

// placeSuffixes end a single hyphenated token that names a place or a
// sponsor in its first part: "Shanghai-based", "China-backed".
var placeSuffixes = map[string]bool{"based": true, "headquartered": true, "backed": true, "sponsored": true,
	"linked": true, "affiliated": true, "nexus": true, "aligned": true, "funded": true, "registered": true}

// create makes a new mention of the slot's type for the span, unless it
// overlaps a mention or a stop word removes it.
func (rs *relState) create(r *rule, c capRec, typ extractor.EntityType, mask typeMask) (endpoint, bool) {
	d := rs.d
	bs, be := c.bs, c.be
	canonical := ""
	if c.end-c.start == 1 {
		tok := d.text[bs:be]
		if k := strings.LastIndexByte(tok, '-'); k > 0 && placeSuffixes[strings.ToLower(tok[k+1:])] {
			be = bs + k
			if t, canon, ok := d.p.gazLookup(tok[:k]); ok && maskOf(t)&mask != 0 {
				typ, canonical = t, canon
			}
		}
	}
	span := extractor.Span{Start: bs, End: be}
	if m := d.mentionAt(bs, be); m != nil { // "Chengdu" of "Chengdu-based" may already be a mention
		return endpoint{span: span}, maskOf(m.typ)&mask != 0
	}
	if j, ok := rs.fresh[span]; ok {
		return endpoint{span: span}, maskOf(rs.added[j].typ)&mask != 0
	}
	if d.overlapsAccepted(bs, be) {
		return endpoint{}, false
	}
	for _, a := range rs.added {
		if a.start < be && bs < a.end {
			return endpoint{}, false
		}
	}
	cd := cand{start: bs, end: be, rule: r.idx, prio: r.prio, typ: typ, canonical: canonical}
	if d.stopRule(&cd) >= 0 {
		return endpoint{}, false
	}
	rs.fresh[span] = len(rs.added)
	rs.added = append(rs.added, cd)
	return endpoint{span: span}, true
}

// gazLookup finds a one-token gazetteer name, case-insensitively, and
// returns its type and canonical name.
func (p *Pack) gazLookup(word string) (extractor.EntityType, string, bool) {
	v := p.vocab[foldKey(word)]
	if v == nil || v.gaz == nil {
		return "", "", false
	}
	for _, h := range v.gaz.hits {
		if len(h.toks) == 1 {
			e := p.gaz.entries[h.entry]
			return e.typ, e.canonical, true
		}
	}
	return "", "", false
}

// actorLikeMask holds the types an "it" after a speaker may speak of.
var actorLikeMask = maskOf(extractor.ThreatActor) | maskOf(extractor.Malware) | maskOf(extractor.Campaign) | maskOf(extractor.Tool)

// speakerSaidIt reports whether mention k is followed by a verb of saying,
// an optional "that", then the token at: "The agency said it ...".
func (d *docState) speakerSaidIt(k, at int) bool {
	t := int(d.acc[k].tokE)
	if t >= at || !speechVerbs[d.fold[t]] || !isLowerWord(d.tokText[t]) {
		return false
	}
	t++
	if t < at && d.fold[t] == "that" {
		t++
	}
	return t == at
}
