package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The walker turns a DOM into block-aware text: one blank line between
// blocks (paragraphs, lists, headings, table rows...), list items as
// bullet lines ("- item", one per line, as text reports write them), a
// newline for <br>, " | " between table cells, <pre> verbatim. goquery's Text() glues
// "<p>a</p><p>b</p>" into "ab", which merges sentences across headings and
// list items and breaks every downstream sentence split.

// cellSep separates table cells. A tab would read better, but whitespace
// folding after the reader turns tabs into spaces, and "hash desc" is
// ambiguous where "hash | desc" is not.
const cellSep = " | "

// listMark starts every list item, ordered or not: the relation rules'
// list reading (rules/relation_lists.go) knows bullet marks, not numbers.
const listMark = "- "

// maxWalkDepth bounds recursion. The HTML parser accepts any nesting, and a
// goroutine stack overflow is fatal, not a recoverable panic; below this
// depth content is still emitted, just flattened.
const maxWalkDepth = 2000

// textWriter accumulates text with lazily written separators, so breaks
// never pile up and no text starts or ends with one.
type textWriter struct {
	b     strings.Builder
	brk   int    // pending break before the next text: 1 newline, 2 blank line
	space bool   // pending space
	sep   string // pending cell separator
	brs   int    // consecutive <br> since the last text
	mark  string // pending list-item mark, written before the item's first text
}

func (w *textWriter) block() {
	// A paragraph opening a list item stays on the item's line.
	if w.mark == "" {
		w.brk = 2
	}
	w.space, w.sep, w.brs = false, "", 0
}

func (w *textWriter) lineBreak() {
	w.brs++
	w.brk = max(w.brk, min(w.brs, 2))
	w.space = false
}

func (w *textWriter) flush() {
	if w.b.Len() > 0 {
		switch {
		case w.brk == 1:
			w.b.WriteByte('\n')
		case w.brk >= 2:
			w.b.WriteString("\n\n")
		case w.sep != "":
			w.b.WriteString(w.sep)
		case w.space:
			w.b.WriteByte(' ')
		}
	}
	w.b.WriteString(w.mark)
	w.brk, w.space, w.sep, w.brs, w.mark = 0, false, "", 0, ""
}

// item starts a list item on a line of its own, marked as a plain-text
// list writes it ("- PlugX"). The mark waits for the item's first text, so
// an empty item leaves nothing behind (see endItem).
func (w *textWriter) item(mark string) {
	w.brk = max(w.brk, 1)
	w.space, w.sep, w.brs = false, "", 0
	w.mark = mark
}

// endItem ends a list item: the next item starts on the next line.
func (w *textWriter) endItem() {
	w.mark = ""
	w.brk = max(w.brk, 1)
	w.space, w.sep, w.brs = false, "", 0
}

// text writes flowing text: runs of white space become one space, as a
// browser renders them. No-break spaces count as spaces; NFKC later would
// turn them into spaces anyway.
func (w *textWriter) text(s string) {
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' {
			if w.brk == 0 && w.sep == "" {
				w.space = true
			}
			continue
		}
		w.flush()
		w.b.WriteRune(r)
	}
}

// verbatim writes preformatted text as its own block.
func (w *textWriter) verbatim(s string) {
	s = strings.TrimRight(strings.TrimLeft(s, "\r\n"), " \t\r\n")
	if s == "" {
		return
	}
	w.block()
	w.flush()
	w.b.WriteString(s)
	w.block()
}

// String returns the text written so far.
func (w *textWriter) String() string { return w.b.String() }

var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"head": true, "title": true, "meta": true, "link": true, "base": true,
	"iframe": true, "frame": true, "frameset": true, "object": true, "embed": true, "applet": true,
	"canvas": true, "video": true, "audio": true, "source": true, "track": true,
	"img": true, "picture": true, "map": true, "area": true,
	"input": true, "select": true, "option": true, "optgroup": true, "datalist": true,
	"textarea": true, "button": true, "dialog": true,
}

// formControls are the form elements that make an aside a sign-up or
// search box (see contentAside).
var formControls = map[string]bool{
	"form": true, "input": true, "button": true, "select": true, "textarea": true,
}

var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"center": true, "dd": true, "details": true, "dir": true, "div": true, "dl": true,
	"dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hgroup": true, "hr": true, "html": true, "legend": true, "li": true,
	"main": true, "menu": true, "nav": true, "ol": true, "p": true, "section": true,
	"summary": true, "ul": true, "caption": true, "table": true, "tr": true,
}

