package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/reportgraph/extractor"
)

// Document's context bounds the whole extraction: an ended context stops
// it before the NLP, a deadline inside a long document stops it in a
// named stage, and the error wraps the context's.
func TestDocumentHonoursItsContext(t *testing.T) {
	x := extractorOn(t, defaultPack(t))
	doc := &extractor.Document{ID: "long", Text: strings.Repeat("Orchid Weasel targeted the Ministry of Transport of Estonia and energy companies in Finland. ", 6000)}

	ended, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Document(ended, doc); !errors.Is(err, context.Canceled) {
		t.Errorf("an ended context: %v", err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := x.Document(ctx, doc)
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "stage") {
		t.Fatalf("got %v, want a deadline error naming the stage", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopped after %s", d)
	}

	if r, err := x.Document(context.Background(), &extractor.Document{ID: "short", Text: "APT28 compromised Microsoft."}); err != nil || len(r.Relations) == 0 {
		t.Errorf("after a stopped document: %v", err)
	}
}
