package rules

import (
	"slices"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
)

// List intros. Reports introduce a list with a sentence that states the
// relation and leave the items bare:
//
//	Victims included:
//	- Harbor Freight Lines
//	- the Ministry of Transport
//
//	Kestrel Bear's toolkit includes:
//	- PlugX
//	- Mimikatz
//
// The relation rules read such a block only when the intro is a clause
// their patterns know (relation_lists.go); an intro without a verb, or
// whose actor is the report's topic ("Sectors singled out:", "Its toolkit
// includes:"), gives nothing. A topic rule with `intros` reads these
// lists: the first mention of the rule's target types in each item is a
// target when the intro holds one of the intro words. The source is the
// one actor the intro names, or else the topic actor (the document's, or
// the intro's paragraph's). A negated intro ("did not target the
// following:") gives nothing; its hedges are the relations' hedges.

// listItem is one bullet item of a list read with its intro.
type listItem struct {
	intro      int32 // sentence index of the intro (ends in ":")
	start, end int32 // tokens of the item, from its bullet mark
	// label: the item is the rest of a labelled bullet ("- **Victim:**
	// Harbor Lines Group"), its intro the label, before token start (the
	// colon) in sentence intro.
	label bool
	// labLo, labHi: a table cell's label, its header or the cell before
	// it (relation_table_labels.go), when labHi > 0; table: the table's
	// first token, before which its actor is not sought.
	labLo, labHi, table int32
	// box: 1 + the fact box's actor mention (the first row that names an
	// actor: "| Code name | Kestrel Bear |"), or 0; a later row naming
	// another actor ("| Overlaps with | Turla |") does not take its facts.
	box int32
}

// Labelled bullets. A fact box lists one fact a line, each after a label:
//
//	## Key facts
//	- **Victim:** Harbor Lines Group, a port operator in Tallinn.
//	- **Malware:** Quillbane, a loader
//
// The label is the intro of the rest of its line: a list-intro rule
// whose intro phrase ends the label ("Victim", "Sectors hit", "Tools
// used"; not "Victim count") reads the rest as an item of its own, its
// first mention of the rule's target types listed when it opens the rest
// (after emphasis marks or an article), with the names coordinated with
// it, for the
// actor the line names, else the one named before it in its section, else
// the topic (relation_fallback.go). Only the label cues: "- **Where:**
// victims in East Asia" lists nothing. (A topic rule's `labels` cue whole
// lines for the topic rules, relation_topic_labels.go; these are the
// list-intro rules' items, with their intro phrases.)

// labelMaxWords is the longest label, in words.
const labelMaxWords = 4

// labelItems returns the labelled bullets' items, ordered by start. A
// labelled bullet inside a list read with its intro is an item of both, the
// label's from its colon on: either may list its name.
func (d *docState) labelItems() []listItem {
	var items []listItem
	for si := range d.sents {
		lo, hi := d.sentLo[si], d.sentLo[si+1]
		if hi-lo < 4 || !bulletMarks[d.tokText[lo]] {
			continue
		}
		t, words := lo+1, 0
		for t < hi && emphasisMarks[d.tokText[t]] {
			t++
		}
		for t < hi && words <= labelMaxWords && isWordToken(d.fold[t]) {
			t, words = t+1, words+1
		}
		for t < hi && emphasisMarks[d.tokText[t]] {
			t++
		}
		if words == 0 || words > labelMaxWords || t >= hi-1 || d.tokText[t] != ":" {
			continue
		}
		items = append(items, listItem{intro: int32(si), start: int32(t), end: int32(hi), label: true})
	}
	if cells := d.tableLabelItems(); len(cells) > 0 {
		items = append(items, cells...)
		sort.Slice(items, func(a, b int) bool { return items[a].start < items[b].start })
	}
	return items
}

// itemCued reports whether item it's intro holds a phrase of ps: a
// labelled bullet's label (withLabelItems), or the intro of a list.
func (d *docState) itemCued(ps *phraseSet, it listItem) bool {
	if it.label {
		return d.labelEndsInCue(ps, it)
	}
	return d.introCued(ps, int(it.intro))
}