// boilerplateTags never hold article text on a page that has an article.
var boilerplateTags = wordSet(htmlWords.BoilerplateTags) // html_words.yaml

// boilerplateRoles are ARIA roles of page furniture (html_words.yaml).
var boilerplateRoles = wordSet(htmlWords.BoilerplateRoles)

// boilerplateWords are class/id words of page furniture. A class matches
// when one of its words (split at "-", "_", ":" and camelCase humps) is in
// the set, so "post-footer", "cookie_banner" and "relatedPosts" match but
// "download" and "canvas" do not.
var boilerplateWords = wordSet(htmlWords.BoilerplateWords) // html_words.yaml

// boilerplateTokens are whole class names of text meant only for screen
// readers ("Skip to content", "Opens in a new window").
var boilerplateTokens = wordSet(htmlWords.BoilerplateTokens) // html_words.yaml

// boilerplatePairs are two neighbouring class/id words of teaser blocks
// ("more-stories", "moreNews", "read_next"), written with a space: a block
// of links to other stories, inside the article or not. Either word alone
// is content ("box--more-info", "next-steps").
var boilerplatePairs = wordSet(htmlWords.BoilerplatePairs) // html_words.yaml

var hiddenStyle = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)

// isHidden reports elements a browser does not show.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			if hiddenStyle.MatchString(a.Val) {
				return true
			}
		}
	}
	return false
}

// boilerplateSignal reports whether an element's tag, role, class or id
// marks it as page furniture.
func boilerplateSignal(n *html.Node) bool { return furniture(n, true) }

// furniture is boilerplateSignal with a choice about headers: inside an
// article, a <header> holds the headline, byline and often the lede.
func furniture(n *html.Node, headers bool) bool {
	if boilerplateTags[n.Data] && (headers || n.Data != "header") {
		return true
	}
	return furnitureAttrs(n, "", func(v string) bool { return hasBoilerplateWord(v, headers) })
}

// furnitureAttrs reports an element whose role (a boilerplate role other
// than ownRole) or class/id (by words) marks it as furniture.
func furnitureAttrs(n *html.Node, ownRole string, words func(string) bool) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			r := strings.ToLower(strings.TrimSpace(a.Val))
			if r != ownRole && boilerplateRoles[r] {
				return true
			}
		case "class", "id":
			if words(a.Val) {
				return true
			}
		}
	}
	return false
}

func hasBoilerplateWord(v string, headers bool) bool {
	return anyClassWord(v, func(token string, parts []string) bool {
		if boilerplateTokens[token] {
			return true
		}
		for i, part := range parts {
			if boilerplateWords[part] && (headers || (part != "header" && part != "masthead")) {
				return true
			}
			if i > 0 && boilerplatePairs[parts[i-1]+" "+part] {
				return true
			}
		}
		return false
	})
}

// anyClassWord reports whether test holds for one of the class names in
// v, given lower-cased with its words: split at "-", "_", ":" and camelCase
// humps ("relatedPosts" gives "relatedposts", "related", "posts").
func anyClassWord(v string, test func(token string, parts []string) bool) bool {
	var parts []string
	for _, token := range strings.Fields(v) {
		parts = parts[:0]
		for _, w := range strings.FieldsFunc(token, func(r rune) bool { return r == '-' || r == '_' || r == ':' }) {
			for _, part := range splitCamel(w) {
				parts = append(parts, strings.ToLower(part))
			}
		}
		if test(strings.ToLower(token), parts) {
			return true
		}
	}
	return false
}

// splitCamel returns w and, when it has lower-to-upper humps, its parts:
// "relatedPosts" gives "relatedPosts", "related", "Posts".
func splitCamel(w string) []string {
	parts := []string{w}
	start := 0
	prevLower := false
	for i, r := range w {
		if unicode.IsUpper(r) && prevLower {
			parts = append(parts, w[start:i])
			start = i
		}
		prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
	}
	if start > 0 {
		parts = append(parts, w[start:])
	}
	return parts
}

// nodeStats is the amount of visible text under a node, and how much of it
// is link text; both count non-space bytes. For asides (contentAside) it
// also counts the visible list items, table rows and definition terms
// below a node, and whether a form or form control lies below it: counted
// once here, so nested asides cost no second walk.
type nodeStats struct {
	text, link  int
	items, rows int32
	terms       int32
	form        bool
}

