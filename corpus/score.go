package corpus

import (
	"fmt"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
)

// The extractor's relation vocabulary: by default a gold relation is
// required only when its type (or an "also" type) is one of these.
var relationTypes = []string{"attributed-to", "sponsored-by", "affiliated-with", "employed-by",
	"contractor-of", "part-of", "located-in", "targets", "uses", "exploits"}

// Options say what is counted. The zero value scores like score.py without
// options.
type Options struct {
	// Types: nil requires gold entities with an extractor type (or none)
	// and counts predictions of every type; ["all"] counts every gold type;
	// a list restricts gold and predicted entities to those types.
	Types []string
	// RelationTypes works like Types for relations.
	RelationTypes []string
	// StrictOptional makes optional gold entities and relations required.
	StrictOptional bool
	// MinConfidence drops predictions below it (0 keeps all).
	MinConfidence float64
}

type scope struct {
	goldTypes, predTypes       map[string]bool // nil: all
	goldRelTypes, predRelTypes map[string]bool
	strict                     bool
}

func setOf(list []string) map[string]bool {
	m := map[string]bool{}
	for _, t := range list {
		if t = normType(t); t != "" {
			m[t] = true
		}
	}
	return m
}

func typeScope(list, defaults []string) (gold, pred map[string]bool) {
	switch {
	case list == nil:
		return setOf(defaults), nil
	case len(list) == 1 && strings.EqualFold(strings.TrimSpace(list[0]), "all"):
		return nil, nil
	default:
		s := setOf(list)
		return s, s
	}
}

func (o Options) scope() scope {
	var et []string
	for _, t := range extractor.EntityTypes {
		et = append(et, string(t))
	}
	var s scope
	s.goldTypes, s.predTypes = typeScope(o.Types, et)
	s.goldRelTypes, s.predRelTypes = typeScope(o.RelationTypes, relationTypes)
	s.strict = o.StrictOptional
	return s
}

// EntityCounts are the entity tallies of one document or of a whole run;
// the names are score.py's.
type EntityCounts struct {
	Gold           int `json:"gold"`
	Found          int `json:"found"`
	GoldTyped      int `json:"gold_typed"`
	TypedFound     int `json:"typed_found"`
	Pred           int `json:"pred"`
	PredTP         int `json:"pred_tp"`
	PredFP         int `json:"pred_fp"`
	TypedPred      int `json:"typed_pred"`
	TypedPredTP    int `json:"typed_pred_tp"`
	TypedPredFP    int `json:"typed_pred_fp"`
	Split          int `json:"split"`
	Merged         int `json:"merged"`
	OptionalGold   int `json:"optional_gold"`
	OutOfScopePred int `json:"out_of_scope_pred"`
	Exhaustive     int `json:"exhaustive"`
}

func (c *EntityCounts) add(o EntityCounts) {
	c.Gold += o.Gold
	c.Found += o.Found
	c.GoldTyped += o.GoldTyped
	c.TypedFound += o.TypedFound
	c.Pred += o.Pred
	c.PredTP += o.PredTP
	c.PredFP += o.PredFP
	c.TypedPred += o.TypedPred
	c.TypedPredTP += o.TypedPredTP
	c.TypedPredFP += o.TypedPredFP
	c.Split += o.Split
	c.Merged += o.Merged
	c.OptionalGold += o.OptionalGold
	c.OutOfScopePred += o.OutOfScopePred
	c.Exhaustive += o.Exhaustive
}

// RelationCounts are the relation tallies.
type RelationCounts struct {
	Gold           int `json:"gold"`
	Found          int `json:"found"`
	Pred           int `json:"pred"`
	PredTP         int `json:"pred_tp"`
	PredFP         int `json:"pred_fp"`
	OutOfScopePred int `json:"out_of_scope_pred"`
	Exhaustive     int `json:"exhaustive"`
}

func (c *RelationCounts) add(o RelationCounts) {
	c.Gold += o.Gold
	c.Found += o.Found
	c.Pred += o.Pred
	c.PredTP += o.PredTP
	c.PredFP += o.PredFP
	c.OutOfScopePred += o.OutOfScopePred
	c.Exhaustive += o.Exhaustive
}

// typeCounts are per-type tallies: recall by gold type, precision by
// predicted type. For relations, TypedFound is unused.
type typeCounts struct {
	Gold, Found, TypedFound, Pred, PredTP int
}

