package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// Plural anaphors for people. Indictments and sanctions name several
// people at once and then say what "the defendants", "the two" or "both
// men" did: "The defendants are A, B and C. ... the defendants took part in
// APT31" ties all three to APT31. An anaphor of the pack list whose last
// word is one of groupWords resolves, as any anaphor does, to the nearest
// person before it; groupMembers then adds the other people named in that
// person's sentence, nearest first: all of them for a word such as
// "defendants" or "their" when it resolves to a person ("A and B were
// charged. Their company, Y, ..."), at most n for a number ("the two" is
// the last two named).

// groupWords are the last words of plural person anaphors, with how many
// people they stand for (0: all the people named together).
var groupWords = map[string]int{"defendants": 0, "suspects": 0, "accused": 0, "conspirators": 0, "men": 0,
	"women": 0, "individuals": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"both": 2, "pair": 2, "duo": 2, "their": 0, "hackers": 0, "officers": 0, "nationals": 0, "operatives": 0,
	"citizens": 0,
	// "They" and "them" that mean a person mean people: "A and B were
	// charged. Prosecutors said they acted for Y" is about both.
	"they": 0, "them": 0}

// peopleModifiers make a plural anaphor mean people whatever its head: only
// people are charged or indicted, so "the charged hackers" are the
// defendants named before, not a threat actor.
var peopleModifiers = map[string]bool{"charged": true, "indicted": true, "accused": true, "convicted": true,
	"sanctioned": true, "arrested": true, "named": true, "wanted": true, "extradited": true}

// peopleAnaphor narrows the types an anaphor at tokens [s, e) may refer to
// (am) to people when a word of peopleModifiers qualifies it, and lets
// "the hackers" mean people when hackersArePeople.
func (d *docState) peopleAnaphor(s, e int, am typeMask) typeMask {
	for i := s + 1; i < e-1; i++ {
		if peopleModifiers[d.fold[i]] {
			return maskOf(extractor.Person)
		}
	}
	if d.hackersArePeople(s, e) {
		return am | maskOf(extractor.Person)
	}
	// "Yin Kecheng and Zhou Shuai, two hackers that prosecutors linked to
	// APT27": a counted plural of people nouns is that many people, not
	// the actor.
	if e-s == 1 && peopleActorNouns[d.fold[s]] && s > d.sentLo[d.sentOf[s]] && numberWords[d.fold[s-1]] >= 2 {
		return maskOf(extractor.Person)
	}
	return am
}

// hackersArePeople reports whether "the hackers" at tokens [s, e) may mean
// the people named just before: in "Prosecutors charged A, B, C and D over
// the breach. They said the hackers got in by exploiting CVE-X" the
// hackers are the four. That needs two people or more (no quoted
// speakers) in its sentence or the one before (a heading between ends
// it), and no threat actor or campaign named since the first of them;
// else the phrase means the actor, as it mostly does in a report.
func (d *docState) hackersArePeople(s, e int) bool {
	if e-s != 2 || d.fold[s] != "the" || !peopleActorNouns[d.fold[s+1]] {
		return false
	}
	lo := d.sentLo[max(0, int(d.sentOf[s])-1)]
	people := map[string]bool{}
	for t := lo; t < s; t++ {
		mi := int(d.startM[t])
		if mi < 0 || d.acc[mi].hide {
			continue
		}
		a := &d.acc[mi]
		switch a.typ {
		case extractor.Person:
			if !d.quoted(int(a.tokS), int(a.tokE)) {
				people[personKey(d, a)] = true
			}
		case extractor.ThreatActor, extractor.Campaign:
			if len(people) > 0 {
				return false
			}
		}
	}
	return len(people) >= 2
}

// peopleActorNouns are the plural nouns of an actor anaphor that may mean
// the people an indictment named ("the hackers").
var peopleActorNouns = map[string]bool{"hackers": true, "attackers": true, "intruders": true}

