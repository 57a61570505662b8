package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// A body's name often holds its country: "the U.S. Department of Justice",
// "the Russian Ministry of Defence", "the Dutch Ministry of Defence", "the
// Cyber Security Agency of Singapore", and a rewriter's "US Division of
// Justice". The gazetteer or a pattern reads the whole name as one mention,
// so no sentence rule sees the country in it. A name-place rule relates
// such a mention (of its source types) to a mention of that place
// elsewhere in the document — the place the name's first words or its
// closing "of X" name by a place gazetteer name (demonyms included: the
// location gazetteer lists "Dutch" for the Netherlands) — with the
// evidence of the body's sentence. A document that never names the place
// on its own gets no relation: the place is then no entity of its own.

// KindNamePlace is the kind of name-place rules.
const KindNamePlace = "name-place"

type namePlaceRule struct {
	r       *rule
	typ     string
	srcMask typeMask
}

func (c *compiler) namePlaceRule(r *rule) {
	if c.types(c.r.rel.target)&maskOf(extractor.Location) == 0 {
		c.errorf(c.r.fields["target"], "a name-place rule's target must allow location")
		return
	}
	c.p.namePlaces = append(c.p.namePlaces, namePlaceRule{r: r, typ: c.r.rel.typ, srcMask: c.types(c.r.rel.source)})
}

// countryRules is the id prefix of the gazetteer rules that list
// countries: a province or a city in a body's name ("Hainan State
// Security Department", "Tianjin State Security Bureau") is where the
// body sits, not what it is part of.
const countryRules = "gaz.location.country"

// placeAt returns the entity key of the longest country gazetteer name
// that starts at token i and ends by token hi, and the token after it.
func (d *docState) placeAt(i, hi int) (key string, end int) {
	v := d.vent[i]
	if v == nil || v.gaz == nil {
		return "", 0
	}
	n := v.gaz
	for j := i + 1; ; j++ {
		for k := range n.hits {
			h := &n.hits[k]
			e := &d.p.gaz.entries[h.entry]
			if e.typ == extractor.Location && strings.HasPrefix(d.p.rules[h.rule].id, countryRules) && h.accepts(d, i) {
				key, end = strings.ToLower(e.canonical), j
				if key == "" {
					key = strings.ToLower(oneSpace(d.text[d.tokStart[i]:d.tokEnd[j-1]]))
				}
			}
		}
		if j >= hi || n.kids == nil {
			break
		}
		if n = n.kids[d.fold[j]]; n == nil {
			break
		}
	}
	return key, end
}

// namePlace returns the entity key of the place a mention's name holds:
// its first words ("U.S. Department of Justice") or what follows its last
// "of" or "in" ("Cyber Security Agency of Singapore"), or "".
func (d *docState) namePlace(c *cand) string {
	lo, hi := int(c.tokS), int(c.tokE)
	// A name, not a description: "the Russian government" and "the
	// Chinese military" are the state itself, which our gold does not
	// make part of itself.
	if hi-lo < 2 || !startsUpper(d.tokText[hi-1]) || d.fold[lo] == "government" {
		return "" // "Government of Israel" likewise
	}
	if key, end := d.placeAt(lo, hi); key != "" && end < hi {
		return key
	}
	for o := hi - 2; o > lo; o-- {
		if f := d.fold[o]; f == "of" || f == "in" {
			s := o + 1
			if d.fold[s] == "the" && s+1 < hi {
				s++
			}
			if key, end := d.placeAt(s, hi); key != "" && end == hi {
				return key
			}
			break
		}
	}
	return ""
}

// namePlaceRelations adds the relations of the name-place rules to rs.out.
func (d *docState) namePlaceRelations(rs *relState) {
	if len(d.p.namePlaces) == 0 {
		return
	}
	places := map[string][]int{} // entity key → indexes in d.acc of its mentions
	for k := range d.acc {
		if c := &d.acc[k]; !c.hide && c.typ == extractor.Location {
			key := d.entityKey(c)
			places[key] = append(places[key], k)
		}
	}
	if len(places) == 0 {
		return
	}
	related := map[[2]extractor.Span]bool{}
	for _, m := range rs.out {
		if m.Rule != "" {
			related[[2]extractor.Span{m.Source, m.Target}] = true
		}
	}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || c.tokE <= c.tokS {
			continue
		}
		for _, nr := range d.p.namePlaces {
			if maskOf(c.typ)&nr.srcMask == 0 {
				continue
			}
			key := d.namePlace(c)
			if key == "" || len(places[key]) == 0 {
				continue
			}
			// The place's nearest mention: in the body's sentence if it has
			// one there, else the closest before or after it.
			si := d.sentOf[c.tokS]
			best, bestDist := -1, 0
			for _, p := range places[key] {
				pc := &d.acc[p]
				dist := abs(int(pc.tokS) - int(c.tokS))
				if d.sentOf[pc.tokS] == si {
					dist = -1
				}
				if best < 0 || dist < bestDist {
					best, bestDist = p, dist
				}
			}
			t := &d.acc[best]
			src := extractor.Span{Start: c.start, End: c.end}
			tgt := extractor.Span{Start: t.start, End: t.end}
			if related[[2]extractor.Span{src, tgt}] {
				continue
			}
			related[[2]extractor.Span{src, tgt}] = true
			sent := extractor.Span{Start: d.sents[si].Start, End: d.sents[si].End}
			rs.out = append(rs.out, RelationMatch{Type: nr.typ, Source: src, Target: tgt, Sentence: sent,
				Rule: nr.r.id, Priority: nr.r.prio})
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
