package rules

import (
	"fmt"

	"github.com/reportgraph/extractor"
)

// An anaphor in a relation slot ("it", "they", "the group", "the pair",
// "both men") is resolved by a list of antecedent choosers, one small
// mechanism each, run in the order of antecedentChoosers. Every chooser
// looks at the anaphor and the pick so far (q.k, an index in d.acc, or -1)
// and may keep it, replace it, settle on it, or refuse the anaphor: a wrong
// antecedent is worse than none. The choosers live in the anaphor_*.go
// files, grouped by the kind of anaphor they read.

// anaphorQuery is one anaphor being resolved and the pick so far.
type anaphorQuery struct {
	rs      *relState
	d       *docState
	r       *rule
	c       capRec           // the slot span (a description's head already widened)
	am      typeMask         // the types the anaphor may mean
	mask    typeMask         // the types the slot takes
	order   []typeMask       // the rule's type order for the slot
	reach   int              // how many sentences back the anaphor reaches
	direct  []extractor.Span // the match's other ends: never the antecedent
	k       int              // the pick so far, an index in d.acc, or -1
	topic   bool             // the pick is the topic actor (TopicCorefNote)
	chain   bool             // the pick is the actor a pronoun chain goes on about
	owner   bool             // the pick is the owner of a coordinated "and its"
	subject bool             // the pick is the subject of the sentence before (anaphor_subject.go)
	first   string           // the anaphor's first word, folded
	length  int              // the anaphor's length in tokens
}

// verdict is what a chooser decides.
type verdict uint8

const (
	goOn   verdict = iota // the next chooser looks at the pick
	settle                // q.k is the antecedent: no later chooser looks
	refuse                // the anaphor names nothing the slot takes
)

// antecedentChooser is one mechanism that picks, corrects or refuses the
// antecedent of an anaphor.
type antecedentChooser interface {
	// name says which mechanism this is (tests and debugging).
	name() string
	// choose looks at q and may change q.k, q.am, q.topic, q.chain,
	// q.owner or q.subject. Order matters: subjectChooser sets q.subject,
	// which preferTopicChooser reads (and then keeps the pick), so
	// subjectChooser must run before it.
	choose(q *anaphorQuery) verdict
}

// antecedentChoosers is the one list of choosers, in the order they run.
// A later chooser overrides an earlier one's pick.
var antecedentChoosers = []antecedentChooser{
	attributedAgentChooser{},  // "a tool ascribed to Iranian operators in attacks on X" (relation_attributed_agent.go)
	clauseCampaignChooser{},   // "Operation X, during which the intruders ..." (anaphor_clause.go)
	labelledChooser{},         // "The activity, tracked as X, ..." (anaphor_clause.go)
	peopleNounChooser{},       // "the charged hackers" (anaphor_group.go)
	nearestChooser{},          // the nearest mention of the rule's first type that fits (anaphor_nearest.go)
	unitChooser{},             // "Unit 26165 ... Its officers" (anaphor_nearest.go)
	subjectChooser{},          // "it"/"its" opening a sentence: the subject of the one before (anaphor_subject.go)
	apposedHeadChooser{},      // "X, the group at Y's Z. Its researchers": X (anaphor_apposed_head.go)
	speakerEmployerChooser{},  // "said A, an analyst at Y. \"Now they ...\"": not Y (anaphor_speaker_employer.go)
	itSubjectChooser{},        // "X differs ... because it is" (anaphor_it.go)
	parallelThatChooser{},     // "that X is ..., and that it ..." (anaphor_it.go)
	possessiveChainChooser{},  // "the unit ..., one of its officers" (anaphor_its.go)
	theyPeopleChooser{},       // "they" for people needs several people (anaphor_they.go)
	coordinatedOwnerChooser{}, // "the MOIS and its minister" (anaphor_its.go)
	heSubjectChooser{},        // "A met B. He ...": A (anaphor_he.go)
	describedChooser{},        // "X, a provincial bureau of Y" for "the bureau" (anaphor_defnp.go)
	docDescribedChooser{},     // "X, a crew tied to Y. ... Y did Z. The crew ...": X (anaphor_defnp.go)
	teamChooser{},             // "the team" only in a report that calls an actor a team (anaphor_defnp.go)
	uncomparedChooser{},       // not what the actor is compared with (anaphor_nearest.go)
	preferTopicChooser{},      // the actor in focus (anaphor_topic.go)
	topicFallbackChooser{},    // no actor in reach: the topic actor (anaphor_topic.go)
	campaignTopicChooser{},    // "blamed that operation on Y", no campaign in reach: the topic actor (anaphor_topic.go)
	cataphoricPeopleChooser{}, // the people a report opens on (anaphor_topic.go)
	indefiniteOwnerChooser{},  // "A Chinese crew stepped up its spying" (anaphor_its.go)
	frontedOwnerChooser{},     // "In its report, X said": X (anaphor_fronted.go)
	unnamedSetChooser{},       // "two Chinese nationals. The pair ..." (anaphor_group.go)
	nobodyDescribedChooser{},  // "The Chinese firm that sold it" (anaphor_defnp.go)
	newsChooser{},             // "the paper" is a news outlet's (anaphor_news.go)
}

// resolveAnaphor resolves the anaphor c, which may mean the types am and
// reaches reach sentences back, by running the choosers.
func (rs *relState) resolveAnaphor(r *rule, c capRec, am typeMask, reach int, mask typeMask, order []typeMask, direct []extractor.Span) (endpoint, bool) {
	d := rs.d
	q := anaphorQuery{rs: rs, d: d, r: r, c: c, am: am, mask: mask, order: order, reach: reach, direct: direct,
		k: -1, first: d.fold[c.start], length: c.end - c.start}
run:
	for _, ch := range antecedentChoosers {
		switch ch.choose(&q) {
		case refuse:
			return endpoint{}, false
		case settle:
			break run
		}
	}
	if q.k < 0 {
		return endpoint{}, false
	}
	a := &d.acc[q.k]
	note := fmt.Sprintf("%q → %s", d.text[c.bs:c.be], d.surface(a))
	if q.topic {
		note += " " + TopicCorefNote
	}
	return endpoint{span: extractor.Span{Start: a.start, End: a.end}, coref: note}, true
}
