package rules

import (
	"sort"
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// Alias rules are patterns with a "name" slot and one or more "alias"
// slots. Each match links the name to every alias. A side that is already a
// mention links by its span; a side that is not becomes a new mention with
// the type of the other side (or the rule's type when neither side is a
// mention), provided it overlaps no existing mention and no stop word.

type pendingLink struct {
	link AliasLink
	news []int // indexes in fresh of the mentions this link creates
	// adopt: a cross-type link that says a government body (a numbered
	// unit) is the threat actor named beside it.
	adopt bool
	// retype: the alias, a malware family's name, is the actor's.
	retype bool
	rule   int32
}

func (d *docState) runAliases() []AliasLink {
	ph := d.p.aliasPhase
	if ph == nil {
		return nil
	}
	var pending []pendingLink
	var fresh []cand
	swallowed := map[int]bool{} // accepted places inside a new name
	d.runPhase(ph, func(r *rule, i, end int) {
		names := slotSpans(d.m.caps, r.nameSlot)
		aliases := slotSpans(d.m.caps, r.aliasSlot)
		if len(names) == 0 {
			return
		}
		name := names[0]
		firstM := d.mentionAt(name.bs, name.be)
		for _, a := range aliases {
			nameM := firstM // (per alias: a place's described party may stand in)
			if a.bs == name.bs && a.be == name.be || d.ownerAtEnd(a.be, end) {
				continue
			}
			aliasM := d.mentionAt(a.bs, a.be)
			if r.check == "abbreviation" && !abbreviates(d.text[name.bs:name.be], d.text[a.bs:a.be]) &&
				!rewordsKnown(d.text[name.bs:name.be], d.text[a.bs:a.be], aliasM) &&
				!d.p.rewordsKnownForm(d.text[name.bs:name.be], aliasM) {
				continue
			}
			pl := pendingLink{link: AliasLink{Name: extractor.Span{Start: name.bs, End: name.be},
				Alias: extractor.Span{Start: a.bs, End: a.be}, Rule: r.id}}
			if nameM != nil && aliasM != nil && nameM.typ == extractor.Location && aliasM.typ != extractor.Location {
				// "CyberOne Group, an IT firm in Vietnam, also known as
				// CyberOne Applied sciences", the new name already a
				// company's mention: it is the described party's too.
				if head, in := d.describedBeforePlace(nameM); in {
					if head == nil {
						continue
					}
					pl.link.Name = extractor.Span{Start: head.start, End: head.end}
					nameM = head
				}
			}
			switch {
			case nameM != nil && aliasM != nil:
				if nameM.typ == extractor.ThreatActor && aliasM.typ == extractor.Malware && r.check != "abbreviation" && !r.cross {
					// "Turla, which vendors also call Venomous Bear, Snake and
					// Waterbug": a name the gazetteer knows as a malware
					// family (Snake, Winnti) is, in an actor's list of
					// names, the actor.
					pl.retype = true
				} else if nameM.typ != aliasM.typ && !r.cross {
					continue
				}
				pl.adopt = r.cross && nameM.typ == extractor.ThreatActor && aliasM.typ == extractor.Government
				pl.rule = r.idx
			case nameM != nil || aliasM != nil:
				if aliasM == nil && nameM.typ == extractor.Location {
					// "CyberOne Group, an IT firm in Vietnam, also known as
					// CyberOne Security": the place only says where the
					// described party is; the new name is the party's.
					if head, in := d.describedBeforePlace(nameM); in {
						if head == nil {
							continue
						}
						pl.link.Name = extractor.Span{Start: head.start, End: head.end}
						nameM = head
					}
				}
				known, span, isAlias := nameM, a, true
				if known == nil {
					known, span, isAlias = aliasM, name, false
				}
				if d.overlapsAccepted(span.bs, span.be) {
					continue
				}
				c := cand{start: span.bs, end: span.be, rule: r.idx, prio: r.prio, typ: known.typ,
					subtype: known.subtype, canonical: known.canonical}
				if c.canonical == "" && isAlias {
					c.canonical = d.surface(known)
				}
				pl.news = []int{len(fresh)}
				fresh = append(fresh, c)
			default:
				// Neither side is known: both become mentions of the rule's
				// type, when it has one.
				if r.typ == "" || d.overlapsAccepted(a.bs, a.be) {
					continue
				}
				if d.overlapsAccepted(name.bs, name.be) {
					// An abbreviated name may hold a place or a sector
					// ("Council on Arctic Affairs of Norway (CAAN)",
					// "Maritime Studies Institute (MSI)"): the name replaces it.
					places := d.placesWithin(name.bs, name.be)
					if r.check != "abbreviation" || places == nil {
						continue
					}
					for _, k := range places {
						swallowed[k] = true
					}
				}
				pl.news = []int{len(fresh), len(fresh) + 1}
				fresh = append(fresh,
					cand{start: name.bs, end: name.be, rule: r.idx, prio: r.prio, typ: r.typ},
					cand{start: a.bs, end: a.be, rule: r.idx, prio: r.prio, typ: r.typ,
						canonical: d.text[name.bs:name.be]})
			}
			pending = append(pending, pl)
		}
	})
	// New mentions go through the stop lists and settle conflicts among
	// themselves; mentions accepted earlier are not disturbed.
	order := make([]int, len(fresh))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return better(&fresh[order[a]], &fresh[order[b]]) })
	kept := make([]bool, len(fresh))
	var accepted []cand
	for _, i := range order {
		c := fresh[i]
		if d.stopRule(&c) >= 0 {
			continue
		}
		ok := true
		for _, o := range accepted {
			if o.start < c.end && c.start < o.end {
				// The same span from another link is the same mention.
				ok = o.start == c.start && o.end == c.end
				if ok {
					kept[i] = true
				}
				break
			}
		}
		if ok && !kept[i] {
			kept[i] = true
			accepted = append(accepted, c)
		}
	}
	if len(swallowed) > 0 {
		d.dropSwallowed(swallowed, accepted)
	}
	if len(accepted) > 0 {
		d.acc = append(d.acc, accepted...)
		sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
		// The sort moves mentions: the token index must follow, or a later
		// entity constraint reads another mention ("the Fujian State
		// Security Department (FSSD), a provincial office of the MSS" lost
		// the MSS when the abbreviation was never used again).
		d.index()
	}

	var links []AliasLink
	seen := map[AliasLink]bool{}
	for _, pl := range pending {
		ok := true
		for _, n := range pl.news {
			ok = ok && kept[n]
		}
		if !ok || d.mentionAt(pl.link.Name.Start, pl.link.Name.End) == nil ||
			d.mentionAt(pl.link.Alias.Start, pl.link.Alias.End) == nil {
			continue
		}
		if !seen[pl.link] {
			seen[pl.link] = true
			links = append(links, pl.link)
		}
		if pl.adopt {
			d.adoptAsActor(d.mentionAt(pl.link.Alias.Start, pl.link.Alias.End), pl.rule)
		}
		if pl.retype {
			if m := d.mentionAt(pl.link.Alias.Start, pl.link.Alias.End); m != nil && m.typ == extractor.Malware {
				m.typ, m.subtype = extractor.ThreatActor, ""
			}
		}
	}
	if d.trace != nil {
		d.trace.links = links
	}
	return links
}

