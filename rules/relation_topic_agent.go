package rules

// A place that stands for its government as an agent or a recipient is no
// victim, though the sentence speaks of attacks: "Beijing also said it would
// suspend the talks" (an adverb between the place and its verb), "the
// intrusions that taught Washington to worry about hackers" (the object of
// a verb of causing, before "to" and a verb: it is the one who learns),
// "access that offered Beijing a view of the wiretaps" (the one given
// something). placeActs covers a place that is the subject of a verb right
// after it.

// placeAdverbs may stand between a place and its verb: "Beijing also said".
var placeAdverbs = map[string]bool{"also": true, "later": true, "then": true, "again": true, "quickly": true,
	"publicly": true, "repeatedly": true, "swiftly": true, "officially": true, "formally": true}

// placeCausingVerbs take a place as the doer of an infinitive: "taught
// Washington to worry", "pushed Berlin to act".
var placeCausingVerbs = map[string]bool{"taught": true, "teach": true, "teaches": true, "pushed": true, "push": true,
	"pushes": true, "prompted": true, "prompt": true, "prompts": true, "forced": true, "force": true, "forces": true,
	"led": true, "leads": true, "urged": true, "urge": true, "urges": true, "persuaded": true, "convinced": true,
	"encouraged": true, "spurred": true, "spur": true, "spurs": true, "moved": true, "drove": true}

// placeGivingVerbs take a place as the recipient before the thing given:
// "offering Beijing a view", "gave Moscow an edge".
var placeGivingVerbs = map[string]bool{"offering": true, "offered": true, "offer": true, "offers": true,
	"giving": true, "gave": true, "give": true, "gives": true, "given": true, "handing": true, "handed": true,
	"hand": true, "hands": true, "granting": true, "granted": true, "grant": true, "grants": true,
	"affording": true, "afforded": true, "afford": true, "affords": true, "providing": true, "provided": true,
	"lending": true, "lent": true, "earning": true, "earned": true}

// placeRecipientDeterminers open the thing given after the recipient.
var placeRecipientDeterminers = map[string]bool{"a": true, "an": true, "the": true, "its": true, "their": true,
	"some": true, "more": true, "new": true, "unprecedented": true}

// placeActsLater reports whether the place at tokens [s, e) is the subject
// of a verb after an adverb ("Beijing also said"), the doer of an
// infinitive after a verb of causing ("taught Washington to worry"), or
// the recipient after a verb of giving ("offering Beijing a view").
func (d *docState) placeActsLater(s, e int) bool {
	hi := d.sentHi(s)
	if e+1 < hi && placeAdverbs[d.fold[e]] && d.isVerb(e+1) && !placeAuxiliaries[d.fold[e+1]] {
		if p := d.tokenBefore(s); p < 0 || !prepositions[d.fold[p]] && !victimPlaceWords[d.fold[p]] &&
			d.fold[p] != "and" && d.fold[p] != "," {
			return true
		}
	}
	p := d.tokenBefore(s)
	if p < 0 {
		return false
	}
	if placeCausingVerbs[d.fold[p]] && e+1 < hi && d.fold[e] == "to" && d.isVerb(e+1) {
		return true
	}
	return placeGivingVerbs[d.fold[p]] && e < hi && placeRecipientDeterminers[d.fold[e]]
}
