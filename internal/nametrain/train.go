// Package nametrain trains the name model of package rules
// (docs/name-model.md) on a corpus with gold files: it labels the spans
// the model reads from the gold names, measures the model by
// cross-validation by document, picks its threshold there, trains on
// every document and writes the model files that rules embeds.
// `extractor train-names` (hidden) and `make train-names` run it.
package nametrain

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/corpus"
	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/internal/augment"
	"github.com/reportgraph/extractor/internal/linear"
	"github.com/reportgraph/extractor/nlp"
	"github.com/reportgraph/extractor/rules"
)

// Options say what to train on and where to write.
type Options struct {
	Corpus string // a folder of documents with gold files
	Folds  int    // folds of the cross-validation by document (0: none)
	// MinPrecision: the threshold is the lowest whose cross-validated
	// precision of the names the model adds is at least this.
	MinPrecision float64
	Threshold    float64 // used when Folds is 0
	Buckets      int
	Seed         uint64
	Out          string // folder the model files are written to ("": none)
	// FoundWeight scales the examples of the names the rules found (< 0:
	// left out; 0: DefaultFoundWeight).
	FoundWeight float64
	Log         io.Writer
	// Outcomes also lists every name the cross-validation proposes at
	// p >= 0.5 with its gold label.
	Outcomes bool
	// Verdicts, when set, receives one JSON line per name the
	// cross-validation judged (document, text, gold label, the model's
	// likeliest class other than none — any type, places and malware
	// included, whether or not the model proposes it — and its mean
	// probability) and per name the rules found, so that a maintainer can
	// join them with the scorer's missed names (`eval --report`) and sort
	// the misses by cause. Train returns the first error writing to it.
	Verdicts io.Writer
	// Augment are folders of rewritten copies of Corpus's documents with
	// their gold (tools/paraphrase). A copy whose file name stem matches
	// a document of Corpus joins training, in the cross-validation fold
	// of its original (internal/augment), for training only: the table
	// and the threshold stay on the originals.
	Augment []string
	// AugmentWeight scales the copies' examples (0: 1; < 0: not trained
	// on, only judged: the cross-validation of a plain model on them).
	AugmentWeight float64
	docNames      []string // label: each document's file name, by index
}

// Defaults for Options' zero fields.
const (
	DefaultBuckets = 1 << 15
	// DefaultMinPrecision is the one source of the shipped cut (`make
	// train-names` passes no flag): at .80 the band 0.80-0.85 was 10
	// right of 21 proposals in session 19 (docs/name-model.md).
	DefaultMinPrecision = 0.85
	DefaultFoundWeight  = 0.5
)

// Labels of spans that are no training example. Both are left out of
// training; the cross-validation counts a proposal of labelOtherType as a
// mistake (the scorer will: a name that is only part of a gold name, or
// a gold name of a type that is no class, such as a sector) and ignores
// one of labelOptional (the scorer does).
const (
	labelOtherType = -1 // part of a gold name, or a gold name of no class (a sector, an indicator)
	labelOptional  = -2 // an optional gold entity
)

// Types are the classes of the model after rules.NoName: every kind of
// named party, so that a name of malware or a place has a class of its
// own rather than passing for a company.
var Types = []extractor.EntityType{extractor.Organization, extractor.Government, extractor.Person,
	extractor.Location, extractor.ThreatActor, extractor.Malware, extractor.Tool, extractor.Campaign}

// Proposed are the types the model makes mentions of. Malware, tools,
// groups, campaigns and places are left to the rules and gazetteers: in
// technical reports the model took jargon for them ("C2", "RC4") and
// languages for places ("English").
var Proposed = []extractor.EntityType{extractor.Organization, extractor.Government, extractor.Person}

// span is one labelled candidate.
type span struct {
	doc      int
	fold     int // its document's; a copy's is its original's
	start    int // byte offset of the span in its document
	text     string
	features []uint32
	class    int // < 0: not a training example (labelOtherType, labelOptional)
	found    bool
	// augmented: a span of a rewritten copy (Options.Augment).
	augmented bool
}

