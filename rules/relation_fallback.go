package rules

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

// Topic fallback rules (kind: topic). A report about one actor names its
// malware, tools and CVEs in tables, bullet lists and sentences that say
// nothing of who used them ("BabyShark: a VBS-based backdoor ..."). A topic
// rule relates each mention of its target types that no relation rule has
// related yet to the document's dominant actor:
//
//	- id: rel.uses.topic
//	  kind: topic
//	  relation: uses
//	  source: [threat-actor]
//	  target: [malware, tool]
//	  priority: 25
//
// The dominant actor is the threat actor (by canonical name) with at least
// topicDominantMin mentions and at least topicDominantShare of all actor
// mentions in the document; without one, a topic rule gives nothing. A
// mention in a sentence that names another actor, or in a negated clause,
// is skipped, and so is a name some relation of the same type already
// reaches from any source ("APT10 uses PlugX" in a report on APT41). One
// relation per target name, with the evidence of its first mention; the
// coreference note ends in TopicCorefNote, which lowers the confidence.

// KindTopic is the kind of topic fallback rules.
const KindTopic = "topic"

const (
	topicDominantMin   = 3
	topicDominantShare = 0.6
)

// topicRule is a compiled topic rule.
type topicRule struct {
	r       *rule
	typ     string
	srcMask typeMask
	tgtMask typeMask
	// cues, when set, restrict the rule to targets whose sentence or
	// section heading holds one of them: a place or sector is the topic
	// actor's target only where the text speaks of victims.
	cues *phraseSet
	// notBefore: words that, right after a target, make it describe the
	// actor rather than a victim ("Chinese hackers", "an Iranian group").
	notBefore *phraseSet
	// notAfter: words that, right before a target, make it the actor's
	// side ("of interest to Moscow", "in the service of Hanoi").
	notAfter *phraseSet
	// homeBefore: words that, right after a place, make it the actor's
	// home ("Chinese hackers", "a Russia-based crew"); no mention of a
	// home place is the actor's target (relation_topic_home.go).
	homeBefore *phraseSet
	// seats: verbs of sitting ("working from", "based in"); the target must
	// be the place after one whose subject is the attackers ("the operators
	// work from Minsk"; relation_topic_whereabouts.go).
	seats *phraseSet
	// stateWords: words after a place that make it the sponsor of an
	// unnamed actor ("a Chinese state-sponsored group"); the target must be
	// such a place (relation_topic_sponsor.go).
	stateWords *phraseSet
	// sponsorWords: phrases after unnamed attackers before their sponsor
	// ("hackers working for North Korea"); the target must follow one
	// (relation_topic_sponsor.go).
	sponsorWords *phraseSet
	// passive: participles of an agentless passive clause whose subject the
	// target must be ("Three hospitals in Ohio were later breached").
	passive *phraseSet
	// frames: victim frames whose object the target must be ("intrusions
	// at", "the breach of", "victims include"; relation_topic_local.go).
	frames *phraseSet
	// sections: heading words under which a target needs no frame
	// (relation_topic_section.go).
	sections *phraseSet
	// labels: line labels that cue the line as cues do ("**Where:** ...";
	// relation_topic_labels.go).
	labels *phraseSet
	// intros: list intros; the target must be the first mention of its
	// types in a bullet item after a sentence ending in ":" that holds one
	// of them, and that sentence's actor, if it names one, is the source
	// (relation_listintro.go).
	intros *phraseSet
	// itemsSource: the items are the sources and the intro names the
	// target, right after an intro phrase ("six officers of Y:").
	itemsSource bool
	// toTopic: the topic actor is the relation's target and each mention
	// its source, for a rule whose target, not source, allows threat-actor
	// ("Operation Quiet Loom" in a report on one actor is attributed to
	// it). mask is the mentions' types: the target's, or the source's for
	// such a rule.
	toTopic bool
	mask    typeMask
	// notCues: words that make a mention no one's the topic may claim.
	// Before the target in its sentence, they say the text speaks of
	// studying or fixing it, not of the actor using it ("used language
	// models to research vulnerabilities, including CVE-…"); for a toTopic
	// rule they count in the mention's sentence or the one before ("the
	// court-authorized operation, dubbed Operation Night Bell": the
	// defenders' operation, not the actor's).
	notCues *phraseSet
	// charges: words that make a person named near them charged or
	// sanctioned; the target must be such a person, which no relation
	// ties to another actor (relation_topic_local.go, chargedPersons).
	charges map[string]bool
}

// topicRule compiles a topic rule.
func (c *compiler) topicRule(r *rule) {
	src, tgt := c.types(c.r.rel.source), c.types(c.r.rel.target)
	itemsSource := c.r.rel.items == "source"
	if itemsSource && len(c.r.rel.intros) == 0 {
		c.errorf(c.r.fields["items"], "items: source needs intros: the list's target is named by its intro")
		return
	}
	actor := maskOf(extractor.ThreatActor)
	toTopic := src&actor == 0 && tgt&actor != 0 && !itemsSource
	if toTopic && len(c.r.rel.intros) != 0 {
		c.errorf(c.r.fields["intros"], "a topic rule whose target is the actor takes no intros")
		return
	}
	if src&actor == 0 && !itemsSource && !toTopic {
		c.errorf(c.r.fields["source"], "a topic rule's source (or target) must allow threat-actor: the topic is an actor")
		return
	}
	mask := tgt
	if toTopic {
		mask = src
	}
	tr := topicRule{r: r, typ: c.r.rel.typ, srcMask: src, tgtMask: tgt, itemsSource: itemsSource,
		toTopic: toTopic, mask: mask, notCues: c.optionalPhrases(c.r.rel.notCues),
		cues: c.optionalPhrases(c.cueItems(c.r.rel.cues, true)), notBefore: c.optionalPhrases(c.r.rel.notBefore),
		notAfter: c.optionalPhrases(c.r.rel.notAfter), homeBefore: c.optionalPhrases(c.r.rel.homeBefore), seats: c.optionalPhrases(c.r.rel.seats), stateWords: c.optionalPhrases(c.r.rel.stateWords), sponsorWords: c.optionalPhrases(c.r.rel.sponsorWords), passive: c.optionalPhrases(c.r.rel.passive),
		frames: c.optionalPhrases(c.r.rel.frames), intros: c.optionalPhrases(c.r.rel.intros),
		sections: c.optionalPhrases(c.r.rel.sections), labels: c.optionalPhrases(c.r.rel.labels)}
	if len(c.r.rel.charges) > 0 {
		tr.charges = map[string]bool{}
		for _, w := range c.r.rel.charges {
			tr.charges[strings.ToLower(w.s)] = true
		}
	}
	c.p.topics = append(c.p.topics, tr)
}

// optionalPhrases compiles a word-list field as a case-insensitive phrase
// set, or nil when the rule does not give it.
func (c *compiler) optionalPhrases(items []strItem) *phraseSet {
	if len(items) == 0 {
		return nil
	}
	return c.phraseSet(items, true)
}

// dominantActor returns the index in d.acc of every mention of the
// document's dominant actor, or nil. keys holds each mention's topic key
// (topicKeys); isActor tells the mentions of threat actors, units the text
// equates with one included. A numbered military unit the text equates
// with no actor ("Unit 29155" in an advisory about it) is the topic only
// when no named actor is mentioned three times or more.
func (d *docState) dominantActor(keys []string, isActor func(k int) bool) []int {
	if best := d.dominantOf(keys, isActor); best != nil {
		return best
	}
	if best := d.titledActor(keys, func(k int) bool { return isActor(k) || isUnitKey(keys[k]) }); best != nil {
		return best
	}
	named := map[string]int{}
	for k := range d.acc {
		if !d.acc[k].hide && isActor(k) {
			if named[keys[k]]++; named[keys[k]] >= topicDominantMin {
				return nil
			}
		}
	}
	return d.dominantOf(keys, func(k int) bool { return isActor(k) || isUnitKey(keys[k]) })
}

// dominantOf returns the mentions of the dominant entity among those for
// which ok holds, or nil.
func (d *docState) dominantOf(keys []string, ok func(k int) bool) []int {
	byKey := map[string][]int{}
	total := 0
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || !ok(k) {
			continue
		}
		total++
		byKey[keys[k]] = append(byKey[keys[k]], k)
	}
	var best []int
	for _, ks := range byKey {
		if len(ks) > len(best) || len(ks) == len(best) && len(ks) > 0 && ks[0] < best[0] {
			best = ks
		}
	}
	if len(best) < topicDominantMin || float64(len(best)) < topicDominantShare*float64(total) || d.oneSentence(best) {
		return nil
	}
	return best
}

// oneSentence reports whether the mentions ms (indexes in d.acc) all stand
// in one sentence. The names of an alias apposition ("Researchers have
// since grouped all of this under Sandworm, a unit also tracked as
// TeleBots and Voodoo Bear") are one reference, however many: a report on
// a ransomware outbreak that names the crew once so is not the crew's.
func (d *docState) oneSentence(ms []int) bool {
	si := -1
	for _, k := range ms {
		c := &d.acc[k]
		if int(c.tokS) >= len(d.sentOf) {
			return false
		}
		if s := int(d.sentOf[c.tokS]); si >= 0 && s != si {
			return false
		} else {
			si = s
		}
	}
	return true
}

// titledActor returns the mentions of the one actor the title names
// (topicTitleSentences), when it is also named most in the document, at
// least topicDominantMin times; else nil. The title says what a report is
// about: "APT42 and the long con against reporters" is APT42's even where
// a paragraph on naming cites a sister cluster four times, short of the
// share dominantOf asks for.
func (d *docState) titledActor(keys []string, ok func(k int) bool) []int {
	byKey := map[string][]int{}
	titled := ""
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || !ok(k) {
			continue
		}
		key := keys[k]
		byKey[key] = append(byKey[key], k)
		if int(c.tokS) < len(d.sentOf) && d.titleSentence(int(d.sentOf[c.tokS])) && titled != key {
			if titled != "" {
				return nil // a title naming two actors says of neither what the report is about
			}
			titled = key
		}
	}
	if titled == "" || len(byKey[titled]) < topicDominantMin {
		return nil
	}
	for key, ks := range byKey {
		if key != titled && len(ks) >= len(byKey[titled]) {
			return nil
		}
	}
	return byKey[titled]
}

// unitNumber finds a numbered military or intelligence unit in an entity
// key: "gru unit 26165", "military unit 26165" and "unit 26165" are one unit.
var unitNumber = regexp.MustCompile(`(?:^|\s)(?:unit|center|centre) (\d{2,6})$`)

func isUnitKey(key string) bool { return strings.HasPrefix(key, "unit ") }

