package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

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
	// An item that opens with a name and its apposition ("- Coop, a
	// Swedish grocery chain, which closed ...") lists the name however
	// long the description runs, up to this length.
	listMaxNamedItemTokens = 40
	listMaxItems           = 30
)

// tokRewrite is a token's text as the relation rules read it inside a
// list block, with what it was.
type tokRewrite struct {
	i          int
	text, fold string
	vent       *vocabEntry
	same       int32 // docState.same of the token; -1 for a new text
}

// listBlock returns the end (exclusive token index) of the bullet list
// that continues sentence si, and the token rewrites that join it to the
// intro; end is 0 when si introduces no list.
func (d *docState) listBlock(si int, buf []tokRewrite) (int, []tokRewrite) {
	return d.listBlockOf(si, buf, false)
}

// listBlockOf is listBlock; with remarks, an item's later sentences on its
// own line ("- Farid Kaveh, a developer. He was also charged in 2021.")
// belong to it and do not end the list (listBody).
func (d *docState) listBlockOf(si int, buf []tokRewrite, remarks bool) (int, []tokRewrite) {
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	if hi-lo < 2 || d.tokText[hi-1] != ":" || si+1 >= len(d.sents) {
		return 0, buf
	}
	rw := append(buf[:0], tokRewrite{i: hi - 1, text: "including"})
	return d.listBody(si, rw, remarks)
}

// headingListBlock is listBlock for a list whose intro is a heading ("##
// Victims", "3. Malware", "Targeted sectors") right before its first item:
// the topic rules with intros read such lists (relation_listintro.go); the
// relation rules do not, since a heading is no clause to continue.
func (d *docState) headingListBlock(si int, buf []tokRewrite, remarks bool) (int, []tokRewrite) {
	if si+1 >= len(d.sents) || !d.headingLike(si) {
		return 0, buf
	}
	if a := d.sentLo[si+1]; a >= d.sentLo[si+2] || !bulletMarks[d.tokText[a]] {
		return 0, buf
	}
	return d.listBody(si, buf[:0], remarks)
}

// listBody reads the bullet items after the intro sentence si into rw,
// which holds the intro's own rewrites. With remarks, a sentence that
// starts on the line of an item's sentence before it is a remark on the
// item ("- Farid Kaveh, a developer. He was charged in 2021."), when the
// item opens with a name (opensWithName): it joins the item, does not
// count towards its length, and the list goes on after it. The relation rules, which read the block as one sentence, do
// not take remarks: only the list-intro rules (listItems), which read an
// item's opening sentence (itemOpening).
func (d *docState) listBody(si int, rw []tokRewrite, remarks bool) (int, []tokRewrite) {
	end, items := 0, 0
	itemLen, mark, itemStart := 0, 0, 0
	open := false // the item before has no closing punctuation: a next line wraps it
	prevEnd := 0  // the end of the list before the current item
	for sj := si + 1; sj < len(d.sents); sj++ {
		a, b := d.sentLo[sj], d.sentLo[sj+1]
		if a == b {
			continue
		}
		switch {
		case bulletMarks[d.tokText[a]]:
			mark, prevEnd = len(rw), end
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
			itemLen, itemStart = d.itemLength(a, b, remarks), a
		case open && items > 0 && !d.blankLineBefore(a):
			itemLen += d.itemLength(a, b, remarks)
		case remarks && items > 0 && !open && d.sameLine(a):
			if !d.itemNameAlone(itemStart) && !d.namedItem(itemStart) && !d.labelledName(itemStart) {
				// Prose in bullets: the item is a sentence of its own
				// ("- Siemens said it patched quickly. Oracle followed."),
				// no list member, and the list ends before it.
				return d.listEnd(prevEnd, items-1, rw[:mark])
			}
		default:
			return d.listEnd(end, items, rw)
		}
		if itemLen > listMaxItemTokens && (itemLen > listMaxNamedItemTokens || !d.namedItem(itemStart) && !(remarks && d.labelledName(itemStart))) {
			return d.listEnd(end, items-1, rw[:mark])
		}
		end = b
		open = !itemEnds[d.tokText[b-1]] && d.tokText[b-1] != "!" && d.tokText[b-1] != "?"
	}
	return d.listEnd(end, items, rw)
}

