package rules

import (
	"sort"
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// Who a topic fallback (relation_fallback.go) gives a leftover name to.
//
// A report about one actor has a document-wide topic (dominantActor). A
// report about several actors has none, but each paragraph or section
// usually speaks of one: the local topic of a sentence is the one threat
// actor its paragraph names, or, when the paragraph names none, the one its
// section (from a heading to the next) names. An indictment or a sanctions
// release is about people: the charged persons its paragraph names are the
// topic of the rules whose source allows person ("Investigators
// say Rim and his co-conspirators encrypted its servers. Clinics in Ohio
// were later hit the same way": Rim targets Ohio), whatever the document's
// actor topic; our gold, like the indictments, has the charged person who
// did the hacking target the victims.

// topicSource is one topic a sentence may fall back on.
type topicSource struct {
	key    string
	ms     []int // indexes in d.acc of its mentions, ascending
	local  bool  // a paragraph's or section's topic, not the document's
	person bool
}

// coref is the coreference note of a relation given to the topic.
func (t *topicSource) coref(d *docState, src *cand) string {
	where := "report on "
	if t.local {
		where = "paragraph on "
	}
	return where + d.surface(src) + " " + TopicCorefNote
}

// paragraphStarts reports, per sentence, whether it opens a paragraph: a
// blank line before it, or a heading line before or at it.
func (d *docState) paragraphStarts() []bool {
	n := len(d.sents)
	starts := make([]bool, n)
	for si := 0; si < n; si++ {
		if si == 0 {
			starts[si] = true
			continue
		}
		lo, plo := d.sentLo[si], d.sentLo[si-1]
		if lo >= d.sentLo[si+1] || plo >= lo {
			continue
		}
		if d.blankLineBefore(lo) && !d.itemOfIntro(si) || d.headingLike(si) || d.headingLike(si-1) { // relation_lists.go
			starts[si] = true
		}
	}
	return starts
}

// itemOfIntro reports whether sentence si is the first bullet item of a
// list whose intro, the sentence before, ends in ":". A blank line often
// sets the list off its intro, but the items continue the intro's
// paragraph: in "Investigators tied A to three attacks:", a blank line,
// then "- the attack on B", B is spoken of in A's paragraph.
func (d *docState) itemOfIntro(si int) bool {
	lo := d.sentLo[si]
	return si > 0 && bulletMarks[d.tokText[lo]] && d.tokText[lo-1] == ":" && lo-1 >= d.sentLo[si-1]
}

// localTopics returns, per sentence, the local actor topic (nil when the
// document has a dominant actor, which topics takes instead) and the
// charged persons of its paragraph or section.
func (d *docState) localTopics(keys []string, isActor func(k int) bool, wantActors, wantPersons bool) (actorOf []*topicSource, personsOf [][]*topicSource) {
	n := len(d.sents)
	if n == 0 {
		return nil, nil
	}
	starts := d.paragraphStarts()
	person := maskOf(extractor.Person)
	charged := map[string]bool{}
	if wantPersons {
		charged = d.chargedPersons(keys, chargeWords)
	}
	// Keys named per paragraph and per section, in order of first mention.
	type block struct{ actors, persons []string }
	para := make([]int, n) // sentence → paragraph number
	sect := make([]int, n) // sentence → section number
	pi, sc := -1, 0
	for si := 0; si < n; si++ {
		if starts[si] {
			pi++
		}
		if si > 0 && d.headingLike(si) {
			sc++
		}
		para[si], sect[si] = pi, sc
	}
	paras := make([]block, pi+1)
	sects := make([]block, sc+1)
	sources := map[string]*topicSource{}
	namedIn := map[int][]string{} // sentence → the charged persons it names
	add := func(list []string, key string) []string {
		for _, k := range list {
			if k == key {
				return list
			}
		}
		return append(list, key)
	}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || int(c.tokS) >= len(d.sentOf) {
			continue
		}
		m := maskOf(c.typ)
		si := d.sentOf[c.tokS]
		key := keys[k]
		switch {
		case isActor(k):
			paras[para[si]].actors = add(paras[para[si]].actors, key)
			sects[sect[si]].actors = add(sects[sect[si]].actors, key)
		case m&person != 0 && charged[key]:
			paras[para[si]].persons = add(paras[para[si]].persons, key)
			sects[sect[si]].persons = add(sects[sect[si]].persons, key)
			namedIn[int(si)] = add(namedIn[int(si)], key)
		default:
			continue
		}
		s := sources[key]
		if s == nil {
			s = &topicSource{key: key, local: true, person: !isActor(k)}
			sources[key] = s
		}
		s.ms = append(s.ms, k)
	}
	if wantActors {
		actorOf = make([]*topicSource, n)
	}
	personsOf = make([][]*topicSource, n)
	for si := 0; si < n; si++ {
		p, s := paras[para[si]], sects[sect[si]]
		if wantActors {
			switch {
			case len(p.actors) == 1:
				actorOf[si] = sources[p.actors[0]]
			case len(p.actors) == 0 && len(s.actors) == 1:
				actorOf[si] = sources[s.actors[0]]
			}
		}
		// Persons are the topic of their own paragraph, where no actor is
		// named: a paragraph on the Lazarus Group that names a defendant
		// is the group's, and a later paragraph on "the unit" is not the
		// defendant's.
		persons := p.persons
		if len(p.actors) > 0 {
			persons = nil
		}
		// A sentence that names some of them is about those: in "charges
		// against A and B for attacks on victims in C. They joined D and E,
		// charged earlier", C is A's and B's victim, not D's or E's.
		if named := namedIn[si]; len(persons) > 0 && len(named) > 0 {
			persons = named
		}
		for _, key := range persons {
			personsOf[si] = append(personsOf[si], sources[key])
		}
		// A sentence that speaks of charged persons as "the three men",
		// "the defendants" or "they" is about them too: in "The indictment
		// adds A and B. It alleges that the three men stole coins from
		// exchanges in C", C is the victim of the one named before as
		// well. The persons are those the anaphor's own resolution gives
		// (relation_group.go); only the sentence is theirs, since the
		// paragraph around it may go on about the group they served.
		if wantPersons && len(p.actors) == 0 {
			for _, k := range d.pluralPersonRefs(si) {
				if tp := sources[keys[k]]; tp != nil && charged[tp.key] && !hasTopic(personsOf[si], tp) {
					personsOf[si] = append(personsOf[si], tp)
				}
			}
		}
	}
	return actorOf, personsOf
}

