package document

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// asidePage is a news story built as news sites build them: inside the
// article body an update box, a fact box, a pull quote, a "Key facts" box
// of "Label: value" lines, an analyst's note with role="complementary",
// and furniture asides (related stories, a newsletter sign-up with a form,
// an author box, a disclaimer, an unclassed link list, an advertisement
// label, an unclassed call to action); beside the article, inside <main>,
// a sidebar of prose and a "Most read" list; after <main>, a site sidebar.
const asidePage = `<!DOCTYPE html>
<html lang="en"><head><title>Harbor Lynx hits regional ports | The Example Courier</title></head>
<body>
<header><nav><a href="/">Home</a> <a href="/security">Security</a></nav></header>
<main>
<article>
<h1>Harbor Lynx hits regional ports</h1>
<div class="article-body">
<p>A hacking group tracked as Harbor Lynx broke into the booking systems of three regional port operators this spring, according to incident responders who worked on the cases.</p>
<p>The intruders used stolen VPN credentials and a backdoor called TideLatch to reach the operators' scheduling servers, and stayed undetected for several weeks.</p>
<aside class="update"><h4>Update, June 3</h4><p>After publication, Quayside Analytics said the same operators also deployed a credential stealer named SaltCrane against Brightmoor Logistics, a freight forwarder in Rotterdam.</p></aside>
<p>Port authorities said cargo operations were not disrupted and that the affected systems have been rebuilt.</p>
<aside class="factbox"><h3>What we know</h3><ul><li>Group: Harbor Lynx</li><li>Malware: TideLatch, SaltCrane</li><li>Victims: three port operators</li></ul></aside>
<aside class="pullquote">"Ports are logistics companies with a sea view, and attackers treat them that way."</aside>
<aside class="keyfacts"><h3>Key facts</h3><p>First seen: March 2024<br>Access: stolen VPN credentials<br>Status: contained</p></aside>
<aside class="analyst" role="complementary"><p>Analyst note: Harbor Lynx has reused the TideLatch loader in at least two earlier intrusions against shipping firms in the Baltic.</p></aside>
<p>The operators notified their national cyber agencies within the required three days.</p>
<aside class="related-stories"><h4>Related</h4><ul><li><a href="/a">Shipping giant restores systems after attack</a></li><li><a href="/b">Why ports are a target</a></li></ul></aside>
<aside class="newsletter"><p>Get our security briefing every Friday in your inbox.</p><form><input type="email"><button>Sign up</button></form></aside>
<aside class="author-box"><p>Dana Whitcombe covers maritime security for the Courier and previously reported from Singapore for six years.</p></aside>
<aside class="disclaimer"><p>The views expressed by outside contributors are their own and do not reflect those of The Example Courier.</p></aside>
<aside><h4>Read more</h4><ul><li><a href="/c">Inside a ransomware negotiation</a></li><li><a href="/d">The password manager question</a></li></ul></aside>
<aside><span>Advertisement</span></aside>
<aside><p>Sign up for the Courier security newsletter today.</p></aside>
<p>Harbor Lynx did not respond to messages sent to an address listed on its leak site.</p>
</div>
</article>
<aside><h3>About the Courier</h3><p>The Example Courier has covered trade and shipping news from its offices in Antwerp since 1921.</p></aside>
<aside class="most-read"><h3>Most read</h3><ol><li><a href="/e">Crane maker recalls software</a></li><li><a href="/f">Strike ends at container terminal</a></li></ol></aside>
</main>
<aside id="secondary" class="widget-area"><p>Browse our archive of maritime reporting going back twenty years.</p></aside>
<footer><p>Copyright The Example Courier.</p></footer>
</body></html>`

var asideKept = []string{
	"Update, June 3",
	"After publication, Quayside Analytics said the same operators also deployed a credential stealer named SaltCrane against Brightmoor Logistics, a freight forwarder in Rotterdam.",
	"What we know\n\n- Group: Harbor Lynx\n- Malware: TideLatch, SaltCrane\n- Victims: three port operators",
	`"Ports are logistics companies with a sea view, and attackers treat them that way."`,
	"Key facts\n\nFirst seen: March 2024\nAccess: stolen VPN credentials\nStatus: contained",
	"Analyst note: Harbor Lynx has reused the TideLatch loader",
}

