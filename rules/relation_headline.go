package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// Headline rules (kind: headline). News and advisories state relations in
// their titles and headings in a telegraphic style the sentence rules
// miss: "Eight nations point at Moscow spy bureau over Kestrel Bear
// break-ins", "Persona profile: Kestrel Bear and the GRU". A headline rule
// relates the one threat actor and the one government body a title line
// names, when the words say the body is the attacker's side:
//
//	- id: rel.sponsored-by.headline
//	  kind: headline
//	  relation: sponsored-by
//	  source: [threat-actor]
//	  target: [government]
//	  cues: [behind, over, "point at", "linked to", "and the", ":"]
//	  body_words: [intelligence, "state security", army, command, bureau]
//	  not_cues: [disrupts, seizes, charges, "took over", targets, hits]
//	  not_body_words: [justice, investigation, cybersecurity, police]
//
// A title line stands on a line of its own, holds at most titleMaxTokens
// tokens and ends without a full stop or question mark (the first line of
// a page, "# Heading", "2. THE FRONT COMMAND"). A body whose name (or
// canonical name, or the word after it: "the FSB unit") holds a
// not_body_words phrase is a defender and does not count; the title must
// then name exactly one actor and one other body. The pair is related
// when the title holds a cue or the body's name an attacker-side body
// word, no not_cues phrase (an enforcement verb whose subject is the
// defender, "FBI took over ...", or a victim verb, "X hits the defence
// ministry") stands after the first of the two, and the title is not
// negated. Without a body mention, a place followed by lowercase words
// holding a body word and ending in a body head noun ("Hainan spy bureau")
// becomes a government mention. The relation's coreference note ends in
// TopicCorefNote, which lowers its confidence like the topic fallbacks'.

// KindHeadline is the kind of headline rules.
const KindHeadline = "headline"

// titleMaxTokens is the longest title line a headline rule reads.
const titleMaxTokens = 20

// headlineCorefNote starts the coreference note of a headline relation.
const headlineCorefNote = "stated by a title line"

// bodyHeads end a body phrase a headline rule may create ("spy bureau",
// "intelligence service").
var bodyHeads = map[string]bool{"bureau": true, "command": true, "directorate": true, "agency": true,
	"service": true, "ministry": true, "unit": true, "department": true, "corps": true, "center": true,
	"centre": true}

// headlineRule is a compiled headline rule.
type headlineRule struct {
	r                 *rule
	typ               string
	srcMask, tgtMask  typeMask
	cues, notCues     *phraseSet
	bodyWords         *phraseSet
	notBodyWords      *phraseSet
	bodyText, notText []string // the word lists, folded, for canonical names
}

// headlineRule compiles a headline rule.
func (c *compiler) headlineRule(r *rule) {
	src, tgt := c.types(c.r.rel.source), c.types(c.r.rel.target)
	if src&maskOf(extractor.ThreatActor) == 0 {
		c.errorf(c.r.fields["source"], "a headline rule's source must allow threat-actor")
		return
	}
	hr := headlineRule{r: r, typ: c.r.rel.typ, srcMask: src, tgtMask: tgt}
	set := c.optionalPhrases // relation_fallback.go
	texts := func(items []strItem) []string {
		var out []string
		for _, it := range items {
			out = append(out, strings.ToLower(oneSpace(it.s)))
		}
		return out
	}
	hr.cues, hr.notCues = set(c.r.rel.cues), set(c.r.rel.notCues)
	hr.bodyWords, hr.notBodyWords = set(c.r.rel.bodyWords), set(c.r.rel.notBodyWords)
	hr.bodyText, hr.notText = texts(c.r.rel.bodyWords), texts(c.r.rel.notBodyWords)
	c.p.headlines = append(c.p.headlines, hr)
}

// titleLines returns the token ranges of the title lines of sentence si:
// the sentence itself when it stands on a line of its own, holds at most
// titleMaxTokens tokens and ends without a full stop, comma or question
// mark; or, for a sentence of several lines in the document's header block
// (the lines before its first blank line, "REPORT 2025-03\nProfile: X and
// the Y\nCompiled by Z"), each of its lines when none ends like a
// sentence. Wrapped lines of a paragraph elsewhere are no titles.
func (d *docState) titleLines(si int) [][2]int {
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	if hi <= lo {
		return nil
	}
	var lines [][2]int
	s := lo
	for t := lo + 1; t <= hi; t++ {
		if t == hi || strings.ContainsRune(d.text[d.tokEnd[t-1]:d.tokStart[t]], '\n') {
			lines = append(lines, [2]int{s, t})
			s = t
		}
	}
	if !d.onOwnLine(lo, hi) { // relation_fallback.go
		return nil
	}
	if len(lines) > 1 && strings.Contains(strings.TrimLeft(d.text[:d.tokStart[lo]], " \t\r\n"), "\n\n") {
		return nil // not the header block
	}
	for _, l := range lines {
		if !d.titleShaped(l[0], l[1], titleMaxTokens) {
			return nil
		}
	}
	return lines
}

