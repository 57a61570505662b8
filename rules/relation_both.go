package rules

import "strings"

// "Both" alone. After a sentence that names two people, a report goes on
// with "Both were charged with ...", "Neither man is in custody; both are
// thought to be in Russia" or "Both worked for Y": "both" is then a plural
// person anaphor for the pair (relation_group.go), as "both men" is. The
// word is more often a determiner ("both the ministry and the army", "both
// groups") or a conjunction ("both in Europe and in Asia"), so it counts as
// an anaphor only as the subject of a clause: first in its sentence or
// after a clause break, and followed by a verb or an adverb before one.

// bothBefore are the tokens after which "both" may open a clause; "who"
// too: in "A and B, who both worked for Y" it floats after the pronoun and
// stands for the pair as a subject would.
var bothBefore = map[string]bool{";": true, ",": true, ":": true, "and": true, "but": true, "that": true,
	"said": true, "says": true, "(": true, "\"": true, "“": true, "who": true}

// bothVerbs are the words after a subject "both": auxiliaries, verbs of
// the reports' people and the adverbs between a subject and its verb.
var bothVerbs = map[string]bool{"are": true, "were": true, "is": true, "was": true, "have": true, "had": true,
	"has": true, "will": true, "would": true, "could": true, "can": true, "may": true, "might": true,
	"remain": true, "face": true, "work": true, "serve": true, "hold": true, "belong": true, "live": true,
	"allegedly": true, "also": true, "reportedly": true, "then": true, "later": true, "still": true, "now": true,
	"previously": true, "formerly": true, "currently": true, "once": true, "subsequently": true}

// bothSubject reports whether "both" at token s is the subject of a
// clause.
func (d *docState) bothSubject(s int) bool {
	if s > d.sentLo[d.sentOf[s]] && !bothBefore[d.fold[s-1]] {
		return false
	}
	n := s + 1
	if n >= d.sentHi(s) || !isLowerWord(d.tokText[n]) || d.startM[n] >= 0 {
		return false
	}
	f := d.fold[n]
	return bothVerbs[f] || strings.HasSuffix(f, "ed") && len(f) > 4
}
