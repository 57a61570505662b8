package rules

import "github.com/reportgraph/extractor"

// Telemetry sentences put the victims' places first and the victims'
// word after them: "Russia and Saudi Arabia accounted for more than half
// of the infections, followed by Mexico and Ireland", "India made up 40
// per cent of the detections". A topic rule's cue must stand before its
// target (cuedBefore: "X, with partners in Canada, described the
// compromised routers" gives Canada nothing); here the places are the
// subject of a verb of share, and the cue in its object makes them the
// victims' places.

// shareVerbs are the verbs of share after the places, one or two words.
var shareVerbs = [][]string{{"accounted", "for"}, {"account", "for"}, {"accounting", "for"}, {"accounts", "for"},
	{"made", "up"}, {"make", "up"}, {"makes", "up"}, {"represented"}, {"represent"}, {"represents"}}

// shareCueAfter reports whether mention k, alone or in a list of names,
// is the subject of a verb of share (shareVerbs) whose object holds a cue
// of ps before the next comma or the sentence's end: "Russia and Saudi
// Arabia accounted for more than half of the infections".
func (d *docState) shareCueAfter(ps *phraseSet, k int) bool {
	c := &d.acc[k]
	if c.tokS >= c.tokE || int(c.tokS) >= len(d.sentOf) {
		return false
	}
	hi := d.sentHi(int(c.tokS))
	skip := maskOf(extractor.ThreatActor) | maskOf(extractor.Person) | maskOf(extractor.Malware) | maskOf(extractor.Tool)
	i := int(c.tokE)
	// Over the rest of the list: names, commas, "and", "the".
	for steps := 0; i < hi && steps < 40; steps++ {
		if m := d.startM[i]; m >= 0 && int(d.acc[m].tokE) > i {
			if maskOf(d.acc[m].typ)&skip != 0 {
				return false
			}
			i = int(d.acc[m].tokE)
			continue
		}
		if f := d.fold[i]; f == "," || f == "and" || f == "the" {
			i++
			continue
		}
		break
	}
	// An adverb may stand before the verb ("together accounted for").
	if i < hi && (d.fold[i] == "together" || d.fold[i] == "jointly" || d.fold[i] == "alone") {
		i++
	}
	n := 0
	for _, v := range shareVerbs {
		if i+len(v) > hi {
			continue
		}
		ok := true
		for j, w := range v {
			ok = ok && d.fold[i+j] == w
		}
		if ok {
			n = len(v)
			break
		}
	}
	if n == 0 {
		return false
	}
	for j := i + n; j < hi && j < i+n+12; j++ {
		if f := d.fold[j]; f == "," || f == ";" || f == ":" {
			return false
		}
		if ps.startsAt(d, j, hi) {
			return true
		}
	}
	return false
}
