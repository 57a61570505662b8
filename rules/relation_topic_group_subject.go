package rules

// The group, not its charged members. In a paragraph on charged persons a
// topic rule gives the sentence's victims to each person it names; a
// sentence whose words before the victim speak of the group ("the group
// sent more than 10,000 emails to targets that included defence firms")
// says what the group did, and the persons get none of it (the report's
// or the paragraph's actor still does).

// groupSubjectBefore reports whether sentence si holds, before token at,
// "the", "this" or "that" and, within the two words after it, a one-word
// noun of the pack list actor_group_nouns ("the group", "this hacking
// crew"), but not "the same crew", which points back at whoever the text
// named before: in an indictment, the persons. The words must be lower
// case ("the Harlow Group" names a company) and no preposition's object
// ("intrusions at the group's offices").
func (d *docState) groupSubjectBefore(si, at int) bool {
	lo := int(d.sentLo[si])
	for j := lo; j < at && j < len(d.fold); j++ {
		if w := d.fold[j]; w != "the" && w != "this" && w != "that" {
			continue
		}
		for n := j + 1; n < at && n <= j+3; n++ {
			if w := d.fold[n]; w == "same" || w == "identical" {
				break // "the same crew" points back at whoever acted before: maybe the persons
			}
			if !d.lower(n) {
				break // "the Harlow Group": a company's name, no group of actors
			}
			if d.p.groupWords[d.fold[n]] {
				// "intrusions at the harlow group": a preposition's object is
				// no subject
				return !d.afterPreposition(j + 1)
			}
		}
	}
	return false
}
