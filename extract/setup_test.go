package extract

import (
	"testing"

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
