package rules

import "github.com/reportgraph/extractor"

// A report states two findings about one subject in two parallel
// that-clauses: "The agency assessed that UNC5174 is a former hacktivist,
// and that it has since acted as a contractor for the MSS"; "Mandiant said
// it suspected UNC2630 works for Beijing and that it may have ties to
// APT5". The "it" of the second clause is the subject of the first, not
// the reporter named before both, nor a name inside the first clause.

// parallelThatSubject returns, for an anaphor "it" or "they" right after
// "and that" (or ", and that"), the index in d.acc of the mention that
// opens the sentence's previous that-clause (after "that" and an optional
// "the"), when its types fit mask (the anaphor's) and it is not one of
// direct; else -1. The caller drops the match when the rule's slot does
// not take that mention: the reporter named before is not what "it" means.
// When the first clause opens with "it" too, its own subject is what the
// second means: the clause before is then looked at ("it suspected
// UNC2630 works ... and that it may").
func (d *docState) parallelThatSubject(c capRec, mask typeMask, direct []extractor.Span) int {
	if c.end-c.start != 1 || d.fold[c.start] != "it" && d.fold[c.start] != "they" {
		return -1
	}
	lo := d.sentLo[d.sentOf[c.start]]
	t := c.start - 1
	if t-1 < lo || d.fold[t] != "that" || d.fold[t-1] != "and" {
		return -1
	}
	// The previous complementiser: "that", or a reporting verb's bare
	// clause ("said it suspected UNC2630 works ...": the clause after the
	// inner verb).
	for j := t - 2; j > lo; j-- {
		switch d.fold[j] {
		case ".", ";", ":":
			return -1
		}
		if d.fold[j] != "that" && !(thatlessVerbs[d.fold[j]] && isLowerWord(d.tokText[j])) {
			continue
		}
		s := j + 1
		if s < c.start && d.fold[s] == "the" {
			s++
		}
		if s >= c.start {
			continue
		}
		mi := int(d.startM[s])
		if mi < 0 || d.accMask[mi]&mask == 0 || d.isDirect(&d.acc[mi], direct) {
			continue
		}
		if int(d.acc[mi].tokE) >= t-1 {
			return -1
		}
		return mi
	}
	return -1
}

// thatlessVerbs report or judge, and may take their clause without "that"
// ("suspected UNC2630 works for ...", "believes the group is ...").
var thatlessVerbs = map[string]bool{"suspected": true, "suspects": true, "believed": true, "believes": true,
	"assessed": true, "assesses": true, "judged": true, "judges": true, "concluded": true, "concludes": true,
	"thinks": true, "thought": true, "said": true, "says": true}
