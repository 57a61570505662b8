package main

import (
	"fmt"
	"strconv"

	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/kb"
	"github.com/reportgraph/extractor/rules"
)

// pipeline is what extract and eval both build from --kb and --rules: the
// compiled pack (the KB's names as extra gazetteers), the extractor, and
// the options resolution needs to merge by the KB and the rules.
type pipeline struct {
	x       *extract.Extractor
	pack    *rules.Pack
	resolve []extract.Option
}

// models says which statistical models run on top of the rules.
type models struct {
	relation bool   // the candidate-pair relation model (--relation-model)
	names    string // the name model (--name-model): auto, true or false
}

// newPipeline loads the knowledge bases and rule packs; any error in them
// stops the run before a document is read. mo turns the models on.
func newPipeline(kbFiles, ruleDirs []string, mo models) (*pipeline, error) {
	known, err := loadKB(kbFiles)
	if err != nil {
		return nil, err
	}
	pack, err := rules.LoadWith(known.Gazetteers(), ruleDirs...)
	if err != nil {
		return nil, err
	}
	switch mo.names {
	case "auto":
		pack = pack.WithNameModelAuto(pack.NameModel())
	default:
		on, err := strconv.ParseBool(mo.names)
		if err != nil {
			return nil, fmt.Errorf("--name-model: %q is not auto, true or false", mo.names)
		}
		if on {
			pack = pack.WithNameModel(pack.NameModel())
		}
	}
	x, err := extract.New(pack)
	if err != nil {
		return nil, err
	}
	pl := &pipeline{x: x, pack: pack, resolve: []extract.Option{extract.WithKB(known), extract.WithRules(pack.Rules()),
		extract.WithGroupNouns(pack.GroupNouns())}}
	if mo.relation {
		m, err := extract.DefaultPairModel(pack)
		if err != nil {
			return nil, err
		}
		pl.resolve = append(pl.resolve, extract.WithPairModel(m))
	}
	return pl, nil
}

// loadKB reads the --kb files; none gives an empty knowledge base.
func loadKB(paths []string) (*kb.KB, error) {
	if len(paths) == 0 {
		return &kb.KB{}, nil
	}
	return kb.Load(paths...)
}

// nameModelHelp describes --name-model, which extract and eval share.
const nameModelHelp = "find capitalised names the rules missed with the name model, as mentions of rule model.names (docs/name-model.md): auto runs it on documents that read as news, releases or advisories and not on technical reports; --name-model alone is true (every document), false turns it off"

// relationModelHelp describes --relation-model, which extract and eval share.
const relationModelHelp = "also propose relations the rules missed with the candidate-pair model, as low-confidence candidates with rule model.pair (docs/relation-model.md); =false for the rules' relations only"
