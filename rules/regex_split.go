package rules

import "regexp/syntax"

// An indicator expression runs over whole tokens, and the tokens it meets
// are often long URLs: the domain expression, a 200-instruction program,
// spent about 9 µs on each. A match of it can hold none of "/", ":", "?",
// "=": those bytes cut a URL into pieces ("evil.com", "path", "x.php"),
// each of which the prefilter can reject or the expression scan alone.
// The matches are the same when the expression
//   - consumes none of the cutting bytes (no instruction steps on them),
//   - asserts nothing but word boundaries, which see a cutting byte, not a
//     word character, as they see the edge of a piece,
//   - and never matches the empty string (FindAll treats empty matches
//     by position),
// since then no match crosses a cut and each match is found from the
// same start with the same bytes around it.

// cutBytes returns the ASCII bytes at which expr's matches may be looked
// for piece by piece, or nil when the expression does not allow it.
func cutBytes(expr string) *byteSet {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	prog, err := syntax.Compile(re)
	if err != nil || info(re).nullable {
		return nil
	}
	cut := new(byteSet)
	for c := 0; c < 128; c++ {
		cut[c] = !isWordByte(byte(c)) // (indicators.go): \w as \b reads it
	}
	for i := range prog.Inst {
		in := &prog.Inst[i]
		switch in.Op {
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg)&^(syntax.EmptyWordBoundary|syntax.EmptyNoWordBoundary) != 0 {
				return nil
			}
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			for c := 0; c < 128; c++ {
				if cut[c] && stepsOn(in, rune(c)) {
					cut[c] = false
				}
			}
		}
	}
	for _, in := range cut {
		if in {
			return cut
		}
	}
	return nil
}

// pieces calls f with each maximal run of t holding no byte of cut (its
// offset in t and its text).
func pieces(t string, cut *byteSet, f func(at int, piece string)) {
	start := 0
	for i := 0; i < len(t); i++ {
		if cut[t[i]] {
			if i > start {
				f(start, t[start:i])
			}
			start = i + 1
		}
	}
	if len(t) > start {
		f(start, t[start:])
	}
}
