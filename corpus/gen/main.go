// Command gen renders the PDF documents of the sample corpus from the text
// sources in corpus/gen/src. The PDFs are committed next to their gold files
// in corpus/samples; rerun this after editing a source:
//
//	go run ./corpus/gen
//
// Output is deterministic (fixed dates, sorted catalog) so that a rerun
// without source changes leaves the committed PDFs byte-identical.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	srcDir := flag.String("src", "corpus/gen/src", "directory of *.txt sources")
	outDir := flag.String("out", "corpus/samples", "directory the PDFs are written to")
	flag.Parse()
	if err := run(*srcDir, *outDir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(srcDir, outDir string) error {
	paths, err := filepath.Glob(filepath.Join(srcDir, "*.txt"))
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("no *.txt sources in %s (run from the repository root)", srcDir)
	}
	sort.Strings(paths)
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		src, err := parseSource(string(raw))
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txt") + ".pdf"
		out := filepath.Join(outDir, name)
		if err := render(src, out); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		fmt.Println("wrote", out)
	}
	return nil
}
