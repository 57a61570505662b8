package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// Actors named after they are described. A news report often opens on an
// indefinite description and names the actor a sentence or two later: "A
// Chinese espionage crew has been running a new backdoor inside telecoms
// in Asia and Africa, a report says. Trend Micro tracks the crew as Earth
// Estries." An indefinite actor phrase of the same shape as the definite
// ones of relation_actor_np.go (a determiner "a" or "an", one to four
// modifiers: places or their adjectives, actorModifiers, hyphenated
// "-backed" words, "suspected"; an actor noun of actorNPHeads; no name
// right after it) refers to the actor a naming clause of one of the next
// cataphorSentences sentences gives to a definite actor phrase: "tracks
// the crew as X", "calls the group X", "named the intruders X", "dubbed
// the operation X", or that a sentence opening on one states ("The crew
// is X"). Without such a clause the phrase is no anaphor at all
// ("X, a Chinese espionage group, ..." describes X; "a Chinese group"
// elsewhere is some group): the phrase set of $relation_anaphors reads it
// only then, and isAnaphor never does (its antecedent lies after it).

// cataphorSentences is how many sentences after its own the naming clause
// of an indefinite actor phrase may be.
const cataphorSentences = 3

// cataphorMods is how many modifiers an indefinite actor phrase may have
// ("a suspected Chinese state-sponsored hacking crew").
const cataphorMods = 4

// The verbs that name the actor a definite phrase after them stands for
// are the pack list rel_naming_verbs; the heads of the definite phrase a
// naming clause names, besides the actor nouns, what a report names for its
// actor, the list rel_named_phrase_heads (vocab.go).

func isIndefinite(w string) bool { return w == "a" || w == "an" }

// cataphorSizeWords may stand before the noun of an indefinite actor phrase
// without being one of its modifiers ("a small crew of hackers").
var cataphorSizeWords = map[string]bool{"small": true, "little": true, "tiny": true, "large": true}

// cataphorPeopleNouns after "group of" or "crew of" make the phrase an
// actor's ("a group of hackers", "a crew of spies").
var cataphorPeopleNouns = map[string]bool{"hackers": true, "attackers": true, "spies": true, "operatives": true,
	"intruders": true}

// indefiniteActorNPEnd returns the end of an indefinite actor phrase
// starting at token i and ending by hi that a later naming clause names,
// or 0.
func (d *docState) indefiniteActorNPEnd(i, hi int) int {
	if i+2 >= hi+1 || !isIndefinite(d.fold[i]) {
		return 0
	}
	t, mods := i+1, 0
	for t < hi && mods < cataphorMods {
		if m := d.startM[t]; m >= 0 && int(d.acc[m].tokE) > t {
			a := &d.acc[m]
			if a.typ != extractor.Location || int(a.tokE)-t > 2 {
				return 0
			}
			t, mods = int(a.tokE), mods+1
			continue
		}
		if cataphorSizeWords[d.fold[t]] {
			t++ // "a small group", no modifier of its own
			continue
		}
		if !isActorModifier(d.fold[t]) && d.fold[t] != "suspected" {
			break
		}
		t, mods = t+1, mods+1
	}
	// "an Indian espionage campaign ... The campaign, dubbed Operation
	// Hangover, ...": a campaign word names the campaign a later clause
	// names (cataphorAntecedent), as an actor noun names the actor.
	if t >= hi || !actorNPHeads[d.fold[t]] && !d.p.cti.namedPhraseHeads[d.fold[t]] || !isLowerWord(d.tokText[t]) {
		return 0
	}
	if actorNPHeads[d.fold[t]] && d.describedActorNP(i, t) {
		return t + 1 // "the report describes a crew that ..."
	}
	// "a small group of hackers": the people noun says what group it is
	if t+2 < hi && d.fold[t+1] == "of" && cataphorPeopleNouns[d.fold[t+2]] {
		t, mods = t+2, mods+1
	}
	if mods == 0 {
		return 0
	}
	if t+1 < hi && d.startM[t+1] >= 0 {
		return 0 // "a Chinese group, APT41," names it
	}
	if d.cataphorAntecedent(i) < 0 {
		return 0
	}
	return t + 1
}

// describedActorNP reports whether the indefinite actor phrase from token i
// to its head at token t is the object of a verb of describing (the pack
// list rel_describing_verbs) and opens a relative clause: "The report
// describes a crew that broke into airlines", "Cylance details a group
// which ...". Such a phrase, modifiers or not, is the actor the report is
// about (describedAntecedent), not some other group.
func (d *docState) describedActorNP(i, t int) bool {
	if i == 0 || i <= d.sentLo[d.sentOf[i]] || !d.p.cti.describingVerbs[d.fold[i-1]] || t+1 >= len(d.fold) ||
		d.sentOf[t+1] != d.sentOf[i] {
		return false
	}
	switch d.fold[t+1] {
	case "that", "which", "who":
		return true
	}
	return false
}

