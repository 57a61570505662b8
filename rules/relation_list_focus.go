package rules

// The actor in focus at a list's intro. A list whose intro names no actor
// ("The victims named include:") is the actor's the reader has in mind
// when reading it: one named before the intro. A section's actor that the
// section names only after the list (a paragraph on a second unit that
// spread the leaks, under the heading of an indictment whose victims the
// list gives) is not yet in focus there, and the list is not its: the
// list falls back on the actor named most before it (relation_topic.go).
// The same holds for a paragraph's actor named only after the list.

// namedBeforeSentence reports whether the topic tp has a mention that
// starts before sentence si ends.
func (d *docState) namedBeforeSentence(tp *topicSource, si int32) bool {
	if tp == nil || len(tp.ms) == 0 {
		return false
	}
	end := d.sentLo[si+1]
	return int(d.acc[tp.ms[0]].tokS) < int(end)
}

// listFocus reports whether the local topic tp may take the list whose
// intro is sentence si: it was named before the intro ends.
func (d *docState) listFocus(tp *topicSource, si int32) bool {
	return d.namedBeforeSentence(tp, si)
}
