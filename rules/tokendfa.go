package rules

import (
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
)

// Pattern token regexes are matched against whole tokens, tens of
// thousands of times per document, and Go's regexp, having no DFA, spent
// about 600 ns on each (Unicode class ranges searched per character).
// Most tokens are ASCII, so each expression is also compiled, when that is
// small enough, into a deterministic automaton over ASCII bytes: one table
// lookup per byte. It is built from the program regexp itself runs
// (syntax.Compile of the simplified expression), stepping every
// instruction with its own MatchRune, so it accepts exactly the ASCII
// strings regexp.MatchString accepts; tokens with other bytes still go to
// regexp.

// asciiDFA decides whether an ASCII string matches an expression anchored
// at its start.
type asciiDFA struct {
	next []dfaRow // per state: next state per byte, or -1 when no match can follow
	// done: a match is already found (the expression needs no end).
	// final: the string matches if it ends here.
	done, final []bool
}

type dfaRow [128]int16

// maxDFAStates bounds the automaton of one expression; an expression
// needing more is left to regexp.
const maxDFAStates = 256

// match reports whether s matches; ascii is false when s holds a byte the
// automaton does not cover, and then matched means nothing.
func (a *asciiDFA) match(s string) (matched, ascii bool) {
	st := int16(0)
	for i := 0; i < len(s); i++ {
		if a.done[st] {
			return true, true // the prefix read matches: so does s
		}
		c := s[i]
		if c >= 128 {
			return false, false
		}
		if st = a.next[st][c]; st < 0 {
			return false, true // no match starts with the prefix read
		}
	}
	return a.done[st] || a.final[st], true
}

// dfaBuilder runs the subset construction over a program.
type dfaBuilder struct {
	prog  *syntax.Prog
	ids   map[string]int16
	sets  [][]uint32 // per state: its instructions (rune steps and end-of-text waits)
	dfa   *asciiDFA
	stack []uint32
	seen  map[uint32]bool
}

// buildASCIIDFA compiles expr, or returns nil when the expression is not
// anchored at the start, uses an assertion other than start and end of
// text, or needs too many states.
func buildASCIIDFA(expr string) *asciiDFA {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil || prog.StartCond()&syntax.EmptyBeginText == 0 {
		return nil
	}
	b := &dfaBuilder{prog: prog, ids: map[string]int16{}, dfa: &asciiDFA{}}
	start, match, ok := b.closure([]uint32{uint32(prog.Start)}, true, false)
	if !ok {
		return nil
	}
	if _, ok := b.state(start, match, true); !ok {
		return nil
	}
	for s := 0; s < len(b.sets); s++ {
		var row dfaRow
		for c := 0; c < 128; c++ {
			var seeds []uint32
			for _, pc := range b.sets[s] {
				if in := &prog.Inst[pc]; stepsOn(in, rune(c)) {
					seeds = append(seeds, in.Out)
				}
			}
			row[c] = -1
			if len(seeds) == 0 {
				continue
			}
			set, match, ok := b.closure(seeds, false, false)
			if !ok {
				return nil
			}
			id, ok := b.state(set, match, false)
			if !ok {
				return nil
			}
			row[c] = id
		}
		b.dfa.next = append(b.dfa.next, row)
	}
	return b.dfa
}

// stepsOn reports whether instruction in consumes rune r.
func stepsOn(in *syntax.Inst, r rune) bool {
	switch in.Op {
	case syntax.InstRune, syntax.InstRune1:
		return in.MatchRune(r)
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	}
	return false
}

// closure follows the empty moves from seeds at a position that is the
// start of the text or not, and its end or not. It returns the rune steps
// reached and, when not at the end, the end-of-text assertions waiting,
// sorted, and whether a match is reached; ok is false for an assertion
// the automaton does not model.
func (b *dfaBuilder) closure(seeds []uint32, atStart, atEnd bool) (set []uint32, match, ok bool) {
	if b.seen == nil {
		b.seen = map[uint32]bool{}
	}
	clear(b.seen)
	b.stack = append(b.stack[:0], seeds...)
	for len(b.stack) > 0 {
		pc := b.stack[len(b.stack)-1]
		b.stack = b.stack[:len(b.stack)-1]
		if b.seen[pc] {
			continue
		}
		b.seen[pc] = true
		in := &b.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			b.stack = append(b.stack, in.Out, in.Arg)
		case syntax.InstCapture, syntax.InstNop:
			b.stack = append(b.stack, in.Out)
		case syntax.InstMatch:
			match = true
		case syntax.InstFail:
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			set = append(set, pc)
		case syntax.InstEmptyWidth:
			op := syntax.EmptyOp(in.Arg)
			if op&^(syntax.EmptyBeginText|syntax.EmptyEndText) != 0 {
				return nil, false, false
			}
			if op&syntax.EmptyBeginText != 0 && !atStart {
				continue
			}
			if op&syntax.EmptyEndText != 0 && !atEnd {
				set = append(set, pc) // waits for the end of the text
				continue
			}
			b.stack = append(b.stack, in.Out)
		default:
			return nil, false, false
		}
	}
	slices.Sort(set)
	return set, match, true
}

// state returns the id of the state of set, adding it (and whether the
// text may end there) when new.
func (b *dfaBuilder) state(set []uint32, match, atStart bool) (int16, bool) {
	var key strings.Builder
	if match {
		key.WriteString("m")
	}
	if atStart {
		key.WriteString("s") // the start state differs from any later one
	}
	for _, pc := range set {
		key.WriteByte(',')
		key.WriteString(strconv.FormatUint(uint64(pc), 10))
	}
	if id, ok := b.ids[key.String()]; ok {
		return id, true
	}
	if len(b.sets) >= maxDFAStates {
		return 0, false
	}
	// At the end of the text: follow the waiting end-of-text assertions.
	final := match
	var waits []uint32
	for _, pc := range set {
		if b.prog.Inst[pc].Op == syntax.InstEmptyWidth {
			waits = append(waits, pc)
		}
	}
	if !final && len(waits) > 0 {
		_, m, ok := b.closure(waits, atStart, true)
		if !ok {
			return 0, false
		}
		final = m
	}
	id := int16(len(b.sets))
	b.ids[key.String()] = id
	b.sets = append(b.sets, set)
	b.dfa.done = append(b.dfa.done, match)
	b.dfa.final = append(b.dfa.final, final)
	return id, true
}