func (d *docState) surface(c *cand) string {
	if c.text != "" {
		return c.text
	}
	return d.text[c.start:c.end]
}

// abbreviates reports whether the shorter of a and b abbreviates the longer,
// by the Schwartz–Hearst test: every letter and digit of the short form
// occurs in the long form in order, and its first character starts a word
// of the long form ("MSS" ↔ "Ministry of State Security", "PLA" ↔
// "People's Liberation Army"). A letter followed by a count stands for
// that many words with the letter ("IC3" ↔ "Internet Crime Complaint
// Center", "W3C" ↔ "World Wide Web Consortium").
func abbreviates(a, b string) bool {
	if abbreviatesPlain(a, b) {
		return true
	}
	if ea, eb := expandCounts(a), expandCounts(b); ea != a || eb != b {
		return abbreviatesPlain(ea, eb) && !strings.EqualFold(a, b)
	}
	return false
}

// expandCounts writes a letter followed by a single digit 2-9 as the
// letter repeated ("IC3" → "ICCC"); other text is returned as it is.
func expandCounts(s string) string {
	r := []rune(s)
	var b strings.Builder
	changed := false
	for i := 0; i < len(r); i++ {
		if i > 0 && unicode.IsLetter(r[i-1]) && r[i] >= '2' && r[i] <= '9' &&
			(i+1 == len(r) || !unicode.IsDigit(r[i+1])) {
			b.WriteString(strings.Repeat(string(r[i-1]), int(r[i]-'1')))
			changed = true
			continue
		}
		b.WriteRune(r[i])
	}
	if !changed {
		return s
	}
	return b.String()
}