// groupEnds returns the endpoints a slot span at cap c resolved to e
// stands for: e alone, or for a plural person anaphor the people it
// means. A number ("all three", "the two men", "both") means, first, the
// nearest list of exactly that many people ("three Iranian men, A, B and
// C, ... the campaign of D. All three are ..." means A, B and C, not D and
// the two before him); else e and its group (groupMembers).
func (d *docState) groupEnds(c capRec, e endpoint, skip []extractor.Span) []endpoint {
	if set := d.orgGroupEnds(c, e, skip); set != nil { // "the three companies" (relation_group_orgs.go)
		return set
	}
	if e.coref != "" && d.groupNumber(c) == 1<<30 {
		if set := d.namedSet(c, skip); set != nil {
			return set
		}
	}
	if e.coref != "" {
		n := d.groupNumber(c)
		if n > 0 && n < 1<<30 {
			if run := d.peopleList(c, e, n, skip); run != nil {
				return run
			}
			if run := d.countedListBefore(c, e, n, skip); run != nil { // relation_group_apposed.go
				return run
			}
		}
		if n == 1<<30 {
			if set := d.countedSetBefore(c, e, skip); set != nil {
				return set
			}
		}
	}
	return append([]endpoint{e}, d.groupMembers(c, e, skip)...)
}

// setDefiners, after a plural noun phrase, introduce the people it names:
// "The defendants, A, B and C, ..."; "The defendants are A, B and C".
var setDefiners = map[string]bool{",": true, "are": true, "were": true, "include": true, "included": true}

// namedSetReach is how many sentences back a set's naming may be.
const namedSetReach = 30

// namedSet returns the people an earlier sentence named as the set the
// plural anaphor at cap c (of no number) stands for: "The defendants, A, B
// and C, were officers of Y. ... The 2021 indictment adds B and C. ... The
// defendants also sent e-mails to Z" means all three, not the two named
// last. The naming is the same phrase followed by a comma or "are" and a
// list of people; nil when there is none or a member is in skip.
func (d *docState) namedSet(c capRec, skip []extractor.Span) []endpoint {
	n := c.end - c.start
	if n < 2 || !chargeWords[d.fold[c.end-1]] {
		return nil
	}
	si := int(d.sentOf[c.start])
	phrase := d.text[c.bs:c.be]
	for sj := si; sj >= 0 && sj >= si-namedSetReach; sj-- {
		lo, hi := d.sentLo[sj], d.sentLo[sj+1]
		for t := lo; t+n < hi; t++ {
			if sj == si && t >= c.start {
				break
			}
			same := true
			for i := 0; i < n && same; i++ {
				same = d.fold[t+i] == d.fold[c.start+i]
			}
			if !same || !setDefiners[d.fold[t+n]] {
				continue
			}
			out := d.peopleRunAt(t+n+1, hi, phrase, skip)
			if len(out) >= 2 {
				return out
			}
		}
	}
	return nil
}

// countedSetBefore returns, for a plural person anaphor at cap c without a
// number ("the defendants") whose antecedent is e, the people of a counted
// plural anaphor between e and c ("the three men"), when that set is
// larger than e's group: "The 2021 indictment adds A and B. It alleges
// that the three men ... The defendants also sent ..." means the three,
// not A and B alone. Nil when there is no such anaphor.
func (d *docState) countedSetBefore(c capRec, e endpoint, skip []extractor.Span) []endpoint {
	k := d.accAt(e.span)
	if k < 0 {
		return nil
	}
	var best []endpoint
	for t := int(d.acc[k].tokE); t+1 < c.start; t++ {
		if f := d.fold[t]; f != "the" && f != "all" && f != "both" {
			continue
		}
		n := groupWords[d.fold[t+1]]
		if n <= 0 || d.fold[t+1] == "their" {
			continue
		}
		end := t + 2
		if end < c.start && groupWords[d.fold[end]] == 0 {
			if _, ok := groupWords[d.fold[end]]; ok {
				end++ // "the three men"
			}
		}
		counted := capRec{slot: c.slot, start: t, end: end, bs: d.tokStart[t], be: d.tokEnd[end-1]}
		if d.groupNumber(counted) != n {
			continue
		}
		set := d.peopleList(counted, e, n, skip)
		if set == nil {
			set = append([]endpoint{e}, d.groupMembers(counted, e, skip)...)
		}
		if len(set) == n {
			best = set
		}
	}
	if best == nil || len(best) <= 1+len(d.groupMembers(c, e, skip)) {
		return nil
	}
	phrase := d.text[c.bs:c.be]
	out := make([]endpoint, len(best))
	for i, x := range best {
		a := d.accAt(x.span)
		if a < 0 {
			return nil
		}
		out[i] = endpoint{span: x.span, coref: fmt.Sprintf("%q → %s", phrase, d.surface(&d.acc[a]))}
	}
	return out
}

