package extract

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/reportgraph/extractor"
)

// limitBatch extracts, without limits, a pathological document (thousands
// of distinct companies, each the target of one actor) and a normal one.
func limitBatch(t *testing.T) (*Extractor, *PairModel, []*DocResult) {
	t.Helper()
	pack := defaultPack(t)
	x := extractorOn(t, pack)
	var sb strings.Builder
	sb.WriteString("Orchid Weasel compromised these organisations:\n\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&sb, "- Harbor%d Lines Group\n", i)
	}
	docs := []*extractor.Document{
		{ID: "hostile", Source: "hostile.txt", Text: sb.String()},
		{ID: "normal", Source: "normal.txt", Text: "Orchid Weasel compromised Kestrel Point Labs in Estonia. The group used PlugX."},
	}
	var results []*DocResult
	for _, d := range docs {
		r, err := x.Document(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	if n := len(results[0].Mentions); n < 2*checkEvery {
		t.Fatalf("the pathological document has %d mentions, too few to be checked", n)
	}
	return x, pairModelOn(t, pack), results
}

func sameDataset(t *testing.T, got, want *extractor.Dataset) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("the dataset differs from the normal document's alone:\n got %.400s\nwant %.400s", g, w)
	}
}

// A document whose limit was used up by its extraction is stopped in
// resolution at its first check and left out whole; the normal document,
// whose share is too small to be checked, is resolved as if alone.
func TestResolveLimitedSkipsADocumentOverItsLimit(t *testing.T) {
	_, model, results := limitBatch(t)
	for _, r := range results {
		r.Left = time.Nanosecond // what a document at the edge of its --timeout has left
	}
	ds, skipped, reran := resolveLimited(context.Background(), results, []Option{WithPairModel(model), WithTimeLimit(time.Minute)})
	if len(skipped) != 1 || skipped[0].Index != 0 {
		t.Fatalf("skipped %v, want the pathological document", skipped)
	}
	if reran {
		t.Errorf("a document stopped while its mentions were collected made the batch resolve again")
	}
	err := skipped[0].Err
	want := "hostile.txt: extract: over the time limit of 1m0s for one document (--timeout): stopped in the resolution (entities and relations) stage at mention 256 of "
	if !strings.HasPrefix(err.Error(), want) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %q, want it to start %q and wrap the deadline", err, want)
	}
	var ie *extractor.InputError
	if !errors.As(err, &ie) || ie.Source != "hostile.txt" || ie.Stage != "extract" {
		t.Errorf("error %#v, want an InputError naming the file and the stage", err)
	}
	sameDataset(t, ds, Resolve(results[1:], WithPairModel(model)))
	if len(ds.Relations) == 0 || len(ds.Documents) != 1 {
		t.Errorf("the normal document lost its relations: %d relations, %d documents", len(ds.Relations), len(ds.Documents))
	}
}

// A document stopped in the relation model's stage, after its entities and
// rule relations were resolved, has none of them in the dataset either.
func TestResolveLimitedStopsTheRelationModel(t *testing.T) {
	_, model, results := limitBatch(t)
	over := withStageOver(func(stage string) bool { return stage == stageModel })
	ds, skipped, reran := resolveLimited(context.Background(), results, []Option{WithPairModel(model), WithTimeLimit(time.Minute), over})
	if len(skipped) != 1 || skipped[0].Index != 0 {
		t.Fatalf("skipped %v, want the pathological document", skipped)
	}
	if !reran {
		t.Errorf("a document stopped after the merge left the first pass's dataset")
	}
	if msg := skipped[0].Err.Error(); !strings.Contains(msg, "stopped in the relation model's stage at mention 256 of ") {
		t.Errorf("error %q, want the relation model's stage", msg)
	}
	sameDataset(t, ds, Resolve(results[1:], WithPairModel(model)))
	for _, e := range ds.Entities {
		for _, m := range e.Mentions {
			if m.Doc == "hostile" {
				t.Fatalf("entity %s keeps a mention of the skipped document", e.ID)
			}
		}
	}
}

// Without limits ResolveLimited is Resolve; an ended context stops every
// document big enough to be checked.
func TestResolveLimitedWithoutLimits(t *testing.T) {
	_, model, results := limitBatch(t)
	ds, skipped := ResolveLimited(context.Background(), results, WithPairModel(model))
	if len(skipped) != 0 {
		t.Fatalf("skipped %v", skipped)
	}
	sameDataset(t, ds, Resolve(results, WithPairModel(model)))

	ended, cancel := context.WithCancel(context.Background())
	cancel()
	_, skipped = ResolveLimited(ended, results, WithPairModel(model), WithTimeLimit(time.Minute))
	if len(skipped) != 1 || !errors.Is(skipped[0].Err, context.Canceled) || strings.Contains(skipped[0].Err.Error(), "time limit") {
		t.Errorf("an ended context: %v", skipped)
	}
}

// Document records what its context's deadline left it.
func TestDocumentRecordsTheTimeLeft(t *testing.T) {
	x := extractorOn(t, defaultPack(t))
	doc := &extractor.Document{ID: "d", Text: "APT28 compromised Microsoft."}
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	r, err := x.Document(ctx, doc)
	if err != nil || r.Left <= 0 || r.Left > time.Hour {
		t.Errorf("left %s, %v", r.Left, err)
	}
	if r, _ := x.Document(context.Background(), doc); r.Left != 0 {
		t.Errorf("without a deadline, left %s", r.Left)
	}
}

// The merge of the batch's entities is charged to the documents by their
// share of the mentions; an unlimited document stays unlimited.
func TestLimitsChargeTheMergeByMentions(t *testing.T) {
	l := &limits{left: []time.Duration{10 * time.Second, 10 * time.Second, -1, time.Second}}
	refs := []ref{{doc: 0}, {doc: 0}, {doc: 0}, {doc: 1}, {doc: 2}, {doc: 3}, {doc: 3}, {doc: 3}}
	l.charge(refs, 8*time.Second)
	want := []time.Duration{7 * time.Second, 9 * time.Second, -1, 0}
	for i := range want {
		if l.left[i] != want[i] {
			t.Errorf("document %d has %s left, want %s", i, l.left[i], want[i])
		}
	}
}
