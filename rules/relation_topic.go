package rules

import (
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
func (d *docState) topicActor(at int, skip []extractor.Span) int {
	actor := maskOf(extractor.ThreatActor)
	type tally struct {
		n, last int
	}
	counts := map[string]*tally{}
	var order []string
	top := sort.Search(len(d.acc), func(k int) bool { return d.acc[k].start >= at })
	for k := 0; k < top; k++ {
		c := &d.acc[k]
		if maskOf(c.typ)&actor == 0 || c.end > at {
			continue
		}
		key := d.entityKey(c) // relation_fallback.go
		t := counts[key]
		if t == nil {
			t = &tally{}
			counts[key] = t
			order = append(order, key)
		}
		t.n++
		if int(c.tokS) < len(d.sentOf) && int(d.sentOf[c.tokS]) < topicTitleSentences {
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
	k := counts[best].last
	for _, s := range skip {
		if s.Start == d.acc[k].start && s.End == d.acc[k].end {
			return -1
		}
	}
	return k
}
