package rules

// An anchored rule is tried only in sentences holding its anchor word; its
// reach also bounds where in the sentence: a match starts at most reach
// tokens before the anchor word it holds, so tokens farther before the
// first anchor word, or after the last, cannot start one. Rules that start
// at a common word or at any token of a long sentence are tried several
// times less often.

// reach bounds the tokens a part of a pattern consumes: at most fixed
// tokens plus ents mentions (whose length is known only per document).
type reach struct {
	fixed, ents int
	ok          bool // bounded
}

func (a reach) plus(b reach) reach {
	return reach{fixed: a.fixed + b.fixed, ents: a.ents + b.ents, ok: a.ok && b.ok}
}

// tokens is the bound for a document whose longest mention spans
// maxMention tokens.
func (a reach) tokens(maxMention int) int { return a.fixed + a.ents*maxMention }

// spanOf bounds the tokens a match of nodes consumes.
func spanOf(nodes []*node) reach {
	s := reach{ok: true}
	for _, n := range nodes {
		s = s.plus(nodeSpan(n))
		if !s.ok {
			return s
		}
	}
	return s
}

// nodeSpan bounds the tokens all repetitions of n consume.
func nodeSpan(n *node) reach {
	if n.max < 0 {
		return reach{}
	}
	var one reach
	switch {
	case n.seq != nil:
		one = spanOf(n.seq)
	case n.alts != nil:
		one.ok = true
		for _, a := range n.alts {
			s := spanOf(a)
			if !s.ok {
				return reach{}
			}
			one.fixed, one.ents = max(one.fixed, s.fixed), max(one.ents, s.ents)
		}
	case n.phrases != nil:
		one = reach{fixed: n.phrases.maxTokens, ok: true}
	case n.entity != 0:
		one = reach{ents: 1, ok: true}
	default:
		one = reach{fixed: 1, ok: true}
	}
	return reach{fixed: one.fixed * n.max, ents: one.ents * n.max, ok: one.ok}
}

// anchorReach bounds how many tokens before its anchor word a match of
// nodes starts, the anchor being a first word of top-level node k: the
// nodes before k, plus, when the anchor lies inside a group, all but one
// token of the group.
func anchorReach(nodes []*node, k int) reach {
	r := spanOf(nodes[:k])
	if n := nodes[k]; n.phrases == nil || n.max != 1 {
		inner := nodeSpan(n)
		inner.fixed--
		r = r.plus(inner)
	}
	return r
}

// maxMentionTokens is the token length of the longest mention accepted so
// far, which bounds what an entity element consumes.
func (d *docState) maxMentionTokens() int {
	m := 1
	for i := range d.acc {
		m = max(m, int(d.acc[i].tokE-d.acc[i].tokS))
	}
	return m
}

// reachWindow returns the tokens of the sentence lo..hi at which anchored
// rule r, active in it, may start.
func (d *docState) reachWindow(r *rule, lo, hi, maxMention int) (from, to int) {
	if !r.reach.ok {
		return lo, hi
	}
	return max(lo, int(d.anchorLo[r.idx])-r.reach.tokens(maxMention)), min(hi, int(d.anchorHi[r.idx])+1)
}

// inReach reports whether anchored rule r, active in the sentence, may
// start at token i.
func (d *docState) inReach(r *rule, i, maxMention int) bool {
	if !r.reach.ok {
		return true
	}
	return i <= int(d.anchorHi[r.idx]) && i >= int(d.anchorLo[r.idx])-r.reach.tokens(maxMention)
}
