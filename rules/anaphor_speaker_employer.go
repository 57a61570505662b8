package rules

import "github.com/reportgraph/extractor"

// speakerEmployerChooser: "they" does not mean the company a quoted
// analyst works for. In '"It is the same customer," said A, a senior
// analyst at Y. "Now they buy zero-days and go after defence firms."' the
// buyers are the actor the report is about, not Y: an analyst's own firm
// is "we". When the pick is an organisation named as a speaker's employer
// ("said A, a senior analyst at Y", "A of Y said"), the pronoun means the
// actor in focus when the slot takes actors, and nothing otherwise.
type speakerEmployerChooser struct{}

func (speakerEmployerChooser) name() string { return "speaker-employer" }

// theyPronouns are the plural pronouns speakerEmployerChooser reads.
var theyPronouns = map[string]bool{"they": true, "them": true, "their": true}

// speakerEmployerPreps tie a speaker to the body they work for.
var speakerEmployerPreps = map[string]bool{"at": true, "of": true, "with": true, "from": true}

func (speakerEmployerChooser) choose(q *anaphorQuery) verdict {
	if q.k < 0 || q.length != 1 || !theyPronouns[q.first] {
		return goOn
	}
	d := q.d
	if d.acc[q.k].typ != extractor.Organization || !d.speakerEmployer(q.k) {
		return goOn
	}
	if q.mask&maskOf(extractor.ThreatActor) != 0 {
		if k := d.topicActor(q.c.bs, q.direct); k >= 0 {
			q.k, q.topic = k, true
			return goOn
		}
	}
	return refuse
}

// speakerEmployer reports whether the mention k (an index in d.acc) is
// named as the employer of a person in a sentence with a verb of saying:
// "said A, a senior analyst at Y", "A, head of research at Y, said", "A of
// Y said".
func (d *docState) speakerEmployer(k int) bool {
	m := &d.acc[k]
	i := int(m.tokS) - 1
	if i >= 0 && d.fold[i] == "the" {
		i--
	}
	if i < 1 || !speakerEmployerPreps[d.fold[i]] {
		return false
	}
	i--
	person := func(e int) bool {
		t := d.mentionEndingAt(e)
		return t >= 0 && d.startM[t] >= 0 && d.acc[d.startM[t]].typ == extractor.Person
	}
	if !person(i + 1) {
		// "A, a senior analyst at Y": a short description of lower-case
		// words (and "of") between a comma and the preposition.
		words := 0
		for ; i >= 1 && d.fold[i] != ","; i-- {
			if d.startM[i] >= 0 || !isLowerWord(d.tokText[i]) || words > 7 {
				return false
			}
			words++
		}
		if i < 1 || words == 0 || !person(i) {
			return false
		}
	}
	si := d.sentOf[m.tokS]
	for t := int(d.sentLo[si]); t < len(d.fold) && d.sentOf[t] == si; t++ {
		if speechVerbs[d.fold[t]] {
			return true
		}
	}
	return false
}
