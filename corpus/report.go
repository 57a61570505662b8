package corpus

import (
	"path/filepath"
	"sort"

	"github.com/reportgraph/extractor"
)

// ReportSchema names the format of a Report (and so of a baseline file).
const ReportSchema = "extractor.eval/v1"

// Report is the outcome of scoring a dataset against a corpus: figures per
// document and overall, per type, per rule, and the entity and relation
// sets of every document. Written as JSON it is also the baseline file.
type Report struct {
	Schema    string      `json:"schema"`
	Corpus    string      `json:"corpus"`
	Options   Options     `json:"options"`
	Documents []DocReport `json:"documents"`
	Micro     Micro       `json:"micro"`
	Macro     Macro       `json:"macro"`
	// PerType: recall by gold type, precision by predicted type (typed).
	PerType         map[string]TypeFigures `json:"per_type"`
	PerRelationType map[string]TypeFigures `json:"per_relation_type"`
	Rules           []RuleCount            `json:"rules"`
	// GoldWithoutDocument lists gold files no document was read for;
	// DocumentsWithoutGold the documents no gold file describes.
	GoldWithoutDocument  []string `json:"gold_cases_without_document"`
	DocumentsWithoutGold []string `json:"unmatched_dataset_documents"`
	Warnings             []string `json:"warnings"`
}

// Micro pools every document (precision over exhaustive cases only).
type Micro struct {
	Detection      PRF             `json:"detection"`
	Typed          PRF             `json:"typed"`
	Relations      *PRF            `json:"relations"`
	EntityCounts   EntityCounts    `json:"entity_counts"`
	RelationCounts *RelationCounts `json:"relation_counts"`
}

// Macro averages the per-document figures.
type Macro struct {
	Detection PRF  `json:"detection"`
	Typed     PRF  `json:"typed"`
	Relations *PRF `json:"relations"`
}

// TypeFigures are the figures of one entity or relation type.
type TypeFigures struct {
	PRF
	Gold         int  `json:"gold"`
	FoundAnyType *int `json:"found_any_type,omitempty"` // entity types only
	Found        int  `json:"found"`
	Pred         int  `json:"pred"`
	PredTP       int  `json:"pred_tp"`
}

// DocReport is one scored document.
type DocReport struct {
	// Document is the gold case's document name; Source the input read.
	Document       string          `json:"document"`
	GoldFile       string          `json:"gold_file,omitempty"`
	Source         string          `json:"source"`
	Format         string          `json:"format,omitempty"`
	Exhaustive     bool            `json:"exhaustive"`
	Entities       EntityCounts    `json:"entities"`
	RelationCounts *RelationCounts `json:"relation_counts"`
	Detection      PRF             `json:"detection"`
	Typed          PRF             `json:"typed"`
	Relations      *PRF            `json:"relations"`
	// Predicted holds every predicted entity with its verdict; Missed the
	// required gold entities not found or found with no accepted type.
	Predicted          []EntityOutcome   `json:"predicted"`
	Missed             []EntityOutcome   `json:"missed"`
	PredictedRelations []RelationOutcome `json:"predicted_relations,omitempty"`
	MissedRelations    []RelationOutcome `json:"missed_relations,omitempty"`
}

// Key identifies a document across runs: the base name of its source, or
// the gold document name.
func (d DocReport) Key() string {
	if d.Source != "" {
		return filepath.Base(d.Source)
	}
	return d.Document
}

// Pair ties a dataset document (by id) to the gold that describes it.
type Pair struct {
	DocID    string
	Source   string
	Format   string
	Gold     *Gold
	GoldFile string
}