// peopleList returns the nearest coordinated list of exactly n person
// mentions ("A, B and C") before the anaphor at cap c, in the sentence of
// its antecedent e or up to antecedentSentences before it; nil when there
// is none or a member is in skip.
func (d *docState) peopleList(c capRec, e endpoint, n int, skip []extractor.Span) []endpoint {
	k := d.accAt(e.span)
	if k < 0 {
		return nil
	}
	si := int(d.sentOf[d.acc[k].tokS])
	phrase := d.text[c.bs:c.be]
	// Walk back from the antecedent; a run is a sequence of person
	// mentions joined only by ",", "and" or ", and".
	var run []int
	flush := func() []endpoint {
		if len(run) != n {
			return nil
		}
		out := make([]endpoint, 0, n)
		for i := len(run) - 1; i >= 0; i-- {
			a := &d.acc[run[i]]
			for _, s := range skip {
				if s.Start == a.start && s.End == a.end {
					return nil
				}
			}
			out = append(out, endpoint{span: extractor.Span{Start: a.start, End: a.end},
				coref: fmt.Sprintf("%q → %s", phrase, d.surface(a))})
		}
		return out
	}
	for j := k; j >= 0 && int(d.sentOf[d.acc[j].tokS]) >= si-antecedentSentences; j-- {
		a := &d.acc[j]
		if a.typ != extractor.Person || a.end > c.bs {
			continue
		}
		if len(run) > 0 && !d.listJoined(int(a.tokE), int(d.acc[run[len(run)-1]].tokS)) {
			if out := flush(); out != nil {
				return out
			}
			run = run[:0]
		}
		run = append(run, j)
	}
	return flush()
}

// listJoined reports whether the tokens [from, to) only join two members
// of a list: ",", "and" or ", and", in one sentence.
func (d *docState) listJoined(from, to int) bool {
	if from >= to || d.sentOf[from] != d.sentOf[to] {
		return false
	}
	for t := from; t < to; t++ {
		if f := d.fold[t]; f != "," && f != "and" {
			return false
		}
	}
	return to-from <= 2
}

// groupNumber returns how many people a plural person anaphor at cap c
// stands for: a number, 1<<30 for all the people named together, or 0
// when c is no plural person anaphor.
func (d *docState) groupNumber(c capRec) int {
	if c.end-c.start < 1 {
		return 0
	}
	last := d.fold[c.end-1]
	n, ok := groupWords[last]
	if q, quantified := d.quantifiedPronoun(c.start, c.end); quantified {
		n, ok = q, true // "each of them", "both of them", "the three of them"
	}
	if !ok {
		// "both men", "the two men": the number is the word before.
		if c.end-c.start >= 2 {
			if m, ok2 := groupWords[d.fold[c.end-2]]; ok2 && m > 0 {
				n, ok = m, true
			}
		}
		if !ok {
			return 0
		}
	}
	if n == 0 && c.end-c.start >= 2 && groupWords[d.fold[c.end-2]] > 0 {
		n = groupWords[d.fold[c.end-2]] // "the three men": three
	}

	if n == 0 {
		n = 1 << 30
	} else if d.fold[c.start] == "both" && n > 2 {
		n = 2
	}
	return n
}

