package rules

import (
	"iter"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
)

// Negation, hedging and anaphors for relation rules. The cue words are pack
// lists, so a user pack can redefine them:
//
//   - relation_negations: a cue in the clause of a match drops the relation
//     ("not linked to", "no evidence", "denied");
//   - relation_hedges: cues kept on the match as its Hedge and lowering
//     confidence ("likely", "may", "assessed with moderate confidence");
//   - relation_anaphors: phrases a slot may resolve to an earlier mention
//     ("the group", "the company", "it");
//   - relation_victim_anaphors: phrases that stand for the victims of the
//     actor in focus ("victims", "the intrusions"); a slot holding one
//     resolves to the nearest earlier actor, campaign or malware, so
//     "Victims included universities" says whom that actor targeted.
//   - relation_victim_list_anaphors: phrases that stand for the victims
//     only in a targets rule, right after a sentence that counted the
//     victims of its subject ("X breached 40 bodies. The list includes
//     ..."; relation_victim_list.go); isAnaphor never returns them, so no
//     other rule or pass reads a list (a sanctions list, a list of flaws)
//     as victims.
//
// The clause of a match is the match itself plus the tokens before it back
// to the start of the sentence or the nearest clause break (";", ":", "but",
// "however", "although", "though", "whereas", "while", a quotation mark).

// relCues holds the compiled cue lists; a nil set means the list is absent.
type relCues struct {
	negations, hedges, anaphors, victims *phraseSet
	// victimLists stand for the victims a sentence before counted, in a
	// targets rule only (relation_victim_list.go); victimCountVerbs and
	// victimCountNouns make that count ("breached 40 bodies").
	victimLists, victimCountVerbs, victimCountNouns *phraseSet
	// sectorHeads make a kind of victim of the words before them:
	// "health care providers", "video game companies".
	sectorHeads *phraseSet
	// sectorNouns close a list of sectors: "the finance and media
	// sectors" (agentlessPassive).
	sectorNouns *phraseSet
	// peopleHeads, sectorWords and notModifiers make the kinds of victim
	// of a coordinated list (relation_coord_kinds.go).
	peopleHeads, sectorWords, notModifiers *phraseSet
	index                                  relIndex // where each relation rule may start (relation_index.go)
}

// Names of the pack lists the relation engine reads.
const (
	listNegations = "relation_negations"
	listHedges    = "relation_hedges"
	listAnaphors  = "relation_anaphors"
	// the co-occurrence rules' anaphors read actor phrases by shape too:
	// "the state-backed crew", and "a Chinese espionage crew" a naming
	// clause after it names (relation_cataphor.go)
	listCooccurAnaphors = "rel_cooccur_anaphors"
	listVictims         = "relation_victim_anaphors"
	listVictimLists     = "relation_victim_list_anaphors"
	listVictimCountVbs  = "relation_victim_count_verbs"
	listVictimCountNns  = "relation_victim_count_nouns"
	listSectorHds       = "rel_sector_heads"
	listSectorNns       = "rel_sector_nouns"
	listPeopleHds       = "rel_people_heads"
	listSectorWds       = "rel_sector_words"
	listNotMods         = "rel_not_modifiers"
)

func (c *compiler) relationCues(lists map[string]*listSpec) *relCues {
	if c.p.relPhase == nil {
		return nil
	}
	cues := &relCues{index: c.relationIndex()}
	for name, dst := range map[string]**phraseSet{listNegations: &cues.negations, listHedges: &cues.hedges,
		listAnaphors: &cues.anaphors, listVictims: &cues.victims, listVictimLists: &cues.victimLists,
		listVictimCountVbs: &cues.victimCountVerbs, listVictimCountNns: &cues.victimCountNouns, listSectorHds: &cues.sectorHeads,
		listSectorNns: &cues.sectorNouns,
		listPeopleHds: &cues.peopleHeads, listSectorWds: &cues.sectorWords, listNotMods: &cues.notModifiers} {
		if l, ok := lists[name]; ok && len(l.items) > 0 {
			*dst = c.listPhrases(l)
		}
	}
	if cues.anaphors != nil {
		c.addActorNP(cues.anaphors)
	}
	return cues
}

// listPhrases compiles a pack list as a case-insensitive phrase set,
// reporting problems at the list.
func (c *compiler) listPhrases(l *listSpec) *phraseSet {
	saved := c.r
	c.r = &ruleSpec{file: l.file, node: l.node}
	defer func() { c.r = saved }()
	return c.phraseSet(l.items, true)
}

