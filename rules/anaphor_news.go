package rules

import (
	"regexp"
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

// newsNameWord matches a word of a news outlet's name.
var newsNameWord = regexp.MustCompile(`(?i)\b(times|post|journal|news|herald|tribune|gazette|guardian|telegraph|observer|` +
	`chronicle|daily|broadcasting|broadcast|rundfunk|radio|television|tv|bbc|cnn|reuters|bloomberg|press|mail|express|` +
	`yomiuri|shimbun|asahi|mainichi|zeitung|spiegel|monde|figaro|tidende|dagbladet|aftenposten|nikkei|politico|wired)\b`)

// newsDescription matches a description of a news outlet right before its
// name ("the German public broadcaster Bayerischer Rundfunk") or right
// after it (", a daily newspaper").
var (
	newsBefore = regexp.MustCompile(`(?i)\b(newspaper|broadcaster|paper|daily|tabloid|news outlet|news agency|news site|news website|magazine|outlet|public broadcaster)\s+$`)
	newsAfter  = regexp.MustCompile(`(?i)^\s*(\([^)]*\)\s*)?,\s+(a|an|the)\s+([\w-]+\s+){0,3}(newspaper|broadcaster|paper|daily|tabloid|news outlet|news agency|news site|magazine)\b`)
)

// newsOutlet reports whether the mention k is a news outlet by its name or
// the words the text puts around it.
func (d *docState) newsOutlet(k int) bool {
	c := &d.acc[k]
	if newsNameWord.MatchString(d.text[c.start:c.end]) {
		return true
	}
	lo := max(0, c.start-60)
	if newsBefore.MatchString(strings.ReplaceAll(d.text[lo:c.start], "\n", " ")) {
		return true
	}
	hi := min(len(d.text), c.end+80)
	return newsAfter.MatchString(d.text[c.end:hi])
}
