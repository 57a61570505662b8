package rules

import (
	"fmt"
	"strings"

	"github.com/reportgraph/extractor"
)

// Plural anaphors for companies. Advisories name several firms and then
// say what "the three companies" or "the firms" do: "The advisory names
// A, B and C. The three companies supply tools to the MSS" ties all three
// to the MSS. An anaphor whose last word is a plural company noun resolves,
// as any anaphor does, to the nearest organisation before it; orgGroupEnds
// adds the others it stands for.

// orgGroupHeads are the last words of plural company anaphors.
var orgGroupHeads = map[string]bool{"companies": true, "firms": true, "contractors": true, "corporations": true,
	"vendors": true, "businesses": true, "enterprises": true, "suppliers": true, "entities": true}

// orgGroupEnds returns the organisations a plural company anaphor at cap c
// whose antecedent is e stands for, e first; nil when c is no such anaphor.
// A number ("the three companies", "both firms") takes that many
// organisations, nearest first, from e's sentence back to the sentence
// before it ("added B and C, and said the three companies ..." after a
// sentence naming A); a number it cannot fill gives e alone. Without a
// number ("the companies") it is the coordinated list e ends ("A, B and
// C"), which a report's other firms named in passing are not part of.
func (d *docState) orgGroupEnds(c capRec, e endpoint, skip []extractor.Span) []endpoint {
	if e.coref == "" || c.end-c.start < 2 || !orgGroupHeads[d.fold[c.end-1]] {
		return nil
	}
	k := d.accAt(e.span)
	if k < 0 || d.acc[k].typ != extractor.Organization {
		return nil
	}
	n := 0
	if m, ok := groupWords[d.fold[c.end-2]]; ok && m > 0 && d.fold[c.end-2] != "their" {
		n = m // "the three companies", "both firms"
	}
	phrase := d.text[c.bs:c.be]
	seen := map[string]bool{strings.ToLower(d.surface(&d.acc[k])): true}
	out := []endpoint{e}
	take := func(j int) {
		a := &d.acc[j]
		key := strings.ToLower(d.surface(a))
		if seen[key] || skipped(a, skip) {
			return
		}
		seen[key] = true
		out = append(out, endpoint{span: extractor.Span{Start: a.start, End: a.end},
			coref: fmt.Sprintf("%q → %s", phrase, d.surface(a))})
	}
	if n == 0 {
		// The list e closes: organisations joined by ",", "and", ", and".
		last := k
		for j := k - 1; j >= 0; j-- {
			a := &d.acc[j]
			if a.typ != extractor.Organization {
				continue
			}
			if !d.listJoined(int(a.tokE), int(d.acc[last].tokS)) {
				break
			}
			take(j)
			last = j
		}
		return out
	}
	si := int(d.sentOf[d.acc[k].tokS])
	for j := k - 1; j >= 0 && len(out) < n && int(d.sentOf[d.acc[j].tokS]) >= si-1; j-- {
		if d.acc[j].typ == extractor.Organization && d.acc[j].end <= c.bs {
			take(j)
		}
	}
	if len(out) != n {
		return []endpoint{e}
	}
	return out
}
