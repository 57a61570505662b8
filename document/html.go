package document

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"github.com/itlightning/dateparse"
	"golang.org/x/net/html"
)

// Limits past which readability is not run: its scoring is superlinear and
// recursive, so a huge or absurdly nested page goes to the linear walker.
const (
	maxReadabilityElems = 200_000
	maxReadabilityDepth = 512
)

// minArticleShare is the least share of the page's boilerplate-stripped
// text that readability's article must hold. Below it readability has
// most likely picked one fragment (a teaser, a comment, one of several
// sections) and the page's content is better served by the walker.
const minArticleShare = 0.25

// xidAttr tags every element of the page with its index before readability
// runs on a copy, so what readability kept can be found in the original.
const xidAttr = "data-extractor-xid"

// readHTML reads the main content of a web page: readability finds the
// article, then a block-aware walker writes its text from the original
// DOM, putting back what readability's cleaning dropped from inside the
// article (IOC tables, link lists, <pre> blocks) unless it is furniture.
// When readability finds nothing, or too little, a boilerplate-stripping
// walker over <main>, <article> or <body> is used, with a warning.
func readHTML(ctx context.Context, raw []byte, opt Options) (*extracted, error) {
	text, warnings := decodeHTML(raw, opt.ContentType)
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		body, title := tokenText(text, func() bool { return ctx.Err() != nil })
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		warnings = append(warnings, fmt.Sprintf("HTML parser gave up (%v): text read tag by tag, without article detection", err))
		return &extracted{pages: []string{body}, engine: "tokens", title: title, warnings: warnings}, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	nodes, depth := stamp(doc)
	stats := statsOf(doc)
	stop := func() bool { return ctx.Err() != nil }

	ex := &extracted{}
	var art readability.Article
	var artOK bool
	switch {
	case len(nodes) > maxReadabilityElems:
		warnings = append(warnings, fmt.Sprintf("page has %d elements (over %d): article detection skipped", len(nodes), maxReadabilityElems))
	case depth > maxReadabilityDepth:
		warnings = append(warnings, fmt.Sprintf("page nests elements %d deep (over %d): article detection skipped", depth, maxReadabilityDepth))
	default:
		art, err = runReadability(doc)
		if err != nil {
			warnings = append(warnings, "article detection failed: "+err.Error())
		} else {
			artOK = art.Node != nil
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	root, rootName := contentRoot(doc, stats)
	meta := pageMeta(doc, art, root)
	fb := &walker{stats: stats, guardText: stats[root].text / 2, stop: stop, author: meta.author}
	fb.node(root, modeFiltered, 0)
	fallback := fb.out.String()

	body := fallback
	ex.engine = "boilerplate"
	if artOK {
		keep, onPath := keptNodes(art.Node, nodes)
		trusted := widenToArticle(keep, onPath)
		aw := &walker{stats: stats, keep: keep, onPath: onPath, guardText: stats[root].text / 2, trusted: trusted, stop: stop, author: meta.author}
		aw.search(doc, 0)
		article := aw.out.String()
		articleLen, fallbackLen := nonSpaceLen(article), nonSpaceLen(fallback)
		switch {
		case articleLen == 0:
			warnings = append(warnings, fmt.Sprintf("article detection found no text: used the boilerplate-stripping walker over <%s>", rootName))
		case float64(articleLen) < minArticleShare*float64(fallbackLen):
			warnings = append(warnings, fmt.Sprintf("article detection kept only %d of %d characters: used the boilerplate-stripping walker over <%s>", articleLen, fallbackLen, rootName))
		default:
			body, ex.engine = article, "readability"
		}
	} else if nonSpaceLen(fallback) > 0 {
		warnings = append(warnings, fmt.Sprintf("no article found: used the boilerplate-stripping walker over <%s>", rootName))
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if strings.TrimSpace(body) == "" {
		warnings = append(warnings, "page has no visible text")
	}

	ex.pages = []string{withHeadline(body, meta.title, meta.author)}
	ex.title, ex.author, ex.site, ex.lang, ex.pub = meta.title, meta.author, meta.site, meta.lang, meta.pub
	ex.warnings = warnings
	return ex, nil
}

// withHeadline puts the headline and byline in front of the article text
// when article detection left them out: headlines name the actor ("Chinese
// group X breached Y") and bylines name people, and an analyst expects both
// to be searchable text with offsets, not only metadata.
func withHeadline(body, title, author string) string {
	head := strings.Join(strings.Fields(body[:min(len(body), 2000)]), " ")
	var lines []string
	if t := strings.TrimSpace(title); t != "" && !strings.Contains(head, strings.Join(strings.Fields(t), " ")) {
		lines = append(lines, t)
	}
	if a := strings.TrimSpace(author); a != "" && !hasByline(body[:min(len(body), 2000)], strings.TrimPrefix(a, "By ")) {
		lines = append(lines, "By "+strings.TrimPrefix(a, "By "))
	}
	if len(lines) == 0 || strings.TrimSpace(body) == "" {
		return body
	}
	return strings.Join(lines, "\n\n") + "\n\n" + body
}

// hasByline reports whether the head of the article already carries the
// byline: a line that names the author after "by" at its start ("By Ada
// Byron and Ken Ito", "Posted by Ada Byron on May 2", "· by Ada Byron"),
// or a line that is the name alone, the name then a separator or a date
// ("Ada Byron | May 2", "Ada Byron, Lisbon", "Ada Byron 2 May 2024"), or
// the name then a few words with a separator or a date ("Ada Byron
// Security correspondent · 2 May 2024"). The
// name in a sentence — an editor's note listing the reporter, a quote, a
// bio ("Ada Byron is a senior reporter ...", "... was written by Ada
// Byron, who ...") — is no byline, and the byline is still written.
func hasByline(head, author string) bool {
	name := strings.ToLower(strings.Join(strings.Fields(author), " "))
	if name == "" {
		return true
	}
	for _, line := range strings.Split(head, "\n") {
		line = strings.ToLower(strings.Join(strings.Fields(line), " "))
		for _, m := range bylineLead.FindAllStringIndex(line, -1) {
			if strings.HasPrefix(line[m[1]:], name) {
				return true
			}
		}
		if rest, ok := strings.CutPrefix(line, name); ok && (rest == "" || bylineAfterName.MatchString(rest) ||
			(len(strings.Fields(rest)) <= 6 && bylineSeparator.MatchString(rest))) {
			return true
		}
	}
	return false
}

// bylineLead is "by" at the start of a line or after a separator,
// perhaps after a verb of authorship (html_words.yaml: byline_lead_verbs).
var bylineLead = regexp.MustCompile(`(^\W*|[·|•–—/]\s*)((` + wordAlternation(htmlWords.BylineLeadVerbs) + `)\s+)?by[:\s]+`)

// bylineSeparator is a separator or a date's digits on a byline line.
var bylineSeparator = regexp.MustCompile(`[·|•–—/]|\d`)

// bylineAfterName is what follows a name on a byline line: a separator
// or a date (a month's name or abbreviation before a day: "May 2", not
// "may have been", "marked").
var bylineAfterName = regexp.MustCompile(`^\s*([·|,•–—/(:-]|\d|(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+\d|(updated|published|posted)\b)`)

// runReadability runs readability on a copy of doc. A panic inside it is
// an error here, so the walker can still read the page.
func runReadability(doc *html.Node) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("readability crashed: %v", r)
		}
	}()
	p := readability.NewParser()
	return p.ParseDocument(doc, nil)
}

