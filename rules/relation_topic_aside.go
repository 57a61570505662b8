package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// Actors named aside. A report about one actor, or about a campaign, often
// names another only to say the evidence does not reach it ("the firm
// stopped short of attributing the campaign to B", "Talos does not tie A to
// B"). Such a mention says nothing of what the report is about:
// it does not count toward the document's or a paragraph's topic actor, so
// the report's victims, tools and CVEs are not given to B.

// The negations (pack list rel_aside_negations) and the attribution verbs
// they must come with (rel_aside_attribution_words, and the stems of
// rel_aside_attribution_stems): "did not attribute it to B". "Not named in
// connection with B" denies a person's part, not the actor's role, and is no
// aside.

// asideFrom returns the first token of sentence si from which the actors
// it names are named aside, or -1: the sentence denies an attribution, and
// the actor is the one it is not pinned on, named after "to" or "with"
// past the attribution word ("Talos does not tie A to B", "the firm
// stopped short of attributing it to B, the link being too weak"); A,
// the subject, stays in. The negation may come anywhere in the sentence.
func (d *docState) asideFrom(si int) int {
	if si < 0 || si+1 >= len(d.sentLo) {
		return -1
	}
	lo, hi := d.sentLo[si], min(d.sentLo[si+1], len(d.fold))
	neg := false
	for i := lo; i < hi; i++ {
		neg = neg || d.p.cti.asideNegations[d.fold[i]]
	}
	if !neg {
		return -1
	}
	attribAt := -1
	for i := lo; i < hi; i++ {
		w := d.fold[i]
		if attribAt < 0 {
			if d.p.cti.asideAttribWords[w] {
				attribAt = i
			}
			for _, s := range d.p.cti.asideAttribStems {
				if strings.HasPrefix(w, s) {
					attribAt = i
				}
			}
			continue
		}
		if w == "to" || w == "with" {
			return i
		}
	}
	return -1
}

// asideMentions returns, per mention in d.acc, whether its sentence names
// it aside (asideFrom).
func (d *docState) asideMentions() []bool {
	out := make([]bool, len(d.acc))
	memo := map[int32]int{}
	for k := range d.acc {
		c := &d.acc[k]
		if int(c.tokS) >= len(d.sentOf) {
			continue
		}
		si := d.sentOf[c.tokS]
		from, ok := memo[si]
		if !ok {
			from = d.asideFrom(int(si))
			memo[si] = from
		}
		out[k] = from >= 0 && int(c.tokS) > from
	}
	return out
}

// Declined attributions. asideFrom reads a whole sentence loosely, enough to
// keep a mention out of the topic count; declinedMentions is stricter, as
// what it finds takes every fallback victim from the actor document-wide:
// the negation scopes the attribution word itself ("has not attributed",
// "no evidence tying", "declined to attribute", "stopped short of
// attributing"), and the actor is named just after the "to" or "with" that
// follows it ("... the campaign to FIN11").

// declinedNegReach is how many tokens before the attribution word its
// negation may stand ("no evidence that links"); declinedStopReach, for a
// form of "stop" ("stopped just short of attributing"); declinedToReach,
// how far after it the "to" may come ("tying the 2021 breaches to");
// declinedNameReach, how far after "to" the actor may start ("to the
// FIN11 group").
const (
	declinedNegReach  = 3
	declinedStopReach = 5
	declinedToReach   = 6
	declinedNameReach = 3
)

// declinedStops are the forms of "stop" that open "stopped short of": a
// rewriter's "stopped in need of" is still the same refusal.
var declinedStops = map[string]bool{"stop": true, "stops": true, "stopped": true, "stopping": true}

