package rules

import "github.com/reportgraph/extractor"

// A title's foil. A headline that names an actor as its subject and
// another as the one it copies ("SideCopy: hackers dress up as
// SideWinder", "Kestrel Bear mimics Copperfin to fool analysts") is about
// the first: the second is named to say whom the subject imitates, and the
// report names it often while telling what was copied. The foil is not the
// topic (relation_topic.go): its mentions count for no topic while the
// title's subject is an actor of its own.

// foilWords introduce, in a title, the actor the subject copies or is
// compared with.
var foilWords = map[string]bool{"mimic": true, "mimics": true, "mimicking": true, "mimicked": true,
	"imitate": true, "imitates": true, "imitating": true, "imitated": true,
	"impersonate": true, "impersonates": true, "impersonating": true, "impersonated": true,
	"copy": true, "copies": true, "copying": true, "copied": true,
	"as": true, "like": true, "than": true}

// foilAsBlockers before "as" make it no comparison: an alias ("known as",
// "tracked as"), an example ("such as") or a conjunction ("as well as").
var foilAsBlockers = map[string]bool{"such": true, "known": true, "well": true, "tracked": true,
	"dubbed": true, "named": true, "called": true, "identified": true, "labelled": true, "labeled": true,
	"referred": true, "designated": true, "aka": true, "same": true}

// foilReach is how many tokens after a foil word the foil's name may start
// ("as the SideWinder group").
const foilReach = 3

// titleFoils returns the keys (entityKey) of the actors the title names
// after a foil word, when the title names before it another actor, its
// subject; nil when there is none.
func (d *docState) titleFoils() map[string]bool {
	return d.titleFoilsBy(func(k int) string { return d.entityKey(&d.acc[k]) }) // relation_fallback.go
}

// titleFoilsBy is titleFoils with the key of mention k given by keyOf.
func (d *docState) titleFoilsBy(keyOf func(k int) string) map[string]bool {
	actor := maskOf(extractor.ThreatActor)
	var foils map[string]bool
	subjects := map[string]bool{}
	foilAt := -1 // token index of the last foil word seen in the title
	for k := range d.acc {
		c := &d.acc[k]
		if int(c.tokS) >= len(d.sentOf) {
			break
		}
		si := int(d.sentOf[c.tokS])
		if !d.titleSentence(si) {
			if si > topicTitleSentences {
				break
			}
			continue
		}
		if maskOf(c.typ)&actor == 0 {
			continue
		}
		key := keyOf(k)
		s := int(c.tokS)
		foilAt = -1
		for j := s - 1; j >= s-foilReach && j >= d.sentLo[si]; j-- {
			if d.foilWord(j) {
				foilAt = j
				break
			}
		}
		if foilAt >= 0 {
			if len(subjects) > 0 && !subjects[key] {
				if foils == nil {
					foils = map[string]bool{}
				}
				foils[key] = true
			}
			continue
		}
		subjects[key] = true
	}
	for key := range foils {
		if subjects[key] {
			delete(foils, key)
		}
	}
	return foils
}

// foilWord reports whether token j is a foil word ("as" not after an
// alias or example word, nor opening "as well as").
func (d *docState) foilWord(j int) bool {
	w := d.fold[j]
	if !foilWords[w] {
		return false
	}
	if w == "as" && (j > 0 && foilAsBlockers[d.fold[j-1]] || j+1 < len(d.fold) && d.fold[j+1] == "well") {
		return false // "known as B", "such as B", "A as well as B"
	}
	return true
}
