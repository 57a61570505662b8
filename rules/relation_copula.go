package rules

import (
	"slices"
	"strings"
)

// Predicates of description. "Mandiant describes APT41 as a Chinese
// state-sponsored group" says what "APT41 is a Chinese state-sponsored
// group" says, with Mandiant as the source of the claim; "prosecutors
// portrayed the firm as a contractor for the MSS" likewise. The relation
// rules state their predicates with a copula ("X is a unit of Y", "X is a
// contractor for Y"), so for them a description verb, its object and "as"
// read as the object and "is": the "as" is rewritten while a sentence is
// matched, as a bullet list's colon is (relation_lists.go). Naming verbs
// ("tracks X as", "identifies X as", "calls X") are left alone: their
// complement is another name for X, not a description of it.

// describeVerbs are the verbs whose object the complement after "as"
// describes.
var describeVerbs = map[string]bool{"describe": true, "describes": true, "described": true, "describing": true,
	"characterise": true, "characterises": true, "characterised": true, "characterising": true,
	"characterize": true, "characterizes": true, "characterized": true, "characterizing": true,
	"portray": true, "portrays": true, "portrayed": true, "portraying": true,
	"depict": true, "depicts": true, "depicted": true, "depicting": true,
	"regard": true, "regards": true, "regarded": true, "regarding": false,
	"view": true, "views": true, "viewed": true, "sees": true, "saw": true}

// describedObjects are the pronouns that may be such an object.
var describedObjects = map[string]bool{"it": true, "them": true, "him": true, "her": true}

// copulaRewrites appends to buf the rewrites of the sentence [lo, hi) that
// turn "as" after a description verb and its object into "is": the
// object is a mention, a pronoun, or "the" and one noun ("the group").
func (d *docState) copulaRewrites(lo, hi int, buf []tokRewrite) []tokRewrite {
	buf = buf[:0]
	if !slices.Contains(d.fold[lo:hi], "as") {
		return buf // every rewrite is of an "as": spares a map lookup per token
	}
	for i := lo; i+2 < hi; i++ {
		if !describeVerbs[d.fold[i]] {
			continue
		}
		j := i + 1
		switch {
		case d.startM[j] >= 0:
			j = int(d.acc[d.startM[j]].tokE)
		case describedObjects[d.fold[j]]:
			j++
		case d.fold[j] == "the" && j+2 < hi && isLowerWord(d.tokText[j+1]):
			j += 2
		default:
			continue
		}
		// A participle after "as" ("describing it as associated with Y")
		// is the rules' own phrasing already; only a noun phrase or an
		// adjective ("as a contractor for Y", "as state-sponsored") is read.
		if j+1 < hi && d.fold[j] == "as" && !pastParticiple(d.fold[j+1]) {
			buf = append(buf, tokRewrite{i: j, text: "is"})
		}
	}
	return buf
}

// pastParticiple reports whether w looks like a plain past participle
// ("associated", "linked"), not a compound adjective ("state-sponsored").
func pastParticiple(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "ed") && !strings.Contains(w, "-")
}

// describedObject reports whether the pronoun at token i is the object of
// a description verb and its "as" (read as "is"): "Prosecutors described
// him as an officer of Y" says "he is an officer of Y", so the object
// pronoun is the subject of the rewritten clause.
func (d *docState) describedObject(i int) bool {
	if i == 0 || i+1 >= len(d.fold) || d.sentOf[i-1] != d.sentOf[i] || d.sentOf[i+1] != d.sentOf[i] {
		return false
	}
	return describeVerbs[d.fold[i-1]] && describedObjects[d.fold[i]] && (d.fold[i+1] == "as" || d.fold[i+1] == "is")
}
