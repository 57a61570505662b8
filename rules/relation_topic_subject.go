package rules

import (
	"slices"

	"github.com/reportgraph/extractor"
)

// Reports about a campaign or a malware family. Many reports name no
// threat actor they are about: "Operation Night Bell compromised seventy
// organisations", a ransomware gang's attack on a library, a botnet's
// takedown. The campaign or the family is then what the report is about,
// and the relation vocabulary lets it target, use and exploit (our gold
// records "Operation X targets A" and the ransomware's victims as its
// own). Without a dominant actor, the report's *subject* is the one
// campaign or malware family its title names, when the text names it at
// least topicDominantMin times, no other campaign or family as often, and
// at more than twice as often as any threat actor (a vendor's name for the
// crew, cited in passing, does not make the report the crew's). Topic
// rules whose source allows the subject's type then give it the leftover
// names they would give a dominant actor, and the anaphors that prefer
// the topic ("its victims", "the operation") prefer it too. A report whose
// title names none (a takedown release: "Police dismantle a ransomware
// service") has as subject the campaign or family named most, by the
// 3-mentions, 60 % rule of a dominant actor, on the same condition.

// subjectTypes are the types a report's subject may have besides actors.
var subjectTypes = maskOf(extractor.Campaign) | maskOf(extractor.Malware)

// subjectTopic returns the mentions of the report's subject (above), or
// nil. isActor tells the mentions of threat actors.
func (d *docState) subjectTopic(keys []string, isActor func(k int) bool) []int {
	isSubject := func(k int) bool { return maskOf(d.acc[k].typ)&subjectTypes != 0 }
	ms := d.titledActor(keys, isSubject)
	if ms == nil {
		ms = d.dominantOf(keys, isSubject)
	}
	if ms == nil {
		return nil
	}
	// The names of an alias apposition ("Sandworm, a unit also tracked as
	// TeleBots and Voodoo Bear") are one reference to the actor: in a
	// sentence, an actor counts as often as its most repeated name.
	actors := map[string]int{}
	type inSentence struct {
		si, most int
		names    map[string]int
	}
	cur := map[string]*inSentence{}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || !isActor(k) {
			continue
		}
		si := -1 - k
		if int(c.tokS) < len(d.sentOf) {
			si = int(d.sentOf[c.tokS])
		}
		key := keys[k]
		in := cur[key]
		if in == nil || in.si != si {
			in = &inSentence{si: si, names: map[string]int{}}
			cur[key] = in
		}
		name := foldKey(d.text[c.start:c.end])
		if in.names[name]++; in.names[name] <= in.most {
			continue
		}
		in.most++
		if actors[key]++; 2*actors[key] >= len(ms) {
			return nil
		}
	}
	return ms
}

// subjectFor returns the subject when a topic rule with source mask src
// may take it (a rule whose target is the actor never does), else nil.
func (t *topicSource) subjectFor(d *docState, tr topicRule) *topicSource {
	if t == nil || tr.toTopic || tr.srcMask&maskOf(d.acc[t.ms[0]].typ) == 0 {
		return nil
	}
	return t
}

// titledSubjectOver returns the mentions of the campaign or malware family
// the title names, when the title does not name the dominant actor (its
// mentions dom) and the text names the subject more than twice as often:
// "Winnti in German industry" stays the family's though a paragraph on
// vendors' names cites the actor they overlap with five times. Else nil.
func (d *docState) titledSubjectOver(keys []string, dom []int) []int {
	for _, k := range dom {
		if c := &d.acc[k]; int(c.tokS) < len(d.sentOf) && d.titleSentence(int(d.sentOf[c.tokS])) {
			return nil
		}
	}
	ms := d.titledActor(keys, func(k int) bool { return maskOf(d.acc[k].typ)&subjectTypes != 0 })
	if len(ms) > 2*len(dom) {
		return ms
	}
	// A campaign the title names is what the report is about when the
	// text names the actor no more often, the title counted twice as in
	// the topic tallies (relation_topic.go), and names the actor at most
	// once before its last third: "The Lantern hack, ten years on" tells
	// Operation Lantern's story, and the crew a vendor later tied to it
	// comes in at the end. A report that brings the actor in early and
	// keeps naming it ("Mandiant tied the influence work to UNC1151")
	// gives the actor the activity, as our gold does.
	if len(ms) == 0 || d.acc[ms[0]].typ != extractor.Campaign || len(ms)+1 <= len(dom) {
		return nil
	}
	early := 0
	for _, k := range dom {
		if 3*d.acc[k].start < 2*len(d.text) {
			early++
		}
	}
	if early > 1 {
		return nil
	}
	return ms
}

// paragraphActors returns, per sentence, the one actor its paragraph
// names when that is not the document's topic dom, or nil: a paragraph
// about another actor is that actor's, whatever the report is about.
func (d *docState) paragraphActors(keys []string, isActor func(k int) bool, dom *topicSource) []*topicSource {
	if dom == nil {
		return nil
	}
	starts := d.paragraphStarts()
	n := len(d.sents)
	para := make([]int, n)
	p := -1
	for si := 0; si < n; si++ {
		if starts[si] {
			p++
		}
		para[si] = p
	}
	names := make([][]string, p+1)
	sources := map[string]*topicSource{}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || !isActor(k) || int(c.tokS) >= len(d.sentOf) {
			continue
		}
		pi := para[d.sentOf[c.tokS]]
		if !slices.Contains(names[pi], keys[k]) {
			names[pi] = append(names[pi], keys[k])
		}
		if sources[keys[k]] == nil {
			sources[keys[k]] = &topicSource{key: keys[k], local: true}
		}
		sources[keys[k]].ms = append(sources[keys[k]].ms, k)
	}
	out := make([]*topicSource, n)
	for si := 0; si < n; si++ {
		if ns := names[para[si]]; len(ns) == 1 && ns[0] != dom.key {
			out[si] = sources[ns[0]]
		}
	}
	return out
}

// definiteActorNounBefore reports whether a definite phrase that names an
// unnamed actor ("the actor", "the same Chinese state actor", "this
// group") stands in sentence si before token at or in the two sentences
// before: a possessive or victims after it ("Its targets included ...")
// are that actor's.
func (d *docState) definiteActorNounBefore(si, at int) bool {
	lo := d.sentLo[max(si-2, 0)]
	for j := lo; j < at && j < len(d.fold); j++ {
		if w := d.fold[j]; w != "actor" && w != "actors" {
			continue // "the group", "the attackers" mean the gang a ransomware report is about
		}
		for b := j - 1; b >= lo && b >= j-4; b-- {
			if w := d.fold[b]; w == "the" || w == "this" || w == "that" {
				return true
			}
		}
	}
	return false
}