// Verdicts of a predicted entity or relation, and of a gold one.
const (
	VerdictTP         = "tp"           // matches required gold (with the right type)
	VerdictWrongType  = "wrong-type"   // matches required gold, type not accepted
	VerdictFP         = "fp"           // matches nothing, counted against precision
	VerdictOptional   = "optional"     // matches only optional or unusable gold: ignored
	VerdictOutOfScope = "out-of-scope" // type outside the case's annotation: ignored
	VerdictNotScored  = "not-scored"   // non-exhaustive case: precision not computed
	VerdictFound      = "found"        // gold found with an accepted type
	VerdictMissed     = "missed"       // gold not found
)

// EntityOutcome is one predicted entity of a document and what the scorer
// made of it; gold outcomes use the gold display name and first type.
type EntityOutcome struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Verdict string   `json:"verdict"`
	Rules   []string `json:"rules,omitempty"`
}

// RelationOutcome is one predicted (or missed gold) relation.
type RelationOutcome struct {
	Source  string   `json:"source"`
	Type    string   `json:"type"`
	Target  string   `json:"target"`
	Verdict string   `json:"verdict"`
	Rules   []string `json:"rules,omitempty"`
}

// Key identifies the outcome across runs.
func (o EntityOutcome) Key() string { return o.Name + " [" + o.Type + "]" }

// Key identifies the outcome across runs.
func (o RelationOutcome) Key() string { return o.Source + " --" + o.Type + "--> " + o.Target }

// RuleCount is how many true and false positive entities (and relations)
// one rule contributed to: an entity counts for every rule among its
// mentions in that document.
type RuleCount struct {
	Rule       string `json:"rule"`
	TP         int    `json:"tp"`
	FP         int    `json:"fp"`
	WrongType  int    `json:"wrong_type"`
	RelationTP int    `json:"relation_tp"`
	RelationFP int    `json:"relation_fp"`
}

// goldEnt is a parsed gold entity.
type goldEnt struct {
	id       string
	display  string
	types    []string
	optional bool
}

type goldRel struct {
	typ        string
	accept     map[string]bool
	src, tgt   *goldEnt
	undirected bool
	optional   bool
}

// goldCase is a Gold prepared for matching.
type goldCase struct {
	g        *Gold
	entities []*goldEnt
	byNorm   map[string][]*goldEnt
	rels     []*goldRel
	entTypes map[string]bool // nil: not declared
	relTypes map[string]bool
}

func prepare(g *Gold) (*goldCase, []string) {
	var warnings []string
	c := &goldCase{g: g, byNorm: map[string][]*goldEnt{}}
	if g.EntityTypes != nil {
		c.entTypes = setOf(g.EntityTypes)
	}
	if g.RelationTypes != nil {
		c.relTypes = setOf(g.RelationTypes)
	}
	byID := map[string]*goldEnt{}
	for _, e := range g.Entities {
		ge := &goldEnt{id: e.ID, optional: e.Optional}
		norms := map[string]bool{}
		for _, n := range e.Names {
			if k := NormalizeName(n); k != "" {
				norms[k] = true
			}
		}
		if len(norms) == 0 {
			warnings = append(warnings, fmt.Sprintf("gold entity %q has no usable name; skipped", e.ID))
			continue
		}
		ge.display = e.Names[0]
		for _, t := range e.Types {
			if t = normType(t); t != "" && !contains(ge.types, t) {
				ge.types = append(ge.types, t)
			}
		}
		c.entities = append(c.entities, ge)
		if _, ok := byID[ge.id]; !ok {
			byID[ge.id] = ge
		}
		for _, k := range sortedKeys(norms) {
			c.byNorm[k] = append(c.byNorm[k], ge)
		}
	}
	resolve := func(x string) *goldEnt {
		if ge, ok := byID[x]; ok {
			return ge
		}
		if hits := c.byNorm[NormalizeName(x)]; len(hits) > 0 {
			return hits[0]
		}
		return nil
	}
	for i, r := range g.Relations {
		gr := &goldRel{typ: normType(r.Type), accept: map[string]bool{}, undirected: r.Undirected, optional: r.Optional}
		for _, t := range append([]string{r.Type}, r.Also...) {
			if t = normType(t); t != "" {
				gr.accept[t] = true
			}
		}
		gr.src, gr.tgt = resolve(r.Source), resolve(r.Target)
		if gr.src == nil || gr.tgt == nil || len(gr.accept) == 0 {
			warnings = append(warnings, fmt.Sprintf("gold relation #%d (%s %s %s) has an unknown endpoint or no type; skipped", i, r.Source, r.Type, r.Target))
			continue
		}
		c.rels = append(c.rels, gr)
	}
	return c, warnings
}

// docScore is the outcome of scoring one document against one case.
type docScore struct {
	ec        EntityCounts
	rc        *RelationCounts
	perType   map[string]*typeCounts
	perRel    map[string]*typeCounts
	predicted []EntityOutcome
	missed    []EntityOutcome
	predRels  []RelationOutcome
	missedRel []RelationOutcome
	rules     map[string]*RuleCount
}

