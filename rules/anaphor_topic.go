package rules

import "github.com/reportgraph/extractor"

// Anaphors that mean the actor in focus (relation_coref_topic.go,
// relation_topic.go) or the people a report opens on (relation_cataphor.go).

// preferTopicChooser: an anaphor that means an actor prefers the actor in
// focus to a malware or an actor of another paragraph.
type preferTopicChooser struct{}

func (preferTopicChooser) name() string { return "prefer-topic" }

func (preferTopicChooser) choose(q *anaphorQuery) verdict {
	if q.subject {
		return goOn // the subject of the sentence before is in focus
	}
	q.k, q.topic = q.rs.preferTopic(q.c, q.k, q.am, q.mask, q.order, q.direct)
	q.topic = q.topic || q.chain
	return goOn
}

// topicFallbackChooser: no actor in reach: the report's topic actor. A
// phrase that names an actor ("the group", "victims") falls back, and
// "they", which in a report about an actor mostly means its operators;
// "it" may mean anything.
type topicFallbackChooser struct{}

func (topicFallbackChooser) name() string { return "topic-fallback" }

func (topicFallbackChooser) choose(q *anaphorQuery) verdict {
	if q.k < 0 && (q.am != anyType || q.first == "they") && q.am&q.mask&maskOf(extractor.ThreatActor) != 0 {
		q.k, q.topic = q.d.topicActor(q.c.bs, q.direct), true
	}
	return goOn
}

// campaignTopicChooser: a campaign noun ("the intrusion", "that
// operation", "the campaign") with no campaign in reach, in a slot that
// takes an actor: the report's actor's doing is meant, as in "Sandworm
// struck utilities in 2016. Officials blamed that operation on the SVR"
// (Sandworm -attributed-to-> SVR), when Sandworm is the document's
// dominant actor (relation_coref_topic.go). Only towards a state body or a
// company: "Microsoft attributes the campaign to Lace Tempest" may give
// another name of the actor, or another actor's campaign.
type campaignTopicChooser struct{}

func (campaignTopicChooser) name() string { return "campaign-topic" }

// campaignAnaphorHeads are the heads of the campaign anaphors this chooser
// reads.
var campaignAnaphorHeads = map[string]bool{"operation": true, "intrusion": true, "campaign": true}

func (campaignTopicChooser) choose(q *anaphorQuery) verdict {
	if q.k >= 0 || q.am != maskOf(extractor.Campaign) || q.mask&maskOf(extractor.ThreatActor) == 0 ||
		!campaignAnaphorHeads[q.d.fold[q.c.end-1]] || !q.directBody() {
		return goOn
	}
	// Only the document's dominant actor: in a news story on several
	// crews "ascribed the campaign to Y" may be about any of them.
	ct := q.rs.topics()
	if ct.doc == nil || ct.subject {
		return goOn
	}
	if k := q.d.topicActor(q.c.bs, q.direct); k >= 0 && ct.keys[k] == ct.doc.key {
		q.k, q.topic = k, true
	}
	return goOn
}

// cataphoricPeopleChooser: "Hackers compromised X ... Acme calls the
// operation Y": the people a report opens on, named in a clause after them.
type cataphoricPeopleChooser struct{}

func (cataphoricPeopleChooser) name() string { return "cataphoric-people" }

func (cataphoricPeopleChooser) choose(q *anaphorQuery) verdict {
	if q.k < 0 {
		if q.k = q.d.cataphoricPeople(q.c.start, q.c.end, q.am&q.mask, q.direct); q.k >= 0 {
			q.topic = false
		}
	}
	return goOn
}

// directBody reports whether one of the match's other ends is a government
// body or a company (not an actor, not a numbered unit read as one).
func (q *anaphorQuery) directBody() bool {
	body := maskOf(extractor.Government) | maskOf(extractor.Organization)
	for k := range q.d.acc {
		if c := &q.d.acc[k]; q.d.isDirect(c, q.direct) && maskOf(c.typ)&body != 0 && q.d.slotMask(c)&maskOf(extractor.ThreatActor) == 0 {
			return true
		}
	}
	return false
}