// headlineRelations adds the relations of the headline rules to rs.out and
// returns the body mentions it created.
func (d *docState) headlineRelations(rs *relState) []cand {
	if len(d.p.headlines) == 0 {
		return nil
	}
	// Pairs some rule already relates from the actor to the body. One the
	// other way ("the FSB is tied to X": FSB affiliated-with X) does not
	// say who is behind whom.
	related := map[[2]extractor.Span]bool{}
	for _, m := range rs.out {
		if m.Rule != "" {
			related[[2]extractor.Span{m.Source, m.Target}] = true
		}
	}
	var created []cand
	k := 0
	for si := 0; si < len(d.sents); si++ {
		lo, hi := d.sentLo[si], d.sentLo[si+1]
		var inTitle []int
		for ; k < len(d.acc) && int(d.acc[k].tokS) < hi; k++ {
			if !d.acc[k].hide && int(d.acc[k].tokS) >= lo {
				inTitle = append(inTitle, k)
			}
		}
		if len(inTitle) < 2 && (len(inTitle) == 0 || d.acc[inTitle[0]].typ != extractor.ThreatActor) {
			continue
		}
		for _, l := range d.titleLines(si) {
			var inLine []int
			for _, m := range inTitle {
				if t := int(d.acc[m].tokS); t >= l[0] && t < l[1] {
					inLine = append(inLine, m)
				}
			}
			for _, hr := range d.p.headlines {
				if c, ok := d.headline(rs, hr, si, l[0], l[1], inLine, related); ok {
					created = append(created, c...)
				}
			}
		}
	}
	return created
}

// headline applies one headline rule to the title line [lo, hi) of
// sentence si, whose visible mentions are ms (indexes in d.acc).
func (d *docState) headline(rs *relState, hr headlineRule, si, lo, hi int, ms []int, related map[[2]extractor.Span]bool) ([]cand, bool) {
	actor, body := -1, -1
	actorKey, bodyKey := "", ""
	for _, k := range ms {
		c := &d.acc[k]
		key := d.entityKey(c)
		switch {
		case maskOf(c.typ)&hr.srcMask != 0 && c.typ == extractor.ThreatActor:
			if actor >= 0 && key != actorKey {
				return nil, false
			}
			if actor < 0 {
				actor, actorKey = k, key
			}
		case maskOf(c.typ)&hr.tgtMask != 0 && c.typ == extractor.Government:
			if d.bodyHas(hr.notBodyWords, hr.notText, c) {
				continue // a defender: the side that names, charges or disrupts
			}
			if body >= 0 && key != bodyKey {
				return nil, false
			}
			if body < 0 {
				body, bodyKey = k, key
			}
		}
	}
	if actor < 0 {
		return nil, false
	}
	a := &d.acc[actor]
	var created []cand
	var b cand
	if body >= 0 {
		b = d.acc[body]
	} else {
		nb, ok := d.bodyPhrase(hr, lo, hi, ms)
		if !ok {
			return nil, false
		}
		b, created = nb, []cand{nb}
	}
	if d.bodyHas(hr.notBodyWords, hr.notText, &b) {
		return nil, false
	}
	first := int(min(a.tokS, b.tokS))
	last := int(max(a.tokE, b.tokE))
	for i := first + 1; i < hi; i++ {
		if hr.notCues != nil && hr.notCues.startsAt(d, i, hi) {
			return nil, false
		}
	}
	cued := false
	for i := lo; i < hi && !cued && hr.cues != nil; i++ {
		cued = hr.cues.startsAt(d, i, hi)
	}
	if !cued && !d.bodyHas(hr.bodyWords, hr.bodyText, &b) {
		return nil, false
	}
	if negated, _ := d.relationCues(first, last); negated {
		return nil, false
	}
	src := extractor.Span{Start: a.start, End: a.end}
	tgt := extractor.Span{Start: b.start, End: b.end}
	if related[[2]extractor.Span{src, tgt}] {
		return nil, false
	}
	related[[2]extractor.Span{src, tgt}] = true
	sent := extractor.Span{Start: d.sents[si].Start, End: d.sents[si].End}
	rs.out = append(rs.out, RelationMatch{Type: hr.typ, Source: src, Target: tgt, Sentence: sent,
		Rule: hr.r.id, Priority: hr.r.prio, Coref: headlineCorefNote + " " + TopicCorefNote})
	return created, true
}

// bodyHas reports whether the body c's name, its canonical name or the
// word right after it ("the FSB unit") holds a phrase of ps (texts: the
// same phrases, folded, for the canonical name).
func (d *docState) bodyHas(ps *phraseSet, texts []string, c *cand) bool {
	if ps == nil {
		return false
	}
	hi := d.sentHi(int(c.tokS))
	end := int(c.tokE)
	if end < hi {
		end++
	}
	for i := int(c.tokS); i < end; i++ {
		if ps.startsAt(d, i, end) {
			return true
		}
	}
	if c.canonical != "" {
		canon := " " + strings.ToLower(oneSpace(c.canonical)) + " "
		for _, t := range texts {
			if strings.Contains(canon, " "+t+" ") {
				return true
			}
		}
	}
	return false
}

// bodyPhrase finds, in the title tokens [lo, hi), a place followed by up
// to three lowercase words that hold a body word and end in a body head
// noun ("Hainan spy bureau") and returns it as a new government mention.
func (d *docState) bodyPhrase(hr headlineRule, lo, hi int, ms []int) (cand, bool) {
	if hr.bodyWords == nil || hr.tgtMask&maskOf(extractor.Government) == 0 {
		return cand{}, false
	}
	for _, k := range ms {
		p := &d.acc[k]
		if p.typ != extractor.Location {
			continue
		}
		s := int(p.tokE)
		for e := s + 1; e <= s+3 && e <= hi; e++ {
			w := d.tokText[e-1]
			if w == "" || strings.ToLower(w) != w || w[0] < 'a' || w[0] > 'z' {
				break
			}
			if !bodyHeads[d.fold[e-1]] {
				continue
			}
			held := false
			for i := s; i < e && !held; i++ {
				held = hr.bodyWords.startsAt(d, i, e)
			}
			if !held {
				continue
			}
			c := cand{start: p.start, end: d.tokEnd[e-1], tokS: p.tokS, tokE: int32(e), rule: hr.r.idx,
				prio: hr.r.prio, typ: extractor.Government}
			if d.stopRule(&c) >= 0 {
				return cand{}, false
			}
			return c, true
		}
	}
	return cand{}, false
}