// groupMembers returns the further endpoints of a plural person anaphor
// at cap c whose first antecedent is e: the other people named in the
// sentence of e, before it and after it, nearest first, up to the
// anaphor's number. Mentions in skip (the match's direct ends) are left
// out.
func (d *docState) groupMembers(c capRec, e endpoint, skip []extractor.Span) []endpoint {
	if e.coref == "" {
		return nil
	}
	n := d.groupNumber(c)
	if n == 0 {
		return nil
	}
	// e is a person mention; collect the person mentions of its sentence.
	k := d.accAt(e.span)
	if k < 0 || d.acc[k].typ != extractor.Person {
		return nil
	}
	si := d.sentOf[d.acc[k].tokS]
	var out []endpoint
	seen := map[string]bool{strings.ToLower(d.surface(&d.acc[k])): true}
	phrase := d.text[c.bs:c.be]
	add := func(j int) bool {
		a := &d.acc[j]
		if a.typ != extractor.Person || a.end > c.bs {
			return true
		}
		key := strings.ToLower(d.surface(a))
		if seen[key] {
			return true
		}
		for _, s := range skip {
			if s.Start == a.start && s.End == a.end {
				return true
			}
		}
		seen[key] = true
		if len(out)+1 >= n {
			return false
		}
		out = append(out, endpoint{span: extractor.Span{Start: a.start, End: a.end},
			coref: fmt.Sprintf("%q → %s", phrase, d.surface(a))})
		return true
	}
	// Nearest first: the people before the antecedent in its sentence,
	// then those after it (before the anaphor).
	for j := k - 1; j >= 0 && d.sentOf[d.acc[j].tokS] == si; j-- {
		if !add(j) {
			return out
		}
	}
	for j := k + 1; j < len(d.acc) && d.sentOf[d.acc[j].tokS] == si; j++ {
		if !add(j) {
			return out
		}
	}
	// "The indictment adds A and B. ... the three men": a number larger
	// than the people of that sentence takes the others from the sentences
	// before it, nearest first, leaving out a short form of a name taken
	// ("Park" after "Park Jin Hyok").
	if n < 1<<30 && len(out)+1 < n {
		for j := k - 1; j >= 0 && int(d.sentOf[d.acc[j].tokS]) >= int(si)-nounAntecedentSentences; j-- {
			if d.sentOf[d.acc[j].tokS] == si || d.acc[j].typ != extractor.Person || sameNameTaken(seen, d.surface(&d.acc[j])) {
				continue
			}
			if !add(j) {
				return out
			}
		}
	}
	return out
}

// pluralPersonSubject returns, for "they" or "them" at cap c whose slot
// allows people (mask), the person a plural person subject of the sentence
// before stands for, or -1: in "Both men were members of APT10 and worked
// for Y, a firm in Tianjin. Prosecutors said they acted for the Tianjin
// bureau", "they" continues "both men", not the firm named since. The
// subject is the first phrase of the sentence (after an opening phrase
// set off by a comma, "According to the charges,"): a plural person
// anaphor ("both men", "the defendants") or people joined by "and".
func (d *docState) pluralPersonSubject(c capRec, mask typeMask, skip []extractor.Span) int {
	person := maskOf(extractor.Person)
	if c.end-c.start != 1 || mask&person == 0 || d.fold[c.start] != "they" && d.fold[c.start] != "them" {
		return -1
	}
	si := int(d.sentOf[c.start])
	if si == 0 {
		return -1
	}
	lo, hi := d.sentLo[si-1], d.sentLo[si]
	t := lo
	for j := lo; j < hi && j < lo+subjectIntroTokens; j++ {
		if d.fold[j] == "," {
			t = j + 1
			break
		}
	}
	if t >= hi {
		return -1
	}
	// People joined by "and": the last of them (groupEnds adds the others).
	if k := int(d.startM[t]); k >= 0 && d.acc[k].typ == extractor.Person {
		e := int(d.acc[k].tokE)
		if e+1 < hi && d.fold[e] == "and" {
			if k2 := int(d.startM[e+1]); k2 >= 0 && d.acc[k2].typ == extractor.Person && !skipped(&d.acc[k2], skip) {
				return k2
			}
		}
		return -1
	}
	// A plural person anaphor: its own nearest person.
	cues := d.p.relCues
	if cues == nil || cues.anaphors == nil {
		return -1
	}
	var buf [4]int
	e := -1
	for _, end := range cues.anaphors.ends(d, t, hi, buf[:0]) {
		e = max(e, end)
	}
	if e < 0 {
		return -1
	}
	am, reach, ok := d.isAnaphor(t, e)
	if !ok || d.peopleAnaphor(t, e, am)&person == 0 {
		return -1
	}
	if d.groupNumber(capRec{start: t, end: e, bs: d.tokStart[t], be: d.tokEnd[e-1]}) == 0 {
		return -1
	}
	return d.antecedent(d.tokStart[t], t, reach, person, skip)
}

// subjectIntroTokens bounds the opening phrase before a sentence's subject
// ("According to the charges,").
const subjectIntroTokens = 6