// describedAntecedent returns the index in d.acc of the actor a described
// actor phrase at byte offset at means: the topic actor named before it, or
// else the document's dominant actor (named later: "The report describes a
// crew that ... SecureWorks calls it TG-2889"); -1 for none.
func (rs *relState) describedAntecedent(at int, direct []extractor.Span) int {
	d := rs.d
	if k := d.topicActor(at, direct); k >= 0 {
		return k
	}
	ct := rs.topics()
	if ct.doc == nil || ct.subject || len(ct.doc.ms) == 0 {
		return -1
	}
	return d.topicAntecedent(ct.doc.ms[0], direct)
}

// cataphorAntecedent returns the index in d.acc of the actor or campaign
// a naming clause in one of the cataphorSentences sentences after token
// i's gives to a definite actor phrase ("tracks the crew as X"), or -1.
func (d *docState) cataphorAntecedent(i int) int {
	si := int(d.sentOf[i])
	for s := si + 1; s <= si+cataphorSentences && s+1 < len(d.sentLo); s++ {
		if k := d.copularNaming(d.sentLo[s], d.sentLo[s+1]); k >= 0 {
			return k
		}
		if k := d.appositiveNaming(d.sentLo[s], d.sentLo[s+1]); k >= 0 {
			return k
		}
		for t := d.sentLo[s]; t < d.sentLo[s+1]-2; t++ {
			if !d.p.cti.namingVerbs[d.fold[t]] || d.fold[t+1] != "the" {
				continue
			}
			if k := d.namedPhrase(t+2, d.sentLo[s+1]); k >= 0 {
				return k
			}
		}
	}
	return -1
}

// copularNaming returns the index in d.acc of the actor or campaign a
// sentence [lo, hi) names by opening on a definite actor phrase and a form
// of "be": "The crew is APT31, which ...", "The group was Volt Typhoon."; or
// -1. (Not "The group is believed to be ...": the name must follow the verb.)
func (d *docState) copularNaming(lo, hi int) int {
	if lo+3 >= hi || d.fold[lo] != "the" || !actorNPHeads[d.fold[lo+1]] {
		return -1
	}
	switch d.fold[lo+2] {
	case "is", "was":
	default:
		return -1
	}
	k := d.startM[lo+3]
	if k < 0 {
		return -1
	}
	if a := &d.acc[k]; a.hide || a.typ != extractor.ThreatActor && a.typ != extractor.Campaign || !d.namesItself(a, hi) {
		return -1
	}
	return int(k)
}

// appositiveNaming returns the index in d.acc of the actor or campaign a
// sentence [lo, hi) names in an apposition on its opening definite phrase:
// "The campaign, dubbed Operation Hangover, used ...", "The crew, which
// researchers call Viceroy Tiger, ...", "The group, known as X, ..."; or -1.
func (d *docState) appositiveNaming(lo, hi int) int {
	if lo+4 >= hi || d.fold[lo] != "the" || !actorNPHeads[d.fold[lo+1]] && !d.p.cti.namedPhraseHeads[d.fold[lo+1]] ||
		d.fold[lo+2] != "," {
		return -1
	}
	for t := lo + 3; t < hi && t <= lo+8; t++ {
		switch d.fold[t] {
		case ",", ".", ";", ":":
			return -1
		}
		if w := d.fold[t]; !d.p.cti.namingVerbs[w] && !d.p.cti.namingParticiples[w] && w != "codenamed" && w != "code-named" {
			continue
		}
		n := t + 1
		if n < hi && d.fold[n] == "as" {
			n++
		}
		if n >= hi || d.startM[n] < 0 {
			return -1
		}
		k := int(d.startM[n])
		if a := &d.acc[k]; a.hide || a.typ != extractor.ThreatActor && a.typ != extractor.Campaign || !d.namesItself(a, hi) {
			return -1
		}
		return k
	}
	return -1
}

// namesItself reports whether mention a, named after a definite actor
// phrase, is the name the phrase stands for and not a word about another
// party: "The crew was APT28's partner", "the group is an APT41-linked
// cluster" and "The group was APT41 or an affiliate" name nobody.
func (d *docState) namesItself(a *cand, hi int) bool {
	e := int(a.tokE)
	if e < hi {
		switch d.fold[e] {
		case "'s", "\u2019s", "'", "\u2019", "or":
			return false
		}
	}
	// a hyphenated compound of the name: "APT41-linked", "APT41-like"
	last := d.tokText[e-1]
	if i := strings.LastIndexByte(last, '-'); i > 0 && i+1 < len(last) && isLowerWord(last[i+1:]) {
		return false
	}
	return true
}

