package rules

import (
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// Kinds of victim in a coordinated list. A victim list mixes kinds the
// sector gazetteer knows with kinds it cannot list: "Victims included
// universities, think tanks, defectors and human rights activists". A
// relation rule or a topic rule relates the members that are mentions; the
// others are passed over (coordMembers). Once the relations are known,
// coordKinds turns the members of such a list that name nothing, but end
// in a head noun that makes a kind of victim (rel_people_heads:
// "activists", "defectors"; rel_sector_heads with a modifier: "state-owned
// companies") or are a sector word of rel_sector_words, into sector
// mentions, and relates them to the source of the sector member's
// `targets` relation, with its evidence. A list needs a conjunction, and
// every member stays inside the sentence.

// coordKindMinPriority: a relation rule below the default priority is a
// fallback (rel.targets.cooccur pairs an actor with the sectors named
// after it in its clause), whose list coordKinds does not extend. Topic
// rules read victim cues and frames, and count whatever their priority.
const coordKindMinPriority = 50

// coordKindMaxWords bounds the lower-case words of a member.
const coordKindMaxWords = 4

// readSectorTarget returns the index in d.acc of the sector that the
// `targets` match m names, when a rule that read a victim phrase made the
// match, and that rule's index; or -1: a co-occurrence fallback pairs
// names, and its list is no victim list it read. ruleIdx memoises rule
// indexes by id.
func (rs *relState) readSectorTarget(m RelationMatch, ruleIdx map[string]int32) (int, int32) {
	d := rs.d
	if m.Rule == "" || m.Type != "targets" {
		return -1, -1
	}
	k := d.accAt(m.Target)
	if k < 0 || d.acc[k].typ != extractor.Sector || d.acc[k].hide {
		return -1, -1
	}
	idx, ok := ruleIdx[m.Rule]
	if !ok {
		idx = rs.ruleIndex(m.Rule)
		ruleIdx[m.Rule] = idx
	}
	if idx < 0 || d.p.rules[idx].kind == "relation" && d.p.rules[idx].prio < coordKindMinPriority {
		return -1, -1
	}
	return k, idx
}

// coordKinds adds the kinds of victim listed beside a sector target of a
// `targets` match, as new sector mentions, and returns them.
func (rs *relState) coordKinds() []cand {
	d := rs.d
	cues := d.p.relCues
	if cues == nil || cues.peopleHeads == nil && cues.sectorHeads == nil {
		return nil
	}
	var created []cand
	seen := map[extractor.Span]bool{}
	ruleIdx := map[string]int32{}
	n := len(rs.out)
	for oi := 0; oi < n; oi++ {
		m := rs.out[oi]
		k, idx := rs.readSectorTarget(m, ruleIdx)
		if k < 0 {
			continue
		}
		for _, sp := range d.kindMembers(k) {
			if seen[sp] {
				if rs.relatedTo(m, sp) {
					continue
				}
			}
			seen[sp] = true
			if !rs.hasKind(sp, created) {
				cd := cand{start: sp.Start, end: sp.End, rule: idx, prio: m.Priority, typ: extractor.Sector}
				if d.stopRule(&cd) >= 0 {
					continue
				}
				created = append(created, cd)
			}
			x := m
			x.Target = sp
			key := relKey{x.Type, x.Source, x.Target}
			if _, dup := rs.best[key]; dup {
				continue
			}
			rs.best[key] = len(rs.out)
			rs.out = append(rs.out, x)
		}
	}
	return created
}

// relatedTo reports whether a match like m already relates its source to sp.
func (rs *relState) relatedTo(m RelationMatch, sp extractor.Span) bool {
	_, ok := rs.best[relKey{m.Type, m.Source, sp}]
	return ok
}

func (rs *relState) hasKind(sp extractor.Span, created []cand) bool {
	for _, c := range created {
		if c.start == sp.Start && c.end == sp.End {
			return true
		}
	}
	return false
}

// ruleIndex returns the index of the rule with this id, for the mentions
// its match creates.
func (rs *relState) ruleIndex(id string) int32 {
	for _, r := range rs.d.p.rules {
		if r.id == id {
			return r.idx
		}
	}
	return -1
}

// kindMembers returns the spans of the members of the coordinated list
// holding mention k that name nothing and are kinds of victim.
func (d *docState) kindMembers(k int) []extractor.Span {
	m := &d.acc[k]
	lo, hi := d.sentLo[d.sentOf[m.tokS]], d.sentHi(int(m.tokS))
	if !d.memberEnds(int(m.tokE), hi) || d.endingAt(int(m.tokS)) >= 0 {
		return nil
	}
	var out []extractor.Span
	conj := false
	// Rightwards: each member after a separator is a mention, whose list
	// goes on, or a run of lower-case words.
	j := int(m.tokE)
	for len(out) < 12 {
		next, c, ok := d.coordSep(j, hi)
		if !ok {
			break
		}
		conj = conj || c
		t := next
		if d.fold[t-1] == "," && t+2 < hi && d.fold[t] == "as" && d.fold[t+1] == "well" && d.fold[t+2] == "as" {
			t, conj = t+3, true // ", as well as"
		}
		for t < hi && kindDeterminers[d.fold[t]] {
			t++
		}
		if t >= hi {
			break
		}
		if mi := d.startM[t]; mi >= 0 {
			nm := &d.acc[mi]
			if nm.hide || !d.memberEnds(int(nm.tokE), hi) {
				break
			}
			j = int(nm.tokE)
			continue
		}
		e := t
		for e < hi && e-t < coordKindMaxWords && d.kindWord(e) {
			e++
		}
		if e == t || !d.memberEnds(e, hi) {
			break
		}
		if d.isKind(t, e) {
			out = append(out, extractor.Span{Start: d.tokStart[t], End: d.tokEnd[e-1]})
		}
		j = e
	}
	// Leftwards, from before the member's own modifiers.
	j = d.memberStart(int(m.tokS), lo)
	for len(out) < 24 {
		prev, c, ok := d.coordSepBefore(j, lo)
		if !ok {
			break
		}
		conj = conj || c
		if pk := d.endingAt(prev); pk >= 0 {
			if d.acc[pk].hide {
				break
			}
			j = d.memberStart(int(d.acc[pk].tokS), lo)
			continue
		}
		s := prev
		for s-1 >= lo && prev-s < coordKindMaxWords && d.kindWord(s-1) {
			s--
		}
		if s == prev {
			break
		}
		if s-1 >= lo && d.startM[s-1] < 0 && d.endingAt(s) < 0 && startsUpperOrDigit(d.tokText[s-1]) {
			break // a name no rule knows modifies it ("the Ruritanian government")
		}
		if pk := d.endingAt(s); pk >= 0 && s-1 >= lo {
			// A mention modifies the member ("energy utilities", "U.S.
			// government officials"): the member is the mention's kind.
			if d.acc[pk].hide {
				break
			}
			j = d.memberStart(int(d.acc[pk].tokS), lo)
			continue
		}
		if d.isKind(s, prev) {
			out = append(out, extractor.Span{Start: d.tokStart[s], End: d.tokEnd[prev-1]})
		}
		j = s
		for j-1 >= lo && kindDeterminers[d.fold[j-1]] {
			j--
		}
	}
	if !conj {
		return nil
	}
	return out
}

// kindWord reports whether token i may be a word of a kind of victim: a
// lower-case word that is no mention, no clause word, no preposition and
// no verb that may stand before a victim.
func (d *docState) kindWord(i int) bool {
	if d.startM[i] >= 0 || d.endingAt(i+1) >= 0 || !isLowerWord(d.tokText[i]) {
		return false
	}
	f := d.fold[i]
	if coordStops[f] || prepositions[f] || kindDeterminers[f] || victimPlaceWords[f] {
		return false
	}
	cues := d.p.relCues
	return cues.notModifiers == nil || !cues.notModifiers.startsAt(d, i, i+1)
}

// isKind reports whether tokens [s, e) name a kind of victim: a sector
// word, a plural noun of people, or an organisation head after a modifier.
func (d *docState) isKind(s, e int) bool {
	if d.overlapsAccepted(d.tokStart[s], d.tokEnd[e-1]) || d.p.cti.victimParticiples[d.fold[s]] {
		return false
	}
	// "the affected company", "the firm": one victim the text refers to,
	// not a kind ("a large religious organisation" is one).
	if s-1 >= 0 && d.fold[s-1] == "the" && !strings.HasSuffix(d.fold[e-1], "s") {
		return false
	}
	cues := d.p.relCues
	last := e - 1
	if cues.peopleHeads != nil && cues.peopleHeads.startsAt(d, last, e) {
		return true
	}
	if e-s >= 2 && cues.sectorHeads != nil && cues.sectorHeads.startsAt(d, last, e) {
		return true
	}
	if cues.sectorWords != nil {
		var buf [4]int
		for _, x := range cues.sectorWords.ends(d, s, e, buf[:0]) {
			if x == e {
				return true
			}
		}
	}
	return false
}

// The participles that describe a victim the text has in mind, not a kind
// of victim ("the affected company", "compromised organisations"), are the
// pack list rel_victim_participles (vocab.go).

// kindDeterminers open a list member without being part of its kind:
// "the", "other" ("and other NGOs").
var kindDeterminers = map[string]bool{"the": true, "a": true, "an": true, "other": true, "its": true,
	"their": true, "some": true, "several": true, "many": true, "various": true}

// startsUpperOrDigit reports whether s starts with an upper-case letter or
// a digit.
func startsUpperOrDigit(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}
