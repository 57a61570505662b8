package rules

// An agent named by an attribution is no anaphor of the actor in focus. In
// "ZeroCleare, a device earlier ascribed to Iranian operators in assaults on
// the Gulf power sector" the assaults are those operators', named as the
// agent the tool was ascribed to, not the report's actor: "operators" there
// is an indefinite noun phrase (no determiner, often a nationality before
// it) that introduces a party, not one that refers back to one. So a bare
// people noun (rel_agent_people_nouns: "operators", "hackers", "attackers",
// "intruders"; "the operators" and "they" still refer) right after
// "ascribed to", "attributed to", "blamed on", "by" and the like
// (rel_agent_verbs_to, rel_agent_verbs_on in rel-targets.yaml), with at
// most a few modifiers between, names nobody the targets rules may give
// victims (anaphor_chooser.go, attributedAgentChooser).

// attributedAgentReach is how many modifier tokens may stand between the
// attribution and the noun ("ascribed to suspected Iranian state operators").
const attributedAgentReach = 3

// agentDeterminers open a definite or possessive noun phrase, which refers
// back ("attributed to the operators", "blamed on its operators").
var agentDeterminers = map[string]bool{
	"the": true, "this": true, "these": true, "that": true, "those": true, "its": true, "their": true, "such": true,
	"same": true, "both": true, "his": true, "her": true,
}

// attributedAgent reports whether the anaphor span [s, e) is a bare people
// noun introduced as the agent of an attribution in its sentence.
func (d *docState) attributedAgent(s, e int) bool {
	v := d.p.cti
	if e-s != 1 || !v.agentPeopleNouns[d.fold[s]] {
		return false
	}
	lo := d.sentLo[d.sentOf[s]]
	j := s - 1
	for n := 0; j >= lo && n <= attributedAgentReach; j, n = j-1, n+1 {
		w := d.fold[j]
		if agentDeterminers[w] {
			return false
		}
		// the word right before the agent, and the verb before it
		switch w {
		case "by":
			return true
		case "to":
			return j > lo && v.agentVerbsTo[d.fold[j-1]]
		case "on":
			return j > lo && v.agentVerbsOn[d.fold[j-1]]
		}
		if len(w) == 1 && !agentLetter(w[0]) {
			return false // punctuation ends the noun phrase
		}
	}
	return false
}

func agentLetter(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// attributedAgentChooser refuses, in a targets rule, an anaphor that is the
// agent of an attribution (relation_attributed_agent.go).
type attributedAgentChooser struct{}

func (attributedAgentChooser) name() string { return "attributed-agent" }

func (attributedAgentChooser) choose(q *anaphorQuery) verdict {
	if q.r.rel.typ == "targets" && q.d.attributedAgent(q.c.start, q.c.end) {
		return refuse
	}
	return goOn
}
