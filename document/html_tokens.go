package document

import (
	"strings"

	"golang.org/x/net/html"
)

// tokenText extracts text from HTML the tree builder refuses (x/net/html
// gives up past 512 open elements, which broken legacy markup with
// thousands of unclosed <font> tags reaches). It streams tokens with the
// same block rules as the walker but cannot tell article from furniture,
// beyond skipping what sits inside nav, header, footer, aside and form.
func tokenText(s string, stop func() bool) (text, title string) {
	z := html.NewTokenizer(strings.NewReader(s))
	var w textWriter
	var titleText strings.Builder
	skip := map[string]int{} // open skipped elements by tag
	skipping := func() bool {
		for _, n := range skip {
			if n > 0 {
				return true
			}
		}
		return false
	}
	inTitle, pre := false, 0
	var preBuf strings.Builder
	for i := 0; ; i++ {
		if i&4095 == 0 && stop != nil && stop() {
			break
		}
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		name, _ := z.TagName()
		tag := string(name)
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			switch {
			case tag == "title":
				inTitle = tt == html.StartTagToken
			case tag == "body":
				skip["head"] = 0 // </head> is optional
			case skipTags[tag] || boilerplateTags[tag]:
				if tt == html.StartTagToken && !voidTags[tag] {
					skip[tag]++
				}
			case skipping():
			case tag == "br":
				if pre > 0 {
					preBuf.WriteByte('\n')
				} else {
					w.lineBreak()
				}
			case tag == "pre":
				pre++
			case tag == "td" || tag == "th":
				w.space = true
			case blockTags[tag]:
				w.block()
			}
		case html.EndTagToken:
			switch {
			case tag == "title":
				inTitle = false
			case skip[tag] > 0:
				skip[tag]--
			case skipping():
			case tag == "pre" && pre > 0:
				if pre--; pre == 0 {
					w.verbatim(preBuf.String())
					preBuf.Reset()
				}
			case blockTags[tag]:
				w.block()
			}
		case html.TextToken:
			switch {
			case inTitle:
				titleText.Write(z.Text())
			case skipping():
			case pre > 0:
				preBuf.Write(z.Text())
			default:
				w.text(string(z.Text()))
			}
		}
	}
	if preBuf.Len() > 0 {
		w.verbatim(preBuf.String())
	}
	return w.String(), strings.Join(strings.Fields(titleText.String()), " ")
}

// voidTags never have an end tag, so they must not open a skipped region.
var voidTags = map[string]bool{
	"meta": true, "link": true, "base": true, "img": true, "input": true, "source": true,
	"track": true, "area": true, "embed": true, "br": true, "hr": true, "col": true, "wbr": true,
}
