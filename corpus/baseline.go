package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// DefaultTolerance is how much an F1 may drop before a comparison fails.
const DefaultTolerance = 0.005

// ReadBaseline reads a baseline file: a Report written by WriteBaseline.
func ReadBaseline(path string) (*Report, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r Report
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("%s: not a baseline file: %w", path, err)
	}
	if r.Schema != ReportSchema {
		return nil, fmt.Errorf("%s: schema %q, want %q", path, r.Schema, ReportSchema)
	}
	return &r, nil
}

// WriteBaseline writes the report as the new baseline.
func WriteBaseline(path string, r *Report) error {
	b, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// FigureChange is one figure that moved between the baseline and this run.
type FigureChange struct {
	Where  string   `json:"where"` // "micro", "macro" or a document key
	Figure string   `json:"figure"`
	Old    *float64 `json:"old"`
	New    *float64 `json:"new"`
	// Regression is set on an F1 that dropped by more than the tolerance.
	Regression bool `json:"regression,omitempty"`
}

// DocDiff is what changed in one document.
type DocDiff struct {
	Document        string            `json:"document"`
	GainedEntities  []EntityOutcome   `json:"gained_entities,omitempty"`
	LostEntities    []EntityOutcome   `json:"lost_entities,omitempty"`
	GainedRelations []RelationOutcome `json:"gained_relations,omitempty"`
	LostRelations   []RelationOutcome `json:"lost_relations,omitempty"`
	Figures         []FigureChange    `json:"figures,omitempty"`
	OnlyInBaseline  bool              `json:"only_in_baseline,omitempty"`
	OnlyInThisRun   bool              `json:"only_in_this_run,omitempty"`
}

// Comparison is a run compared with its baseline.
type Comparison struct {
	Tolerance float64        `json:"tolerance"`
	Overall   []FigureChange `json:"overall"`
	Documents []DocDiff      `json:"documents"`
	// Regressions are the F1s (overall, per type, per document) that
	// dropped by more than Tolerance.
	Regressions []FigureChange `json:"regressions"`
}

// Compare compares a run with a baseline. Entities and relations are
// compared per document by name, type and verdict (a name that turned from
// fp into tp is one lost and one gained outcome). An overall F1 (micro or
// macro; detection, typed, relations), a per-type F1 or a per-document F1
// that dropped by more than tolerance is a regression: a rule change that
// trades one document or type for another must be accepted consciously
// with --update-baseline, not averaged away.
func Compare(base, cur *Report, tolerance float64) *Comparison {
	cmp := &Comparison{Tolerance: tolerance, Overall: []FigureChange{}, Documents: []DocDiff{}, Regressions: []FigureChange{}}
	overall := func(where string, name string, old, new *PRF, f1Gate bool) {
		if old == nil && new == nil {
			return
		}
		var o, n PRF
		if old != nil {
			o = *old
		}
		if new != nil {
			n = *new
		}
		for _, f := range []struct {
			k    string
			a, b *float64
			gate bool
		}{{"P", o.P, n.P, false}, {"R", o.R, n.R, false}, {"F1", o.F1, n.F1, f1Gate}} {
			if sameFigure(f.a, f.b) {
				continue
			}
			ch := FigureChange{Where: where, Figure: name + " " + f.k, Old: f.a, New: f.b}
			if f.gate && f.a != nil && (f.b == nil || *f.a-*f.b > tolerance) {
				ch.Regression = true
				cmp.Regressions = append(cmp.Regressions, ch)
			}
			cmp.Overall = append(cmp.Overall, ch)
		}
	}
	overall("micro", "detection", &base.Micro.Detection, &cur.Micro.Detection, true)
	overall("micro", "typed", &base.Micro.Typed, &cur.Micro.Typed, true)
	overall("micro", "relations", base.Micro.Relations, cur.Micro.Relations, true)
	overall("macro", "detection", &base.Macro.Detection, &cur.Macro.Detection, true)
	overall("macro", "typed", &base.Macro.Typed, &cur.Macro.Typed, true)
	overall("macro", "relations", base.Macro.Relations, cur.Macro.Relations, true)
	perType := func(where string, old, new map[string]TypeFigures) {
		for _, t := range unionKeys(old, new) {
			o, okO := old[t]
			n, okN := new[t]
			if !okO {
				continue // a type the baseline never saw cannot regress
			}
			var np *PRF
			if okN {
				np = &n.PRF
			}
			overall(where, t, &o.PRF, np, true)
		}
	}
	perType("per type", base.PerType, cur.PerType)
	perType("per relation type", base.PerRelationType, cur.PerRelationType)

	old := map[string]*DocReport{}
	for i := range base.Documents {
		old[base.Documents[i].Key()] = &base.Documents[i]
	}
	seen := map[string]bool{}
	for i := range cur.Documents {
		d := &cur.Documents[i]
		k := d.Key()
		seen[k] = true
		b := old[k]
		if b == nil {
			cmp.Documents = append(cmp.Documents, DocDiff{Document: k, OnlyInThisRun: true})
			continue
		}
		dd := DocDiff{Document: k}
		dd.GainedEntities, dd.LostEntities = diffOutcomes(b.Predicted, d.Predicted)
		dd.GainedRelations, dd.LostRelations = diffOutcomes(b.PredictedRelations, d.PredictedRelations)
		for _, f := range []struct {
			name string
			a, b *PRF
		}{{"detection", &b.Detection, &d.Detection}, {"typed", &b.Typed, &d.Typed}, {"relations", b.Relations, d.Relations}} {
			if f.a == nil || f.b == nil {
				continue
			}
			if !sameFigure(f.a.F1, f.b.F1) {
				ch := FigureChange{Where: k, Figure: f.name + " F1", Old: f.a.F1, New: f.b.F1}
				if f.a.F1 != nil && (f.b.F1 == nil || *f.a.F1-*f.b.F1 > tolerance) {
					ch.Regression = true
					cmp.Regressions = append(cmp.Regressions, ch)
				}
				dd.Figures = append(dd.Figures, ch)
			}
		}
		if len(dd.GainedEntities)+len(dd.LostEntities)+len(dd.GainedRelations)+len(dd.LostRelations)+len(dd.Figures) > 0 {
			cmp.Documents = append(cmp.Documents, dd)
		}
	}
	for _, k := range sortedKeys(old) {
		if !seen[k] {
			cmp.Documents = append(cmp.Documents, DocDiff{Document: k, OnlyInBaseline: true})
		}
	}
	sort.SliceStable(cmp.Documents, func(i, j int) bool { return cmp.Documents[i].Document < cmp.Documents[j].Document })
	return cmp
}

func sameFigure(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// outcome is what diffOutcomes needs of an entity or relation outcome.
type outcome interface{ diffKey() string }

func (o EntityOutcome) diffKey() string   { return o.Key() + " " + o.Verdict }
func (o RelationOutcome) diffKey() string { return o.Key() + " " + o.Verdict }

// diffOutcomes returns what cur has that old has not (gained) and the
// reverse (lost), keyed by name, type and verdict.
func diffOutcomes[T outcome](old, cur []T) (gained, lost []T) {
	o, c := map[string]bool{}, map[string]bool{}
	for _, e := range old {
		o[e.diffKey()] = true
	}
	for _, e := range cur {
		c[e.diffKey()] = true
		if !o[e.diffKey()] {
			gained = append(gained, e)
		}
	}
	for _, e := range old {
		if !c[e.diffKey()] {
			lost = append(lost, e)
		}
	}
	return gained, lost
}

func unionKeys(a, b map[string]TypeFigures) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range []map[string]TypeFigures{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}
