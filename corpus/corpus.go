// Package corpus evaluates the extractor against annotated documents: it
// reads gold annotations (the gold file format of docs/corpus.md, or public
// corpora in CoNLL/BIO and doccano JSONL form), runs extraction over the
// documents in parallel, scores the result with the semantics of the
// reference scorer (../shared/tools/score.py), and compares a run with a
// stored baseline.
package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/reportgraph/extractor/document"
)

// Case is one document of a corpus whose gold comes with it: a document
// held in memory (a BIO or doccano corpus) with its gold.
type Case struct {
	// Name is the case name, unique in the corpus (e.g. dnrti-valid-001).
	Name string
	Text string
	Gold *Gold
}

// Corpus is what Load returns: either files on disk with gold files beside
// them (Sources, Golds) or documents held in memory (Cases).
type Corpus struct {
	Name   string
	Format string
	// Sources are document files, paired with Golds by name after reading.
	Sources []string
	Golds   []GoldFile
	// Cases are in-memory documents with their gold.
	Cases    []*Case
	Warnings []string
}

// Corpus formats Load understands.
const (
	FormatGold    = "gold"    // documents with <stem>.gold.json beside them
	FormatBIO     = "bio"     // CoNLL token-per-line BIO/BIOES file(s)
	FormatAnnoCTR = "annoctr" // AnnoCTR release: splits.tsv, ner_bio/, text/
	FormatDoccano = "doccano" // doccano JSONL with entities and relations
)

// GoldFormats lists the formats for --gold-format.
var GoldFormats = []string{FormatGold, FormatBIO, FormatAnnoCTR, FormatDoccano}

// LoadOptions tune Load.
type LoadOptions struct {
	// Format forces a format; "" detects it.
	Format string
	// Split selects the documents of an AnnoCTR release (default "dev").
	Split string
}

// Load reads the corpus at path (a folder or a file).
func Load(path string, opt LoadOptions) (*Corpus, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	format := opt.Format
	if format == "" {
		if format, err = detectFormat(path, st.IsDir()); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	var c *Corpus
	switch format {
	case FormatGold:
		c, err = loadGoldFolder(path, st.IsDir())
	case FormatBIO:
		c, err = loadBIO(path, st.IsDir())
	case FormatAnnoCTR:
		split := opt.Split
		if split == "" {
			split = "dev"
		}
		c, err = loadAnnoCTR(path, split)
	case FormatDoccano:
		c, err = loadDoccano(path)
	default:
		return nil, fmt.Errorf("unknown gold format %q (one of %s)", format, strings.Join(GoldFormats, ", "))
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c.Format = format
	if c.Name == "" {
		c.Name = corpusName(path)
	}
	if len(c.Cases) == 0 && len(c.Sources) == 0 {
		return nil, fmt.Errorf("%s: no documents found (read as %s)", path, format)
	}
	return c, nil
}

func corpusName(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return filepath.Base(abs)
}

// detectFormat looks at names first, then at the first lines of a file.
func detectFormat(path string, dir bool) (string, error) {
	if dir {
		if exists(filepath.Join(path, "splits.tsv")) && exists(filepath.Join(path, "ner_bio")) && exists(filepath.Join(path, "text")) {
			return FormatAnnoCTR, nil
		}
		if golds, _ := FindGold(path); len(golds) > 0 {
			return FormatGold, nil
		}
		ents, err := os.ReadDir(path)
		if err != nil {
			return "", err
		}
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".jsonl") {
				return FormatDoccano, nil
			}
		}
		for _, e := range ents {
			if !e.IsDir() && looksLikeBIO(filepath.Join(path, e.Name())) {
				return FormatBIO, nil
			}
		}
		return "", errors.New("no gold files (*.gold.json), AnnoCTR layout, doccano JSONL or BIO files found; use --gold-format")
	}
	switch {
	case strings.HasSuffix(path, GoldSuffix):
		return FormatGold, nil
	case strings.HasSuffix(path, ".jsonl"):
		return FormatDoccano, nil
	case looksLikeBIO(path):
		return FormatBIO, nil
	}
	return "", errors.New("neither a gold file, doccano JSONL nor a CoNLL/BIO file; use --gold-format")
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

// looksLikeBIO: most of the first non-blank lines end in a BIO tag.
func looksLikeBIO(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	lines, tagged := 0, 0
	for sc.Scan() && lines < 50 {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		lines++
		if _, ok := parseTag(fields[len(fields)-1]); ok && len(fields) >= 2 {
			tagged++
		}
	}
	return lines > 0 && tagged*10 >= lines*9
}

// loadGoldFolder reads documents and the gold files beside them; a single
// gold file names its document.
func loadGoldFolder(path string, dir bool) (*Corpus, error) {
	c := &Corpus{}
	var goldPaths []string
	if dir {
		var err error
		if goldPaths, err = FindGold(path); err != nil {
			return nil, err
		}
		srcs, errs := document.Expand([]string{path}, nil)
		for _, e := range errs {
			c.Warnings = append(c.Warnings, e.Error())
		}
		c.Sources = srcs
	} else {
		goldPaths = []string{path}
	}
	for _, p := range goldPaths {
		g, err := ReadGold(p)
		if err != nil {
			return nil, err
		}
		c.Golds = append(c.Golds, GoldFile{Path: p, Gold: g})
		if !dir {
			c.Sources = append(c.Sources, filepath.Join(filepath.Dir(p), g.Document))
		}
	}
	return c, nil
}