var clauseBreaks = map[string]bool{";": true, ":": true, "but": true, "however": true, "although": true,
	"though": true, "whereas": true, "while": true,
	// A concession states a fact of its own: in "there is no evidence that
	// X did it, despite the fact that the group has long targeted Y" the
	// negation is not the concession's.
	"despite": true,
	// A contrast names something the clause's verb is not about: in "the
	// group has never used wipers, unlike the GRU's Cadet Blizzard unit"
	// the "never" says nothing of Cadet Blizzard and the GRU.
	"unlike": true,
	// A relative clause states a fact of its own: in "there is no evidence
	// that X took part in the breach, which officials blamed on Russia's
	// foreign intelligence service, the SVR" the negation is not the
	// relative clause's.
	"which": true,
	// A quotation is a clause of its own: in `"It does not stop them," said
	// X, analyst at Y` the quote's negation says nothing of X and Y.
	"\"": true, "\u201c": true, "\u201d": true, "\u00ab": true, "\u00bb": true}

// clauseStart returns the first token of the clause holding token i. A
// contrast set off by commas before i is an aside, not the start of i's
// clause: in "X targeted, but did not breach, networks in Y" the networks
// are the object of "targeted" too.
func (d *docState) clauseStart(i int) int {
	lo := d.sentLo[d.sentOf[i]]
	for j := i - 1; j >= lo; j-- {
		if d.coordinatedPredicate(j, i) {
			return j + 1
		}
		if clauseBreaks[d.fold[j]] {
			if j > lo && d.asideEnd(j-1, i) > 0 {
				j-- // continue before the aside's opening comma
				continue
			}
			return j + 1
		}
	}
	return lo
}

// coordinatedPredicate reports whether the comma at token j, before the
// match's first token i, opens a predicate of its own that shares the
// clause's subject: a verb in the past tense right after it ("The
// attackers used a flaw the vendor could not identify, dropped a web shell
// and ..."). A negation in the predicate before it denies only that one;
// "dropped" is stated. A past form followed by "by" is a participle ("the
// file, dropped by the loader"), which goes on the clause.
func (d *docState) coordinatedPredicate(j, i int) bool {
	// (A reader without a tagger and an untagged sentence, the relation
	// model's clause reader without an analyzer, keeps the clause whole.)
	if d.fold[j] != "," || j+1 >= i || len(d.tagged) == 0 || !isLowerWord(d.tokText[j+1]) || d.pos(j+1) != "VBD" {
		return false
	}
	return j+2 >= len(d.fold) || d.fold[j+2] != "by"
}

// contrastAsides open an aside after a comma: ", but did not breach,". A
// concession closed by its comma is one too: in "There is no evidence,
// despite media claims, that X targeted Y" the negation is the main
// clause's; only a relation inside the concession ("..., despite the fact
// that X targeted Y") is cut off from it (clauseBreaks).
var contrastAsides = map[string]bool{"but": true, "though": true, "although": true, "however": true,
	"despite": true}

// asideEnd returns the index of the comma closing an aside that starts
// with the comma at token t, when that comma comes before end; else 0. An
// aside is a relative clause (relativeClauseEnd) or a contrast (", but did
// not breach,").
func (d *docState) asideEnd(t, end int) int {
	if k := d.relativeClauseEnd(t, end); k > 0 {
		return k
	}
	if k := d.participleAsideEnd(t, end); k > 0 {
		return k
	}
	return d.commaAsideEnd(t, end, contrastAsides)
}

// participleHedges open a hedged participle aside with "to" or "of" after
// them (", believed to work for the MSS,"); participleLinks open one on
// their own (", linked to the GRU,"). participleAdverbs may come first
// (", widely believed to ...").
var (
	participleHedges = map[string]bool{"believed": true, "thought": true, "said": true, "suspected": true,
		"assessed": true, "understood": true, "alleged": true, "reported": true, "known": true}
	participleLinks   = map[string]bool{"linked": true, "tied": true, "connected": true, "attributed": true}
	participleAdverbs = map[string]bool{"widely": true, "generally": true, "also": true, "reportedly": true,
		"allegedly": true, "long": true, "previously": true, "publicly": true}
)

