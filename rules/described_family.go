package rules

import "github.com/reportgraph/extractor"

// Some names are both a group's (the gazetteers' threat actor) and the
// malware family it was named after, or an alias a vendor once gave the
// group that is also a family's name. When the text lists the name among
// families ("two families specific to the group, Alder and Quince"; "the
// malware it used, including Tarn, Alder and Quince"), that mention is the
// malware: the list's head noun, a lower-case malware noun of the pack
// list described_malware_nouns written before the items in the same
// clause, says what the items are. The mention is retyped malware under
// its own name (not the actor's canonical name it was an alias of), and so
// are the document's other mentions written the same way, unless an actor
// noun follows them ("the X group").

// maxFamilyItems bounds the list items walked left of a mention, and
// maxFamilyHead the words between the list's opening and its head noun.
const (
	maxFamilyItems = 8
	maxFamilyHead  = 10
)

// familyIntro are the words that open a list after its head: "including",
// "such as", "namely", "together with", a colon or a comma.
var familyIntro = map[string]bool{"including": true, "include": true, "includes": true, "included": true,
	"as": true, "namely": true, "with": true, ":": true, ",": true}

// typeListedFamilies retypes threat-actor mentions listed among malware
// families (see above).
func (d *docState) typeListedFamilies() {
	nouns := d.p.described.nouns
	if len(nouns) == 0 {
		return
	}
	var listed map[string]bool // folded surfaces of the listed mentions the gazetteers know as code too
	changed := false
	d.cacheCode()
	defer d.stopCode()
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.party || c.typ != extractor.ThreatActor || c.tokE <= c.tokS || !d.capitalised(int(c.tokS)) {
			continue
		}
		if e := int(c.tokE) - 1; d.p.described.heads[d.fold[e]] {
			continue // "Lazarus Group": an actor's name
		}
		if d.listedAmongFamilies(int(c.tokS), int(c.tokE), nouns) {
			c.typ, c.subtype, c.canonical = extractor.Malware, "", ""
			d.forgetCode(int(c.tokS)) // a malware mention now: the sentence's first code may move
			changed = true
			if listed == nil {
				listed = map[string]bool{}
			}
			k := foldKey(d.text[c.start:c.end])
			listed[k] = listed[k] || d.gazKnowsAsCode(int(c.tokS), int(c.tokE))
		}
	}
	if !changed {
		return
	}
	// The document's other mentions written the same way follow when the
	// gazetteers know the name as a family or tool too, else only as the
	// subject of a passive or copula ("X was first documented in 2013", not
	// "X also sends lures"); never before an actor noun ("the X group").
	// An alias's mentions do not carry the actor's other names.
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.party || c.typ != extractor.ThreatActor {
			continue
		}
		known, ok := listed[foldKey(d.text[c.start:c.end])]
		if !ok {
			continue
		}
		if e := int(c.tokE); !known && !(e < len(d.fold) && familyPassive[d.fold[e]]) {
			continue // "X also sends lures": an actor's act needs its own malware context
		}
		if e := int(c.tokE); e < len(d.fold) && d.p.described.heads[d.fold[e]] && d.lower(e) {
			continue
		}
		c.typ, c.subtype, c.canonical = extractor.Malware, "", ""
	}
	d.index()
}

// familyPassive are the words after a listed name's other mention that
// let it follow the list: a passive or a copula says nothing of an actor.
var familyPassive = map[string]bool{"was": true, "is": true, "were": true, "are": true, "has": true, "had": true}

// gazKnowsAsCode reports whether a gazetteer names tokens [s, e) as
// malware or a tool.
func (d *docState) gazKnowsAsCode(s, e int) bool {
	found := false
	d.gazNamesAt(s, e, func(h *gazHit, j int) bool {
		if t := d.p.gaz.entries[h.entry].typ; j == e && (t == extractor.Malware || t == extractor.Tool) {
			found = true
			return false
		}
		return true
	})
	return found
}

