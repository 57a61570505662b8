package rules

// An "it" that stands for nothing: "It was the first time London had
// blamed Beijing", "It is likely that the crew ...", "It is not known
// whether ...". Such an "it" holds the place of the clause after it and has
// no antecedent, so it is no end of a relation: in "APT31 hit
// parliamentarians. It was the first time London had ascribed an
// incident to Beijing" APT31 is not placed in Beijing.

// expletiveBe are the forms of "be" after an expletive "it".
var expletiveBe = map[string]bool{"is": true, "was": true, "'s": true, "be": true, "been": true}

// expletiveOrdinals make "it was the first time ..." expletive.
var expletiveOrdinals = map[string]bool{"first": true, "second": true, "third": true, "fourth": true, "last": true,
	"only": true, "latest": true, "primary": true, "final": true}

// expletiveAdjectives make "it is likely that ..." expletive when a clause
// opener follows them.
var expletiveAdjectives = map[string]bool{"likely": true, "unlikely": true, "probable": true, "probably": true,
	"possible": true, "impossible": true, "unclear": true, "clear": true, "known": true, "unknown": true,
	"plausible": true, "evident": true, "apparent": true, "true": true, "notable": true, "noteworthy": true,
	"important": true, "difficult": true, "hard": true, "easy": true, "certain": true, "uncertain": true}

// expletiveOpeners open the clause an expletive "it" stands for.
var expletiveOpeners = map[string]bool{"that": true, "whether": true, "how": true, "why": true, "when": true,
	"who": true, "what": true, "if": true, "to": true}

// expletiveIt reports whether "it" at token i stands for nothing.
func (d *docState) expletiveIt(i int) bool {
	if i >= len(d.fold) || d.fold[i] != "it" {
		return false
	}
	hi := d.sentHi(i)
	j := i + 1
	// "it is", "it was", "it has been", "it would be", "it is not"
	for n := 0; n < 2 && j < hi && (d.fold[j] == "has" || d.fold[j] == "had" || d.fold[j] == "would" ||
		d.fold[j] == "will" || d.fold[j] == "may" || d.fold[j] == "might"); n++ {
		j++
	}
	if j >= hi || !expletiveBe[d.fold[j]] {
		return false
	}
	j++
	for j < hi && (d.fold[j] == "not" || d.fold[j] == "also" || d.fold[j] == "still" || d.fold[j] == "now" ||
		d.fold[j] == "highly" || d.fold[j] == "very" || d.fold[j] == "far" || d.fold[j] == "more" || d.fold[j] == "less") {
		j++
	}
	if j >= hi {
		return false
	}
	// "the first time", "the first such attack": an ordinal and "time"
	if (d.fold[j] == "the" || d.fold[j] == "a") && j+2 < hi && expletiveOrdinals[d.fold[j+1]] {
		return d.fold[j+2] == "time" || j+3 < hi && d.fold[j+3] == "time"
	}
	return expletiveAdjectives[d.fold[j]] && j+1 < hi && expletiveOpeners[d.fold[j+1]]
}

// expletiveEnd reports whether a match's source or target is an expletive
// "it".
func (d *docState) expletiveEnd(srcs, tgts []capRec) bool {
	for _, cs := range [2][]capRec{srcs, tgts} {
		for _, c := range cs {
			if c.end-c.start == 1 && d.expletiveIt(c.start) {
				return true
			}
		}
	}
	return false
}