// labelEndsInCue reports whether the label of the labelled bullet it ends
// in a phrase of ps (emphasis marks aside): "- **Victims:**" and "-
// **Sectors hit:**" state the relation; "- **Victim count:**" and "-
// **Infected machines:**" say something else of the victims.
func (d *docState) labelEndsInCue(ps *phraseSet, it listItem) bool {
	lo, end := d.sentLo[it.intro], int(it.start)
	if it.labHi > 0 {
		lo, end = int(it.labLo), int(it.labHi)
	}
	for end > lo && emphasisMarks[d.tokText[end-1]] {
		end--
	}
	var buf [4]int
	for i := lo; i < end; i++ {
		if slices.Contains(ps.ends(d, i, end, buf[:0]), end) {
			return true
		}
	}
	return false
}

// labelValueOpens reports whether mention k opens the value of the
// labelled bullet it, after emphasis marks or an article: "- **Victim:**
// the Hallick Group" lists it; "- **Victims:** 12, according to Mandiant"
// does not list Mandiant.
func (d *docState) labelValueOpens(it listItem, k int) bool {
	t := int(it.start) + 1
	for t < int(it.end) && (emphasisMarks[d.tokText[t]] || d.fold[t] == "the" || d.fold[t] == "a" || d.fold[t] == "an") {
		t++
	}
	return int(d.acc[k].tokS) == t
}

// listItems returns the items of every bullet list that follows a sentence
// ending in ":", ordered by start.
func (d *docState) listItems() []listItem {
	var out []listItem
	var rw []tokRewrite
	for si := range d.sents {
		var end int
		if end, rw = d.listBlockOf(si, rw, true); end == 0 {
			if end, rw = d.headingListBlock(si, rw, true); end == 0 {
				continue
			}
		}
		first := len(out)
		for _, r := range rw {
			if r.text == "the" || r.text == "and" { // a bullet mark
				out = append(out, listItem{intro: int32(si), start: int32(r.i)})
			}
		}
		for j := first; j < len(out); j++ {
			if j+1 < len(out) {
				out[j].end = out[j+1].start
			} else {
				out[j].end = int32(end)
			}
			out[j].end = d.itemOpening(out[j].start, out[j].end)
		}
	}
	if rows := d.tableListItems(); len(rows) > 0 {
		out = append(out, rows...)
		sort.Slice(out, func(a, b int) bool { return out[a].start < out[b].start })
	}
	return out
}

// itemOpening returns the end of the item [start, end)'s opening: the
// item, up to a later sentence on the line of the sentence before it (a
// remark on the listed name, listBody), whose names the item does not
// list.
func (d *docState) itemOpening(start, end int32) int32 {
	for s := int(d.sentOf[start]) + 1; s < len(d.sents); s++ {
		a := d.sentLo[s]
		if a >= int(end) {
			break
		}
		if e := d.tokText[a-1]; (e == "." || e == "!" || e == "?") && d.sameLine(a) {
			return int32(a)
		}
	}
	return end
}

// itemAt returns the item holding token t.
func itemAt(items []listItem, t int) (listItem, bool) {
	j := sort.Search(len(items), func(j int) bool { return int(items[j].start) > t }) - 1
	if j >= 0 && t < int(items[j].end) {
		return items[j], true
	}
	return listItem{}, false
}

// firstInItem reports whether mention k is the first mention of a type in
// mask in its item: "- foreign manufacturers in Vietnam" lists a victim,
// and the place only says where it is. The examples the first mention
// opens are listed too: "- transportation, including seaports and rail
// hubs".
func (d *docState) firstInItem(it listItem, k int, mask typeMask) bool {
	if it.labHi > 0 {
		return d.cellListed(it, k, mask) // relation_table_labels.go
	}
	first := -1
	for t := int(it.start); t < int(d.acc[k].tokS); t++ {
		if mi := d.typedMentionAt(t, mask); mi >= 0 {
			first = int(mi)
			break
		}
	}
	if it.label {
		// A labelled bullet lists the name that opens its value, and the
		// names coordinated with it or its examples.
		if first < 0 {
			return d.labelValueOpens(it, k)
		}
		if !d.labelValueOpens(it, first) {
			return false
		}
	}
	return first < 0 || d.examplesOf(first, k, mask) || d.coordinatedWith(first, k, mask, int(it.end)) ||
		d.possessedAfter(first, k) // relation_list_possessed.go
}

// typedMentionAt returns the visible mention of a type in mask that starts
// at token t, or -1.
func (d *docState) typedMentionAt(t int, mask typeMask) int {
	if mi := d.startM[t]; mi >= 0 && !d.acc[mi].hide && maskOf(d.acc[mi].typ)&mask != 0 {
		return int(mi)
	}
	return -1
}