// namedPhrase returns the index in d.acc of the actor or campaign named
// right after a definite actor phrase whose words start at token t (after
// "the"), perhaps after "as" or the name's own "the": "crew as X",
// "intruders X", "crew the X Group"; or -1.
func (d *docState) namedPhrase(t, hi int) int {
	for n := 0; t < hi && n < 3; t, n = t+1, n+1 {
		if d.startM[t] >= 0 {
			return -1
		}
		if actorNPHeads[d.fold[t]] || d.p.cti.namedPhraseHeads[d.fold[t]] {
			t++
			if t < hi && d.fold[t] == "as" {
				t++
			}
			// "calls the crew the Gorgon Group": the name's own article
			if t+1 < hi && d.fold[t] == "the" && d.startM[t] < 0 {
				t++
			}
			if t < hi && d.startM[t] >= 0 {
				k := int(d.startM[t])
				if a := &d.acc[k]; !a.hide && (a.typ == extractor.ThreatActor || a.typ == extractor.Campaign) && d.namesItself(a, hi) {
					return k
				}
			}
			return -1
		}
	}
	return -1
}

// cataphoricPeople returns the index in d.acc of the actor or campaign a
// naming clause in one of the cataphorSentences sentences after the
// anaphor's names, when the anaphor is the people behind an intrusion
// ("hackers", "the attackers", "the intruders": an actor noun of
// actorNPHeads, bare or after "the") and nothing before it is what it
// means (the caller found no antecedent and no topic actor): "Hackers
// compromised the update server of Kestrel Systems and pushed a backdoor
// to its customers. Acme calls the operation NightHammer." Else -1. The
// mask am is the types the anaphor may mean that the rule's slot takes.
func (d *docState) cataphoricPeople(s, e int, am typeMask, direct []extractor.Span) int {
	if am&(maskOf(extractor.ThreatActor)|maskOf(extractor.Campaign)) == 0 || s >= e {
		return -1
	}
	if !d.pluralActorNP(s, e) {
		return -1
	}
	k := d.cataphorAntecedent(s)
	if k < 0 || d.slotMask(&d.acc[k])&am == 0 || d.isDirect(&d.acc[k], direct) {
		return -1
	}
	return k
}

// pluralActorNP reports whether tokens [s, e) are a plural actor noun of
// actorNPHeads, bare or after "the": "hackers", "the attackers".
func (d *docState) pluralActorNP(s, e int) bool {
	head := d.fold[e-1]
	return actorNPHeads[head] && strings.HasSuffix(head, "s") && (e-s == 1 || e-s == 2 && d.fold[s] == "the")
}

// whichClauseCampaign returns the index in d.acc of the campaign a
// relative clause of time opens on, when the anaphor at tokens [s, e) is
// the people of that clause: in "a campaign it named Operation X, during
// which intruders broke into A" (or "in which the attackers", "in the
// course of which they") the intruders are the campaign's, whatever actor
// the report is about. Else -1.
func (d *docState) whichClauseCampaign(s, e int, direct []extractor.Span) int {
	if s >= e || s < 2 {
		return -1
	}
	if !d.pluralActorNP(s, e) && !(e-s == 1 && d.fold[s] == "they") {
		return -1
	}
	lo := d.sentLo[d.sentOf[s]]
	if s <= lo {
		// The anaphor opens its sentence: no clause before it. A fast
		// exit only: the bounds checks below find no "during which" before
		// the sentence's start either, so no text tells it apart.
		return -1
	}
	t := s - 1
	if t > lo && d.fold[t] == "the" {
		t-- // a slot that took the noun alone
	}
	if d.fold[t] != "which" {
		return -1
	}
	t--
	switch {
	case t-3 >= lo && d.fold[t] == "of" && d.fold[t-1] == "course" && d.fold[t-2] == "the" && d.fold[t-3] == "in":
		t -= 4
	case t >= lo && (d.fold[t] == "during" || d.fold[t] == "in" || d.fold[t] == "throughout"):
		t--
	default:
		return -1
	}
	if t >= lo && d.fold[t] == "," {
		t--
	}
	for j := t; j >= lo && j > t-8; j-- {
		m := d.startM[j]
		if m < 0 {
			continue
		}
		a := &d.acc[m]
		if int(a.tokE) != t+1 {
			return -1
		}
		if a.hide || a.typ != extractor.Campaign || d.isDirect(a, direct) {
			return -1
		}
		return int(m)
	}
	return -1
}