// Train labels, cross-validates, trains on everything and writes.
func Train(ctx context.Context, opt Options) error {
	if opt.Buckets == 0 {
		opt.Buckets = DefaultBuckets
	}
	switch {
	case opt.Buckets < 0:
		return fmt.Errorf("train-names: %d buckets", opt.Buckets)
	case opt.MinPrecision < 0 || opt.MinPrecision > 1:
		return fmt.Errorf("train-names: minimum precision %v is not in [0, 1]", opt.MinPrecision)
	case opt.Folds <= 1 && !(opt.Threshold > 0 && opt.Threshold <= 1):
		return fmt.Errorf("train-names: threshold %v is not in (0, 1]", opt.Threshold)
	}
	if opt.MinPrecision == 0 {
		opt.MinPrecision = DefaultMinPrecision
	}
	if opt.FoundWeight == 0 {
		opt.FoundWeight = DefaultFoundWeight
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.AugmentWeight == 0 {
		opt.AugmentWeight = 1
	}
	var verdicts *stickyWriter
	if opt.Verdicts != nil {
		verdicts = &stickyWriter{w: opt.Verdicts}
		opt.Verdicts = verdicts
	}
	spans, docs, err := label(ctx, opt.Corpus, &opt)
	if err != nil {
		return err
	}
	pos := 0
	for _, s := range spans {
		if s.class > 0 && !s.found {
			pos++
		}
	}
	fmt.Fprintf(opt.Log, "%d documents, %d candidate spans (%d name a gold entity of a model type)\n\n", docs, len(spans), pos)
	for i := range spans {
		spans[i].fold = spans[i].doc % max(opt.Folds, 1)
	}
	copies, spans, err := addCopies(ctx, &opt, spans)
	if err != nil {
		return err
	}
	threshold := opt.Threshold
	if opt.Folds > 1 {
		threshold = crossValidate(opt, spans)
	}
	if verdicts != nil && verdicts.err != nil {
		// A verdicts file cut short (a full disk) would sort the misses
		// under the wrong causes without a word.
		return fmt.Errorf("train-names: writing verdicts: %w", verdicts.err)
	}
	m, err := fit(spans, -1, opt)
	if err != nil {
		return err
	}
	how := fmt.Sprintf("threshold from %d-fold cross-validation by document (precision >= %g)", opt.Folds, opt.MinPrecision)
	if opt.Folds <= 1 {
		how = "threshold given (--threshold)"
	}
	if copies > 0 && opt.AugmentWeight > 0 {
		// No folder names: make train-names writes the copies to a fresh
		// temporary folder, and the model's bytes must not change with it.
		how += fmt.Sprintf("; trained also on %d rewritten copies (%d sets, --augment, weight %g), each in its original's fold", copies, len(opt.Augment), opt.AugmentWeight)
	}
	m.SetThreshold(threshold, fmt.Sprintf("extractor train-names on %s: %d documents, %d spans (%d names); %s",
		opt.Corpus, docs, len(spans), pos, how))
	if opt.Out != "" {
		if err := m.Write(opt.Out); err != nil {
			return err
		}
		fmt.Fprintf(opt.Log, "model written to %s (threshold %.2f)\n", opt.Out, threshold)
	}
	return nil
}

// label reads every document of the corpus with the rules alone and
// labels the spans the name model would read from the document's gold.
func label(ctx context.Context, dir string, opt *Options) ([]span, int, error) {
	pack, err := rules.Default()
	if err != nil {
		return nil, 0, err
	}
	an, err := nlp.New()
	if err != nil {
		return nil, 0, err
	}
	c, err := corpus.Load(dir, corpus.LoadOptions{})
	if err != nil {
		return nil, 0, err
	}
	byStem := map[string]string{}
	for _, src := range c.Sources {
		byStem[stem(src)] = src
	}
	var golds []corpus.GoldFile
	for _, g := range c.Golds {
		if _, ok := byStem[strings.TrimSuffix(g.Path, ".gold.json")]; ok {
			golds = append(golds, g)
		}
	}
	sort.Slice(golds, func(i, j int) bool { return golds[i].Path < golds[j].Path })
	class := map[extractor.EntityType]int{}
	for i, t := range Types {
		class[t] = i + 1
	}
	op := &document.Opener{}
	var out []span
	first := len(opt.docNames) // a folder of copies is labelled after the corpus
	for di, g := range golds {
		src := byStem[strings.TrimSuffix(g.Path, ".gold.json")]
		doc, err := op.Open(ctx, src)
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", src, err)
		}
		names := goldNames(g.Gold, class)
		opt.docNames = append(opt.docNames, filepath.Base(src))
		for _, c := range pack.NameCandidates(doc.Text, an.Analyze(doc.Text), an) {
			out = append(out, span{doc: first + di, start: c.Start, text: c.Text, features: c.Features, class: labelOf(c.Text, names), found: c.Found != ""})
			if c.Found != "" && opt.Verdicts != nil && first == 0 {
				writeVerdict(opt.Verdicts, verdictLine{Doc: filepath.Base(src), Text: c.Text, Start: c.Start, Found: string(c.Found)})
			}
		}
	}
	return out, len(golds), nil
}

// stickyWriter passes writes on until the first error, which it keeps
// and returns from then on, so that the many verdict lines need no check
// each and Train reports the first failure.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(b []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(b)
	s.err = err
	return n, err
}

func stem(path string) string { return strings.TrimSuffix(path, filepath.Ext(path)) }