func hasTopic(ts []*topicSource, t *topicSource) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// pluralPersonRefs returns the person mentions (indexes in d.acc) that the
// plural person anaphors of sentence si stand for: "the defendants", "the
// two men", "both men", "all three", and "they", "them" or "their" when the
// nearest party before them is a person ("A and B were charged. They broke
// into C"), each with the people named with its antecedent, as a relation
// rule's slot would resolve it (groupEnds).
func (d *docState) pluralPersonRefs(si int) []int {
	cues := d.p.relCues
	if cues == nil || cues.anaphors == nil {
		return nil
	}
	person := maskOf(extractor.Person)
	party := person | maskOf(extractor.ThreatActor) | maskOf(extractor.Campaign) |
		maskOf(extractor.Organization) | maskOf(extractor.Government)
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	var out []int
	var buf [4]int
	for t := lo; t < hi; t++ {
		if d.startM[t] >= 0 {
			continue // a name, not an anaphor
		}
		e := -1
		for _, end := range cues.anaphors.ends(d, t, hi, buf[:0]) {
			e = max(e, end)
		}
		if e < 0 {
			continue
		}
		am, reach, ok := d.isAnaphor(t, e)
		if !ok {
			continue
		}
		am = d.peopleAnaphor(t, e, am)
		c := capRec{start: t, end: e, bs: d.tokStart[t], be: d.tokEnd[e-1]}
		pronoun := e-t == 1 && (d.fold[t] == "they" || d.fold[t] == "them" || d.fold[t] == "their")
		if am&person == 0 || !pronoun && d.groupNumber(c) == 0 {
			t = e - 1
			continue
		}
		k := d.antecedent(c.bs, t, reach, person, nil)
		if pronoun {
			// "They" means people only when no group, company or body is
			// named after the last person.
			if k < 0 || d.antecedent(c.bs, t, reach, party, nil) != k {
				t = e - 1
				continue
			}
		}
		if k >= 0 {
			a := &d.acc[k]
			ep := endpoint{span: extractor.Span{Start: a.start, End: a.end}, coref: "plural"}
			for _, g := range d.groupEnds(c, ep, nil) {
				if j := d.accAt(g.span); j >= 0 {
					out = append(out, j)
				}
			}
		}
		t = e - 1
	}
	return out
}

