package rules

import (
	"fmt"
	"strings"

	"github.com/reportgraph/extractor"
)

// countedListBefore returns, for a plural person anaphor with a number n
// at cap c ("the pair", "the two men") whose antecedent e has no list of
// exactly n people near it (peopleList), the people an earlier counted
// noun phrase named in apposition, up to namedSetReach sentences back,
// nearest first: "charging two Chinese nationals, A and B, ... A GSSD
// officer, C, helped A ... The pair planted X" means A and B, not A and C.
// The set must hold the antecedent (a member whose name holds e's words);
// nil when there is none or a member is in skip.
func (d *docState) countedListBefore(c capRec, e endpoint, n int, skip []extractor.Span) []endpoint {
	k := d.accAt(e.span)
	if k < 0 || d.acc[k].typ != extractor.Person {
		return nil
	}
	ante := strings.Fields(strings.ToLower(d.surface(&d.acc[k])))
	si := int(d.sentOf[c.start])
	phrase := d.text[c.bs:c.be]
	for sj := si; sj >= 0 && sj >= si-namedSetReach; sj-- {
		lo, hi := d.sentLo[sj], d.sentLo[sj+1]
		if sj == si {
			hi = c.start
		}
		for t := hi - 1; t >= lo; t-- {
			if numberWords[d.fold[t]] != n {
				continue
			}
			// "two Chinese nationals, A and B": a few words, then a comma
			comma := -1
			for j := t + 1; j < hi && j <= t+4; j++ {
				if d.fold[j] == "," {
					comma = j
					break
				}
				if d.fold[j] == "." || d.startM[j] >= 0 && d.acc[d.startM[j]].typ == extractor.Person {
					break
				}
			}
			if comma < 0 {
				continue
			}
			if out := d.joinedPeopleAt(comma+1, hi, n, phrase, skip); out != nil && holdsName(d, out, ante) {
				return out
			}
		}
	}
	return nil
}

// joinedPeopleAt returns the coordinated list of exactly n person mentions
// that starts at token j ("A, B and C"), or nil.
func (d *docState) joinedPeopleAt(j, hi, n int, phrase string, skip []extractor.Span) []endpoint {
	if out := d.peopleRunAt(j, hi, phrase, skip); len(out) == n {
		return out
	}
	return nil
}

// peopleRunAt returns the person mentions coordinated from token j on
// ("A, B and C", "A and B"), each with phrase as its coreference note;
// the run ends at the first token that is neither a person nor a joining
// comma or "and" before one.
func (d *docState) peopleRunAt(j, hi int, phrase string, skip []extractor.Span) []endpoint {
	var out []endpoint
	for j < hi {
		k := int(d.startM[j])
		if k < 0 || d.acc[k].typ != extractor.Person || skipped(&d.acc[k], skip) {
			break
		}
		a := &d.acc[k]
		out = append(out, endpoint{span: extractor.Span{Start: a.start, End: a.end},
			coref: fmt.Sprintf("%q → %s", phrase, d.surface(a))})
		j = int(a.tokE)
		if j+1 < hi && d.fold[j] == "," && d.fold[j+1] == "and" {
			j += 2
		} else if j < hi && (d.fold[j] == "," || d.fold[j] == "and") {
			j++
		} else {
			break
		}
	}
	return out
}

// holdsName reports whether one of the endpoints' names holds every word
// of name ("Li" in "Li Xiaoyu").
func holdsName(d *docState, eps []endpoint, name []string) bool {
	for _, x := range eps {
		k := d.accAt(x.span)
		if k < 0 {
			continue
		}
		words := strings.Fields(strings.ToLower(d.surface(&d.acc[k])))
		all := len(name) > 0 && subsetWords(name, words)
		if all {
			return true
		}
	}
	return false
}
