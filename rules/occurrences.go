package rules

import (
	"unicode"
	"unicode/utf8"
)

// Propagation looks for every name it spreads in the whole text. Scanning
// the text once per name made a document with many names quadratic (a
// bullet list of 50,000 company names did not finish in a minute); these
// indexes, built once per document when propagation first asks, answer
// each name in time proportional to its own occurrences.

// wordRun returns the length in bytes of the run of letters and digits
// that opens s (0 when s opens with neither).
func wordRun(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		n += size
	}
	return n
}

// tokenOccurrences returns what occurrences(d.text, form, from) returns at
// the starts of tokens: propagation keeps only occurrences that start and
// end at token boundaries (freeOccurrence), so the others need not be
// found. A form that opens with a letter or digit is looked up by that
// run in an index of the runs that open tokens; another form is searched
// for as before.
func (d *docState) tokenOccurrences(form string, from int) []int {
	k := wordRun(form)
	if k == 0 {
		return occurrences(d.text, form, from)
	}
	if !d.runsBuilt {
		d.buildRuns()
	}
	var out []int
	end := 0 // occurrences do not overlap
	var starts []int32
	if r, ok := d.runKey[form[:k]]; ok {
		starts = d.runPos[d.runOff[r]:d.runOff[r+1]]
	}
	for _, s32 := range starts {
		s := int(s32)
		if s < from || s < end || len(d.text)-s < len(form) || d.text[s:s+len(form)] != form {
			continue
		}
		out = append(out, s)
		end = s + len(form)
	}
	return out
}

// buildRuns indexes the starts of the runs that open tokens by run:
// runKey numbers the distinct runs in order of first occurrence, and the
// starts of run r, in text order, are runPos[runOff[r]:runOff[r+1]]. One
// flat array in two passes, and tables reused from document to document,
// instead of a slice per run: the index was a tenth of the bytes a
// document's extraction allocated (BenchmarkExtract -benchmem).
func (d *docState) buildRuns() {
	d.runsBuilt = true
	if d.runKey == nil {
		d.runKey = make(map[string]int32, len(d.tokStart)/4)
	}
	clear(d.runKey)
	d.runOff = d.runOff[:0]
	d.runPos = d.runPos[:0]
	d.runOf = d.runOf[:0] // per token start indexed: its run's number
	for i, s := range d.tokStart {
		if i > 0 && d.tokStart[i-1] == s {
			continue
		}
		if n := wordRun(d.text[s:]); n > 0 {
			key := d.text[s : s+n]
			r, ok := d.runKey[key]
			if !ok {
				r = int32(len(d.runOff))
				d.runKey[key] = r
				d.runOff = append(d.runOff, 0)
			}
			d.runOff[r]++ // counts first
			d.runOf = append(d.runOf, r)
			d.runPos = append(d.runPos, int32(s))
		}
	}
	// Counts to offsets: run r's starts go to [runOff[r], runOff[r+1]).
	total := int32(0)
	for r, c := range d.runOff {
		d.runOff[r] = total
		total += c
	}
	d.runOff = append(d.runOff, total)
	d.runFill = append(d.runFill[:0], d.runOff...)
	starts := append(d.runTmp[:0], d.runPos...)
	for k, r := range d.runOf {
		d.runPos[d.runFill[r]] = starts[k]
		d.runFill[r]++
	}
	d.runTmp = starts
}

// hasLetterRun reports whether the text holds w, a word of letters only,
// with no letter right before or after it; the maximal runs of letters of
// the text are collected once.
func (d *docState) hasLetterRun(w string) bool {
	if !d.letterRunsBuilt {
		// The map is reused from document to document (reset clears it).
		d.letterRunsBuilt = true
		if d.letterRuns == nil {
			d.letterRuns = map[string]struct{}{}
		}
		t := d.text
		for i := 0; i < len(t); {
			r, size := utf8.DecodeRuneInString(t[i:])
			if !unicode.IsLetter(r) {
				i += size
				continue
			}
			j := i + size
			for j < len(t) {
				r, size := utf8.DecodeRuneInString(t[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += size
			}
			d.letterRuns[t[i:j]] = struct{}{}
			i = j
		}
	}
	_, ok := d.letterRuns[w]
	return ok
}

// allLetters reports whether w is letters only (and not empty).
func allLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}