// chargeWords name a criminal charge; a person named shortly after one
// ("the defendants, A and B", "an indictment charging A", "the indictment
// names A") or right before one ("A was charged", "A is indicted") is a
// charged person.
var chargeWords = map[string]bool{"charged": true, "charging": true, "charges": true, "indicted": true,
	"indictment": true, "indictments": true, "defendant": true, "defendants": true, "co-defendant": true,
	"co-defendants": true, "co-conspirators": true, "conspirators": true, "accused": true}

// officialTitles before a person make them an official, not a defendant
// ("Attorney General A announced charges").
var officialTitles = map[string]bool{"attorney": true, "general": true, "director": true, "secretary": true,
	"judge": true, "agent": true, "prosecutor": true, "commissioner": true, "minister": true, "chief": true,
	"deputy": true, "president": true, "senator": true, "spokesperson": true, "spokesman": true,
	"spokeswoman": true, "assistant": true, "special": true, "u.s.": true}

// reportingAfter, right after a person, make them the speaker.
var reportingAfter = map[string]bool{"said": true, "says": true, "announced": true, "stated": true, "told": true,
	"added": true, "noted": true, "explained": true, "wrote": true}

const (
	chargeReachBefore = 15
	chargeReachAfter  = 4
)

// chargedPersons returns the entity keys of the persons a charge word of
// words (chargeWords, or a topic rule's charges) names: within chargeReachBefore tokens after it or chargeReachAfter
// tokens before it, in the same sentence, neither under an official's
// title nor followed by a reporting verb.
func (d *docState) chargedPersons(keys []string, words map[string]bool) map[string]bool {
	person := maskOf(extractor.Person)
	out := map[string]bool{}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || maskOf(c.typ)&person == 0 || out[keys[k]] {
			continue
		}
		si := d.sentOf[c.tokS]
		lo, hi := d.sentLo[si], d.sentLo[si+1]
		s, e := int(c.tokS), int(c.tokE)
		if d.underOfficialTitle(s, lo) || e < hi && reportingAfter[d.fold[e]] ||
			e+1 < hi && d.fold[e] == "," && reportingAfter[d.fold[e+1]] {
			continue
		}
		found := false
		from := d.personListStart(k, lo)
		for i := from - 1; i >= lo && i >= from-chargeReachBefore && !found; i-- {
			found = words[d.fold[i]]
		}
		// A coordination of people shares the charge after it: "A and B
		// had been indicted".
		after := d.afterPersonList(e, hi)
		for i := after; i < hi && i < after+chargeReachAfter && !found; i++ {
			found = words[d.fold[i]]
		}
		if found {
			out[keys[k]] = true
		}
	}
	return out
}

// underOfficialTitle reports whether the person at token s is named
// after an official's title: right after it ("Attorney General A") or
// after the title's capitalised complement ("Assistant Attorney General
// for National Security A").
func (d *docState) underOfficialTitle(s, lo int) bool {
	for i, steps := s-1, 0; i >= lo && steps < 6; i, steps = i-1, steps+1 {
		if officialTitles[d.fold[i]] {
			return true
		}
		t := d.tokText[i]
		if t == "" || !(unicode.IsUpper([]rune(t)[0]) || d.fold[i] == "for" || d.fold[i] == "of") {
			return false
		}
	}
	return false
}