// participleAsideEnd returns the index of the comma closing a hedged
// participle aside that opens with the comma at token t, when that comma
// comes before end; else 0. In "The hackers, believed to work for the
// MSS, deployed ShadowPad" the hedge is the aside's, not the deployment's;
// a match that ends inside the aside ("X, believed to work for Y") keeps
// it.
func (d *docState) participleAsideEnd(t, end int) int {
	if d.fold[t] != "," {
		return 0
	}
	j := t + 1
	if j < end && participleAdverbs[d.fold[j]] {
		j++
	}
	if j+1 >= end {
		return 0
	}
	switch f := d.fold[j]; {
	case participleHedges[f] && (d.fold[j+1] == "to" || d.fold[j+1] == "of"):
		j += 2
	case participleLinks[f]:
		j++
	default:
		return 0
	}
	return d.closingComma(j, end)
}

// notNegating are the words after which a negation cue negates nothing:
// "not only", "including but not limited to", "not least", "not just";
// "never before" says the act is new ("had never before seen the group go
// after parties": it did now).
var notNegating = map[string]bool{"only": true, "limited": true, "least": true, "just": true, "merely": true,
	"solely": true, "exclusively": true, "before": true}

// notQuantifying are the words after which a clause-opening "no" denies
// nothing: "no doubt", "no later than", "no fewer than".
var notQuantifying = map[string]bool{"doubt": true, "later": true, "sooner": true, "fewer": true, "less": true,
	"more": true, "matter": true}

// negatedSubject reports whether the clause starting at lo opens with a
// subject that denies its verb: "No public report we reviewed ties X to Y",
// "None of the samples used Z" (also after "that": "we found that no
// report ties ..."). The cue must stand before the match's first token i;
// a "no" inside the match ("targets with no warning") is left alone.
func (d *docState) negatedSubject(lo, i int) bool {
	t := lo
	if t < i && d.fold[t] == "that" {
		t++
	}
	if t >= i || t >= len(d.fold) {
		return false
	}
	switch d.fold[t] {
	case "none":
		return true
	case "no":
		return t+1 < len(d.fold) && !notQuantifying[d.fold[t+1]]
	}
	return false
}

// relationCues scans the clause of a match [i, end) for negation and hedge
// cues. It returns whether the match is negated and the hedge cues found,
// as written, joined by ", ".
func (d *docState) relationCues(i, end int) (negated bool, hedge string) {
	if r := d.appositiveRelative(i, end); r > 0 {
		return d.cuesFrom(r, r, end)
	}
	return d.cuesFrom(d.clauseStart(i), i, end)
}

// appositiveRelative returns the relative pronoun that opens the clause a
// match [i, end) states its relation in, when the match starts with a name
// that clause describes and ends inside it: "X, which is tied to Y" or "X,
// a group that researchers have tied to Y". That clause is the match's
// clause: in "Officials did not say how they found X, a group that
// researchers have tied to Y" the denial is not the relative clause's,
// while in "X, which is not tied to Y, ..." the relative clause's own
// negation still counts. 0 when the match is no such clause.
func (d *docState) appositiveRelative(i, end int) int {
	m := d.startM[i]
	if m < 0 {
		return 0
	}
	t := int(d.acc[m].tokE)
	if t+1 >= end || d.fold[t] != "," {
		return 0
	}
	r := d.relativeAfterComma(t, end)
	if r < 0 {
		return 0
	}
	// A clause closed before the match ends is an aside of a main clause
	// the match goes on in ("X, which ..., targeted Y").
	for j := r + 1; j < end; j++ {
		if f := d.fold[j]; f == "," || f == ";" || f == ":" {
			return 0
		}
	}
	return r
}

// appositionHeadWords bounds the noun phrase between a name's comma and
// the relative pronoun of its clause ("a Russian state-sponsored group").
const appositionHeadWords = 5

// appositionDeterminers open a noun phrase in apposition to a name.
var appositionDeterminers = map[string]bool{"a": true, "an": true, "the": true, "another": true, "one": true}

// relativeAfterComma returns the relative pronoun of a relative clause
// that opens with the comma at token t, before end: right after it (",
// which") or after a noun phrase in apposition that starts with a
// determiner (", a group that", ", another crew which"); else -1.
func (d *docState) relativeAfterComma(t, end int) int {
	if t+1 >= end || d.fold[t] != "," {
		return -1
	}
	if f := d.fold[t+1]; relativePronouns[f] {
		return t + 1
	}
	if !appositionDeterminers[d.fold[t+1]] {
		return -1
	}
	for j := t + 2; j < end && j <= t+appositionHeadWords+1; j++ {
		f := d.fold[j]
		if relativePronouns[f] && f != "whose" {
			return j
		}
		if f == "," || f == "." || f == ";" || f == ":" || f == "and" || f == "or" || f == "\"" {
			return -1
		}
	}
	return -1
}

