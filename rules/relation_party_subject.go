package rules

import "github.com/reportgraph/extractor"

// Non-actor parties as the subjects of their own cases. A sanctions
// release, an indictment or a news story often tells a case whose acting
// party is no named threat actor: a military unit ("The Main Centre for
// Special Technologies was held responsible for the attacks on the power
// grid"), a company ("The council said Harlow Trading had supported the
// theft from Varn Bank"), charged people ("The four officers tried to break
// into the network of the Varnholt Institute"). The sentence rules take
// threat actors as the sources of targets; the topic rules give a block
// about such a party nothing (relation_topic_cases.go).
//
// Within a block (a section, or a paragraph without sections) whose first
// sentence that has a party opens with such a party as its subject — a
// company, a government body or a person, or a plural anaphor for people
// named before ("the four officers", "the pair") — each sentence of the block that has the same
// party as its subject makes the party the source of the victims that
// sentence names after it as the objects of a victim frame ("attacks on",
// "the breach of", "the network of"): each person for people charged
// together. Narrow on purpose:
//
//   - the party must open the sentence (within caseSubjectReach tokens),
//     not after a preposition, and not as a speaker ("Microsoft said ...":
//     the party after the verb of saying is the subject then) nor as a
//     victim ("Varn Bank was breached");
//   - a threat actor or a numbered unit named in the block, other than the
//     party itself (the same key after aliases: "the unit, tracked as
//     Sandworm"), between the party and the victim, leaves the victim to
//     the actor's rules;
//   - a victim some relation already gives the party is not added again.
//
// A rule of kind party (rel.targets.party-subject) turns the mechanism on
// and names it: the relations carry its id and priority and a "(topic)"
// note; its source types are the parties', its target types the victims'.
// The victim frames and passive participles are the topic rules' (the
// first targets topic rule that gives frames, or passive), so one list
// serves both mechanisms.

// listPartyActs names the pack list of a case party's acting verbs, and
// listPartyStops the words between the act and a victim that end the
// act's reach (rel_party_stops: "after", "about", "investigation": "X
// conducted the investigation into the breach of Y" is no attack by X).
const (
	listPartyActs  = "rel_party_acts"
	listPartyStops = "rel_party_stops"
)

// KindParty is the kind of party-subject rules.
const KindParty = "party"

type partyRule struct {
	r       *rule
	srcMask typeMask
	tgtMask typeMask
}

func (c *compiler) partyRule(r *rule) {
	if c.r.rel.typ != "targets" {
		c.errorf(c.r.fields["relation"], "a party rule's relation must be targets")
		return
	}
	src, tgt := c.types(c.r.rel.source), c.types(c.r.rel.target)
	if src&^(maskOf(extractor.Organization)|maskOf(extractor.Government)|maskOf(extractor.Person)) != 0 {
		c.errorf(c.r.fields["source"], "a party rule's source is organization, government or person: actors have their own rules")
		return
	}
	c.p.parties = append(c.p.parties, partyRule{r: r, srcMask: src, tgtMask: tgt})
}

// partySubjectRelations adds the relations of parties that are the
// subjects of their blocks to rs.out.
func (d *docState) partySubjectRelations(rs *relState) {
	n := len(d.sents)
	if n == 0 || len(d.acc) == 0 || d.p.partyActs == nil || len(d.p.parties) == 0 {
		return
	}
	var frames *phraseSet
	var passive *phraseSet
	for i := range d.p.topics {
		tr := &d.p.topics[i]
		if tr.typ != "targets" || tr.intros != nil || tr.toTopic {
			continue
		}
		if tr.frames != nil && frames == nil {
			frames = tr.frames
		}
		if tr.passive != nil && passive == nil {
			passive = tr.passive
		}
	}
	if frames == nil {
		return
	}
	// What every party rule reads of the document, computed once: the
	// party rules add relations only, never mentions.
	var sh partyShared
	sh.keys, sh.actorKeys = d.topicKeys()
	sh.endAt = make(map[int]int, len(d.acc))
	for k := range d.acc {
		if !d.acc[k].hide {
			sh.endAt[int(d.acc[k].tokE)-1] = k
		}
	}
	sh.block = d.caseBlocks()
	for i := range d.p.parties {
		d.partyRuleRelations(rs, &d.p.parties[i], frames, passive, &sh)
	}
}

