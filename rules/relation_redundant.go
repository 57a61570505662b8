package rules

import "github.com/reportgraph/extractor"

// A sentence that says how two parties are tied ("the MSS works with
// companies such as Sichuan Juxinhe") may match both a rule for the precise
// tie (contractor-of) and a rule for a loose one (affiliated-with). The
// loose relation then says nothing more and, in a reviewed dataset, is one
// more claim to check: it is dropped when a precise one ties the same two
// mentions, in either direction, in the same sentence.

// preciseTies are the relation types that make affiliated-with redundant.
var preciseTies = map[string]bool{"contractor-of": true, "employed-by": true, "sponsored-by": true,
	"attributed-to": true, "part-of": true}

// dropLooseTies removes the affiliated-with matches of out that a precise
// match of the same sentence and the same two ends makes redundant.
func dropLooseTies(out []RelationMatch) []RelationMatch {
	type pair struct {
		sent extractor.Span
		a, b extractor.Span
	}
	precise := map[pair]bool{}
	for _, m := range out {
		if preciseTies[m.Type] {
			precise[pair{m.Sentence, m.Source, m.Target}] = true
			precise[pair{m.Sentence, m.Target, m.Source}] = true
		}
	}
	if len(precise) == 0 {
		return out
	}
	k := 0
	for _, m := range out {
		if m.Type == "affiliated-with" && precise[pair{m.Sentence, m.Source, m.Target}] {
			continue
		}
		out[k] = m
		k++
	}
	return out[:k]
}

// A sentence that ties two brands of one crew ("Y, which researchers
// consider a rebrand of X") names an actor and, when the old brand is typed
// as ransomware, a malware after it, which the fallback rules read as the
// actor using it. A rule may list in `supersedes` the relation types its
// matches make wrong: a match of such a type, of lower priority, between the
// same two mentions (either direction) in the same sentence is dropped.
func dropSuperseded(out []RelationMatch) []RelationMatch {
	type key struct {
		typ  string
		sent extractor.Span
		a, b extractor.Span
	}
	over := map[key]int{}
	for _, m := range out {
		for _, typ := range m.supersedes {
			for _, k := range []key{{typ, m.Sentence, m.Source, m.Target}, {typ, m.Sentence, m.Target, m.Source}} {
				if p, ok := over[k]; !ok || m.Priority > p {
					over[k] = m.Priority
				}
			}
		}
	}
	if len(over) == 0 {
		return out
	}
	k := 0
	for _, m := range out {
		if p, ok := over[key{m.Type, m.Sentence, m.Source, m.Target}]; ok && m.Priority < p {
			continue
		}
		out[k] = m
		k++
	}
	return out[:k]
}
