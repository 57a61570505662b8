// Package nlp splits document text into sentences and tokens with byte
// offsets into that text, and tags parts of speech on demand.
//
// Tokens and sentences come from a hand-written scanner (prose's own
// segmenter and tokenizer keep no offsets and are slow); part-of-speech tags
// come from prose/v2's averaged-perceptron model, run on our tokens. For
// every token Text == text[Start:End], tokens are ordered and do not
// overlap, and every token lies inside its sentence.
//
// # Tokens
//
// Text is cut at whitespace into chunks. Leading openers (brackets, quotes,
// bullets) and trailing punctuation (, ; : ! ? quotes, unmatched closing
// brackets, a final full stop) are peeled off each chunk. A full stop stays
// on known abbreviations ("Inc.", "Co.", "Fig.", "e.g."), on dotted
// acronyms ("U.S.") and on initials ("J."); on "No."/"Vol."/"p." only before
// a number. What is left stays one token when it looks like an indicator —
// it contains '/', '\', '@' or a defang marker such as "[.]" or "(.)" — so
// URLs (also hxxp and "[:]//"), paths, registry keys, e-mail addresses and
// defanged indicators survive whole. Words without '/', '\' or '@' keep
// dots, colons and hyphens, so IP addresses (with :port), domains, file
// names, versions, CVE and ATT&CK ids and hyphenated names are one token;
// other punctuation inside them (commas except in 1,000, quotes, brackets,
// dashes) is split off. Markdown emphasis stars at either end of a chunk
// are their own token ("**Hashes**" → "**" "Hashes" "**"); wildcards such
// as "*.exe" are not. Clitics are split as in the Penn Treebank:
// "China's" → "China" "'s", "didn't" → "did" "n't".
//
// # Sentences
//
// A sentence ends after ".", "!", "?" or "..." (plus any closing quotes or
// brackets glued to it) when the next token can open a sentence: anything
// but a lower-case word, though lower-case identifiers such as
// "svchost.exe" do open one. After an abbreviation that may end a sentence
// ("Inc.", "etc.", "U.S.", an initial) a sentence ends only when a typical
// opener follows ("The", "In", "They", ...), so "the U.S. Department" and
// "J. Smith" stay whole. "Fig.", "e.g.", "i.e.", "vs.", "Dr." and numbered
// "No. 5" never end one.
//
// A blank line or a page break ('\f') always ends a sentence. A single
// line break does not, because PDF text wraps mid-sentence, unless the line
// before or after it stands alone: the next line starts a list item ("• ",
// "- ", "+ ", "1. ", "a) ") or the line is one without final punctuation;
// either line is a markdown heading ("#"), a table row ('|', or a tab in
// the line before) or a setext underline ("----"); the line is a single
// word (indicator lists); it ends with ':' and the next line is a single
// word or does not start in lower case ("Conclusions:"); or, when the line
// has no final punctuation and does not end in an article, preposition,
// conjunction or auxiliary and the next line starts with a capital or a
// digit, either line is heading-like — at most 10 words and 80 bytes, in
// title case or of at most three words — so "Executive Summary" and a date
// under a title stand alone. Markdown emphasis ('*', '_') around a line is
// ignored for these tests. Past 256
// tokens any line break ends a sentence and past 1024 tokens any token
// boundary does, so text without punctuation cannot make huge sentences.
package nlp

import (
	"context"
	"fmt"
	"sync"
)

// Token is one token; Start and End are byte offsets into the analysed text.
type Token struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// POS is the Penn Treebank tag, empty until the sentence is tagged.
	POS string `json:"pos,omitempty"`
}

// Sentence is a byte range of the analysed text and its tokens.
type Sentence struct {
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Tokens []Token `json:"tokens"`
}

// Analyzer is safe for concurrent use; build one and share it.
type Analyzer struct {
	tagger *tagger
}

// New returns an Analyzer. The POS model is decoded once per process (about
// a quarter of a second) and shared by every Analyzer.
func New() (*Analyzer, error) {
	tg, err := loadTagger()
	if err != nil {
		return nil, fmt.Errorf("nlp: %w", err)
	}
	return &Analyzer{tagger: tg}, nil
}

