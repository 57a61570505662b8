package rules

import "github.com/reportgraph/extractor"

// The first pick of every anaphor: the nearest mention in reach of the
// first type the rule lists that fits ("they" in an actor rule means the
// actor, not a vendor named since), then of the next (hedge.go), and the
// corrections that apply to any anaphor.

// nearestChooser picks the nearest mention by the rule's type order. With
// no actor in reach but an actor phrase, a pronoun goes on about the actor
// in focus, not a firm named since (relation_it_chain.go).
type nearestChooser struct{}

func (nearestChooser) name() string { return "nearest" }

func (nearestChooser) choose(q *anaphorQuery) verdict {
	d, c := q.d, q.c
	k := -1
	for i, m := range q.order {
		if k = d.antecedent(c.bs, c.start, q.reach, q.am&q.mask&m, q.direct); k >= 0 {
			break
		}
		if i == 0 && m&q.am&q.mask&maskOf(extractor.ThreatActor) != 0 && d.pronounChainsToActor(c.start, c.end) {
			if k = d.topicActor(c.bs, q.direct); k >= 0 {
				q.chain = true
				break
			}
		}
	}
	q.k = k
	return goOn
}

// unitChooser: no actor in reach, but a numbered unit is: "Unit 26165
// carried out the break-ins. Its officers sent ..." (relation_unit_actor.go).
type unitChooser struct{}

func (unitChooser) name() string { return "unit" }

func (unitChooser) choose(q *anaphorQuery) verdict {
	if q.k < 0 && q.am&q.mask&maskOf(extractor.ThreatActor) != 0 && (q.length > 1 || pronouns[q.first]) {
		q.k = q.d.unitAntecedent(q.c.bs, q.c.start, q.reach, q.direct)
	}
	return goOn
}

// uncomparedChooser: a mention named as what the actor is compared with
// is not what the anaphor means (relation_compared.go).
type uncomparedChooser struct{}

func (uncomparedChooser) name() string { return "uncompared" }

func (uncomparedChooser) choose(q *anaphorQuery) verdict {
	q.k = q.d.uncompared(q.k, q.am&q.mask, q.direct)
	return goOn
}
