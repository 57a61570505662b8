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
//
// The relation says which places count. A part-of rule reads countries
// only: a province or a city in a body's name is where the body sits, not
// what it is part of. A located-in rule reads exactly those, the
// subnational places and the cities of the location gazetteer: "the
// Tianjin State Security Bureau", "the Xi'an Public Security Bureau", "the
// Public Security Bureau of Fuzhou" sit in Tianjin, Xi'an and Fuzhou.
//
// A rule whose target allows government and not location reads the names
// of government bodies instead of places: "the Council of the European
// Union" is part of the European Union, "NSA Cybersecurity Directorate" of
// the NSA — again only when the document names the parent on its own.
// One whose target is organization reads company names: "Check Point
// Research" is part of Check Point (a unit may be its company's name and
// one word).
//
// A place counts as named on its own only where no longer mention covers
// it and no lower-case branch noun follows it ("the Hubei office" is the
// body's short form), and a body about a place ("the Taiwan Affairs
// Office") is neither part of it nor sat in it.

// KindNamePlace is the kind of name-place rules.
const KindNamePlace = "name-place"

type namePlaceRule struct {
	r       *rule
	typ     string
	srcMask typeMask
	local   bool // located-in: the name's city or province, not its country
	tgt     extractor.EntityType
}

func (c *compiler) namePlaceRule(r *rule) {
	tm := c.types(c.r.rel.target)
	tgt := extractor.Location
	switch {
	case tm&maskOf(extractor.Location) != 0:
	case tm&maskOf(extractor.Government) != 0:
		tgt = extractor.Government
	case tm&maskOf(extractor.Organization) != 0:
		tgt = extractor.Organization
	default:
		c.errorf(c.r.fields["target"], "a name-place rule's target must allow location, government or organization")
		return
	}
	c.p.namePlaces = append(c.p.namePlaces, namePlaceRule{r: r, typ: c.r.rel.typ, srcMask: c.types(c.r.rel.source),
		local: c.r.rel.typ == "located-in", tgt: tgt})
}

// countryRules is the id prefix of the gazetteer rules that list
// countries: a province or a city in a body's name ("Hainan State
// Security Department", "Tianjin State Security Bureau") is where the
// body sits, not what it is part of.
const countryRules = "gaz.location.country"

// namePlaceFits reports whether a gazetteer entry of type typ from rule
// id names what a name-place rule reads: a government body (tgt
// government), else a country, or (local) a subnational place or a city
// (placeLevel 2 or 1).
func namePlaceFits(typ extractor.EntityType, id string, local bool, tgt extractor.EntityType) bool {
	if tgt == extractor.Government || tgt == extractor.Organization {
		return typ == tgt
	}
	if typ != extractor.Location {
		return false
	}
	if local {
		l := placeLevel(id)
		return l == 1 || l == 2
	}
	return strings.HasPrefix(id, countryRules)
}