// appositionCues is relationCues for a match that is an apposition: its
// clause starts at the match, since an aside between commas holds whatever
// the sentence around it says. In "It is distinct from Sandworm, another
// GRU unit" the denial is about "it", not about Sandworm's unit.
func (d *docState) appositionCues(i, end int) (negated bool, hedge string) {
	return d.cuesFrom(i, i, end)
}

func (d *docState) cuesFrom(lo, i, end int) (negated bool, hedge string) {
	cues := d.p.relCues
	if cues == nil {
		return false, ""
	}
	hi := max(d.sentHi(i), end) // a match may run into a bullet list
	if d.negatedSubject(lo, i) {
		return true, ""
	}
	var hedges []string
	var buf [4]int
	for t := lo; t < end; t++ {
		if k := d.asideEnd(t, end); k > 0 {
			t = k // the cues of a relative clause or a contrast aside are not the match's
			continue
		}
		if cues.negations != nil && cues.negations.startsAt(d, t, hi) && !(t+1 < hi && notNegating[d.fold[t+1]]) &&
			!d.contrastedNegation(t, end) {
			return true, ""
		}
		if cues.hedges == nil {
			continue
		}
		ends := cues.hedges.ends(d, t, hi, buf[:0])
		if len(ends) == 0 {
			continue
		}
		// "May" inside a sentence is the month.
		if d.tokText[t] == "May" && t > d.sentLo[d.sentOf[t]] {
			continue
		}
		h := strings.ToLower(d.text[d.tokStart[t]:d.tokEnd[ends[0]-1]])
		if !contains(hedges, h) {
			hedges = append(hedges, h)
		}
		t = ends[0] - 1
	}
	return false, strings.Join(hedges, ", ")
}

// anaphorTypes says which entity types an anaphor may refer to, by its last
// word; pronouns and unknown heads may refer to any type the slot allows.
var anaphorTypes = map[string]typeMask{}

func init() {
	set := func(m typeMask, words ...string) {
		for _, w := range words {
			anaphorTypes[w] = m
		}
	}
	actor := maskOf(extractor.ThreatActor)
	org := maskOf(extractor.Organization)
	gov := maskOf(extractor.Government)
	set(actor|maskOf(extractor.Campaign), "group", "groups", "actor", "actors", "gang", "crew", "hackers",
		"attackers", "operators", "adversary", "apt", "intruders", "outfit", "cluster", "set", "team",
		// "the activity was state-sponsored and based in China": what a
		// report saw stands for the actor behind it
		"activity",
		// "identified the GRU as the culprit": the one blamed stands
		// for the actor or campaign named before
		// (rel.attributed-to.named-as-culprit)
		"culprit", "culprits", "perpetrator", "perpetrators")
	set(org, "company", "companies", "firm", "firms", "vendor", "contractor", "business", "corporation",
		"startup", "provider", "enterprise", "consortium", "conglomerate",
		// plural companies (relation_group_orgs.go)
		"contractors", "corporations", "vendors", "businesses", "enterprises", "suppliers",
		// a synonym-swapping rewriter's noun for "company" ("The corporate
		// mentioned ...", relation_anaphors)
		"corporate")
	// a news outlet: "the paper", "the newspaper", "the broadcaster"
	// (anaphor_news.go keeps it to one)
	for w := range newsAnaphorHeads {
		set(org, w)
	}
	set(gov, "ministry", "agency", "bureau", "department", "government", "military", "army",
		"service", "directorate", "regime", "command")
	// A nationality in the plural ("the Iranians", "the North Koreans")
	// is how a news report goes on about the hackers it has named, not
	// about their government: that reads "Tehran" or "Iran".
	set(actor|maskOf(extractor.Campaign), "iranians", "russians", "koreans", "belarusians", "pakistanis",
		"vietnamese")
	// A military unit is often the actor itself ("GRU Unit 74455 ... the
	// unit built Cyclops Blink").
	set(gov|actor, "unit")
	set(maskOf(extractor.Malware)|maskOf(extractor.Tool), "malware", "backdoor", "implant", "trojan",
		"loader", "ransomware", "tool", "rat", "dropper", "wiper", "botnet", "variant", "worm", "spyware",
		"stealer", "infostealer", "downloader")
	set(maskOf(extractor.Campaign), "campaign", "operation", "intrusion")
	set(maskOf(extractor.Location), "country")
	set(maskOf(extractor.Person), "he", "she", "him", "her", "his")
	// "They" means people or the groups and bodies they form, not a
	// malware family named before: in "apps, known as AppleJeus, that gave
	// them a backdoor, and that they stole ..." the thieves are people.
	set(anyType&^(maskOf(extractor.Malware)|maskOf(extractor.Tool)), "they", "them")
	// Plural people ("the defendants", "the two", "both men"): see
	// relation_group.go.
	set(maskOf(extractor.Person), "defendants", "suspects", "accused", "conspirators", "men", "women", "two",
		"three", "four", "five", "six", "seven", "eight", "pair", "duo",
		// "both" alone: relation_both.go
		"both",
		// "the Chinese nationals", "the two Russian officers" (relation_actor_np.go)
		"nationals", "citizens", "individuals", "officers", "operatives")
}

