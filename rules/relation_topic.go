package rules

import (
	"fmt"
	"sort"

	"github.com/reportgraph/extractor"
)

// The topic of a report. A CTI report or one of its sections is usually
// about one threat actor, and once it has been named a few times the text
// says "the actors exploited CVE-…" or "the group relies on …" many
// sentences later, well past the reach of an anaphor (hedge.go). When an
// actor anaphor finds no antecedent in reach, it falls back on the topic:
// the threat actor named most often before the anaphor (ties go to the one
// named last). The title counts double, since it says what the report is
// about. The fallback is recorded in Coref with the marker TopicCorefNote,
// and the relation's confidence is lowered for it (extract/relations.go).
//
// A topic needs support: at least topicMinMentions mentions, or a single
// mention when no other actor has been named before the anaphor.

// TopicCorefNote marks a coreference resolved to the document's topic
// actor rather than to a mention in reach: `"the actors" → APT40 (topic)`.
const TopicCorefNote = "(topic)"

// topicMinMentions is how often an actor must have been named before an
// anaphor to be the topic when other actors were named too.
const topicMinMentions = 2

// topicTitleSentences is how many leading sentences count as the title.
const topicTitleSentences = 1

// topicActor returns the index in d.acc of the last mention, before byte
// offset at, of the document's topic actor, or -1. skip holds the other
// ends of the match, which are never the antecedent.
//
// The actor named most before at (a mention in the title sentence counts
// twice; of two named as often, the one named last) is read from running
// tallies over d.acc built once per state of d.acc (topicTallies): a
// relation rule asks at each match, and counting every earlier mention at
// each call made long documents quadratic.
func (d *docState) topicActor(at int, skip []extractor.Span) int {
	top := sort.Search(len(d.acc), func(k int) bool { return d.acc[k].start >= at })
	tt := d.topicTallies()
	if tt.maxEnd[top] > at {
		// An actor mention runs past at (at is inside it): it does not
		// count, which the running tallies cannot leave out.
		return d.topicActorSlow(at, top, skip)
	}
	k := int(tt.best[top])
	if k < 0 || tt.keys[top] > 1 && int(tt.bestN[top]) < topicMinMentions {
		k = -1
	} else {
		k = d.topicAntecedent(k, skip)
	}
	if checkTopicTallies {
		if slow := d.topicActorSlow(at, top, skip); slow != k {
			panic(fmt.Sprintf("topicActor(%d): tallies give %d, counting gives %d", at, k, slow))
		}
	}
	return k
}

// checkTopicTallies makes topicActor compare its tallies with counting
// (tests only).
var checkTopicTallies = false

// topicAntecedent is k unless it is one of skip's spans (-1).
func (d *docState) topicAntecedent(k int, skip []extractor.Span) int {
	for _, s := range skip {
		if s.Start == d.acc[k].start && s.End == d.acc[k].end {
			return -1
		}
	}
	return k
}

// topicTally is topicActor's running count over d.acc: for each prefix
// d.acc[:p], the last mention of the actor named most in it (-1 for none),
// that actor's count, how many actors it names, and the furthest end of
// an actor mention in it.
type topicTally struct {
	gen, n int // d.accGen and len(d.acc) it was built for
	best   []int32
	bestN  []int32
	keys   []int32
	maxEnd []int
	foils  map[string]bool // the title's foils, left out of every count (relation_topic_foil.go)
}

// topicTallies returns the running tallies of d.acc, building them when
// d.acc has changed since (index() bumps accGen whenever it moves).
func (d *docState) topicTallies() *topicTally {
	tt := &d.topicTally
	if tt.best != nil && tt.gen == d.accGen && tt.n == len(d.acc) {
		return tt
	}
	actor := maskOf(extractor.ThreatActor)
	n := len(d.acc)
	tt.gen, tt.n = d.accGen, n
	tt.best, tt.bestN, tt.keys, tt.maxEnd = grow(tt.best, n+1), grow(tt.bestN, n+1), grow(tt.keys, n+1), grow(tt.maxEnd, n+1)
	type count struct{ n, last int }
	counts := map[string]*count{}
	best, maxEnd := (*count)(nil), -1
	tt.foils = d.titleFoils() // relation_topic_foil.go
	foils := tt.foils
	for k := 0; k <= n; k++ {
		tt.best[k], tt.bestN[k], tt.keys[k], tt.maxEnd[k] = -1, 0, int32(len(counts)), maxEnd
		if best != nil {
			tt.best[k], tt.bestN[k] = int32(best.last), int32(best.n)
		}
		if k == n {
			break
		}
		c := &d.acc[k]
		if maskOf(c.typ)&actor == 0 {
			continue
		}
		if c.end > maxEnd {
			maxEnd = c.end
		}
		key := d.entityKey(c) // relation_fallback.go
		if foils[key] {
			continue
		}
		t := counts[key]
		if t == nil {
			t = &count{}
			counts[key] = t
		}
		t.n++
		if int(c.tokS) < len(d.sentOf) && d.titleSentence(int(d.sentOf[c.tokS])) {
			t.n++
		}
		t.last = k
		// The most named, and of two named as often the one named last:
		// t was named last of all.
		if best == nil || t.n >= best.n {
			best = t
		}
	}
	return tt
}

// topicActorSlow is topicActor counting the mentions before d.acc[top]
// that end by at.
func (d *docState) topicActorSlow(at, top int, skip []extractor.Span) int {
	actor := maskOf(extractor.ThreatActor)
	type tally struct {
		n, last int
	}
	counts := map[string]*tally{}
	var order []string
	foils := d.topicTallies().foils // built with the tallies, for the same d.acc
	for k := 0; k < top; k++ {
		c := &d.acc[k]
		if maskOf(c.typ)&actor == 0 || c.end > at {
			continue
		}
		key := d.entityKey(c) // relation_fallback.go
		if foils[key] {
			continue
		}
		t := counts[key]
		if t == nil {
			t = &tally{}
			counts[key] = t
			order = append(order, key)
		}
		t.n++
		if int(c.tokS) < len(d.sentOf) && d.titleSentence(int(d.sentOf[c.tokS])) {
			t.n++
		}
		t.last = k
	}
	best := ""
	for _, key := range order {
		if best == "" || counts[key].n > counts[best].n ||
			counts[key].n == counts[best].n && counts[key].last > counts[best].last {
			best = key
		}
	}
	if best == "" || (len(order) > 1 && counts[best].n < topicMinMentions) {
		return -1
	}
	return d.topicAntecedent(counts[best].last, skip)
}