// quantifiedPronoun reports whether tokens [s, e) are a quantifier and
// "of them" ("each of them", "all of them", "both of them", "two of
// them", "the three of them"), with how many people it stands for (0:
// all of them).
func (d *docState) quantifiedPronoun(s, e int) (int, bool) {
	if e-s < 3 || d.fold[e-1] != "them" || d.fold[e-2] != "of" {
		return 0, false
	}
	switch q := d.fold[e-3]; {
	case q == "each" || q == "all":
		return 0, true
	case q == "both":
		return 2, true
	case numberWords[q] > 0:
		return numberWords[q], true
	}
	return 0, false
}

// sameNameTaken reports whether name, or a name whose words are all in it
// or hold all of its words, is among the taken names (lower-cased).
func sameNameTaken(taken map[string]bool, name string) bool {
	words := strings.Fields(strings.ToLower(name))
	for t := range taken {
		tw := strings.Fields(t)
		if subsetWords(words, tw) || subsetWords(tw, words) {
			return true
		}
	}
	return false
}

// subsetWords reports whether every word of a is in b.
func subsetWords(a, b []string) bool {
	for _, w := range a {
		found := false
		for _, x := range b {
			if x == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(a) > 0
}

// accAt returns the index in d.acc of the mention with exactly span sp, or -1.
func (d *docState) accAt(sp extractor.Span) int {
	k := sort.Search(len(d.acc), func(k int) bool { return d.acc[k].start >= sp.Start })
	if k < len(d.acc) && d.acc[k].start == sp.Start && d.acc[k].end == sp.End {
		return k
	}
	return -1
}

// Sets named after. A press release often describes a set of people before
// it names them: "charges against five Chinese nationals tied to APT41.
// Two of them, A and B, had been indicted in 2019 ... The other three, C, D
// and E, were charged in August." A slot span made of a number and a
// plural person noun ("five Chinese nationals") that is no mention stands
// for the people the next setReach sentences name in such a list: after
// "<number> of them,", "the other <number>,", "the remaining <number>," or
// "they are", at most as many as the number says.

// setReach is how many sentences after its own a set's members may be named.
const setReach = 3

// setNouns are the plural person nouns that may head a set.
var setNouns = map[string]bool{"nationals": true, "hackers": true, "men": true, "women": true, "people": true,
	"individuals": true, "defendants": true, "suspects": true, "officers": true, "employees": true,
	"citizens": true, "residents": true, "persons": true, "operatives": true, "members": true, "males": true,
	"females": true}

// numberWords are the numbers a set or a list intro may give.
var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8,
	"9": 9, "10": 10, "11": 11, "12": 12}

// peopleSet returns the members of the set the slot span at cap c
// describes, or nil when c is no such span or mask allows no person.
//
// A set of companies ("three Chinese technology companies") is read the
// same way, with organisations for people: "The advisory named three
// companies as suppliers to Y. ... It names A, B and C."
func (d *docState) peopleSet(c capRec, mask typeMask) []endpoint {
	if c.end-c.start < 2 {
		return nil
	}
	typ := extractor.Person
	if orgGroupHeads[d.fold[c.end-1]] {
		typ = extractor.Organization
	} else if !setNouns[d.fold[c.end-1]] {
		return nil
	}
	n := numberWords[d.fold[c.start]]
	if n == 0 || mask&maskOf(typ) == 0 || d.mentionAt(c.bs, c.be) != nil {
		return nil
	}
	phrase := d.text[c.bs:c.be]
	var out []endpoint
	si := int(d.sentOf[c.start])
	for sj := si + 1; sj <= si+setReach && sj < len(d.sents) && len(out) < n; sj++ {
		lo, hi := d.sentLo[sj], d.sentLo[sj+1]
		// A list intro opens the sentence or a clause after ";": "Three of
		// them, A, B and C, worked for Y; the other two, D and E, had been
		// charged before."
		for cl := lo; cl >= 0 && cl < hi && len(out) < n; cl = d.nextClause(cl, hi) {
			for j := d.setIntro(cl, hi); j >= 0 && j < hi && len(out) < n; {
				m := d.startM[j]
				if m < 0 || d.acc[m].typ != typ {
					break
				}
				a := &d.acc[m]
				out = append(out, endpoint{span: extractor.Span{Start: a.start, End: a.end},
					coref: fmt.Sprintf("%q → %s", phrase, d.surface(a))})
				j = int(a.tokE)
				if j < hi && d.fold[j] == "," {
					j++
				}
				if j < hi && d.fold[j] == "and" {
					j++
				}
			}
		}
	}
	if typ == extractor.Organization {
		// Companies only by a list of their own (orgListAfter): reports
		// name many organisations around one.
		if len(out) == 0 {
			out = d.orgListAfter(si, n, phrase)
		}
		return out
	}
	if len(out) == 0 {
		out = d.namedAfter(si, n, phrase, typ)
	}
	return out
}

// objectList reports whether a list starting at token t is the object of
// a verb or a colon ("The advisory names A, B and C", "They are A and
// B", "...: A and B"), not the subject of a sentence or clause ("In May,
// A and B published the report"), which says what those companies did, not
// who they are.
func (d *docState) objectList(t int) bool {
	if t == 0 || d.sentOf[t-1] != d.sentOf[t] {
		return false
	}
	w := d.tokText[t-1]
	if w == ":" {
		return true
	}
	r := []rune(w)
	return len(r) > 1 && unicode.IsLower(r[0]) && !listWords[d.fold[t-1]]
}

// listWords join or open clauses; a list after them is no object.
var listWords = map[string]bool{"and": true, "or": true, "but": true, "while": true, "when": true, "as": true,
	"because": true, "although": true, "though": true, "whereas": true, "if": true, "since": true}

// orgListAfter returns the companies a set of n companies in sentence si
// stands for: the one coordinated list of exactly n organisations ("A, B
// and C") the next setReach sentences give. Reports name other companies
// and bodies around such a list (the agencies that signed the advisory),
// so the count of all the organisations named after the set would rarely
// be right; a list of exactly that length is. Two such lists: nil.
func (d *docState) orgListAfter(si, n int, phrase string) []endpoint {
	if si+1 >= len(d.sents) {
		return nil
	}
	lo := d.sentLo[si+1]
	hi := d.sentLo[min(si+1+setReach, len(d.sents))]
	var found []endpoint
	k := sort.Search(len(d.acc), func(k int) bool { return int(d.acc[k].tokS) >= lo })
	for k < len(d.acc) && int(d.acc[k].tokS) < hi {
		if a := &d.acc[k]; a.typ != extractor.Organization || a.hide {
			k++
			continue
		}
		// The list starting at k: organisations joined by ",", "and", ", and".
		list := []int{k}
		j := k + 1
		for ; j < len(d.acc) && int(d.acc[j].tokS) < hi; j++ {
			if d.acc[j].hide {
				continue
			}
			if d.acc[j].typ != extractor.Organization || !d.listJoined(int(d.acc[list[len(list)-1]].tokE), int(d.acc[j].tokS)) {
				break
			}
			list = append(list, j)
		}
		if len(list) == n && d.objectList(int(d.acc[k].tokS)) {
			if found != nil {
				return nil
			}
			for _, m := range list {
				a := &d.acc[m]
				found = append(found, endpoint{span: extractor.Span{Start: a.start, End: a.end},
					coref: fmt.Sprintf("%q → %s", phrase, d.surface(a))})
			}
		}
		k = j
	}
	return found
}

// namedAfter returns the mentions of type typ (people, or companies) a set
// of n in sentence si stands for when no list intro names them: the lists
// of them ("A and B", "C, D and E", or one name) the next setReach
// sentences give, when they add up to exactly n ("The five defendants
// belong to Y. ... an indictment against A and B ... charges C, D and
// E"). One quoted ("said X", "X said", "according to X") is no member.
// Else nil.
func (d *docState) namedAfter(si, n int, phrase string, typ extractor.EntityType) []endpoint {
	if si+1 >= len(d.sents) {
		return nil
	}
	lo := d.sentLo[si+1]
	hi := d.sentLo[min(si+1+setReach, len(d.sents))]
	var out []endpoint
	seen := map[string]bool{}
	// A person the set's own sentence names beside it is no member ("five
	// officers of Y together with A, a civilian. ... A is accused of ...").
	beside := map[string]bool{}
	k := sort.Search(len(d.acc), func(k int) bool { return int(d.acc[k].tokS) >= d.sentLo[si] })
	for ; k < len(d.acc) && int(d.acc[k].tokS) < lo; k++ {
		if a := &d.acc[k]; a.typ == typ && !a.hide {
			beside[personKey(d, a)] = true
			beside[lastWord(personKey(d, a))] = true
		}
	}
	for ; k < len(d.acc) && int(d.acc[k].tokS) < hi; k++ {
		a := &d.acc[k]
		if a.typ != typ || a.hide || d.quoted(int(a.tokS), int(a.tokE)) {
			continue
		}
		// One person named again ("Zhang" after "Zhang Haoran") counts once.
		key := personKey(d, a)
		if seen[key] || beside[key] {
			continue
		}
		seen[key] = true
		if len(out) == n {
			return nil // more people than the set holds
		}
		out = append(out, endpoint{span: extractor.Span{Start: a.start, End: a.end},
			coref: fmt.Sprintf("%q → %s", phrase, d.surface(a))})
	}
	if len(out) != n {
		return nil
	}
	return out
}

// personKey is the lower-cased canonical name of a person mention, or its
// text when it has none.
func personKey(d *docState, a *cand) string {
	key := a.canonical
	if key == "" {
		key = oneSpace(d.surface(a))
	}
	return strings.ToLower(key)
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// quoted reports whether the mention at tokens [s, e) is a quoted
// speaker: a verb of saying right before or after it ("said X", "X
// said", "according to X").
func (d *docState) quoted(s, e int) bool {
	if s > 0 && d.sentOf[s-1] == d.sentOf[s] && (d.p.cti.personSpeechVerbs[d.fold[s-1]] || d.fold[s-1] == "to" && s > 1 && d.fold[s-2] == "according") {
		return true
	}
	return d.speechVerbAt(e)
}

// nextClause returns the token after the first ";" after token cl, before
// hi, or -1.
func (d *docState) nextClause(cl, hi int) int {
	for t := cl + 1; t < hi; t++ {
		if d.fold[t] == ";" {
			return t + 1
		}
	}
	return -1
}

// setIntro returns the token after a list intro at the start of the
// sentence [lo, hi) ("Two of them,", "The other three,", "They are"), or -1.
func (d *docState) setIntro(lo, hi int) int {
	at := func(i int, words ...string) bool {
		if i+len(words) > hi {
			return false
		}
		for k, w := range words {
			if d.fold[i+k] != w {
				return false
			}
		}
		return true
	}
	punct := func(i int) int {
		if i < hi && (d.fold[i] == "," || d.fold[i] == ":") {
			return i + 1
		}
		return -1
	}
	switch {
	case lo < hi && (numberWords[d.fold[lo]] > 0 || d.fold[lo] == "all" || d.fold[lo] == "both") && at(lo+1, "of", "them"):
		return punct(lo + 3)
	// ("opposite": a rewriter's "other")
	case at(lo, "the") && lo+2 < hi && (d.fold[lo+1] == "other" || d.fold[lo+1] == "remaining" || d.fold[lo+1] == "opposite") && numberWords[d.fold[lo+2]] > 0:
		return punct(lo + 3)
	case at(lo, "they", "are"), at(lo, "they", "were"), at(lo, "they", "include"), at(lo, "they", "included"):
		return lo + 2
	}
	// "The four men, A, B, C and D, ...", "The two Chinese nationals, A and B,"
	if at(lo, "the") && lo+1 < hi && numberWords[d.fold[lo+1]] > 0 {
		for j := lo + 2; j < hi && j <= lo+4; j++ {
			if setNouns[d.fold[j]] {
				return punct(j + 1)
			}
			if d.startM[j] >= 0 && d.acc[d.startM[j]].typ != extractor.Location {
				break
			}
		}
	}
	return -1
}

// colonSetNouns are the plural nouns a counted set of victims or bodies
// may have ("three companies:", "four victims:").
var colonSetNouns = map[string]bool{"companies": true, "firms": true, "organizations": true, "organisations": true,
	"victims": true, "entities": true, "businesses": true, "agencies": true, "universities": true, "banks": true,
	"targets": true, "institutions": true, "manufacturers": true, "contractors": true, "ministries": true}

// colonSetReach is how many sentences after the colon its set's members
// may span (each member opens a paragraph that goes on about it).
const colonSetReach = 16

// colonSet returns the members of the counted set the slot span at cap c
// names when its sentence ends in a colon and the lines after it each
// open with one of them: "Prosecutors said the men broke into three
// companies between 2011 and 2017:" followed by paragraphs that start
// "Moody's Analytics, ...", "Siemens AG, ..." and "Trimble Inc., ...".
// Exactly as many openings as the number says, else nil.
func (d *docState) colonSet(c capRec, mask typeMask) []endpoint {
	if c.end-c.start != 2 || mask&(maskOf(extractor.Organization)|maskOf(extractor.Government)) == 0 {
		return nil
	}
	n := numberWords[d.fold[c.start]]
	if n < 2 || !colonSetNouns[d.fold[c.end-1]] {
		return nil
	}
	si := int(d.sentOf[c.start])
	// (The raw text: inside a bullet list block the colon reads as
	// "including", relation_lists.go.)
	if hi := d.sentLo[si+1]; d.text[d.tokStart[hi-1]:d.tokEnd[hi-1]] != ":" {
		return nil
	}
	phrase := d.text[c.bs:c.be]
	var out []endpoint
	members := 0
	for sj := si + 1; sj < len(d.sents) && sj <= si+colonSetReach && members < n; sj++ {
		lo := d.sentLo[sj]
		if lo == d.sentLo[sj+1] || !strings.Contains(d.text[d.tokEnd[lo-1]:d.tokStart[lo]], "\n") {
			continue // the paragraph goes on about the member before
		}
		// A bullet item's member comes after its mark ("- Siemens AG, ...").
		if bulletMarks[d.text[d.tokStart[lo]:d.tokEnd[lo]]] && lo+1 < d.sentLo[sj+1] {
			lo++
		}
		// Each line opens with a member: a name the text may not have
		// recognised counts, so the number still holds.
		m := d.startM[lo]
		switch {
		case m >= 0 && !d.acc[m].hide && maskOf(d.acc[m].typ)&mask&(maskOf(extractor.Organization)|maskOf(extractor.Government)) != 0:
			a := &d.acc[m]
			out = append(out, endpoint{span: extractor.Span{Start: a.start, End: a.end},
				coref: fmt.Sprintf("%q → %s", phrase, d.surface(a))})
		case m < 0 && startsUpper(d.tokText[lo]) && d.pos(lo) == "NNP":
		default:
			return nil
		}
		members++
	}
	if members != n || len(out) == 0 {
		return nil
	}
	return out
}

// unnamedSetBetween reports whether a plural anaphor c ("the pair", "the two
// men", "they") whose antecedent is the person acc[k] has, between that
// person and itself, a counted set of people the text does not name ("The
// FBI named two Chinese nationals. The pair worked for Y"): the anaphor means
// that set, not the person named before it, and so names no one.
func (d *docState) unnamedSetBetween(k int, c capRec) bool {
	a := &d.acc[k]
	if a.typ != extractor.Person || c.end <= c.start || !pluralPersonAnaphor(d.fold[c.start:c.end]) {
		return false
	}
	for t := int(a.tokE); t < c.start; t++ {
		if numberWords[d.fold[t]] == 0 || !isLowerWord(d.tokText[t]) {
			continue
		}
		if t > 0 && (isActorNPDeterminer(d.fold[t-1]) || d.fold[t-1] == "all" || d.fold[t-1] == "of") {
			continue // "the two men" goes on about a set; "one of two"
		}
		for j := t + 1; j < c.start && j <= t+3; j++ {
			if setNouns[d.fold[j]] {
				return true
			}
			if d.startM[j] >= 0 && d.acc[d.startM[j]].typ != extractor.Location || !isLowerWord(d.tokText[j]) && d.startM[j] < 0 {
				break
			}
		}
	}
	return false
}

// pluralPersonAnaphor reports whether the folded words of an anaphor stand
// for several people: "they", "them", "the pair", "both men", "the two".
func pluralPersonAnaphor(ws []string) bool {
	last := ws[len(ws)-1]
	switch {
	case len(ws) == 1:
		return last == "they" || last == "them" || last == "both"
	case personNPHeads[last], numberWords[last] > 0, last == "pair", last == "duo", last == "them":
		return true
	}
	return false
}
