package rules

import (
	"fmt"
	"reflect"
	"testing"
)

// The word cache keeps per-word results from one document to the next
// (wordcache.go): a document matched after others gives what it gives
// matched first, with the default pack and with another pack in between.
func TestWordCacheKeepsResultsAcrossDocuments(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := "The Quillfeather group, tracked as QF-12, breached Harlow Mutual in March; " +
		"its loader contacted update-check[.]example[.]net from 10.20.30.40.\n\n" +
		"Analysts attributed the campaign to Quillfeather and to the Morrow Bureau."
	b := "Slate Heron, a unit of the Varn Directorate, targeted ports in Oslo.\n\n" +
		"It used Tidewire and CVE-2024-12345 against telecom operators."
	first := matchText(t, p, a)
	if len(first.Mentions) == 0 {
		t.Fatal("no mentions in the test document")
	}
	matchText(t, p, b)
	other := loadWith(t, `
rules:
  - id: t.actor
    kind: gazetteer
    type: threat-actor
    priority: 80
    entries: [{name: Quillfeather}]
`)
	matchText(t, other, a)
	matchText(t, other, b)
	if again := matchText(t, p, a); !reflect.DeepEqual(first, again) {
		t.Errorf("matched again after other documents:\n%+v\nwant\n%+v", again, first)
	}
}

func TestExtendZeroesTheNewPart(t *testing.T) {
	v := extend(nil, 3)
	v[0], v[1], v[2] = 1, 2, 1
	v = extend(v[:1], 5) // as after a restart: stale entries past len
	if want := []uint8{1, 0, 0, 0, 0}; !reflect.DeepEqual(v, want) {
		t.Errorf("extend = %v, want %v", v, want)
	}
}

// The cache starts again before a document once it holds wordCacheMax
// words; after a document that took it past wordCacheShrink it lets its
// storage go (a new map, no tables), so one huge document does not size
// the pooled state for good. Word ids start from 1 again either way.
func TestWordCacheRestarts(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var c wordCache
	fill := func(n int) {
		for i := range n {
			w := c.lookup(p, fmt.Sprintf("w%d", i))
			c.setVerdict(0, int(w.id), 1)
			c.setTokenHits(w.id, nil)
		}
	}
	c.use(p)
	fill(100)
	c.use(p)
	if len(c.words) != 100 {
		t.Fatalf("below the bound: %d words kept, want 100", len(c.words))
	}
	fill(wordCacheMax)
	c.use(p)
	if len(c.words) != 0 || len(c.verdicts) != 0 || len(c.tokHits) != 0 {
		t.Fatalf("at the bound: %d words, %d verdicts, %d hits kept", len(c.words), len(c.verdicts), len(c.tokHits))
	}
	if c.verdict(0, 1) != 0 {
		t.Errorf("a verdict survived the restart")
	}
	if cap(c.verdicts) == 0 {
		t.Errorf("at the bound the tables should keep their storage")
	}
	if w := c.lookup(p, "again"); w.id != 1 {
		t.Errorf("first id after a restart: %d, want 1", w.id)
	}
	c.use(p)
	fill(wordCacheShrink + 1)
	c.use(p)
	if len(c.words) != 0 || c.verdicts != nil || c.tokHits != nil {
		t.Errorf("past wordCacheShrink the tables should be dropped")
	}
	if w := c.lookup(p, "Quillfeather"); w.id != 1 || w.fold != foldKey("Quillfeather") {
		t.Errorf("after dropping: %+v", w)
	}
}

// Pooled states shared by goroutines, each matching the documents in its
// own order, give what a sequential run gives (run with -race too).
func TestWordCacheConcurrentPooledUse(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := []string{
		"The Quillfeather group breached Harlow Mutual in March using Tidewire.",
		"Slate Heron, a unit of the Varn Directorate, targeted ports in Oslo.",
		"APT28 used CVE-2024-12345 against telecom operators in Norway.",
		"Analysts attributed the campaign to Quillfeather and to the Morrow Bureau.",
	}
	want := make([]Result, len(docs))
	for i, doc := range docs {
		want[i] = matchText(t, p, doc)
	}
	errs := make(chan string, 64)
	done := make(chan bool)
	for g := range 4 {
		go func() {
			defer func() { done <- true }()
			for n := range 3 * len(docs) {
				i := (n*(g+1) + g) % len(docs)
				if got := matchText(t, p, docs[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("goroutine %d, document %d differs", g, i)
					return
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// Verdicts of neighbouring expressions and words, which share bytes and
// rows, are kept apart.
func TestWordCacheVerdictsKeptApart(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var c wordCache
	c.use(p)
	if c.rowBytes == 0 {
		t.Fatal("no row for the pack's token regexes")
	}
	n := c.rowBytes * 4
	for id := 1; id <= 3; id++ {
		c.lookup(p, fmt.Sprintf("v%d", id))
		for re := range n {
			if (re+id)%3 != 0 {
				c.setVerdict(re, id, uint8(1+(re+id)%3%2))
			}
		}
	}
	for id := 1; id <= 3; id++ {
		for re := range n {
			want := uint8(0)
			if (re+id)%3 != 0 {
				want = uint8(1 + (re+id)%3%2)
			}
			if got := c.verdict(re, id); got != want {
				t.Fatalf("verdict(%d, %d) = %d, want %d", re, id, got, want)
			}
		}
	}
	if c.verdict(0, 99) != 0 {
		t.Error("a word past the table has a verdict")
	}
}