// scorePair is score.py's score_pair: set-based, document-level matching
// of predicted entities and relations against one gold case.
func scorePair(doc string, preds []*predEntity, prels []*predRelation, c *goldCase, s scope) *docScore {
	out := &docScore{perType: map[string]*typeCounts{}, perRel: map[string]*typeCounts{}, rules: map[string]*RuleCount{}}
	tc := func(m map[string]*typeCounts, t string) *typeCounts {
		if m[t] == nil {
			m[t] = &typeCounts{}
		}
		return m[t]
	}
	rule := func(id string) *RuleCount {
		if out.rules[id] == nil {
			out.rules[id] = &RuleCount{Rule: id}
		}
		return out.rules[id]
	}
	required := map[*goldEnt]bool{}
	for _, g := range c.entities {
		if s.strict || !g.optional {
			required[g] = true
		}
	}
	inScope := func(g *goldEnt) bool {
		if s.goldTypes == nil || len(g.types) == 0 {
			return true
		}
		for _, t := range g.types {
			if s.goldTypes[t] {
				return true
			}
		}
		return false
	}
	bucket := func(g *goldEnt) string {
		if len(g.types) == 0 {
			return ""
		}
		if s.goldTypes != nil {
			for _, t := range g.types {
				if s.goldTypes[t] {
					return t
				}
			}
		}
		return g.types[0]
	}
	cache := map[*predEntity][]*goldEnt{}
	matches := func(p *predEntity) []*goldEnt {
		if p == nil {
			return nil
		}
		if ms, ok := cache[p]; ok {
			return ms
		}
		ms := c.goldMatches(p)
		cache[p] = ms
		return ms
	}
	accepts := func(g *goldEnt, t string) bool { return contains(g.types, t) }

	ec := &out.ec
	if c.g.IsExhaustive() {
		ec.Exhaustive = 1
	}
	for _, g := range c.entities {
		if g.optional && !s.strict {
			ec.OptionalGold++
		}
	}
	matchedBy := map[*goldEnt][]*predEntity{}
	for _, p := range preds {
		for _, g := range matches(p) {
			matchedBy[g] = append(matchedBy[g], p)
		}
	}
	for _, g := range c.entities {
		if !required[g] || !inScope(g) {
			continue
		}
		ms := matchedBy[g]
		ec.Gold++
		found := len(ms) > 0
		if found {
			ec.Found++
		}
		if len(ms) > 1 {
			ec.Split++
		}
		b := bucket(g)
		typedOK := false
		if len(g.types) > 0 {
			ec.GoldTyped++
			for _, p := range ms {
				typedOK = typedOK || accepts(g, p.typ)
			}
			if typedOK {
				ec.TypedFound++
			}
			t := tc(out.perType, b)
			t.Gold++
			if found {
				t.Found++
			}
			if typedOK {
				t.TypedFound++
			}
		}
		switch {
		case !found:
			out.missed = append(out.missed, EntityOutcome{Name: g.display, Type: b, Verdict: VerdictMissed})
		case len(g.types) > 0 && !typedOK:
			out.missed = append(out.missed, EntityOutcome{Name: g.display, Type: b, Verdict: VerdictWrongType})
		}
	}
	for _, p := range preds {
		o := EntityOutcome{Name: p.name, Type: p.typ, Rules: p.rules[doc]}
		if s.predTypes != nil && !s.predTypes[p.typ] {
			continue
		}
		ms := matches(p)
		var msReq []*goldEnt
		for _, g := range ms {
			if required[g] {
				msReq = append(msReq, g)
			}
		}
		if len(msReq) > 1 {
			ec.Merged++
		}
		switch {
		case len(ms) > 0 && len(msReq) == 0:
			o.Verdict = VerdictOptional
		case len(msReq) == 0 && c.entTypes != nil && !c.entTypes[p.typ]:
			ec.OutOfScopePred++
			o.Verdict = VerdictOutOfScope
		case !c.g.IsExhaustive():
			o.Verdict = VerdictNotScored
		default:
			ec.Pred++
			ptype := p.typ
			if ptype == "" {
				ptype = "(none)"
			}
			if len(msReq) > 0 {
				ec.PredTP++
				o.Verdict = VerdictTP
				var typed []*goldEnt
				for _, g := range msReq {
					if len(g.types) > 0 {
						typed = append(typed, g)
					}
				}
				if len(typed) > 0 {
					ec.TypedPred++
					tc(out.perType, ptype).Pred++
					ok := false
					for _, g := range typed {
						ok = ok || accepts(g, p.typ)
					}
					if ok {
						ec.TypedPredTP++
						tc(out.perType, ptype).PredTP++
					} else {
						ec.TypedPredFP++
						o.Verdict = VerdictWrongType
					}
				}
			} else {
				ec.PredFP++
				ec.TypedPred++
				ec.TypedPredFP++
				tc(out.perType, ptype).Pred++
				o.Verdict = VerdictFP
			}
			for _, r := range o.Rules {
				switch o.Verdict {
				case VerdictTP:
					rule(r).TP++
				case VerdictWrongType:
					rule(r).TP++
					rule(r).WrongType++
				case VerdictFP:
					rule(r).FP++
				}
			}
		}
		out.predicted = append(out.predicted, o)
	}

	if !c.g.ScoresRelations() {
		return out
	}
	rc := &RelationCounts{}
	out.rc = rc
	if c.g.RelationsExhaustive() {
		rc.Exhaustive = 1
	}
	usable := func(gr *goldRel) bool {
		if gr.optional && !s.strict {
			return false
		}
		return required[gr.src] && required[gr.tgt]
	}
	has := func(list []*goldEnt, g *goldEnt) bool {
		for _, x := range list {
			if x == g {
				return true
			}
		}
		return false
	}
	relMatch := func(pr *predRelation, gr *goldRel) bool {
		if !gr.accept[pr.typ] {
			return false
		}
		ms, mt := matches(pr.src), matches(pr.tgt)
		if has(ms, gr.src) && has(mt, gr.tgt) {
			return true
		}
		return gr.undirected && has(ms, gr.tgt) && has(mt, gr.src)
	}
	for _, gr := range c.rels {
		if !usable(gr) || !inScope(gr.src) || !inScope(gr.tgt) {
			continue
		}
		if s.goldRelTypes != nil {
			ok := false
			for t := range gr.accept {
				ok = ok || s.goldRelTypes[t]
			}
			if !ok {
				continue
			}
		}
		rc.Gold++
		hit := false
		for _, pr := range prels {
			if relMatch(pr, gr) {
				hit = true
				break
			}
		}
		t := tc(out.perRel, gr.typ)
		t.Gold++
		if hit {
			rc.Found++
			t.Found++
		} else {
			out.missedRel = append(out.missedRel, RelationOutcome{Source: gr.src.display, Type: gr.typ, Target: gr.tgt.display, Verdict: VerdictMissed})
		}
	}
	for _, pr := range prels {
		if s.predRelTypes != nil && !s.predRelTypes[pr.typ] {
			continue
		}
		if s.predTypes != nil && !(s.predTypes[pr.src.typ] && s.predTypes[pr.tgt.typ]) {
			continue
		}
		o := RelationOutcome{Source: pr.src.name, Type: pr.typ, Target: pr.tgt.name, Rules: pr.rules[doc]}
		var hits, ok int
		for _, gr := range c.rels {
			if relMatch(pr, gr) {
				hits++
				if usable(gr) {
					ok++
				}
			}
		}
		ptype := pr.typ
		if ptype == "" {
			ptype = "(none)"
		}
		switch {
		case hits > 0 && ok == 0:
			o.Verdict = VerdictOptional
		case ok == 0 && c.relTypes != nil && !c.relTypes[pr.typ]:
			rc.OutOfScopePred++
			o.Verdict = VerdictOutOfScope
		case !c.g.RelationsExhaustive():
			o.Verdict = VerdictNotScored
		default:
			rc.Pred++
			tc(out.perRel, ptype).Pred++
			if ok > 0 {
				rc.PredTP++
				tc(out.perRel, ptype).PredTP++
				o.Verdict = VerdictTP
				for _, r := range o.Rules {
					rule(r).RelationTP++
				}
			} else {
				rc.PredFP++
				o.Verdict = VerdictFP
				for _, r := range o.Rules {
					rule(r).RelationFP++
				}
			}
		}
		out.predRels = append(out.predRels, o)
	}
	return out
}

func sortOutcomes(es []EntityOutcome) {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Key() < es[j].Key() })
}

func sortRelOutcomes(rs []RelationOutcome) {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Key() < rs[j].Key() })
}

// goldMatches returns the gold entities that share a normalised name with
// the prediction, each once, in the order of the prediction's names.
func (c *goldCase) goldMatches(p *predEntity) []*goldEnt {
	var ms []*goldEnt
	seen := map[*goldEnt]bool{}
	for _, n := range p.norms {
		for _, g := range c.byNorm[n] {
			if !seen[g] {
				seen[g] = true
				ms = append(ms, g)
			}
		}
	}
	return ms
}