// goldNames maps the scorer's key of every gold name to its class: the
// class of its entity's type (places, groups and malware are classes too,
// though the model proposes none of them), labelOptional for an optional
// entity, labelOtherType for a type that is no class (a sector).
func goldNames(g *corpus.Gold, class map[extractor.EntityType]int) map[string]int {
	names := map[string]int{}
	for _, e := range g.Entities {
		k := labelOtherType
		if e.Optional {
			k = labelOptional
		} else if len(e.Types) > 0 {
			if c, ok := class[extractor.EntityType(e.Types[0])]; ok {
				k = c
			}
		}
		for _, n := range e.Names {
			if key := corpus.NormalizeName(n); key != "" {
				if old, ok := names[key]; !ok || old > 0 && k < 0 {
					names[key] = k
				}
			}
		}
	}
	return names
}

// labelOf is a span's class: its gold name's, 0 when it overlaps no gold
// name, labelOtherType when it is part of a gold name or holds one (left
// out of training: it says nothing about whether the words are a name).
func labelOf(text string, names map[string]int) int {
	key := corpus.NormalizeName(text)
	if k, ok := names[key]; ok {
		return k
	}
	for n := range names {
		if containsWords(n, key) || containsWords(key, n) {
			return -1
		}
	}
	return 0
}

// containsWords reports whether the words of inner occur in outer as
// whole words.
func containsWords(outer, inner string) bool {
	i := strings.Index(" "+outer+" ", " "+inner+" ")
	return i >= 0
}

// examples are the training examples of the model that scores fold skip
// (skip -1: the model trained on everything): the spans of the other
// folds, a rewritten copy in its original's fold included (so never in
// the model that scores its original), their hashes folded into b
// buckets.
func examples(spans []span, skip int, opt Options, b uint32) []linear.Example {
	var exs []linear.Example
	for _, s := range spans {
		if s.class < 0 || s.found && opt.FoundWeight < 0 || s.augmented && opt.AugmentWeight <= 0 || !augment.TrainsFold(s.fold, skip) {
			continue
		}
		f := make([]uint32, len(s.features))
		for i, h := range s.features {
			f[i] = h % b
		}
		w := 1.0
		if s.found {
			w = opt.FoundWeight
		}
		if s.augmented {
			w *= opt.AugmentWeight
		}
		exs = append(exs, linear.Example{Features: f, Class: s.class, Weight: w})
	}
	return exs
}

// addCopies labels the copies of every folder of opt.Augment and appends
// their spans to those of the originals; it returns how many copies.
func addCopies(ctx context.Context, opt *Options, spans []span) (int, []span, error) {
	if len(opt.Augment) == 0 {
		return 0, spans, nil
	}
	folds := make([]int, len(opt.docNames))
	for d := range folds {
		folds[d] = d % max(opt.Folds, 1)
	}
	foldByStem, err := augment.OriginalFolds(opt.docNames, folds)
	if err != nil {
		return 0, nil, err
	}
	copies := 0
	for _, dir := range opt.Augment {
		more, n, err := labelCopies(ctx, dir, opt, foldByStem)
		if err != nil {
			return 0, nil, err
		}
		spans = append(spans, more...)
		copies += n
	}
	return copies, spans, nil
}

// labelCopies labels the copies in dir (Options.Augment) whose original
// is a document of the corpus (foldByStem: stem → fold), each in its
// original's fold; it returns their spans and how many copies they come
// from, and names the others in the log.
func labelCopies(ctx context.Context, dir string, opt *Options, foldByStem map[string]int) ([]span, int, error) {
	first := len(opt.docNames)
	spans, _, err := label(ctx, dir, opt)
	if err != nil {
		return nil, 0, err
	}
	names := opt.docNames[first:]
	fold, unmatched := augment.Folds(foldByStem, names)
	if len(unmatched) > 0 {
		fmt.Fprintf(opt.Log, "--augment %s: %d documents with no original in %s left out: %s\n", dir, len(unmatched), opt.Corpus, strings.Join(unmatched, ", "))
	}
	kept := spans[:0]
	for _, s := range spans {
		k, ok := fold[names[s.doc-first]]
		if !ok {
			continue
		}
		s.fold, s.augmented = k, true
		kept = append(kept, s)
	}
	fmt.Fprintf(opt.Log, "--augment %s: %d copies, %d candidate spans\n", dir, len(fold), len(kept))
	return kept, len(fold), nil
}

// fit trains a model on every span whose document is not in fold skip.
func fit(spans []span, skip int, opt Options) (*rules.NameModel, error) {
	m, err := rules.NewNameModel(Types, Proposed, opt.Buckets)
	if err != nil {
		return nil, err
	}
	b := uint32(opt.Buckets)
	exs := examples(spans, skip, opt, b)
	o := linear.DefaultOptions
	if opt.Seed != 0 {
		o.Seed = opt.Seed
	}
	w, bias := linear.Train(exs, len(Types)+1, opt.Buckets, o)
	m.SetWeights(w, bias)
	return m, nil
}
