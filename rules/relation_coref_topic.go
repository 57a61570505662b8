package rules

import (
	"sort"

	"github.com/reportgraph/extractor"
)

// Anaphors that lean to the actor in focus. A report about one actor names
// its malware, its tools and other actors in passing, and then says "its
// victims", "its operators", "the group's tooling" or "the unit" of the
// actor it is about. The nearest mention of a type the slot allows is then
// often the wrong one: a backdoor named a sentence before ("RedVine talks
// to Telegram. Its victims include port operators in Kenya"), or an actor
// compared with the topic at the end of the previous paragraph. Two
// preferences correct the nearest-mention rule (hedge.go, relation_match.go)
// for anaphors that may mean an actor:
//
//  1. A victim phrase ("its victims", "the tools") or a possessive before a
//     noun an actor owns ("its operators", "their targets") means an actor:
//     the nearest actor or campaign a noun phrase reaches, else the topic
//     of its paragraph, and a malware or tool only when there is neither.
//  2. A definite actor phrase ("the group", "the unit", "the crew"), a
//     victim phrase or such a possessive whose nearest actor was named in
//     an earlier paragraph, in a document with a dominant actor that is
//     another one, means the dominant actor: a paragraph that goes on
//     about "the group" without naming it is about the report's subject.
//
// The topic is the document's dominant actor (dominantActor), else the one
// actor the anaphor's paragraph or section names (localTopics). Either
// choice is recorded in Coref with TopicCorefNote, which lowers the
// relation's confidence.

// actorOwnedNouns, after "its" or "their", make the pronoun an actor's:
// the people, victims, kit and deeds of a threat actor.
var actorOwnedNouns = map[string]bool{"operators": true, "operator": true, "victims": true, "victim": true,
	"targets": true, "targeting": true, "tools": true, "toolset": true, "tooling": true, "toolkit": true,
	"arsenal": true, "kit": true, "intrusions": true, "hackers": true, "members": true, "handlers": true,
	"sponsors": true, "masters": true, "victimology": true, "campaigns": true, "operations": true,
	"infrastructure": true, "implants": true, "backdoors": true, "malware": true, "personnel": true,
	"officers": true, "developers": true, "affiliates": true, "activity": true, "activities": true}

// corefTopics holds, per document, the topics the anaphors of relation
// rules prefer; computed on first use.
type corefTopics struct {
	keys []string     // topic key per mention (topicKeys)
	doc  *topicSource // the dominant actor, or nil
	// subject: doc is a campaign or malware family (relation_topic_subject.go)
	subject bool
	local   []*topicSource // per sentence, the paragraph's or section's actor (when doc is nil)
	para    []int          // per sentence, its paragraph number
}

// topics computes the document's anaphor topics once.
func (rs *relState) topics() *corefTopics {
	if rs.ct != nil {
		return rs.ct
	}
	d := rs.d
	ct := &corefTopics{}
	rs.ct = ct
	if len(d.sents) == 0 {
		return ct
	}
	keys, actorKeys := d.topicKeys()
	ct.keys = keys
	// An actor named aside is no topic (relation_topic_aside.go).
	aside := d.asideMentions()
	// So is one that only took another's tools (relation_topic_leaker.go).
	for k, l := range d.leakerMentions(keys, func(k int) bool { return d.acc[k].typ == extractor.ThreatActor || actorKeys[keys[k]] }) {
		aside[k] = aside[k] || l
	}
	isActor := func(k int) bool { return (d.acc[k].typ == extractor.ThreatActor || actorKeys[keys[k]]) && !aside[k] }
	if ms := d.dominantActor(keys, isActor); ms != nil {
		ct.doc = &topicSource{key: keys[ms[0]], ms: ms}
		if ms := d.titledSubjectOver(keys, ms); ms != nil {
			ct.doc, ct.subject = &topicSource{key: keys[ms[0]], ms: ms}, true
		}
	} else if ms := d.subjectTopic(keys, isActor); ms != nil {
		// A report about a campaign or a malware family
		// (relation_topic_subject.go): "its victims" are the subject's.
		ct.doc, ct.subject = &topicSource{key: keys[ms[0]], ms: ms}, true
	} else {
		ct.local, _ = d.localTopics(keys, func(k int) bool { return isActor(k) || isUnitKey(keys[k]) && !aside[k] }, true, false)
	}
	starts := d.paragraphStarts()
	ct.para = make([]int, len(starts))
	p := -1
	for si, s := range starts {
		if s {
			p++
		}
		ct.para[si] = p
	}
	return ct
}

// topicOf returns the topic an anaphor in sentence si prefers, or nil.
func (ct *corefTopics) topicOf(si int) *topicSource {
	if ct.doc != nil {
		return ct.doc
	}
	if si >= 0 && si < len(ct.local) {
		return ct.local[si]
	}
	return nil
}