// emphasisMarks are Markdown's bold and italic marks around a listed name
// ("- **Conti**, which ..."): no words, so they do not make an item long.
var emphasisMarks = map[string]bool{"*": true, "**": true, "_": true, "__": true}

// itemTokens counts the tokens of a bullet line in [a, b) that are words
// or punctuation, not emphasis marks.
func (d *docState) itemTokens(a, b int) int {
	n := 0
	for t := a; t < b; t++ {
		if !emphasisMarks[d.tokText[t]] {
			n++
		}
	}
	return n
}

// opensWithName reports whether the bullet item whose mark is token a
// opens with a name (emphasis marks aside): "- **Farid Kaveh**, a
// developer." lists a name that later sentences remark on; "- The actor
// knew of the flaw. It ..." is prose in bullets.
func (d *docState) opensWithName(a, b int) bool {
	t := a + 1
	for t < b && emphasisMarks[d.tokText[t]] {
		t++
	}
	return t < b && t < len(d.startM) && d.startM[t] >= 0 && !d.acc[d.startM[t]].hide
}

// itemNameAlone reports whether the first sentence of the bullet item
// whose mark is token a is a name alone, emphasis marks and a closing
// stop aside: "- **Harbor Lines Group**." lists a name that a later
// sentence on its line may remark on; "- Siemens said it patched quickly."
// is a sentence of its own, whose name is no list member.
func (d *docState) itemNameAlone(a int) bool {
	si := d.sentOf[a]
	hi := d.sentLo[si+1]
	if !d.opensWithName(a, hi) {
		return false
	}
	t := a + 1
	for emphasisMarks[d.tokText[t]] {
		t++
	}
	t = int(d.acc[d.startM[t]].tokE)
	for t < hi && (emphasisMarks[d.tokText[t]] || itemEnds[d.tokText[t]]) {
		t++
	}
	return t >= hi
}

// itemLength is the length of a bullet line in [a, b) that decides whether
// it is a list member (itemTokens). With names (the list-intro rules'
// reading, listBody's remarks), a name counts as one token and the commas
// and conjunctions after it as none: "- foreign ministries of Iran,
// Bangladesh, Latvia, the Philippines, Brunei and Bhutan;" lists places,
// however many it names.
func (d *docState) itemLength(a, b int, names bool) int {
	if !names || len(d.startM) < b {
		return d.itemTokens(a, b)
	}
	n := 0
	for t := a; t < b; t++ {
		if emphasisMarks[d.tokText[t]] {
			continue
		}
		n++
		k := d.startM[t]
		if k < 0 || d.acc[k].hide || int(d.acc[k].tokE) <= t {
			continue
		}
		t = min(int(d.acc[k].tokE), b) - 1
		for t+1 < b && (d.fold[t+1] == "," || d.fold[t+1] == "and" || d.fold[t+1] == "or" || emphasisMarks[d.tokText[t+1]]) {
			t++
		}
	}
	return n
}

// appositionOpeners start the description after a listed name, or the
// handle or description before it ("- **Farid Kaveh**, known as "Quill", a
// developer who ...").
var appositionOpeners = map[string]bool{"a": true, "an": true, "the": true, "which": true, "who": true, "whose": true,
	"known": true, "described": true, "nicknamed": true, "alias": true, "aka": true}

// namedItem reports whether the bullet item starting at token a (its mark)
// opens with a name of up to five capitalised words, a comma and an
// apposition ("- **Coop**, a Swedish grocery chain, ...", "- Farid Kaveh,
// known as "Quill", ..."), not with a
// clause ("- In 2021, the group ...", "- The group then ...").
func (d *docState) namedItem(a int) bool {
	t, n := a+1, 0
	for ; t < len(d.tokText) && n <= 5; t++ {
		w := d.tokText[t]
		if emphasisMarks[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			break
		}
		n++
	}
	return n >= 1 && n <= 5 && t+1 < len(d.tokText) && d.tokText[t] == "," && appositionOpeners[d.fold[t+1]]
}

