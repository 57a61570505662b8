package rules

// A pattern or alias rule whose pattern requires a mention of some type
// ("entity: organization" outside an optional element) cannot match in a
// sentence holding no such mention after its start token. runPhase tried
// such rules at every start its anchors and first words allowed, and the
// matcher found out only at the entity element, after the costly
// elements before it (a lower-case word, a comma list): two such rules
// were about 5 % of the patterns stage in `extractor rules profile` on
// the AnnoCTR texts, with no match. The test below is a necessary
// condition only, so a rule it lets through is matched as before.

// requiredTypes returns, for each element of nodes that every match must
// consume a mention with, the types the mention may have. An alternation
// whose every alternative requires a mention counts once, with the union
// of its alternatives' types.
func requiredTypes(nodes []*node) []typeMask {
	var out []typeMask
	for _, n := range nodes {
		if n.min < 1 {
			continue
		}
		switch {
		case n.seq != nil:
			out = append(out, requiredTypes(n.seq)...)
		case n.alts != nil:
			var union typeMask
			for _, a := range n.alts {
				req := requiredTypes(a)
				if len(req) == 0 {
					union = 0
					break
				}
				for _, m := range req {
					union |= m
				}
			}
			if union != 0 {
				out = append(out, union)
			}
		case n.entity != 0 && n.phrases == nil && !n.any:
			out = append(out, n.entity)
		}
	}
	return out
}

// fillTypesAfter sets d.typesAfter[i], for every token, to the types
// (accMask) of the mentions starting at i or after it in its sentence.
func (d *docState) fillTypesAfter() {
	d.typesAfter = grow(d.typesAfter, len(d.startM))
	for si := range d.sents {
		lo, hi := d.sentLo[si], d.sentLo[si+1]
		var m typeMask
		for i := hi - 1; i >= lo; i-- {
			if mi := d.startM[i]; mi >= 0 {
				m |= d.accMask[mi]
			}
			d.typesAfter[i] = m
		}
	}
}

// lacksNeeded reports whether rule r, tried at token i with matches ending
// by hi, requires a mention of a type that no mention starting at i or
// after it in the sentence has. Only a try bounded by its sentence is
// judged (a bullet list's try runs past it, pattern_lists.go).
func (d *docState) lacksNeeded(r *rule, i, hi int) bool {
	if r.needs == nil || hi > d.sentHi(i) {
		return false
	}
	have := d.typesAfter[i]
	for _, m := range r.needs {
		if have&m == 0 {
			return true
		}
	}
	return false
}
