package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

// Bullet items named by their intro (a propagate rule with intros). An
// advisory lists an actor's malware as bare names under an intro that says
// what they are:
//
//	The families named in the advisory are:
//	- BendyBear
//	- WaterBear
//
// No gazetteer knows every new family and no pattern sees context in a
// line that holds only a name. A propagate rule with `intros` makes such
// an item a mention of its one type when the intro (the sentence ending in
// ":") holds one of the intros and none of its not_cues ("affected product
// families:" lists products), and the item is a name: one to three words
// that start with a capital or a digit, overlap no mention and are no
// ordinary English word, alone on the item's line or followed by a comma,
// colon, dash or bracket that starts its description ("- PlugX, a modular
// backdoor").
//
//	- id: core.malware.list-item
//	  kind: propagate
//	  types: [malware]
//	  intros: [malware, families, backdoors, implants]
//	  not_cues: [affected, products, versions]

// listItemMaxWords is the longest name a bare item may be.
const listItemMaxWords = 3

// listItemNameEnds are the tokens that may end an item's name and start
// its description.
var listItemNameEnds = map[string]bool{",": true, ":": true, "–": true, "—": true, "-": true, "(": true}

// nameListItems adds the mentions of the propagate rules with intros. An
// item is named by its intro, by its own description right after the name
// ("- **Quillfin**, a PowerShell backdoor that ...": the rule's cues), or
// by its siblings: a list whose items open with names, two or more of them
// already of the rule's type and none of another type, lists things of one
// kind ("The lineage is long:" then "- **Helminth** (2016) mixed HTTP
// with DNS", "- **ISMAgent** ..." and "- **RDAT** ..."). A bold head
// coordinated with the first ("- **A** and **B** (2017) relied on DNS")
// is named with it.
func (d *docState) nameListItems() {
	var rules []*propRule
	for pi := range d.p.propagate {
		if d.p.propagate[pi].intros != nil {
			rules = append(rules, &d.p.propagate[pi])
		}
	}
	if len(rules) == 0 {
		return
	}
	items := d.lineItems()
	kinds := d.siblingKinds(items)
	var added []cand
	for _, it := range items {
		heads := d.itemHeads(it)
		if len(heads) == 0 {
			continue
		}
		for _, pr := range rules {
			if pr.notCues != nil && d.cuedBefore(pr.notCues, int(it.intro), -1) {
				continue
			}
			described := pr.cues != nil && d.describedAs(it, heads[len(heads)-1][1], pr.cues)
			cued := d.introCued(pr.intros, int(it.intro))
			if !cued && kinds[it.intro] != pr.typ && !described {
				continue
			}
			// A lower-case name needs both its intro and its own
			// description to say what it is.
			lower := cued && described
			n := len(added)
			for _, h := range heads {
				spans := [][2]int{h}
				if pr.typ == extractor.Person && !d.personItemName(h[0], h[1]) {
					continue
				}
				// An intro alone ("The complaint names four
				// defendants:") may list companies too: one item of
				// its list must hold a given name or surname the
				// pack knows.
				if pr.typ == extractor.Person && kinds[it.intro] != pr.typ && !described && !d.personShapedList(items, it.intro) {
					continue
				}
				if !d.newItemName(h[0], h[1]) && !(lower && d.lowerItemName(h[0], h[1])) {
					if !cued || pr.typ != extractor.Sector {
						continue
					}
					if spans = d.lowerSectorItem(it, h[0], h[1]); spans == nil {
						continue
					}
				}
				for _, sp := range spans {
					c := cand{start: d.tokStart[sp[0]], end: d.tokEnd[sp[1]-1], rule: pr.idx, prio: pr.prio, typ: pr.typ}
					if d.stopRule(&c) >= 0 {
						continue
					}
					added = append(added, c)
				}
			}
			if len(added) > n {
				break
			}
		}
	}
	if len(added) > 0 {
		d.acc = append(d.acc, added...)
		sort.SliceStable(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
		d.index()
	}
}

// lineItems returns the bullet items after every intro (a sentence ending
// in ":", or a heading right before the first item), one per bullet line
// with the sentences that go on on that line and the lines that wrap it,
// whatever their length. The relation rules read only short items as a
// list's members (listBody); an item that tells a family's story in two
// sentences still opens with its name ("- **X**, a PowerShell backdoor,
// encoded commands in DNS records. Vendors saw ...").
func (d *docState) lineItems() []listItem {
	var out []listItem
	for si := 0; si+1 < len(d.sents); si++ {
		lo, hi := d.sentLo[si], d.sentLo[si+1]
		if !(hi-lo >= 2 && d.tokText[hi-1] == ":") && !d.headingLike(si) {
			continue
		}
		n, sj := 0, si+1
	block:
		for ; sj < len(d.sents) && n < listMaxItems; sj++ {
			a, b := d.sentLo[sj], d.sentLo[sj+1]
			if a == b {
				continue
			}
			switch {
			case bulletMarks[d.tokText[a]]:
				out = append(out, listItem{intro: int32(si), start: int32(a), end: int32(b)})
				n++
			case n > 0 && !strings.Contains(d.text[d.tokEnd[a-1]:d.tokStart[a]], "\n"),
				n > 0 && !itemEnds[d.tokText[a-1]] && !d.blankLineBefore(a):
				out[len(out)-1].end = int32(b) // the item's line goes on, or wraps
			default:
				break block
			}
		}
		if n > 0 {
			si = sj - 1
		}
	}
	return out
}

// emphasis reports whether token i is Markdown emphasis ("**", "_").
func (d *docState) emphasis(i int) bool {
	return strings.Trim(d.tokText[i], "*_") == ""
}

// itemHeads returns the token spans [a, b) of the names an item opens
// with: the first, and one more joined to it by "and" when both are in
// emphasis ("- **ISMAgent** and **ALMA Communicator** (2017) ...").
func (d *docState) itemHeads(it listItem) [][2]int {
	a, b, ok := d.itemHeadSpan(it)
	if !ok {
		return nil
	}
	heads := [][2]int{{a, b}}
	end := int(it.end)
	if a > int(it.start)+1 && b < end && d.emphasis(b) {
		i := b
		for i < end && d.emphasis(i) {
			i++
		}
		if i+1 < end && d.fold[i] == "and" && d.emphasis(i+1) {
			j := i + 1
			for j < end && d.emphasis(j) {
				j++
			}
			k := j
			for k < end && !d.emphasis(k) && nameLikeToken(d.tokText[k]) {
				k++
			}
			if k > j && k-j <= listItemMaxWords && k < end && d.emphasis(k) {
				heads = append(heads, [2]int{j, k})
			}
		}
	}
	return heads
}

// itemHeadSpan returns the tokens [a, b) of the name an item opens with,
// after its bullet mark (and Markdown emphasis), whether or not a rule
// named it already.
func (d *docState) itemHeadSpan(it listItem) (int, int, bool) {
	a, end := int(it.start)+1, int(it.end)
	for a < end && d.emphasis(a) {
		a++
	}
	for end > a && (d.emphasis(end-1) || d.tokText[end-1] == "." || d.tokText[end-1] == ";") {
		end--
	}
	// The name runs to the item's end, a mark that starts its description,
	// or closing emphasis ("**PlugX**, a backdoor").
	b := a
	for b < end && !listItemNameEnds[d.tokText[b]] && !d.emphasis(b) {
		b++
	}
	if b == a || b-a > listItemMaxWords {
		return 0, 0, false
	}
	return a, b, true
}

// newItemName reports whether tokens [a, b) are a name no rule named
// yet: name-like words, and no single ordinary word ("- Others").
func (d *docState) newItemName(a, b int) bool {
	if d.overlapsAccepted(d.tokStart[a], d.tokEnd[b-1]) {
		return false
	}
	// An item that opens a sentence with a function word ("- In
	// October 2019, the firm ...") tells a story; it names nothing.
	if d.p.capStop[d.fold[a]] {
		return false
	}
	for i := a; i < b; i++ {
		if !nameLikeToken(d.tokText[i]) {
			return false
		}
	}
	return b-a > 1 || !d.ordinaryWord(d.tokText[a])
}

// lowerItemName reports whether tokens [a, b) are one lower-case word that
// may be a family's name when the intro and the item itself call it one
// ("Malware tied to the crew:" then "- pngdowner, a simple downloader"):
// letters and digits, no word the tagger knows ("- archive, an encrypted
// loader"), overlapping no mention.
func (d *docState) lowerItemName(a, b int) bool {
	if b-a != 1 || d.overlapsAccepted(d.tokStart[a], d.tokEnd[a]) || d.p.capStop[d.fold[a]] {
		return false
	}
	w := d.tokText[a]
	for i, r := range w {
		switch {
		case i == 0 && !unicode.IsLower(r):
			return false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return len(w) >= 4 && !d.ordinaryWord(w) && !d.an.KnownWord(w)
}

// lowerSectorItem returns the sectors of an item under an intro that
// speaks of sectors ("Sectors singled out:" then "- communications", "-
// government services", "- technology and consulting"): a kind of victim
// is written in lower case, unlike a name. The item, tokens [a, b), must
// be the whole item (a description or a place makes it a sentence of its
// own) of lower-case words; "and", "or" and commas split it into members,
// each a sector unless a mention holds it already. It returns nil when the
// item is no such list.
func (d *docState) lowerSectorItem(it listItem, a, b int) [][2]int {
	end := int(it.end)
	for end > b && (d.emphasis(end-1) || d.tokText[end-1] == "." || d.tokText[end-1] == ";" || d.tokText[end-1] == ",") {
		end--
	}
	if b != end {
		return nil
	}
	var out [][2]int
	start := a
	for i := a; i <= b; i++ {
		if i < b && d.fold[i] != "and" && d.fold[i] != "or" && d.tokText[i] != "," {
			if d.p.capStop[d.fold[i]] {
				return nil
			}
			for _, r := range d.tokText[i] {
				if !unicode.IsLower(r) && r != '-' {
					return nil
				}
			}
			continue
		}
		if i == start {
			return nil // "and" opening or closing the item, or two in a row
		}
		if !d.overlapsAccepted(d.tokStart[start], d.tokEnd[i-1]) {
			out = append(out, [2]int{start, i})
		}
		start = i + 1
	}
	return out
}

// siblingKinds returns, per intro, the one type of malware, tool,
// organisation or person that two or more of its items open with, when no
// item opens with a mention of another type: "login portals related to:"
// then "- UniCredit Group", "- Amazon", "- Banca Sella" lists companies;
// "The indictment names four men:" then "- Ivan Petrov, 31, ...", "-
// Farid Kaveh" and "- Oleks Marenko" lists people, whose given names no
// list knows.
func (d *docState) siblingKinds(items []listItem) map[int32]extractor.EntityType {
	out := map[int32]extractor.EntityType{}
	for i := 0; i < len(items); {
		j := i
		counts := map[extractor.EntityType]int{}
		for ; j < len(items) && items[j].intro == items[i].intro; j++ {
			a, end := int(items[j].start)+1, int(items[j].end)
			for a < end && d.emphasis(a) {
				a++
			}
			if a < end {
				if k := d.startM[a]; k >= 0 && !d.acc[k].hide {
					counts[d.acc[k].typ]++
				}
			}
		}
		if len(counts) == 1 {
			for typ, n := range counts {
				if n >= 2 && (typ == extractor.Malware || typ == extractor.Tool || typ == extractor.Organization || typ == extractor.Person) {
					out[items[i].intro] = typ
				}
			}
		}
		i = j
	}
	return out
}

// describedAs reports whether the item's own text calls its name, which
// ends before token b, one of the kinds of ps: closing emphasis, a comma,
// dash or colon, an article, then a cue within the next four words ("-
// **Quillfin**, a small PowerShell backdoor").
func (d *docState) describedAs(it listItem, b int, ps *phraseSet) bool {
	end := int(it.end)
	for b < end && d.emphasis(b) {
		b++
	}
	if b >= end || !listItemNameEnds[d.tokText[b]] || d.tokText[b] == "(" {
		return false
	}
	b++
	if b >= end || d.fold[b] != "a" && d.fold[b] != "an" {
		return false
	}
	for i := b + 1; i < end && i <= b+4; i++ {
		if ps.startsAt(d, i, end) {
			return true
		}
		if d.fold[i] == "," || d.fold[i] == "that" || d.fold[i] == "which" {
			return false
		}
	}
	return false
}

// nameLikeToken reports whether w may be a word of a malware or tool name:
// it starts with a capital or a digit and holds only letters, digits,
// dots and inner hyphens.
func nameLikeToken(w string) bool {
	for i, r := range w {
		switch {
		case i == 0 && !unicode.IsUpper(r) && !unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' && i > 0:
		default:
			return false
		}
	}
	return w != ""
}

// itemIntroCued reports whether token i lies in a bullet item whose list
// intro (the sentence ending in ":" before the list) holds a phrase of ps:
// a pattern rule with `intros` names "- Team Redfin:" after "Acme splits
// the group into two teams:", not "- Team Lead:" under "Contacts:".
func (d *docState) itemIntroCued(ps *phraseSet, i int) bool {
	if !d.introItemsDone {
		d.introItems, d.introItemsDone = d.lineItems(), true
	}
	it, ok := itemAt(d.introItems, i)
	return ok && d.introCuedOwn(ps, int(it.intro))
}

// personItemName reports whether tokens [a, b) read as a person's full
// name: two to four words, each a capital followed by lower-case letters,
// where a capital may follow an inner hyphen or apostrophe ("Al-Amin",
// "O'Neill") or open the name after "Mc" or "Mac" ("McCarthy"); a word
// in the middle may be an initial ("John A. Smith"). A bullet that lists
// people opens with their names; one word ("- Reuters") or a word in
// capitals ("- FSB officers") is something else, and so is one whose
// last word ends a company's name ("- Quillon Data Systems", "- Harbor
// Crest Logistics"; a sector word only after two words: "- Samantha
// Power").
func (d *docState) personItemName(a, b int) bool {
	if w := &d.p.described; b > a && (w.companyTails[d.fold[b-1]] || b-a >= 3 && w.sectorTails[d.fold[b-1]]) {
		return false
	}
	words := 0
	for i := a; i < b; i++ {
		w := d.tokText[i]
		if i > a && i+1 < b && initialWord(w) {
			words++
			if i+2 < b && d.tokText[i+1] == "." && d.tokEnd[i] == d.tokStart[i+1] {
				i++ // the initial's full stop, a token of its own
			}
			continue
		}
		if !nameWord(w) || d.p.capStop[d.fold[i]] {
			return false
		}
		words++
	}
	return words >= 2 && words <= 4
}

// personShapedList reports whether a bullet item of the list after intro
// opens with a person's full name (personItemName) that holds a given name
// or surname the pack knows (knownNamePart), or with a person mention:
// "- Tomasz Wrenfield" makes its siblings "- Idris Kelmaro" people too,
// while "- Kelmaro Brightwater", "- Tessaly Harbor" may be firms.
func (d *docState) personShapedList(items []listItem, intro int32) bool {
	j := sort.Search(len(items), func(j int) bool { return items[j].intro >= intro })
	for ; j < len(items) && items[j].intro == intro; j++ {
		a, b, ok := d.itemHeadSpan(items[j])
		if !ok {
			continue
		}
		if k := d.startM[a]; k >= 0 && !d.acc[k].hide && d.acc[k].typ == extractor.Person {
			return true
		}
		if d.personItemName(a, b) && d.knownNamePart(a, b) {
			return true
		}
	}
	return false
}

// companyListed reports whether token i lies in a list whose intro speaks
// of companies, firms or entities (the pack list
// name_model_company_list_intros): "The following companies were fined:"
// then "- Kelvani Ostrelle"; "Firms: Kelvani Ostrelle, Dravmoor Kessing
// and Talvique Brackwell". The list is a bullet list after its intro, or a
// run of names, commas and "and" after a colon in the sentence. Its items
// are no people whatever their shape (namestage.go).
func (d *docState) companyListed(i int) bool {
	ps := d.p.companyLists
	if ps == nil {
		return false
	}
	if !d.introItemsDone {
		d.introItems, d.introItemsDone = d.lineItems(), true
	}
	if it, ok := itemAt(d.introItems, i); ok {
		si := int(it.intro)
		return d.companyIntroHead(ps, si, int(d.sentLo[si+1])-1)
	}
	si := int(d.sentOf[i])
	for k := i - 1; k > int(d.sentLo[si]); k-- {
		switch t := d.tokText[k]; {
		case t == ":":
			return d.companyIntroHead(ps, si, k)
		case t == "," || d.fold[k] == "and" || d.fold[k] == "or" || startsUpper(t) || d.emphasis(k):
		default:
			return false
		}
	}
	return false
}

// companyIntroHead reports whether the clause of sentence si before its
// colon at token colon ends with a word of ps, its head: "The following
// companies were fined:", "Firms:". Only the last clause counts ("According
// to the companies, the attackers were identified:" names people), a noun
// after the word, but for one after a preposition, makes another head
// ("The firm named its co-founders:"),
// and a people noun of name_model_person_list_intros in the clause keeps
// persons ("designated the following individuals and entities:").
func (d *docState) companyIntroHead(ps *phraseSet, si, colon int) bool {
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	if colon < lo || colon >= hi {
		colon = hi
	}
	for k := colon - 1; k > lo; k-- {
		if t := d.tokText[k]; t == "," || t == ";" {
			lo = k + 1
			break
		}
	}
	last := -1
	var buf [4]int
	for i := lo; i < colon; i++ {
		for _, e := range ps.ends(d, i, hi, buf[:0]) {
			if e <= colon && e > last {
				last = e
			}
		}
	}
	if last < 0 {
		return false
	}
	// (A noun after a preposition is no head: "Entities named in the order:".)
	for k := last; k < colon; k++ {
		if tag := d.pos(k); tag == "IN" || tag == "TO" {
			break
		} else if strings.HasPrefix(tag, "NN") {
			return false
		}
	}
	for k := lo; k < colon; k++ {
		if d.p.cti.personListIntros[d.fold[k]] {
			return false
		}
	}
	return true
}

// knownNamePart reports whether one word of tokens [a, b) is a given name
// or surname of the pack's lists (personNameWords): "Idris Kelmaro" is
// shaped as a person's name, "Kelmaro Brightwater" may be a firm's.
func (d *docState) knownNamePart(a, b int) bool {
	for i := a; i < b; i++ {
		if d.p.personNameWords[d.fold[i]] {
			return true
		}
	}
	return false
}

// initialWord reports whether w is a capital letter standing for a
// name, with or without its full stop: "A", "A.".
func initialWord(w string) bool {
	w = strings.TrimSuffix(w, ".")
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && n > 0 && unicode.IsUpper(r)
}

// nameWord reports whether w is one word of a person's name: a capital,
// then lower-case letters, with a capital allowed after an inner hyphen
// or apostrophe ("Al-Amin", "O'Neill", "O’Brien") and after a leading
// "Mc" or "Mac" ("McCarthy", "MacLeod").
func nameWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	prev := rune(0)
	for j, r := range w {
		switch {
		case j == 0:
			if !unicode.IsUpper(r) {
				return false
			}
		case unicode.IsLower(r):
		case r == '-' || r == '\'' || r == '’':
			if prev == '-' || prev == '\'' || prev == '’' {
				return false
			}
		case unicode.IsUpper(r):
			if prev != '-' && prev != '\'' && prev != '’' && w[:j] != "Mc" && w[:j] != "Mac" {
				return false
			}
		default:
			return false
		}
		prev = r
	}
	return prev != '-' && prev != '\'' && prev != '’'
}
