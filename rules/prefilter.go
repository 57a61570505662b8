package rules

import (
	"math"
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
	first    *byteSet   // nil: unknown
	required *byteSet   // nil: unknown
	factor   []*byteSet // a run of bytes every match contains; nil: none worth testing
	pre, suf []*byteSet // runs every match starts / ends with
}

// minFactorScore is the rarity (factorScore) a run needs to be worth
// scanning for: about three rare bytes in a row.
const minFactorScore = 12

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
	if sq := seqOf(re); len(sq.fac) > 1 && factorScore(sq.fac) >= minFactorScore {
		pf.factor = sq.fac
	}
	if sq := seqOf(re); true {
		if factorScore(sq.pre) >= minFactorScore/2 {
			pf.pre = sq.pre
		}
		if factorScore(sq.suf) >= minFactorScore/2 {
			pf.suf = sq.suf
		}
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
	return pf.factor == nil || hasRun(s, pf.factor)
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
	if !runAt(s, 0, pf.pre) || !runAt(s, len(s)-len(pf.suf), pf.suf) {
		return false
	}
	return pf.factor == nil || hasRun(s, pf.factor)
}

// runAt reports whether the run of byte sets occurs in s at byte p.
func runAt(s string, p int, run []*byteSet) bool {
	if p < 0 || p+len(run) > len(s) {
		return false
	}
	for k, set := range run {
		if !set[s[p+k]] {
			return false
		}
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

// A match of many indicator expressions must contain a fixed-length run of
// byte classes: a hash 32 hex digits in a row, a CVE id the letters "CVE-"
// and four digits, a technique id "T1" and three digits. factorOf finds
// the most selective such run (a factor), and tokens without it are
// skipped. Positions are bytes, so only ASCII classes and literals take
// part; anything of variable width (".", non-ASCII classes, "x*") ends a
// run.

// maxFactor bounds the runs the analysis builds.
const maxFactor = 64

// seqInfo describes the byte runs of the matches of an expression.
type seqInfo struct {
	exact    []*byteSet // every match is exactly this run (when exactOK)
	exactOK  bool
	pre, suf []*byteSet // every match starts / ends with this run
	fac      []*byteSet // every match contains this run
}

// factorScore estimates how rarely a run occurs in prose: the sum of the
// surprisal of its positions, by byteSet.cost as a frequency.
func factorScore(run []*byteSet) float64 {
	const total = 200.0 // about the sum of cost over all bytes
	s := 0.0
	for _, b := range run {
		p := b.cost() / total
		if p >= 1 {
			continue
		}
		if p <= 0 {
			p = 1e-4
		}
		s -= math.Log2(p)
	}
	return s
}

func betterRun(a, b []*byteSet) []*byteSet {
	if factorScore(b) > factorScore(a) {
		return b
	}
	return a
}

func concatRuns(a, b []*byteSet) []*byteSet {
	out := append(append(make([]*byteSet, 0, len(a)+len(b)), a...), b...)
	return out
}

// asciiSet returns the one-byte set of a rune (with its case folds), or nil
// when a match of it may be longer than one byte.
func asciiSet(r rune, fold bool) *byteSet {
	if r >= utf8.RuneSelf {
		return nil
	}
	set := new(byteSet)
	set[byte(r)] = true
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f >= utf8.RuneSelf {
				return nil
			}
			set[byte(f)] = true
		}
	}
	return set
}

func exactInfo(run []*byteSet) seqInfo {
	return seqInfo{exact: run, exactOK: true, pre: run, suf: run, fac: run}
}