// statsOf computes nodeStats for every node in one iterative post-order
// pass (no recursion: nesting depth is unbounded).
func statsOf(root *html.Node) map[*html.Node]nodeStats {
	stats := make(map[*html.Node]nodeStats)
	type frame struct {
		n    *html.Node
		next *html.Node
	}
	stack := []frame{{root, root.FirstChild}}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if c := top.next; c != nil {
			top.next = c.NextSibling
			switch c.Type {
			case html.TextNode:
				stats[c] = nodeStats{text: nonSpaceLen(c.Data)}
			case html.ElementNode:
				if skipTags[c.Data] {
					if formControls[c.Data] {
						stats[c] = nodeStats{form: true}
					}
					continue
				}
				stack = append(stack, frame{c, c.FirstChild})
			default:
				if c.FirstChild != nil {
					stack = append(stack, frame{c, c.FirstChild})
				}
			}
			continue
		}
		n := top.n
		stack = stack[:len(stack)-1]
		var s nodeStats
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			cs := stats[c]
			s.text += cs.text
			s.link += cs.link
			s.items += cs.items
			s.rows += cs.rows
			s.terms += cs.terms
			s.form = s.form || cs.form
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "a":
				s.link = s.text
			case "li":
				s.items++
			case "tr":
				s.rows++
			case "dt":
				s.terms++
			case "form":
				s.form = true
			}
			if s.items+s.rows+s.terms > 0 && isHidden(n) {
				s.items, s.rows, s.terms = 0, 0, 0
			}
		}
		stats[n] = s
	}
	return stats
}

func nonSpaceLen(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n += utf8.RuneLen(r)
		}
	}
	return n
}

// walkMode says how the walker treats an element.
type walkMode int

const (
	// modeFiltered drops boilerplate (by tag, role, class, id and link
	// density) at every level: the fallback walker and rescued subtrees.
	modeFiltered walkMode = iota
	// modeArticle emits what readability kept; subtrees it dropped are
	// rescued when they pass the boilerplate filter (see rescuable).
	modeArticle
)

type tableCtx struct {
	data  bool // a data table: rows are lines, cells are separated
	cells int  // cells seen in the current row
}

// walker holds what a walk needs besides the output.
type walker struct {
	out    textWriter
	stats  map[*html.Node]nodeStats
	keep   map[*html.Node]bool // elements readability kept
	onPath map[*html.Node]bool // ancestors of kept elements
	// guardText protects elements holding at least this much text from
	// class/id signals: a wrapper "<div class='page has-sidebar'>" around
	// the whole page is not a sidebar.
	guardText int
	// trusted is the page's own <article> element when the walk was
	// widened to it: its class is not checked for furniture words.
	trusted *html.Node
	tables  []tableCtx
	inCell  int
	inItem  int // open list items: a list inside one continues it line by line
	steps   int
	stop    func() bool // polled now and then; true abandons the walk
	stopped bool
	// articleBelow caches holdsArticle (see contentAside).
	articleBelow map[*html.Node]bool
	// author is the page's byline: an aside that opens with the name is
	// the author's bio (see contentAside).
	author string
}

// tick counts work and polls for cancellation every few thousand nodes.
func (wk *walker) tick() bool {
	wk.steps++
	if wk.steps&4095 == 0 && wk.stop != nil && wk.stop() {
		wk.stopped = true
	}
	return wk.stopped
}

// search descends from the document root to the elements readability
// kept, emitting nothing on the way.
func (wk *walker) search(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || wk.tick() {
			continue
		}
		switch {
		case wk.keep[c]:
			wk.out.block()
			wk.node(c, modeArticle, depth+1)
			wk.out.block()
		case wk.onPath[c] && depth < maxWalkDepth:
			wk.search(c, depth+1)
		}
	}
}

