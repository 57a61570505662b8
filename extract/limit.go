package extract

import (
	"context"
	"fmt"
	"time"

	"github.com/reportgraph/extractor"
)

// Per-document limits on the batch-wide work. Resolution into entities and
// the relation model's proposals run after every document is extracted,
// over the batch, but most of their work is one document's at a time:
// its mentions' identity keys and alias definitions, the assembly of its
// relation matches, the relation model's candidates, features and
// proposals. ResolveLimited bounds that share of each document by the time
// its limit left it when its extraction ended (DocResult.Left): a document
// over it is reported and skipped, and, when it was stopped after its
// mentions joined the batch's merge, the batch is resolved again without
// it (with no limits and no ctx: the other documents were within theirs),
// so none of its entities or relations is half added. A document stopped
// while its mentions were collected never enters the merge and costs no
// second pass.

// Stage names for the error of a document over its limit.
const (
	stageResolution = "resolution (entities and relations)"
	stageModel      = "relation model's"
)

// checkEvery is how many units of one document's work (mentions, relation
// matches, candidate sources) pass between two checks of its limit: one
// clock read per checkEvery units, none for a small document.
const checkEvery = 256

// Skipped is a document ResolveLimited left out of the dataset.
type Skipped struct {
	Index int   // in the results given to ResolveLimited
	Err   error // an *extractor.InputError naming the document and the stage
}

// WithTimeLimit bounds, in ResolveLimited, each document's share of
// resolution and of the relation model's proposals by the time its limit
// (--timeout) left it after extraction (DocResult.Left), or by limit when
// it was extracted without one. limit also names the limit in the error.
// Resolve ignores it.
func WithTimeLimit(limit time.Duration) Option { return func(r *resolver) { r.limit = limit } }

// withStageOver makes ResolveLimited stop a document at its first check in
// a stage over returns true for, as if its time were up: for tests, each
// with its own resolver, so none shares the hook with another.
func withStageOver(over func(stage string) bool) Option {
	return func(r *resolver) { r.stageOver = over }
}

// ResolveLimited is Resolve under the per-document limit of WithTimeLimit
// (without it, the one of each DocResult.Left) and ctx: a document whose
// share of the work goes over it is skipped, with an error such as
// "big.txt: extract: over the time limit of 2m0s for one document
// (--timeout): stopped in the relation model's stage at mention 4096 of
// 98765: context deadline exceeded". The dataset is that of Resolve over
// the other documents.
func ResolveLimited(ctx context.Context, results []*DocResult, opts ...Option) (*extractor.Dataset, []Skipped) {
	ds, skipped, _ := resolveLimited(ctx, results, opts)
	return ds, skipped
}

// resolveLimited is ResolveLimited; it also reports whether the batch was
// resolved a second time.
func resolveLimited(ctx context.Context, results []*DocResult, opts []Option) (*extractor.Dataset, []Skipped, bool) {
	r := newResolver(opts)
	lim := &limits{ctx: ctx, limit: r.limit, left: make([]time.Duration, len(results)), over: make([]error, len(results)),
		forceOver: r.stageOver}
	for i, res := range results {
		switch {
		case res.Left > 0:
			lim.left[i] = res.Left
		case r.limit > 0:
			lim.left[i] = r.limit
		default:
			lim.left[i] = -1 // none
		}
	}
	r.lim = lim
	ds := r.resolve(results)
	var skipped []Skipped
	var kept []*DocResult
	for i, err := range lim.over {
		if err == nil {
			kept = append(kept, results[i])
			continue
		}
		src := ""
		if d := results[i].Doc; d != nil {
			src = d.Source
			if src == "" {
				src = d.ID
			}
		}
		skipped = append(skipped, Skipped{Index: i, Err: &extractor.InputError{Source: src, Stage: "extract", Err: err}})
	}
	switch {
	case len(skipped) > 0 && lim.late:
		// A document stopped after its mentions joined the batch's merge
		// may have shaped entities and relations: again without the
		// skipped documents. Every other document was within its limit in
		// the first pass, and they cost it no more.
		r.lim = nil
		return r.resolve(kept), skipped, true
	case len(skipped) > 0:
		// Stopped while its mentions were collected, a document never
		// entered the merge, nor the relation stages (its shares there
		// are over from the start): the dataset is the others' but for
		// its summary.
		docs := ds.Documents[:0]
		for i, d := range ds.Documents {
			if lim.over[i] == nil {
				docs = append(docs, d)
			}
		}
		ds.Documents = docs
	}
	return ds, skipped, false
}

