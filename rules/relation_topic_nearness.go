package rules

import (
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// A campaign the report names but no rule attributes is the topic actor's
// (rel.attributed-to.topic) only when the text puts the two together
// somewhere: a mention of the campaign in a paragraph (a sentence
// included) that names the actor. A campaign named only where the actor
// is not ("Other vendors reported overlapping activity the same year as
// Operation Quiet Loom", alone in a closing paragraph) is an aside the
// report compares with, not one it ascribes.

// topicNearness memoises, for one topic rule, the paragraphs of the
// topic actors' mentions and of the target names' mentions.
type topicNearness struct {
	paraOf    []int                   // per sentence, its paragraph's index
	anaphor   map[int]bool            // paragraphs with an actor anaphor ("the same people", "the group")
	actors    map[int]map[string]bool // paragraph → keys of the threat actors it names
	topicPara map[string]map[int]bool // topic key → paragraphs naming it
	namePara  map[string]map[int]bool // mention key → paragraphs naming it
}

// linkedToTopic reports whether some mention of the name key (of the
// types in mask) stands in a paragraph holding a mention of the topic tp.
func (n *topicNearness) linkedToTopic(d *docState, key string, tp *topicSource, keys []string, mask typeMask) bool {
	if n.paraOf == nil {
		starts := d.paragraphStarts() // relation_topic_local.go
		n.paraOf = make([]int, len(starts))
		p := -1
		for si, st := range starts {
			if st {
				p++
			}
			n.paraOf[si] = max(p, 0)
		}
		n.topicPara = map[string]map[int]bool{}
		n.namePara = map[string]map[int]bool{}
		n.anaphor, n.actors = map[int]bool{}, map[int]map[string]bool{}
		for si := range n.paraOf {
			if d.actorAnaphorIn(si) {
				n.anaphor[n.paraOf[si]] = true
			}
		}
		for k := range d.acc {
			c := &d.acc[k]
			if !c.hide && c.typ == extractor.ThreatActor {
				p := n.paraOf[d.sentOf[c.tokS]]
				if n.actors[p] == nil {
					n.actors[p] = map[string]bool{}
				}
				n.actors[p][keys[k]] = true
			}
		}
		for k := range d.acc {
			c := &d.acc[k]
			if c.hide || maskOf(c.typ)&mask == 0 {
				continue
			}
			if n.namePara[keys[k]] == nil {
				n.namePara[keys[k]] = map[int]bool{}
			}
			n.namePara[keys[k]][n.paraOf[d.sentOf[c.tokS]]] = true
		}
	}
	tps, ok := n.topicPara[tp.key]
	if !ok {
		tps = map[int]bool{}
		for _, m := range tp.ms {
			tps[n.paraOf[d.sentOf[d.acc[m].tokS]]] = true
		}
		n.topicPara[tp.key] = tps
	}
	for p := range n.namePara[key] {
		if tps[p] {
			return true
		}
		// "According to the FBI, the same people ... and an operation
		// called Pay2Key was theirs as well": the actors spoken of
		// without a name, in a paragraph that names no other actor.
		if n.anaphor[p] && !n.namesOtherActor(p, tp.key) {
			return true
		}
	}
	return n.sharesNameWord(d, key, tp, keys, mask)
}

// namesOtherActor reports whether paragraph p names a threat actor other
// than key.
func (n *topicNearness) namesOtherActor(p int, key string) bool {
	for k := range n.actors[p] {
		if k != key {
			return true
		}
	}
	return false
}

// actorAnaphorIn reports whether sentence si speaks of actors without
// naming them: "the same" before a people or actor noun ("the same
// people", "the same crew"; not "the same year"), or "the", "its" or "their" before a plural people noun or an
// actor noun (person_nouns, actor_group_nouns: "the hackers", "its
// operators", "the group").
func (d *docState) actorAnaphorIn(si int) bool {
	lo, hi := int(d.sentLo[si]), d.sentHi(int(d.sentLo[si]))
	for k := lo; k+1 < hi; k++ {
		det := strings.ToLower(d.tokText[k])
		if det != "the" && det != "its" && det != "their" {
			continue
		}
		next := foldKey(d.tokText[k+1])
		if det == "the" && next == "same" && k+2 < hi {
			next = foldKey(d.tokText[k+2])
			if next == "people" || next == "men" || next == "individuals" || d.actorNoun(next) || d.hasWordTag(next, "personnoun") {
				return true // "the same people", "the same crew", "the same operator"
			}
			continue // "the same year"
		}
		if d.actorNoun(next) {
			return true
		}
	}
	return false
}

// actorNoun reports whether the folded word w is an actor noun or the
// plural of a people or actor noun ("group", "hackers", "operators").
func (d *docState) actorNoun(w string) bool {
	return d.hasWordTag(w, "actor") || strings.HasSuffix(w, "s") && d.hasWordTag(w[:len(w)-1], "personnoun", "actor")
}

// sharesNameWord reports whether a mention of the name key holds a word of
// a surface of the topic actor, a capitalised one of four letters or more:
// "Operation Ke3chang" in a report on APT15 that also calls it Ke3chang,
// "Operation Tropic Trooper" in one on Tropic Trooper. The operation gave
// the actor its name.
func (n *topicNearness) sharesNameWord(d *docState, key string, tp *topicSource, keys []string, mask typeMask) bool {
	words := map[string]bool{}
	for _, m := range tp.ms {
		for _, w := range strings.Fields(d.surface(&d.acc[m])) {
			if len(w) >= 4 && unicode.IsUpper([]rune(w)[0]) {
				words[strings.ToLower(w)] = true
			}
		}
	}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || maskOf(c.typ)&mask == 0 || keys[k] != key {
			continue
		}
		for _, w := range strings.Fields(d.surface(c)) {
			if words[strings.ToLower(w)] {
				return true
			}
		}
	}
	return false
}