var asideDropped = []string{
	"Shipping giant restores", "Why ports are a target", // related stories
	"security briefing every Friday", "Sign up", // newsletter with a form, and an unclassed one
	"Dana Whitcombe",                                          // author box
	"outside contributors",                                    // disclaimer
	"Read more", "ransomware negotiation", "password manager", // unclassed link list
	"Advertisement",                           // a label, no sentence
	"About the Courier", "offices in Antwerp", // prose beside the article
	"Most read", "Crane maker", "Browse our archive", "Copyright", // sidebars, footer
}

func TestHTMLContentAsides(t *testing.T) {
	ex := readHTMLString(t, asidePage, Options{})
	text := ex.pages[0]
	t.Logf("engine %s, warnings %q\n%s", ex.engine, ex.warnings, text)
	if ex.engine != "readability" {
		t.Errorf("engine %q, want readability", ex.engine)
	}
	assertContainsAll(t, text, asideKept)
	assertContainsNone(t, text, asideDropped)
	// An aside is a block of its own: its text never glues to the
	// paragraph before or after it.
	for _, pair := range [][2]string{
		{"stayed undetected for several weeks.", "Update, June 3"},
		{"a freight forwarder in Rotterdam.", "Port authorities said"},
		{"have been rebuilt.", "What we know"},
		{"Victims: three port operators", `"Ports are logistics`},
	} {
		i, j := strings.Index(text, pair[0]), strings.Index(text, pair[1])
		if i < 0 || j < 0 {
			continue // reported above
		}
		if between := text[i+len(pair[0]) : j]; between != "\n\n" {
			t.Errorf("between %q and %q: %q, want a blank line", pair[0], pair[1], between)
		}
	}
}

// The fallback walker, used when article detection fails, keeps the same
// asides: those inside the article element, or inside a <main> that holds
// no article element; never one beside the article.
func TestHTMLContentAsidesFallback(t *testing.T) {
	walk := func(page string) string {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		stats := statsOf(doc)
		root, _ := contentRoot(doc, stats)
		wk := &walker{stats: stats}
		wk.node(root, modeFiltered, 0)
		return wk.out.String()
	}
	text := walk(asidePage)
	t.Logf("%s", text)
	assertContainsAll(t, text, asideKept)
	assertContainsNone(t, text, asideDropped)

	// No <article>: <main> is the article, and a prose aside in it stays.
	noArticle := `<html><body><nav><a href="/">Home</a></nav><main>
<p>Investigators linked the intrusion to a group they call Copper Wren.</p>
<aside class="box"><p>Update: Copper Wren also hit a water utility in Ohio, the state's emergency agency said on Tuesday.</p></aside>
</main><aside><p>Our reporters have covered infrastructure security since the first grid attacks.</p></aside></body></html>`
	text = walk(noArticle)
	assertContainsAll(t, text, []string{
		"Investigators linked the intrusion to a group they call Copper Wren.\n\nUpdate: Copper Wren also hit a water utility in Ohio",
	})
	assertContainsNone(t, text, []string{"Our reporters", "Home"})
}

