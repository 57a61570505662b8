package rules

import (
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
)

// Victims named by a longer kind. The sector gazetteer knows the head of a
// victim phrase, not its modifiers: in "Victims include software firms,
// computer hardware manufacturers and think tanks" it finds
// "manufacturers" (manufacturing), and in "social media companies" it
// finds "media companies". The victim the text names is the whole phrase.
// widenKinds widens a sector mention that is the target of a `targets`
// match (from a relation rule at the default priority or above, or a topic
// rule, as for coordKinds) over the lower-case words right before it,
// when they modify it: up to widenMaxWords words that are no mention, no
// determiner or quantifier ("other", "many"), no clause word and no adverb
// ("primarily"), after no name ("the Ruritanian energy companies" is that
// country's), and not a participle that picks out victims the text has in
// mind ("compromised companies"). The mention then names the phrase,
// credited to the match's rule.

// widenMaxWords bounds the modifiers a sector mention is widened over.
const widenMaxWords = 3

// widenKinds widens the sector targets of `targets` matches and rewrites
// the matches that name them.
func (rs *relState) widenKinds() {
	d := rs.d
	if d.p.relCues == nil {
		return
	}
	moved := map[extractor.Span]extractor.Span{}
	ruleIdx := map[string]int32{}
	for _, m := range rs.out {
		if _, done := moved[m.Target]; done {
			continue
		}
		k, idx := rs.readSectorTarget(m, ruleIdx)
		if k < 0 {
			continue
		}
		s, ok := d.kindModifiers(k)
		if !ok {
			continue
		}
		c := &d.acc[k]
		to := extractor.Span{Start: d.tokStart[s], End: c.end}
		moved[m.Target] = to
		c.start, c.tokS, c.canonical, c.rule = to.Start, int32(s), "", idx
	}
	if len(moved) == 0 {
		return
	}
	for i := range rs.out {
		if to, ok := moved[rs.out[i].Target]; ok {
			rs.out[i].Target = to
		}
		if to, ok := moved[rs.out[i].Source]; ok {
			rs.out[i].Source = to
		}
	}
	rs.best = make(map[relKey]int, len(rs.out))
	for i, m := range rs.out {
		if m.Rule == "" {
			continue
		}
		key := relKey{m.Type, m.Source, m.Target}
		if j, dup := rs.best[key]; dup {
			if rs.out[j].Priority >= m.Priority {
				rs.out[i] = RelationMatch{} // the widened victim was named already
				continue
			}
			rs.out[j] = RelationMatch{}
		}
		rs.best[key] = i
	}
	sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
	d.index()
}

// kindModifiers returns the first token of the modifiers that widen
// mention k, and whether there are any.
func (d *docState) kindModifiers(k int) (int, bool) {
	c := &d.acc[k]
	lo, hi := int(d.sentLo[d.sentOf[c.tokS]]), d.sentHi(int(c.tokS))
	// The head says what kind of body the victims are (rel_sector_heads:
	// "manufacturers", "companies"; or a plural government noun): an
	// institution noun such as "universities" or "hospitals" already names
	// its kind, and its modifiers are often an annotation's own name.
	last := int(c.tokE) - 1
	cues := d.p.relCues
	if !d.memberEnds(int(c.tokE), hi) ||
		!widenHeads[d.fold[last]] && (cues.sectorHeads == nil || !cues.sectorHeads.startsAt(d, last, last+1)) {
		return 0, false
	}
	s := int(c.tokS)
	for s-1 >= lo && int(c.tokS)-s < widenMaxWords && d.kindWord(s-1) && d.widenWord(d.fold[s-1]) &&
		widenTags[d.pos(s-1)] {
		s--
	}
	if s == int(c.tokS) {
		return 0, false
	}
	if s-1 >= lo && !d.kindBoundary(s-1) {
		return 0, false // the phrase goes on: "the second stage infected universities"
	}
	if s-1 >= lo && (d.endingAt(s) >= 0 || startsUpperOrDigit(d.tokText[s-1])) {
		return 0, false // a name modifies the phrase
	}
	if s-2 >= lo && (d.fold[s-1] == "and" || d.fold[s-1] == "or") && isLowerWord(d.tokText[s-2]) {
		return 0, false // coordinated modifiers: "federal and state government bodies"
	}
	return s, true
}

// widenWord reports whether a word may modify a victim: no adverb
// ("primarily"), no place noun of rel_widen_place_nouns ("in some
// countries defence contractors" names defence contractors), no verb form
// in "-ed" ("infected universities": victims
// the text has in mind) and no number ("ten mobile carriers").
func (d *docState) widenWord(f string) bool {
	return !strings.HasSuffix(f, "ly") && !strings.HasSuffix(f, "ed") && !d.p.cti.victimParticiples[f] && !countWords[f] &&
		numberWords[f] == 0 && !d.p.cti.widenPlaceNouns[f]
}

// countWords are counts before a victim noun (with numberWords).
var countWords = map[string]bool{"one": true, "dozen": true, "dozens": true, "hundreds": true, "thousands": true,
	"least": true, "most": true, "more": true, "few": true, "multiple": true, "numerous": true, "various": true,
	"several": true, "many": true, "other": true, "all": true, "both": true, "each": true, "such": true,
	"these": true, "those": true, "certain": true, "additional": true, "same": true, "different": true,
	"respective": true, "unnamed": true, "unidentified": true, "specific": true}

// kindBoundary reports whether token i may stand right before a widened
// victim phrase: a determiner, number, preposition, punctuation, a
// conjunction or a clause word, not a word the modifiers stopped at.
func (d *docState) kindBoundary(i int) bool {
	f := d.fold[i]
	return !isLowerWord(d.tokText[i]) || kindDeterminers[f] || determiners[f] || numberWords[f] > 0 || countWords[f] ||
		prepositions[f] || coordStops[f] || victimPlaceWords[f] || d.p.relCues.notModifiers != nil && d.p.relCues.notModifiers.startsAt(d, i, i+1)
}

// widenHeads are the plural nouns of public bodies that head a victim
// phrase ("foreign governments", "central government ministries").
var widenHeads = map[string]bool{"governments": true, "ministries": true, "departments": true, "administrations": true}

// widenTags are the parts of speech of a victim's modifiers: nouns and
// plain adjectives ("computer hardware", "foreign"); no numbers ("two
// semiconductor manufacturers"), verbs ("could disrupt communications"),
// participles ("managed service providers" is the sector's own name) or
// pronouns.
var widenTags = map[string]bool{"NN": true, "NNS": true, "JJ": true}