// coordinatedWith reports whether mention k follows mention first in a
// coordination of names of a type in mask: only such names, commas, "and",
// "or" and emphasis marks stand between ("- schools and charities"). The
// coordination may go on up to token stop (a list item's end, or its
// sentence's), not past it.
func (d *docState) coordinatedWith(first, k int, mask typeMask, stop int) bool {
	t, end := int(d.acc[first].tokE), int(d.acc[k].tokS)
	conj := false
	for t < end {
		if mi := d.typedMentionAt(t, mask); mi >= 0 {
			t = int(d.acc[mi].tokE)
			continue
		}
		switch d.fold[t] {
		case "and", "or":
			conj = true
		// (Markdown emphasis around the names: "- **LockBit** and **Hive**";
		// an article before one: "Brunei, the Philippines and Bhutan".)
		case ",", "*", "**", "_", "__", "the":
		default:
			return false
		}
		t++
	}
	return conj || d.coordinationGoesOn(k, mask, stop)
}

// coordinationGoesOn reports whether the names of a type in mask that
// follow mention k, with commas between, end in "and" or "or" and one more
// such name: "Afghanistan, India, Iran and Thailand" lists India, though
// only a comma stands between it and the first ("Paris, France" alone is a
// city and its country). The names are read up to token end at most, a
// list item's end or the sentence's.
func (d *docState) coordinationGoesOn(k int, mask typeMask, end int) bool {
	t, hi := int(d.acc[k].tokE), min(end, int(d.sentLo[d.sentOf[d.acc[k].tokS]+1]))
	for t < hi {
		if mi := d.typedMentionAt(t, mask); mi >= 0 {
			t = int(d.acc[mi].tokE)
			continue
		}
		switch d.fold[t] {
		case "and", "or":
			for t++; t < hi && (d.fold[t] == "the" || d.emphasis(t)); t++ {
			}
			if t >= hi {
				return false
			}
			return d.typedMentionAt(t, mask) >= 0
		case ",", "*", "**", "_", "__", "the":
		default:
			return false
		}
		t++
	}
	return false
}

// itemExampleWords open the examples of a listed name ("transportation,
// including seaports").
var itemExampleWords = map[string]bool{"including": true, "such": true, "as": true, "notably": true,
	"especially": true, "particularly": true, "e.g.": true, "like": true, "chiefly": true, "mainly": true}

// examplesOf reports whether mention k stands in the enumeration of
// examples right after mention first: an example word after it, then only
// names of a type in mask, commas, "and" and "or".
func (d *docState) examplesOf(first, k int, mask typeMask) bool {
	t, end := int(d.acc[first].tokE), int(d.acc[k].tokS)
	if t < end && d.fold[t] == "," {
		t++
	}
	opened := false
	for t < end && itemExampleWords[d.fold[t]] {
		opened = true
		t++
	}
	if !opened {
		return false
	}
	for t < end {
		if mi := d.typedMentionAt(t, mask); mi >= 0 {
			t = int(d.acc[mi].tokE)
			continue
		}
		if f := d.fold[t]; f != "," && f != "and" && f != "or" {
			return false
		}
		t++
	}
	return true
}

// listIntroReach is how many sentences before its intro a list's actor
// may be named, as for a noun-phrase anaphor ("the group").
const listIntroReach = 8

// introSource returns the mention of the one actor the intro sentence si
// names (the last of its mentions there), -1 when it names none and -2
// when it names several: a list after "A and B used:" is no one's.
func (d *docState) introSource(si int32, keys []string, isActor func(k int) bool) int {
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	found, key := -1, ""
	for t := lo; t < hi; t++ {
		k := int(d.startM[t])
		if k < 0 || d.acc[k].hide || !isActor(k) {
			continue
		}
		if found >= 0 && keys[k] != key {
			return -2
		}
		found, key = k, keys[k]
	}
	return found
}

// nearestActorBefore returns the last actor mention in the listIntroReach
// sentences before the intro si, or -1: "Its toolkit includes:" and
// "Sectors singled out:" speak of the actor in focus, as "victims" does.
// The search stops at the heading of the intro's section: an actor the
// section before compared or set apart ("We track Slate Heron
// separately." under "Background") is not the one "## Targeting" lists
// victims for, and the caller falls back on the report's topic.
func (d *docState) nearestActorBefore(si int32, isActor func(k int) bool) int {
	from := max(0, int(si)-listIntroReach)
	if h := d.sectionHeading(int(si)); h > from {
		from = h
	}
	lo := d.sentLo[from]
	for t := d.sentLo[si] - 1; t >= lo; t-- {
		if k := int(d.startM[t]); k >= 0 && !d.acc[k].hide && isActor(k) {
			return k
		}
	}
	return -1
}