// Score scores the dataset's documents named by pairs against their gold,
// with the semantics of ../shared/tools/score.py.
func Score(ds *extractor.Dataset, pairs []Pair, opt Options) *Report {
	s := opt.scope()
	preds := indexPredictions(ds, opt.MinConfidence)
	rep := &Report{Schema: ReportSchema, Options: opt, Documents: []DocReport{},
		PerType: map[string]TypeFigures{}, PerRelationType: map[string]TypeFigures{},
		Rules: []RuleCount{}, GoldWithoutDocument: []string{}, DocumentsWithoutGold: []string{}, Warnings: []string{}}
	var totE EntityCounts
	var totR RelationCounts
	anyRel := false
	typeTot := map[string]*typeCounts{}
	relTot := map[string]*typeCounts{}
	rules := map[string]*RuleCount{}
	prepared := map[*Gold]*goldCase{}
	var detFigs, typedFigs, relFigs []*PRF
	for _, p := range pairs {
		c, ok := prepared[p.Gold]
		if !ok {
			var warns []string
			c, warns = prepare(p.Gold)
			for _, w := range warns {
				rep.Warnings = append(rep.Warnings, p.GoldFile+": "+w)
			}
			prepared[p.Gold] = c
		}
		ds := scorePair(p.DocID, preds.entities[p.DocID], preds.relations[p.DocID], c, s)
		ec := ds.ec
		exh := ec.Exhaustive > 0
		row := DocReport{Document: p.Gold.Document, GoldFile: p.GoldFile, Source: p.Source, Format: p.Format,
			Exhaustive: p.Gold.IsExhaustive(), Entities: ec,
			Detection: prf(ec.PredTP, ec.Pred, ec.Found, ec.Gold, exh),
			Typed:     prf(ec.TypedPredTP, ec.TypedPred, ec.TypedFound, ec.GoldTyped, exh),
			Predicted: nonNil(ds.predicted), Missed: nonNil(ds.missed),
			PredictedRelations: ds.predRels, MissedRelations: ds.missedRel}
		sortOutcomes(row.Predicted)
		sortOutcomes(row.Missed)
		sortRelOutcomes(row.PredictedRelations)
		sortRelOutcomes(row.MissedRelations)
		totE.add(ec)
		for t, v := range ds.perType {
			addType(typeTot, t, v)
		}
		if ds.rc != nil {
			anyRel = true
			rc := *ds.rc
			row.RelationCounts = &rc
			f := prf(rc.PredTP, rc.Pred, rc.Found, rc.Gold, rc.Exhaustive > 0)
			row.Relations = &f
			totR.add(rc)
			for t, v := range ds.perRel {
				addType(relTot, t, v)
			}
		}
		for id, r := range ds.rules {
			t := rules[id]
			if t == nil {
				t = &RuleCount{Rule: id}
				rules[id] = t
			}
			t.TP += r.TP
			t.FP += r.FP
			t.WrongType += r.WrongType
			t.RelationTP += r.RelationTP
			t.RelationFP += r.RelationFP
		}
		rep.Documents = append(rep.Documents, row)
	}
	for i := range rep.Documents {
		d := &rep.Documents[i]
		detFigs, typedFigs, relFigs = append(detFigs, &d.Detection), append(typedFigs, &d.Typed), append(relFigs, d.Relations)
	}
	exh := totE.Exhaustive > 0
	rep.Micro = Micro{
		Detection:    prf(totE.PredTP, totE.Pred, totE.Found, totE.Gold, exh),
		Typed:        prf(totE.TypedPredTP, totE.TypedPred, totE.TypedFound, totE.GoldTyped, exh),
		EntityCounts: totE,
	}
	rep.Macro = Macro{Detection: macro(detFigs), Typed: macro(typedFigs)}
	if anyRel {
		f := prf(totR.PredTP, totR.Pred, totR.Found, totR.Gold, totR.Exhaustive > 0)
		rep.Micro.Relations = &f
		rep.Micro.RelationCounts = &totR
		m := macro(relFigs)
		rep.Macro.Relations = &m
	}
	for t, v := range typeTot {
		rep.PerType[t] = TypeFigures{PRF: prf(v.PredTP, v.Pred, v.TypedFound, v.Gold, exh),
			Gold: v.Gold, FoundAnyType: &v.Found, Found: v.TypedFound, Pred: v.Pred, PredTP: v.PredTP}
	}
	for t, v := range relTot {
		rep.PerRelationType[t] = TypeFigures{PRF: prf(v.PredTP, v.Pred, v.Found, v.Gold, totR.Exhaustive > 0),
			Gold: v.Gold, Found: v.Found, Pred: v.Pred, PredTP: v.PredTP}
	}
	for _, id := range sortedKeys(rules) {
		rep.Rules = append(rep.Rules, *rules[id])
	}
	sort.SliceStable(rep.Rules, func(i, j int) bool {
		return rep.Rules[i].TP+rep.Rules[i].FP > rep.Rules[j].TP+rep.Rules[j].FP
	})
	if preds.entitiesWithoutDocument+preds.relationsWithoutDocument > 0 {
		rep.Warnings = append(rep.Warnings, "some entities or relations name no document and were not scored")
	}
	return rep
}

func addType(m map[string]*typeCounts, t string, v *typeCounts) {
	if m[t] == nil {
		m[t] = &typeCounts{}
	}
	m[t].Gold += v.Gold
	m[t].Found += v.Found
	m[t].TypedFound += v.TypedFound
	m[t].Pred += v.Pred
	m[t].PredTP += v.PredTP
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
