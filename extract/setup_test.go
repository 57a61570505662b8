package extract

import (
	"context"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/rules"
)

// defaultPack is the embedded rule pack; a load error fails tb.
func defaultPack(tb testing.TB) *rules.Pack {
	tb.Helper()
	pack, err := rules.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return pack
}

// extractorOn is an Extractor with pack; an error fails tb.
func extractorOn(tb testing.TB, pack *rules.Pack) *Extractor {
	tb.Helper()
	x, err := New(pack)
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

// pairModelOn is the embedded relation model for pack; an error fails tb.
func pairModelOn(tb testing.TB, pack *rules.Pack) *PairModel {
	tb.Helper()
	m, err := DefaultPairModel(pack)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// resolvedText reads text as the one document "a.txt", extracts it with x
// and resolves it with pack's rules and group nouns, as extraction does; an
// error fails tb.
func resolvedText(tb testing.TB, x *Extractor, pack *rules.Pack, text string) (*DocResult, *extractor.Dataset) {
	tb.Helper()
	doc, err := document.Read(context.Background(), "a.txt", []byte(text), document.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	r, err := x.Document(context.Background(), doc)
	if err != nil {
		tb.Fatal(err)
	}
	return r, Resolve([]*DocResult{r}, WithRules(pack.Rules()), WithGroupNouns(pack.GroupNouns()))
}