// topicKeys returns the key of each mention for the topic fallbacks: its
// entityKey, one key per numbered unit whatever its prefix, and one key for
// the names an alias rule of the document linked ("GRU Military Unit 26165,
// the hacking unit that vendors track as APT28": the unit is APT28), the
// threat actor's when one of them is an actor. actorKeys holds the keys of
// threat actors.
func (d *docState) topicKeys() (keys []string, actorKeys map[string]bool) {
	keys = make([]string, len(d.acc))
	byStart := make(map[extractor.Span]int, len(d.acc))
	for k := range d.acc {
		c := &d.acc[k]
		keys[k] = d.entityKey(c)
		if c.typ == extractor.Government {
			if m := unitNumber.FindStringSubmatch(keys[k]); m != nil {
				keys[k] = "unit " + m[1]
			}
		}
		byStart[extractor.Span{Start: c.start, End: c.end}] = k
	}
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	isActorKey := map[string]bool{}
	for k := range d.acc {
		if d.acc[k].typ == extractor.ThreatActor {
			isActorKey[keys[k]] = true
		}
	}
	for _, l := range d.links {
		a, okA := byStart[l.Name]
		b, okB := byStart[l.Alias]
		if !okA || !okB {
			continue
		}
		ra, rb := find(keys[a]), find(keys[b])
		if ra == rb {
			continue
		}
		if isActorKey[rb] && !isActorKey[ra] {
			ra, rb = rb, ra // an actor's key names the group
		}
		parent[rb] = ra
	}
	actorKeys = map[string]bool{}
	for k := range keys {
		keys[k] = find(keys[k])
		if d.acc[k].typ == extractor.ThreatActor {
			actorKeys[keys[k]] = true
		}
	}
	return keys, actorKeys
}

// entityKey names the entity a mention stands for within the document.
func (d *docState) entityKey(c *cand) string {
	if c.canonical != "" {
		return strings.ToLower(c.canonical)
	}
	return strings.ToLower(oneSpace(d.surface(c)))
}

