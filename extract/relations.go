package extract

import (
	"math"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/rules"
)

// Relations: the relation rules of the pack match spans of mentions in one
// sentence (rules.RelationMatch). After entity resolution every mention
// belongs to one entity, so each match becomes an edge between two entity
// ids. Matches with the same type, source and target are one relation with
// one piece of evidence per sentence, and a confidence computed from all of
// them (docs/confidence.md, "Relations").

// RelationID is the deterministic identifier of a relation: its type and
// the ids of its ends, e.g. "targets:threat-actor:volt-typhoon->sector:energy".
func RelationID(typ, source, target string) string {
	return typ + ":" + source + "->" + target
}

type mentionRef struct {
	doc  string
	span extractor.Span
}

// buildRelations maps the relation matches of every document to entity ids
// and merges duplicates. Matches whose ends belong to no entity (a mention
// dropped during resolution) and matches from an entity to itself (both
// ends resolved to the same thing) are dropped.
func buildRelations(results []*DocResult, entities []extractor.Entity, lim *limits) []extractor.Relation {
	n := 0
	for _, e := range entities {
		n += len(e.Mentions)
	}
	owner := make(map[mentionRef]string, n) // sized once: one entry per mention
	for _, e := range entities {
		for _, m := range e.Mentions {
			owner[mentionRef{m.Doc, m.Span}] = e.ID
		}
	}
	byID := map[string]*extractor.Relation{}
	priorities := map[string][]int{} // relation id → priority of each evidence, in order
	type evKey struct {
		id, doc  string
		sentence extractor.Span
	}
	seen := map[evKey]bool{} // one evidence per relation and sentence
	var order []string
	for di, res := range results {
		doc := res.Doc
		sh := lim.begin(di, stageResolution, "relation match", len(res.Relations))
		for _, m := range res.Relations {
			if !sh.tick() {
				break
			}
			src, ok1 := owner[mentionRef{doc.ID, m.Source}]
			tgt, ok2 := owner[mentionRef{doc.ID, m.Target}]
			if !ok1 || !ok2 || src == tgt {
				continue
			}
			id := RelationID(m.Type, src, tgt)
			ev := extractor.Evidence{Doc: doc.ID, Span: m.Sentence, Page: doc.PageOf(m.Sentence.Start),
				Sentence: sentenceText(doc.Text, m.Sentence), Rule: m.Rule, Hedge: m.Hedge, Coref: m.Coref}
			key := evKey{id, doc.ID, m.Sentence}
			if seen[key] {
				continue
			}
			seen[key] = true
			r := byID[id]
			if r == nil {
				r = &extractor.Relation{ID: id, Type: m.Type, Source: src, Target: tgt, Status: extractor.StatusCandidate}
				byID[id] = r
				order = append(order, id)
			}
			r.Evidence = append(r.Evidence, ev)
			priorities[id] = append(priorities[id], m.Priority)
		}
		sh.end()
	}
	sort.Strings(order)
	out := make([]extractor.Relation, 0, len(order))
	for _, id := range order {
		r := byID[id]
		r.Confidence = RelationConfidence(r.Evidence, priorities[id])
		out = append(out, *r)
	}
	return out
}

// maxEvidenceSentence bounds the sentence text kept on evidence, so a
// run-on "sentence" (a table flattened into one line) does not bloat the
// dataset; the span still covers the whole sentence.
const maxEvidenceSentence = 1000

func sentenceText(text string, s extractor.Span) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	t := text[s.Start:s.End]
	if len(t) > maxEvidenceSentence {
		cut := maxEvidenceSentence
		for cut > 0 && t[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
			cut--
		}
		t = t[:cut] + "…"
	}
	return t
}

// Confidence parameters, documented in docs/confidence.md ("Relations").
const (
	relPriorBase   = 0.3  // prior of a priority-0 rule
	relPriorMax    = 0.85 // no single sentence is worth more
	relHedgeFactor = 0.6  // a hedged sentence counts 60 % of its prior
	relCorefFactor = 0.8  // so does a sentence whose end is an anaphor, at 80 %
	relTopicFactor = 0.75 // and one whose anaphor fell back on the report's topic actor, at 75 % more
	relSameDocStep = 0.5  // further sentences of one document count half
)

// EvidencePrior is what one sentence lends a relation: 0.3 + priority/200,
// capped at 0.85 (a priority-60 rule gives 0.6), times 0.6 when the
// sentence hedges and 0.8 when an end was resolved from an anaphor, and
// times 0.75 more when no antecedent was in reach and the anaphor was read
// as the report's topic actor (rules.TopicCorefNote).
func EvidencePrior(ev extractor.Evidence, priority int) float64 {
	p := math.Max(0, math.Min(relPriorMax, relPriorBase+float64(priority)/200))
	if ev.Hedge != "" {
		p *= relHedgeFactor
	}
	if ev.Coref != "" {
		p *= relCorefFactor
		if strings.Contains(ev.Coref, rules.TopicCorefNote) {
			p *= relTopicFactor
		}
	}
	return p
}

// RelationConfidence combines the evidence of one relation. Within one
// document the sentences are combined as noisy-or votes where every
// sentence after the strongest counts half (one report repeating a claim is
// weak corroboration); documents are then combined as independent votes:
//
//	doc(d) = 1 − Π_k (1 − w_k·p_k),  w_1 = 1, w_k = 0.5 (k > 1, by descending p)
//	conf   = 1 − Π_d (1 − doc(d)),   capped at 0.99, rounded to two decimals
//
// priorities[i] is the priority of the rule behind evidence[i].
func RelationConfidence(evidence []extractor.Evidence, priorities []int) float64 {
	perDoc := map[string][]float64{}
	var docs []string
	for i, ev := range evidence {
		prio := 50
		if i < len(priorities) {
			prio = priorities[i]
		}
		if _, ok := perDoc[ev.Doc]; !ok {
			docs = append(docs, ev.Doc)
		}
		perDoc[ev.Doc] = append(perDoc[ev.Doc], EvidencePrior(ev, prio))
	}
	miss := 1.0
	for _, d := range docs {
		ps := perDoc[d]
		sort.Sort(sort.Reverse(sort.Float64Slice(ps)))
		docMiss := 1.0
		for k, p := range ps {
			w := 1.0
			if k > 0 {
				w = relSameDocStep
			}
			docMiss *= 1 - w*p
		}
		miss *= docMiss
	}
	c := math.Min(0.99, 1-miss)
	return math.Round(c*100) / 100
}
