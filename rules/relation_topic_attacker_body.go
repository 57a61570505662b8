package rules

import (
	"slices"
	"strings"

	extractor "github.com/reportgraph/extractor"
)

// The attacker body. A report about a spy agency or a military unit (the
// MSS, the SVR, a numbered unit) that names no threat actor it is about
// lists the body's victims in later sentences and lists, as a report about
// a threat actor lists the actor's: "Australian intelligence concluded
// that the MSS was responsible for the attack. ... The networks of three
// parties were also breached." The body counts only where the text itself
// presents it as an attacker: it is the source of a relation a relation
// rule found (targets, exploits, uses: "Germany accused the GRU of
// hacking the Bundestag"), or a sentence with an attack noun blames it
// ("blamed the MSS for the breach", "the MSS was behind the attack",
// "the work of hackers working for the MSS"), or an apposition describes
// it as a hacking unit ("TAO, a hacking unit of the NSA"). A defender body (police,
// prosecutors, CISA, a CERT: rel_defender_body_words) never counts, nor
// does one the text names fewer than three times, or first names after
// the first third of the document.

// attackerBody returns the mentions of the one government body the text
// presents as an attacker, named at least topicDominantMin times and more often than any
// other such body; else nil.
// attacker and byKey are what attackerBodies returns.
func (d *docState) attackerBody(attacker map[string]bool, byKey map[string][]int) []int {
	var best []int
	tie := false
	for key, ks := range byKey {
		if !attacker[key] {
			continue
		}
		switch {
		case len(ks) > len(best):
			best, tie = ks, false
		case len(ks) == len(best):
			tie = true
		}
	}
	if tie || len(best) < topicDominantMin {
		return nil
	}
	// A report about the body names it in its first third (its title or
	// lead); one first named in a background section further down ("The
	// case echoed an earlier accusation against X") is no topic.
	if first := int(d.acc[slices.Min(best)].tokS); 3*first > len(d.fold) {
		return nil
	}
	return best
}

// attackerBodies returns the keys of the government bodies the text
// presents as attackers, no defender among them, and the mentions of every
// government body by key.
func (d *docState) attackerBodies(rs *relState, keys []string, byStart map[extractor.Span]int) (map[string]bool, map[string][]int) {
	attacker := map[string]bool{}
	for _, m := range rs.out {
		if m.Rule == "" || m.Type != "targets" && m.Type != "exploits" && m.Type != "uses" {
			continue
		}
		if k, ok := byStart[m.Source]; ok && d.acc[k].typ == extractor.Government {
			attacker[keys[k]] = true
		}
	}
	byKey := map[string][]int{}
	defender := map[string]bool{}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || c.typ != extractor.Government {
			continue
		}
		key := keys[k]
		byKey[key] = append(byKey[key], k)
		if d.defenderBody(c) {
			defender[key] = true
		}
		if !attacker[key] && d.bodyBlamed(c) {
			attacker[key] = true
		}
	}
	for key := range defender {
		delete(attacker, key)
	}
	// A body a relation makes a threat actor's sponsor ("Silk Typhoon,
	// which works for the MSS") acts through the actor: the victims stay
	// the actor's.
	for _, m := range rs.out {
		if m.Rule == "" || m.Type != "attributed-to" && m.Type != "sponsored-by" && m.Type != "affiliated-with" && m.Type != "part-of" {
			continue
		}
		ks, okS := byStart[m.Source]
		kt, okT := byStart[m.Target]
		if !okS || !okT {
			continue
		}
		if d.acc[ks].typ == extractor.ThreatActor && d.acc[kt].typ == extractor.Government {
			delete(attacker, keys[kt])
		}
		if d.acc[kt].typ == extractor.ThreatActor && d.acc[ks].typ == extractor.Government {
			delete(attacker, keys[ks])
		}
	}
	return attacker, byKey
}

// defenderBody reports whether a government mention names a defender: a
// word of rel_defender_body_words in its text ("FBI", "Department of
// Justice", "National Cyber Security Centre").
func (d *docState) defenderBody(c *cand) bool {
	for i := int(c.tokS); i < int(c.tokE); i++ {
		if d.p.cti.defenderWords[d.fold[i]] {
			return true
		}
	}
	return false
}

// bodyBlamed reports whether the sentence of a government mention blames
// it for an attack: a word of rel_body_blame_before ("blamed", "accused",
// "to" of "ascribed the breach to") at most three tokens before it, or a
// word of rel_body_blame_after ("responsible", "behind", "accountable")
// at most three tokens after it, in a sentence with an attack noun
// (rel_attack_nouns) that is not negated before the blame word.
func (d *docState) bodyBlamed(c *cand) bool {
	s, e := int(c.tokS), int(c.tokE)
	if s >= len(d.sentOf) {
		return false
	}
	si := int(d.sentOf[s])
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	attack := false
	for i := lo; i < hi; i++ {
		if (i < s || i >= e) && d.p.cti.attackNouns[d.fold[i]] {
			attack = true
			break
		}
	}
	if !attack {
		return false
	}
	negated := func(i int) bool {
		for j := lo; j < i; j++ { // "there is no evidence that X was behind"
			if w := d.fold[j]; w == "not" || w == "never" || w == "no" || strings.HasSuffix(w, "n't") {
				return true
			}
		}
		return false
	}
	blameAt := func(i int) bool {
		if !d.p.cti.bodyBlameBefore[d.fold[i]] || negated(i) {
			return false
		}
		if d.fold[i] != "to" {
			return true
		}
		for j := max(lo, i-4); j < i; j++ { // "ascribed the attack to the GRU"
			if bodyAttributionVerbs[d.fold[j]] {
				return true
			}
		}
		return false
	}
	// A body that modifies an attack noun is its victim: "the OPM breach".
	if e < hi && d.p.cti.attackNouns[d.fold[e]] {
		return false
	}
	for i := max(lo, s-3); i < s; i++ {
		if blameAt(i) {
			return true
		}
	}
	for i := e; i < min(hi, e+3); i++ {
		if d.p.cti.bodyBlameAfter[d.fold[i]] && !negated(i) {
			return true
		}
	}
	// Described as a hacking unit in apposition: "TAO, a hacking unit of
	// the NSA", "Unit 26165, the GRU's cyber espionage unit".
	comma := false
	for i := e; i < min(hi-1, e+8); i++ {
		w := d.fold[i]
		if w == "," {
			comma = true
			continue
		}
		if comma && d.p.cti.attackNouns[w] && hackingUnitHeads[d.fold[i+1]] {
			return true
		}
		if w == "." || w == ";" {
			break
		}
	}
	return false
}

// hackingUnitHeads end a description of a body as an attacker: "a hacking
// unit", "its cyber espionage arm".
var hackingUnitHeads = map[string]bool{"unit": true, "arm": true, "team": true, "bureau": true, "division": true,
	"directorate": true, "wing": true, "outfit": true, "branch": true}

// bodyAttributionVerbs put the blamed party after "to": "ascribed the breach
// to the MSS".
var bodyAttributionVerbs = map[string]bool{"ascribed": true, "ascribes": true, "ascribe": true, "attributed": true,
	"attributes": true, "attribute": true, "pinned": true, "pins": true, "traced": true, "traces": true}
