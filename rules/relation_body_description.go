package rules

import "strings"

// A description of a body ("the Chinese firm", "the Israeli spyware
// vendor") stands for the body named before it (relation_actor_np.go,
// descriptionStart), but names nobody when:
//
//   - a restrictive clause follows its head: "The Chinese firm that sold
//     the exploit was not named" is a new body, not the one named last;
//   - an indefinite description with the same head stands between the
//     name and it: in "Microsoft tracked the hackers. A Chinese security
//     firm was hired by the ministry. The Chinese firm has worked ..." the
//     firm is the unnamed one, as "the pair" after "two Chinese nationals"
//     names no one (unnamedSetBetween, relation_group.go);
//   - the name is the reporter's ("Researchers at Microsoft found", "Google
//     said", "Mandiant, a unit of Google, said") and the description
//     carries a place or a kind ("The Chinese company has denied ..."): a
//     report's vendor is seldom what it goes on to describe, unless the
//     description itself goes on reporting ("The Moscow-based company
//     said ...").

// descriptionNamesNobody reports whether the body description [c.start,
// c.end) does not stand for mention k named before it.
func (d *docState) descriptionNamesNobody(k int, c capRec) bool {
	if c.end-c.start < 2 || c.end > len(d.fold) || !isActorNPDeterminer(d.fold[c.start]) {
		return false
	}
	h := c.end - 1
	if !d.p.cti.bodyNPHeads[d.fold[h]] {
		return false
	}
	if c.end < d.sentHi(h) && restrictiveWords[d.fold[c.end]] {
		return true // "the Chinese firm that sold the exploit"
	}
	a := &d.acc[k]
	// From the name's last mention: the antecedent may be a described
	// mention further back (describedAntecedent).
	for j := range d.mentionsBefore(c.bs, int(d.sentOf[a.tokS])) {
		if j == k {
			break
		}
		if b := &d.acc[j]; strings.EqualFold(d.surface(b), d.surface(a)) {
			a = b
			break
		}
	}
	for t := int(a.tokE); t < c.start; t++ {
		if !isIndefinite(d.fold[t]) || d.sentOf[t] == d.sentOf[a.tokS] || t > 0 && describingWords[d.fold[t-1]] {
			continue // "X, a front company", "X is a company": X described
		}
		for j := t + 1; j < c.start && j <= t+4; j++ {
			if d.fold[j] == d.fold[h] {
				return true // "A Chinese security firm ... The Chinese firm"
			}
			if !isLowerWord(d.tokText[j]) && d.startM[j] < 0 {
				break
			}
		}
	}
	if c.end-c.start < 3 || !d.reporterMention(k) {
		return false
	}
	v := c.end
	if r := d.relativeClauseEnd(v, d.sentHi(h)); r > 0 {
		v = r + 1 // "The Ghent firm, which has thirty staff, said"
	}
	return !d.saysAt(v)
}

// restrictiveWords open a restrictive clause right after a head.
// ("the Chengdu firm whose executives were charged" may well be the one
// named before).
var restrictiveWords = map[string]bool{"that": true, "which": true, "who": true}

// describingWords before an indefinite description make it describe the
// name before it: "X, a front company", "X is a company", "named X as a
// contractor".
var describingWords = map[string]bool{",": true, "(": true, "as": true, "is": true, "was": true, "are": true,
	"were": true, "be": true, "being": true, "been": true, "became": true, "becomes": true, "remains": true}

// reporterMention reports whether mention k is a report's source: after
// "researchers at" ("Researchers at Microsoft found"), or the subject of a
// saying or finding verb ("Google found", "Mandiant, a unit of Google,
// said").
func (d *docState) reporterMention(k int) bool {
	a := &d.acc[k]
	s, e := int(a.tokS), int(a.tokE)
	lo, hi := d.sentLo[d.sentOf[s]], d.sentHi(s)
	if s-2 >= lo && (d.fold[s-1] == "at" || d.fold[s-1] == "from") && sourceNouns[d.fold[s-2]] {
		return true
	}
	if e < hi && d.fold[e] == "," {
		e++ // the end of an apposition: "Mandiant, a unit of Google, said"
	}
	return d.saysAt(e)
}

// saysAt reports whether token t (after an auxiliary or an adverb) is a
// saying, finding or concluding verb: a description that goes on
// reporting ("the Moscow-based vendor concluded", "the California
// security company had traced its own break-in") is the reporter's.
func (d *docState) saysAt(t int) bool {
	if t >= len(d.fold) {
		return false
	}
	hi := d.sentHi(t)
	for n := 0; n < 2 && t < hi && (auxiliaries[d.fold[t]] || strings.HasPrefix(d.pos(t), "RB")); n++ {
		t++
	}
	return t < hi && (sayingVerbs[d.fold[t]] || d.p.cti.findingVerbs[d.fold[t]])
}

var auxiliaries = map[string]bool{"has": true, "have": true, "had": true, "also": true}
