package rules

import (
	"context"
	"fmt"

	"github.com/reportgraph/extractor/nlp"
)

// Matching a hostile report (megabytes of text, one endless sentence) may
// take longer than the caller allows. MatchContext checks its context at
// the boundaries of the stages and, inside the long stages, of sentences:
// one non-blocking receive from ctx.Done(), no goroutine. A cancelled match
// unwinds with a panic of type *Canceled that MatchContext recovers and
// returns as an error; no panic leaves the package.

// Canceled is MatchContext's error when its context ended during matching:
// the stage it stopped in, the sentence it had reached in a stage that reads
// sentence by sentence, and the context's error (context.DeadlineExceeded
// or context.Canceled, which errors.Is sees through Unwrap).
type Canceled struct {
	Stage     string
	Sentence  int // 1-based; 0 when the stage does not read sentence by sentence
	Sentences int
	Err       error
}

func (e *Canceled) Error() string {
	if e.Sentence > 0 {
		return fmt.Sprintf("stopped in the %s stage at sentence %d of %d: %v", e.Stage, e.Sentence, e.Sentences, e.Err)
	}
	return fmt.Sprintf("stopped in the %s stage: %v", e.Stage, e.Err)
}

func (e *Canceled) Unwrap() error { return e.Err }

// MatchContext is Match that gives up when ctx ends, returning a *Canceled
// error that names the stage it stopped in.
func (p *Pack) MatchContext(ctx context.Context, text string, sents []nlp.Sentence, an *nlp.Analyzer) (res Result, err error) {
	return p.matchContext(ctx, text, sents, an, nil)
}

// matchContext is MatchContext that, when dp is not nil, times the rules
// and stages into it (profile.go).
func (p *Pack) matchContext(ctx context.Context, text string, sents []nlp.Sentence, an *nlp.Analyzer, dp *docProfile) (res Result, err error) {
	if err := ctx.Err(); err != nil {
		return Result{}, &Canceled{Stage: "rules", Err: err}
	}
	defer func() {
		if r := recover(); r != nil {
			c, ok := r.(*Canceled)
			if !ok {
				panic(r)
			}
			res, err = Result{}, c
		}
	}()
	return p.matchCtx(ctx, text, sents, an, nil, dp), nil
}

// stage names the stage matching enters and checks the context.
func (d *docState) stage(name string) {
	d.stageName = name
	if d.prof != nil {
		d.prof.enter(name)
	}
	d.poll(-1)
}

// poll unwinds the match when its context has ended; si is the sentence
// being read, or -1.
func (d *docState) poll(si int) {
	if d.done == nil {
		return
	}
	select {
	case <-d.done:
		c := &Canceled{Stage: d.stageName, Err: d.ctx.Err()}
		if si >= 0 {
			c.Sentence, c.Sentences = si+1, len(d.sents)
		}
		panic(c)
	default:
	}
}
