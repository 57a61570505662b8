package rules

import "github.com/reportgraph/extractor"

// An anaphor followed by a phrase that files it under a name means that
// name: in "APT33 breached 40 organisations. The activity, tracked as
// APT42, aimed at journalists" the activity is APT42's, not the actor named
// before. The phrase is a comma, a labelling verb (list rel_naming_verbs,
// or "grouped", "clustered", "filed", "known", "attributed"), up to two
// words ("as", "under", "to", "the") and a mention.

// labelWords label besides the naming verbs.
var labelWords = map[string]bool{"grouped": true, "clustered": true, "filed": true, "known": true, "attributed": true}

// labelledAnaphor returns the index in d.acc of the mention the phrase
// after the anaphor at tokens [s, e) files it under, or -1.
func (d *docState) labelledAnaphor(s, e int, direct []extractor.Span) int {
	if e+2 >= len(d.fold) || d.fold[e] != "," || d.sentOf[e+1] != d.sentOf[s] {
		return -1
	}
	w := d.fold[e+1]
	if !d.p.cti.namingVerbs[w] && !labelWords[w] {
		return -1
	}
	si := d.sentOf[s]
	for j := e + 2; j < len(d.fold) && j <= e+4 && d.sentOf[j] == si; j++ {
		if k := int(d.startM[j]); k >= 0 {
			if d.acc[k].hide || d.isDirect(&d.acc[k], direct) {
				return -1
			}
			return k
		}
		switch d.fold[j] {
		case "as", "under", "to", "the":
		default:
			return -1
		}
	}
	return -1
}