// introBackrefs are the words of a short intro that points back to the
// sentence before it: "The victims ranged from small firms to banks.
// Among them were:" lists victims though its own words do not say so; so
// does "The ones the vendor described include:" after "The victims ...".
var introBackrefs = map[string]bool{"them": true, "these": true, "they": true, "those": true, "ones": true}

// introBackrefMax is the longest intro (in tokens) read with the sentence
// before it.
const introBackrefMax = 6

// introCued reports whether the intro sentence si holds a phrase of ps,
// or is a short intro that names nothing but, at most, the company that
// reports ("The ones Acme described include:") and points back ("Among
// them were:", "These included:") to a sentence before it that holds one.
func (d *docState) introCued(ps *phraseSet, si int) bool {
	if d.introCuedOwn(ps, si) {
		return true
	}
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	if si == 0 || d.blankLineBefore(lo) {
		return false
	}
	back := false
	n := 0 // tokens, a company's name counted as one
	for i := lo; i < hi; i++ {
		n++
		if m := d.startM[i]; m >= 0 {
			if d.acc[m].hide || d.acc[m].typ != extractor.Organization {
				return false
			}
			if e := int(d.acc[m].tokE); e > i+1 && e <= hi {
				i = e - 1
			}
			continue
		}
		back = back || introBackrefs[d.fold[i]]
	}
	return back && n <= introBackrefMax && d.introCuedOwn(ps, si-1)
}

// introCuedOwn reports whether sentence si holds a phrase of ps that no
// possessive mark follows: "The victims' lawyers included:" lists the
// lawyers, not the victims.
func (d *docState) introCuedOwn(ps *phraseSet, si int) bool {
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	var buf [4]int
	for i := lo; i < hi; i++ {
		for _, e := range ps.ends(d, i, hi, buf[:0]) {
			if e < hi && (d.tokText[e] == "'" || d.tokText[e] == "’" || d.fold[e] == "'s" || d.fold[e] == "’s") {
				continue
			}
			return true
		}
	}
	return false
}

// introCues returns whether the intro sentence si is negated, and its
// hedges.
func (d *docState) introCues(si int32) (bool, string) {
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	return d.relationCues(lo, hi-1)
}

// introSpan is the evidence sentence of an item's relation: the intro
// through the item.
func (d *docState) introSpan(it listItem) extractor.Span {
	last := d.sentOf[it.end-1]
	return extractor.Span{Start: d.sents[it.intro].Start, End: d.sents[last].End}
}

