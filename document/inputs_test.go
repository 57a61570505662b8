package document

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/reportgraph/extractor"
)

// The time limit covers reading and work together: a document whose work
// outlasts it gets an error naming the source, the stage and the limit,
// the others are processed, and no goroutine is left behind.
func TestReadEachTimeLimitCoversWork(t *testing.T) {
	before := runtime.NumGoroutine()
	sources := []string{"quick.txt", "slow.txt", "also-quick.txt"}
	open := func(ctx context.Context, i int) (*extractor.Document, error) {
		return Read(ctx, sources[i], []byte("Orchid Weasel targeted Estonia.\n"), Options{})
	}
	work := func(ctx context.Context, doc *extractor.Document) (any, error) {
		if doc.Source != "slow.txt" {
			return doc.Source, nil
		}
		select { // work that honours its context, as extract.Document does
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(10 * time.Second):
			return nil, errors.New("the time limit did not reach the work")
		}
	}
	var got []Result
	start := time.Now()
	ReadEach(context.Background(), sources, 2, 50*time.Millisecond, open, work, func(r Result) { got = append(got, r) })
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("took %s", d)
	}
	if len(got) != 3 || got[0].Err != nil || got[2].Err != nil || got[0].Value != "quick.txt" {
		t.Fatalf("the other documents: %+v", got)
	}
	err := got[1].Err
	var ie *extractor.InputError
	if !errors.As(err, &ie) || ie.Stage != "extract" || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("slow.txt: %v", err)
	}
	for _, want := range []string{"slow.txt", "time limit of 50ms", "--timeout"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left behind", n-before)
	}
}

// A caller's own cancellation is no time limit: its error is passed on as
// it is.
func TestReadEachCallerCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	open := func(ctx context.Context, i int) (*extractor.Document, error) { return nil, ctx.Err() }
	ReadEach(ctx, []string{"a.txt"}, 1, time.Minute, open, nil, func(r Result) {
		if r.Err == nil || strings.Contains(r.Err.Error(), "time limit") {
			t.Errorf("got %v", r.Err)
		}
	})
}
