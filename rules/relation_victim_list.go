package rules

import (
	"fmt"
	"unicode"

	"github.com/reportgraph/extractor"
)

// Victim lists: "Kestrel Bear breached 40 bodies in nine countries. The
// list includes ports, banks and shipping firms." A list stands for the
// victims only when the sentence right before it counted them: a
// targeting verb (relation_victim_count_verbs), a number and a victim noun
// (relation_victim_count_nouns). Its antecedent is that verb's subject, the
// nearest actor, campaign or malware before it, never just the actor in
// focus: "APT29 exploited twelve vulnerabilities. The list includes ..."
// lists flaws, and "X stole coins from 12 exchanges" or a sanctions list
// names no victims. Only a targets rule reads a list this way
// (rel.targets.victim-list); isAnaphor never returns a list.

// victimListEndpoint resolves the slot c when it is exactly a victim list
// anaphor: hit reports that it is one, ok that its antecedent counted
// victims and fits the slot.
func (rs *relState) victimListEndpoint(r *rule, c capRec, mask typeMask, direct []extractor.Span) (ep endpoint, ok, hit bool) {
	d := rs.d
	cues := d.p.relCues
	if cues == nil || cues.victimLists == nil || c.start >= c.end {
		return endpoint{}, false, false
	}
	var buf [4]int
	for _, end := range cues.victimLists.ends(d, c.start, d.sentHi(c.start), buf[:0]) {
		hit = hit || end == c.end
	}
	if !hit {
		return endpoint{}, false, false
	}
	if r.rel.typ != "targets" {
		return endpoint{}, false, true
	}
	k := d.victimCountSubject(int(d.sentOf[c.start]) - 1)
	if k < 0 {
		return endpoint{}, false, true
	}
	a := &d.acc[k]
	if d.slotMask(a)&mask == 0 || d.isDirect(a, direct) {
		return endpoint{}, false, true
	}
	note := fmt.Sprintf("%q → %s", d.text[c.bs:c.be], d.surface(a))
	return endpoint{span: extractor.Span{Start: a.start, End: a.end}, coref: note}, true, true
}

// victimCountSubject returns the index in d.acc of the subject of a count
// of victims in sentence si or the one before it, or -1: the nearest
// actor, campaign or malware before a targeting verb with a count ("Kestrel
// Bear breached 40 bodies", "it hit more than a dozen firms"), or before a
// count of compromised victims ("researchers counted at least 70
// compromised organisations"), back to the sentence before the count.
func (d *docState) victimCountSubject(si int) int {
	cues := d.p.relCues
	if cues.victimCountVerbs == nil || cues.victimCountNouns == nil {
		return -1
	}
	var buf [4]int
	for s := si; s >= 0 && s >= si-1; s-- {
		lo, hi := d.sentLo[s], d.sentLo[s+1]
		for t := lo; t < hi; t++ {
			found := false
			for _, v := range cues.victimCountVerbs.ends(d, t, hi, buf[:0]) {
				found = found || d.victimCount(v, hi)
			}
			if !found && d.isCount(t) && d.victimCount(t, hi) {
				for j := t + 1; j < hi && j <= t+3 && !found; j++ {
					found = cues.victimCountVerbs.isSingle(d, j) // "70 compromised organisations"
				}
			}
			if !found {
				continue
			}
			for k := range d.mentionsBefore(d.tokStart[t], s-1) {
				if maskOf(d.acc[k].typ)&victimOf != 0 {
					return k
				}
			}
			return -1
		}
	}
	return -1
}

// victimCountQualifiers may stand before the number of a count.
var victimCountQualifiers = map[string]bool{"at": true, "least": true, "more": true, "than": true, "over": true,
	"nearly": true, "almost": true, "about": true, "around": true, "roughly": true, "some": true, "a": true,
	"another": true, "up": true, "to": true, "minimum": true, "of": true, "total": true}

// victimCount reports whether the tokens from i hold a number and, within
// three words after it, a victim noun: "40 bodies", "more than a dozen
// government agencies", "hundreds of companies".
func (d *docState) victimCount(i, hi int) bool {
	for i < hi && victimCountQualifiers[d.fold[i]] {
		i++
	}
	if i >= hi {
		return false
	}
	if !d.isCount(i) {
		return false
	}
	var buf [4]int
	for j := i + 1; j < hi && j <= i+4; j++ {
		if len(d.p.relCues.victimCountNouns.ends(d, j, hi, buf[:0])) > 0 {
			return true
		}
	}
	return false
}

// isCount reports whether token i is a number or a word of quantity.
func (d *docState) isCount(i int) bool {
	switch w := d.fold[i]; {
	case numberWords[w] > 0, w == "dozen", w == "dozens", w == "hundreds", w == "thousands", w == "scores":
		return true
	default:
		return w != "" && unicode.IsDigit(rune(w[0]))
	}
}