// listMembers runs the topic rules whose items are the sources: after
// "The Treasury sanctioned four officials of the Zarand Cyber Command:"
// each item's person, when it is the item's first mention, is employed by
// the command. The target is the mention right after an intro phrase (a
// determiner may stand between); a negated intro gives nothing.
//
// In a report about a hacking company (company, see companyTopic in
// relation_fallback.go) a bare intro ("The nine defendants are:") lists
// the company's people: a rule whose target is an organisation, not an
// actor, relates each item's person to the company (the mention nearest
// before the intro), unless a rule related the two already ("- X, a
// founder of the company"); and the members-list rules give the people to
// no actor.
func (d *docState) listMembers(rs *relState, company *topicSource) {
	var items []listItem
	for _, tr := range d.p.topics {
		if !tr.itemsSource {
			continue
		}
		if items == nil {
			if items = d.listItems(); items == nil {
				return
			}
		}
		party, intro := -1, int32(-1)
		hedge, coref := "", ""
		fromCompany := false
		for _, it := range items {
			if it.intro != intro {
				intro = it.intro
				party, coref = d.introParty(tr, intro), ""
				fromCompany = false
				split, own := true, -1
				if party < 0 && tr.typ == "part-of" {
					split, own = d.splitsOneActor(tr, intro)
				}
				org := maskOf(extractor.Organization)
				if party < 0 && company != nil && tr.tgtMask&org != 0 && tr.tgtMask&maskOf(extractor.ThreatActor) == 0 &&
					d.bareIntro(tr, intro) {
					// The company's mention nearest before the intro: as
					// for an actor below, one named only after the list is
					// no antecedent of the bare intro.
					for _, m := range company.ms {
						if d.acc[m].start < d.sents[intro].Start {
							party = m
						}
					}
					if party >= 0 {
						coref = "list intro → " + d.surface(&d.acc[party]) + " " + TopicCorefNote
						fromCompany = true
					}
				}
				if party < 0 && company == nil && tr.tgtMask == maskOf(extractor.ThreatActor) && d.bareIntro(tr, intro) && split {
					// "The Treasury named seven members:" in a report
					// about one actor: its members.
					at := d.sents[intro].Start
					unresolved := false
					if tr.typ == "part-of" {
						// "It described Kestrel as an umbrella linked to
						// APT10. Acme splits the group into three teams:":
						// the group is the actor the sentence before names
						// first, not one it compared it with; else the
						// report's actor.
						// Two actors there leave "the group" unresolved:
						// no relation rather than a guess.
						if party = own; party < 0 {
							party = d.firstActorIn(int(intro)-1, tr.tgtMask)
						}
						if party == ambiguousActor {
							party, unresolved = -1, true
						} else if party < 0 {
							if party = d.topicActor(at, nil); party >= 0 && d.paragraphNamesOther(int(intro), party, tr.tgtMask) {
								party, unresolved = -1, true
							}
						}
					}
					if party < 0 && !unresolved {
						// The list's members are those of an actor the
						// report has named before it: one it names only
						// later (the industry's names for the crew, at the
						// end of a release about a company's indictment)
						// is no antecedent of the bare intro.
						if party = rs.topicMention(int(intro), at, tr.tgtMask, nil); party < 0 || d.acc[party].start >= at {
							party = d.topicActor(at, nil) // relation_topic.go
						}
					}
					if party >= 0 {
						coref = "list intro → " + d.surface(&d.acc[party]) + " " + TopicCorefNote
					}
				}
				if party >= 0 {
					var negated bool
					if negated, hedge = d.introCues(intro); negated {
						party = -1
					}
				}
			}
			if party < 0 {
				continue
			}
			k := d.firstMention(it)
			if k < 0 || maskOf(d.acc[k].typ)&tr.srcMask == 0 {
				continue
			}
			// The names coordinated with the first count too: "- LockBit
			// and Hive".
			for _, m := range d.coordinatedFrom(it, k, tr.srcMask) {
				c, p := &d.acc[m], &d.acc[party]
				if m == party || d.surface(c) == d.surface(p) {
					continue // the topic fell on an item itself
				}
				if company != nil && d.acc[party].typ == extractor.Organization && rs.relates(d, m, company) {
					continue // "- X, a founder of the company": said already
				}
				if fromCompany && d.itemOtherRole(it, m, party) {
					continue // "- X, a former client;", "- Y, a lawyer at Quillbank;"
				}
				rs.out = append(rs.out, RelationMatch{Type: tr.typ,
					Source: extractor.Span{Start: c.start, End: c.end}, Target: extractor.Span{Start: p.start, End: p.end},
					Sentence: d.introSpan(it), Rule: tr.r.id, Priority: tr.r.prio, Hedge: hedge, Coref: coref})
			}
		}
	}
}

