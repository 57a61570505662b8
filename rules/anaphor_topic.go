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