func abbreviatesPlain(a, b string) bool {
	short, long := []rune(a), []rune(b)
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < 2 || len(short) == len(long) {
		return false
	}
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if !alnum(short[0]) {
		return false
	}
	li := len(long) - 1
	for si := len(short) - 1; si >= 0; si-- {
		c := unicode.ToLower(short[si])
		if !alnum(c) {
			continue
		}
		for li >= 0 && (unicode.ToLower(long[li]) != c || (si == 0 && li > 0 && alnum(long[li-1]))) {
			li--
		}
		if li < 0 {
			return false
		}
		li--
	}
	return !strings.EqualFold(a, b)
}

// placesWithin returns the indexes in d.acc of the mentions that overlap
// [start, end) when all of them are places or sectors lying inside it,
// else nil.
func (d *docState) placesWithin(start, end int) []int {
	var out []int
	i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].end > start })
	for ; i < len(d.acc) && d.acc[i].start < end; i++ {
		c := &d.acc[i]
		if c.typ != extractor.Location && c.typ != extractor.Sector || c.hide || c.start < start || c.end > end {
			return nil
		}
		out = append(out, i)
	}
	return out
}

// dropSwallowed removes the places that new names took over, when the
// name that took each one was accepted.
func (d *docState) dropSwallowed(swallowed map[int]bool, accepted []cand) {
	kept := d.acc[:0]
	for i := range d.acc {
		c := d.acc[i]
		if swallowed[i] && overlapsAny(accepted, c.start, c.end) {
			continue
		}
		kept = append(kept, c)
	}
	d.acc = kept
}

// adoptAsActor makes a government body the document equates with a threat
// actor ("Ironclaw (Unit 40404)") a threat actor in every mention of it in
// the document, so that what "Unit 40404 released" is the actor's doing.
// Mentions of it are those with its surface or canonical name; they take
// the id of the rule that read the statement, which is why they are actors.
func (d *docState) adoptAsActor(unit *cand, rule int32) {
	if unit == nil || unit.typ != extractor.Government {
		return
	}
	name := unit.canonical
	if name == "" {
		name = d.surface(unit)
	}
	changed := false
	for i := range d.acc {
		c := &d.acc[i]
		if c.typ == extractor.Government && !c.hide && (c.canonical == name || d.surface(c) == name) {
			c.typ, c.subtype, c.rule = extractor.ThreatActor, "", rule
			changed = true
		}
	}
	if changed {
		d.index()
	}
}