// topicFallback adds the relations of the topic rules to rs.out. The
// topic of a sentence is the document's dominant actor or, without one,
// the actor its paragraph or section is about; rules whose source allows
// person also give to the charged persons of the paragraph
// (relation_topic_local.go).
func (d *docState) topicFallback(rs *relState) {
	if len(d.p.topics) == 0 || len(d.sents) == 0 {
		return
	}
	d.notes = make([]uint8, len(d.sents))
	defer func() { d.notes = nil }()
	person := maskOf(extractor.Person)
	wantPersons := false
	for _, tr := range d.p.topics {
		wantPersons = wantPersons || tr.srcMask&person != 0
	}
	// Keys are computed once: the loops below visit every mention.
	keys, actorKeys := d.topicKeys()
	// A threat actor, or a mention the text equates with one (a unit).
	isActor := func(k int) bool { return d.acc[k].typ == extractor.ThreatActor || actorKeys[keys[k]] }
	byStart := make(map[extractor.Span]int, len(d.acc))
	endAt := make(map[int]int, len(d.acc))
	anyTopic := false
	for k := range d.acc {
		byStart[extractor.Span{Start: d.acc[k].start, End: d.acc[k].end}] = k
		if !d.acc[k].hide {
			endAt[int(d.acc[k].tokE)-1] = k
		}
		anyTopic = anyTopic || isActor(k) || isUnitKey(keys[k]) || wantPersons && maskOf(d.acc[k].typ)&person != 0
	}
	// An actor named aside, as a comparison or in a denied attribution,
	// does not count toward the topic (relation_topic_aside.go).
	aside := d.asideMentions()
	// So does one that only took another's tools (relation_topic_leaker.go).
	for k, l := range d.leakerMentions(keys, isActor) {
		aside[k] = aside[k] || l
	}
	// So does the one a title says its subject copies ("SideCopy: hackers
	// dress up as SideWinder"), wherever it is named (relation_topic_foil.go).
	if foils := d.titleFoilsBy(func(k int) string { return keys[k] }); foils != nil {
		for k := range aside {
			aside[k] = aside[k] || foils[keys[k]]
		}
	}
	topicActor := func(k int) bool { return isActor(k) && !aside[k] }
	var docTopic *topicSource
	if ms := d.dominantActor(keys, topicActor); ms != nil {
		docTopic = &topicSource{key: keys[ms[0]], ms: ms}
	}
	// An actor the text declines to blame ("stopped short of attributing
	// the campaign to FIN11", "no evidence tying the breaches to B") gets
	// no victims by fallback anywhere in the document: the report says the
	// evidence does not reach it, whoever else it names less.
	dominant := ""
	if docTopic != nil {
		dominant = docTopic.key
	}
	declined := d.declinedKeys(keys, isActor, dominant)
	// A report whose title blames a government body gives the victims it
	// lists to that body (relation_topic_home.go).
	var bodyTopic *topicSource
	if ms := d.titledBody(keys, isActor); ms != nil {
		bodyTopic = &topicSource{key: keys[ms[0]], ms: ms}
	}
	// A report about a hacking company (i-Soon's leaked files, a
	// contractor's indictment) lists the company's victims: the company
	// named most, when no actor is named more, and the text has it attack
	// someone or work for a government.
	var companyTopic *topicSource
	org := maskOf(extractor.Organization)
	isOrg := func(k int) bool { return maskOf(d.acc[k].typ)&org != 0 }
	// A news report cites many firms once each (the outlet, the quoted
	// analyst's firm, the vendor): named at least twice as often as any
	// other, the company is the report's even short of the share an actor
	// needs. Charges against its staff say it hacks, as a relation does.
	ms := d.leadingCompany(keys, isOrg) // (dominantOf first, then the looser lead)
	if ms == nil {
		// A news report quotes analysts of several firms, each named once
		// or twice: the company its title names, and that it names most,
		// is what it is about ("... : the Norvane case").
		ms = d.titledActor(keys, isOrg)
	}
	if ms != nil && (docTopic == nil || len(ms) > len(docTopic.ms)) && (d.attacks(rs, keys[ms[0]], byStart, keys) || d.staffCharged(ms)) {
		companyTopic = &topicSource{key: keys[ms[0]], ms: ms}
	}
	// Lists whose items are the sources ("The Treasury named seven
	// members:"); in a report about a hacking company, its defendants.
	d.listMembers(rs, companyTopic) // relation_listintro.go
	// A report that names no threat actor more than once and is about one
	// malware family (a ransomware release: "LockBit was used against 2,500
	// victims"; a vendor's name for the gang cited in passing is no topic)
	// lists that family's victims: the list rules whose source allows
	// malware take it as the topic when no actor is at hand.
	var malwareTopic *topicSource
	if docTopic == nil && !d.namesActorTwice(keys, isActor) {
		mw := maskOf(extractor.Malware)
		if ms := d.dominantOf(keys, func(k int) bool { return d.acc[k].typ == extractor.Malware }); ms != nil {
			for _, tr := range d.p.topics {
				if tr.intros != nil && tr.srcMask&mw != 0 {
					malwareTopic = &topicSource{key: keys[ms[0]], ms: ms}
				}
			}
		}
	}
	// A report about a campaign or a malware family that no actor
	// dominates (relation_topic_subject.go).
	var subject *topicSource
	if docTopic != nil {
		if ms := d.titledSubjectOver(keys, docTopic.ms); ms != nil {
			docTopic, subject = nil, &topicSource{key: keys[ms[0]], ms: ms}
		}
	} else {
		if ms := d.subjectTopic(keys, isActor); ms != nil {
			subject = &topicSource{key: keys[ms[0]], ms: ms}
		}
	}
	if !anyTopic && companyTopic == nil && malwareTopic == nil && subject == nil {
		return
	}
	// A paragraph about a unit is about the party the unit is; the same
	// test picks who was named first, for the local actor's focus
	// (relation_list_focus.go), so the two never disagree.
	actorOrUnit := func(k int) bool { return topicActor(k) || isUnitKey(keys[k]) && !aside[k] }
	localActor, localPersons := d.localTopics(keys, actorOrUnit, docTopic == nil, wantPersons)
	paraActor := d.paragraphActors(keys, topicActor, docTopic)
	if docTopic != nil {
		d.anaphorSentenceActors(rs, paraActor, keys, byStart, topicActor, docTopic.key) // relation_topic_local.go
	} else {
		d.anaphorSentenceActors(rs, localActor, keys, byStart, actorOrUnit, "") // relation_topic_local.go
	}
	firsts := d.firstActors(keys, actorOrUnit)
	keyOf := func(sp extractor.Span) (string, bool) {
		k, ok := byStart[sp]
		if !ok {
			return "", false
		}
		return keys[k], true
	}
	// Per sentence, the actors it names: a sentence that names another
	// actor says nothing of the topic's tools or victims.
	sentActors := map[int32][]string{}
	sentPersons := map[int32][]string{}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide {
			continue
		}
		si := d.sentOf[c.tokS]
		switch m := maskOf(c.typ); {
		case isActor(k) || isUnitKey(keys[k]):
			sentActors[si] = append(sentActors[si], keys[k])
		case m&person != 0:
			sentPersons[si] = append(sentPersons[si], keys[k])
		}
	}
	// A table row is one statement split into cells, each its own
	// sentence: the actors its other cells name are the row's, so a row
	// about another actor ("| APT10 | PlugX |") gives the topic nothing.
	rowActors := d.tableRowActors(keys, func(k int) bool { return isActor(k) || isUnitKey(keys[k]) })
	// Names already tied to a topic by any relation ("Raptor Train is
	// operated by Flax Typhoon") need no fallback.
	linked := map[string]map[string]bool{}
	// Names tied to any actor: a local topic gets none of them (a section
	// on Mustang Panda's PlugX, then one asking whether another actor uses
	// it).
	actorLinked := map[string]bool{}
	// Persons the text places in a company ("A, an employee of Z
	// Technology"): a company's staff charged beside an actor's members
	// are the company's, not the actor's.
	companyStaff := map[string]bool{}
	// Government bodies an actor is attributed to or affiliated with: a
	// possessive place before one is the actor's home
	// (relation_topic_home.go).
	sponsors := map[string]bool{}
	// Malware and tools a relation attributes to some party: another
	// party's weapon is no tool of the topic actor.
	ownedBy := map[string][]string{}
	tools := maskOf(extractor.Malware) | maskOf(extractor.Tool)
	// Teams of a larger actor ("Team Marsh -part-of-> Kestrel Bear"): what
	// a team uses or targets its group does too, so a team's relations
	// neither tie a name to another actor nor cover it for the topic.
	teams := map[extractor.Span]bool{}
	for _, m := range rs.out {
		if m.Rule != "" && m.Type == "part-of" {
			if k, ok := byStart[m.Source]; ok && d.acc[k].typ == extractor.ThreatActor {
				if kt, ok := byStart[m.Target]; ok && d.acc[kt].typ == extractor.ThreatActor {
					teams[m.Source] = true
				}
			}
		}
	}
	link := func(a, b string) {
		if linked[a] == nil {
			linked[a] = map[string]bool{}
		}
		linked[a][b] = true
	}
	for _, m := range rs.out {
		if m.Rule == "" {
			continue
		}
		s, okS := keyOf(m.Source)
		t, okT := keyOf(m.Target)
		if okS && okT {
			link(s, t)
			link(t, s)
			if isActor(byStart[m.Source]) && (m.Type == "part-of" || !teams[m.Source]) {
				actorLinked[t] = true
			}
			if isActor(byStart[m.Target]) {
				actorLinked[s] = true
			}
			if (m.Type == "attributed-to" || m.Type == "affiliated-with") && isActor(byStart[m.Source]) &&
				d.acc[byStart[m.Target]].typ == extractor.Government {
				sponsors[t] = true // the actor's state: "APT40 is attributed to the MSS"
			}
			if m.Type == "attributed-to" && maskOf(d.acc[byStart[m.Source]].typ)&tools != 0 {
				ownedBy[s] = append(ownedBy[s], t) // "NotPetya, which governments attributed to the GRU"
			}
			if d.acc[byStart[m.Source]].typ == extractor.Person && d.acc[byStart[m.Target]].typ == extractor.Organization &&
				!isActor(byStart[m.Target]) && (m.Type == "employed-by" || m.Type == "affiliated-with") {
				companyStaff[s] = true
			}
		}
	}
	unitOfActor := func(unit string) bool { return unitTiedToActor(linked[unit], actorKeys) }
	// A document that covers several cases, one per section or paragraph,
	// gives its dominant actor only the blocks that speak of it
	// (relation_topic_cases.go).
	var inCase *caseScope
	if docTopic != nil {
		party := func(k int) bool { return topicActor(k) || isUnitKey(keys[k]) && !aside[k] }
		if inCase = d.caseScopeOf(keys, party, docTopic, linked[docTopic.key]); inCase != nil && localActor == nil {
			// Another case's block falls back on the one threat actor it
			// names: a unit or a company is a party of its own, not an
			// actor the topic rules give to.
			localActor, _ = d.localTopics(keys, topicActor, true, false)
		}
	}
	// A company named more often than the actor, that the text has attack
	// someone or work for a government, may own the victims a report lists.
	// (A vendor cited as the source, "Microsoft said ...", does not.)
	companyLed := false
	if docTopic != nil {
		for _, key := range d.companiesOutnaming(keys, len(docTopic.ms)) {
			companyLed = companyLed || d.attacks(rs, key, byStart, keys)
		}
	}
	// Places that say where an organisation no relation has as a victim
	// sits: the firm of a quoted analyst ("X of Gannet Hill Security in
	// Cleveland", "Redwater Analytics, a threat research firm in Denver")
	// is no victim, nor is its town, victims' section or not.
	bystanderPlace := map[extractor.Span]bool{}
	victims := map[string]bool{}
	for _, m := range rs.out {
		if m.Rule != "" && m.Type == "targets" {
			if t, ok := keyOf(m.Target); ok {
				victims[t] = true
			}
		}
	}
	for _, m := range rs.out {
		if m.Rule == "" || m.Type != "located-in" {
			continue
		}
		if k, ok := byStart[m.Source]; ok && d.acc[k].typ == extractor.Organization && !victims[keys[k]] {
			bystanderPlace[m.Target] = true
		}
	}
	// The people a charge noun stands for in a report about one actor
	// ("the conspirators", "the defendants"), that the text ties to no
	// other actor, act as the actor's members: what "the conspirators
	// stole research from victims in A and B" names is the actor's victim
	// too, whether or not they also work for a (front) company. A person
	// named alone ("Li Wen was charged. He wiped ...") keeps what he did.
	members := map[string]bool{}
	if docTopic != nil && !companyLed && companyTopic == nil {
		for _, tr := range d.p.topics {
			if tr.charges == nil {
				continue
			}
			charged := map[string]bool{}
			for _, m := range rs.out {
				if k, ok := byStart[m.Source]; ok && d.acc[k].typ == extractor.Person && chargeAnaphor(m.Coref, tr.charges) {
					charged[keys[k]] = true
				}
			}
			for pk := range charged {
				if !actorLinked[pk] {
					members[pk] = true
				}
			}
			break
		}
	}
	var allItems []listItem   // bullet items after an intro, for rules with intros
	var labelItems []listItem // labelled bullets' items (relation_listintro.go)
	// Rules with intros go first: a list its intro ties to an actor needs
	// no guess from the topic.
	ordered := make([]topicRule, 0, len(d.p.topics))
	for _, tr := range d.p.topics {
		if tr.intros != nil && !tr.itemsSource {
			ordered = append(ordered, tr)
		}
	}
	for _, tr := range d.p.topics {
		if tr.intros == nil {
			ordered = append(ordered, tr)
		}
	}
	for _, tr := range ordered {
		if tr.intros != nil && allItems == nil {
			if allItems = d.listItems(); allItems == nil {
				allItems = []listItem{}
			}
			labelItems = d.labelItems()
		}
		if tr.intros != nil && len(allItems) == 0 && len(labelItems) == 0 {
			continue
		}
		if tr.charges != nil && (companyLed || companyTopic != nil) {
			// The people charged in a report about a hacking company
			// are the company's staff and its clients.
			continue
		}
		victimTopic := docTopic
		if victimTopic == nil {
			victimTopic = subject.subjectFor(d, tr)
		}
		if bodyTopic != nil && tr.typ == "targets" && tr.intros == nil {
			victimTopic = bodyTopic
		}
		if tr.cues != nil && (companyLed || companyTopic != nil) {
			// The victims a report lists may be a company's, not the
			// actor's: they are the company's when it is a hacking
			// company (see companyTopic).
			if companyTopic == nil || tr.srcMask&org == 0 {
				continue
			}
			victimTopic = companyTopic
		}
		// Targets some relation of the type already reaches, from anyone
		// but a person; personCovered holds the persons' keys per target.
		typeCovered := map[string]bool{}
		personCovered := map[string][]string{}
		payloadCovered := map[string]bool{}
		// Places and sectors are victims several actors share, and a
		// public flaw is exploited by many: a cued place or sector, or a
		// CVE, is covered only by a relation of its own sentence ("Copper
		// Heron hit firms in Europe" leaves "the victims are telecoms in
		// Asia and Europe" of the topic's section to the topic; "two other
		// crews also exploited CVE-X" leaves the topic's "CVE-X is a flaw
		// in ..."), where a tool is one actor's (coveredIn: the sentences
		// of the covering relations' targets).
		sharedVictims := (tr.typ == "targets" && tr.cues != nil || tr.typ == "exploits") && tr.intros == nil
		coveredIn := map[string][]int32{}
		for _, m := range rs.out {
			if m.Rule != "" && m.Type == tr.typ && (len(teams) == 0 || !teams[m.Source]) {
				end := m.Target
				if tr.toTopic {
					end = m.Source // the campaign already has its actor
				}
				t, ok := keyOf(end)
				if !ok {
					continue
				}
				if k, ok := byStart[m.Source]; ok && tr.typ == "uses" && maskOf(d.acc[k].typ)&tools != 0 {
					// A loader's payload ("TEARDROP delivered Cobalt
					// Strike") is still the topic actor's tool: malware
					// that uses malware covers the name for a family's
					// topic only.
					payloadCovered[t] = true
				} else if ok && d.acc[k].typ == extractor.Person {
					personCovered[t] = append(personCovered[t], keys[k])
				} else if ok && d.acc[k].typ == extractor.Government && !tr.toTopic && !isUnitKey(keys[k]) {
					// The state body blamed for an attack ("the SVR was
					// behind the compromise of SolarWinds") leaves the
					// victim to the actor that does its hacking too.
					continue
				} else {
					typeCovered[t] = true
					if kt, ok := byStart[end]; ok && sharedVictims {
						coveredIn[t] = append(coveredIn[t], d.sentOf[d.acc[kt].tokS])
					}
				}
			}
		}
		// A person's relation covers a name for the topic actor unless the
		// text ties the person to that actor: the tool a member used is the
		// group's too (APT41's charged members), the victim of a person
		// named for another party is not the topic's.
		covers := func(key string, tp *topicSource, si int32) bool {
			if payloadCovered[key] && maskOf(d.acc[tp.ms[0]].typ)&tools != 0 {
				return true
			}
			if typeCovered[key] {
				if !sharedVictims || d.acc[tp.ms[0]].typ != extractor.ThreatActor {
					// (A company's topic, a report on a hacking
					// company, is never so sure of its victims.)
					return true
				}
				for _, s := range coveredIn[key] {
					if s == si {
						return true
					}
				}
				if cues := d.p.cti.exploitCues; tr.typ == "exploits" && len(cues) > 0 {
					// A CVE only described ("CVE-X is a flaw in Outlook")
					// stays with the actor another sentence has exploit
					// it: the CVE's sentence, or one of the two before it
					// that is not the covering relation's ("Its way in is
					// not new. CVE-X is ...", a list's "flaws the actor
					// used:"), must say it is exploited.
					cued := false
					for s := max(si-2, 0); s <= si && !cued; s++ {
						cued = !slices.Contains(coveredIn[key], s) && d.sentHasWord(s, cues)
					}
					if !cued {
						return true
					}
				}
			}
			for _, pk := range personCovered[key] {
				if !linked[tp.key][pk] && !(members[pk] && !tp.person) {
					return true
				}
			}
			return false
		}
		var charged map[string]bool
		if tr.charges != nil {
			charged = d.chargedPersons(keys, tr.charges)
		}
		covered := map[string]map[string]bool{} // person topic key ("" for actors) → target keys decided
		nearness := &topicNearness{}
		var home map[string]bool
		if tr.homeBefore != nil {
			home = d.homePlaces(tr.homeBefore, keys, func(k int) bool { return sponsors[keys[k]] || isActor(k) })
		}
		// A name whose introducing mention (its first, or one an
		// apposition defines) stands by a cue against claiming it is no
		// one's anywhere: a takedown named in a timeline row ("May 2024 |
		// Operation X targets droppers") is described further on
		// ("announced Operation X, the largest operation so far against
		// botnets"). A cue by any other mention leaves that mention out
		// only: "law enforcement seized servers that hosted lures for
		// Operation X" in a closing paragraph does not take the actor's
		// campaign from it.
		var cuedKeys map[string]bool
		var cuedMentions map[int]bool
		if tr.toTopic && tr.notCues != nil {
			seen := map[string]bool{}
			for k := range d.acc {
				c := &d.acc[k]
				if c.hide || maskOf(c.typ)&tr.mask == 0 {
					continue
				}
				first := !seen[keys[k]]
				seen[keys[k]] = true
				if si := int(d.sentOf[c.tokS]); cuedKeys[keys[k]] || !d.cuedNear(tr.notCues, si) && !d.unnamedAuthorNear(si) {
					continue
				}
				if first || d.appositionAfter(int(c.tokE)) {
					if cuedKeys == nil {
						cuedKeys = map[string]bool{}
					}
					cuedKeys[keys[k]] = true
				} else {
					if cuedMentions == nil {
						cuedMentions = map[int]bool{}
					}
					cuedMentions[k] = true
				}
			}
		}
		for k := range d.acc {
			d.poll(-1)
			c := &d.acc[k]
			if c.hide || maskOf(c.typ)&tr.mask == 0 || isActor(k) || isUnitKey(keys[k]) {
				continue
			}
			if tr.toTopic && (cuedKeys[keys[k]] || cuedMentions[k] || d.inListOfKind(k, endAt)) {
				continue
			}
			key := keys[k]
			if tr.sponsorWords != nil && c.typ == extractor.Location {
				if len(home) > 0 && !home[key] {
					continue // another's sponsor: "hackers linked to China" in a report on a Vietnam-based crew
				}
			} else if home[key] && c.typ == extractor.Location {
				continue // the actor's own state: "Chinese hackers ... Beijing said"
			}
			if charged != nil && (!charged[key] || actorLinked[key] || companyStaff[key]) {
				// Only a charged person, and one the text ties to no
				// other actor and to no company, is the topic actor's
				// member.
				continue
			}
			si := d.sentOf[c.tokS]
			var topics []*topicSource
			var it listItem
			named, near, fellBack, hedge := false, false, false, ""
			if tr.intros != nil {
				// A bullet item after an intro that states the relation
				// (relation_listintro.go).
				// The list's item, else the labelled bullet's.
				listed := func(items []listItem) (listItem, bool) {
					it, ok := itemAt(items, int(c.tokS))
					return it, ok && (d.firstInItem(it, k, tr.tgtMask) || tr.typ == "targets" && d.placeOfItemVictims(it, k, tr)) &&
						d.itemCued(tr.intros, it)
				}
				var ok bool
				if it, ok = listed(allItems); !ok {
					if it, ok = listed(labelItems); !ok {
						continue
					}
				}
				var negated bool
				if negated, hedge = d.introCues(it.intro); negated {
					continue
				}
				// The intro's actor (a unit counts), or the one in focus
				// before it, or the topic.
				listActor := func(k int) bool { return isActor(k) || isUnitKey(keys[k]) }
				n := d.introSource(it.intro, keys, listActor)
				if n == -1 && companyTopic != nil && tr.srcMask&org != 0 {
					// A report about a hacking company: an intro that
					// names the company ("Acme's hackers also sprayed
					// passwords against:") lists its victims.
					own := func(k int) bool { return keys[k] == companyTopic.key }
					n = d.introSource(it.intro, keys, own)
					if n == -1 && it.labHi > 0 && it.table > 0 {
						// A table's intro is its header; the sentence
						// that leads into the table says whose it is.
						if si := d.tableIntro(it.table); si >= 0 {
							n = d.introSource(int32(si), keys, own)
						}
					}
				}
				if n == -1 && tr.typ == "uses" && tr.srcMask&maskOf(extractor.Malware) != 0 && d.introMalwareSubject(it.intro) {
					// "From there the malware spread, using:": the
					// family named before is the list's user.
					n = d.introMalwareBefore(it.intro)
				}
				if n >= 0 {
					named = true
				} else if it.box > 0 {
					n, near = int(it.box)-1, true // a fact box's facts are its actor's
				} else if n == -1 {
					n = d.nearestActorBefore(it.intro, listActor)
					if n >= 0 && it.labHi > 0 && d.acc[n].tokS < it.table && !d.introSubject(n, it.table) {
						n = -1 // a table cell's actor: one the table names, else the topic
					}
					near = n >= 0
				}
				switch {
				case n >= 0:
					topics = []*topicSource{{key: keys[n], ms: []int{n}}}
				case n == -1 && docTopic != nil && inCase.gives(int(it.intro), key):
					topics = []*topicSource{docTopic}
				case n == -1 && subject.subjectFor(d, tr) != nil:
					topics, fellBack = []*topicSource{subject}, true
				case n == -1 && localActor != nil && localActor[it.intro] != nil && d.inFocus(localActor[it.intro], it.intro, firsts): // relation_list_focus.go
					topics = []*topicSource{localActor[it.intro]}
				case n == -1 && inCase != nil:
					// Another case's list, which no actor of its own leads.
				case n == -1 && subject == nil:
					// The actor the relation rules' anaphors fall back on
					// (relation_topic.go); not in a report about a campaign
					// or a family, whose actors are named in passing.
					if t := d.topicActor(d.sents[it.intro].Start, nil); t >= 0 {
						topics, fellBack = []*topicSource{{key: keys[t], ms: []int{t}}}, true
					} else if malwareTopic != nil && tr.srcMask&maskOf(extractor.Malware) != 0 {
						topics, fellBack = []*topicSource{malwareTopic}, true
					}
				}
			} else {
				if victimTopic != nil && victimTopic == docTopic && !inCase.gives(int(si), key) {
					// Another case's block: its own actor's, if any.
					if localActor[si] != nil && localActor[si].key != docTopic.key {
						topics = append(topics, localActor[si])
					}
				} else if victimTopic != nil && victimTopic == docTopic && paraActor != nil && paraActor[si] != nil {
					topics = append(topics, paraActor[si])
				} else if victimTopic != nil {
					topics = append(topics, victimTopic)
				} else if localActor != nil && localActor[si] != nil && (tr.toTopic || d.inFocus(localActor[si], si, firsts)) { // relation_list_focus.go
					topics = append(topics, localActor[si])
				}
				if tr.srcMask&person != 0 && maskOf(c.typ)&person == 0 {
					topics = append(topics, localPersons[si]...)
				}
			}
			for _, tp := range topics {
				if tr.typ == "targets" && !named && declined[tp.key] {
					continue // "... stopped short of attributing the campaign to FIN11"
				}
				if tr.toTopic && d.blamedOnOther(k, tp.key, keys, linked) {
					continue // "The 2014 Sony attack was blamed on North Korea" in a report on a Chinese crew
				}
				if tr.typ == "targets" && tr.frames != nil && d.frameAgentNamed(k, tp.key, keys) {
					continue // "Play has claimed attacks on A" (relation_topic_frame_agent.go)
				}
				if tr.typ == "targets" && tr.frames != nil && !tp.person && d.frameBlamesPerson(k) {
					continue // "OFAC connected him to the compromise of A" (relation_topic_frame_agent.go)
				}
				if tr.toTopic && !tp.local && !nearness.linkedToTopic(d, key, tp, keys, tr.mask) {
					continue // "Other vendors reported activity the same year as Operation X" far from the actor
				}
				if tp == subject && tr.intros == nil && d.definiteActorNounBefore(int(si), int(c.tokS)) {
					continue // "The actor knew of the flaw. Its targets included ...": the unnamed actor's
				}
				if tp.person && tr.intros == nil && d.groupSubjectBefore(int(si), int(c.tokS)) {
					continue // "the group sent emails to targets that included ...": the group's, not a member's
				}
				if tp == subject && c.typ == extractor.Malware && d.acc[tp.ms[0]].typ == extractor.Malware {
					continue // a ransomware report's loaders and peers are no tools of the family
				}
				if tr.typ == "uses" && ownedByOther(ownedBy[key], tp.key, linked) {
					continue // "NotPetya, attributed to the GRU" in a report on another actor
				}
				if covers(key, tp, si) && !tp.person || linked[tp.key][key] || key == tp.key ||
					tp.local && !tp.person && actorLinked[key] {
					continue
				}
				// The first mention decides, once: for a person, per
				// person; for an actor, whichever actor is its topic.
				decided := ""
				if tp.person {
					decided = tp.key
				}
				if covered[decided] == nil {
					covered[decided] = map[string]bool{}
				}
				if covered[decided][key] {
					continue
				}
				if tr.typ == "targets" && c.typ == extractor.Location && d.inSeatColumn(c.start) {
					continue // "| Firm | Headquarters |": where the victim sits
				}
				if tr.typ == "targets" && bystanderPlace[extractor.Span{Start: c.start, End: c.end}] {
					continue // "said X of Gannet Hill Security in Cleveland"
				}
				if !d.topicTargetOK(tr, k, si, endAt) {
					continue // another mention may stand where victims are spoken of
				}
				covered[decided][key] = true
				if d.comparedName(int(c.tokS)) || d.namesOther(sentActors[si], tp, c.typ != extractor.Person && !tp.person && inCase == nil, unitOfActor) ||
					d.namesOther(rowActors.at(c.start), tp, c.typ != extractor.Person && !tp.person && inCase == nil, unitOfActor) ||
					tp.person && d.namesOtherPerson(sentPersons[si], localPersons[si]) {
					continue
				}
				if negated, _ := d.relationCues(int(c.tokS), int(c.tokE)); negated {
					continue
				}
				src := &d.acc[nearestBefore(d.actorTyped(tp, malwareTopic, subject), k)]
				if (tr.seats != nil || tr.stateWords != nil || tr.sponsorWords != nil) && maskOf(src.typ)&tr.srcMask == 0 {
					continue // a vendor's "Unit 42" named most is no actor with a seat or a sponsor
				}
				sent := extractor.Span{Start: d.sents[si].Start, End: d.sents[si].End}
				coref := tp.coref(d, src)
				if tr.intros != nil {
					sent = d.introSpan(it)
				}
				if named {
					coref = "" // the intro names the actor
				} else if near {
					coref = "list intro → " + d.surface(src)
				} else if fellBack {
					coref = "list intro → " + d.surface(src) + " " + TopicCorefNote
				}
				from, to := extractor.Span{Start: src.start, End: src.end}, extractor.Span{Start: c.start, End: c.end}
				// A charged person is the member, the actor the group:
				// "Li Wen -affiliated-with-> Kestrel Bear", the direction
				// our gold gives people tied to a body (docs/corpus.md), in
				// which an employed-by with affiliated-with in also matches.
				if tr.toTopic || tr.charges != nil {
					from, to = to, from
				}
				rs.out = append(rs.out, RelationMatch{Type: tr.typ, Source: from, Target: to,
					Sentence: sent, Rule: tr.r.id, Priority: tr.r.prio, Coref: coref, Hedge: hedge})
			}
		}
	}
}

