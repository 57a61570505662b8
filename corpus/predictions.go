package corpus

import (
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
)

// predEntity is a dataset entity as the scorer sees it in one dataset.
type predEntity struct {
	id    string
	name  string   // display name
	norms []string // normalised name and aliases, distinct
	typ   string
	docs  map[string]bool
	conf  float64
	// rules lists, per document, the distinct rule ids of the entity's
	// mentions there (for per-rule true/false positive counts).
	rules map[string][]string
}

type predRelation struct {
	typ      string
	src, tgt *predEntity
	docs     map[string]bool
	rules    map[string][]string
}

// predictions is a dataset indexed by document id, as score.py's load_dataset
// builds it.
type predictions struct {
	entities  map[string][]*predEntity
	relations map[string][]*predRelation
	// withoutDocument counts entities and relations that name no document.
	entitiesWithoutDocument, relationsWithoutDocument int
}

func newPredEntity(id, name string, aliases []string, typ string, mentions []extractor.Mention, single string) *predEntity {
	p := &predEntity{id: id, typ: normType(typ), docs: map[string]bool{}, rules: map[string][]string{}}
	seen := map[string]bool{}
	for _, n := range append([]string{name}, aliases...) {
		if strings.TrimFunc(n, isPySpace) == "" {
			continue
		}
		if p.name == "" {
			p.name = n
		}
		if k := NormalizeName(n); k != "" && !seen[k] {
			seen[k] = true
			p.norms = append(p.norms, k)
		}
	}
	if p.name == "" {
		p.name = "(unnamed)"
	}
	for _, m := range mentions {
		p.docs[m.Doc] = true
		if m.Rule != "" && !contains(p.rules[m.Doc], m.Rule) {
			p.rules[m.Doc] = append(p.rules[m.Doc], m.Rule)
		}
	}
	if len(p.docs) == 0 && single != "" {
		p.docs[single] = true
	}
	return p
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// indexPredictions mirrors score.py's load_dataset: an entity belongs to the
// documents its mentions name (the only document of a one-document dataset
// when it has none); a relation to the documents its evidence names, else
// to the documents its endpoints share. An endpoint id that is no entity is
// taken as a name. minConf > 0 drops entities and relations below it.
func indexPredictions(ds *extractor.Dataset, minConf float64) *predictions {
	pr := &predictions{entities: map[string][]*predEntity{}, relations: map[string][]*predRelation{}}
	single := ""
	if len(ds.Documents) == 1 {
		single = ds.Documents[0].ID
	}
	byID := map[string]*predEntity{}
	for _, e := range ds.Entities {
		p := newPredEntity(e.ID, e.Name, e.Aliases, string(e.Type), e.Mentions, single)
		p.conf = e.Confidence
		if _, dup := byID[e.ID]; !dup {
			byID[e.ID] = p
		}
		if minConf > 0 && e.Confidence < minConf {
			continue
		}
		if len(p.docs) == 0 {
			pr.entitiesWithoutDocument++
		}
		for _, d := range sortedKeys(p.docs) {
			pr.entities[d] = append(pr.entities[d], p)
		}
	}
	endpoint := func(id string) *predEntity {
		if p, ok := byID[id]; ok {
			return p
		}
		return newPredEntity(id, id, nil, "", nil, "")
	}
	for _, r := range ds.Relations {
		if minConf > 0 && r.Confidence < minConf {
			continue
		}
		p := &predRelation{typ: normType(r.Type), src: endpoint(r.Source), tgt: endpoint(r.Target),
			docs: map[string]bool{}, rules: map[string][]string{}}
		for _, ev := range r.Evidence {
			p.docs[ev.Doc] = true
			if ev.Rule != "" && !contains(p.rules[ev.Doc], ev.Rule) {
				p.rules[ev.Doc] = append(p.rules[ev.Doc], ev.Rule)
			}
		}
		if len(p.docs) == 0 {
			for d := range p.src.docs {
				if p.tgt.docs[d] {
					p.docs[d] = true
				}
			}
		}
		if len(p.docs) == 0 && single != "" {
			p.docs[single] = true
		}
		if len(p.docs) == 0 {
			pr.relationsWithoutDocument++
		}
		for _, d := range sortedKeys(p.docs) {
			pr.relations[d] = append(pr.relations[d], p)
		}
	}
	return pr
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