// listedAmongFamilies reports whether the mention at tokens [s, e) is an
// item of a list whose head before it is a malware noun.
func (d *docState) listedAmongFamilies(s, e int, nouns map[string]bool) bool {
	si := int(d.sentOf[s])
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	// The list goes on after the mention ("X and Y", "X, Y") or the
	// mention ends it ("..., Y and X").
	after := e < hi && (d.fold[e] == "and" || d.fold[e] == "or" ||
		d.fold[e] == "," && e+1 < hi && d.capitalised(e+1) && d.listItemWord(e+1))
	k := s - 1
	seps := 0
	for items := 0; k >= lo && items <= maxFamilyItems; k-- {
		f := d.fold[k]
		if f == "and" || f == "or" || f == "," {
			seps++
			continue
		}
		if !d.capitalised(k) || !d.listItemWord(k) {
			break
		}
		items++
	}
	if k < lo || !familyIntro[d.fold[k]] {
		// the comma the walk took for a separator opens the list
		if k+1 < s && d.fold[k+1] == "," {
			k++
			seps--
		} else {
			return false
		}
	}
	if !after && seps == 0 {
		return false
	}
	if d.fold[k] == "as" && !(k-1 >= lo && d.fold[k-1] == "such") {
		return false
	}
	if d.fold[k] == "with" && !(k-1 >= lo && (d.fold[k-1] == "together" || d.fold[k-1] == "along")) {
		return false // "were associated with X": no list
	}
	agentEnd := k - 1 // the last word before the list's opening
	for agentEnd > lo && (d.fold[agentEnd] == "," || d.fold[agentEnd] == "such" || d.fold[agentEnd] == "together" || d.fold[agentEnd] == "along") {
		agentEnd--
	}
	for j, n := k-1, 0; j >= lo && n < maxFamilyHead; j, n = j-1, n+1 {
		f := d.fold[j]
		if d.p.described.heads[f] && d.lower(j) && !(j+1 < hi && d.fold[j+1] == "of") && !d.prepObject(j, lo) {
			return false // "the groups, X and Y": actors; not "specific to the group, X and Y"
		}
		if nouns[f] && d.lower(j) && d.codeNoun(j) {
			return true // "two malware households": a qualified noun needs its qualifier (codeNoun)
		}
		if f == "by" && d.p.described.heads[d.fold[agentEnd]] {
			continue // "families of malware used by the crew, including X": the agent is one actor
		}
		if f == "." || f == ";" || familyHeadStops[f] || possessive(f) {
			return false // "deployed by affiliates, including X"; "the malware's developers, X"
		}
	}
	return false
}

// familyHeadStops end the walk back to a list's head: a passive's agent
// ("was deployed by affiliates, including X", unless the agent is an actor
// noun: "malware used by the crew, including X"), a possessive ("the
// malware's developers, namely X") or a copula ("the loader is used by
// clusters such as X") puts the malware noun outside the list's head.
var familyHeadStops = map[string]bool{"by": true, "is": true, "are": true, "was": true, "were": true}

// listItemWord reports whether token k may be a word of a listed name:
// a word with a letter or digit that is no function word.
func (d *docState) listItemWord(k int) bool {
	f := d.fold[k]
	if descStops[f] || descArticles[f] {
		return false
	}
	for _, r := range f {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 {
			return true
		}
	}
	return false
}

// familyPreps are prepositions whose object is no list head ("specific to
// the group", "used by the crew").
var familyPreps = map[string]bool{"to": true, "by": true, "of": true, "for": true, "from": true, "with": true}

// prepObject reports whether the noun at j is the object of a preposition:
// one of familyPreps before it, an article or possessive between.
func (d *docState) prepObject(j, lo int) bool {
	for k, n := j-1, 0; k >= lo && n < 3; k, n = k-1, n+1 {
		f := d.fold[k]
		if familyPreps[f] {
			return true
		}
		if !(descArticles[f] || f == "its" || f == "their" || f == "this" || f == "that") {
			return false
		}
	}
	return false
}
