// Package extract runs the pipeline over documents — sentences and tokens,
// rule matching — and resolves the mentions it finds into entities: one
// entity per real-world thing, with a deterministic id, a canonical name,
// aliases and every mention as evidence.
package extract

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
	"github.com/reportgraph/extractor/rules"
)

// Extractor holds what every document shares: the compiled rule pack and
// the NLP model. It is safe for concurrent use.
type Extractor struct {
	pack *rules.Pack
	nlp  *nlp.Analyzer
	prof *rules.Profile // set by Profiled
}

// Profiled returns a copy of x that adds the time of each document's NLP
// stage and the time and counts of its rules and stages of matching to
// prof (`extractor rules profile`, docs/rules.md).
func (x *Extractor) Profiled(prof *rules.Profile) *Extractor {
	c := *x
	c.prof = prof
	return &c
}

// New returns an Extractor for a compiled rule pack.
func New(pack *rules.Pack) (*Extractor, error) {
	an, err := nlp.New()
	if err != nil {
		return nil, fmt.Errorf("loading the NLP model: %w", err)
	}
	return &Extractor{pack: pack, nlp: an}, nil
}

// DocResult is what extraction found in one document.
type DocResult struct {
	Doc       *extractor.Document
	Sentences []nlp.Sentence
	Mentions  []extractor.Mention
	Aliases   []rules.AliasLink
	Relations []rules.RelationMatch // spans of Mentions; see relations.go
	// Left is the time the document's limit (its context's deadline) left
	// when its extraction ended, 0 when it had none: ResolveLimited bounds
	// the document's share of resolution by it (limit.go).
	Left time.Duration
}

// Document extracts the mentions of one document. A panic in matching is
// turned into an error naming the document, so a batch goes on. ctx bounds
// the work: it is checked between the stages (NLP, rules) and, inside the
// rules, between sentences; when it ends the error names the stage reached
// and wraps ctx's error (errors.Is(err, context.DeadlineExceeded)).
func (x *Extractor) Document(ctx context.Context, doc *extractor.Document) (res *DocResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extraction crashed: %v\n%s", r, debug.Stack())
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("stopped before extraction: %w", err)
	}
	start := time.Now()
	sents, err := x.nlp.AnalyzeContext(ctx, doc.Text)
	if err != nil {
		return nil, fmt.Errorf("stopped in the NLP stage (sentences and tokens): %w", err)
	}
	var m rules.Result
	if x.prof != nil {
		x.prof.AddStage("nlp", time.Since(start))
		m, err = x.pack.MatchProfiled(ctx, doc.Text, sents, x.nlp, x.prof)
	} else {
		m, err = x.pack.MatchContext(ctx, doc.Text, sents, x.nlp)
	}
	if err != nil {
		return nil, err // a *rules.Canceled naming the stage
	}
	for i := range m.Mentions {
		m.Mentions[i].Doc = doc.ID
		m.Mentions[i].Page = doc.PageOf(m.Mentions[i].Start)
	}
	res = &DocResult{Doc: doc, Sentences: sents, Mentions: m.Mentions, Aliases: m.Aliases, Relations: m.Relations}
	if dl, ok := ctx.Deadline(); ok {
		res.Left = max(time.Until(dl), time.Nanosecond)
	}
	return res, nil
}