// inListOfKind reports whether mention k is a member of a coordination
// of mentions of its own type ("Operation Black Mine, Operation GoldenAxe
// and Campaign Rifle"). Such a catalogue of campaigns is a profile's own
// statement about them, and what it says (the actor ran them, used them,
// was linked to them) is the sentence's to say, not the topic's to guess.
func (d *docState) inListOfKind(k int, endAt map[int]int) bool {
	c := &d.acc[k]
	lo, hi := int(d.sentLo[d.sentOf[c.tokS]]), int(d.sentLo[d.sentOf[c.tokS]+1])
	sep := func(i int) bool { return d.fold[i] == "," || d.fold[i] == "and" || d.fold[i] == "or" }
	// The member before: separators, then a mention of the same type.
	i := int(c.tokS) - 1
	for i >= lo && i >= int(c.tokS)-2 && sep(i) {
		i--
	}
	if i < int(c.tokS)-1 && i >= lo {
		if j, ok := endAt[i]; ok && d.acc[j].typ == c.typ {
			return true
		}
	}
	// The member after.
	i = int(c.tokE)
	for i < hi && i < int(c.tokE)+2 && sep(i) {
		i++
	}
	if i > int(c.tokE) && i < hi {
		if j := d.startM[i]; j >= 0 && d.acc[j].typ == c.typ {
			return true
		}
	}
	return false
}

// namesActorTwice reports whether the text names some threat actor (or a
// mention it equates with one) at least twice.
func (d *docState) namesActorTwice(keys []string, isActor func(k int) bool) bool {
	seen := map[string]bool{}
	for k := range d.acc {
		if d.acc[k].hide || !isActor(k) {
			continue
		}
		if seen[keys[k]] {
			return true
		}
		seen[keys[k]] = true
	}
	return false
}

// cuedNear reports whether sentence si or the one before it holds a
// phrase of ps.
func (d *docState) cuedNear(ps *phraseSet, si int) bool {
	return d.cuedBefore(ps, si, -1) || si > 0 && d.cuedBefore(ps, si-1, -1)
}

