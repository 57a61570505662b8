package document

import (
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
	for _, head := range []string{"Posted by Ada Byron on May 2\n\nText.", "Ada Byron | May 2\n\nText.", "BY ADA BYRON\n\nText."} {
		if got := withHeadline(head, "", "Ada Byron"); got != head {
			t.Errorf("byline repeated: %q", got)
		}
	}
}
