package rules

import "strings"

// List continuation. Reports often end a sentence with a colon and give its
// objects as bullet lines:
//
//	The group used the following tools:
//	- PlugX
//	- ShadowPad
//
// The sentence splitter makes every line a sentence, so no relation rule
// sees "used" and "PlugX" together. For the relation rules, an intro
// sentence whose last token is ":" is read together with the bullet items
// after it as if it were written "The group used the following tools
// including the PlugX and ShadowPad": the colon reads as "including", the
// first bullet mark as "the", and the break between two items (a bullet
// mark and the punctuation ending the item before) as "and" / ", and". A
// rule that starts in the intro may then take the items as its list.
//
// An item is a line starting with a bullet mark, plus the lines that wrap
// it (a line continues the item before while that one has no closing
// punctuation). The block ends at the first line that is neither, or at an
// item longer than listMaxItemTokens tokens: full sentences under a
// "Key points:" heading are no list of objects.

// bulletMarks are the tokens that start a bullet line.
var bulletMarks = map[string]bool{"-": true, "–": true, "•": true, "*": true, "·": true, "▪": true, "◦": true, "‣": true}

// itemEnds are the punctuation tokens that may close a bullet item.
var itemEnds = map[string]bool{".": true, ";": true, ",": true}

const (
	listMaxItemTokens = 20 // longer items are sentences, not list members
	listMaxItems      = 30
)

// tokRewrite is a token's text as the relation rules read it inside a
// list block, with what it was.
type tokRewrite struct {
	i          int
	text, fold string
	vent       *vocabEntry
}

// listBlock returns the end (exclusive token index) of the bullet list
// that continues sentence si, and the token rewrites that join it to the
// intro; end is 0 when si introduces no list.
func (d *docState) listBlock(si int, buf []tokRewrite) (int, []tokRewrite) {
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	if hi-lo < 2 || d.tokText[hi-1] != ":" || si+1 >= len(d.sents) {
		return 0, buf
	}
	rw := append(buf[:0], tokRewrite{i: hi - 1, text: "including"})
	end, items := 0, 0
	itemLen, mark := 0, 0
	open := false // the item before has no closing punctuation: a next line wraps it
	for sj := si + 1; sj < len(d.sents); sj++ {
		a, b := d.sentLo[sj], d.sentLo[sj+1]
		if a == b {
			continue
		}
		switch {
		case bulletMarks[d.tokText[a]]:
			mark = len(rw)
			if items == listMaxItems {
				return d.listEnd(end, items, rw)
			}
			if items == 0 {
				rw = append(rw, tokRewrite{i: a, text: "the"})
			} else {
				rw = append(rw, tokRewrite{i: a, text: "and"})
				if e := end - 1; itemEnds[d.tokText[e]] {
					rw = append(rw, tokRewrite{i: e, text: ","})
				}
			}
			items++
			itemLen = b - a
		case open && items > 0 && !d.blankLineBefore(a):
			itemLen += b - a
		default:
			return d.listEnd(end, items, rw)
		}
		if itemLen > listMaxItemTokens {
			return d.listEnd(end, items-1, rw[:mark])
		}
		end = b
		open = !itemEnds[d.tokText[b-1]] && d.tokText[b-1] != "!" && d.tokText[b-1] != "?"
	}
	return d.listEnd(end, items, rw)
}

// listEnd finishes listBlock: no block without items; rewrites past the
// end (of a wrapped line cut off) are dropped.
func (d *docState) listEnd(end, items int, rw []tokRewrite) (int, []tokRewrite) {
	if items == 0 || end == 0 {
		return 0, rw[:0]
	}
	k := 0
	for _, r := range rw {
		if r.i < end {
			rw[k] = r
			k++
		}
	}
	return end, rw[:k]
}

// applyRewrites swaps the tokens' text for their list reading and back: it
// is called once to apply and once to restore, since each call saves what
// it replaces. Cached shapes and regex results of those tokens are cleared
// both times.
func (d *docState) applyRewrites(rw []tokRewrite) {
	for k := range rw {
		r := &rw[k]
		i := r.i
		old := tokRewrite{i: i, text: d.tokText[i], fold: d.fold[i], vent: d.vent[i]}
		fold := r.fold
		if fold == "" {
			fold = foldKey(r.text)
			r.vent = d.p.vocab[fold]
		}
		d.tokText[i], d.fold[i], d.vent[i] = r.text, fold, r.vent
		*r = old
		if i < len(d.shapes) {
			d.shapes[i] = ""
		}
		if i < len(d.cshapes) {
			d.cshapes[i] = ""
		}
		for _, cache := range d.reCache {
			if i < len(cache) {
				cache[i] = 0
			}
		}
	}
}

// blankLineBefore reports whether an empty line separates token i from the
// token before it: a paragraph after a list wraps no item, even when the
// last item has no closing punctuation.
func (d *docState) blankLineBefore(i int) bool {
	if i == 0 {
		return false
	}
	return strings.Count(d.text[d.tokEnd[i-1]:d.tokStart[i]], "\n") >= 2
}