// partyShared holds what the party rules of one document share: entity
// keys, the keys that are actors, the mention ending at each token and the
// case block of each sentence.
type partyShared struct {
	keys      []string
	actorKeys map[string]bool
	endAt     map[int]int
	block     []int
}

// partyRuleRelations adds the relations of party rule pr.
func (d *docState) partyRuleRelations(rs *relState, pr *partyRule, frames, passive *phraseSet, sh *partyShared) {
	n := len(d.sents)
	keys, actorKeys, endAt, block := sh.keys, sh.actorKeys, sh.endAt, sh.block
	isActor := func(k int) bool {
		return d.acc[k].typ == extractor.ThreatActor || actorKeys[keys[k]] || isUnitKey(keys[k])
	}
	// Pairs some relation already gives.
	have := map[[2]extractor.Span]bool{}
	for _, m := range rs.out {
		if m.Rule != "" && m.Type == "targets" {
			have[[2]extractor.Span{m.Source, m.Target}] = true
		}
	}
	subjectTypes, victimTypes := pr.srcMask, pr.tgtMask
	var blockKeys []string // the party of the current block, once a sentence names it
	curBlock, actorFirst := -1, false
	for si := 0; si < n; si++ {
		d.poll(si)
		if d.headingLike(si) {
			continue
		}
		if block[si] != curBlock {
			curBlock, blockKeys, actorFirst = block[si], nil, false
		}
		if actorFirst {
			continue // an actor's block
		}
		srcs, at := d.sentenceParty(si, subjectTypes, passive)
		if len(srcs) == 0 {
			if len(blockKeys) == 0 && d.namesThreatActor(si) {
				actorFirst = true
			}
			continue
		}
		if len(blockKeys) == 0 {
			for _, k := range srcs {
				blockKeys = append(blockKeys, keys[k])
			}
		} else if !sameKeys(srcs, keys, blockKeys) {
			continue
		}
		hi := int(d.sentLo[si+1])
		for t := at; t < hi; t++ {
			if d.p.partyStops[d.fold[t]] && d.lower(t) {
				break // "after the breach of Y", "the investigation into Y"
			}
			k := int(d.startM[t])
			if k < 0 || d.acc[k].hide {
				continue
			}
			c := &d.acc[k]
			if isActor(k) && !contains(blockKeys, keys[k]) {
				break // an actor's victims from here on
			}
			if maskOf(c.typ)&victimTypes == 0 || contains(blockKeys, keys[k]) ||
				!d.framedObject(frames, k, endAt) {
				continue
			}
			tgt := extractor.Span{Start: c.start, End: c.end}
			sent := extractor.Span{Start: d.sents[si].Start, End: d.sents[si].End}
			for _, s := range srcs {
				sc := &d.acc[s]
				src := extractor.Span{Start: sc.start, End: sc.end}
				if have[[2]extractor.Span{src, tgt}] {
					continue
				}
				have[[2]extractor.Span{src, tgt}] = true
				rs.out = append(rs.out, RelationMatch{Type: "targets", Source: src, Target: tgt, Sentence: sent,
					Rule: pr.r.id, Priority: pr.r.prio,
					Coref: "block on " + d.surface(sc) + " " + TopicCorefNote})
			}
		}
	}
}