// topicTargetOK reports whether mention k in sentence si stands where the
// rule's cues, passive clause, frames and exclusions let it be a target.
func (d *docState) topicTargetOK(tr topicRule, k int, si int32, endAt map[int]int) bool {
	c := &d.acc[k]
	if d.editorialNote(int(si)) {
		return false // "The Post, its reporter and the firms quoted (A in Seoul) are invented." (relation_topic_note.go)
	}
	if tr.cues != nil && (!d.cuedInQuoteOf(tr.cues, int(si), int(c.tokS)) &&
		!d.cuedBefore(tr.cues, d.sectionHeading(int(si)), -1) && !d.labelCued(tr.labels, int(si), int(c.tokS)) &&
		!d.shareCueAfter(tr.cues, k) ||
		d.unnamedActorBefore(int(c.tokS))) {
		// (An indefinite actor before the target has its own victims:
		// "... keep pursuing foreign hackers who go after hospitals".)
		return false
	}
	if tr.notCues != nil && d.cuedBefore(tr.notCues, int(si), int(c.tokS)) {
		return false
	}
	if tr.seats != nil && !d.attackersSeat(tr.seats, d.listStart(int(c.tokS), endAt)) {
		return false
	}
	if tr.stateWords != nil && !d.unnamedSponsored(tr.stateWords, k) {
		return false
	}
	if tr.sponsorWords != nil && !d.unnamedWorksFor(tr.sponsorWords, k, d.listStart(int(c.tokS), endAt)) {
		return false
	}
	if tr.passive != nil && !d.agentlessPassive(tr.passive, k) {
		return false
	}
	if tr.frames != nil && (!d.framedObject(tr.frames, k, endAt) && !d.victimsAfter(k) &&
		!d.victimSection(tr.sections, k, int(si)) ||
		d.unnamedActorBefore(int(c.tokS))) {
		return false
	}
	if tr.frames != nil && d.closingSpeaker(extractor.Span{Start: c.start, End: c.end}) {
		return false // "the breach of A, Microsoft said" (relation_closing_speaker.go)
	}
	if tr.notBefore != nil && d.describesActor(tr.notBefore, c) {
		return false
	}
	if tr.notAfter != nil {
		i := d.listStart(int(c.tokS), endAt)
		if d.endsPhrase(tr.notAfter, i) || d.modifierBefore(i) && d.endsPhrase(tr.notAfter, i-1) {
			return false
		}
		// "an office in Chengdu, the capital of Sichuan province": the
		// province of an apposed capital stands where the city does.
		if j := d.capitalOfPlace(i, endAt); j >= 0 && (d.endsPhrase(tr.notAfter, j) ||
			d.modifierBefore(j) && d.endsPhrase(tr.notAfter, j-1)) {
			return false
		}
	}
	if tr.cues != nil && c.typ == extractor.Location && d.apposedBodyPlace(int(c.tokS), int(c.tokE)) {
		return false // "an intrusion at MGM Resorts, the Las Vegas company that runs ..." (relation_topic_whereabouts.go)
	}
	if tr.cues != nil && c.typ == extractor.Location && d.attackersWhereabouts(d.listStart(int(c.tokS), endAt)) {
		return false // "the actors and their ransomware were in Russia" (relation_topic_whereabouts.go)
	}
	if tr.typ == "targets" && d.relayedPlace(d.listStart(int(c.tokS), endAt)) {
		return false // "routed their traffic through hacked computers at universities" (relation_topic_relay.go)
	}
	if tr.cues != nil && c.typ == extractor.Location && d.machinesSpread(d.listStart(int(c.tokS), endAt)) {
		return false // "the infected routers were spread across Europe and Asia"
	}
	if tr.cues != nil && c.typ == extractor.Location && (d.courtPlace(tr.cues, d.listStart(int(c.tokS), endAt)) ||
		d.datelinePlace(c)) {
		return false // "was sentenced in Seattle", "LONDON - ...", "By A. Writer · Rotterdam"
	}
	if tr.cues != nil && d.inQuotation(int(si), int(c.tokS)) {
		return false // an analyst's words: "Chengdu and Beijing ship the access," she said
	}
	if tr.cues != nil && c.typ == extractor.Location && (d.placeActs(int(c.tokS), int(c.tokE)) ||
		d.placeActsLater(int(c.tokS), int(c.tokE)) ||
		d.inQuoteAttribution(int(si), int(c.tokS))) {
		return false
	}
	return true
}

// modifierBefore reports whether the token before i is a lower-case word
// that qualifies the name at i ("messages from prominent journalists",
// "based in northern Italy"): a not_after phrase before it still speaks
// of the name.
func (d *docState) modifierBefore(i int) bool {
	if i-1 <= d.sentLo[d.sentOf[i]] || d.cover[i-1] != 0 || determiners[d.fold[i-1]] {
		return false
	}
	for _, r := range d.tokText[i-1] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// inQuoteAttribution reports whether token at of sentence si stands in the
// attribution of a quotation, after its closing quotation mark and a verb
// of saying: in `"...," said Ines Marr, who studies intrusion crews at
// Harbor Point in Rotterdam` the place is where the speaker works.
func (d *docState) inQuoteAttribution(si, at int) bool {
	lo := d.sentLo[si]
	in, closed, said := false, false, false
	for i := lo; i < at; i++ {
		switch f := d.fold[i]; {
		case f == "\"" && !in, f == "\u201c":
			in, closed, said = true, false, false // a quotation opens
		case f == "\"" || f == "\u201d":
			in, closed, said = false, true, false
		case closed && !in && attributionVerbs[f]:
			said = true
		}
	}
	return closed && said && !in
}

// machinesSpread reports whether the place list starting at token i
// follows a verb of spreading ("spread across", "scattered over") whose
// subject is machines: "the compromised devices were spread across
// Europe, Asia and Africa" says where the actor's network sits, not whom
// it attacks ("victims spread across Peru and Chile" are still victims).
func (d *docState) machinesSpread(i int) bool {
	lo := d.sentLo[d.sentOf[i]]
	if i-2 < lo || !spreadVerbs[d.fold[i-2]] || !spreadPrepositions[d.fold[i-1]] {
		return false
	}
	for j := i - 3; j >= lo; j-- {
		if spreadMachines[d.fold[j]] {
			return true
		}
	}
	return false
}

var (
	spreadVerbs        = map[string]bool{"spread": true, "scattered": true, "distributed": true, "dispersed": true, "located": true}
	spreadPrepositions = map[string]bool{"across": true, "over": true, "throughout": true, "among": true}
	spreadMachines     = map[string]bool{"devices": true, "nodes": true, "bots": true, "routers": true, "servers": true,
		"cameras": true, "machines": true, "hosts": true, "endpoints": true, "proxies": true, "addresses": true}
)

// courtPlace reports whether the place list starting at token i says
// where a case was heard or a person held: after "in", with a word of a
// court or an arrest a few words before and no cue between ("was
// sentenced this month in Seattle", "were charged in federal court in
// Washington", "was arrested in Malaysia").
func (d *docState) courtPlace(cues *phraseSet, i int) bool {
	lo := d.sentLo[d.sentOf[i]]
	hi := d.sentHi(i)
	if i-1 < lo || d.fold[i-1] != "in" {
		return false
	}
	for j := i - 2; j >= lo && j >= i-8; j-- {
		if cues.startsAt(d, j, hi) {
			return false
		}
		if courtWords[d.fold[j]] {
			return true
		}
	}
	return false
}

var courtWords = map[string]bool{"sentenced": true, "arrested": true, "extradited": true, "detained": true,
	"convicted": true, "indicted": true, "charged": true, "tried": true, "court": true, "courtroom": true,
	"pleaded": true, "jailed": true, "imprisoned": true, "prosecuted": true, "arraigned": true, "custody": true}

// datelinePlace reports whether the place c is a news dateline
// ("WASHINGTON - ...", "LONDON/WASHINGTON, March 25 (Wire) -") or stands
// in a byline ("By A. Writer · Rotterdam · 23 April"): where the story
// was filed, not whom the actor hit.
func (d *docState) datelinePlace(c *cand) bool {
	si := d.sentOf[c.tokS]
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	if d.fold[lo] == "by" {
		for j := lo + 1; j < hi && j < lo+12; j++ {
			if t := d.tokText[j]; t == "·" || t == "|" || t == "•" {
				return true
			}
		}
	}
	if int(c.tokS) > lo+2 {
		return false
	}
	sur := d.surface(c)
	letters := 0
	for _, r := range sur {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 4 || int(c.tokE) >= hi {
		return false
	}
	switch d.tokText[c.tokE] {
	case "-", "—", "–", ",", "/", "(":
		return true
	}
	return false
}

// inQuotation reports whether token at of sentence si stands inside a
// direct quotation: an analyst's or official's words ("\"If you are
// Beijing, these are the rooms you want to hear,\" said X") say what the
// speaker thinks, not whom the actor hit.
func (d *docState) inQuotation(si, at int) bool {
	in := false
	for i := d.sentLo[si]; i < at; i++ {
		in = quoteAfter(in, d.fold[i])
	}
	return in
}

// quoteAfter is the quotation state after token w when in was the state
// before it: a straight quote or guillemet toggles, curly quotes open and
// close.
func quoteAfter(in bool, w string) bool {
	switch w {
	case "\"", "\u00ab", "\u00bb":
		return !in
	case "\u201c":
		return true
	case "\u201d":
		return false
	}
	return in
}

// pastPlaceList returns the token after a coordination of places that
// continues at i (", China and Russia"), or i when none follows; amp
// also takes "&" as a connector.
func (d *docState) pastPlaceList(i, hi int, amp bool) int {
	for i < hi {
		j := i
		for j < hi && (d.fold[j] == "," || d.fold[j] == "and" || d.fold[j] == "or" || amp && d.fold[j] == "&") {
			j++
		}
		if j == i || j >= hi {
			break
		}
		m := d.startM[j]
		if m < 0 || d.acc[m].typ != extractor.Location || int(d.acc[m].tokE) <= j {
			break
		}
		i = int(d.acc[m].tokE)
	}
	return i
}

// attributionVerbs introduce the speaker after a quotation.
var attributionVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "explained": true,
	"noted": true, "wrote": true, "warned": true, "argued": true, "cautioned": true}

// placeActs reports whether the place at tokens [s, e) is the subject of a
// verb of its own ("weeks after Russia launched its invasion", "Beijing
// denied it"): a state that acts is no victim. A place after a preposition
// ("victims in Chile were hit") or before an auxiliary ("Chile was hit")
// may still be one.
func (d *docState) placeActs(s, e int) bool {
	hi := d.sentHi(s)
	if e+1 < hi && (d.fold[e] == "was" || d.fold[e] == "is" || d.fold[e] == "were" || d.fold[e] == "are") && placeBlameWords[d.fold[e+1]] {
		return true // "officials said Russia was responsible": the attacker's state
	}
	if e+1 < hi && (d.fold[e] == "has" || d.fold[e] == "have" || d.fold[e] == "had") && placeSayingVerbs[d.fold[e+1]] {
		// "Washington has said nothing": a state that speaks is no victim.
		if p := d.tokenBefore(s); p < 0 || !prepositions[d.fold[p]] {
			return true
		}
	}
	if e >= hi || !d.isVerb(e) || placeAuxiliaries[d.fold[e]] {
		return false
	}
	if p := d.tokenBefore(s); p >= 0 && (prepositions[d.fold[p]] || victimPlaceWords[d.fold[p]] || d.fold[p] == "and" || d.fold[p] == ",") {
		return false
	}
	return true
}

// placeBlameWords, after "was", make a place the one blamed: "Russia
// was responsible", "China was behind the intrusions".
var placeBlameWords = map[string]bool{"responsible": true, "accountable": true, "behind": true, "culpable": true}

// placeSayingVerbs are the participles of saying after which a place
// subject with "has" speaks: "Washington has said nothing".
var placeSayingVerbs = map[string]bool{"said": true, "denied": true, "mentioned": true, "stated": true,
	"declined": true, "responded": true, "commented": true, "rejected": true, "accused": true, "blamed": true,
	"warned": true, "insisted": true, "claimed": true, "called": true, "announced": true, "refused": true}

// tokenBefore returns the token before s in its sentence, or -1.
func (d *docState) tokenBefore(s int) int {
	if s-1 < d.sentLo[d.sentOf[s]] {
		return -1
	}
	return s - 1
}

// placeAuxiliaries are the verbs after which a place subject may still be
// a victim: "Chile was hit", "Peru has been targeted".
var placeAuxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"being": true, "has": true, "have": true, "had": true, "remains": true, "remained": true, "became": true,
	"saw": true, "suffered": true, "faced": true, "faces": true, "experienced": true}