// personListStart returns the token where the list of people that person
// mention k belongs to starts, with the noun phrase the list is in
// apposition to: in "an indictment, returned in the Southern District of
// New York, against two Chinese nationals, A and B", B's list starts at
// "two". A charge word's reach counts from there: the charge names the
// set, whatever its length.
func (d *docState) personListStart(k, lo int) int {
	start := int(d.acc[k].tokS)
	for j := k - 1; j >= 0; j-- {
		a := &d.acc[j]
		if a.hide {
			continue
		}
		if a.typ != extractor.Person || int(a.tokE) < lo || !d.listJoined(int(a.tokE), start) {
			break
		}
		start = int(a.tokS)
	}
	// ", A and B" after a plural person noun ("two Chinese nationals").
	if start-2 >= lo && d.fold[start-1] == "," && setNouns[d.fold[start-2]] {
		i := start - 2
		for steps := 0; i > lo && steps < 4 && d.cover[i-1]&maskOf(extractor.Person) == 0 &&
			d.fold[i-1] != "," && !chargeWords[d.fold[i-1]]; steps++ {
			i--
		}
		return i
	}
	return start
}

// afterPersonList returns the token after the coordination of persons
// that token e continues (", B and C" after A), or e.
func (d *docState) afterPersonList(e, hi int) int {
	person := maskOf(extractor.Person)
	for {
		j := e
		for j < hi && (d.fold[j] == "," || d.fold[j] == "and") {
			j++
		}
		if j == e || j >= hi || d.startM[j] < 0 {
			return e
		}
		m := &d.acc[d.startM[j]]
		if m.hide || maskOf(m.typ)&person == 0 {
			return e
		}
		e = int(m.tokE)
	}
}

// frameFill bounds the words between a victim frame and its object, or
// between a modifier and the next list item ("attacks on the networks of
// A", "victims include hospitals in A").
const frameFill = 4

// frameStops end the walk back from a target to its frame: a clause that
// has its own verb or agent.
var frameStops = map[string]bool{"by": true, "said": true, "says": true, "reported": true, "which": true,
	"that": true, "who": true, "was": true, "were": true, "is": true, "are": true, "has": true, "have": true,
	"had": true, "not": true, "no": true, "told": true, "according": true,
	// A name after "for", "with" or "via" plays another part than the
	// frame's object: "writes about espionage against civil society for
	// Harrow Point" names the writer's employer.
	"for": true, "with": true, "via": true}

