package rules

// The local actor in focus. Without a dominant actor, a topic rule gives a
// name to the actor its paragraph or section is about (localTopics). When
// the text has named another actor before the name and not yet that one,
// the reader has the other in mind, and the local actor is not the name's:
// a list whose intro names no actor ("The victims named include:") under
// the heading of an indictment, after a paragraph on the unit the four
// officers served in, and before a paragraph on a second unit that spread
// the leaks, is not that second unit's list; nor are the tools "the remote
// team deployed" in a paragraph that names the second unit only in its
// next sentence. The list then falls back on the actor named most before
// it (relation_topic.go); the tool on no one. A report that names no actor
// before its own, late ("A hacking crew ... The crew exploited ...", named
// Sea Turtle paragraphs on), keeps the local actor: nobody else is in mind.
//
// A rule whose target is the actor (a campaign attributed to it) is not
// concerned: "Operation Soft Cell ... Researchers later tied it to APT10"
// names the campaign first and its actor after, as reports do.

// actorFirsts holds the first token of the two actors named first (by
// topic key): enough to tell whether an actor other than a given one was
// named before a point.
type actorFirsts struct {
	key1       string
	tok1, tok2 int // -1: none
}

// firstActors returns the actorFirsts of the mentions for which isActor
// holds, keyed by keys.
func (d *docState) firstActors(keys []string, isActor func(k int) bool) actorFirsts {
	af := actorFirsts{tok1: -1, tok2: -1}
	for k := range d.acc {
		if d.acc[k].hide || !isActor(k) {
			continue
		}
		t := int(d.acc[k].tokS)
		switch {
		case af.tok1 < 0:
			af.key1, af.tok1 = keys[k], t
		case keys[k] != af.key1:
			af.tok2 = t
			return af // d.acc is in text order: the first two keys are found
		}
	}
	return af
}

// otherBefore reports whether an actor other than key was named before
// token t.
func (af actorFirsts) otherBefore(key string, t int) bool {
	if af.tok1 >= 0 && af.key1 != key {
		return af.tok1 < t
	}
	return af.tok2 >= 0 && af.tok2 < t
}

// inFocus reports whether the local topic tp may take a name of sentence
// si: it was named by the end of si, or no other actor was.
func (d *docState) inFocus(tp *topicSource, si int32, af actorFirsts) bool {
	if tp == nil || len(tp.ms) == 0 {
		return false
	}
	end := int(d.sentLo[si+1])
	return int(d.acc[tp.ms[0]].tokS) < end || !af.otherBefore(tp.key, end)
}
