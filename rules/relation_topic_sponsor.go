package rules

import "github.com/reportgraph/extractor"

// The state behind an unnamed actor. In a report about one actor, "the
// attack was likely carried out by a Chinese state-backed group" or
// "Microsoft said a Russian state-sponsored group had broken into its
// mail" speaks of the report's actor without naming it: the place before
// the state word sponsors it. A sponsored-by topic rule with state_words
// takes a place only there: right before one of them (one word such as
// "China's" possessive mark may stand between), with an attacker noun of
// rel_sponsored_nouns ("group", "crew", "hackers"; not the "actor" of a
// government statement that names no group) within three words after. A
// sentence that names any actor is skipped: "APT99, a Chinese
// state-sponsored group" is the relation rules'
// (rel.sponsored-by.state-sponsored), and "the tools pointed to a Chinese
// state-sponsored actor and had been associated with APT10" sets the
// unnamed one apart from the named.

// unnamedSponsored reports whether the place mention k stands before a
// state word of ps and an attacker noun: "a Chinese state-sponsored hacking
// group".
func (d *docState) unnamedSponsored(ps *phraseSet, k int) bool {
	c := &d.acc[k]
	i, hi := int(c.tokE), d.sentHi(int(c.tokS))
	actor := maskOf(extractor.ThreatActor)
	for t := d.sentLo[d.sentOf[c.tokS]]; t < hi; t++ {
		if d.cover[t]&actor != 0 {
			return false
		}
	}
	for skip := 0; skip <= 1 && i < hi; skip++ {
		if ps.startsAt(d, i, hi) {
			for _, e := range ps.ends(d, i, hi, nil) {
				for t := e; t < hi && t < e+3; t++ {
					if d.p.cti.sponsoredNouns[d.fold[t]] {
						return true
					}
					if d.cover[t] != 0 || d.fold[t] == "," || d.fold[t] == "." {
						break
					}
				}
			}
			return false
		}
		if d.cover[i] != 0 || d.tokText[i] != d.fold[i] && d.fold[i] != "'s" {
			return false // a name or a capitalised word between
		}
		i++
	}
	return false
}

// The sponsor of unnamed attackers: "hackers working for North Korea stole
// $100 million", "cyber actors affiliated with China's Ministry of State
// Security carried out the espionage", in a report about one actor, name
// that actor's sponsor. A sponsored-by topic rule with sponsor_words takes
// a place or body only right after one of them (or after its possessive
// place: "China's Ministry of State Security", which leaves "China" out:
// the owner of the sponsor is not named as one), which follows an
// attacker noun of rel_whereabouts_nouns (one word such as "allegedly" may
// stand between), in a sentence that names no actor.

// unnamedWorksFor reports whether mention k, whose list starts at token i,
// follows attackers and a sponsor phrase of ps.
func (d *docState) unnamedWorksFor(ps *phraseSet, k, i int) bool {
	c := &d.acc[k]
	lo, hi := d.sentLo[d.sentOf[c.tokS]], d.sentHi(int(c.tokS))
	actor := maskOf(extractor.ThreatActor)
	for t := lo; t < hi; t++ {
		if d.cover[t]&actor != 0 {
			return false
		}
	}
	if int(c.tokE) < hi && d.fold[c.tokE] == "'s" {
		return false // the owner of the sponsor: "China's" in "China's Ministry of State Security"
	}
	if i-2 >= lo && d.fold[i-1] == "'s" && d.cover[i-2] != 0 {
		i -= 2 // "China's Ministry of State Security"
		for i-1 >= lo && d.cover[i-1] != 0 && d.startM[i] < 0 {
			i--
		}
	}
	if i > lo && d.fold[i-1] == "the" {
		i--
	}
	j := d.phraseStartBefore(ps, i)
	if j < 0 {
		return false
	}
	for t := j - 1; t >= lo && t >= j-2; t-- {
		if d.p.cti.sponsoredNouns[d.fold[t]] {
			return true
		}
	}
	return false
}