// sentenceParty returns the party that is the subject of sentence si (the
// indexes in d.acc of its mentions: one, or the people a plural anaphor
// stands for) and the token after which its victims may be named: a name
// of types that opens the sentence within caseSubjectReach tokens, not
// after a preposition, whose verb is one of the pack's party acts
// (rel_party_acts: "tried", "had supported", "was held responsible"); after
// a verb of saying, the name right after it ("The council said Harlow
// Trading had ..."); with no name there, the people a plural anaphor that
// opens the sentence stands for ("the four officers").
func (d *docState) sentenceParty(si int, types typeMask, passive *phraseSet) ([]int, int) {
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	for t := lo; t < hi && t < lo+caseSubjectReach; t++ {
		k := int(d.startM[t])
		if k < 0 || d.acc[k].hide {
			continue
		}
		c := &d.acc[k]
		e := int(c.tokE)
		if e < hi && sayingVerbs[d.fold[e]] {
			// The speaker: the subject of what it says, if a name.
			j := e + 1
			if j < hi && d.fold[j] == "that" {
				j++
			}
			if j < hi && d.fold[j] == "the" {
				j++
			}
			if j >= hi || d.startM[j] < 0 || d.acc[d.startM[j]].hide {
				return nil, 0
			}
			k = int(d.startM[j])
			c = &d.acc[k]
			e = int(c.tokE)
		} else if d.afterPreposition(t) {
			return nil, 0
		}
		if maskOf(c.typ)&types == 0 || d.victimPassive(e, hi, passive) || !d.partyActs(e, hi) ||
			d.victimBeforeAct(e, d.partyVerb(e, hi), hi, passive) {
			return nil, 0
		}
		return []int{k}, d.partyVerb(e, hi)
	}
	// No name opens it: "the four officers", "the pair".
	e := d.pluralAnaphorEnd(lo, min(hi, lo+caseSubjectReach))
	for e >= 0 && e < hi && e < lo+caseSubjectReach+2 && !d.partyActs(e, hi) && isLowerWord(d.tokText[e]) {
		e++ // "the three officers": the anaphor's noun
	}
	if e < 0 || !d.partyActs(e, hi) {
		return nil, 0
	}
	num := 0
	for t := lo; t < e; t++ {
		if n, ok := groupWords[d.fold[t]]; ok && n > 0 && n < 1<<20 {
			num = n
		}
	}
	refs := d.namedAfterNoun(d.fold[e-1], lo)
	if len(refs) < 2 || num > 0 && len(refs) != num {
		if refs = d.pluralPersonRefs(si); num > 0 && len(refs) != num {
			return nil, 0
		}
	}
	if len(refs) < 2 {
		return nil, 0
	}
	return refs, d.partyVerb(e, hi)
}

// partyListReach is how many tokens back namedAfterNoun looks for the
// list a plural anaphor stands for: a bounded look, so a text of many
// such sentences stays linear.
const partyListReach = 3000

// namedAfterNoun returns the people the last use of the plural noun head
// before token lo names right after it ("four GRU officers, A, B, C and
// D"): the person mentions listed there, or nil.
func (d *docState) namedAfterNoun(head string, lo int) []int {
	person := maskOf(extractor.Person)
	for t := lo - 2; t >= 0 && t >= lo-partyListReach; t-- {
		if d.fold[t] != head || d.fold[t+1] != "," && d.fold[t+1] != ":" {
			continue
		}
		var out []int
		j := t + 2
		hi := int(d.sentLo[d.sentOf[t]+1])
		for j < hi {
			k := d.startM[j]
			if k < 0 || d.acc[k].hide || maskOf(d.acc[k].typ)&person == 0 {
				break
			}
			out = append(out, int(k))
			j = int(d.acc[k].tokE)
			if j < hi && d.fold[j] == "," {
				j++
			}
			if j < hi && d.fold[j] == "and" {
				j++
			}
		}
		return out
	}
	return nil
}

// partyAux are the words between a subject and its verb that partyActs
// passes over ("had supported", "was also held responsible").
var partyAux = map[string]bool{"had": true, "has": true, "have": true, "was": true, "were": true, "is": true,
	"are": true, "been": true, "also": true, "allegedly": true, "reportedly": true, "then": true, "later": true,
	"repeatedly": true, "jointly": true}