// rewordsKnown reports whether name, which does not abbreviate to alias,
// rewords the known long form of alias: a paraphrased or translated report
// keeps an abbreviation and swaps the words it stands for ("Nationwide Pc
// Virus Emergency Response Centre (CVERC)" for the National Computer Virus
// Emergency Response Center). The known name must abbreviate to alias and
// have as many words as name (function words aside), one of them the same.
func rewordsKnown(name, alias string, known *cand) bool {
	if known == nil || known.canonical == "" || !abbreviates(known.canonical, alias) {
		return false
	}
	a, b := nameWords(name), nameWords(known.canonical)
	if len(a) < 2 || len(a) != len(b) {
		return false
	}
	for _, w := range a {
		for _, v := range b {
			if w == v {
				return true
			}
		}
	}
	return false
}

// rewordsKnownForm reports whether name rewords a long name the gazetteer
// gives the body known mentions, when the body's acronym abbreviates no
// English long form ("GRU" for Glavnoye Razvedyvatelnoye Upravleniye): a
// paraphrased report writes "Primary Intelligence Directorate (GRU)" for
// the Main Intelligence Directorate. The two must have three words or more
// (function words aside), as many, and differ in one place only.
func (p *Pack) rewordsKnownForm(name string, known *cand) bool {
	if known == nil || known.canonical == "" || p.bodyLongForms == nil ||
		known.typ != extractor.Government && known.typ != extractor.Organization {
		return false
	}
	a := nameWords(name)
	if len(a) < 3 {
		return false
	}
	for _, form := range p.bodyLongForms[strings.ToLower(known.canonical)] {
		b := nameWords(form)
		if len(b) != len(a) {
			continue
		}
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
			}
		}
		if diff <= 1 {
			return true
		}
	}
	return false
}

// nameWords returns the words of a name, lower-cased, without a
// possessive, punctuation or function words ("of", "the", "and", ...).
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '/' }) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		switch w {
		case "", "of", "the", "and", "for", "on", "in", "to", "de", "du", "la", "&":
			continue
		}
		out = append(out, w)
	}
	return out
}

// ownerAtEnd reports whether an alias that ends at byte be, at the end of
// a match that ends before token end, is the owner of what follows it
// ("Copper Heron is Unit 42's name for the cluster"): a possessor is not
// another name of the other side, whatever the rule matched before it.
func (d *docState) ownerAtEnd(be, end int) bool {
	if end <= 0 || end >= len(d.fold) || d.tokEnd[end-1] != be || d.sentOf[end] != d.sentOf[end-1] {
		return false
	}
	return d.fold[end] == "'s" || d.fold[end] == "’s"
}

// placeDescriptionWords are the words before a place that make it part of
// a description ("an IT firm in Vietnam", "a contractor from Chengdu").
var placeDescriptionWords = map[string]bool{"in": true, "from": true, "of": true, "at": true, "near": true,
	"across": true, "outside": true}

// describedBeforePlace reports whether place mention m ends an apposition
// that describes an earlier mention ("X, an IT firm in Vietnam"), and
// returns that mention (nil when the apposition's head is no mention of
// another type, or too far back).
func (d *docState) describedBeforePlace(m *cand) (*cand, bool) {
	s := int(m.tokS)
	lo := d.sentLo[d.sentOf[s]]
	if s-1 <= lo || !placeDescriptionWords[d.fold[s-1]] {
		return nil, false
	}
	for t := s - 2; t > lo && t >= s-12; t-- {
		switch d.fold[t] {
		case ";", ":", "(", ")", ".":
			return nil, false
		case ",":
			if a := d.fold[t+1]; a != "a" && a != "an" && a != "the" {
				return nil, false
			}
			b := d.mentionEndingAt(t)
			if b < 0 {
				return nil, true
			}
			at := d.tokStart[b]
			for i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].start >= at }); i < len(d.acc) && d.acc[i].start == at; i++ {
				if c := &d.acc[i]; int(c.tokE) == t && c.typ != extractor.Location && !c.hide {
					return c, true
				}
			}
			return nil, true
		}
	}
	return nil, false
}