// actorLeaning reports whether the anaphor at cap c means an actor rather
// than a malware named nearby: a victim phrase, or "its"/"their" before a
// noun of actorOwnedNouns.
func (d *docState) actorLeaning(c capRec, am typeMask) bool {
	if am == victimOf {
		return true
	}
	if c.end-c.start != 1 || c.end >= len(d.fold) || d.sentOf[c.end] != d.sentOf[c.start] {
		return false
	}
	switch d.fold[c.start] {
	case "its", "their":
		return actorOwnedNouns[d.fold[c.end]]
	}
	return false
}

// definiteActorPhrase reports whether the anaphor at cap c is a noun
// phrase that names an actor ("the group", "the unit"), not a pronoun.
func (d *docState) definiteActorPhrase(c capRec, am typeMask) bool {
	if c.end-c.start < 2 || am&maskOf(extractor.ThreatActor) == 0 || am == anyType {
		return false
	}
	switch d.fold[c.start] {
	case "the", "this", "that", "these", "those":
		return true
	}
	return false
}

// preferTopic returns the mention an actor-leaning anaphor at cap c
// resolves to instead of k (the nearest mention the usual rule found, or
// -1), and whether the choice came from the topic; k itself when no
// preference applies. am is the anaphor's types, mask the slot's, order the
// slot's type order.
func (rs *relState) preferTopic(c capRec, k int, am, mask typeMask, order []typeMask, direct []extractor.Span) (int, bool) {
	d := rs.d
	actor := maskOf(extractor.ThreatActor)
	campaign := maskOf(extractor.Campaign)
	if am&mask&actor == 0 {
		return k, false
	}
	leaning := d.actorLeaning(c, am)
	if !leaning && !d.definiteActorPhrase(c, am) {
		return k, false
	}
	si := int(d.sentOf[c.start])
	if leaning && (k < 0 || d.slotMask(&d.acc[k])&(actor|campaign) == 0) {
		// 1. An actor or campaign in a noun phrase's reach first.
		kk := -1
		for _, m := range order {
			if m&(actor|campaign)&am&mask == 0 {
				continue
			}
			if kk = d.antecedent(c.bs, c.start, nounAntecedentSentences, m&am&mask, direct); kk >= 0 {
				break
			}
		}
		if kk >= 0 {
			k = kk
		} else if kt := rs.topicMention(si, c.bs, mask, direct); kt >= 0 && (k < 0 || d.acc[kt].start < c.bs) {
			// A topic named only after the anaphor does not take it from
			// a malware in reach: in "Rhysida surfaced in 2023. Its
			// victims included schools. ... overlaps with Vice Society"
			// the victims are the ransomware's.
			if rs.topics().subject && d.definiteActorNounBefore(si, c.start) {
				// "The actor knew of the flaw. Its targets included ...":
				// the unnamed actor's, not the family's the report is about.
				return -1, false
			}
			return kt, true
		} else if kt >= 0 {
			return k, false
		} else if rs.topics().topicOf(si) != nil {
			// The paragraph is about an actor the slot cannot take (a
			// unit typed as a government body): not about the malware.
			return -1, false
		}
	}
	if k < 0 || d.slotMask(&d.acc[k])&(actor|campaign) == 0 {
		return k, false
	}
	// 2. A nearest actor named in an earlier paragraph yields to the
	// document's dominant actor.
	ct := rs.topics()
	if ct.doc == nil || len(ct.para) == 0 {
		return k, false
	}
	ks := int(d.sentOf[d.acc[k].tokS])
	if ks >= len(ct.para) || si >= len(ct.para) || ct.para[ks] == ct.para[si] || ct.keys[k] == ct.doc.key {
		return k, false
	}
	if kt := rs.topicMention(si, c.bs, mask, direct); kt >= 0 {
		return kt, true
	}
	// The anaphor means the dominant actor, which the slot cannot take (a
	// unit typed as a government body): not the actor of the earlier
	// paragraph either.
	return -1, false
}

// topicMention returns the mention of sentence si's topic that an anaphor
// at byte offset at resolves to: the nearest before it of a type in mask,
// else the first after it; -1 without a topic or such a mention.
func (rs *relState) topicMention(si, at int, mask typeMask, direct []extractor.Span) int {
	d := rs.d
	tp := rs.topics().topicOf(si)
	if tp == nil {
		return -1
	}
	ms := tp.ms
	if mask&maskOf(extractor.ThreatActor) != 0 && !tp.person {
		// An actor the topic shares a name with a malware by case alone:
		// the actor's mentions (relation_fallback.go, actorTyped).
		ms = d.actorTyped(tp, nil, nil)
	}
	best := -1
	i := sort.Search(len(ms), func(i int) bool { return d.acc[ms[i]].start >= at })
	for j := i - 1; j >= 0 && best < 0; j-- {
		if m := &d.acc[ms[j]]; d.slotMask(m)&mask != 0 && !d.isDirect(m, direct) && m.end <= at {
			best = ms[j]
		}
	}
	for j := i; j < len(ms) && best < 0; j++ {
		if m := &d.acc[ms[j]]; d.slotMask(m)&mask != 0 && !d.isDirect(m, direct) {
			best = ms[j]
		}
	}
	return best
}
