package rules

// Definite descriptions: "the bureau", "the company", "the Chinese firm
// that sold it".

// describedChooser: a mention described with the anaphor's head ("X, a
// provincial bureau of Y" for "the bureau") or named with it comes first
// (relation_described.go); with no pick, a described mention in reach.
type describedChooser struct{}

func (describedChooser) name() string { return "described" }

func (describedChooser) choose(q *anaphorQuery) verdict {
	d, c := q.d, q.c
	if q.k >= 0 {
		// A mention described as a firm that the slot does not take ("Emennet Pasargad, an Iran-based company", an actor,
		// for "the firm ... employed A") in reach, where the pick was not
		// described so: the anaphor means it, and names nothing the slot
		// takes.
		lo := int(d.sentOf[c.start]) - q.reach
		if _, firm := headSynonyms[d.fold[c.end-1]]; firm && c.end-c.start == 2 {
			if ka := d.describedAntecedent(c.start, c.end, c.bs, lo, anyType&^q.mask, q.direct); ka >= 0 &&
				d.describedAntecedent(c.start, c.end, c.bs, lo, maskOf(d.acc[q.k].typ), q.direct) < 0 {
				return refuse
			}
		}
		if kd := d.describedAntecedent(c.start, c.end, c.bs, int(d.sentOf[d.acc[q.k].tokS]), q.am&q.mask, q.direct); kd >= 0 {
			q.k = kd
		} else if kn := d.headNamedAntecedent(c.start, c.end, c.bs, int(d.sentOf[c.start])-q.reach, q.am&q.mask, q.direct); kn >= 0 {
			q.k = kn
		}
	} else {
		q.k = d.describedAntecedent(c.start, c.end, c.bs, int(d.sentOf[c.start])-q.reach, q.mask, q.direct)
	}
	return goOn
}

// nobodyDescribedChooser: "The Chinese firm that sold it" names nobody
// the text named before (relation_body_description.go).
type nobodyDescribedChooser struct{}

func (nobodyDescribedChooser) name() string { return "nobody-described" }

func (nobodyDescribedChooser) choose(q *anaphorQuery) verdict {
	if q.k >= 0 && q.d.descriptionNamesNobody(q.k, q.c) {
		return refuse
	}
	return goOn
}
