package rules

import (
	"strings"
	"testing"
)

// The per-token memo of fixed tags answers as the analyzer does, the
// first time and again, for words with a fixed tag ("the", a link) and
// without ("lead").
func TestFixedTagMemoAgrees(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	text := "The lead actor used example.com and mail@example.org - the lead was new. " + relaxedTexts(t)[0]
	d := docPool.Get().(*docState)
	defer func() { d.reset(); docPool.Put(d) }()
	d.init(p, text, an.Analyze(text), an, nil)
	fixed, free := 0, 0
	for round := 0; round < 2; round++ {
		for i, w := range d.tokText {
			wantTag, wantOK := an.FixedTag(w)
			tag, ok := d.fixedTag(i, w)
			if tag != wantTag || ok != wantOK {
				t.Fatalf("round %d, %q: memo gives %q %v, analyzer %q %v", round, w, tag, ok, wantTag, wantOK)
			}
			if ok {
				fixed++
			} else {
				free++
			}
		}
	}
	if fixed == 0 || free == 0 {
		t.Fatalf("%d tokens with a fixed tag, %d without: nothing compared", fixed, free)
	}
}

// A pooled document state reused for a second document answers from the
// second document's tokens: no tag memoised for a token of the first
// document at the same position survives (docState.init, reset).
func TestFixedTagMemoFreshOnReuse(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	first := "The group and the ministry , which used it , were named . Of the two , one left ."
	second := "Kestrel Bear deployed PlugX against Harbor Lines Group in Ukraine during March 2024 today"
	d := docPool.Get().(*docState)
	defer func() { docPool.Put(d) }()
	d.init(p, first, an.Analyze(first), an, nil)
	for i, w := range d.tokText {
		d.fixedTag(i, w) // memoise every token of the first document
	}
	d.reset()
	d.init(p, second, an.Analyze(second), an, nil)
	differ := 0
	for i, w := range d.tokText {
		wantTag, wantOK := an.FixedTag(w)
		if tag, ok := d.fixedTag(i, w); tag != wantTag || ok != wantOK {
			t.Errorf("second document, token %d %q: memo gives %q %v, analyzer %q %v", i, w, tag, ok, wantTag, wantOK)
		}
		if i < len(strings.Fields(first)) {
			if t1, ok1 := an.FixedTag(strings.Fields(first)[i]); t1 != wantTag || ok1 != wantOK {
				differ++
			}
		}
	}
	if differ == 0 {
		t.Fatal("no token of the second document has another fixed-tag answer than the first's at its position: nothing compared")
	}
	d.reset()
}