// labelledName reports whether the bullet item starting at token a (its
// mark) opens with a mention and a colon, as a glossary entry does: "-
// QuillHook crew: runs the phishing side; it also ...", "- **Quillbot**:
// a loader". The name is what the item lists; the rest describes it. Only
// the list-intro rules (listBody with remarks) read such long items: the
// relation rules, which read the block as one sentence, would join a
// timeline's events ("- Late March: the crew hit ...") to the intro.
func (d *docState) labelledName(a int) bool {
	t := a + 1
	for t < len(d.tokText) && emphasisMarks[d.tokText[t]] {
		t++
	}
	if t >= len(d.startM) || d.startM[t] < 0 || d.acc[d.startM[t]].hide {
		return false
	}
	t = int(d.acc[d.startM[t]].tokE)
	for t < len(d.tokText) && emphasisMarks[d.tokText[t]] {
		t++
	}
	return t < len(d.tokText) && d.tokText[t] == ":"
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
// it replaces. Cached shapes of those tokens are cleared both times; regex
// results are cached per distinct text (docState.same), and a rewritten
// token has no cache entry.
func (d *docState) applyRewrites(rw []tokRewrite) {
	for k := range rw {
		r := &rw[k]
		i := r.i
		old := tokRewrite{i: i, text: d.tokText[i], fold: d.fold[i], vent: d.vent[i], same: d.same[i]}
		fold := r.fold
		if fold == "" {
			fold = foldKey(r.text)
			r.vent = d.p.vocab[fold]
			r.same = -1 // a text of its own: regex results are not shared
		}
		d.tokText[i], d.fold[i], d.vent[i], d.same[i], d.foldHash[i] = r.text, fold, r.vent, r.same, wordHash(fold)
		*r = old
		if i < len(d.shapes) {
			d.shapes[i] = ""
		}
		if i < len(d.cshapes) {
			d.cshapes[i] = ""
		}
	}
}

// sameLine reports whether token i stands on the line of the token before
// it.
func (d *docState) sameLine(i int) bool {
	return i > 0 && !strings.Contains(d.text[d.tokEnd[i-1]:d.tokStart[i]], "\n")
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

// Coordinated lists. A relation rule that reaches one member of a list of
// names ("Victims included software firms, universities and think tanks")
// may stop at a member its pattern does not expect ("social media
// companies", a member with a modifier before the mention), or take only
// the member next to its verb. The other members of a coordinated list of
// mentions stand in the same relation: coordMembers returns them for the
// target of a match.
//
// A list is mentions joined by ",", "and", "or", ", and" or "as well as",
// each perhaps after a determiner and up to coordMaxModifiers lower-case
// words ("social media companies", where the mention is "media companies").
// A list needs a conjunction: "Chengdu, China" is a place in a place, not
// two places. A member followed by a verb starts a clause of its own
// ("APT40 hit Japan, and Taiwan was warned"), so the list ends before it.

const (
	coordMaxModifiers = 3 // lower-case words before a member's mention
	coordMaxSkipped   = 2 // members in a row that name nothing
)

// coordMembers returns the other members of the coordinated list whose
// member is the mention at span sp, when their types are in mask. Mentions
// in skip (the match's direct ends) are left out.
func (d *docState) coordMembers(sp extractor.Span, mask typeMask, skip []extractor.Span) []endpoint {
	k := d.accAt(sp)
	if k < 0 {
		return nil
	}
	m := &d.acc[k]
	lo, hi := d.sentLo[d.sentOf[m.tokS]], d.sentHi(int(m.tokS))
	if !d.memberEnds(int(m.tokE), hi) || d.endingAt(int(m.tokS)) >= 0 {
		return nil // a modifier ("the UK's agency") or part of a compound
	}
	var out []endpoint
	conj := false
	// Rightwards.
	j, skipped := int(m.tokE), 0
	for {
		next, c, ok := d.coordSep(j, hi)
		if !ok {
			break
		}
		t := next
		if t < hi && determiners[d.fold[t]] {
			t++
		}
		for n := 0; n < coordMaxModifiers && t < hi && d.startM[t] < 0 && isLowerWord(d.tokText[t]) &&
			!coordStops[d.fold[t]]; n++ {
			t++
		}
		if t < hi && d.startM[t] < 0 && t > next && d.memberEnds(t, hi) && !d.isVerb(t-1) && skipped < coordMaxSkipped {
			// A member that names nothing ("video game companies") is
			// passed over, and the list goes on.
			skipped++
			conj = conj || c
			j = t
			continue
		}
		if t >= hi || d.startM[t] < 0 || d.finiteVerbIn(next, t) {
			break // (", and blamed B": a clause of its own)
		}
		skipped = 0
		mi := int(d.startM[t])
		nm := &d.acc[mi]
		if nm.hide || maskOf(nm.typ)&mask == 0 {
			break
		}
		after := int(nm.tokE)
		if !d.memberEnds(after, hi) || d.asideThenVerb(after, hi) {
			break // (", and the VDA, the industry association, has urged": a clause of its own)
		}
		conj = conj || c
		out = append(out, endpoint{span: extractor.Span{Start: nm.start, End: nm.end}})
		j = after
	}
	// Leftwards, from before the member's own modifiers.
	j = d.memberStart(int(m.tokS), lo)
	for {
		prev, c, ok := d.coordSepBefore(j, lo)
		if !ok {
			break
		}
		t := prev // exclusive end of the member before
		pk := d.endingAt(t)
		if pk < 0 {
			break
		}
		pm := &d.acc[pk]
		if pm.hide || maskOf(pm.typ)&mask == 0 || d.endingAt(int(pm.tokS)) >= 0 {
			break
		}
		conj = conj || c
		out = append(out, endpoint{span: extractor.Span{Start: pm.start, End: pm.end}})
		j = d.memberStart(int(pm.tokS), lo)
	}
	if !conj {
		return nil
	}
	res := out[:0]
	for _, e := range out {
		if !containsSpan(skip, e.span) {
			res = append(res, e)
		}
	}
	return res
}

// sourceMembers returns the members before the source at span sp of a
// coordinated subject ("APT28 and APT29 targeted X", "A, B and C were
// exploiting Y"), when their types are in mask: a rule that starts with
// its source reaches only the member next to its verb. The source must
// follow "and" (", and", "as well as"): "A or B" leaves the doer open, and
// after a bare comma ("According to Mandiant and Microsoft, APT29
// targeted ...") the names before it are no subjects.
func (d *docState) sourceMembers(sp extractor.Span, mask typeMask, skip []extractor.Span) []endpoint {
	k := d.accAt(sp)
	if k < 0 {
		return nil
	}
	m := &d.acc[k]
	lo := d.sentLo[d.sentOf[m.tokS]]
	j := int(m.tokS)
	if j-1 < lo || d.endingAt(j) >= 0 {
		return nil
	}
	if prev, _, ok := d.coordSepBefore(j, lo); !ok || d.fold[prev] == "," && d.fold[j-1] != "and" ||
		d.fold[j-1] == "or" || d.fold[j-1] == "," {
		return nil
	}
	var out []endpoint
	for {
		prev, _, ok := d.coordSepBefore(j, lo)
		if !ok || d.fold[j-1] == "or" {
			break
		}
		pk := d.endingAt(prev)
		if pk < 0 {
			pk = d.endingBeforeAside(prev, lo)
		}
		if pk < 0 {
			break
		}
		pm := &d.acc[pk]
		if pm.hide || maskOf(pm.typ)&mask == 0 || d.endingAt(int(pm.tokS)) >= 0 {
			break
		}
		if !containsSpan(skip, extractor.Span{Start: pm.start, End: pm.end}) {
			out = append(out, endpoint{span: extractor.Span{Start: pm.start, End: pm.end}})
		}
		j = int(pm.tokS)
	}
	return out
}

// asideOpeners open a relative clause or an apposition set off by commas
// after a member of a coordinated subject: "A, who registered the
// domains, and B", "A, a veteran hacker, and B".
var asideOpeners = map[string]bool{"who": true, "which": true, "whom": true, "whose": true, "a": true, "an": true,
	"the": true, "another": true}

// endingBeforeAside returns the index in d.acc of the mention that ends
// right before an aside closed by the comma at token c ("A, who ran the
// servers, and B": A for the comma after "servers"), or -1. The aside is
// at most memberAsideMaxTokens long and holds no other comma or sentence stop.
func (d *docState) endingBeforeAside(c, lo int) int {
	if c <= lo || d.fold[c] != "," {
		return -1
	}
	for t := c - 1; t > lo && t >= c-memberAsideMaxTokens; t-- {
		switch d.fold[t] {
		case ".", ";", ":", "(", ")":
			return -1
		case ",":
			// (An age is an aside too: "A, 34, and B, 41, were ...".)
			if t+1 < c && (asideOpeners[d.fold[t+1]] || t+2 == c && isDigits(d.fold[t+1])) {
				return d.endingAt(t)
			}
			return -1
		}
	}
	return -1
}

// memberAsideMaxTokens bounds the aside endingBeforeAside passes over.
const memberAsideMaxTokens = 16

// memberEnds reports whether a list member may end before token t: at
// the end of the sentence, punctuation, a conjunction or a preposition.
// A lower-case word after it makes the mention a modifier ("Chinese
// dissidents"), "'s" a possessor, and a verb the subject of a clause of
// its own ("APT40 hit Japan, and Taiwan was warned").
func (d *docState) memberEnds(t, hi int) bool {
	if t >= hi {
		return true
	}
	f := d.fold[t]
	switch f {
	case ",", ".", ";", ":", ")", "(", "and", "or", "--", "—", "!", "?":
		return true
	}
	// ("across" and "throughout" too: "banks and ports across Peru")
	return (prepositions[f] || victimPlaceWords[f]) && !d.isVerb(t)
}

// memberStart returns the first token of the list member whose mention
// starts at token s: its lower-case modifiers and determiner come first.
func (d *docState) memberStart(s, lo int) int {
	for n := 0; n < coordMaxModifiers && s-1 >= lo && isLowerWord(d.tokText[s-1]) && d.endingAt(s-1) < 0 &&
		!coordStops[d.fold[s-1]] && !prepositions[d.fold[s-1]] && !determiners[d.fold[s-1]]; n++ {
		s--
	}
	if s-1 >= lo && determiners[d.fold[s-1]] {
		s--
	}
	return s
}

// coordStops are words that end a list member's modifiers: a
// conjunction, or a word that starts a clause or names a source ("...
// and to the government of Wuhan, according to FireEye": FireEye is no
// member).
var coordStops = map[string]bool{"and": true, "or": true, "but": true, "which": true, "who": true, "that": true,
	"while": true, "whereas": true, "as": true, "than": true, "not": true, "nor": true, "according": true,
	"said": true, "says": true}

// coordSep reads a list separator at token j: ",", "and", "or", ", and",
// ", or", "as well as". It returns the token after it and whether it held
// a conjunction.
func (d *docState) coordSep(j, hi int) (int, bool, bool) {
	switch {
	case j >= hi:
		return j, false, false
	case d.fold[j] == ",":
		if j+1 < hi && (d.fold[j+1] == "and" || d.fold[j+1] == "or") {
			return j + 2, true, true
		}
		return j + 1, false, true
	case d.fold[j] == "and" || d.fold[j] == "or":
		return j + 1, true, true
	case j+2 < hi && d.fold[j] == "as" && d.fold[j+1] == "well" && d.fold[j+2] == "as":
		return j + 3, true, true
	}
	return j, false, false
}

// coordSepBefore reads a list separator ending before token j and returns
// where it starts.
func (d *docState) coordSepBefore(j, lo int) (int, bool, bool) {
	switch {
	case j-1 < lo:
		return j, false, false
	case d.fold[j-1] == "and" || d.fold[j-1] == "or":
		if j-2 >= lo && d.fold[j-2] == "," {
			return j - 2, true, true
		}
		return j - 1, true, true
	case d.fold[j-1] == ",":
		return j - 1, false, true
	case j-3 >= lo && d.fold[j-1] == "as" && d.fold[j-2] == "well" && d.fold[j-3] == "as":
		return j - 3, true, true
	}
	return j, false, false
}

// endingAt returns the index in d.acc of the mention whose last token is
// t-1, or -1.
func (d *docState) endingAt(t int) int {
	if t <= 0 {
		return -1
	}
	start := d.tokStart[t-1]
	k := sort.Search(len(d.acc), func(k int) bool { return d.acc[k].start > start }) - 1
	if k >= 0 && int(d.acc[k].tokE) == t && !d.acc[k].hide {
		return k
	}
	return -1
}

// finiteVerbIn reports whether a lower-case word of tokens [s, e) is a
// finite verb ("and blamed B", "and later hit B"): the words before a
// list member's mention are its modifiers only when none is.
//
// Only a word of a fixed tag (a modal) or one ending in "-ed" ("blamed",
// "accused") is asked for its tag, so that most lists cost no tagging of
// their sentence.
func (d *docState) finiteVerbIn(s, e int) bool {
	for i := s; i < e; i++ {
		if !isLowerWord(d.tokText[i]) {
			continue
		}
		tag, ok := d.knownPOS(i)
		if !ok {
			if !strings.HasSuffix(d.fold[i], "ed") {
				continue
			}
			tag = d.pos(i)
		}
		switch tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		case "VBN":
			// A participle that opens the span right before the name (or
			// "the" and the name) is the verb of a clause the tagger read
			// as an adjective: "A and praised B", "and thanked the B".
			if i == s && (e == s+1 || e == s+2 && determiners[d.fold[s+1]]) {
				return true
			}
		}
	}
	return false
}

// isVerb reports whether token i is tagged as a verb (a modal counts).
func (d *docState) isVerb(i int) bool {
	p := d.pos(i)
	return strings.HasPrefix(p, "VB") || p == "MD"
}

func containsSpan(ss []extractor.Span, s extractor.Span) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// otherItems reports whether a and b lie in two different bullet items of
// the list read with the intro sentence si: each item is a phrase of its
// own, so "targeted:\n- A\n- B\n- energy companies in Finland" puts the
// energy companies in Finland, not A or B (rel.located-in.targeted-in
// reads the list as "targeted A and B and energy companies in Finland").
func (d *docState) otherItems(si int, a, b extractor.Span) bool {
	ia, ib := d.itemOf(si, a.Start), d.itemOf(si, b.Start)
	return ia >= 0 && ib >= 0 && ia != ib
}

// itemOf returns the sentence that opens the bullet item holding byte
// offset off (the item's first line; a wrapped line belongs to the item
// above it), or -1 when off is in the intro sentence si or before it.
func (d *docState) itemOf(si, off int) int {
	t := sort.Search(len(d.tokEnd), func(i int) bool { return d.tokEnd[i] > off })
	if t >= len(d.tokEnd) {
		return -1
	}
	s := int(d.sentOf[t])
	for ; s > si; s-- {
		// (The sentence's own tokens: the list reading rewrote the marks.)
		if toks := d.sents[s].Tokens; len(toks) > 0 && bulletMarks[toks[0].Text] {
			return s
		}
	}
	return -1
}