func seqOf(re *syntax.Regexp) seqInfo {
	fold := re.Flags&syntax.FoldCase != 0
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exactInfo(nil)
	case syntax.OpLiteral:
		var run []*byteSet
		for _, r := range re.Rune {
			if !fold && r >= utf8.RuneSelf {
				var buf [utf8.UTFMax]byte
				for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
					set := new(byteSet)
					set[b] = true
					run = append(run, set)
				}
				continue
			}
			set := asciiSet(r, fold)
			if set == nil {
				// A rune of variable width splits the literal: keep the
				// longer known part as a factor only.
				return seqInfo{fac: run}
			}
			run = append(run, set)
		}
		if len(run) > maxFactor {
			return seqInfo{pre: run[:maxFactor], suf: run[len(run)-maxFactor:], fac: run[:maxFactor]}
		}
		return exactInfo(run)
	case syntax.OpCharClass:
		for _, r := range re.Rune {
			if r >= utf8.RuneSelf {
				return seqInfo{}
			}
		}
		return exactInfo([]*byteSet{classBytes(re.Rune)})
	case syntax.OpCapture:
		return seqOf(re.Sub[0])
	case syntax.OpPlus:
		return repeatSeq(seqOf(re.Sub[0]), 1, -1)
	case syntax.OpRepeat:
		return repeatSeq(seqOf(re.Sub[0]), re.Min, re.Max)
	case syntax.OpConcat:
		acc := exactInfo(nil)
		for _, sub := range re.Sub {
			acc = concatSeq(acc, seqOf(sub))
		}
		return acc
	case syntax.OpAlternate:
		subs := make([]seqInfo, len(re.Sub))
		for i, sub := range re.Sub {
			subs[i] = seqOf(sub)
		}
		return alternateSeq(subs)
	}
	// Star, Quest, any character: nothing is known.
	return seqInfo{}
}

func repeatSeq(s seqInfo, lo, hi int) seqInfo {
	if lo < 1 {
		return seqInfo{}
	}
	if !s.exactOK {
		return seqInfo{pre: s.pre, suf: s.suf, fac: s.fac}
	}
	var run []*byteSet
	for k := 0; k < lo && len(run)+len(s.exact) <= maxFactor; k++ {
		run = append(run, s.exact...)
	}
	if lo == hi && len(run) == lo*len(s.exact) {
		return exactInfo(run)
	}
	return seqInfo{pre: run, suf: run, fac: run}
}

func concatSeq(a, b seqInfo) seqInfo {
	if a.exactOK && b.exactOK && len(a.exact)+len(b.exact) <= maxFactor {
		return exactInfo(concatRuns(a.exact, b.exact))
	}
	var out seqInfo
	out.pre = a.pre
	if a.exactOK {
		out.pre = concatRuns(a.exact, b.pre)
	}
	out.suf = b.suf
	if b.exactOK {
		out.suf = concatRuns(a.suf, b.exact)
	}
	out.pre, out.suf = clip(out.pre, false), clip(out.suf, true)
	out.fac = betterRun(betterRun(a.fac, b.fac), clip(concatRuns(a.suf, b.pre), false))
	out.fac = betterRun(betterRun(out.fac, out.pre), out.suf)
	return out
}

// clip keeps at most maxFactor positions: the first ones of a prefix, the
// last ones of a suffix.
func clip(run []*byteSet, tail bool) []*byteSet {
	if len(run) <= maxFactor {
		return run
	}
	if tail {
		return run[len(run)-maxFactor:]
	}
	return run[:maxFactor]
}

// alternateSeq: the alternatives' runs merged position by position.
func alternateSeq(subs []seqInfo) seqInfo {
	if len(subs) == 0 {
		return seqInfo{}
	}
	merge := func(get func(seqInfo) []*byteSet, tail bool) []*byteSet {
		n := maxFactor
		for _, s := range subs {
			n = min(n, len(get(s)))
		}
		out := make([]*byteSet, n)
		for k := range out {
			set := new(byteSet)
			for _, s := range subs {
				run := get(s)
				if tail {
					set.union(run[len(run)-n+k])
				} else {
					set.union(run[k])
				}
			}
			out[k] = set
		}
		return out
	}
	allExact := true
	for _, s := range subs {
		allExact = allExact && s.exactOK && len(s.exact) == len(subs[0].exact)
	}
	if allExact {
		return exactInfo(merge(func(s seqInfo) []*byteSet { return s.exact }, false))
	}
	pre := merge(func(s seqInfo) []*byteSet { return s.pre }, false)
	suf := merge(func(s seqInfo) []*byteSet { return s.suf }, true)
	return seqInfo{pre: pre, suf: suf, fac: betterRun(pre, suf)}
}

// hasRun reports whether s contains the run of byte sets.
func hasRun(s string, run []*byteSet) bool {
	n := len(run)
	if n == 0 {
		return true
	}
	first := run[0]
	for p := 0; p+n <= len(s); p++ {
		if !first[s[p]] {
			continue
		}
		k := 1
		for k < n && run[k][s[p+k]] {
			k++
		}
		if k == n {
			return true
		}
	}
	return false
}