func TestContentAsideRules(t *testing.T) {
	for _, tc := range []struct {
		name, aside string
		keep        bool
	}{
		{"prose update", `<aside class="update"><p>Update: the group also breached two banks in Lagos last week.</p></aside>`, true},
		{"timeline list", `<aside class="timeline"><ol><li>May 2: first intrusion</li><li>May 9: ransom note</li></ol></aside>`, true},
		{"fact table", `<aside><table><tr><td>Actor</td><td>Copper Wren</td></tr><tr><td>Sector</td><td>Water</td></tr></table></aside>`, true},
		{"definition list", `<aside><dl><dt>Copper Wren</dt><dd>A group first seen in 2022</dd></dl></aside>`, true},
		{"role complementary", `<aside role="complementary"><p>The agency has issued three advisories about the group since 2021.</p></aside>`, true},
		{"role navigation", `<aside role="navigation"><p>The agency has issued three advisories about the group since 2021.</p></aside>`, false},
		{"related class", `<aside class="related"><p>The agency has issued three advisories about the group since 2021.</p></aside>`, false},
		{"camel promo class", `<aside class="inlinePromo"><p>The agency has issued three advisories about the group since 2021.</p></aside>`, false},
		{"share bar", `<aside class="share-bar"><p>Share this story with your colleagues and friends today.</p></aside>`, false},
		{"author bio", `<aside class="author"><p>Kim Park is a reporter who has covered the group since 2021.</p></aside>`, false},
		{"form control", `<aside class="box"><p>Tell us what you think about this story in a few words.</p><textarea></textarea></aside>`, false},
		{"short call to action", `<aside><p>Subscribe to get stories like this one every morning.</p></aside>`, false},
		{"link dense", `<aside><p><a href="/x">The agency has issued three advisories about the group since 2021.</a></p></aside>`, false},
		{"no sentence", `<aside><h4>Copper Wren</h4></aside>`, false},
		{"hidden", `<aside hidden><p>The agency has issued three advisories about the group since 2021.</p></aside>`, false},
		// Teaser words count as a whole class name or a teaser compound,
		// not inside an update box's or an actor box's class.
		{"actor profile class", `<aside class="threat-actor-profile"><p>Copper Wren is believed to operate from Eastern Europe and targets water utilities.</p></aside>`, true},
		{"latest-update class", `<aside class="latest-update"><p>Update: Copper Wren also breached a dam operator in Idaho last week.</p></aside>`, true},
		{"more-info class", `<aside class="box--more-info"><p>Copper Wren has used the same loader in at least four intrusions since 2022.</p></aside>`, true},
		{"read-more class", `<aside class="read-more"><p>The agency has issued three advisories about the group since 2021.</p></aside>`, false},
		{"readNext class", `<aside class="readNext"><p>The agency has issued three advisories about the group since 2021.</p></aside>`, false},
		{"class more", `<aside class="more"><p>The agency has issued three advisories about the group since 2021.</p></aside>`, false},
		{"user profile class", `<aside class="user-profile"><p>Kim Park has written for the paper about utilities for ten years.</p></aside>`, false},
		// Furniture by its opening words, whatever the class.
		{"reporter bio", `<aside><p>Kim Park is a senior reporter at the Daily Ledger who previously worked for Reuters.</p></aside>`, false},
		{"reporter covers", `<aside><p>Lena Marsh covers infrastructure security for the Daily Ledger from Chicago.</p></aside>`, false},
		{"disclosure", `<aside><p>Disclosure: The Daily Ledger is owned by Ledger Holdings, a client of Quill Labs in Ohio.</p></aside>`, false},
		{"about us", `<aside><h3>About us</h3><p>The Daily Ledger is an independent paper founded in 2009 by former wire reporters.</p></aside>`, false},
		{"tags and category", `<aside><p>Tags: Security, Water, Ohio</p><p>Category: World News</p></aside>`, false},
		{"filed under", `<aside><p>Filed under Security, Utilities and Ohio news this week</p></aside>`, false},
		{"tag labels are no facts", `<aside><p>Posted in: Security</p><p>Share: Email, Print</p></aside>`, false},
		{"headline list", `<aside><h4>Also on the Daily Ledger</h4><ul><li>Ransom gang returns after takedown</li><li>Vendor patches mail server flaw</li></ul></aside>`, false},
		// A sentence that merely holds a sign-up word is no call to
		// action; a call to action after an update leaves the update.
		{"update with subscribe", `<aside><p>Update: Copper Wren also sent phishing emails asking staff at a utility to subscribe to a fake newsletter.</p></aside>`, true},
		{"update then follow us", `<aside class="callout"><p>Update: investigators said on Friday that Copper Wren also breached a dam operator. Follow us for more.</p></aside>`, true},
		{"calls to action only", `<aside><p>Sign up for our weekly digest. Follow us for more stories like this one.</p></aside>`, false},
		// A timeline written as "Year: event" paragraphs.
		{"timeline paragraphs", `<aside class="timeline"><p>2021: Copper Wren hits a water utility</p><p>2022: Copper Wren returns with a new loader</p></aside>`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><body><main><article><p>Copper Wren is a threat group that the agency has tracked for years.</p>` + tc.aside + `</article></main></body></html>`
			doc, err := html.Parse(strings.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			stats := statsOf(doc)
			wk := &walker{stats: stats}
			wk.node(doc, modeFiltered, 0)
			kept := strings.Contains(wk.out.String(), "\n\n")
			if kept != tc.keep {
				t.Errorf("kept %v, want %v:\n%s", kept, tc.keep, wk.out.String())
			}
		})
	}
}

// A name in an editor's note or a quote near the top is no byline: the
// byline from the page's metadata is still written.
func TestWithHeadlineBylineInProse(t *testing.T) {
	body := "Editor's note: Ada Byron and Quill Labs are invented for this sample.\n\nThe group struck again."
	if got := withHeadline(body, "", "Ada Byron"); !strings.HasPrefix(got, "By Ada Byron\n\n") {
		t.Errorf("byline not written: %q", got)
	}
	// A bio line, or "by" inside a sentence, is no byline either.
	for _, body := range []string{
		"Ada Byron is a senior reporter who covers national security.\n\nThe group struck again.",
		"The group struck again.\n\nThis story was written by Ada Byron, who covers the region.",
		// a month's first letters are no date ("may", "marked", "decided")
		"Ada Byron may have been the first to see the breach.\n\nThe group struck again.",
		"Ada Byron decided to call the vendor.\n\nThe group struck again.",
	} {
		if got := withHeadline(body, "", "Ada Byron"); !strings.HasPrefix(got, "By Ada Byron\n\n") {
			t.Errorf("byline not written: %q", got)
		}
	}
	for _, head := range []string{"Posted by Ada Byron on May 2\n\nText.", "Ada Byron | May 2\n\nText.", "BY ADA BYRON\n\nText.",
		"By Ada Byron and Ken Ito\n\nText.", "Ada Byron, Lisbon\n\nText.", "Ada Byron\n\nText.", "Ada Byron 2 May 2024\n\nText.", "Ada Byron May 2, 2024\n\nText.", "Ada Byron Sept. 14\n\nText.", "Home · by Ada Byron\n\nText.",
		"Ada Byron Security correspondent · 12 May 2024\n\nText."} {
		if got := withHeadline(head, "", "Ada Byron"); got != head {
			t.Errorf("byline repeated: %q", got)
		}
	}
}

// An aside readability itself kept — its class holds one of readability's
// positive words ("article", "story", "content") — is judged like any
// other aside, not dropped for its tag.
func TestHTMLKeptAsideJudged(t *testing.T) {
	for _, class := range []string{"article-aside", "story-update", "context-box", "post-aside"} {
		page := `<html><head><title>Copper Wren hits utilities</title></head><body><main><article><h1>Copper Wren hits utilities</h1>
<p>Investigators at Quill Labs said on Monday that a hacking group they call Copper Wren broke into the billing systems of two water utilities in Ohio over the winter, taking customer records.</p>
<p>The intrusions began with phishing emails that carried a loader, which then installed a backdoor on the utilities' servers, the investigators wrote in their report.</p>
<aside class="` + class + `"><p>Update: the state's emergency agency said on Tuesday that Copper Wren also breached a dam operator in Idaho.</p></aside>
<aside class="` + class + `"><h4>Read more</h4><ul><li><a href="/a">Utility restores billing after attack</a></li><li><a href="/b">Why water is a target</a></li></ul></aside>
</article></main></body></html>`
		ex := readHTMLString(t, page, Options{})
		text := ex.pages[0]
		if ex.engine != "readability" {
			t.Errorf("%s: engine %q, want readability", class, ex.engine)
		}
		assertContainsAll(t, text, []string{"wrote in their report.\n\nUpdate: the state's emergency agency said on Tuesday that Copper Wren also breached a dam operator in Idaho."})
		assertContainsNone(t, text, []string{"Read more", "Utility restores"})
	}
}

// A page without an article element: readability keeps the content
// container, and its "About us" aside stays out.
func TestHTMLAboutAsideNoArticle(t *testing.T) {
	page := `<html><head><title>Copper Wren hits utilities</title></head><body><div id="page"><div id="content"><h1>Copper Wren hits utilities</h1>
<p>Investigators at Quill Labs said on Monday that a hacking group they call Copper Wren broke into the billing systems of two water utilities in Ohio over the winter, taking customer records.</p>
<p>The intrusions began with phishing emails that carried a loader, which then installed a backdoor on the utilities' servers, the investigators wrote in their report.</p>
<p>State officials declined to comment on the findings, and the utilities did not answer requests for comment before publication.</p>
<aside><h3>About us</h3><p>The Daily Ledger is an independent paper founded in 2009 by former wire reporters based in Chicago.</p></aside>
<aside class="box"><p>Update: the state's emergency agency said on Tuesday that Copper Wren also breached a dam operator in Idaho.</p></aside>
</div></div></body></html>`
	text := readHTMLString(t, page, Options{}).pages[0]
	assertContainsAll(t, text, []string{"Copper Wren also breached a dam operator"})
	assertContainsNone(t, text, []string{"About us", "independent paper"})
}

// The bio of the byline's author is dropped even without a reporter's
// title in it; a sentence naming someone else stays.
func TestContentAsideAuthorBio(t *testing.T) {
	page := `<html><head><title>T</title><meta name="author" content="Ada Byron and Ken Ito"></head><body><main><article>
<p>Investigators at Quill Labs said on Monday that a hacking group they call Copper Wren broke into the billing systems of two water utilities in Ohio.</p>
<aside><p>Ken Ito spent ten years at a national cyber agency before joining the paper in 2020.</p></aside>
<aside><p>Update: Lena Marsh of Quill Labs said Copper Wren also breached a dam operator in Idaho.</p></aside>
</article></main></body></html>`
	text := readHTMLString(t, page, Options{}).pages[0]
	assertContainsAll(t, text, []string{"By Ada Byron and Ken Ito", "Update: Lena Marsh of Quill Labs"})
	assertContainsNone(t, text, []string{"ten years at a national cyber agency"})
}

// nestedAsidePage is one article paragraph and a 20,000-item list inside
// depth nested asides: hostile input for a walk that re-reads each aside's
// subtree.
func nestedAsidePage(tb testing.TB, depth int) *html.Node {
	var b strings.Builder
	b.WriteString(`<html><body><main><article><p>Copper Wren is a threat group that the agency has tracked for years.</p>`)
	b.WriteString(strings.Repeat(`<aside>`, depth))
	b.WriteString(`<ul>`)
	b.WriteString(strings.Repeat(`<li>item</li>`, 20000))
	b.WriteString(`</ul>`)
	b.WriteString(strings.Repeat(`</aside>`, depth))
	b.WriteString(`</article></main></body></html>`)
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// walkFiltered runs the walker as the HTML reader does and returns its text.
func walkFiltered(doc *html.Node) string {
	wk := &walker{stats: statsOf(doc)}
	wk.node(doc, modeFiltered, 0)
	return wk.out.String()
}

// A list inside 400 nested asides is kept whole, as inside one aside.
func TestContentAsidesNested(t *testing.T) {
	for _, depth := range []int{1, 400} {
		if got := strings.Count(walkFiltered(nestedAsidePage(t, depth)), "- item"); got != 20000 {
			t.Errorf("depth %d: %d of 20000 list items kept", depth, got)
		}
	}
}

// Nested asides cost one pass: the counts contentAside needs come from
// statsOf, so 400 asides around one long list should take about as long as
// one (compare the two sub-benchmarks' ns/op; `make bench`). A benchmark,
// not a timed test: timings on a shared machine are no pass/fail signal.
func BenchmarkContentAsidesNested(b *testing.B) {
	for _, depth := range []int{1, 400} {
		doc := nestedAsidePage(b, depth)
		b.Run(fmt.Sprintf("depth-%d", depth), func(b *testing.B) {
			for range b.N {
				walkFiltered(doc)
			}
		})
	}
}
