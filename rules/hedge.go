package rules

import (
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
//     ("the group", "the company", "it").
//
// The clause of a match is the match itself plus the tokens before it back
// to the start of the sentence or the nearest clause break (";", ":", "but",
// "however", "although", "though", "whereas", "while").

// relCues holds the compiled cue lists; a nil set means the list is absent.
type relCues struct {
	negations, hedges, anaphors *phraseSet
	index                       relIndex // where each relation rule may start (relation_index.go)
}

// Names of the pack lists the relation engine reads.
const (
	listNegations = "relation_negations"
	listHedges    = "relation_hedges"
	listAnaphors  = "relation_anaphors"
)

func (c *compiler) relationCues(lists map[string]*listSpec) *relCues {
	if c.p.relPhase == nil {
		return nil
	}
	cues := &relCues{index: c.relationIndex()}
	for name, dst := range map[string]**phraseSet{listNegations: &cues.negations, listHedges: &cues.hedges,
		listAnaphors: &cues.anaphors} {
		if l, ok := lists[name]; ok && len(l.items) > 0 {
			*dst = c.listPhrases(l)
		}
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
	"though": true, "whereas": true, "while": true}

// clauseStart returns the first token of the clause holding token i.
func (d *docState) clauseStart(i int) int {
	lo := d.sentLo[d.sentOf[i]]
	for j := i - 1; j >= lo; j-- {
		if clauseBreaks[d.fold[j]] {
			return j + 1
		}
	}
	return lo
}

// notNegating are the words after which a negation cue negates nothing:
// "not only", "including but not limited to", "not least", "not just".
var notNegating = map[string]bool{"only": true, "limited": true, "least": true, "just": true, "merely": true,
	"solely": true, "exclusively": true}

// relationCues scans the clause of a match [i, end) for negation and hedge
// cues. It returns whether the match is negated and the hedge cues found,
// as written, joined by ", ".
func (d *docState) relationCues(i, end int) (negated bool, hedge string) {
	cues := d.p.relCues
	if cues == nil {
		return false, ""
	}
	lo, hi := d.clauseStart(i), d.sentHi(i)
	var hedges []string
	var buf [4]int
	for t := lo; t < end; t++ {
		if cues.negations != nil && cues.negations.startsAt(d, t, hi) && !(t+1 < hi && notNegating[d.fold[t+1]]) {
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
		"attackers", "operators", "adversary", "apt", "intruders")
	set(org, "company", "companies", "firm", "firms", "vendor", "contractor", "business", "corporation",
		"startup", "provider", "enterprise")
	set(gov, "ministry", "agency", "bureau", "department", "government", "unit", "military", "army",
		"service", "directorate", "regime")
	set(maskOf(extractor.Malware)|maskOf(extractor.Tool), "malware", "backdoor", "implant", "trojan",
		"loader", "ransomware", "tool", "rat", "dropper", "wiper")
	set(maskOf(extractor.Campaign), "campaign", "operation", "intrusion")
	set(maskOf(extractor.Person), "he", "she", "him", "her", "his")
}

// isAnaphor reports whether the tokens [s, e) are exactly an anaphor of the
// pack list, and which types it may refer to.
func (d *docState) isAnaphor(s, e int) (typeMask, bool) {
	cues := d.p.relCues
	if cues == nil || cues.anaphors == nil || s >= e {
		return 0, false
	}
	var buf [4]int
	for _, end := range cues.anaphors.ends(d, s, d.sentHi(s), buf[:0]) {
		if end == e {
			if m, ok := anaphorTypes[d.fold[e-1]]; ok {
				return m, true
			}
			return anyType, true
		}
	}
	return 0, false
}

// antecedentSentences is how many sentences before the anaphor's own an
// antecedent may be in.
const antecedentSentences = 2

// antecedent returns the index in d.acc of the nearest mention before byte
// offset at, of a type in mask, no more than antecedentSentences before the
// sentence of token tok, skipping mentions at the given spans; or -1.
func (d *docState) antecedent(at, tok int, mask typeMask, skip []extractor.Span) int {
	minSent := int(d.sentOf[tok]) - antecedentSentences
	for k := len(d.acc) - 1; k >= 0; k-- {
		c := &d.acc[k]
		if c.end > at {
			continue
		}
		if int(c.tokS) < len(d.sentOf) && int(d.sentOf[c.tokS]) < minSent {
			break
		}
		if maskOf(c.typ)&mask == 0 {
			continue
		}
		skipped := false
		for _, s := range skip {
			if s.Start == c.start && s.End == c.end {
				skipped = true
			}
		}
		if !skipped {
			return k
		}
	}
	return -1
}
