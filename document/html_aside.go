package document

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// An <aside> is furniture on most pages — a sidebar beside the article,
// related-story teasers, a newsletter sign-up, an author bio, a share bar
// — but news and vendor pages also put reporting in one inside the article
// body: an "Update" box with later findings, a "Key facts" or "What we
// know" box, a pull quote, an analyst's note, a timeline. Readability
// deletes every aside, and the walker used to drop every aside too, so an
// update box naming groups, companies and malware was lost.
//
// contentAside keeps an aside when all of these hold:
//   - it lies inside the article: below an <article>, role="article" or
//     articleBody microdata element, or below what readability kept or a
//     <main> when that holds no such element (then it is the article);
//   - its role, class and id carry no furniture word: the walker's
//     boilerplate words ("related", "newsletter", "promo", "ad", "share",
//     "subscribe", "bio" ...) and asideFurnitureWords ("author", "popular",
//     "more", "widget" ...); role="complementary" is an aside's own role
//     and says nothing;
//   - it is not link-dense (at most half its text is link text: teasers
//     and "Read next" boxes are nearly all links);
//   - it holds no form control (a sign-up box), and a short one does not
//     read as a call to action ("Sign up", "in your inbox");
//   - it reads as content: a sentence of six words or more, or facts laid
//     out as a list, a table, a definition list or "Label: value" lines.
//
// Everything inside a kept aside is still filtered element by element, so
// a share bar or a link list nested in an update box is dropped.

// asideFurnitureWords are class/id words that mark an aside as furniture
// on top of boilerplateWords: author boxes, popular/latest/read-next
// teasers, widget areas (WordPress's sidebar is "widget-area" with id
// "secondary"), calls to action and disclosures.
var asideFurnitureWords = map[string]bool{
	"author": true, "authors": true, "byline": true, "contributor": true, "profile": true,
	"popular": true, "trending": true, "latest": true, "more": true, "next": true, "read": true,
	"recirc": true, "recirculation": true, "teaser": true, "teasers": true, "widget": true,
	"widgets": true, "secondary": true, "cta": true, "donate": true, "membership": true,
	"paywall": true, "podcast": true, "disclaimer": true, "disclosure": true, "affiliate": true,
}

// callToAction is the wording of sign-up and promotion boxes.
var callToAction = regexp.MustCompile(`(?i)\b(sign[ -]?up|subscribe|subscription|newsletter|in your inbox|unsubscribe|follow us|download (our|the) (free|full)|register now|get (our|the) .{0,30}(briefing|newsletter|digest))\b`)

// maxCallToActionWords bounds the asides callToAction can drop: a sign-up
// box is a few lines, while an update box may well report a phishing
// campaign that asked victims to "subscribe".
const maxCallToActionWords = 60

// factLabel is a "Label: value" line start of a fact box ("Victim: ...",
// "First seen: ...").
var factLabel = regexp.MustCompile(`(^|\n|\s)\p{Lu}[\p{L}\p{N}'’ -]{0,30}:\s+\S`)

// contentAside reports whether an aside element is part of the article
// and is kept (see above).
func (wk *walker) contentAside(n *html.Node) bool {
	st := wk.stats[n]
	if st.text == 0 || st.link*2 > st.text || !wk.inArticle(n) || asideFurniture(n) || hasFormControl(n) {
		return false
	}
	text := limitedText(n, 4096)
	if len(strings.Fields(text)) < maxCallToActionWords && callToAction.MatchString(text) {
		return false
	}
	return asideSentence(text) || factLayout(n, text)
}

// quotedEnd is a sentence end inside closing quotes, as pull quotes end:
// "... the operator."
var quotedEnd = regexp.MustCompile(`[\p{L}\p{N})][.!?]["'’”](\s|$)`)

// asideSentence is hasSentence, quoted sentences included.
func asideSentence(text string) bool {
	return hasSentence(text) || (len(strings.Fields(text)) >= 6 && quotedEnd.MatchString(text))
}

// inArticle reports whether n lies inside the article: below an article
// element, or below readability's choice or a <main> that holds no article
// element (and so is the article). A sidebar beside the page's <article>,
// inside a <main> or a container readability kept whole, is not.
func (wk *walker) inArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		if articleElement(p) {
			return true
		}
		if wk.keep[p] || p.Data == "main" || attr(p, "role") == "main" {
			return !wk.holdsArticle(p)
		}
	}
	return false
}

// articleElement reports the page's own statement that an element is an
// article: <article>, role="article" or schema.org articleBody.
func articleElement(n *html.Node) bool {
	return n.Data == "article" || attr(n, "role") == "article" || strings.Contains(attr(n, "itemprop"), "articleBody")
}

// holdsArticle reports whether an article element lies below n; the answer
// is kept per node, as a page may have many asides.
func (wk *walker) holdsArticle(n *html.Node) bool {
	if v, ok := wk.articleBelow[n]; ok {
		return v
	}
	found := false
	stack := []*html.Node{n.FirstChild}
	for len(stack) > 0 && !found {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for ; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if articleElement(c) {
				found = true
				break
			}
			if c.FirstChild != nil {
				stack = append(stack, c.FirstChild)
			}
		}
	}
	if wk.articleBelow == nil {
		wk.articleBelow = map[*html.Node]bool{}
	}
	wk.articleBelow[n] = found
	return found
}

// asideFurniture reports an aside whose role, class or id marks it as
// furniture.
func asideFurniture(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			r := strings.ToLower(strings.TrimSpace(a.Val))
			if r != "complementary" && boilerplateRoles[r] {
				return true
			}
		case "class", "id":
			if hasBoilerplateWord(a.Val, true) || hasAsideWord(a.Val) {
				return true
			}
		}
	}
	return false
}

func hasAsideWord(v string) bool {
	for _, token := range strings.Fields(v) {
		for _, w := range strings.FieldsFunc(token, func(r rune) bool { return r == '-' || r == '_' || r == ':' }) {
			for _, part := range splitCamel(w) {
				if asideFurnitureWords[strings.ToLower(part)] {
					return true
				}
			}
		}
	}
	return false
}

// hasFormControl reports a form or form control below n: an aside with
// one is a sign-up or search box.
func hasFormControl(n *html.Node) bool {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.ElementNode {
			switch x.Data {
			case "form", "input", "button", "select", "textarea":
				return true
			}
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				stack = append(stack, c)
			}
		}
	}
	return false
}

// factLayout reports facts laid out without full sentences: a list of two
// items or more, a table of two rows or more, a definition list, or two
// "Label: value" lines.
func factLayout(n *html.Node, text string) bool {
	items, rows := 0, 0
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.ElementNode {
			if skipTags[x.Data] || isHidden(x) {
				continue
			}
			switch x.Data {
			case "li":
				items++
			case "tr":
				rows++
			case "dt":
				return true
			}
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return items >= 2 || rows >= 2 || len(factLabel.FindAllStringIndex(text, 3)) >= 2
}
