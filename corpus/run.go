package corpus

import (
	"context"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/extract"
)

// Runner extracts every document of a corpus in parallel.
type Runner struct {
	Opener    *document.Opener
	Extractor *extract.Extractor
	Workers   int
	// Resolve are the options of extract.Resolve (knowledge base, rule
	// metadata), as `extractor extract` passes them.
	Resolve []extract.Option
	// OnError is told about each document that could not be read or
	// extracted; the others go on.
	OnError func(error)
}

// Run is the outcome of extracting a corpus: the dataset (as `extractor
// extract` would write it for these documents) and the document ↔ gold
// pairs to score.
type Run struct {
	Dataset              *extractor.Dataset
	Pairs                []Pair
	DocumentsWithoutGold []string
	GoldWithoutDocument  []string
	Warnings             []string
	Failed               int
	// Results are the documents' extraction results before resolution
	// (what a relation model's candidates are built from).
	Results []*extract.DocResult
}

// Run reads and extracts the corpus's documents, resolves entities across
// them as `extractor extract` does, and pairs documents with their gold.
func (r *Runner) Run(ctx context.Context, c *Corpus) *Run {
	out := &Run{Warnings: append([]string(nil), c.Warnings...)}
	fail := func(err error) {
		out.Failed++
		if r.OnError != nil {
			r.OnError(err)
		}
	}
	work := func(ctx context.Context, doc *extractor.Document) (any, error) { return r.Extractor.Document(ctx, doc) }
	var results []*extract.DocResult
	if len(c.Sources) > 0 {
		r.Opener.OpenAll(ctx, c.Sources, r.Workers, work, func(res document.Result) {
			if res.Err != nil {
				fail(res.Err)
				return
			}
			results = append(results, res.Value.(*extract.DocResult))
		})
	}
	caseOf := map[string]*Case{}
	if len(c.Cases) > 0 {
		got := r.extractInline(ctx, c.Cases, work)
		for i, res := range got {
			if res.err != nil {
				fail(res.err)
				continue
			}
			results = append(results, res.value)
			caseOf[res.value.Doc.ID+"\x00"+res.value.Doc.Source] = c.Cases[i]
		}
	}
	// Each document's share of resolution under the same limit (--timeout):
	// one over it is reported and left out, as one that failed to extract.
	limit := r.Opener.Options.Timeout
	if limit <= 0 {
		limit = document.DefaultTimeout
	}
	ds, skipped := extract.ResolveLimited(ctx, results, append(append([]extract.Option(nil), r.Resolve...), extract.WithTimeLimit(limit))...)
	if len(skipped) > 0 {
		drop := map[int]bool{}
		for _, s := range skipped {
			fail(s.Err)
			drop[s.Index] = true
		}
		kept := results[:0:0]
		for i, res := range results {
			if !drop[i] {
				kept = append(kept, res)
			}
		}
		results = kept
	}
	out.Dataset = ds
	out.Results = results
	if len(c.Sources) > 0 {
		var fileDocs []extractor.DocumentSummary
		for _, d := range out.Dataset.Documents {
			if caseOf[d.ID+"\x00"+d.Source] == nil {
				fileDocs = append(fileDocs, d)
			}
		}
		pairs, noGold, noDoc, warns := Associate(fileDocs, c.Golds)
		out.Pairs = append(out.Pairs, pairs...)
		out.DocumentsWithoutGold, out.GoldWithoutDocument = noGold, noDoc
		out.Warnings = append(out.Warnings, warns...)
	}
	for _, d := range out.Dataset.Documents {
		if cs := caseOf[d.ID+"\x00"+d.Source]; cs != nil {
			out.Pairs = append(out.Pairs, Pair{DocID: d.ID, Source: d.Source, Format: string(d.Format), Gold: cs.Gold})
		}
	}
	return out
}

type inlineResult struct {
	value *extract.DocResult
	err   error
}

// extractInline reads in-memory case texts (as the text reader reads a
// .txt file, so figures match extracting the case files) and extracts
// them, Workers at a time, keeping the cases' order.
func (r *Runner) extractInline(ctx context.Context, cases []*Case, work document.Work) []inlineResult {
	sources := make([]string, len(cases))
	for i, c := range cases {
		sources[i] = c.Gold.Document
	}
	read := func(ctx context.Context, i int) (*extractor.Document, error) {
		return document.Read(ctx, sources[i], []byte(cases[i].Text), r.Opener.Options)
	}
	out := make([]inlineResult, 0, len(cases))
	document.ReadEach(ctx, sources, r.Workers, r.Opener.Options.Timeout, read, work, func(res document.Result) {
		ir := inlineResult{err: res.Err}
		if res.Err == nil {
			ir.value = res.Value.(*extract.DocResult)
		}
		out = append(out, ir)
	})
	return out
}

// Evaluate extracts the corpus and scores it: the one call the CLI makes.
func (r *Runner) Evaluate(ctx context.Context, c *Corpus, opt Options) (*Report, *Run) {
	run := r.Run(ctx, c)
	rep := Score(run.Dataset, run.Pairs, opt)
	rep.Corpus = c.Name
	rep.GoldWithoutDocument = append(rep.GoldWithoutDocument, run.GoldWithoutDocument...)
	rep.DocumentsWithoutGold = append(rep.DocumentsWithoutGold, run.DocumentsWithoutGold...)
	rep.Warnings = append(run.Warnings, rep.Warnings...)
	if rep.Warnings == nil {
		rep.Warnings = []string{}
	}
	return rep, run
}