// node emits one node and its subtree.
func (wk *walker) node(n *html.Node, mode walkMode, depth int) {
	if wk.tick() {
		return
	}
	switch n.Type {
	case html.TextNode:
		wk.out.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		wk.children(n, mode, depth)
		return
	default:
		return
	}
	if skipTags[n.Data] || isHidden(n) {
		return
	}
	switch mode {
	case modeArticle:
		// Readability keeps some furniture: classes with "article" or
		// "main" in them ("article-footer", "main-nav") escape its
		// filter, and on pages without an article it keeps whatever
		// there is. Kept elements are checked too, headers excepted.
		// Asides are judged as in the rescue: readability keeps one whose
		// class holds one of its positive words ("article-aside",
		// "story-update"), and an update box stays whatever its class.
		if wk.keep[n] && n != wk.trusted {
			if n.Data == "aside" {
				if !wk.contentAside(n) {
					return
				}
			} else if furniture(n, false) && !wk.guarded(n) {
				return
			}
		}
		// Line breaks carry no text, only layout, and readability rewrites
		// them (runs of <br> become <p>): keep them all.
		if !wk.keep[n] && !wk.onPath[n] && n.Data != "br" && n.Data != "hr" {
			if !wk.rescuable(n) {
				return
			}
			mode = modeFiltered
		}
	case modeFiltered:
		if wk.boilerplate(n) {
			return
		}
	}
	if depth >= maxWalkDepth {
		wk.out.text(" ")
		wk.out.text(flatText(n))
		wk.out.text(" ")
		return
	}
	wk.element(n, mode, depth)
}

func (wk *walker) children(n *html.Node, mode walkMode, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		wk.node(c, mode, depth+1)
	}
}

// element emits an element's own formatting around its children.
func (wk *walker) element(n *html.Node, mode walkMode, depth int) {
	tag := n.Data
	switch tag {
	case "br":
		if wk.inCell > 0 {
			wk.out.text(" ")
		} else {
			wk.out.lineBreak()
		}
		return
	case "hr":
		wk.blockBreak()
		return
	case "pre", "xmp", "listing", "plaintext":
		if wk.inCell > 0 {
			wk.out.text(" ")
			wk.out.text(preText(n))
			wk.out.text(" ")
		} else {
			wk.out.verbatim(preText(n))
		}
		return
	case "table":
		wk.tables = append(wk.tables, tableCtx{data: isDataTable(n)})
		wk.blockBreak()
		wk.children(n, mode, depth)
		wk.blockBreak()
		wk.tables = wk.tables[:len(wk.tables)-1]
		return
	}
	if t := wk.table(); t != nil && t.data {
		switch tag {
		case "tr":
			t.cells = 0
			wk.out.block()
			wk.children(n, mode, depth)
			wk.out.block()
			return
		case "td", "th":
			if t.cells > 0 {
				wk.out.space, wk.out.sep = false, cellSep
			}
			t.cells++
			wk.inCell++
			wk.children(n, mode, depth)
			wk.inCell--
			return
		}
	}
	if wk.inCell == 0 {
		switch tag {
		case "li":
			// An item is a line with a bullet mark, as text and Markdown
			// reports write lists, so the list reads the same whatever
			// format it came in: the sentence splitter ends a sentence at
			// each item, and the relation rules read "The group used these
			// tools:" together with the items after it.
			wk.out.item(listMark)
			wk.inItem++
			wk.children(n, mode, depth)
			wk.inItem--
			wk.out.endItem()
			return
		case "ul", "ol", "menu", "dir":
			if wk.inItem > 0 {
				// A nested list goes on line by line under its item.
				wk.children(n, mode, depth)
				wk.out.endItem()
				return
			}
		}
	}
	if blockTags[tag] || tag == "td" || tag == "th" {
		wk.blockBreak()
		wk.children(n, mode, depth)
		wk.blockBreak()
		return
	}
	wk.children(n, mode, depth)
}

// blockBreak separates blocks, except inside a table cell, where the row
// must stay on one line.
func (wk *walker) blockBreak() {
	if wk.inCell > 0 {
		if wk.out.sep == "" {
			wk.out.space = true
		}
		return
	}
	wk.out.block()
}

func (wk *walker) table() *tableCtx {
	if len(wk.tables) == 0 {
		return nil
	}
	return &wk.tables[len(wk.tables)-1]
}

// boilerplate decides, in filtered mode, whether to drop an element.
func (wk *walker) boilerplate(n *html.Node) bool {
	if n.Data == "aside" {
		return !wk.contentAside(n)
	}
	st := wk.stats[n]
	if boilerplateSignal(n) {
		return !wk.guarded(n)
	}
	if linkDenseTags[n.Data] && st.text > 0 && st.link*2 > st.text {
		return !meaningful(n)
	}
	return false
}