// bareIntro reports whether intro sentence si holds one of tr's intro
// phrases with no party after it: the phrase, at most three lower-case
// words that name nobody ("today are"), and the colon that ends the
// intro (or the end of a heading over the list). "The governments named
// seven members:", "Among the eleven designated today are:", "## Sanctioned
// individuals". Not "members of the alliance:", whose party is
// not the report's actor.
func (d *docState) bareIntro(tr topicRule, si int32) bool {
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	colon := hi - 1
	for colon > lo && d.fold[colon] != ":" {
		colon--
	}
	if colon <= lo {
		colon = hi // a heading over the list: "## Sanctioned individuals"
	}
	var buf [4]int
	for t := lo; t < colon; t++ {
		if d.introObject(lo, t) {
			continue // "The victims who testified against the defendants are:"
		}
		for _, e := range tr.intros.ends(d, t, colon, buf[:0]) {
			end := colon
			if d.eachAside(e, colon) {
				end = e
			} else if colon-e > 3 {
				continue
			}
			ok := true
			for j := e; j < end; j++ {
				if d.startM[j] >= 0 || !isLowerWord(d.tokText[j]) || bareIntroStops[d.fold[j]] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// firstActorIn returns the subject of sentence si when it is a visible
// mention of a type in mask ("Unlike APT10, Kestrel Bear works in small
// units": Kestrel Bear, subjectStart), else the first such mention in it,
// when si is a sentence of prose (no bullet item, heading or table row),
// or -1.
//
// The subject may not be coordinated with another such mention ("APT99
// and Kestrel Bear share servers"): firstActorIn then returns
// ambiguousActor, and the caller gives no relation.
func (d *docState) firstActorIn(si int, mask typeMask) int {
	if si < 0 || si+1 >= len(d.sentLo) {
		return -1
	}
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	if hi-lo < 4 || bulletMarks[d.tokText[lo]] || d.tokText[lo] == "|" || d.headingLike(si) {
		return -1
	}
	if s := d.subjectStart(si); s >= 0 {
		if k := int(d.startM[s]); k >= 0 && !d.acc[k].hide && maskOf(d.acc[k].typ)&mask != 0 {
			for t := int(d.acc[k].tokE); t < int(hi); t++ {
				if m := int(d.startM[t]); m >= 0 && !d.acc[m].hide && maskOf(d.acc[m].typ)&mask != 0 &&
					d.entityKey(&d.acc[m]) != d.entityKey(&d.acc[k]) && d.coordinatedWith(k, m, mask, int(hi)) {
					return ambiguousActor
				}
			}
			return k
		}
	}
	for t := lo; t < hi; t++ {
		if k := int(d.startM[t]); k >= 0 && !d.acc[k].hide && maskOf(d.acc[k].typ)&mask != 0 {
			return k
		}
	}
	return -1
}

// ambiguousActor is firstActorIn's answer for a sentence whose subject is
// two actors.
const ambiguousActor = -2

// paragraphNamesOther reports whether the paragraph of sentence si, up to
// and including si, names a mention of a type in mask that is another
// entity than mention k: "the group" of a list intro there may be that one,
// so the report's actor k is no safe fallback.
func (d *docState) paragraphNamesOther(si, k int, mask typeMask) bool {
	key := d.entityKey(&d.acc[k])
	for j := si; j >= 0; j-- {
		lo, hi := d.sentLo[j], d.sentLo[j+1]
		for t := lo; t < hi; t++ {
			if m := int(d.startM[t]); m >= 0 && !d.acc[m].hide && maskOf(d.acc[m].typ)&mask != 0 &&
				d.entityKey(&d.acc[m]) != key {
				return true
			}
		}
		if j == 0 || lo < hi && d.blankLineBefore(int(lo)) && !d.itemOfIntro(j) || d.headingLike(j) || d.headingLike(j-1) {
			return false
		}
	}
	return false
}

// eachAside reports whether tokens [e, colon) are an aside that says how
// each listed part is named or what it does, and names nobody: ", each
// named after its main malware" in "splits the group into two teams, each
// named after its main malware:".
func (d *docState) eachAside(e, colon int) bool {
	if e+1 >= colon || d.fold[e] != "," || !d.p.eachAside[d.fold[e+1]] {
		return false
	}
	for j := e + 1; j < colon; j++ {
		if d.startM[j] >= 0 {
			return false
		}
	}
	return true
}

// listEachAsideWords names the pack list of the words that open an aside
// on the parts a list names (", each named after its malware").
const listEachAsideWords = "list_each_aside_words"

// listTeamSplitObjects names the pack list of the nouns of what a team
// list's intro splits: one actor ("splits the group into two teams:").
const listTeamSplitObjects = "team_split_objects"

// listTeamSplitVerbs names the pack list of the participles of splitting
// ("split", "divided", "broken"): before a team list's intro phrase they
// make the actor before them the one split, whatever the tagger says.
const listTeamSplitVerbs = "team_split_verbs"

// splitsOneActor reports whether the intro sentence si of a part-of list
// splits one actor into teams: the word before its intro phrase is one of
// the pack list team_split_objects ("the group", "its operators"), a
// passive participle ("Kestrel Bear is split into six teams:") or ends a
// threat actor's name ("splits Kestrel Bear into two teams:", "Kestrel
// Bear operates three teams:"). "We sort the actors we track into three
// groups:" lists separate actors. own is the actor the intro itself names
// as the one split (the name before the phrase, else the sentence's
// subject: "Unlike APT10, APT41 splits its operators into two teams:"), or
// -1.
func (d *docState) splitsOneActor(tr topicRule, si int32) (ok bool, own int) {
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	var buf [4]int
	for t := lo + 1; t < hi; t++ {
		if len(tr.intros.ends(d, t, hi, buf[:0])) == 0 {
			continue
		}
		if k := d.endingAt(t); k >= 0 && d.acc[k].typ == extractor.ThreatActor {
			return true, k
		}
		passive, splitBy := d.splitVerbBefore(lo, t)
		if splitBy >= 0 {
			// "APT28 split into three crews:" (the tagger reads
			// "split" after a name as a noun), "Kestrel Bear is now
			// split into three teams:"
			if k := d.endingAt(splitBy); k >= 0 && d.acc[k].typ == extractor.ThreatActor {
				return true, k
			}
			passive = passive || d.p.teamSplitObjects[d.fold[splitBy-1]]
		}
		if !d.p.teamSplitObjects[d.fold[t-1]] && !passive {
			continue
		}
		own = -1
		if s := d.subjectStart(int(si)); s >= 0 {
			if k := int(d.startM[s]); k >= 0 && !d.acc[k].hide && d.acc[k].typ == extractor.ThreatActor {
				own = k
			}
		}
		return true, own
	}
	return false, -1
}

// splitVerbBefore reads the verb right before a team list's intro phrase
// at t: passive is a participle (the tagger's VBN, or a word of
// team_split_verbs) after a form of "be" and up to two adverbs ("is now
// split into", "was later broken up into"); verb is the first token of a
// verb of team_split_verbs, active or passive, with its adverbs and "be"
// ("APT28 split into", "APT28 is reportedly divided into"), or -1.
func (d *docState) splitVerbBefore(lo, t int) (passive bool, verb int) {
	p := t - 1
	if p > lo && d.p.cti.splitParticles[d.fold[p]] { // team_split_particles: "broken up into"
		p--
	}
	if p <= lo {
		return false, -1
	}
	known := d.p.teamSplitVerbs[d.fold[p]]
	if !known && d.pos(p) != "VBN" {
		return false, -1
	}
	q := p - 1
	for n := 0; n < 2 && q > lo && d.pos(q) == "RB"; n++ {
		q--
	}
	if q >= lo && beForms[d.fold[q]] {
		passive = true
		for q > lo && (beForms[d.fold[q-1]] || beHave[d.fold[q-1]]) {
			q--
		}
		if known {
			return true, q
		}
		return true, -1
	}
	if known && q == p-1 {
		return false, p
	}
	return false, -1
}

// itemOtherRole reports whether the rest of item it after its person m
// names another role (pack list rel_list_item_other_roles: "a former
// client", "a victim", "a lawyer") or another organisation than the
// company party ("a manager at Quillbank"): the item is no one of the
// company's people.
func (d *docState) itemOtherRole(it listItem, m, party int) bool {
	roles := d.p.cti.listItemOtherRoles
	p := d.surface(&d.acc[party])
	for j := int(d.acc[m].tokE); j < int(it.end) && j < len(d.fold); j++ {
		if roles[d.fold[j]] {
			return true
		}
	}
	if int(it.end) <= int(d.acc[m].tokE) {
		return false
	}
	for _, c := range d.mentionsWithin(d.acc[m].end, d.tokEnd[it.end-1]) {
		if (c.typ == extractor.Organization || c.typ == extractor.Government) && !strings.HasPrefix(p, d.surface(c)) {
			return true
		}
	}
	return false
}

// introObject reports whether the intro phrase at token t is the object of
// a preposition (a determiner or a count may stand between): in "The
// victims who testified against the defendants are:" the list is of
// victims, not of defendants. ("Among the eleven designated today are:"
// lists them: "among" is no such preposition.)
func (d *docState) introObject(lo, t int) bool {
	j := t - 1
	for j >= lo && (introDeterminers[d.fold[j]] || isDigits(d.fold[j])) {
		j--
	}
	return j >= lo && introPrepositions[d.fold[j]]
}

// introDeterminers and introPrepositions are grammar words (introObject).
var introDeterminers = map[string]bool{"the": true, "these": true, "those": true, "its": true, "their": true, "all": true,
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true,
	"eleven": true, "twelve": true, "other": true, "remaining": true}
var introPrepositions = map[string]bool{"against": true, "of": true, "by": true, "for": true, "with": true, "to": true,
	"from": true, "on": true, "about": true, "toward": true, "towards": true}

// isDigits reports whether s is a run of digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// bareIntroStops are the words after an intro phrase that name another
// party than the report's actor ("members of", "officials at").
var bareIntroStops = map[string]bool{"of": true, "at": true, "from": true, "for": true, "in": true, "with": true}

// coordinatedFrom returns mention k and the mentions of a type in mask that
// follow it in item it joined by commas, "and" and "or" only.
func (d *docState) coordinatedFrom(it listItem, k int, mask typeMask) []int {
	out := []int{k}
	for t := int(d.acc[k].tokE); t < int(it.end); t++ {
		m := int(d.startM[t])
		if m < 0 || d.acc[m].hide || maskOf(d.acc[m].typ)&mask == 0 {
			continue
		}
		if !d.coordinatedWith(k, m, mask, int(it.end)) {
			break
		}
		out = append(out, m)
		t = int(d.acc[m].tokE) - 1
	}
	return out
}

// introParty returns the mention of the rule's target types right after
// one of its intro phrases in sentence si ("officers of the Zarand Cyber
// Command"), or -1.
func (d *docState) introParty(tr topicRule, si int32) int {
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	var buf [4]int
	for t := lo; t < hi; t++ {
		for _, e := range tr.intros.ends(d, t, hi, buf[:0]) {
			if e < hi && determiners[d.fold[e]] {
				e++
			}
			if e < hi {
				if k := int(d.startM[e]); k >= 0 && !d.acc[k].hide && maskOf(d.acc[k].typ)&tr.tgtMask != 0 {
					return k
				}
			}
		}
	}
	return -1
}

// firstMention returns the first visible mention that starts in item it
// (after its bullet mark), or -1.
func (d *docState) firstMention(it listItem) int {
	for t := int(it.start); t < int(it.end); t++ {
		if k := int(d.startM[t]); k >= 0 && !d.acc[k].hide {
			return k
		}
	}
	return -1
}

// placeOfItemVictims reports whether mention k is a place listed right
// after the victims an item opens with: "- schools and kindergartens in New
// Zealand" lists the victims and where they are, and an analyst records
// both as the actor's targets, as after a targeting verb (victimPlaces).
// A rule whose source may be a person is left out, as there.
func (d *docState) placeOfItemVictims(it listItem, k int, tr topicRule) bool {
	if tr.srcMask&maskOf(extractor.Person) != 0 || d.acc[k].typ != extractor.Location {
		return false
	}
	// The victims: names of the rule's other types and lower-case words
	// joined by commas, "and" and "or", then a word that introduces places.
	words := 0
	t, end := int(it.start), int(d.acc[k].tokS)
	for t < end && (d.fold[t] == "-" || d.fold[t] == "*" || d.fold[t] == "**" || bulletMarks[d.tokText[t]]) {
		t++
	}
	start := t
	for t < end && !victimPlaceWords[d.fold[t]] {
		if mi := d.startM[t]; mi >= 0 {
			if d.acc[mi].typ == extractor.Location || maskOf(d.acc[mi].typ)&tr.tgtMask == 0 {
				return false
			}
			t = int(d.acc[mi].tokE)
			continue
		}
		switch w := d.fold[t]; {
		case w == "," || w == "and" || w == "or":
		case isLowerWord(d.tokText[t]) && words < 6:
			words++
		default:
			return false
		}
		t++
	}
	if t == start || t >= end {
		return false
	}
	victims := endpoint{span: extractor.Span{Start: d.tokStart[start], End: d.tokEnd[t-1]}}
	return hasEndpoint(d.victimPlaces([]endpoint{victims}), extractor.Span{Start: d.acc[k].start, End: d.acc[k].end})
}

// relates reports whether a rule's relation joins mention m and any
// mention of the topic tp, either way.
func (rs *relState) relates(d *docState, m int, tp *topicSource) bool {
	c := &d.acc[m]
	for _, r := range rs.out {
		if r.Rule == "" {
			continue
		}
		var other extractor.Span
		switch {
		case r.Source.Start == c.start && r.Source.End == c.end:
			other = r.Target
		case r.Target.Start == c.start && r.Target.End == c.end:
			other = r.Source
		default:
			continue
		}
		for _, k := range tp.ms {
			if d.acc[k].start == other.Start && d.acc[k].end == other.End {
				return true
			}
		}
	}
	return false
}