// framedObject reports whether mention k is the object of a victim frame
// of ps, alone or in a coordinated list: "intrusions at A", "the breach
// of the A network", "victims include B, C and hospitals in D", "theft
// of $81 million from A". endAt maps a token to the mention ending there.
func (d *docState) framedObject(ps *phraseSet, k int, endAt map[int]int) bool {
	c := &d.acc[k]
	lo := d.sentLo[d.sentOf[c.tokS]]
	skip := maskOf(extractor.ThreatActor) | maskOf(extractor.Person) | maskOf(extractor.Malware) | maskOf(extractor.Tool)
	if c.typ == extractor.Person {
		// People listed together: "the e-mail account of A and of B".
		skip &^= maskOf(extractor.Person)
	}
	if d.clauseSubjectAfterAnd(int(c.tokS), int(c.tokE)) {
		return false
	}
	i, fill := int(c.tokS), 0
	for steps := 0; i > lo && steps < 40; steps++ {
		if d.endsPhrase(ps, i) {
			return !d.ownAccessFrame(i)
		}
		j := i - 1
		if m, ok := endAt[j]; ok && m != k {
			if maskOf(d.acc[m].typ)&skip != 0 {
				return false
			}
			i, fill = int(d.acc[m].tokS), 0
			continue
		}
		f := d.fold[j]
		switch {
		case f == "," || f == "and" || f == "or" || f == "&":
			// A finite verb opens a clause of its own, not a member:
			// "linked X to the theft of A, and (later) blamed B".
			if fill > 0 && d.finiteVerbIn(j+1, j+1+fill) {
				return false
			}
			i, fill = j, 0
			continue
		case f == ":":
			// "The indictment names six victims in three industries: A,
			// B and C": a list after a colon whose clause counts victims.
			return d.victimColon(j)
		case f == ")" && j > lo:
			// "Allegheny Technologies Inc. (ATI), Alcoa Inc. and ...": a
			// member's bracketed short name.
			o := j - 1
			for o > lo && o > j-6 && d.fold[o] != "(" && d.fold[o] != ")" {
				o--
			}
			if d.fold[o] == "(" && o > lo {
				i = o
				continue
			}
		case frameStops[f]:
			return false
		case (f == "'s" || f == "\u2019s") && j > lo:
			// "access to a system of NASA's Office of Inspector General":
			// the owner's name is a modifier of the object.
			if m, ok := endAt[j-1]; ok && maskOf(d.acc[m].typ)&skip == 0 {
				i = int(d.acc[m].tokS)
				continue
			}
			// A common noun's possessive is part of the modifier: "the
			// website of the nation's financial watchdog, A".
			if _, ok := endAt[j-1]; !ok && d.cover[j-1] == 0 && isLowerWord(d.tokText[j-1]) {
				i = j
				continue
			}
		}
		t := d.tokText[j]
		word := t != "" && (t[0] == '$' || t[0] >= '0' && t[0] <= '9' || strings.ToLower(t) == t && t[0] >= 'a' && t[0] <= 'z')
		if !word || fill >= frameFill {
			return false
		}
		i, fill = j, fill+1
	}
	return false
}

// clauseSubjectAfterAnd reports whether the name at tokens [s, e) opens
// a clause of its own after ", and": a finite verb other than a form of
// "be" or "have" follows it. In "condemning the campaign against Germany
// and Czechia, and NATO said it stood with the two allies" NATO speaks;
// it is no member of the list the frame opens.
func (d *docState) clauseSubjectAfterAnd(s, e int) bool {
	lo := d.sentLo[d.sentOf[s]]
	j := s - 1
	if j > lo && d.fold[j] == "the" {
		j--
	}
	if j-1 < lo || d.fold[j] != "and" || d.fold[j-1] != "," || e >= d.sentHi(s) {
		return false
	}
	if auxVerbs[d.fold[e]] {
		return false
	}
	return d.finiteVerbIn(e, e+1)
}

// auxVerbs are the forms of "be" and "have" and the modals, which follow a
// list's last member as often as a clause's subject ("attacks on A, B,
// and C were reported").
var auxVerbs = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true, "can": true,
	"may": true, "might": true, "should": true, "must": true}

// ownAccessFrame reports whether the victim frame that ends before token
// i is someone's own access: in "used Bangladesh Bank's own access to the
// SWIFT network" the bank holds that access, SWIFT is only the channel.
// A possessive or "own" before "access to" marks it; "gained access to A"
// keeps its victim.
func (d *docState) ownAccessFrame(i int) bool {
	lo := d.sentLo[d.sentOf[i]]
	if i-3 < lo || d.fold[i-1] != "to" || d.fold[i-2] != "access" {
		return false
	}
	switch d.fold[i-3] {
	case "own", "legitimate", "authorised", "authorized", "'s", "\u2019s":
		return true
	}
	return false
}

// victimColonNouns are the nouns that make the list after a colon a list
// of victims.
var victimColonNouns = map[string]bool{"victims": true, "targets": true, "victim": true}