// listStart returns the first token of the coordination of mentions of
// the type of the one at token i that it is a member of ("partners in the
// United Kingdom, Germany and Canada": Canada's list starts at "the United
// Kingdom"; "patch Outlook, Roundcube and WinRAR"), or i.
func (d *docState) listStart(i int, endAt map[int]int) int {
	typ := extractor.Location
	if m := d.startM[i]; m >= 0 {
		typ = d.acc[m].typ
	}
	lo := d.sentLo[d.sentOf[i]]
	if i > lo && d.fold[i-1] == "the" {
		i-- // "in the United Kingdom"
	}
	for {
		j := i - 1
		for j >= lo && (d.fold[j] == "and" || d.fold[j] == "or" || d.fold[j] == ",") {
			j--
		}
		if j < lo || j == i-1 {
			return i
		}
		k, ok := endAt[j]
		if !ok && typ != extractor.Location && capitalised(d.tokText[j]) {
			// A one-word name the gazetteers do not know ("Roundcube")
			// is a member too, for names other than places.
			i = j
			continue
		}
		if !ok || d.acc[k].typ != typ {
			return i
		}
		i = int(d.acc[k].tokS)
		if i > lo && d.fold[i-1] == "the" {
			i--
		}
	}
}

// namesOther reports whether a sentence naming the actors keys names one
// other than the topic tp; for a person topic, any actor. When units is
// set, a numbered unit no relation ties to an actor is not another actor
// (relation_topic_unit.go); tied tells the tied units.
func (d *docState) namesOther(keys []string, tp *topicSource, units bool, tied func(unit string) bool) bool {
	for _, k := range keys {
		if tp.person || k != tp.key && !(units && isUnitKey(k) && !tied(k)) {
			return true
		}
	}
	return false
}

// namesOtherPerson reports whether a sentence naming the persons keys
// names one who is not among the charged persons topics.
func (d *docState) namesOtherPerson(keys []string, topics []*topicSource) bool {
outer:
	for _, k := range keys {
		for _, tp := range topics {
			if tp.key == k {
				continue outer
			}
		}
		return true
	}
	return false
}

// companiesOutnaming returns the keys of the organizations named more
// often than n times: a report about a contractor (i-Soon, Integrity
// Technology Group) that also names an actor may list the company's
// victims.
func (d *docState) companiesOutnaming(keys []string, n int) []string {
	org := maskOf(extractor.Organization)
	count := map[string]int{}
	var out []string
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || maskOf(c.typ)&org == 0 {
			continue
		}
		if count[keys[k]]++; count[keys[k]] == n+1 {
			out = append(out, keys[k])
		}
	}
	return out
}

// attacks reports whether a relation rule made the entity with key the
// source of a targets or contractor-of relation: a company the text has
// hack someone or work for a government.
func (d *docState) attacks(rs *relState, key string, byStart map[extractor.Span]int, keys []string) bool {
	for _, m := range rs.out {
		if m.Rule != "" && (m.Type == "targets" || m.Type == "contractor-of") {
			if k, ok := byStart[m.Source]; ok && keys[k] == key {
				return true
			}
		}
	}
	return false
}

// leadingCompany returns the mentions of the name ok selects that the
// document names most, when dominantOf would, or when it is named at
// least topicDominantMin times and at least twice as often as any other.
func (d *docState) leadingCompany(keys []string, ok func(k int) bool) []int {
	if ms := d.dominantOf(keys, ok); ms != nil {
		return ms
	}
	byKey := map[string][]int{}
	for k := range d.acc {
		if !d.acc[k].hide && ok(k) {
			byKey[keys[k]] = append(byKey[keys[k]], k)
		}
	}
	var best []int
	second := 0
	for _, ks := range byKey {
		switch {
		case len(ks) > len(best):
			second, best = len(best), ks
		case len(ks) > second:
			second = len(ks)
		}
	}
	if len(best) < topicDominantMin || len(best) < 2*second {
		return nil
	}
	return best
}

// staffChargedReach is how many tokens before "<company> employees" a
// charge word may stand ("charged eight i-Soon employees").
const staffChargedReach = 4

// staffCharged reports whether one of the company's mentions ms names
// staff that a charge word right before it says were charged: "the
// Justice Department charged eight i-Soon employees". A company whose
// staff are charged for hacking is a hacking company, as one the text has
// attack someone is.
func (d *docState) staffCharged(ms []int) bool {
	for _, k := range ms {
		c := &d.acc[k]
		e, lo := int(c.tokE), int(d.sentLo[d.sentOf[c.tokS]])
		if e >= len(d.fold) || !d.p.cti.staffNouns[d.fold[e]] {
			continue
		}
		for i := int(c.tokS) - 1; i >= lo && i >= int(c.tokS)-staffChargedReach; i-- {
			if chargeWords[d.fold[i]] {
				return true
			}
		}
	}
	return false
}

// Words an agentless passive clause may hold between its subject and the
// verb ("Hospitals in Ohio, Utah and Iowa were later hit"), besides names.
var (
	passiveSubjectGlue = map[string]bool{"in": true, "and": true, "or": true, ",": true, "the": true, "its": true,
		"their": true, "a": true, "an": true, "of": true, "at": true, "both": true, "all": true, "several": true,
		"two": true, "three": true, "four": true, "five": true, "many": true, "other": true, "other's": true}
	passiveAux = map[string]bool{"was": true, "were": true, "is": true, "are": true, "got": true, "been": true,
		"has": true, "have": true, "had": true}
	passiveAdverbs = map[string]bool{"later": true, "also": true, "then": true, "reportedly": true, "allegedly": true,
		"repeatedly": true, "previously": true, "subsequently": true, "eventually": true, "all": true, "both": true,
		"likely": true, "probably": true, "apparently": true, "successfully": true, "similarly": true, "additionally": true}
)

// haveForms are the auxiliaries of passiveAux that are no form of "be".
var haveForms = map[string]bool{"has": true, "have": true, "had": true}

// passiveReach bounds how far agentlessPassive looks for the verb.
const passiveReach = 16

// agentlessPassive reports whether mention k is (part of) the subject of a
// passive clause with a verb of ps and no agent: "Randolph Air Force Base in
// Texas and Robins Air Force Base were breached". With an agent ("were
// breached by X") a relation rule decides instead.
func (d *docState) agentlessPassive(ps *phraseSet, k int) bool {
	c := &d.acc[k]
	si := d.sentOf[c.tokS]
	hi := d.sentLo[si+1]
	i := int(c.tokE)
	// The head of a victim the mention names only in part: "Health care
	// providers in Ohio were hit", where the sector is "Health care".
	if cues := d.p.relCues; cues != nil && cues.sectorHeads != nil && i < hi && isLowerWord(d.tokText[i]) &&
		cues.sectorHeads.startsAt(d, i, i+1) {
		i++
	}
	if i = d.afterSectorNoun(i, hi); d.passivePredicate(ps, d.saidOfItself(i, hi), hi) {
		return true
	}
	for steps := 0; i < hi && steps < passiveReach; steps++ {
		if m := d.startM[i]; m >= 0 && int(d.acc[m].tokE) > i {
			i = d.afterSectorNoun(int(d.acc[m].tokE), hi)
			continue
		}
		if !passiveSubjectGlue[d.fold[i]] {
			break
		}
		i++
	}
	// A form of "be" is needed here too: after an apposition "has
	// breached" is active ("X, a group officials link to China, has
	// breached A": China is no victim).
	if d.passivePredicate(ps, i, hi) {
		return true
	}
	return d.namedListSubject(k, i) && d.passivePredicate(ps, d.saidOfThemselves(i, hi), hi)
}

// afterSectorNoun returns the index after a noun of rel_sector_nouns at i
// that closes a list of sectors ("firms in the finance, media and
// chemical sectors were targeted"), else i.
func (d *docState) afterSectorNoun(i, hi int) int {
	if cues := d.p.relCues; cues != nil && cues.sectorNouns != nil && i < hi && isLowerWord(d.tokText[i]) &&
		cues.sectorNouns.startsAt(d, i, i+1) {
		return i + 1
	}
	return i
}

// namedListSubject reports whether the words of mention k's sentence
// before token end are a list of names only, at least two of them
// organisations or government bodies: "Adobe and Juniper", "Pellmark,
// Hallick and the Harlow water board". Such a list may report of itself
// with "they" (saidOfThemselves).
func (d *docState) namedListSubject(k, end int) bool {
	c := &d.acc[k]
	lo := d.sentLo[d.sentOf[c.tokS]]
	named := 0
	for i := lo; i < end; {
		if m := d.startM[i]; m >= 0 && int(d.acc[m].tokE) > i {
			if d.acc[m].typ == extractor.Organization || d.acc[m].typ == extractor.Government {
				named++
			}
			i = int(d.acc[m].tokE)
			continue
		}
		if !passiveSubjectGlue[d.fold[i]] {
			return false
		}
		i++
	}
	return named >= 2
}

// saidOfThemselves returns the index after "they" or "their ..." in a
// clause a list of named victims reports of itself ("Adobe and Juniper
// said they were also among the targets"), where a passive predicate may
// follow. Else hi.
func (d *docState) saidOfThemselves(i, hi int) int {
	return d.saidOf(i, hi, "they", "their")
}

// Verbs by which a victim reports its own breach: "Viasat later said it
// had also been compromised", "X told regulators that its email had been
// accessed".
var selfReportVerbs = map[string]bool{"said": true, "says": true, "told": true, "disclosed": true, "discloses": true,
	"confirmed": true, "confirms": true, "acknowledged": true, "acknowledges": true, "admitted": true, "admits": true,
	"announced": true, "announces": true, "revealed": true, "reported": true, "reports": true, "mentioned": true}