// limits holds each document's time left in ResolveLimited.
type limits struct {
	ctx   context.Context
	limit time.Duration
	left  []time.Duration // per document; negative when unlimited
	over  []error         // per document: why it was stopped, or nil
	// merged: the mentions of every document not yet stopped are in the
	// batch's merge; late: a document was stopped after that, so its
	// work may be part of the dataset and the batch is resolved again.
	merged, late bool
	// forceOver, when set (withStageOver), stops a document at its first
	// check in a stage it returns true for.
	forceOver func(stage string) bool
}

// share is one document's work in one stage.
type share struct {
	lim      *limits
	doc      int
	stage    string
	unit     string
	of, n    int
	start    time.Time
	deadline time.Time // zero: none
}

// begin starts document doc's share of stage, of units of work; nil (no
// limits) gives a share that never stops. A document already stopped in
// an earlier stage gives a share that is over from the start.
func (l *limits) begin(doc int, stage, unit string, of int) *share {
	if l == nil {
		return nil
	}
	s := &share{lim: l, doc: doc, stage: stage, unit: unit, of: of, start: time.Now()}
	if left := l.left[doc]; left >= 0 {
		s.deadline = s.start.Add(left)
	}
	return s
}

// stopped reports whether document doc was stopped already.
func (l *limits) stopped(doc int) bool { return l != nil && l.over[doc] != nil }

// tick counts one unit of work and, every checkEvery units, checks the
// document's limit; false means stop: the document is over it.
func (s *share) tick() bool {
	if s == nil {
		return true
	}
	if s.lim.over[s.doc] != nil {
		return false
	}
	s.n++
	if s.n%checkEvery != 0 {
		return true
	}
	var err error
	switch {
	case s.lim.ctx.Err() != nil:
		err = s.lim.ctx.Err()
	case s.lim.forceOver != nil && s.lim.forceOver(s.stage),
		!s.deadline.IsZero() && time.Now().After(s.deadline):
		err = context.DeadlineExceeded
	default:
		return true
	}
	timeUp := s.lim.ctx.Err() == nil
	err = fmt.Errorf("stopped in the %s stage at %s %d of %d: %w", s.stage, s.unit, s.n, s.of, err)
	if timeUp && s.lim.limit > 0 {
		err = fmt.Errorf("over the time limit of %s for one document (--timeout): %w", s.lim.limit, err)
	}
	s.lim.over[s.doc] = err
	s.lim.late = s.lim.late || s.lim.merged
	return false
}

// charge takes from each document its part of the time spent merging the
// batch's entities, in proportion to its mentions: the merge is one pass
// over every document, so it is not stopped midway, but a document whose
// mentions made it long has that much less left for its next stages.
func (l *limits) charge(refs []ref, spent time.Duration) {
	if l == nil || len(refs) == 0 {
		return
	}
	count := make([]int, len(l.left))
	for i := range refs {
		count[refs[i].doc]++
	}
	for doc, n := range count {
		if n == 0 || l.left[doc] < 0 {
			continue
		}
		l.left[doc] = max(0, l.left[doc]-time.Duration(float64(spent)*float64(n)/float64(len(refs))))
	}
}

// end closes the share: its time is taken from what the document has left.
func (s *share) end() {
	if s == nil || s.lim.left[s.doc] < 0 {
		return
	}
	left := s.lim.left[s.doc] - time.Since(s.start)
	if left < 0 {
		left = 0
	}
	s.lim.left[s.doc] = left
}
