package rules

// The title of a report. The topic tallies count a name in the title
// twice (relation_topic.go), and a report whose title names a campaign is
// about it (relation_topic_subject.go). The title is the first sentence,
// but a news page often opens with its section's breadcrumb, a short line
// of section names set off by separators ("Technology › Security",
// "Politics / Cyber"), and then the headline: the breadcrumb is no
// sentence of the report, and the headline after it is the title.

// breadcrumbSeparators are the tokens between the section names of a
// breadcrumb.
var breadcrumbSeparators = map[string]bool{"›": true, "»": true, ">": true, "/": true, "|": true}

// breadcrumbMaxTokens is the longest breadcrumb line, in tokens.
const breadcrumbMaxTokens = 9

// titleSentence reports whether sentence si is (part of) the title: one
// of the first topicTitleSentences sentences, counted after a leading
// breadcrumb.
func (d *docState) titleSentence(si int) bool {
	if si < topicTitleSentences {
		return !d.leadingBreadcrumb()
	}
	return si == topicTitleSentences && d.leadingBreadcrumb()
}

// leadingBreadcrumb reports whether the first sentence is a breadcrumb: a
// line of a few capitalised words with a separator between two of them,
// no full stop, and a blank line after it.
func (d *docState) leadingBreadcrumb() bool {
	if len(d.sents) < 2 || len(d.sentLo) < 2 {
		return false
	}
	lo, hi := d.sentLo[0], d.sentLo[1]
	if hi-lo < 3 || hi-lo > breadcrumbMaxTokens || hi >= len(d.tokText) || !d.blankLineBefore(hi) {
		return false
	}
	sep := false
	for j := lo; j < hi; j++ {
		w := d.tokText[j]
		switch {
		case breadcrumbSeparators[w]:
			if j == lo || j == hi-1 {
				return false
			}
			sep = true
		case w == "." || w == "!" || w == "?" || w == ":":
			return false
		}
	}
	return sep && startsUpper(d.tokText[lo])
}