// guarded protects a wrapper holding most of the page's text from its
// class: "<div class='page has-sidebar'>" around everything is not a
// sidebar. Nav, aside, footer, form and menu tags are trusted.
func (wk *walker) guarded(n *html.Node) bool {
	return wk.guardText > 0 && wk.stats[n].text >= wk.guardText && !strictBoilerplateTag(n.Data)
}

func strictBoilerplateTag(tag string) bool {
	return tag == "nav" || tag == "aside" || tag == "footer" || tag == "form" || tag == "menu"
}

// linkDenseTags are blocks dropped when mostly link text (menus, "related
// posts", tag clouds) unless they read like prose or list indicators.
var linkDenseTags = map[string]bool{
	"div": true, "section": true, "ul": true, "ol": true, "dl": true, "li": true,
	"p": true, "table": true, "tr": true, "td": true,
}

// rescuable decides whether a subtree readability dropped from inside the
// article comes back. Readability's conditional cleaning removes tables,
// lists and divs that are short, link-heavy or image-heavy; in threat
// reports those are often IOC tables, lists of defanged URLs and author
// lines. They come back unless they look like furniture.
func (wk *walker) rescuable(n *html.Node) bool {
	if n.Data == "aside" {
		return wk.contentAside(n)
	}
	st := wk.stats[n]
	if st.text == 0 || boilerplateSignal(n) {
		return false
	}
	if st.link*2 <= st.text {
		return true
	}
	return meaningful(n)
}

// meaningful reports whether link-heavy text still carries content: a
// sentence, or indicators of compromise.
func meaningful(n *html.Node) bool {
	text := limitedText(n, 4096)
	return hasSentence(text) || indicatorLike.MatchString(text)
}

var (
	sentenceEnd   = regexp.MustCompile(`[\p{L}\p{N}\)"'’”][.!?](\s|$)`)
	indicatorLike = regexp.MustCompile(`(?i)\b[0-9a-f]{32,128}\b|\[\.\]|\(\.\)|\bhxxps?\b|\b\d{1,3}(\.\d{1,3}){3}\b`)
)

// hasSentence reports text with at least six words and a full stop: menus
// and lists of headlines have neither.
func hasSentence(text string) bool {
	return len(strings.Fields(text)) >= 6 && sentenceEnd.MatchString(text)
}

// limitedText returns up to max bytes of an element's visible text, words
// separated by spaces.
func limitedText(n *html.Node, max int) string {
	var b strings.Builder
	var visit func(*html.Node, int) bool
	visit = func(n *html.Node, depth int) bool {
		if b.Len() >= max || depth > maxWalkDepth {
			return false
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return true
		case html.ElementNode:
			if skipTags[n.Data] || isHidden(n) {
				return true
			}
			if blockTags[n.Data] || n.Data == "br" || n.Data == "td" || n.Data == "th" {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !visit(c, depth+1) {
				return false
			}
		}
		return true
	}
	visit(n, 0)
	return strings.Join(strings.Fields(b.String()), " ")
}

// flatText returns all text below n without structure, iteratively; it is
// used only past maxWalkDepth.
func flatText(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
			b.WriteByte(' ')
			continue
		}
		if x.Type == html.ElementNode && skipTags[x.Data] {
			continue
		}
		for c := x.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return b.String()
}

// preText returns the text of a <pre> exactly, with <br> as newline and a
// newline after block children (code highlighters wrap lines in divs).
func preText(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node, int)
	visit = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if skipTags[c.Data] || isHidden(c) {
					continue
				}
				if c.Data == "br" {
					b.WriteByte('\n')
					continue
				}
				if depth > maxWalkDepth {
					b.WriteString(flatText(c))
					continue
				}
				visit(c, depth+1)
				if blockTags[c.Data] && !strings.HasSuffix(b.String(), "\n") {
					b.WriteByte('\n')
				}
			}
		}
	}
	visit(n, 0)
	return b.String()
}

// isDataTable tells a table of data (rows of cells: IOCs, hashes, ATT&CK
// mappings) from a layout table that wraps paragraphs. Data tables print
// row by row with separated cells; layout tables as ordinary blocks.
func isDataTable(t *html.Node) bool {
	blocks := 0
	var visit func(*html.Node, int) bool
	visit = func(n *html.Node, depth int) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "table":
				return false
			case "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "form", "article", "section":
				return false
			case "p", "div":
				blocks++
				if blocks > 20 {
					return false
				}
			}
			if depth < 64 && !visit(c, depth+1) {
				return false
			}
		}
		return true
	}
	return visit(t, 0)
}
