package rules

import (
	"regexp"
	"sort"
	"strings"
)

// "The paper", "the newspaper", "the broadcaster" mean the news outlet
// named before, and only a news outlet: a company the text does not name
// or describe as one ("the paper" of a vendor is its white paper) is no
// antecedent.

// newsAnaphorHeads are the last words of such anaphors.
var newsAnaphorHeads = map[string]bool{"paper": true, "newspaper": true, "broadcaster": true}

// newsChooser refuses a pick that is no news outlet by name or description.
type newsChooser struct{}

func (newsChooser) name() string { return "news-outlet" }

func (newsChooser) choose(q *anaphorQuery) verdict {
	if q.k < 0 || q.c.end <= q.c.start || !newsAnaphorHeads[q.d.fold[q.c.end-1]] {
		return goOn
	}
	if !q.d.newsOutlet(q.k) {
		return refuse
	}
	return goOn
}

// The pack lists (core-phrases.yaml) that make a name a news outlet's: a
// word of the names (the publication rules' last words and other outlets'
// words), or a noun of news_outlet_nouns describing it.
const (
	listPublicationTails          = "publication_tails"
	listPublicationTailsAmbiguous = "publication_tails_ambiguous"
	listNewsOutletNames           = "news_outlet_names"
	listNewsOutletNouns           = "news_outlet_nouns"
)

// newsWords are those lists as patterns.
type newsWords struct {
	// name matches a word of a news outlet's name ("Times", "Rundfunk");
	// nil when the lists are empty.
	name *regexp.Regexp
	// before matches a description right before the name ("the German
	// public broadcaster Bayerischer Rundfunk"), after one right after it
	// (", a daily newspaper"). Their nouns are news_outlet_nouns and the
	// anaphors' own heads ("the paper Aftenposten").
	before, after *regexp.Regexp
}

func newsLists(lists map[string]*listSpec) newsWords {
	names := alternation(lists[listPublicationTails], lists[listPublicationTailsAmbiguous], lists[listNewsOutletNames])
	var heads []string
	for h := range newsAnaphorHeads {
		heads = append(heads, regexp.QuoteMeta(h))
	}
	nouns := alternation(lists[listNewsOutletNouns])
	if nouns != "" {
		nouns += "|"
	}
	sort.Strings(heads)
	nouns += strings.Join(heads, "|")
	w := newsWords{
		before: regexp.MustCompile(`(?i)\b(` + nouns + `)\s+$`),
		after:  regexp.MustCompile(`(?i)^\s*(\([^)]*\)\s*)?,\s+(a|an|the)\s+([\w-]+\s+){0,3}(` + nouns + `)\b`),
	}
	if names != "" {
		w.name = regexp.MustCompile(`(?i)\b(` + names + `)\b`)
	}
	return w
}

// alternation joins the items of ls as a regular expression's
// alternatives, a space inside an item matching any run of spaces.
func alternation(ls ...*listSpec) string {
	var alt []string
	for _, l := range ls {
		if l == nil {
			continue
		}
		for _, it := range l.items {
			if f := strings.Fields(it.s); len(f) > 0 {
				for i := range f {
					f[i] = regexp.QuoteMeta(f[i])
				}
				alt = append(alt, strings.Join(f, `\s+`))
			}
		}
	}
	return strings.Join(alt, "|")
}

// newsOutlet reports whether the mention k is a news outlet by its name or
// the words the text puts around it.
func (d *docState) newsOutlet(k int) bool {
	c := &d.acc[k]
	w := &d.p.news
	if w.name != nil && w.name.MatchString(d.text[c.start:c.end]) {
		return true
	}
	lo := max(0, c.start-60)
	if w.before.MatchString(strings.ReplaceAll(d.text[lo:c.start], "\n", " ")) {
		return true
	}
	hi := min(len(d.text), c.end+80)
	return w.after.MatchString(d.text[c.end:hi])
}