// placeAt returns the entity key of the longest gazetteer name of a place
// that fits (namePlaceFits) that starts at token i and ends by token hi,
// and the token after it.
func (d *docState) placeAt(i, hi int, local bool, tgt extractor.EntityType) (key string, end int) {
	v := d.vent[i]
	if v == nil || v.gaz == nil {
		return "", 0
	}
	n := v.gaz
	for j := i + 1; ; j++ {
		for k := range n.hits {
			h := &n.hits[k]
			e := &d.p.gaz.entries[h.entry]
			if namePlaceFits(e.typ, d.p.rules[h.rule].id, local, tgt) && h.accepts(d, i) {
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
// "of" or "in" ("Cyber Security Agency of Singapore"), or "". local reads
// cities and provinces instead of countries (namePlaceFits).
func (d *docState) namePlace(c *cand, local bool, tgt extractor.EntityType) string {
	lo, hi := int(c.tokS), int(c.tokE)
	// A name, not a description: "the Russian government" and "the
	// Chinese military" are the state itself, which our gold does not
	// make part of itself. A lower-case head that names a body apart from
	// the state ("the Russian embassy", "the Chinese consulate",
	// pack list rel_name_place_body_heads) is read like a name.
	if hi-lo < 2 || !d.namedBodyHead(hi-1) || d.fold[lo] == "government" {
		return "" // "Government of Israel" likewise
	}
	// A body's name that is its parent's and one head word ("Treasury
	// Department", a rewriter's "Treasury Division") is the parent itself:
	// a part must name itself ("NSA Cybersecurity Directorate", "GRU Unit
	// 26165").
	rest := 1
	if tgt == extractor.Government {
		rest = 2
	}
	// (The longest name that leaves the rest: the whole name may be a
	// gazetteer entry too.)
	// The parent read first must be another name than the body's own
	// ("Third Department" of "the Third Department of the General Staff
	// Department") and be followed by a name of the part, not by a
	// qualifier ("China National Vulnerability Database of Information
	// Security" is no part of the "China National Vulnerability Database").
	self := d.entityKey(c)
	// A company's unit is a known name of its own ("Check Point Research"),
	// not the company with a legal form or a rewriter's words after it
	// ("Intellexa S.A.", "Intellexa Limited" are companies of a group).
	if tgt == extractor.Organization {
		if _, end := d.placeAt(lo, hi, false, tgt); end != hi {
			return ""
		}
	}
	if hi-rest > lo {
		if key, end := d.placeAt(lo, hi-rest, local, tgt); key != "" && key != self &&
			(tgt == extractor.Location || startsUpper(d.tokText[end])) && !d.aboutPlace(end, hi, local, tgt) {
			return key
		}
	}
	for o := hi - 2; o > lo; o-- {
		if f := d.fold[o]; f == "of" || f == "in" {
			s := o + 1
			if d.fold[s] == "the" && s+1 < hi {
				s++
			}
			if key, end := d.placeAt(s, hi, local, tgt); key != "" && end == hi && key != self {
				return key
			}
			break
		}
	}
	return ""
}

// namedBodyHead reports whether the last word of a body's mention makes it a
// name: capitalised, or a lower-case head of a body that is not the state
// itself (pack list rel_name_place_body_heads: "embassy", "consulate";
// "ministry" is left out, since a mention cut short, "Jordanian foreign
// ministry [official]", would be read as a body).
func (d *docState) namedBodyHead(last int) bool {
	return startsUpper(d.tokText[last]) || d.p.cti.namePlaceBodies[d.fold[last]]
}

// aboutPlace reports whether the words of a body's name from token end
// (right after the place its first words name) to hi make the body one
// about the place rather than part of it or sat in it: "the Taiwan Affairs
// Office", "the Taiwan Desk", and with a second place, "the Hong Kong and
// Macao Affairs Office" (pack list rel_name_place_about_words). The PRC's
// office for Taiwan affairs is no part of Taiwan.
func (d *docState) aboutPlace(end, hi int, local bool, tgt extractor.EntityType) bool {
	about := d.p.cti.namePlaceAbout
	if end >= hi || len(about) == 0 {
		return false
	}
	if about[d.fold[end]] {
		return true
	}
	if d.fold[end] == "and" && end+1 < hi {
		if key, e2 := d.placeAt(end+1, hi, local, tgt); key != "" && e2 < hi && about[d.fold[e2]] {
			return true
		}
	}
	return false
}

// ownPlace reports whether a place mention names the place on its own:
// not inside a longer mention (covered, per token: the longest mention
// over it) and not the first word of a body's short form, a lower-case
// branch noun right after it ("the Hubei office", "the Tianjin bureau":
// pack list rel_name_place_branch_nouns).
func (d *docState) ownPlace(p *cand, covered []int32) bool {
	if e := int(p.tokE); e < len(d.fold) && d.sentOf[e] == d.sentOf[p.tokS] && d.p.cti.namePlaceHeads[d.fold[e]] &&
		!startsUpper(d.tokText[e]) {
		return false
	}
	for t := p.tokS; t < p.tokE; t++ {
		if k := covered[t]; k >= 0 {
			o := &d.acc[k]
			if o.tokS <= p.tokS && o.tokE >= p.tokE && o.tokE-o.tokS > p.tokE-p.tokS {
				return false
			}
		}
	}
	return true
}

// namePlaceRelations adds the relations of the name-place rules to rs.out.
func (d *docState) namePlaceRelations(rs *relState) {
	if len(d.p.namePlaces) == 0 {
		return
	}
	// entity key → indexes in d.acc of its mentions, per target type
	places := map[extractor.EntityType]map[string][]int{}
	for _, nr := range d.p.namePlaces {
		places[nr.tgt] = map[string][]int{}
	}
	// token → index in d.acc of the longest shown mention over it
	covered := make([]int32, len(d.fold))
	for t := range covered {
		covered[t] = -1
	}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide {
			continue
		}
		for t := c.tokS; t < c.tokE && int(t) < len(covered); t++ {
			if o := covered[t]; o < 0 || d.acc[o].tokE-d.acc[o].tokS < c.tokE-c.tokS {
				covered[t] = int32(k)
			}
		}
	}
	for k := range d.acc {
		if c := &d.acc[k]; !c.hide && places[c.typ] != nil && d.ownPlace(c, covered) {
			key := d.entityKey(c)
			places[c.typ][key] = append(places[c.typ][key], k)
		}
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
			key := d.namePlace(c, nr.local, nr.tgt)
			if key == "" || len(places[nr.tgt][key]) == 0 {
				continue
			}
			// The place's nearest mention: in the body's sentence if it has
			// one there, else the closest before or after it.
			si := d.sentOf[c.tokS]
			best, bestDist := -1, 0
			for _, p := range places[nr.tgt][key] {
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
