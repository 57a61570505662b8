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
		case victimParticiples[f]:
			// "among those breached", "among the carriers hit"
			return j > i && (d.fold[j-1] == "those" || j > i+1 && d.fold[i] == "the")
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

// victimParticiples close a set of victims after "among those" or "among
// the <noun>": "among those breached", "among the carriers hit".
var victimParticiples = map[string]bool{"breached": true, "hit": true, "compromised": true, "targeted": true,
	"attacked": true, "hacked": true, "affected": true, "impacted": true, "infected": true, "penetrated": true}
