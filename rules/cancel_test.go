package rules

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// endedLater is a context whose Done channel is closed from the start
// while Err reports nil for its first calls: MatchContext's own check
// passes and the first poll inside the match sees the end.
type endedLater struct {
	context.Context
	done  chan struct{}
	calls int
}

func (c *endedLater) Done() <-chan struct{} { return c.done }

func (c *endedLater) Err() error {
	c.calls++
	if c.calls == 1 {
		return nil
	}
	return context.Canceled
}

// A context that ends stops matching at the next stage or sentence with a
// *Canceled naming the stage; the pack still matches afterwards.
func TestMatchContextStopsAtAStage(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	text := "Orchid Weasel targeted the Ministry of Transport. APT28 compromised Microsoft.\n"

	ended, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.MatchContext(ended, text, an.Analyze(text), an); !errors.Is(err, context.Canceled) {
		t.Errorf("an ended context: %v, want context.Canceled", err)
	}

	ctx := &endedLater{Context: context.Background(), done: make(chan struct{})}
	close(ctx.done)
	_, err = p.MatchContext(ctx, text, an.Analyze(text), an)
	var c *Canceled
	if !errors.As(err, &c) || c.Stage != "gazetteers" || !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want a *Canceled in the gazetteers stage", err)
	}
	if !strings.Contains(err.Error(), "gazetteers") {
		t.Errorf("the error does not name the stage: %v", err)
	}

	res, err := p.MatchContext(context.Background(), text, an.Analyze(text), an)
	if err != nil || len(res.Relations) == 0 {
		t.Errorf("after a cancelled match: %v, %d relations", err, len(res.Relations))
	}
}

// A deadline that passes inside a long document stops the match well
// before it would end, naming the stage and, in a stage read sentence by
// sentence, the sentence.
func TestMatchContextDeadlineInALongDocument(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	text := strings.Repeat("Orchid Weasel targeted the Ministry of Transport of Estonia and energy companies in Finland. ", 4000)
	sents := an.Analyze(text)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = p.MatchContext(ctx, text, sents, an)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopped after %s", d)
	}
	t.Log(err)
}
