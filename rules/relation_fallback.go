package rules

import (
	"strings"

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
}

// topicRule compiles a topic rule.
func (c *compiler) topicRule(r *rule) {
	src, tgt := c.types(c.r.rel.source), c.types(c.r.rel.target)
	if src&maskOf(extractor.ThreatActor) == 0 {
		c.errorf(c.r.fields["source"], "a topic rule's source must allow threat-actor: the topic is an actor")
		return
	}
	c.p.topics = append(c.p.topics, topicRule{r: r, typ: c.r.rel.typ, srcMask: src, tgtMask: tgt})
}

// dominantActor returns the index in d.acc of every mention of the
// document's dominant actor, or nil.
func (d *docState) dominantActor() []int {
	actor := maskOf(extractor.ThreatActor)
	byKey := map[string][]int{}
	total := 0
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || maskOf(c.typ)&actor == 0 {
			continue
		}
		total++
		key := d.entityKey(c)
		byKey[key] = append(byKey[key], k)
	}
	var best []int
	for _, ks := range byKey {
		if len(ks) > len(best) || len(ks) == len(best) && len(ks) > 0 && ks[0] < best[0] {
			best = ks
		}
	}
	if len(best) < topicDominantMin || float64(len(best)) < topicDominantShare*float64(total) {
		return nil
	}
	return best
}

// entityKey names the entity a mention stands for within the document.
func (d *docState) entityKey(c *cand) string {
	if c.canonical != "" {
		return strings.ToLower(c.canonical)
	}
	return strings.ToLower(strings.Join(strings.Fields(d.surface(c)), " "))
}

// topicFallback adds the relations of the topic rules to rs.out.
func (d *docState) topicFallback(rs *relState) {
	if len(d.p.topics) == 0 {
		return
	}
	topic := d.dominantActor()
	if topic == nil {
		return
	}
	topicKey := d.entityKey(&d.acc[topic[0]])
	actor := maskOf(extractor.ThreatActor)
	// Names already tied to the topic actor by any relation ("Raptor
	// Train is operated by Flax Typhoon") need no fallback.
	linked := map[string]bool{}
	for _, m := range rs.out {
		s, t := d.mentionAt(m.Source.Start, m.Source.End), d.mentionAt(m.Target.Start, m.Target.End)
		if m.Rule == "" || s == nil || t == nil {
			continue
		}
		if d.entityKey(s) == topicKey {
			linked[d.entityKey(t)] = true
		}
		if d.entityKey(t) == topicKey {
			linked[d.entityKey(s)] = true
		}
	}
	for _, tr := range d.p.topics {
		covered := map[string]bool{}
		for k := range linked {
			covered[k] = true
		}
		for _, m := range rs.out {
			if m.Rule != "" && m.Type == tr.typ {
				if c := d.mentionAt(m.Target.Start, m.Target.End); c != nil {
					covered[d.entityKey(c)] = true
				}
			}
		}
		for k := range d.acc {
			c := &d.acc[k]
			if c.hide || maskOf(c.typ)&tr.tgtMask == 0 || maskOf(c.typ)&actor != 0 {
				continue
			}
			key := d.entityKey(c)
			if covered[key] || key == topicKey {
				continue
			}
			covered[key] = true // the first mention decides, once
			if d.comparedName(int(c.tokS)) {
				continue
			}
			si := d.sentOf[c.tokS]
			lo, hi := d.sentLo[si], d.sentHi(int(c.tokS))
			if d.otherActorIn(lo, hi, topicKey) {
				continue
			}
			if negated, _ := d.relationCues(int(c.tokS), int(c.tokE)); negated {
				continue
			}
			src := &d.acc[nearestBefore(topic, k)]
			sent := extractor.Span{Start: d.sents[si].Start, End: d.sents[si].End}
			rs.out = append(rs.out, RelationMatch{Type: tr.typ,
				Source: extractor.Span{Start: src.start, End: src.end}, Target: extractor.Span{Start: c.start, End: c.end},
				Sentence: sent, Rule: tr.r.id, Priority: tr.r.prio,
				Coref: "report on " + d.surface(src) + " " + TopicCorefNote})
		}
	}
}

// comparisonWords before a name make it a point of comparison, not a
// tool in use: "a custom variant of the Mirai malware", "unlike PlugX".
var comparisonWords = map[string]bool{"of": false, "on": false, "from": false, "like": true, "unlike": true,
	"resembles": true, "resembling": true, "than": true, "versus": true, "vs": true, "vs.": true}

// comparedName reports whether the name starting at token i is introduced
// as a point of comparison or an ancestor: "variant of (the) X", "based on
// X", "derived from X", "like X", "unlike X".
func (d *docState) comparedName(i int) bool {
	lo := d.sentLo[d.sentOf[i]]
	j := i - 1
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
		case "variant of", "version of", "fork of", "clone of", "successor of", "successor to", "based on",
			"derived from", "similar to", "descended from", "evolved from", "modelled on", "modeled on":
			return true
		}
	}
	return false
}

// otherActorIn reports whether tokens lo..hi hold a threat-actor mention
// of an entity other than key.
func (d *docState) otherActorIn(lo, hi int, key string) bool {
	actor := maskOf(extractor.ThreatActor)
	for k := range d.acc {
		c := &d.acc[k]
		if int(c.tokS) >= lo && int(c.tokS) < hi && maskOf(c.typ)&actor != 0 && !c.hide && d.entityKey(c) != key {
			return true
		}
	}
	return false
}

// nearestBefore returns the element of ks (ascending indexes) nearest
// before k, or the first one when none is before.
func nearestBefore(ks []int, k int) int {
	best := ks[0]
	for _, x := range ks {
		if x < k {
			best = x
		}
	}
	return best
}