// partyAppositionReach is how long an apposition after a subject may be
// (", also tracked by researchers as X,").
const partyAppositionReach = 16

// partyActs reports whether the verb of the subject that ends before
// token e is one of the pack's party acts, across an apposition between
// commas and auxiliaries.
func (d *docState) partyActs(e, hi int) bool { return d.partyVerb(e, hi) >= 0 }

// partyVerb returns the token of the party act that is the verb of the
// subject ending before token e, or -1.
func (d *docState) partyVerb(e, hi int) int {
	if d.p.partyActs == nil {
		return -1
	}
	j := e
	if j < hi && d.fold[j] == "," {
		c := j + 1
		for c < hi && c <= j+partyAppositionReach && d.fold[c] != "," {
			c++
		}
		if c >= hi || d.fold[c] != "," {
			return -1
		}
		j = c + 1
	}
	for j < hi && partyAux[d.fold[j]] {
		j++
	}
	if j < hi && d.p.partyActs.startsAt(d, j, hi) {
		return j
	}
	return -1
}

// pluralAnaphorEnd returns the end of the first plural anaphor for people
// among tokens [lo, hi) that is no name ("the four officers", "the
// pair"), or -1.
func (d *docState) pluralAnaphorEnd(lo, hi int) int {
	cues := d.p.relCues
	if cues == nil || cues.anaphors == nil {
		return -1
	}
	var buf [4]int
	for t := lo; t < hi; t++ {
		if d.startM[t] >= 0 {
			return -1
		}
		e := -1
		for _, end := range cues.anaphors.ends(d, t, int(d.sentLo[d.sentOf[t]+1]), buf[:0]) {
			e = max(e, end)
		}
		if e < 0 {
			continue
		}
		if am, _, ok := d.isAnaphor(t, e); ok && d.peopleAnaphor(t, e, am)&maskOf(extractor.Person) != 0 {
			return e
		}
	}
	return -1
}

// namesThreatActor reports whether sentence si names a threat actor.
func (d *docState) namesThreatActor(si int) bool {
	for t := d.sentLo[si]; t < d.sentLo[si+1]; t++ {
		if k := d.startM[t]; k >= 0 && !d.acc[k].hide && d.acc[k].typ == extractor.ThreatActor {
			return true
		}
	}
	return false
}

// victimPassive reports whether the words from token e read as a victim's
// passive ("was breached", "were later hacked").
func (d *docState) victimPassive(e, hi int, passive *phraseSet) bool {
	if passive == nil || e >= hi {
		return false
	}
	if f := d.fold[e]; f != "was" && f != "were" && f != "is" && f != "are" && f != "had" && f != "has" {
		return false
	}
	for j := e + 1; j < hi && j <= e+3; j++ {
		if d.fold[j] == "been" || d.fold[j] == "later" || d.fold[j] == "also" {
			continue
		}
		return passive.startsAt(d, j, hi)
	}
	return false
}

// victimBeforeAct reports whether the subject ending before token e is a
// victim by the words up to its act at v: a victim participle in its
// apposition ("X, hacked in 2014, launched ...") or a passive of the act
// itself ("X was allegedly targeted").
func (d *docState) victimBeforeAct(e, v, hi int, passive *phraseSet) bool {
	if passive == nil || v < 0 {
		return false
	}
	be := false
	for j := e; j < v; j++ {
		f := d.fold[j]
		if f == "was" || f == "were" || f == "is" || f == "are" || f == "been" || f == "be" {
			be = true
		}
		if j > e && d.fold[j-1] == "," && passive.startsAt(d, j, hi) {
			return true
		}
	}
	return be && passive.startsAt(d, v, hi)
}

// sameKeys reports whether the mentions ks have exactly the keys want (in
// any order).
func sameKeys(ks []int, keys []string, want []string) bool {
	if len(ks) != len(want) {
		return false
	}
	for _, k := range ks {
		if !contains(want, keys[k]) {
			return false
		}
	}
	return true
}
