package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// stopList holds every stop rule's words, keyed by their normalised text.
// A candidate whose whole text is a stop word for its type never becomes a
// mention; this is checked before conflicts are settled, so a stopped match
// cannot hide a shorter good one.
type stopList struct {
	exact map[string][]stopHit // case-sensitive words
	fold  map[string][]stopHit // case-insensitive words, case-folded
}

type stopHit struct {
	types typeMask
	rule  int32
}

// stopKey collapses runs of white space so that a phrase broken over lines
// still matches.
func stopKey(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, " \t\n\r\f\v") {
		s = oneSpace(s)
	}
	return s
}

func (c *compiler) stop(r *rule) int {
	spec := c.r
	sl := c.p.stops
	var types typeMask
	if len(spec.types) == 0 {
		types = anyType
	}
	for _, t := range spec.types {
		if t.s == "any" {
			types |= anyType
		} else {
			types |= maskOf(extractor.EntityType(t.s))
		}
	}
	sensitive := spec.cas == "sensitive"
	if spec.cas == "auto" {
		c.errorf(spec.fields["case"], "stop rules take case: sensitive or insensitive")
	}
	n := 0
	for _, w := range spec.words {
		k := stopKey(normPunct(w.s))
		if k == "" {
			c.errorf(w.node, "empty stop word")
			continue
		}
		h := stopHit{types: types, rule: r.idx}
		if sensitive {
			if sl.exact == nil {
				sl.exact = map[string][]stopHit{}
			}
			sl.exact[k] = append(sl.exact[k], h)
		} else {
			if sl.fold == nil {
				sl.fold = map[string][]stopHit{}
			}
			k = strings.ToLower(k)
			sl.fold[k] = append(sl.fold[k], h)
		}
		n++
	}
	return n
}

// stops returns the stop rule that removes a candidate of type t with this
// text, or -1.
func (s *stopList) stops(t extractor.EntityType, text string) int32 {
	if s.exact == nil && s.fold == nil {
		return -1
	}
	k := stopKey(normPunct(text))
	m := maskOf(t)
	for _, h := range s.exact[k] {
		if h.types&m != 0 {
			return h.rule
		}
	}
	if s.fold != nil {
		for _, h := range s.fold[strings.ToLower(k)] {
			if h.types&m != 0 {
				return h.rule
			}
		}
	}
	return -1
}
