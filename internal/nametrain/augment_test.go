package nametrain

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/reportgraph/extractor/internal/augment"
)

// The copies of a folder (the same file names, as tools/paraphrase writes
// them) join training in their originals' folds: no fold model that
// judges an original trains on its copy, and a copy with no original is
// left out.
func TestCopiesJoinTheirOriginalsFold(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the default pack")
	}
	orig, copies := writeCorpus(t, 6), writeCorpus(t, 6)
	for _, name := range []string{"d0.txt", "d0.gold.json"} {
		b, err := os.ReadFile(filepath.Join(copies, name))
		if err != nil {
			t.Fatal(err)
		}
		// Sorted first, it shifts the copies by one: a fold by position
		// would differ from the original's.
		stray := "a-stray" + name[2:]
		if err := os.WriteFile(filepath.Join(copies, stray), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opt := Options{Corpus: orig, Folds: 3, Augment: []string{copies}, AugmentWeight: 1, Log: io.Discard, Buckets: 1 << 10}
	spans, _, err := label(context.Background(), orig, &opt)
	if err != nil {
		t.Fatal(err)
	}
	for i := range spans {
		spans[i].fold = spans[i].doc % opt.Folds
	}
	n, all, err := addCopies(context.Background(), &opt, spans)
	if err != nil {
		t.Fatal(err)
	}
	if n != 6 {
		t.Errorf("%d copies joined, want 6 (the stray one left out)", n)
	}
	foldOf := map[string]int{}
	for d, name := range opt.docNames[:6] {
		foldOf[augment.Stem(name)] = d % opt.Folds
	}
	var fromCopies int
	for _, s := range all {
		if !s.augmented {
			continue
		}
		fromCopies++
		name := opt.docNames[s.doc]
		if want, ok := foldOf[augment.Stem(name)]; !ok || s.fold != want {
			t.Errorf("a span of copy %s is in fold %d, its original in %d (known %v)", name, s.fold, want, ok)
		}
	}
	if fromCopies == 0 {
		t.Fatal("no span of a copy")
	}
	for k := 0; k < opt.Folds; k++ {
		withCopies := len(examples(all, k, opt, 1<<10))
		opt.AugmentWeight = -1
		without := len(examples(all, k, opt, 1<<10))
		opt.AugmentWeight = 1
		heldOutCopies := 0
		for _, s := range all {
			if s.augmented && s.fold != k && s.class >= 0 {
				heldOutCopies++
			}
		}
		if withCopies-without != heldOutCopies {
			t.Errorf("fold %d's model trains on %d spans of copies, want the %d of the other folds' copies", k, withCopies-without, heldOutCopies)
		}
	}
}
