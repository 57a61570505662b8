package rules

import "strings"

// Actors named aside. A report about one actor, or about a campaign, often
// names another only to say the evidence does not reach it ("the firm
// stopped short of attributing the campaign to B", "Talos does not tie A to
// B"). Such a mention says nothing of what the report is about:
// it does not count toward the document's or a paragraph's topic actor, so
// the report's victims, tools and CVEs are not given to B.

// The negations (pack list rel_aside_negations) and the attribution verbs
// they must come with (rel_aside_attribution_words, and the stems of
// rel_aside_attribution_stems): "did not attribute it to B". "Not named in
// connection with B" denies a person's part, not the actor's role, and is no
// aside.

// asideFrom returns the first token of sentence si from which the actors
// it names are named aside, or -1: the sentence denies an attribution, and
// the actor is the one it is not pinned on, named after "to" or "with"
// past the attribution word ("Talos does not tie A to B", "the firm
// stopped short of attributing it to B, the link being too weak"); A,
// the subject, stays in. The negation may come anywhere in the sentence.
func (d *docState) asideFrom(si int) int {
	if si < 0 || si+1 >= len(d.sentLo) {
		return -1
	}
	lo, hi := d.sentLo[si], min(d.sentLo[si+1], len(d.fold))
	neg := false
	for i := lo; i < hi; i++ {
		neg = neg || d.p.cti.asideNegations[d.fold[i]]
	}
	if !neg {
		return -1
	}
	attribAt := -1
	for i := lo; i < hi; i++ {
		w := d.fold[i]
		if attribAt < 0 {
			if d.p.cti.asideAttribWords[w] {
				attribAt = i
			}
			for _, s := range d.p.cti.asideAttribStems {
				if strings.HasPrefix(w, s) {
					attribAt = i
				}
			}
			continue
		}
		if w == "to" || w == "with" {
			return i
		}
	}
	return -1
}

// asideMentions returns, per mention in d.acc, whether its sentence names
// it aside (asideFrom).
func (d *docState) asideMentions() []bool {
	out := make([]bool, len(d.acc))
	memo := map[int32]int{}
	for k := range d.acc {
		c := &d.acc[k]
		if int(c.tokS) >= len(d.sentOf) {
			continue
		}
		si := d.sentOf[c.tokS]
		from, ok := memo[si]
		if !ok {
			from = d.asideFrom(int(si))
			memo[si] = from
		}
		out[k] = from >= 0 && int(c.tokS) > from
	}
	return out
}
