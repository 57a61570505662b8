package rules

// The unit behind the actor. A report on an actor often makes a numbered
// government unit a sentence's subject: "In 2021 a grand jury indicted two
// officers of GRU Unit 41720 for attacks on Latvian ports". A sentence that
// names another actor says nothing of the topic's victims or tools
// (namesOther), and a numbered unit counts as an actor there (it may be
// the actor of a paragraph or a list intro). A unit no relation of the
// document ties to any actor is, in such a sentence, no other party: its
// victims, tools and flaws stay the topic actor's, as our gold gives them
// (the unit the report is about under another name, or a vendor's "Unit
// 42" cited in passing). A unit a relation ties to an actor, the topic's
// included ("Western governments attribute Sandworm to Unit 41720"), is a
// party of its own, to which our gold gives what it did; a unit an alias
// rule links to the actor already shares the actor's key (topicKeys). The
// persons of a unit (its officers, charged members) stay the unit's: a
// person topic, or a person at the relation's other end, keeps the unit as
// another party, and so does a document of several cases.

// unitTiedToActor reports whether the keys a unit is linked to by any
// relation (linkedTo) hold a threat actor's.
func unitTiedToActor(linkedTo map[string]bool, actorKeys map[string]bool) bool {
	for k := range linkedTo {
		if actorKeys[k] {
			return true
		}
	}
	return false
}
