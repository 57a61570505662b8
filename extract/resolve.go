package extract

import (
	"math"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
)

// Resolve merges the mentions of every document into entities and returns
// the dataset. Mentions are one entity when they share a normalised name
// (a gazetteer's canonical name when a rule gave one, else the surface
// text) or when an alias rule linked them ("Ministry of State Security
// (MSS)", "also known as"). Entities with the same id in several documents
// are one entity with the mentions of all of them.
func Resolve(results []*DocResult) *extractor.Dataset {
	ds := &extractor.Dataset{Schema: extractor.DatasetSchema,
		Documents: []extractor.DocumentSummary{}, Entities: []extractor.Entity{}, Relations: []extractor.Relation{}}
	var all []extractor.Mention
	var nameSide []bool // mention was the defined side of an alias link
	docIndex := map[string]int{}
	uf := newUnionFind(0)
	byKey := map[string]int{}
	for di, r := range results {
		ds.Documents = append(ds.Documents, r.Doc.Summary())
		docIndex[r.Doc.ID] = di
		at := map[extractor.Span]int{}
		for _, m := range r.Mentions {
			i := len(all)
			all = append(all, m)
			nameSide = append(nameSide, false)
			uf.add()
			at[m.Span] = i
			k := mentionKey(m)
			if j, ok := byKey[k]; ok {
				uf.union(i, j)
			} else {
				byKey[k] = i
			}
		}
		for _, a := range r.Aliases {
			i, ok1 := at[a.Name]
			j, ok2 := at[a.Alias]
			if ok1 && ok2 {
				uf.union(i, j)
				nameSide[i] = true
			}
		}
	}
	groups := map[int][]int{}
	for i := range all {
		root := uf.find(i)
		groups[root] = append(groups[root], i)
	}
	byID := map[string]*extractor.Entity{}
	for _, idx := range groups {
		e := buildEntity(all, nameSide, idx)
		if prev, ok := byID[e.ID]; ok {
			prev.Mentions = append(prev.Mentions, e.Mentions...)
			prev.Aliases = append(prev.Aliases, e.Aliases...)
			continue
		}
		byID[e.ID] = &e
	}
	for _, e := range byID {
		sort.Slice(e.Mentions, func(a, b int) bool {
			ma, mb := e.Mentions[a], e.Mentions[b]
			if da, db := docIndex[ma.Doc], docIndex[mb.Doc]; da != db {
				return da < db
			}
			if ma.Start != mb.Start {
				return ma.Start < mb.Start
			}
			return ma.End < mb.End
		})
		e.Aliases = distinctAliases(e.Name, e.Aliases)
		e.Confidence = entityConfidence(e.Mentions)
		e.Status = extractor.StatusCandidate
		ds.Entities = append(ds.Entities, *e)
	}
	order := map[extractor.EntityType]int{}
	for i, t := range extractor.EntityTypes {
		order[t] = i
	}
	sort.Slice(ds.Entities, func(a, b int) bool {
		ea, eb := ds.Entities[a], ds.Entities[b]
		if order[ea.Type] != order[eb.Type] {
			return order[ea.Type] < order[eb.Type]
		}
		return ea.ID < eb.ID
	})
	return ds
}

func mentionKey(m extractor.Mention) string {
	if m.Type == extractor.Indicator {
		return "indicator:" + m.Subtype + ":" + strings.ToLower(m.Text)
	}
	if m.Canonical != "" {
		return NormalizeName(m.Canonical)
	}
	return NormalizeName(m.Text)
}

// buildEntity chooses the type by a vote weighted by rule priority, and the
// name: a gazetteer's canonical name, else the defined side of an alias
// link, else the most frequent surface form (then the longest, then the
// first).
func buildEntity(all []extractor.Mention, nameSide []bool, idx []int) extractor.Entity {
	votes := map[extractor.EntityType]int{}
	for _, i := range idx {
		votes[all[i].Type] += all[i].Priority + 1
	}
	var typ extractor.EntityType
	for _, t := range extractor.EntityTypes {
		if votes[t] > votes[typ] || typ == "" && votes[t] > 0 {
			typ = t
		}
	}
	canon := map[string]int{}
	defined := map[string]int{}
	surface := map[string]int{}
	first := map[string]int{}
	subtype := ""
	var aliases []string
	mentions := make([]extractor.Mention, 0, len(idx))
	for n, i := range idx {
		m := all[i]
		mentions = append(mentions, m)
		aliases = append(aliases, m.Text)
		if m.Type != typ {
			continue
		}
		if subtype == "" {
			subtype = m.Subtype
		}
		if m.Canonical != "" {
			canon[m.Canonical]++
			aliases = append(aliases, m.Canonical)
		}
		if nameSide[i] {
			defined[m.Text]++
		}
		surface[m.Text]++
		if _, ok := first[m.Text]; !ok {
			first[m.Text] = n
		}
	}
	name := pick(canon, first)
	if name == "" {
		name = pick(defined, first)
	}
	if name == "" {
		name = pick(surface, first)
	}
	if name == "" { // every mention voted another type away: cannot happen, but never return an empty name
		name = all[idx[0]].Text
	}
	return extractor.Entity{
		ID:       EntityID(string(typ), subtype, name),
		Type:     typ,
		Subtype:  subtype,
		Name:     name,
		Aliases:  aliases,
		Mentions: mentions,
	}
}

// pick returns the most frequent key, preferring the longer and then the
// earlier one, so the choice does not depend on map order.
func pick(count map[string]int, first map[string]int) string {
	best := ""
	for k, c := range count {
		switch {
		case best == "":
			best = k
		case c != count[best]:
			if c > count[best] {
				best = k
			}
		case len(k) != len(best):
			if len(k) > len(best) {
				best = k
			}
		case first[k] != first[best]:
			if first[k] < first[best] {
				best = k
			}
		case k < best:
			best = k
		}
	}
	return best
}

func distinctAliases(name string, in []string) []string {
	seen := map[string]bool{NormalizeName(name): true}
	out := []string{}
	for _, a := range in {
		k := NormalizeName(a)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// MentionPrior is the confidence one mention lends its entity: the rule's
// own confidence when it set one, else 0.5 + priority/200 clamped to
// [0.5, 0.95], so a priority-80 gazetteer hit counts 0.9.
func MentionPrior(m extractor.Mention) float64 {
	if m.Confidence > 0 {
		return m.Confidence
	}
	return math.Max(0.5, math.Min(0.95, 0.5+float64(m.Priority)/200))
}

// entityConfidence combines the priors of all mentions as independent
// votes, 1 - Π(1 - p), capped at 0.99 and rounded to two decimals so output
// is stable. The relations issue refines this with evidence and hedges.
func entityConfidence(ms []extractor.Mention) float64 {
	miss := 1.0
	for _, m := range ms {
		miss *= 1 - MentionPrior(m)
	}
	c := math.Min(0.99, 1-miss)
	return math.Round(c*100) / 100
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *unionFind) add() { u.parent = append(u.parent, len(u.parent)) }

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// union keeps the smaller index as root so results do not depend on order
// of calls beyond the mention order itself.
func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if ra < rb {
		u.parent[rb] = ra
	} else {
		u.parent[ra] = rb
	}
}