// Analyze splits text into sentences and tokens. It does not tag POS.
// The sentences share one token array; each Tokens slice is capped, so
// appending to it copies instead of overwriting the next sentence.
func (a *Analyzer) Analyze(text string) []Sentence {
	sents, _ := a.AnalyzeContext(context.Background(), text)
	return sents
}

// AnalyzeContext is Analyze that gives up, with ctx's error, when ctx has
// ended after tokenizing or after splitting sentences: both are
// single linear passes over the text.
func (a *Analyzer) AnalyzeContext(ctx context.Context, text string) ([]Sentence, error) {
	// The tokens are collected in a reused buffer and then copied into a
	// slice of their exact number: run's estimate of one token per five
	// bytes is a quarter more than CTI prose needs, and the tokens are
	// the largest allocation of a document's extraction. A long document
	// (more than maxPooledEstimate tokens estimated) has a buffer of its
	// own, sized once and kept without the copy: a pooled buffer would
	// grow by doubling to its size, and the copy would double its peak.
	t := tokenizer{text: text}
	est := len(text)/5 + 8
	var buf *tokenBuffer
	if est <= maxPooledEstimate {
		buf, _ = tokenBuffers.Get().(*tokenBuffer)
		if buf == nil {
			buf = new(tokenBuffer)
		}
		t.toks, t.gaps = buf.toks[:0], buf.gaps[:0]
	}
	t.run()
	var err error
	var sents []Sentence
	if err = ctx.Err(); err == nil {
		toks := t.toks[:len(t.toks):len(t.toks)]
		if buf != nil {
			toks = make([]Token, len(t.toks))
			copy(toks, t.toks)
		}
		sents = split(text, toks, t.gaps)
		err = ctx.Err()
	}
	if buf != nil && cap(t.toks) <= maxBufferedTokens {
		clear(t.toks) // hold no text of this document
		buf.toks, buf.gaps = t.toks[:0], t.gaps[:0]
		tokenBuffers.Put(buf)
	}
	if err != nil {
		return nil, err
	}
	return sents, nil
}

// tokenBuffer is Analyze's reusable token and gap buffers.
type tokenBuffer struct {
	toks []Token
	gaps []uint8
}

var tokenBuffers sync.Pool

// maxBufferedTokens bounds the buffers kept for reuse (a very long
// document's are dropped).
const maxBufferedTokens = 1 << 20

// maxPooledEstimate is the longest document, in run's estimate of its
// tokens (one per five bytes: 64k tokens, about 320 kB), whose tokens are
// collected in a pooled buffer.
const maxPooledEstimate = 1 << 16

// FixedTag returns the tag Tag gives a token with this text in any
// sentence, when the text alone decides it (punctuation, links, words the
// model always tags alike); false when the tag depends on the context. It
// lets a caller test one token's part of speech without tagging its
// sentence.
func (a *Analyzer) FixedTag(text string) (string, bool) {
	if a == nil || a.tagger == nil {
		return "", false
	}
	return a.tagger.fixedTag(proseText(text))
}

// KnownWord reports whether the tagger's model has features for this word
// (case folded): a word of its English training text, not a made-up name
// such as a malware family's ("pngdowner"). The model keeps about 17,000
// words, so false does not prove a word is no English word. False without
// a model.
func (a *Analyzer) KnownWord(text string) bool {
	if a == nil || a.tagger == nil || text == "" {
		return false
	}
	return a.tagger.feats.words[normalizeWord(text)] != nil
}

// Tag fills in POS for the tokens of s. It is slower than Analyze by a
// factor of six to eight, so callers tag only sentences a rule needs. A
// sentence whose tokens all have a tag already is left alone.
func (a *Analyzer) Tag(s *Sentence) {
	if a == nil || a.tagger == nil || len(s.Tokens) == 0 {
		return
	}
	done := true
	for _, t := range s.Tokens {
		if t.POS == "" {
			done = false
			break
		}
	}
	if done {
		return
	}
	words := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		words[i] = proseText(t.Text)
	}
	for i, tag := range a.tagger.tagWords(words) {
		s.Tokens[i].POS = tag
	}
}
