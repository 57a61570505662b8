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
//     an aside readability itself kept is judged the same way;
//   - its role, class and id carry no furniture word: the walker's
//     boilerplate words ("related", "newsletter", "promo", "ad", "share",
//     "subscribe", "bio" ...) and asideFurnitureWords ("author", "popular",
//     "widget" ...), or a teaser class (asideFurnitureTokens: "more",
//     "read-next", "latest-news", "user-profile" ...); role="complementary"
//     is an aside's own role and says nothing;
//   - it does not open as furniture does (asideFurnitureLead: "About us",
//     "Disclosure:", "Tags:", "Filed under", "Also on", "Most read"), nor
//     as a reporter's bio (the byline's author, or "<Name> is a senior
//     reporter ...");
//   - it is not link-dense (at most half its text is link text: teasers
//     and "Read next" boxes are nearly all links);
//   - it holds no form control (a sign-up box);
//   - leaving out its calls to action ("Sign up ...", "Follow us for
//     more.", "... in your inbox"), it reads as content: a sentence of six
//     words or more, or facts laid out as a list, a table, a definition
//     list or "Label: value" lines ("2019: ..." lines of a timeline
//     included; "Tags:" and "Category:" lines are no facts).
//
// Everything inside a kept aside is still filtered element by element, so
// a share bar or a link list nested in an update box is dropped. The
// counts it needs (text, links, list items, rows, form controls) come from
// the walker's one statsOf pass, and its text tests read at most the first
// 4 KB, so nested asides cost no walk of their subtrees.

// asideFurnitureWords are class/id words that mark an aside as furniture
// on top of boilerplateWords: author boxes, popular teasers, widget areas
// (WordPress's sidebar is "widget-area" with id "secondary"), calls to
// action and disclosures.
var asideFurnitureWords = wordSet(htmlWords.AsideFurnitureWords) // html_words.yaml

// asideFurnitureTokens are teaser words that mark furniture only as a
// whole class name ("more", "readmore") or as two neighbouring words of
// one ("read-next", "latestNews", "user-profile"): "latest-update",
// "box--more-info" and "threat-actor-profile" are content.
var asideFurnitureTokens = wordSet(htmlWords.AsideFurnitureTokens) // html_words.yaml

// asideFurnitureLead is how furniture asides open: a site's "About us",
// a disclosure, tag and category lines, headline lists.
var asideFurnitureLead = regexp.MustCompile(`(?i)^\W*(about (us|me|the (authors?|writer|reporter|site|publication|newsletter|editor))\b|disclosures?\b|disclaimer\b|(tags?|topics|categor(y|ies)|keywords|filed (under|in))\s*:|filed (under|in)\b|also (on|in|from|read)\b|more (from|stories|news)\b|read (more|next|also)\b|related\b|most (read|popular|viewed|shared)\b|you (may|might) also\b|editor'?s picks?\b|sponsored\b|advertisement\b)`)

// reporterBio is the opening of a journalist's bio: "Jane Doe is a
// senior reporter ...", "Ken Ito covers ...".
var reporterBio = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*( \p{Lu}[\p{L}'’.-]*){1,3},? ((is|was|has been) (a|an|the)( [\p{L}-]+){0,4} (reporter|journalist|correspondent|editor|writer|columnist|contributor|freelancer|producer)\b|(covers|writes about|reports on)\b)`)

// ctaStart and ctaPhrase make a sentence a call to action: an imperative
// to sign up, subscribe, follow or download, or a promise of mail. A
// sentence reporting that a group asked victims to "subscribe" is none.
var (
	ctaStart  = regexp.MustCompile(`(?i)^\W*(sign[ -]?up|subscribe|register|follow us|join (us|our)|download (our|the)|get (our|the|stories|news|updates|the latest)|support (us|our)|donate|become a (member|subscriber)|don'?t miss|never miss)\b`)
	ctaPhrase = regexp.MustCompile(`(?i)\b(in your inbox|our newsletter|unsubscribe)\b`)
)

// factLabel is a "Label: value" line start of a fact box ("Victim: ...",
// "First seen: ...", a timeline's "2019: ..."); the label is group 2.
var factLabel = regexp.MustCompile(`(^|\n|\s)([\p{Lu}\p{N}][\p{L}\p{N}'’ -]{0,30}):\s+\S`)

// tagLabel is a label of tag and category lines, which hold no facts.
var tagLabel = regexp.MustCompile(`(?i)(^|\s)(tags?|topics?|categor(y|ies)|keywords|filed under|filed in|share|posted in)$`)

// contentAside reports whether an aside element is part of the article
// and is kept (see above).
func (wk *walker) contentAside(n *html.Node) bool {
	st := wk.stats[n]
	if st.text == 0 || st.link*2 > st.text || st.form || !wk.inArticle(n) || asideFurniture(n) {
		return false
	}
	text := limitedText(n, 4096)
	if asideFurnitureLead.MatchString(text) || reporterBio.MatchString(text) || wk.authorBio(text) {
		return false
	}
	if st.items >= 2 || st.rows >= 2 || st.terms > 0 {
		return true // facts laid out as a list, a table or a definition list
	}
	rest := withoutCallsToAction(text)
	return asideSentence(rest) || factLines(rest)
}

// withoutCallsToAction returns text without its call-to-action sentences.
func withoutCallsToAction(text string) string {
	phrase := ctaPhrase.MatchString(text)
	var b strings.Builder
	for len(text) > 0 {
		end := len(text)
		if m := sentenceBreak.FindStringIndex(text); m != nil {
			end = m[1]
		}
		if s := text[:end]; !ctaStart.MatchString(s) && !(phrase && ctaPhrase.MatchString(s)) {
			b.WriteString(s)
		}
		text = text[end:]
	}
	return strings.TrimSpace(b.String())
}

// sentenceBreak ends a sentence: a stop, closing quotes and white space.
var sentenceBreak = regexp.MustCompile(`[.!?]["'’”]?(\s+|$)`)

// authorBio reports an aside that opens with the name of the page's
// author: the byline's bio.
func (wk *walker) authorBio(text string) bool {
	if wk.author == "" {
		return false
	}
	lower := strings.ToLower(text)
	for _, name := range authorNames.Split(wk.author, -1) {
		name = strings.ToLower(strings.Join(strings.Fields(name), " "))
		if len(name) >= 5 && strings.HasPrefix(lower, name+" ") {
			return true
		}
	}
	return false
}

// authorNames splits a byline of several authors.
var authorNames = regexp.MustCompile(`(?i)\s*(,|&|\band\b)\s*`)

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
	return furnitureAttrs(n, "complementary", func(v string) bool {
		return hasBoilerplateWord(v, true) || hasAsideWord(v)
	})
}

func hasAsideWord(v string) bool {
	return anyClassWord(v, func(token string, parts []string) bool {
		if asideFurnitureTokens[token] {
			return true
		}
		for i, part := range parts {
			if asideFurnitureWords[part] || (i > 0 && asideFurnitureTokens[parts[i-1]+" "+part]) {
				return true
			}
		}
		return false
	})
}

// factLines reports two "Label: value" lines that are not tag or
// category lines: facts laid out without full sentences.
func factLines(text string) bool {
	labels := 0
	for _, m := range factLabel.FindAllStringSubmatch(text, -1) {
		if !tagLabel.MatchString(strings.TrimSpace(m[2])) {
			labels++
		}
	}
	return labels >= 2
}
