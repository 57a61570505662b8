package rules

import "github.com/reportgraph/extractor"

// victimsAfter reports whether mention k, alone or in a coordinated list,
// is followed by "among its victims" ("among their targets", "among the
// group's victims"): "Leaked files list foreign ministries and Pellmark
// Systems Inc. among its victims", "Harbor counts A and B among the
// group's targets". The frame comes after its objects, so framedObject,
// which looks before them, does not see it.
func (d *docState) victimsAfter(k int) bool {
	c := &d.acc[k]
	hi := d.sentHi(int(c.tokS))
	skip := maskOf(extractor.ThreatActor) | maskOf(extractor.Person) | maskOf(extractor.Malware) | maskOf(extractor.Tool)
	i, fill := int(c.tokE), 0
	for steps := 0; i < hi && steps < 40; steps++ {
		if m := d.startM[i]; m >= 0 && int(d.acc[m].tokE) > i {
			if maskOf(d.acc[m].typ)&skip != 0 {
				return false
			}
			i, fill = int(d.acc[m].tokE), 0
			continue
		}
		switch f := d.fold[i]; {
		case f == "among":
			return d.victimNounAfter(i+1, hi)
		case f == "," || f == "and" || f == "or" || f == "&" || f == "in":
			i, fill = i+1, 0
			continue
		case frameStops[f]:
			return false
		}
		if !isLowerWord(d.tokText[i]) || fill >= frameFill {
			return false
		}
		i, fill = i+1, fill+1
	}
	return false
}

// victimNounAfter reports whether "its victims", "their targets", "the
// victims" or "the group's victims" starts at token i, or "those" or
// "the" and a plural noun before a participle of victimParticiples:
// "Press reports named A and B among those breached", "... among the
// carriers hit".
func (d *docState) victimNounAfter(i, hi int) bool {
	for j := i; j < hi && j <= i+3; j++ {
		switch f := d.fold[j]; {
		case f == "victims" || f == "targets":
			return j > i
		case d.p.cti.amongParticiples[f]:
			// "among those breached", "among the carriers hit"; not "among
			// those hit hardest by the outage"
			return j > i && (d.fold[j-1] == "those" || j > i+1 && d.fold[i] == "the") && !d.byNoAttack(j+1, hi)
		case f == "those" && j == i:
		case f == "its" || f == "their" || f == "the" || f == "'s" || f == "\u2019s" || f == "known":
		case isLowerWord(d.tokText[j]) && j > i:
			// "the group's", "its known"
		default:
			return false
		}
	}
	return false
}

// The participles that close a set of victims after "among those" or
// "among the <noun>" ("among those breached", "among the carriers hit")
// are the pack list rel_among_participles (vocab.go).

// byNoAttack reports whether the words from token k (up to two adverbs,
// then "by") name an agent that is no attack and no party: "hit hardest
// by the outage", "affected by the storm". An attack noun of the list
// rel_attack_nouns ("by the attacks", "by the same hackers") or a named
// party ("by Copper Marten") is an attack.
func (d *docState) byNoAttack(k, hi int) bool {
	for n := 0; k < hi && n < 2 && d.fold[k] != "by" && isLowerWord(d.tokText[k]); n++ {
		k++ // "hardest", "most"
	}
	if k >= hi || d.fold[k] != "by" {
		return false
	}
	party := maskOf(extractor.ThreatActor) | maskOf(extractor.Person) | maskOf(extractor.Malware) |
		maskOf(extractor.Tool) | maskOf(extractor.Campaign)
	for j := k + 1; j < hi && j <= k+4; j++ {
		if m := d.startM[j]; m >= 0 && !d.acc[m].hide {
			if maskOf(d.acc[m].typ)&party != 0 {
				return false
			}
			j = int(d.acc[m].tokE) - 1 // "by the Harlow Energy outage"
			continue
		}
		if d.p.cti.attackNouns[d.fold[j]] {
			return false
		}
		if !isLowerWord(d.tokText[j]) {
			break
		}
	}
	return true
}