// pronouns are the anaphors that reach only antecedentSentences back; a
// noun phrase ("the group", "the company") names its referent's kind and
// reaches nounAntecedentSentences back.
var pronouns = map[string]bool{"it": true, "they": true, "he": true, "she": true, "him": true, "her": true,
	"his": true, "its": true, "their": true, "them": true, "this": true}

// isAnaphor reports whether the tokens [s, e) are exactly an anaphor of the
// pack lists, which types it may refer to and how many sentences back its
// antecedent may be.
func (d *docState) isAnaphor(s, e int) (typeMask, int, bool) {
	cues := d.p.relCues
	if cues == nil || s >= e || isIndefinite(d.fold[s]) { // named after it: relation_cataphor.go
		return 0, 0, false
	}
	reach := nounAntecedentSentences
	if e-s == 1 && pronouns[d.fold[s]] || e-s == 3 && d.fold[s+1] == "of" && pronouns[d.fold[e-1]] {
		// "they"; "each of them", "both of them": a pronoun's reach
		reach = antecedentSentences
	}
	if e-s == 1 && unnamedActorNouns[d.fold[s]] && s > d.sentLo[d.sentOf[s]] && indefiniteWords[d.fold[s-1]] {
		// "foreign hackers who go after ...", "other attackers": a kind of
		// people, not the ones just named. ("Iran-based operators" still
		// are: rel.located-in.place-modifier.)
		return 0, 0, false
	}
	if e-s == 1 && d.fold[s] == "both" && !d.bothSubject(s) {
		return 0, 0, false // "both the ministry and the army": a determiner
	}
	if personNPHeads[d.fold[e-1]] && e-s >= 3 && d.actorNPEnd(s, e) == e {
		reach = antecedentSentences // "the Chinese defendants" (relation_actor_np.go)
	}
	var buf [4]int
	if cues.anaphors != nil {
		for _, end := range cues.anaphors.ends(d, s, d.sentHi(s), buf[:0]) {
			if end == e {
				if m, ok := anaphorTypes[d.fold[e-1]]; ok {
					return m, reach, true
				}
				return anyType, reach, true
			}
		}
	}
	if cues.victims != nil {
		for _, end := range cues.victims.ends(d, s, d.sentHi(s), buf[:0]) {
			if end == e {
				return victimOf, nounAntecedentSentences, true
			}
		}
	}
	return 0, 0, false
}

// victimOf is what a victim anaphor refers to: whoever did the targeting.
var victimOf = maskOf(extractor.ThreatActor) | maskOf(extractor.Campaign) | maskOf(extractor.Malware)

// antecedentSentences is how many sentences before its own a pronoun's
// antecedent may be in; nounAntecedentSentences the same for a noun phrase
// ("the group" in a report usually means the group the section is about,
// even when its name was last written a paragraph earlier).
const (
	antecedentSentences     = 2
	nounAntecedentSentences = 8
)

