package corpus

import (
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/reportgraph/extractor"
)

// GoldFile is a gold case read from disk.
type GoldFile struct {
	Path string
	Gold *Gold
}

// Associate pairs dataset documents with gold files the way score.py does:
// the document's source is compared with the case's document by resolved
// path, then base name, then stem (so x.pdf and x.html are both scored
// against x.gold.json). It returns the pairs in document order, the
// documents with no gold, the gold files with no document, and a warning
// for each document that matches several cases.
func Associate(docs []extractor.DocumentSummary, golds []GoldFile) (pairs []Pair, noGold []string, noDoc []string, warnings []string) {
	byFull, byBase, byStem := map[string][]int{}, map[string][]int{}, map[string][]int{}
	for i, g := range golds {
		full, _ := filepath.Abs(filepath.Join(filepath.Dir(g.Path), g.Gold.Document))
		byFull[full] = append(byFull[full], i)
		base := filepath.Base(g.Gold.Document)
		byBase[base] = append(byBase[base], i)
		stem := strings.TrimSuffix(base, filepath.Ext(base))
		byStem[stem] = append(byStem[stem], i)
		if s := GoldStem(g.Path); s != stem {
			byStem[s] = append(byStem[s], i)
		}
	}
	used := map[int]bool{}
	for _, d := range docs {
		src := d.Source
		if src == "" {
			src = d.ID
		}
		full, base, stem := sourceParts(src)
		found := -1
		for _, t := range []struct {
			table map[string][]int
			key   string
		}{{byFull, full}, {byBase, base}, {byStem, stem}} {
			if hits := t.table[t.key]; t.key != "" && len(hits) > 0 {
				if distinct(hits) > 1 {
					warnings = append(warnings, fmt.Sprintf("document %s matches %d gold cases; using %s", src, distinct(hits), golds[hits[0]].Path))
				}
				found = hits[0]
				break
			}
		}
		if found < 0 {
			noGold = append(noGold, src)
			continue
		}
		used[found] = true
		pairs = append(pairs, Pair{DocID: d.ID, Source: d.Source, Format: string(d.Format), Gold: golds[found].Gold, GoldFile: golds[found].Path})
	}
	for i, g := range golds {
		if !used[i] {
			noDoc = append(noDoc, g.Path)
		}
	}
	return pairs, noGold, noDoc, warnings
}

func distinct(xs []int) int {
	m := map[int]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return len(m)
}

// sourceParts splits a source (path or URL) into its absolute path (none
// for web URLs), base name and stem.
func sourceParts(src string) (full, base, stem string) {
	p := src
	if u, err := url.Parse(src); err == nil && u.Path != "" &&
		(u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "file" || u.Scheme == "ftp") {
		p = u.Path
		if u.Scheme == "file" {
			full = p
		}
		base = path.Base(strings.TrimRight(p, "/"))
	} else {
		full, _ = filepath.Abs(src)
		base = filepath.Base(strings.TrimRight(p, "/"))
	}
	return full, base, strings.TrimSuffix(base, filepath.Ext(base))
}
