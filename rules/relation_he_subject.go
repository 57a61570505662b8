package rules

import "github.com/reportgraph/extractor"

// "He" and "she" go on about the person the sentence before is about, its
// subject, not the nearest person named in it: in "A met B in 2019. He
// worked for Y" A worked for Y. When that subject is itself such a
// pronoun and the nearest person is named after it ("A was charged. He is
// accused of working with B. He worked for Y"), or the subject is two
// people joined by "and" ("A and B were charged. He ..."), the pronoun has
// two antecedents equally near and names nobody: a wrong antecedent is
// worse than none; a subject whose given name or title does not fit the
// pronoun's gender leaves the nearest person when that one fits ("A met
// Mary Jones. She ..."). A person named in the phrase that opens the pronoun's
// own sentence before its subject ("According to B of Z, he worked for Y")
// speaks of him and is not him.

// singularPersonPronouns are the pronouns of one person.
var singularPersonPronouns = map[string]bool{"he": true, "she": true, "him": true, "his": true, "her": true}

// heSubject returns, for a singular person pronoun at cap c that resolved
// to the person acc[k], the person it means: k, the subject of k's
// sentence, an earlier person, or -1 when two are equally near.
func (d *docState) heSubject(c capRec, k, reach int, skip []extractor.Span) int {
	if k < 0 || c.end-c.start != 1 || !singularPersonPronouns[d.fold[c.start]] || d.acc[k].typ != extractor.Person {
		return k
	}
	person := maskOf(extractor.Person)
	ownSi := int(d.sentOf[c.start])
	ownLo := d.sentLo[ownSi]
	if ownT := d.subjectStart(ownSi); ownT == c.start && ownT > ownLo && int(d.sentOf[d.acc[k].tokS]) == ownSi {
		// "According to B, he ...": the person before the subject speaks.
		return d.heSubject(c, d.antecedent(d.tokStart[ownLo], c.start, reach, person, skip), reach, skip)
	}
	si := int(d.sentOf[d.acc[k].tokS])
	if si == ownSi {
		return k
	}
	t := d.subjectStart(si)
	if t < 0 || t >= int(d.acc[k].tokS) {
		return k // the nearest person is the subject (or opens the sentence)
	}
	if singularPersonPronouns[d.fold[t]] {
		return -1 // "He is accused of working with B. He ..."
	}
	ks := int(d.startM[t])
	if ks < 0 || ks == k || d.acc[ks].typ != extractor.Person || skipped(&d.acc[ks], skip) {
		return k
	}
	// "A met Mary Jones. She ...": a subject the pronoun's gender does not
	// fit leaves the nearest person, when that one fits.
	if g := pronounGender(d.fold[c.start]); g != 0 && d.personGender(ks) == -g {
		if d.personGender(k) == -g {
			return -1
		}
		return k
	}
	if e := int(d.acc[ks].tokE); e < len(d.fold) && (d.fold[e] == "and" || d.fold[e] == ",") {
		if k2 := int(d.startM[min(e+1, len(d.fold)-1)]); k2 >= 0 && d.acc[k2].typ == extractor.Person {
			return -1 // "A and B were charged. He ..."
		}
	}
	return ks
}

// pronounGender is 1 for "he", "him", "his", -1 for "she", "her"; the
// opposite gender of g is -g.
func pronounGender(w string) int {
	switch w {
	case "he", "him", "his":
		return 1
	case "she", "her":
		return -1
	}
	return 0
}

// personGender is the gender of the person acc[k] by its given name or the
// title before it (lists person_male_given_names and
// person_female_given_names: "Mr", "John"; "Ms", "Mary"), 1 male, -1 female,
// 0 when neither says.
func (d *docState) personGender(k int) int {
	v := &d.p.cti
	s := int(d.acc[k].tokS)
	for _, t := range [2]int{s, s - 1} {
		if t < 0 || t >= len(d.fold) {
			continue
		}
		if t == s-1 && d.fold[t] == "." && t > 0 {
			t-- // "Ms. Jones"
		}
		w := d.fold[t]
		switch {
		case v.maleNames[w]:
			return 1
		case v.femaleNames[w]:
			return -1
		}
	}
	return 0
}

// heIntroTokens bounds the opening phrase before a sentence's subject
// ("According to B of Mandiant,").
const heIntroTokens = 10

// subjectStart returns the first token of sentence si's subject: after an
// opening phrase set off by a comma ("According to the charges,"), or the
// sentence's first token. A phrase with a finite verb is a clause, not an
// opening phrase: in "The charges name A, B and C" the comma is the list's;
// nor is one that opens with a name: in "A, a former officer, met B" the
// comma sets off an apposition of the subject.
func (d *docState) subjectStart(si int) int {
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	if lo < hi && d.startM[lo] >= 0 {
		// a name opens the sentence: its comma sets off an apposition
		// ("A, a former officer, met B"), not an opening phrase
		return lo
	}
	for j := lo; j < hi && j < lo+heIntroTokens; j++ {
		switch d.pos(j) {
		case "VBD", "VBZ", "VBP", "MD":
			return lo
		}
		if d.fold[j] == "," {
			if j+1 < hi {
				return j + 1
			}
			return -1
		}
	}
	return lo
}
