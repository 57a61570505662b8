package rules

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// Go's regexp has no DFA, so running a dozen indicator expressions over
// every token of a long report would dominate matching time. Instead each
// expression is analysed once: a match is at least minLen bytes long, and
// (when we can tell) it must contain one byte of a small "required" set, or
// start with a byte of a "first" set. Tokens failing these cheap checks are
// skipped without running the expression.

// byteSet is a set of bytes.
type byteSet [256]bool

func (s *byteSet) union(o *byteSet) {
	for i, v := range o {
		if v {
			s[i] = true
		}
	}
}

// anyIn reports whether some byte of str is in s.
func (s *byteSet) anyIn(str string) bool {
	for i := 0; i < len(str); i++ {
		if s[str[i]] {
			return true
		}
	}
	return false
}

// cost estimates how often a byte of the set appears in CTI prose, so the
// rarest required set can be chosen. Only the order matters.
func (s *byteSet) cost() float64 {
	c := 0.0
	for b, in := range s {
		if !in {
			continue
		}
		switch {
		case b >= 'a' && b <= 'z':
			c += 6
		case b >= 'A' && b <= 'Z':
			c += 0.8
		case b >= '0' && b <= '9':
			c += 0.4
		case b == ' ':
			c += 15
		case b == '.' || b == ',' || b == '-':
			c += 0.5
		case b >= 0x80:
			c += 0.2
		default:
			c += 0.05
		}
	}
	return c
}

// prefilter is what the analysis of an expression found.
type prefilter struct {
	minLen   int
	first    *byteSet // nil: unknown
	required *byteSet // nil: unknown
}

// analyse computes the prefilter of a regular expression.
func analyse(expr string) prefilter {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return prefilter{}
	}
	re = re.Simplify()
	a := info(re)
	pf := prefilter{minLen: a.minLen}
	if a.firstOK && !a.nullable {
		pf.first = a.first
	}
	if a.req != nil {
		pf.required = a.req
	}
	return pf
}

// allows reports whether s may hold a match of the expression anywhere.
func (pf *prefilter) allows(s string) bool {
	if len(s) < pf.minLen {
		return false
	}
	if pf.required != nil && !pf.required.anyIn(s) {
		return false
	}
	return true
}

// allowsAnchored reports whether s may match an expression anchored at its
// start (pattern token regexes are matched against the whole token).
func (pf *prefilter) allowsAnchored(s string) bool {
	if len(s) < pf.minLen {
		return false
	}
	if pf.first != nil && (len(s) == 0 || !pf.first[s[0]]) {
		return false
	}
	if pf.required != nil && !pf.required.anyIn(s) {
		return false
	}
	return true
}

type reInfo struct {
	minLen   int
	nullable bool     // can match the empty string
	first    *byteSet // bytes a non-empty match can start with
	firstOK  bool
	req      *byteSet // every match holds a byte of this set; nil unknown
}

func runeBytes(set *byteSet, r rune, fold bool) {
	add := func(r rune) {
		if r < utf8.RuneSelf {
			set[byte(r)] = true
			return
		}
		var buf [utf8.UTFMax]byte
		utf8.EncodeRune(buf[:], r)
		set[buf[0]] = true
	}
	add(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			add(f)
		}
	}
}

func classBytes(ranges []rune) *byteSet {
	set := new(byteSet)
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
			set[byte(r)] = true
		}
		if hi >= utf8.RuneSelf {
			// Any multi-byte rune: mark every lead byte.
			for b := 0xC0; b < 0x100; b++ {
				set[b] = true
			}
		}
	}
	return set
}

func info(re *syntax.Regexp) reInfo {
	fold := re.Flags&syntax.FoldCase != 0
	switch re.Op {
	case syntax.OpNoMatch:
		return reInfo{minLen: 1 << 20, first: new(byteSet), firstOK: true}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return reInfo{nullable: true, first: new(byteSet), firstOK: true}
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return reInfo{nullable: true, first: new(byteSet), firstOK: true}
		}
		first := new(byteSet)
		runeBytes(first, re.Rune[0], fold)
		n := 0
		var best *byteSet
		for _, r := range re.Rune {
			n += utf8.RuneLen(r)
			s := new(byteSet)
			runeBytes(s, r, fold)
			if best == nil || s.cost() < best.cost() {
				best = s
			}
		}
		return reInfo{minLen: n, first: first, firstOK: true, req: best}
	case syntax.OpCharClass:
		set := classBytes(re.Rune)
		return reInfo{minLen: 1, first: set, firstOK: true, req: set}
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return reInfo{minLen: 1}
	case syntax.OpCapture:
		return info(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		s := info(re.Sub[0])
		return reInfo{nullable: true, first: s.first, firstOK: s.firstOK}
	case syntax.OpPlus:
		return info(re.Sub[0])
	case syntax.OpRepeat:
		s := info(re.Sub[0])
		if re.Min == 0 {
			return reInfo{nullable: true, first: s.first, firstOK: s.firstOK}
		}
		s.minLen *= re.Min
		return s
	case syntax.OpConcat:
		out := reInfo{nullable: true, first: new(byteSet), firstOK: true}
		for _, sub := range re.Sub {
			s := info(sub)
			if out.nullable {
				if s.firstOK && out.firstOK {
					out.first.union(s.first)
				} else {
					out.firstOK = false
				}
			}
			out.minLen += s.minLen
			out.nullable = out.nullable && s.nullable
			if s.req != nil && (out.req == nil || s.req.cost() < out.req.cost()) {
				out.req = s.req
			}
		}
		return out
	case syntax.OpAlternate:
		out := reInfo{minLen: 1 << 30, first: new(byteSet), firstOK: true, req: new(byteSet)}
		for _, sub := range re.Sub {
			s := info(sub)
			out.minLen = min(out.minLen, s.minLen)
			out.nullable = out.nullable || s.nullable
			if s.firstOK {
				out.first.union(s.first)
			} else {
				out.firstOK = false
			}
			if s.req != nil && out.req != nil {
				out.req.union(s.req)
			} else {
				out.req = nil
			}
		}
		return out
	}
	return reInfo{}
}