// isAttribWord reports whether the folded token w is an attribution word
// (rel_aside_attribution_words or a stem of rel_aside_attribution_stems).
func (d *docState) isAttribWord(w string) bool {
	if d.p.cti.asideAttribWords[w] {
		return true
	}
	for _, s := range d.p.cti.asideAttribStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// declinedMentions returns the indices in d.acc of the mentions a negated
// attribution names as the party it is not pinned on.
func (d *docState) declinedMentions() []int {
	var out []int
	n := min(len(d.fold), len(d.startM))
	for i := 0; i < n; i++ {
		if !d.isAttribWord(d.fold[i]) {
			continue
		}
		si := d.sentOf[i]
		lo, hi := int(d.sentLo[si]), min(int(d.sentLo[si+1]), n)
		neg := false
		for j := max(lo, i-declinedStopReach); j < i && !neg; j++ {
			neg = declinedStops[d.fold[j]] || j >= i-declinedNegReach && d.p.cti.asideNegations[d.fold[j]]
		}
		if !neg {
			continue
		}
		for t := i + 1; t < hi && t <= i+declinedToReach; t++ {
			if w := d.fold[t]; w == "to" || w == "with" {
				for u := t + 1; u < hi && u <= t+declinedNameReach; u++ {
					if k := int(d.startM[u]); k >= 0 && !d.acc[k].hide {
						out = append(out, k)
						break
					}
				}
				break
			}
			if w := d.fold[t]; w == "," || w == ";" || w == "." {
				break
			}
			if k := int(d.startM[t]); k >= 0 && !d.acc[k].hide && d.acc[k].typ == extractor.ThreatActor {
				break // "has not tied Violet Typhoon to Salt Typhoon": two names, no activity, declined
			}
		}
	}
	return out
}

// Campaigns blamed on another party. A report about one actor names other
// actors' campaigns for comparison ("The 2014 Sony Pictures attack was
// blamed on North Korea"); the campaign's own sentence then gives it to a
// named party, and the topic actor gets it only when that party is the
// actor or one the text ties the actor to (its state, its home, the group
// it is part of: "blamed on North Korea" in a Lazarus report).

// blameReach is how far after the campaign's name the blame word may
// stand, and blameToReach how far after it the "to" or "on" may come
// ("attributed the attack to", "blamed it on").
const (
	blameReach   = 12
	blameToReach = 4
)

// blameWords are the verbs that pin an attack on someone with "on"; the
// attribution words (isAttribWord) take "to".
var blameWords = map[string]bool{"blamed": true, "blames": true, "blame": true, "blaming": true, "pinned": true}

// blamedOnOther reports whether the sentence of the campaign mention k,
// after it, blames the campaign on a named actor, government or place whose
// key is neither topic nor one linked holds as tied to topic. A negated
// blame ("was not attributed to B") pins it on no one.
func (d *docState) blamedOnOther(k int, topic string, keys []string, linked map[string]map[string]bool) bool {
	c := &d.acc[k]
	n := min(len(d.fold), len(d.startM))
	if int(c.tokE) >= n {
		return false
	}
	si := d.sentOf[c.tokS]
	lo, hi := int(d.sentLo[si]), min(int(d.sentLo[si+1]), n)
	for i := int(c.tokE); i < hi && i < int(c.tokE)+blameReach; i++ {
		w := d.fold[i]
		on := blameWords[w]
		if !on && !d.isAttribWord(w) {
			continue
		}
		neg := false
		for j := max(lo, i-declinedNegReach); j < i; j++ {
			neg = neg || d.p.cti.asideNegations[d.fold[j]]
		}
		if neg {
			return false
		}
		for t := i + 1; t < hi && t <= i+blameToReach; t++ {
			if w := d.fold[t]; !(on && w == "on" || !on && w == "to") {
				continue
			}
			for u := t + 1; u < hi && u <= t+declinedNameReach; u++ {
				m := int(d.startM[u])
				if m < 0 || d.acc[m].hide {
					continue
				}
				switch d.acc[m].typ {
				case extractor.ThreatActor, extractor.Government, extractor.Location:
					x := keys[m]
					return x != topic && !linked[topic][x]
				}
				return false
			}
			return false
		}
	}
	return false
}

// declinedKeys returns the keys of the actors the text declines to blame
// (declinedMentions), less dominant, the report's own topic: an APT34 report
// that does "not attribute the Shamoon wiper attacks to APT34" declines one
// incident, not the group's other work.
func (d *docState) declinedKeys(keys []string, isActor func(int) bool, dominant string) map[string]bool {
	out := map[string]bool{}
	for _, k := range d.declinedMentions() {
		if isActor(k) {
			out[keys[k]] = true
		}
	}
	delete(out, dominant)
	return out
}

// declinedActor reports whether span is a mention of an actor the text
// declines to blame (declinedMentions) that is not the document's dominant
// actor: an anaphor's victims ("Victims included ...") are not given to it.
func (rs *relState) declinedActor(span extractor.Span) bool {
	if rs.declined == nil {
		d := rs.d
		rs.declined = map[extractor.Span]bool{}
		keys, actorKeys := d.topicKeys()
		isActor := func(k int) bool { return d.acc[k].typ == extractor.ThreatActor || actorKeys[keys[k]] }
		declined := d.declinedKeys(keys, isActor, "")
		if len(declined) == 0 {
			return false
		}
		aside := d.asideMentions()
		if ms := d.dominantActor(keys, func(k int) bool { return isActor(k) && !aside[k] }); ms != nil {
			delete(declined, keys[ms[0]])
		}
		for k := range d.acc {
			if declined[keys[k]] {
				rs.declined[extractor.Span{Start: d.acc[k].start, End: d.acc[k].end}] = true
			}
		}
	}
	return rs.declined[span]
}
