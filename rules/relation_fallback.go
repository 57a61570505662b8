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
// document's dominant actor, or nil. keys holds each mention's entityKey.
func (d *docState) dominantActor(keys []string) []int {
	actor := maskOf(extractor.ThreatActor)
	byKey := map[string][]int{}
	total := 0
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || maskOf(c.typ)&actor == 0 {
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
	return strings.ToLower(oneSpace(d.surface(c)))
}

// topicFallback adds the relations of the topic rules to rs.out.
func (d *docState) topicFallback(rs *relState) {
	if len(d.p.topics) == 0 {
		return
	}
	actor := maskOf(extractor.ThreatActor)
	// Entity keys are computed once: the loops below visit every mention.
	keys := make([]string, len(d.acc))
	byStart := make(map[extractor.Span]int, len(d.acc))
	anyActor := false
	for k := range d.acc {
		keys[k] = d.entityKey(&d.acc[k])
		byStart[extractor.Span{Start: d.acc[k].start, End: d.acc[k].end}] = k
		anyActor = anyActor || maskOf(d.acc[k].typ)&actor != 0
	}
	if !anyActor {
		return
	}
	topic := d.dominantActor(keys)
	if topic == nil {
		return
	}
	topicKey := keys[topic[0]]
	keyOf := func(sp extractor.Span) (string, bool) {
		k, ok := byStart[sp]
		if !ok {
			return "", false
		}
		return keys[k], true
	}
	// Sentences that name another actor say nothing of the topic's tools.
	otherActor := map[int32]bool{}
	for k := range d.acc {
		c := &d.acc[k]
		if !c.hide && maskOf(c.typ)&actor != 0 && keys[k] != topicKey {
			otherActor[d.sentOf[c.tokS]] = true
		}
	}
	// Names already tied to the topic actor by any relation ("Raptor
	// Train is operated by Flax Typhoon") need no fallback.
	linked := map[string]bool{}
	for _, m := range rs.out {
		if m.Rule == "" {
			continue
		}
		s, okS := keyOf(m.Source)
		t, okT := keyOf(m.Target)
		if !okS || !okT {
			continue
		}
		if s == topicKey {
			linked[t] = true
		}
		if t == topicKey {
			linked[s] = true
		}
	}
	for _, tr := range d.p.topics {
		covered := map[string]bool{}
		for k := range linked {
			covered[k] = true
		}
		for _, m := range rs.out {
			if m.Rule != "" && m.Type == tr.typ {
				if t, ok := keyOf(m.Target); ok {
					covered[t] = true
				}
			}
		}
		for k := range d.acc {
			c := &d.acc[k]
			if c.hide || maskOf(c.typ)&tr.tgtMask == 0 || maskOf(c.typ)&actor != 0 {
				continue
			}
			key := keys[k]
			if covered[key] || key == topicKey {
				continue
			}
			covered[key] = true // the first mention decides, once
			if d.comparedName(int(c.tokS)) {
				continue
			}
			si := d.sentOf[c.tokS]
			if otherActor[si] {
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

// comparisonWords before a name make it a point of comparison, not a tool
// in use: "like PlugX", "unlike PlugX".
var comparisonWords = map[string]bool{"like": true, "unlike": true, "resembles": true, "resembling": true,
	"than": true, "versus": true, "vs": true, "vs.": true}

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
