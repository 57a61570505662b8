// Package augment pairs rewritten copies of a corpus's documents (the
// output of tools/paraphrase: the same file names, rewritten text and gold)
// with their originals, so that the trainers of the two models
// (internal/pairtrain, internal/nametrain) can add them to training
// without leaking a copy into the cross-validation fold that scores its
// original.
package augment

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// Stem is what a copy shares with its original: the file name without
// folder and extension ("a/b/report.md" and "c/report.md": "report").
func Stem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// OriginalFolds maps the stem of each original (paths[i], in fold
// folds[i]) to its fold. Two originals of one stem (report.md and
// report.html) are refused: their copies could not be told apart, and one
// could train the fold that scores the other's original.
func OriginalFolds(paths []string, folds []int) (map[string]int, error) {
	out := map[string]int{}
	seen := map[string]string{}
	for i, p := range paths {
		st := Stem(p)
		if other, ok := seen[st]; ok {
			return nil, fmt.Errorf("--augment: %s and %s share the name %q, so their rewritten copies cannot be told apart; rename one", other, p, st)
		}
		seen[st] = p
		out[st] = folds[i]
	}
	return out, nil
}

// Folds gives every copy the fold of the original of the same stem
// (origFold: stem → fold). A copy trained in any other fold's model
// would teach that model the very sentences of the original it is then
// scored on, with a few words swapped. Copies without an original are
// returned, sorted, in unmatched and get no fold.
func Folds(origFold map[string]int, copies []string) (fold map[string]int, unmatched []string) {
	fold = map[string]int{}
	for _, c := range copies {
		k, ok := origFold[Stem(c)]
		if !ok {
			unmatched = append(unmatched, c)
			continue
		}
		fold[c] = k
	}
	sort.Strings(unmatched)
	return fold, unmatched
}

// TrainsFold reports whether an example of fold exampleFold (a copy's
// fold is its original's) trains the model that scores fold skip: every
// fold but skip does; skip < 0 (the model trained on everything) takes
// every example.
func TrainsFold(exampleFold, skip int) bool {
	return skip < 0 || exampleFold != skip
}