// stamp numbers every element (in xidAttr) and returns them by number,
// with the maximum nesting depth. Iterative: depth is unbounded.
func stamp(doc *html.Node) ([]*html.Node, int) {
	var nodes []*html.Node
	maxDepth := 0
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{doc, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.n.Type == html.ElementNode {
			it.n.Attr = append(it.n.Attr, html.Attribute{Key: xidAttr, Val: strconv.Itoa(len(nodes))})
			nodes = append(nodes, it.n)
		}
		maxDepth = max(maxDepth, it.depth)
		for c := it.n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, item{c, it.depth + 1})
		}
	}
	return nodes, maxDepth
}

// keptNodes maps readability's output back to the original elements, and
// marks their ancestors.
func keptNodes(out *html.Node, nodes []*html.Node) (keep, onPath map[*html.Node]bool) {
	keep = make(map[*html.Node]bool)
	onPath = make(map[*html.Node]bool)
	stack := []*html.Node{out}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == xidAttr {
					if i, err := strconv.Atoi(a.Val); err == nil && i >= 0 && i < len(nodes) {
						keep[nodes[i]] = true
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	for n := range keep {
		for p := n.Parent; p != nil && !onPath[p]; p = p.Parent {
			onPath[p] = true
		}
	}
	return keep, onPath
}

// widenToArticle makes the page's own article element the root when
// readability's choice lies inside one. Readability scores paragraphs and
// may settle on a fragment (one section, one table cell) of a short or
// sectioned post; the <article> (or articleBody microdata) its choice sits
// in is the author's own statement of where the article is. Everything in
// it that readability did not keep is then judged by rescuable.
func widenToArticle(keep, onPath map[*html.Node]bool) *html.Node {
	var lca *html.Node
	for n := range keep {
		if lca == nil {
			lca = n
			continue
		}
		lca = commonAncestor(lca, n)
	}
	for n := lca; n != nil; n = n.Parent {
		if n.Type != html.ElementNode || n.Data == "body" || n.Data == "html" {
			continue
		}
		if articleElement(n) {
			if !keep[n] {
				keep[n] = true
				for p := n.Parent; p != nil && !onPath[p]; p = p.Parent {
					onPath[p] = true
				}
			}
			return n
		}
	}
	return nil
}

func commonAncestor(a, b *html.Node) *html.Node {
	seen := map[*html.Node]bool{}
	for n := a; n != nil; n = n.Parent {
		seen[n] = true
	}
	for n := b; n != nil; n = n.Parent {
		if seen[n] {
			return n
		}
	}
	return nil
}

// contentRoot picks where the fallback walker starts: <main> (or
// role=main), else the <article> with the most text, else <body> — the
// first two only when they hold a fair share of the page's text, since
// some sites wrap a teaser or a comment in <article>.
func contentRoot(doc *html.Node, stats map[*html.Node]nodeStats) (*html.Node, string) {
	var body, main, article *html.Node
	var visit func(*html.Node, int)
	visit = func(n *html.Node, depth int) {
		if depth > maxWalkDepth {
			return
		}
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "body" && body == nil:
				body = n
			case (n.Data == "main" || attr(n, "role") == "main") && main == nil && !isHidden(n):
				main = n
			case n.Data == "article" && !isHidden(n) && (article == nil || stats[n].text > stats[article].text):
				article = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				visit(c, depth+1)
			}
		}
	}
	visit(doc, 0)
	if body == nil {
		return doc, "document"
	}
	total := stats[body].text
	share := func(n *html.Node) bool { return n != nil && stats[n].text*5 >= total && stats[n].text > 0 }
	switch {
	case share(main):
		return main, "main"
	case share(article):
		return article, "article"
	}
	return body, "body"
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

type htmlMeta struct {
	title, author, site, lang string
	pub                       *time.Time
}

// pageMeta collects title, author, site, language and date: readability's
// answers (JSON-LD, OpenGraph, Dublin Core, <html lang>) first, then
// microdata and common markup it does not read.
func pageMeta(doc *html.Node, art readability.Article, root *html.Node) htmlMeta {
	q := goquery.NewDocumentFromNode(doc)
	var m htmlMeta
	m.title = firstNonEmpty(art.Title(),
		metaContent(q, `meta[property="og:title"]`, `meta[name="twitter:title"]`),
		q.Find("title").First().Text(), q.Find("h1").First().Text())

	m.author = firstNonEmpty(cleanByline(art.Byline()),
		cleanByline(metaContent(q, `meta[name="author"]`, `meta[property="article:author"]`)),
		cleanByline(q.Find(`[itemprop~="author"] [itemprop~="name"]`).First().Text()),
		cleanByline(metaContent(q, `[itemprop~="author"] meta[itemprop~="name"]`)),
		cleanByline(q.Find(`[itemprop~="author"]`).First().Text()),
		cleanByline(q.Find(`[rel~="author"]`).First().Text()),
		cleanByline(q.Find(`.byline, .author-name, .vcard .fn`).First().Text()))

	m.site = firstNonEmpty(art.SiteName(),
		metaContent(q, `meta[property="og:site_name"]`, `meta[name="application-name"]`),
		siteFromURL(q))

	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		m.pub = &t
	} else {
		m.pub = microdataDate(q, root)
	}

	lang := firstNonEmpty(art.Language(), attr(firstElement(doc, "html"), "lang"),
		metaContent(q, `meta[http-equiv="content-language" i]`, `meta[name="language"]`, `meta[property="og:locale"]`),
		attr(firstElement(doc, "body"), "lang"))
	m.lang = normalizeLang(lang)
	return m
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.Join(strings.Fields(v), " "); v != "" {
			return v
		}
	}
	return ""
}

