package rules

import "github.com/reportgraph/extractor"

// Victim frames whose agent the sentence names. rel.targets.topic-frame
// gives the object of "the hack of A" to the actor a report is about, and
// a sentence that names another threat actor is skipped already
// (namesOther). One more way a sentence names who did it: a crew that
// claims the attacks, named as malware ("Play has been active since
// mid-2022 and has claimed attacks on the City of Oakland" in a report on
// an actor that once worked with the Play crew).
//
// A state blamed ("the FBI blamed North Korea for the hack of Sony", "the
// hack of A was blamed on North Korea") is not enough: a report on one of
// its groups says the same of the group's own attacks ("accused China of
// a campaign against its Ministry of Foreign Affairs, saying that hackers
// linked to Beijing ..." in an APT31 report), and the text does not
// always tie the group to its state (tried in session 28 with
// blamedOnOther: it lost that true victim and gained nothing).

// frameClaimWords are the verbs with which a crew owns its attacks.
var frameClaimWords = map[string]bool{"claimed": true, "claims": true, "claim": true, "claiming": true}

// frameAgentNamed reports whether the sentence of target mention k names
// another party than topic as the agent of its victim frame: before the
// target, a claim word whose nearest named actor or malware before it is
// not topic.
func (d *docState) frameAgentNamed(k int, topic string, keys []string) bool {
	c := &d.acc[k]
	n := min(len(d.fold), len(d.startM))
	if int(c.tokS) >= n {
		return false
	}
	lo := int(d.sentLo[d.sentOf[c.tokS]])
	for i := lo; i < int(c.tokS); i++ {
		if !frameClaimWords[d.fold[i]] {
			continue
		}
		for u := i - 1; u >= lo; u-- {
			m := int(d.startM[u])
			if m < 0 || d.acc[m].hide {
				continue
			}
			if t := d.acc[m].typ; t == extractor.ThreatActor || t == extractor.Malware {
				if keys[m] != topic {
					return true
				}
				break
			}
		}
	}
	return false
}

// frameBlameVerbs tie the person after them to a deed: "connected him
// to", "charged her with", "blamed him for".
var frameBlameVerbs = map[string]bool{"connected": true, "connects": true, "linked": true, "links": true,
	"tied": true, "ties": true, "blamed": true, "blames": true, "charged": true, "charges": true,
	"accused": true, "accuses": true, "sanctioned": true, "indicted": true, "convicted": true}

// frameBlamesPerson reports whether, before target mention k in its
// sentence, a verb of blame has a person's pronoun as its object: in
// "OFAC connected him to the compromise of the Departmental Offices
// network" a person did it, not the group a paragraph is about.
func (d *docState) frameBlamesPerson(k int) bool {
	c := &d.acc[k]
	lo := int(d.sentLo[d.sentOf[c.tokS]])
	for i := lo + 1; i < int(c.tokS); i++ {
		if (d.fold[i] == "him" || d.fold[i] == "her") && frameBlameVerbs[d.fold[i-1]] {
			return true
		}
	}
	return false
}
