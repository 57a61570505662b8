package main

import (
	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/kb"
	"github.com/reportgraph/extractor/rules"
)

// pipeline is what extract and eval both build from --kb and --rules: the
// compiled pack (the KB's names as extra gazetteers), the extractor, and
// the options resolution needs to merge by the KB and the rules.
type pipeline struct {
	x       *extract.Extractor
	resolve []extract.Option
}

// models says which statistical models run on top of the rules.
type models struct {
	relation bool // the candidate-pair relation model (--relation-model)
	names    bool // the name model (--name-model)
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
	if mo.names {
		pack = pack.WithNameModel(pack.NameModel())
	}
	x, err := extract.New(pack)
	if err != nil {
		return nil, err
	}
	pl := &pipeline{x: x, resolve: []extract.Option{extract.WithKB(known), extract.WithRules(pack.Rules()),
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
const nameModelHelp = "also find capitalised names the rules missed with the name model, as mentions of rule model.names (docs/name-model.md); off by default: on unseen reports it moved F1 by less than a point either way"

// relationModelHelp describes --relation-model, which extract and eval share.
const relationModelHelp = "also propose relations the rules missed with the candidate-pair model, as low-confidence candidates with rule model.pair (docs/relation-model.md); =false for the rules' relations only"
