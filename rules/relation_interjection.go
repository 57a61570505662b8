package rules

// Reporting interjections between subject and predicate. "APT28, the report
// says, targets defence ministries", "Lazarus, it says, has hit banks",
// "The campaign, researchers said, had hit ...", "Turla, said ESET, used
// Kazuar", "X, according to Mandiant, ...": a clause of saying set off by
// commas names who reports, not a party to the relation, and hides the
// predicate from a rule that starts with its subject. Like a relative
// clause on an ecosystem relation's subject (relation_aside.go), a rule of
// any type that opens with a slot and finds no match at a name followed by
// such an aside is tried again with the rest of its pattern after the
// aside's closing comma (matchPastRelative).

// interjectionSayVerbs are the verbs of saying that make a comma-bounded
// aside a reporting interjection: those that open a relative clause's own
// predicate (reportedClauseVerbs, relation_aside.go) and more.
var interjectionSayVerbs = func() map[string]bool {
	out := map[string]bool{}
	for w := range reportedClauseVerbs {
		out[w] = true
	}
	for _, w := range []string{"writes", "wrote", "notes", "noted", "adds", "added", "states", "stated",
		"explains", "explained", "argue", "found", "finds", "told", "tells", "warns", "warned", "concludes",
		"concluded", "estimates", "estimated"} {
		out[w] = true
	}
	return out
}()

// interjectionNotReporter are words that make the words before the verb a
// clause of its own rather than a reporter ("and researchers said", "when
// it was found", "which Mandiant says": relation_aside.go).
var interjectionNotReporter = map[string]bool{"and": true, "or": true, "but": true, "nor": true, "which": true,
	"who": true, "whom": true, "whose": true, "that": true, "while": true, "whereas": true, "when": true,
	"if": true, "because": true, "although": true, "though": true, "since": true, "after": true,
	"before": true, "not": true, "never": true, "is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "has": true, "have": true, "had": true, "to": true, "where": true, "once": true,
	"until": true, "unless": true, "so": true, "then": true, "also": true}

// interjectionTail may follow the verb inside the aside: "the company said
// in a statement", "it said on Tuesday", "an official told Reuters".
var interjectionTail = map[string]bool{"in": true, "on": true, "at": true, "last": true, "this": true,
	"earlier": true, "later": true, "recently": true, "previously": true, "today": true, "yesterday": true,
	"during": true, "publicly": true}

const (
	interjectionMaxReporter = 5 // "the report", "Mandiant researchers", "US officials familiar with it"
	interjectionMaxTail     = 4 // "in a statement", "on Tuesday"
	interjectionMaxTokens   = 10
)

// interjectionEnd returns the index of the comma closing a reporting
// interjection that opens with the comma at token t, before hi; else 0.
func (d *docState) interjectionEnd(t, hi int) int {
	if t+2 >= hi || d.fold[t] != "," {
		return 0
	}
	k := d.closingComma(t+1, min(hi, t+2+interjectionMaxTokens))
	if k <= t+2 {
		return 0
	}
	if d.isInterjection(t+1, k) {
		return k
	}
	return 0
}

// isInterjection reports whether tokens lo..hi-1 are a clause of saying:
// "the report says", "researchers said in a blog", "said ESET",
// "according to Microsoft", "as Symantec reported".
func (d *docState) isInterjection(lo, hi int) bool {
	if hi-lo >= 2 && d.fold[lo] == "according" && d.fold[lo+1] == "to" {
		return hi-lo-2 >= 1 && hi-lo-2 <= 6 && !d.hasQuote(lo, hi)
	}
	if d.fold[lo] == "as" {
		lo++ // "as Symantec reported"
		if hi-lo < 2 {
			return false
		}
	}
	if d.hasQuote(lo, hi) {
		return false
	}
	// "said ESET", "says the report", "noted researchers at Acme"
	if interjectionSayVerbs[d.fold[lo]] && d.fold[lo] != "found" && hi-lo-1 >= 1 && hi-lo-1 <= interjectionMaxReporter {
		for j := lo + 1; j < hi; j++ {
			if interjectionNotReporter[d.fold[j]] || interjectionSayVerbs[d.fold[j]] {
				return false
			}
		}
		return true
	}
	for v := lo + 1; v < hi && v <= lo+interjectionMaxReporter; v++ {
		if interjectionNotReporter[d.fold[v-1]] {
			return false
		}
		if !interjectionSayVerbs[d.fold[v]] {
			continue
		}
		tail := hi - v - 1
		if tail == 0 {
			return true
		}
		return tail <= interjectionMaxTail && (interjectionTail[d.fold[v+1]] || d.fold[v] == "told" || d.fold[v] == "tells")
	}
	return false
}

func (d *docState) hasQuote(lo, hi int) bool {
	for j := lo; j < hi; j++ {
		switch d.fold[j] {
		case "\"", "“", "”", "(", ")":
			return true
		}
	}
	return false
}

// interjectionNear reports whether a reporting interjection opens within a
// mention's reach after token i: the cheap test before a rule of a type
// other than the ecosystem relations is matched again past one.
func (d *docState) interjectionNear(i, hi int) bool {
	for t := i + 1; t < hi && t <= i+12; t++ {
		switch d.fold[t] {
		case ".", ";", ":":
			return false
		case ",":
			return d.interjectionEnd(t, hi) > 0
		}
	}
	return false
}

// interjectionAround returns the index of the comma closing a reporting
// interjection that holds token i ("Kimsuky, US officials told Reuters,
// targeted ..."), or 0. A match that starts at the reporter and runs past
// that comma reads the reporter as the subject of the main clause: in the
// example Reuters targeted nothing.
func (d *docState) interjectionAround(i, hi int) int {
	lo := d.sentLo[d.sentOf[i]]
	for t := i - 1; t >= lo && t >= i-interjectionMaxTokens-1; t-- {
		switch d.fold[t] {
		case ".", ";", ":":
			return 0
		case ",":
			if k := d.interjectionEnd(t, hi); k > i {
				return k
			}
			return 0
		}
	}
	return 0
}
