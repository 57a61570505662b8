package rules

import (
	"sort"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
)

// ClauseReader judges negation in one sentence as the relation rules do
// (hedge.go), for readers of relations outside the rule engine: the
// candidate-pair model of package extract asks it whether a statement
// running from one mention to another is denied ("there is no evidence
// that X worked for Y", "Z did not claim that X was behind the breach of
// Y"), so its proposals obey the same clause, aside and negation logic —
// the pack's relation_negations, a clause opening with "no" or "none",
// "not only" and the like excepted, relative clauses and contrasts between
// commas kept apart — and no second negation detector exists.
//
// A reader is reused from one sentence to the next (Read); it is not safe
// for concurrent use.
type ClauseReader struct {
	d    docState
	one  [1]cand         // the first mention of the statement asked about
	sent [1]nlp.Sentence // a copy of the sentence Read, tagged on demand
}

// NewClauseReader returns a reader of p's relation negations. With an
// analyzer it tags a sentence when a judgement needs a part of speech, as
// the rules do: in "X did not target Y, attacked Z" the past tense after
// the comma opens a predicate of its own, so the denial is only Y's
// (coordinatedPredicate). Without one (nil) it reads only the tags the
// sentence already carries, and keeps such a clause whole.
func (p *Pack) NewClauseReader(an *nlp.Analyzer) *ClauseReader {
	c := &ClauseReader{}
	c.d.p, c.d.an = p, an
	return c
}

// Read prepares sentence sent of text for Negated. It returns false when
// no statement in the sentence can be negated (the pack has no relation
// rules, or no token opens a phrase of relation_negations and none is "no"
// or "none"), so a caller may skip its questions.
func (c *ClauseReader) Read(text string, sent nlp.Sentence) bool {
	d := &c.d
	d.text = text
	n := len(sent.Tokens)
	d.tokText = grow(d.tokText, n)
	d.tokStart = grow(d.tokStart, n)
	d.tokEnd = grow(d.tokEnd, n)
	d.fold = grow(d.fold, n)
	d.vent = grow(d.vent, n)
	d.sentOf = grow(d.sentOf, n) // every token in sentence 0
	d.startM = grow(d.startM, n)
	d.sentLo = append(d.sentLo[:0], 0, n)
	// The tokens are copied: tagging (pos) writes their tags, and the
	// caller's sentence is not ours to change.
	c.sent[0] = nlp.Sentence{Start: sent.Start, End: sent.End, Tokens: append(c.sent[0].Tokens[:0], sent.Tokens...)}
	d.sents = c.sent[:]
	d.tagged = append(d.tagged[:0], false)
	for k, t := range sent.Tokens {
		d.tokStart[k], d.tokEnd[k] = t.Start, t.End
		if k > 0 {
			d.tokText[k] = ruleText(t.Text, d.tokText[k-1], d.tokEnd[k-1] == t.Start) // as init reads it
		} else {
			d.tokText[k] = ruleText(t.Text, "", false)
		}
		d.fold[k] = foldKey(d.tokText[k])
		d.vent[k] = d.p.vocab[d.fold[k]]
		d.startM[k] = -1
	}
	cues := d.p.relCues
	if cues == nil || n == 0 {
		return false
	}
	for t := range n {
		if f := d.fold[t]; f == "no" || f == "none" {
			return true
		}
		if cues.negations != nil && cues.negations.startsAt(d, t, n) {
			return true
		}
	}
	return false
}

// Negated reports whether the relation rules would drop, as negated, a
// match that starts with the mention first and ends with the mention last
// (byte spans in the sentence Read last, first before last): its clause
// is the match and the tokens before it back to the clause's start, or
// the relative clause the first mention opens ("X, which is not tied to
// Y"), with asides between commas left out; when a clause break stands
// between the two, the second's own clause. When the two are joined in
// one noun phrase (asideBetween), the match is read as the apposition and
// possessive rules read theirs, as an aside whose clause starts at the
// match: in "Neither X nor the BSI, the federal agency in Bonn, named ..."
// the agency is still in Bonn.
func (c *ClauseReader) Negated(first, last extractor.Span) bool {
	d := &c.d
	n := len(d.tokText)
	i := sort.Search(n, func(k int) bool { return d.tokEnd[k] > first.Start })
	fe := sort.Search(n, func(k int) bool { return d.tokStart[k] >= first.End })
	ls := sort.Search(n, func(k int) bool { return d.tokEnd[k] > last.Start })
	end := sort.Search(n, func(k int) bool { return d.tokStart[k] >= last.End })
	if i >= fe || fe > ls || ls >= end {
		return false
	}
	if d.asideBetween(fe, ls) {
		negated, _ := d.appositionCues(i, end)
		return negated
	}
	if d.clauseStart(ls) > i {
		// A clause break between the names (";", "but", "which", a
		// quotation mark, ...): the second is in a clause of its own,
		// whose negation is what counts. In `"There is no proof that X
		// works for Y," he said of the firm charged over Z` the quote's
		// denial says nothing of Z.
		negated, _ := d.relationCues(ls, end)
		return negated
	}
	c.one[0] = cand{start: first.Start, end: first.End, tokS: int32(i), tokE: int32(fe)}
	d.acc = c.one[:]
	d.startM[i] = 0
	negated, _ := d.relationCues(i, end)
	d.startM[i] = -1
	d.acc = nil
	return negated
}

// nounPhraseJoins join two names in one noun phrase: "X in Y", "the Y of
// X", "X's Y", "X at Y".
var nounPhraseJoins = map[string]bool{"in": true, "of": true, "'s": true, "’s": true, "at": true}

// appositionGapWords bounds the noun phrase in apposition to a name before
// the second name ("X, the federal cyber-security agency in Y").
const appositionGapWords = 8

// asideBetween reports whether the tokens [fe, ls) between two names join
// them in one noun phrase, the shapes the apposition and possessive rules
// read: none ("the North Korean Reconnaissance General Bureau"), one word
// of nounPhraseJoins ("X in Y", "Y's X"), or a noun phrase in apposition
// to the first name, after its comma and a bracketed short name, opening
// with a determiner or "part of" and holding no clause of its own (no
// comma, relative pronoun, conjunction or clause break): "X (XX), the
// agency in Y", "X, part of Y".
func (d *docState) asideBetween(fe, ls int) bool {
	switch ls - fe {
	case 0:
		return true
	case 1:
		return nounPhraseJoins[d.fold[fe]]
	}
	t := fe
	if d.fold[t] == "(" { // "X (XX), the agency in Y"
		for t < ls && d.fold[t] != ")" {
			t++
		}
		t++
	}
	if t+1 >= ls || d.fold[t] != "," {
		return false
	}
	t++
	switch f := d.fold[t]; {
	case appositionDeterminers[f]:
	case f == "part" && d.fold[t+1] == "of":
	default:
		return false
	}
	if ls-t > appositionGapWords {
		return false
	}
	for j := t; j < ls; j++ {
		switch f := d.fold[j]; {
		case relativePronouns[f], clauseBreaks[f], f == ",", f == ".", f == "and", f == "or", f == "(":
			return false
		}
	}
	return true
}
