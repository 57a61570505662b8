package rules

import "github.com/reportgraph/extractor"

// coordinatedOwner returns the mention that a possessive pronoun right
// after "and" refers to: the one coordinated before it ("the Treasury
// sanctioned the MOIS and its minister, A": its is the MOIS, whatever the
// type order of the rule would pick from further back). It returns -1 when
// the anaphor at tokens [s, e) is no such "its"/"their", or the mention
// before "and" does not fit mask.
func (d *docState) coordinatedOwner(s, e int, mask typeMask, skip []extractor.Span) int {
	if e-s != 1 || d.fold[s] != "its" && d.fold[s] != "their" {
		return -1
	}
	lo := d.sentLo[d.sentOf[s]]
	t := s - 1
	if t < lo || d.fold[t] != "and" {
		return -1
	}
	if t-1 >= lo && d.fold[t-1] == "," {
		t--
	}
	for k := range d.mentionsBefore(d.tokStart[s], int(d.sentOf[s])) {
		c := &d.acc[k]
		if int(c.tokE) != t {
			return -1 // the word before "and" is no mention
		}
		if maskOf(c.typ)&mask == 0 || skipped(c, skip) {
			return -1
		}
		return k
	}
	return -1
}
