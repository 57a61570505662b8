package rules

import (
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// Actor phrases the anaphor list does not spell out. Reports go on about
// the actor they named with a determiner, modifiers and an actor noun:
// "the state-backed crew", "the Russian group", "the newer group", "the
// North Korean hackers", "this ransomware gang". The list
// relation_anaphors holds the common ones; the rest are read by shape: a
// determiner, one or two modifiers (a place or its adjective, a word of
// actorModifiers, or a hyphenated "-backed", "-linked", "-sponsored" ...
// word), then a word of actorNPHeads, with no name right after it ("the
// Chinese group APT41" names the group). A pattern element or a negation
// whose list is $relation_anaphors reads them too, and so does the
// resolver (isAnaphor), which gives them the head's types and a noun
// phrase's reach.
//
// People are read the same way: "the Chinese defendants", "these Iranian
// men" stand for the people named before (relation_group.go), as "the
// defendants" does, but only with a pronoun's reach (isAnaphor): a
// description that far back is as likely a new set. A phrase with a number
// ("the five Chinese defendants") is left to the sets named after it
// (peopleSet).

// actorNPMarker is the item expand adds after the items of
// relation_anaphors; phraseSet turns it into phraseSet.actorNP.
const actorNPMarker = "\x00actor-np"

var (
	actorNPDeterminers = []string{"the", "this", "that", "these", "those"}
	actorNPHeads       = map[string]bool{"group": true, "crew": true, "outfit": true, "gang": true, "team": true, "hackers": true,
		"attackers": true, "operators": true, "intruders": true, "actor": true, "actors": true, "spies": true}
	actorModifiers = map[string]bool{"state-sponsored": true, "state-backed": true, "state-linked": true,
		"state-aligned": true, "ransomware": true, "espionage": true, "hacking": true, "cybercrime": true,
		"cyber-espionage": true, "extortion": true, "newer": true, "older": true, "loose": true, "prolific": true,
		"notorious": true, "shadowy": true, "elusive": true, "veteran": true, "threat": true, "apt": true,
		"criminal": true, "cybercriminal": true, "same": true}
	// personNPHeads are the plural person nouns that head such a phrase;
	// their types are anaphorTypes' (hedge.go).
	personNPHeads = map[string]bool{"defendants": true, "nationals": true, "men": true, "women": true,
		"suspects": true, "accused": true, "conspirators": true, "individuals": true, "citizens": true,
		"officers": true, "operatives": true}
	actorModifierSuffixes = []string{"-backed", "-linked", "-sponsored", "-aligned", "-speaking", "-based", "-affiliated",
		"-nexus", "-funded", "-directed"}
)

// addActorNP makes ps read actor phrases by shape.
func (c *compiler) addActorNP(ps *phraseSet) {
	ps.actorNP = true
	for _, det := range actorNPDeterminers {
		c.p.vocabFor(det).addPhraseFirst(ps.id)
		ps.firstWords.add(wordHash(det))
	}
	// "a Chinese espionage crew" named later (relation_cataphor.go)
	for _, det := range []string{"a", "an"} {
		c.p.vocabFor(det).addPhraseFirst(ps.id)
		ps.firstWords.add(wordHash(det))
	}
	ps.maxTokens = max(ps.maxTokens, 2+cataphorMods)
}

// actorNPEnd returns the end of an actor phrase by shape starting at
// token i and ending by hi, or 0.
func (d *docState) actorNPEnd(i, hi int) int {
	if i < hi && isIndefinite(d.fold[i]) {
		return d.indefiniteActorNPEnd(i, hi) // relation_cataphor.go
	}
	if i+2 >= hi+1 || !isActorNPDeterminer(d.fold[i]) {
		return 0
	}
	t, mods, actorMods := i+1, 0, 0
	for t < hi && mods < 3 {
		if m := d.startM[t]; m >= 0 && int(d.acc[m].tokE) > t {
			a := &d.acc[m]
			if a.typ != extractor.Location || int(a.tokE)-t > 2 {
				return 0
			}
			t, mods, actorMods = int(a.tokE), mods+1, actorMods+1
			// "the Milpitas, California-based firm": a town, then its state
			if t+1 < hi && d.fold[t] == "," {
				if m2 := d.startM[t+1]; m2 >= 0 && d.acc[m2].typ == extractor.Location && int(d.acc[m2].tokE)-t-1 <= 2 {
					t = int(d.acc[m2].tokE)
				}
			}
			continue
		}
		switch {
		case isActorModifier(d.fold[t]):
			actorMods++
		case d.p.cti.bodyModifiers[d.fold[t]] && bodyModifierCase(d.tokText[t]):
		default:
			goto head
		}
		t, mods = t+1, mods+1
	}
head:
	if mods == 0 || t >= hi || !isLowerWord(d.tokText[t]) {
		return 0
	}
	switch {
	case d.p.cti.bodyNPHeads[d.fold[t]]:
	case actorNPHeads[d.fold[t]] || personNPHeads[d.fold[t]]:
		if actorMods != mods || mods > 2 {
			return 0 // "the security group": a body modifier before an actor noun
		}
	default:
		return 0
	}
	if t+1 < hi && d.startM[t+1] >= 0 {
		return 0 // "the Chinese group APT41"
	}
	return t + 1
}

// bodyModifierCase reports whether s, a word of rel_body_np_modifiers, is
// written as one: in lower case ("security"), or all in capitals as an
// initialism is ("IT" in "the Beijing IT company"), but not capitalised
// as a name's word is ("Security").
func bodyModifierCase(s string) bool {
	return isLowerWord(s) || len(s) >= 2 && allCaps(s) && strings.IndexFunc(s, unicode.IsUpper) >= 0
}

// addActorNPEnd adds to the ends buf[n:] (longest first) the end of an
// actor phrase by shape at token i, when the lists did not give it.
func (d *docState) addActorNPEnd(buf []int, n, i, hi int) []int {
	e := d.actorNPEnd(i, hi)
	if e == 0 {
		return buf
	}
	for _, x := range buf[n:] {
		if x == e {
			return buf
		}
	}
	buf = append(buf, e)
	for j := len(buf) - 1; j > n && buf[j] > buf[j-1]; j-- {
		buf[j], buf[j-1] = buf[j-1], buf[j]
	}
	return buf
}

func isActorNPDeterminer(w string) bool {
	for _, d := range actorNPDeterminers {
		if w == d {
			return true
		}
	}
	return false
}

func isActorModifier(w string) bool {
	if actorModifiers[w] {
		return true
	}
	if !strings.Contains(w, "-") {
		return false
	}
	for _, suf := range actorModifierSuffixes {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return true
		}
	}
	return false
}

// descriptionStart returns the determiner that opens a description by
// shape ending with the head word at token h ("the Moscow-based company",
// "the California security firm"), or -1. A rule whose slot is the head
// alone, after a place it relates the described body to ("The
// Denver-based company said ..." gives the company named before
// located-in Denver), reads the whole description as the anaphor.
//
// Not a description in the possessive: in "Gu, the manager of the French
// firm's Suzhou office" the firm is a party in passing, as often another
// one than the body named last.
func (d *docState) descriptionStart(h int) int {
	if h <= 0 || !d.p.cti.bodyNPHeads[d.fold[h]] && !actorNPHeads[d.fold[h]] {
		return -1
	}
	if h+1 < len(d.fold) && (d.fold[h+1] == "'s" || d.fold[h+1] == "’s") {
		return -1
	}
	lo := max(d.sentLo[d.sentOf[h]], h-1-2*3)
	for j := h - 1; j >= lo; j-- {
		if isActorNPDeterminer(d.fold[j]) {
			if d.actorNPEnd(j, d.sentHi(j)) == h+1 {
				return j
			}
			return -1
		}
	}
	return -1
}
