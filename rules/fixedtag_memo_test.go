package rules

import "testing"

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