func metaContent(q *goquery.Document, selectors ...string) string {
	for _, sel := range selectors {
		if v, ok := q.Find(sel).First().Attr("content"); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// bylinePrefix is "by" and a verb of authorship before a byline's name
// (html_words.yaml: byline_prefix_verbs).
var bylinePrefix = regexp.MustCompile(`(?i)^\s*((` + wordAlternation(htmlWords.BylinePrefixVerbs) + `)\s+)?by[:\s]+`)

// cleanByline turns "Posted by Jane Doe" into "Jane Doe" and rejects text
// too long to be a name list (a whole author box).
func cleanByline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = bylinePrefix.ReplaceAllString(s, "")
	if len(s) > 120 || strings.HasPrefix(s, "http") {
		return ""
	}
	return s
}

// siteFromURL falls back to the host of the canonical or og:url address.
func siteFromURL(q *goquery.Document) string {
	for _, raw := range []string{
		q.Find(`link[rel="canonical"]`).First().AttrOr("href", ""),
		metaContent(q, `meta[property="og:url"]`),
	} {
		if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.Host != "" {
			return strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	return ""
}

// microdataDate looks for a publication date in schema.org microdata,
// <time> elements of the article, and date meta tags.
func microdataDate(q *goquery.Document, root *html.Node) *time.Time {
	var cands []string
	q.Find(`[itemprop~="datePublished"]`).Each(func(_ int, s *goquery.Selection) {
		cands = append(cands, s.AttrOr("content", ""), s.AttrOr("datetime", ""), s.AttrOr("title", ""), s.Text())
	})
	cands = append(cands, metaContent(q, `meta[name="date"]`, `meta[name="pubdate"]`, `meta[name="publishdate"]`,
		`meta[name="dc.date"]`, `meta[name="DC.date.issued"]`, `meta[name="citation_publication_date"]`))
	goquery.NewDocumentFromNode(root).Find(`time[datetime]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		cands = append(cands, s.AttrOr("datetime", ""))
		return false
	})
	for _, c := range cands {
		if t, ok := parseDate(c); ok {
			return &t
		}
	}
	return nil
}

// parseDate parses a date in any common format; dateparse is third-party
// and fed page text, so it runs behind recover.
func parseDate(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return t, false
	}
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	t, err := dateparse.ParseAny(s)
	if err != nil || t.Year() < 1990 || t.Year() > 2100 {
		return time.Time{}, false
	}
	return t, true
}

func firstElement(n *html.Node, tag string) *html.Node {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.ElementNode && x.Data == tag {
			return x
		}
		if x.Type == html.DocumentNode || (x.Type == html.ElementNode && x.Data == "html") {
			for c := x.LastChild; c != nil; c = c.PrevSibling {
				stack = append(stack, c)
			}
		}
	}
	return nil
}

var langTag = regexp.MustCompile(`^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$`)

// normalizeLang returns a BCP 47-style tag ("en", "en-US") or "".
func normalizeLang(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ", ;"); i >= 0 {
		s = s[:i]
	}
	if !langTag.MatchString(s) {
		return ""
	}
	parts := strings.Split(strings.ReplaceAll(s, "_", "-"), "-")
	parts[0] = strings.ToLower(parts[0])
	for i := 1; i < len(parts); i++ {
		if len(parts[i]) == 2 {
			parts[i] = strings.ToUpper(parts[i])
		}
	}
	return strings.Join(parts, "-")
}