// victimColon reports whether the clause before the colon at token j
// names victims ("names six victims in the energy sector:"), without a
// negation or another colon between.
func (d *docState) victimColon(j int) bool {
	lo := d.sentLo[d.sentOf[j]]
	for i := j - 1; i >= lo && i >= j-20; i-- {
		switch f := d.fold[i]; {
		case victimColonNouns[f]:
			return true
		case f == ":" || f == ";" || f == "not" || f == "no" || f == "never":
			return false
		}
	}
	return false
}

// Indefinite actor phrases ("a Chinese state-affiliated actor", "another
// group") name an attacker who is not the topic.
var (
	indefiniteWords = map[string]bool{"a": true, "an": true, "another": true, "other": true, "unknown": true,
		"unidentified": true, "separate": true, "different": true, "foreign": true, "some": true, "many": true,
		"several": true, "criminal": true}
	unnamedActorNouns = map[string]bool{"actor": true, "actors": true, "group": true, "groups": true, "hackers": true,
		"attacker": true, "attackers": true, "intruder": true, "intruders": true, "crew": true, "gang": true,
		"cluster": true, "hacker": true}
)

// unnamedActorBefore reports whether an indefinite actor phrase stands
// before token i in its sentence: in "APT31 did X, and a Chinese
// state-affiliated actor was responsible for compromising the systems of
// A", A is that actor's victim, not the topic's.
func (d *docState) unnamedActorBefore(i int) bool {
	lo := d.sentLo[d.sentOf[i]]
	for j := lo; j < i; j++ {
		if !unnamedActorNouns[d.fold[j]] {
			continue
		}
		for b := j - 1; b >= lo && b >= j-4; b-- {
			if indefiniteWords[d.fold[b]] {
				return true
			}
		}
	}
	return false
}

// anaphorSentenceActors makes the actor that a sentence's actor anaphor
// stands for, as the relation rules resolved it, the local topic of that
// sentence when its paragraph's actor is another one the sentence does not
// name: in "ANEL was used by APT10 in 2018. The advisory described the
// crew abusing Windows Sandbox and tunnelling through Visual Studio Code",
// the crew being MirrorFace (anaphor_defnp.go), Visual Studio Code is
// MirrorFace's, not APT10's. When that actor is the document's topic dom
// (paragraphActors), the sentence loses its paragraph's actor and falls
// back on the document's. A sentence whose anaphors mean two actors keeps
// its paragraph's topic.
func (d *docState) anaphorSentenceActors(rs *relState, local []*topicSource, keys []string, byStart map[extractor.Span]int,
	isActor func(k int) bool, dom string) {
	if local == nil {
		return
	}
	const several = "\x00"
	meant := map[int]string{} // sentence → the actor key its anaphors mean
	for _, m := range rs.out {
		if m.Rule == "" || !strings.HasPrefix(m.Coref, "\"") || strings.Contains(m.Coref, TopicCorefNote) {
			continue
		}
		k, ok := byStart[m.Source]
		if !ok || !isActor(k) || !strings.HasSuffix(m.Coref, "→ "+d.surface(&d.acc[k])) {
			continue
		}
		si := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].Start >= m.Sentence.Start })
		if si >= len(d.sents) || d.sents[si].Start != m.Sentence.Start {
			continue
		}
		if prev, seen := meant[si]; seen && prev != keys[k] {
			meant[si] = several
			continue
		}
		meant[si] = keys[k]
	}
	for si, key := range meant {
		if key == several || si >= len(local) || local[si] == nil || local[si].key == key {
			continue
		}
		var ms []int
		namesLocal := false
		for k := range d.acc {
			c := &d.acc[k]
			if c.hide || !isActor(k) {
				continue
			}
			if keys[k] == key {
				ms = append(ms, k)
			}
			if keys[k] == local[si].key && int(c.tokS) < len(d.sentOf) && int(d.sentOf[c.tokS]) == si {
				namesLocal = true
			}
		}
		switch {
		case namesLocal || len(ms) == 0:
		case key == dom:
			local[si] = nil
		default:
			local[si] = &topicSource{key: key, ms: ms, local: true}
		}
	}
}
