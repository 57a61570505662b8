package main

import "github.com/reportgraph/extractor/kb"

// loadKB reads the --kb files; none gives an empty knowledge base.
func loadKB(paths []string) (*kb.KB, error) {
	if len(paths) == 0 {
		return &kb.KB{}, nil
	}
	return kb.Load(paths...)
}