// antecedent returns the index in d.acc of the nearest mention before byte
// offset at, of a type in mask, no more than reach sentences before the
// sentence of token tok, skipping mentions at the given spans; or -1.
func (d *docState) antecedent(at, tok, reach int, mask typeMask, skip []extractor.Span) int {
	for k := range d.mentionsBefore(at, int(d.sentOf[tok])-reach) {
		if c := &d.acc[k]; maskOf(c.typ)&mask != 0 && !skipped(c, skip) {
			return d.overPossessive(k, tok, mask, skip)
		}
	}
	return -1
}

// mentionsBefore yields, nearest first, the indexes in d.acc of the
// mentions that end at or before byte at, back to sentence minSent.
// Mentions are sorted and disjoint: the walk starts below the first one at
// or after at instead of scanning the whole document.
func (d *docState) mentionsBefore(at, minSent int) iter.Seq[int] {
	return func(yield func(int) bool) {
		top := sort.Search(len(d.acc), func(k int) bool { return d.acc[k].start >= at })
		for k := top - 1; k >= 0; k-- {
			c := &d.acc[k]
			if c.end > at || c.tokE <= c.tokS {
				continue
			}
			if int(d.sentOf[c.tokS]) < minSent || !yield(k) {
				return
			}
		}
	}
}

// overPossessive returns, for the nearest candidate k of an anaphor at
// token tok, an earlier candidate of k's sentence when k is only a
// possessive there ("X had been sitting on Y's servers. From there it
// reached ..." means X) and that sentence is not the anaphor's; else k.
func (d *docState) overPossessive(k, tok int, mask typeMask, skip []extractor.Span) int {
	c := &d.acc[k]
	e := int(c.tokE)
	si := d.sentOf[c.tokS]
	if si == d.sentOf[tok] || e >= len(d.fold) || d.fold[e] != "'s" && d.fold[e] != "’s" {
		return k
	}
	for j := k - 1; j >= 0 && d.sentOf[d.acc[j].tokS] == si; j-- {
		if cj := &d.acc[j]; maskOf(cj.typ)&mask != 0 && !skipped(cj, skip) {
			return j
		}
	}
	return k
}

// relativePronouns start a relative clause after a comma.
var relativePronouns = map[string]bool{"which": true, "who": true, "whom": true, "whose": true, "that": true}

// relativeClauseEnd returns the index of the comma closing a relative clause
// that starts with the comma at token t (", which overlaps with Salt
// Typhoon,"), when that comma comes before end; else 0. Such a clause is
// an aside: in "RedMike, which some say overlaps with Salt Typhoon,
// exploited CVE-2023-20198" its "overlaps" hedges nothing of the exploit.
// A match that ends inside the clause is about the clause, which then
// keeps its cues.
func (d *docState) relativeClauseEnd(t, end int) int {
	r := d.relativeAfterComma(t, end)
	if r < 0 {
		return 0
	}
	return d.closingComma(r+1, end)
}

// commaAsideEnd returns the index of the comma closing an aside that opens
// with the comma at token t and a word of openers, when that comma comes
// before end and no sentence or clause stop comes first; else 0.
func (d *docState) commaAsideEnd(t, end int, openers map[string]bool) int {
	if d.fold[t] != "," || t+1 >= end || !openers[d.fold[t+1]] {
		return 0
	}
	return d.closingComma(t+2, end)
}

// closingComma returns the index of the first comma from token from on,
// before end, when no sentence or clause stop comes first; else 0.
func (d *docState) closingComma(from, end int) int {
	for j := from; j < end; j++ {
		switch d.fold[j] {
		case ",":
			return j
		case ".", ";", ":":
			return 0
		}
	}
	return 0
}

// contrastWords turn a negation to the words before them only: "was not
// a one-off burglary but part of a campaign".
var contrastWords = map[string]bool{"but": true, "however": true, "rather": true, "instead": true}

// contrastedNegation reports whether the negation at token t is followed,
// within a few words and before the match ends at end, by a contrast word
// that states what is the case instead: in "an intrusion that hit A was
// not a one-off burglary but part of X" the match on "part of X" holds.
// A negation right before a comma ("was not, however, linked to Y") is
// no such contrast.
func (d *docState) contrastedNegation(t, end int) bool {
	if d.fold[t] != "not" || t+1 >= end || d.fold[t+1] == "," {
		return false
	}
	for k := t + 2; k < end && k <= t+8; k++ {
		switch f := d.fold[k]; {
		case contrastWords[f]:
			return k+1 < end
		case f == "." || f == ";" || f == ":":
			return false
		}
	}
	return false
}