// saidOfItself returns the index after "it" or "its ..." (up to three
// lower-case words) in a clause the mention ending at i reports of itself
// ("X later said it", "X told regulators that its cloud email"), where a
// passive predicate may follow. Else hi.
func (d *docState) saidOfItself(i, hi int) int {
	return d.saidOf(i, hi, "it", "its")
}

// saidOf returns the index after pronoun subj, or after possessive poss
// and up to three lower-case words, in a clause reported by a verb of
// selfReportVerbs at i (saidOfItself, saidOfThemselves). Else hi.
func (d *docState) saidOf(i, hi int, subj, poss string) int {
	for i < hi && passiveAdverbs[d.fold[i]] {
		i++
	}
	if i >= hi || !selfReportVerbs[d.fold[i]] {
		return hi
	}
	i++
	// The addressee of "told": "told regulators", "told the SEC".
	for n := 0; i < hi && n < 3 && !(d.fold[i] == "that" || d.fold[i] == subj || d.fold[i] == poss); n++ {
		if d.fold[i] == "," || d.fold[i] == "." {
			return hi
		}
		i++
	}
	if i < hi && d.fold[i] == "that" {
		i++
	}
	switch {
	case i < hi && d.fold[i] == subj:
		return i + 1
	case i < hi && d.fold[i] == poss:
		for k := i + 1; k < hi && k <= i+4; k++ {
			if passiveAux[d.fold[k]] {
				return k
			}
			if !isLowerWord(d.tokText[k]) {
				return hi
			}
		}
	}
	return hi
}

// passivePredicate reports whether an agentless passive predicate with a
// verb of ps starts at token i: "were (later) breached", "had been among
// the carriers hit". The auxiliaries must hold a form of "be" ("it had
// spied on" is active; "it had been breached" is not).
func (d *docState) passivePredicate(ps *phraseSet, i, hi int) bool {
	aux, be := false, false
	// Auxiliaries and adverbs mix: "had also been", "were later".
	for i < hi && (passiveAux[d.fold[i]] || aux && passiveAdverbs[d.fold[i]]) {
		if passiveAux[d.fold[i]] {
			aux = true
			be = be || !haveForms[d.fold[i]]
		}
		i++
	}
	if !aux || !be {
		return false
	}
	if i < hi && !ps.startsAt(d, i, hi) {
		i = d.reducedPassive(ps, i, hi)
	}
	if i >= hi || !ps.startsAt(d, i, hi) {
		return false
	}
	for j := i + 1; j < hi && j <= i+6; j++ {
		switch d.fold[j] {
		case "by":
			return false
		case ".", ";", ":", ",":
			return true
		}
	}
	return true
}

// reducedPassive returns the index of the participle of ps that ends a
// set the clause's subject belongs to, a plural noun phrase after "among"
// or "one of": "AT&T and Verizon were among the carriers breached",
// "Pellmark was one of the firms hit". Else i. A victim noun of ps
// (victimNouns) may end such a phrase too, or a predicate noun phrase
// after an article: "Pellmark was one of the victims", "the Harlow water
// board was the first victim to go public", "it was an early target".
func (d *docState) reducedPassive(ps *phraseSet, i, hi int) int {
	j := i
	switch {
	case d.fold[j] == "among":
		j++
	case d.fold[j] == "one" && j+1 < hi && d.fold[j+1] == "of":
		j += 2
	case d.fold[j] == "the" || d.fold[j] == "a" || d.fold[j] == "an":
		// Up to three lower-case words, then a victim noun: "the first
		// victim", "an early and frequent target".
		for k := j + 1; k < hi && k <= j+4; k++ {
			if d.victimNounAt(ps, k, hi) {
				return k
			}
			if !isLowerWord(d.tokText[k]) {
				return i
			}
		}
		return i
	default:
		return i
	}
	if j < hi && (d.fold[j] == "the" || d.fold[j] == "its" || d.fold[j] == "their") {
		j++
	}
	// Up to three lower-case words of the set's noun phrase ("the many
	// telecom carriers"), then the participle.
	for k := j; k < hi && k <= j+3; k++ {
		if k > j && ps.startsAt(d, k, hi) || d.victimNounAt(ps, k, hi) {
			return k
		}
		if !isLowerWord(d.tokText[k]) {
			return i
		}
	}
	return i
}

// victimNounAt reports whether token k is a noun that is a one-word phrase
// of the rule's passive list ps ("victim", "target"), which may end the
// predicate noun phrase of an agentless victim clause ("was the first
// victim"), and what follows it keeps it a victim: after "of" or "for"
// only an attack (rel_attack_nouns: "the target of the attacks", not "the
// target of a lawsuit", "of the sanctions", "of the regulator's review"),
// and no "to be" with a participle the list lacks ("the first target to be
// patched").
func (d *docState) victimNounAt(ps *phraseSet, k, hi int) bool {
	var buf [4]int
	if !strings.HasPrefix(d.pos(k), "NN") || !slices.Contains(ps.ends(d, k, hi, buf[:0]), k+1) {
		return false
	}
	n := k + 1
	if n >= hi {
		return true
	}
	switch d.fold[n] {
	case "of", "for":
		for j := n + 1; j < hi && j <= n+5; j++ {
			if d.p.cti.attackNouns[d.fold[j]] {
				return true
			}
			if d.startM[j] >= 0 || strings.ContainsAny(d.fold[j], ".,;:()") {
				return false
			}
		}
		return false
	case "to":
		return !(n+2 < hi && d.fold[n+1] == "be" && !ps.startsAt(d, n+2, hi))
	}
	return true
}

// cuedBefore reports whether sentence si (-1: none) holds a phrase of ps
// that starts before token at (-1: anywhere). A cue after the name does
// not make it a victim: in "X, with partners in Canada, described the
// compromised routers" Canada only published.
func (d *docState) cuedBefore(ps *phraseSet, si, at int) bool {
	if si < 0 {
		return false
	}
	hi := d.sentLo[si+1]
	end := hi
	if at >= 0 && at < end {
		end = at
	}
	for i := d.sentLo[si]; i < end; i++ {
		if ps.startsAt(d, i, hi) && !d.nameWordCue(i, d.sentLo[si], hi) {
			return true
		}
	}
	return false
}

// nameWordCue reports whether the cue at token i (of the sentence [lo,
// hi)) is the first word of a capitalised name in lower-case text: "a blog
// calling itself Intrusion Truth", "a firm named Espionage Labs" name no
// intrusion or espionage. (Not in a title-case headline, where the word
// before is capitalised too: "APT28 Targets Ukrainian Ministries".)
func (d *docState) nameWordCue(i, lo, hi int) bool {
	if i <= lo || i+1 >= hi {
		return false
	}
	prev, next := d.tokText[i-1], d.tokText[i+1]
	r, _ := utf8.DecodeRuneInString(prev)
	// A capitalised preposition after it makes an event written in title
	// case, not a name: "began Attacks On Tianjin Ports".
	if titlePrepositions[d.fold[i+1]] {
		return false
	}
	return capitalised(d.tokText[i]) && unicode.IsLower(r) && capitalised(next) && len(next) > 1
}

// titlePrepositions are the prepositions of a title-case phrase (nameWordCue).
var titlePrepositions = map[string]bool{"on": true, "against": true, "at": true, "into": true, "of": true, "in": true,
	"targeting": true, "towards": true, "toward": true}

// cuedInQuoteOf is cuedBefore for a target at token at, counting only
// cues on the same side of a quotation's marks: in `"They were never
// military targets," said X of Y in Rotterdam` the quote's cue says
// nothing of where the speaker's firm is.
func (d *docState) cuedInQuoteOf(ps *phraseSet, si, at int) bool {
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	// One pass: the quotation state of every token before the target, and
	// whether a cue stands on each side.
	in, cuedIn, cuedOut := false, false, false
	for i := lo; i < at && i < hi; i++ {
		if ps.startsAt(d, i, hi) && !d.nameWordCue(i, lo, hi) {
			cuedIn, cuedOut = cuedIn || in, cuedOut || !in
		}
		in = quoteAfter(in, d.fold[i])
	}
	if in {
		return cuedIn
	}
	return cuedOut
}

// describesActor reports whether the place c qualifies a word of words
// rather than naming a victim: "Chinese hackers", "British and U.S.
// authorities" (across a coordination of places), "a London-based firm",
// "Russia's foreign intelligence service" (a possessive before a
// government or actor).
func (d *docState) describesActor(words *phraseSet, c *cand) bool {
	place := c.typ == extractor.Location
	if place && (strings.HasPrefix(d.text[c.end:], "-") || strings.Contains(d.surface(c), "-") && !strings.Contains(c.canonical, "-")) {
		return true // "London-based", "a China-focused consultant": a compound about someone
	}
	si := d.sentOf[c.tokS]
	hi := d.sentLo[si+1]
	i := int(c.tokE)
	// Only a coordination of places qualifies the word after its last
	// member ("British and U.S. authorities"); after "universities,
	// government agencies" the sector ended its item and "government"
	// opens the next one.
	if place {
		i = d.pastPlaceList(i, hi, true)
	}
	if i >= hi {
		return false
	}
	if d.fold[i] == "'s" || d.fold[i] == "\u2019s" {
		// "Russia's FSB", "Russia's foreign intelligence service": the
		// state's own organs, up to three words between ("Beijing's
		// five-year economic plans").
		for j := i + 1; j < hi && j <= i+4; j++ {
			if m := d.startM[j]; m >= 0 && maskOf(d.acc[m].typ)&(maskOf(extractor.Government)|maskOf(extractor.ThreatActor)) != 0 {
				return true
			}
			if words.startsAt(d, j, hi) {
				return true
			}
		}
		return false
	}
	return words.startsAt(d, i, hi)
}

// headingLookback bounds how many sentences back sectionHeading looks.
const headingLookback = 60

// sectionHeading returns the sentence that heads the section holding
// sentence si, or -1: the nearest sentence before it that stands on a line
// of its own, is short and has no closing punctuation ("## Victims",
// "4. Targeting", "Affected sectors"). List items and table rows are no
// headings. A line that introduces a list ("The victims that came forward
// include:" over "- A; - B") heads only its list: the prose after the list
// is back under the heading before it.
func (d *docState) sectionHeading(si int) int {
	for sj := si - 1; sj >= 0 && sj >= si-headingLookback; sj-- {
		if d.headingLike(sj) {
			if d.listIntroEnded(sj, si) {
				continue
			}
			return sj
		}
	}
	return -1
}

// listIntroEnded reports whether sentence h is a line that ends with a
// colon over a bulleted or numbered list, and sentence si comes after that
// list has ended (a line of its own that is no list item).
func (d *docState) listIntroEnded(h, si int) bool {
	lo, hi := d.sentLo[h], d.sentLo[h+1]
	if hi <= lo || d.tokText[hi-1] != ":" || h+1 >= si || !d.listItemLine(h+1) {
		return false
	}
	for k := h + 2; k <= si; k++ {
		if start := d.tokStart[d.sentLo[k]]; (start == 0 || d.text[start-1] == '\n') && !d.listItemLine(k) {
			return true
		}
	}
	return false
}

