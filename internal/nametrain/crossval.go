package nametrain

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/rules"
)

// verdict is the model's judgement of one name in one held-out document:
// the mean probabilities of its occurrences, as the name stage computes
// them.
type verdict struct {
	class, best int
	p           float64
	text        string
	doc, start  int // the document and the first occurrence's offset
}

// verdictLine is one line of Options.Verdicts.
type verdictLine struct {
	Doc   string  `json:"doc"`
	Text  string  `json:"text"`
	Start int     `json:"start"`
	Gold  string  `json:"gold,omitempty"`  // the gold label: a type, none, other, optional
	Best  string  `json:"best,omitempty"`  // the likeliest class but none, of any type (proposed or not)
	P     float64 `json:"p"`               // its mean probability
	PNone float64 `json:"p_none"`          // the mean probability of none
	Found string  `json:"found,omitempty"` // a name the rules found: its type
}

// writeVerdict writes one line; a write error is kept by the
// stickyWriter Train wraps Options.Verdicts in, and Train returns it.
func writeVerdict(w io.Writer, l verdictLine) {
	b, _ := json.Marshal(l) // plain strings and numbers: cannot fail
	_, _ = fmt.Fprintf(w, "%s\n", b)
}

// labelName names a class or label for Options.Verdicts.
func labelName(class int) string {
	switch {
	case class == 0:
		return "none"
	case class == labelOtherType:
		return "other"
	case class == labelOptional:
		return "optional"
	}
	return string(Types[class-1])
}

// crossValidate trains a model per fold, judges the names of the fold's
// documents, prints what each threshold would add, and returns the lowest
// threshold whose precision is at least opt.MinPrecision.
func crossValidate(opt Options, spans []span) float64 {
	var models []*rules.NameModel
	for k := 0; k < opt.Folds; k++ {
		m, err := fit(spans, k, opt)
		if err != nil {
			panic(err) // the model types are fixed; NewNameModel cannot fail
		}
		models = append(models, m)
	}
	vs := judge(opt, spans, models, false)
	chosen := sweep(opt, vs)
	if len(opt.Augment) > 0 {
		copyFigures(opt.Log, judge(opt, spans, models, true), chosen)
	}
	return chosen
}

// judge is each fold model's verdict on the names of its held-out
// documents: the originals', or (copies) the rewritten copies' of the
// held-out originals. Verdicts are written for the originals only.
func judge(opt Options, spans []span, models []*rules.NameModel, copies bool) []verdict {
	var vs []verdict
	for k, m := range models {
		type group struct {
			sum          []float64
			n            int
			class, start int
		}
		groups := map[[2]any]*group{}
		var order [][2]any
		var probs []float64
		for _, s := range spans {
			if s.fold != k || s.found || s.augmented != copies {
				continue
			}
			key := [2]any{s.doc, s.text}
			g := groups[key]
			if g == nil {
				g = &group{sum: make([]float64, len(Types)+1), class: s.class, start: s.start}
				groups[key] = g
				order = append(order, key)
			}
			probs = m.Probabilities(s.features, probs)
			for c, p := range probs {
				g.sum[c] += p
			}
			g.n++
		}
		for _, key := range order {
			g := groups[key]
			best := 1
			for c := 2; c < len(g.sum); c++ {
				if g.sum[c] > g.sum[best] {
					best = c
				}
			}
			v := verdict{class: g.class, best: best, p: g.sum[best] / float64(g.n), text: key[1].(string),
				doc: key[0].(int), start: g.start}
			if opt.Verdicts != nil && !copies {
				writeVerdict(opt.Verdicts, verdictLine{Doc: opt.docNames[v.doc], Text: v.text, Start: v.start,
					Gold: labelName(v.class), Best: string(Types[best-1]), P: v.p, PNone: g.sum[0] / float64(g.n)})
			}
			if !proposed(Types[best-1]) {
				v.p = 0 // never proposed: as if below every threshold
			}
			vs = append(vs, v)
		}
	}
	return vs
}

// copyFigures prints what the fold models propose at the chosen
// threshold on the rewritten copies of their held-out documents.
func copyFigures(w io.Writer, vs []verdict, th float64) {
	var add, right, names int
	for _, v := range vs {
		if v.class > 0 && proposed(Types[v.class-1]) {
			names++
		}
		if v.p < th || v.class == labelOptional {
			continue
		}
		add++
		if v.class == v.best {
			right++
		}
	}
	fmt.Fprintf(w, "\nheld-out folds' rewritten copies at %.2f: %d added, %d right, %d wrong (precision %.3f), %d / %d gold names found\n",
		th, add, right, add-right, float64(right)/float64(max(add, 1)), right, names)
}

// sweep prints what each threshold would add on the held-out originals,
// and the surest mistakes, and returns the lowest threshold whose
// precision is at least opt.MinPrecision.
func sweep(opt Options, vs []verdict) float64 {
	names := 0
	for _, v := range vs {
		if v.class > 0 && proposed(Types[v.class-1]) {
			names++
		}
	}
	fmt.Fprintf(opt.Log, "%d-fold cross-validation by document: %d names in held-out folds (%d of them gold names of a proposed type)\n\n", opt.Folds, len(vs), names)
	fmt.Fprintln(opt.Log, "| threshold | added | right | wrong type | not a name or another type | precision | gold names found |")
	fmt.Fprintln(opt.Log, "|---|---|---|---|---|---|---|")
	chosen := 1.0
	for i := 19; i >= 5; i-- { // 0.95 down to 0.25, without the drift of repeated subtraction
		th := float64(i) / 20
		var add, right, wrong, none int
		for _, v := range vs {
			if v.p < th || v.class == labelOptional {
				continue
			}
			add++
			switch v.class {
			case v.best:
				right++
			case 0, labelOtherType:
				none++
			default:
				wrong++
			}
		}
		prec := 0.0
		if add > 0 {
			prec = float64(right) / float64(add)
		}
		fmt.Fprintf(opt.Log, "| %.2f | %d | %d | %d | %d | %.3f | %d / %d |\n", th, add, right, wrong, none, prec, right, names)
		if add > 0 && prec >= opt.MinPrecision {
			chosen = th
		}
	}
	fmt.Fprintf(opt.Log, "\nchosen threshold %.2f (lowest with precision >= %g)\n", chosen, opt.MinPrecision)
	// The model's surest mistakes, for the maintainer.
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].p > vs[j].p })
	shown := 0
	for _, v := range vs {
		if v.class == 0 && v.p >= chosen && shown < 40 {
			fmt.Fprintf(opt.Log, "  not a name: %q as %s (p %.2f)\n", v.text, Types[max(v.best, 1)-1], v.p)
			shown++
		}
	}
	if opt.Outcomes {
		for _, v := range vs {
			label := "none"
			if v.class > 0 {
				label = string(Types[v.class-1])
			}
			if v.class >= 0 && v.p >= 0.5 {
				fmt.Fprintf(opt.Log, "  proposed: %q %s as %s (p %.2f)\n", v.text, label, Types[max(v.best, 1)-1], v.p)
			}
		}
	}
	return chosen
}

func proposed(t extractor.EntityType) bool { return slices.Contains(Proposed, t) }