// listItemLine reports whether sentence k opens with a list mark (one of
// bulletMarks, "+", "1.", "2)") at the start of its line.
func (d *docState) listItemLine(k int) bool {
	lo, hi := d.sentLo[k], d.sentLo[k+1]
	if hi <= lo {
		return false
	}
	if start := d.tokStart[lo]; start != 0 && d.text[start-1] != '\n' {
		return false
	}
	switch t := d.tokText[lo]; {
	case bulletMarks[t] || t == "+":
		return true
	default:
		w := strings.TrimRight(t, ".)")
		if w == "" || len(w) > 3 {
			return false
		}
		for _, r := range w {
			if r < '0' || r > '9' {
				return false
			}
		}
		return len(w) < len(t) || lo+1 < hi && (d.tokText[lo+1] == "." || d.tokText[lo+1] == ")")
	}
}

// headingMaxTokens is the longest heading headingLike accepts.
const headingMaxTokens = 8

func (d *docState) headingLike(si int) bool {
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	if !d.titleShaped(lo, hi, headingMaxTokens) {
		return false
	}
	if d.onOwnLine(lo, hi) {
		return true
	}
	// "3. TARGETS AND TRADECRAFT": the sentence splitter cuts the section
	// number off as a sentence of its own.
	return si > 0 && d.sectionNumber(si-1) && d.onOwnLine(d.sentLo[si-1], hi)
}

// sectionNumber reports whether sentence si is only a section number
// ("3.", "4.2.", "IV."), which the sentence splitter cuts off a heading.
func (d *docState) sectionNumber(si int) bool {
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	if hi-lo < 1 || hi-lo > 2 || hi-lo == 2 && d.tokText[hi-1] != "." {
		return false
	}
	w := strings.TrimSuffix(d.tokText[lo], ".")
	if w == "" {
		return false
	}
	for _, r := range w {
		if !(r >= '0' && r <= '9' || r == '.' || strings.ContainsRune("IVXivx", r)) {
			return false
		}
	}
	return true
}

// onOwnLine reports whether tokens [lo, hi) fill whole lines: a line break
// (or the text's edge) right before the first and right after the last.
func (d *docState) onOwnLine(lo, hi int) bool {
	start, end := d.tokStart[lo], d.tokEnd[hi-1]
	return (start == 0 || d.text[start-1] == '\n') && (end == len(d.text) || d.text[end] == '\n')
}

// titleShaped reports whether tokens [lo, hi) read like a title or heading:
// at most maxTokens, no list mark or table bar first, no closing
// punctuation last.
func (d *docState) titleShaped(lo, hi, maxTokens int) bool {
	if hi <= lo || hi-lo > maxTokens {
		return false
	}
	switch d.tokText[lo] {
	case "-", "*", "\u2022", "|", "+":
		return false
	}
	switch d.tokText[hi-1] {
	case ".", "!", "?", ",", ";", "|":
		return false
	}
	return true
}

// endsPhrase reports whether a phrase of ps ends right before token i, in
// the same sentence.
func (d *docState) endsPhrase(ps *phraseSet, i int) bool {
	return d.phraseStartBefore(ps, i) >= 0
}

// nearestBefore returns the element of ks (ascending indexes) nearest
// before k, or the first one when none is before.
// actorTyped returns the mentions of an actor topic the text types as a
// threat actor, when it also has others: a key the topic shares by case
// alone with a malware ("the Hangover crew", "a downloader named
// HangOver") gives its relations to the actor's mention, not the malware's
// (extract/typedsplit.go keeps the two apart). The mentions of a malware
// or subject topic, or of a topic with no such mix, are tp.ms.
func (d *docState) actorTyped(tp, malwareTopic, subject *topicSource) []int {
	if tp == malwareTopic || tp == subject || tp.person {
		return tp.ms
	}
	var out []int
	for _, k := range tp.ms {
		if d.acc[k].typ == extractor.ThreatActor {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return tp.ms
	}
	return out
}

func nearestBefore(ks []int, k int) int {
	best := ks[0]
	for _, x := range ks {
		if x < k {
			best = x
		}
	}
	return best
}

// comparisonWords before a name make it a point of comparison, not a tool
// in use: "like PlugX", "unlike PlugX".
var comparisonWords = map[string]bool{"like": true, "unlike": true, "resembles": true, "resembling": true,
	"than": true, "versus": true, "vs": true, "vs.": true}

// comparedName reports whether the name starting at token i is introduced
// as a point of comparison or an ancestor: "variant of (the) X", "based on
// X", "derived from X", "like X", "unlike X", "resembles the one X left",
// "similar to those of X". "A version of X" is X itself
// ("relied on an updated version of GammaSteel", "removed a version of the
// PlugX malware").
func (d *docState) comparedName(i int) bool {
	lo := d.sentLo[d.sentOf[i]]
	j := i - 1
	// "resembles the one X left", "similar to those of X": the compared
	// thing stands for X's.
	if j-1 >= lo && (d.fold[j] == "one" || d.fold[j] == "ones") && d.fold[j-1] == "the" {
		j -= 2
	} else if j-1 >= lo && d.fold[j] == "of" && (d.fold[j-1] == "that" || d.fold[j-1] == "those") {
		j -= 2
	}
	if j >= lo && (d.fold[j] == "the" || d.fold[j] == "a" || d.fold[j] == "an") {
		j--
	}
	if j < lo {
		return false
	}
	if comparisonWords[d.fold[j]] {
		return true
	}
	if j-1 >= lo {
		switch d.fold[j-1] + " " + d.fold[j] {
		case "variant of", "fork of", "clone of", "successor of", "successor to", "based on",
			"derived from", "similar to", "descended from", "evolved from", "modelled on", "modeled on":
			return true
		}
	}
	// "compared (it in spirit) with X", "likened the loader to X", "in
	// contrast with X" (rel_comparison_words): what the text measures a
	// tool against.
	if f := d.fold[j]; f == "with" || f == "to" {
		for k := j - 1; k >= lo && k >= j-comparedVerbReach; k-- {
			if d.p.cti.comparisonWords[d.fold[k]] {
				return true
			}
		}
	}
	return false
}

// comparedVerbReach is how many tokens before "with"/"to" a word of the
// pack list rel_comparison_words may stand ("compared it in spirit with",
// "likened the loader to").
const comparedVerbReach = 4

// capitalised reports whether a token starts with an upper-case letter.
func capitalised(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r)
}

// chargeAnaphor reports whether a coreference note resolves an anaphor
// whose last word is a charge noun: `"the conspirators" → A`.
func chargeAnaphor(coref string, charges map[string]bool) bool {
	if !strings.HasPrefix(coref, "\"") {
		return false
	}
	end := strings.Index(coref[1:], "\"")
	if end < 0 {
		return false
	}
	words := strings.Fields(strings.ToLower(coref[1 : 1+end]))
	return len(words) > 0 && charges[words[len(words)-1]]
}

// ownedByOther reports whether some party of owners (the parties a relation
// attributes a malware or tool to) is neither the topic nor a party a
// relation ties the topic to.
func ownedByOther(owners []string, topic string, linked map[string]map[string]bool) bool {
	for _, o := range owners {
		if o != topic && !linked[topic][o] {
			return true
		}
	}
	return false
}

// appositionAfter reports whether a mention ending at token e is followed
// by an apposition or a relative clause that defines it: ", the largest
// operation ...", ", a campaign ...", ", which it described as ...".
func (d *docState) appositionAfter(e int) bool {
	if e+1 >= len(d.fold) || d.fold[e] != "," || d.sentOf[e+1] != d.sentOf[e] {
		return false
	}
	switch d.fold[e+1] {
	case "a", "an", "the", "which":
		return true
	}
	return false
}

// sentHasWord reports whether sentence si holds a word of set.
func (d *docState) sentHasWord(si int32, set map[string]bool) bool {
	for t := d.sentLo[si]; t < d.sentLo[si+1]; t++ {
		if set[d.fold[t]] {
			return true
		}
	}
	return false
}

// introMalwareSubject reports whether the intro sentence si speaks of a
// malware family by a definite noun ("the malware", "the worm"; pack list
// rel_list_malware_nouns) and names no actor: the list after it
// is what that family uses.
func (d *docState) introMalwareSubject(si int32) bool {
	nouns := d.p.cti.listMalwareNouns
	if len(nouns) == 0 {
		return false
	}
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	for t := lo; t+2 < hi; t++ {
		if (d.fold[t] == "the" || d.fold[t] == "this") && nouns[d.fold[t+1]] {
			return d.introSubjectAt(lo, t, t+2)
		}
	}
	return false
}

// introSubjectAt reports whether the noun phrase from t to before next is
// the subject of the intro sentence starting at lo: nothing before it is an
// infinitive's "to", a comparison ("Unlike Emotet, the malware ...") or a
// malware name, and no preposition, conjunction or punctuation follows it.
// "Researchers unpacked the malware with:" and "To detect the malware,
// defenders can use:" list the defenders' tools, not the family's. (Words,
// not the tagger: it reads "hosts" in "From the first hosts the malware
// spread" as a verb and "spread" as a noun.)
func (d *docState) introSubjectAt(lo, t, next int) bool {
	for i := lo; i < t; i++ {
		if introNotSubjectBefore[d.fold[i]] {
			return false
		}
		if k := d.startM[i]; k >= 0 && d.acc[k].typ == extractor.Malware {
			return false
		}
	}
	return next < d.sentLo[d.sentOf[t]+1] && !introNotSubjectAfter[d.fold[next]]
}

// introNotSubjectBefore and introNotSubjectAfter are the function words
// around a definite noun that make it no subject (introSubjectAt).
var (
	introNotSubjectBefore = map[string]bool{"to": true, "unlike": true, "like": true, "than": true}
	introNotSubjectAfter  = map[string]bool{"with": true, "using": true, "for": true, "by": true, "in": true, "on": true,
		"from": true, "via": true, "through": true, "and": true, "or": true, "of": true, ",": true, ":": true, ";": true, ".": true}
)

// introMalwareBefore returns the last malware mention of the intro sentence
// si or of the listIntroReach sentences before it (not past its section's
// heading), or -1.
func (d *docState) introMalwareBefore(si int32) int {
	from := max(0, int(si)-listIntroReach)
	if h := d.sectionHeading(int(si)); h > from {
		from = h
	}
	for t := d.sentLo[si+1] - 1; t >= d.sentLo[from]; t-- {
		if k := int(d.startM[t]); k >= 0 && !d.acc[k].hide && d.acc[k].typ == extractor.Malware {
			return k
		}
	}
	return -1
}

// capitalOfPlace returns the start of the place list that token i's place
// is apposed to as its region ("Chengdu, the capital of Sichuan", "Jinan,
// capital of Shandong province"), or -1.
func (d *docState) capitalOfPlace(i int, endAt map[int]int) int {
	lo := d.sentLo[d.sentOf[i]]
	j := i - 1
	if j < lo || d.fold[j] != "of" {
		return -1
	}
	j--
	if j < lo || d.fold[j] != "capital" {
		return -1
	}
	j--
	if j >= lo && d.fold[j] == "the" {
		j--
	}
	if j < lo || d.fold[j] != "," {
		return -1
	}
	j--
	k, ok := endAt[j]
	if !ok || d.acc[k].typ != extractor.Location {
		return -1
	}
	return d.listStart(int(d.acc[k].tokS), endAt)
}
