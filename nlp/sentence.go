package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence length caps keep rule windows bounded on text without
// punctuation (tables, lists of indicators): past softMaxTokens a line break
// ends the sentence, past hardMaxTokens any token boundary does.
const (
	softMaxTokens = 256
	hardMaxTokens = 1024
)

// split groups toks into sentences. gaps[i] describes the whitespace before
// toks[i]. Sentence token slices share toks' backing array, capped so that
// appending to one cannot overwrite the next.
func split(text string, toks []Token, gaps []uint8) []Sentence {
	if len(toks) == 0 {
		return nil
	}
	out := make([]Sentence, 0, len(toks)/20+1)
	start := 0
	ended := false // the sentence so far ends with terminal punctuation (plus closers)
	for i := 1; i < len(toks); i++ {
		prev, g := toks[i-1].Text, gaps[i]
		// A closing quote or bracket glued to a full stop belongs to its sentence.
		ended = isTerminal(prev) || ended && gaps[i-1] == 0 && isCloser(prev)
		boundary := false
		switch {
		case g&gapPara != 0:
			boundary = ended || !paraBreakContinues(text, toks[i-1], toks[i])
		case prev == "|" && g != 0 && i-1 > start && toks[i].Text != "|":
			// A table cell separator: names and relations never run from
			// one cell into the next ("China | Integrity Technology").
			boundary = true
		case g == 0:
			boundary = i-start >= hardMaxTokens
		case ended:
			boundary = opensSentence(toks[i].Text)
		case tokenAbbrevKind(prev) == abbrevMaybe:
			boundary = sentenceOpeners[toks[i].Text] || g&gapNewline != 0 && lineBreakEnds(text, toks[i-1], toks[i])
		case g&gapNewline != 0:
			boundary = i-start >= softMaxTokens || lineBreakEnds(text, toks[i-1], toks[i])
		default:
			boundary = i-start >= hardMaxTokens
		}
		if boundary {
			out = append(out, sentence(toks[start:i:i]))
			start = i
			ended = false
		}
	}
	return append(out, sentence(toks[start:len(toks):len(toks)]))
}

func sentence(toks []Token) Sentence {
	return Sentence{Start: toks[0].Start, End: toks[len(toks)-1].End, Tokens: toks}
}

func isTerminal(tok string) bool {
	if c := tok[0]; c != '.' && c != '!' && c != '?' && c < utf8.RuneSelf {
		return false
	}
	switch tok {
	case ".", "!", "?", "...", "…", "。", "！", "？":
		return true
	}
	return len(tok) > 1 && len(tok) < 8 && strings.Trim(tok, ".!?") == "" // "?!", "!!"
}

func isCloser(tok string) bool {
	switch tok {
	case ")", "]", "}", "\"", "'", "”", "’", "»", "）", "」", "』", "】":
		return true
	}
	return strings.Trim(tok, "*_") == "" // markdown emphasis: "*Figure 1.*"
}

// opensSentence reports whether tok can start a sentence after a full stop.
// Lower-case words do not, unless they look like identifiers
// ("svchost.exe", "iPhone") that analysts start sentences with.
func opensSentence(tok string) bool {
	r, size := utf8.DecodeRuneInString(tok)
	if !unicode.IsLower(r) {
		return true
	}
	for _, c := range tok[size:] {
		if c == '.' || unicode.IsDigit(c) || unicode.IsUpper(c) {
			return true
		}
	}
	return false
}

// lineBreakEnds decides whether a single line break between prev and next
// ends a sentence. PDF text wraps lines mid-sentence, so by default it does
// not; it does after a line that stands alone: a heading, a list item, a
// table row or a one-word line (indicator lists).
func lineBreakEnds(text string, prev, next Token) bool {
	ls := strings.LastIndexAny(text[:prev.Start], "\n\f") + 1
	line := strings.TrimSpace(text[ls:prev.End])
	ne := strings.IndexAny(text[next.Start:], "\n\f")
	if ne < 0 {
		ne = len(text)
	} else {
		ne += next.Start
	}
	nextLine := strings.TrimSpace(text[next.Start:ne])
	if startsListItem(nextLine) || startsListItem(line) && !endsClause(line) && !itemWraps(line, nextLine) {
		return true
	}
	if strings.Trim(nextLine, "-=") == "" {
		return true // a markdown setext underline or a rule follows
	}
	if line == "" || nextLine == "" || strings.IndexByte("#|", line[0]) >= 0 ||
		strings.IndexByte("#|", nextLine[0]) >= 0 || strings.IndexByte(line, '\t') >= 0 {
		return true // markdown heading, table row
	}
	// Markdown emphasis around captions and headings says nothing here.
	line, nextLine = strings.Trim(line, "*_ "), strings.Trim(nextLine, "*_ ")
	if line == "" || nextLine == "" {
		return true
	}
	if endsClause(line) {
		return false // sentence punctuation decided already; commas continue
	}
	r, _ := utf8.DecodeRuneInString(nextLine)
	if strings.HasSuffix(line, ":") {
		// "IOCs:" then one per line, or a colon introducing a new block.
		return !strings.ContainsAny(nextLine, " \t") || !unicode.IsLower(r)
	}
	words := strings.Fields(line)
	if len(words) <= 1 { // (none: a line of other white space, such as "\v")
		return true
	}
	if continuesClause(words[len(words)-1]) || !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	// A heading before, or a short standalone line after (a date under a
	// title). A line of running prose goes on into a capitalised line: it
	// wrapped inside a name ("named Juxinhe together with Beijing Huanyu
	// Tianqiong / Information Technology and Sichuan Zhixin Ruijie").
	return headingLike(line, words) && !wrappedInto(text, ls) ||
		!endsClause(nextLine) && !wrappedInto(text, ls) && headingLike(nextLine, strings.Fields(nextLine))
}

// itemWraps reports whether a list item goes on into the next line: the
// item is running prose ("- the 2014 attack on a studio, in which the
// conspirators wiped / thousands of computers with ...") and the next line
// starts in lower case or with a number ("... computers in some / 150
// countries"; an enumerator such as "2." starts an item of its own). A
// short item ("- PlugX") ends at its line.
func itemWraps(line, nextLine string) bool {
	r, _ := utf8.DecodeRuneInString(nextLine)
	return (unicode.IsLower(r) || unicode.IsDigit(r)) && proseLine(strings.Fields(line)[1:])
}

// wrappedInto reports whether the line starting at ls continues the line
// before it, inside a paragraph: that line is running prose with no final
// punctuation and is not the paragraph's first line (a title of several
// lower-case words may stand over a date). The line at ls, and a
// capitalised line after it, are then the rest of a sentence, not headings.
func wrappedInto(text string, ls int) bool {
	if ls < 2 || text[ls-1] != '\n' {
		return false
	}
	ps := strings.LastIndexAny(text[:ls-1], "\n\f") + 1
	prev := strings.TrimSpace(text[ps : ls-1])
	if prev == "" || endsClause(prev) || strings.HasSuffix(prev, ":") || startsListItem(prev) ||
		strings.IndexByte("#|>", prev[0]) >= 0 || !proseLine(strings.Fields(prev)) {
		return false
	}
	if ps < 2 || text[ps-1] != '\n' {
		return false
	}
	pps := strings.LastIndexAny(text[:ps-1], "\n\f") + 1
	return strings.TrimSpace(text[pps:ps-1]) != ""
}

// proseLine reports whether a line reads as wrapped running text: several
// words, not in title case.
func proseLine(words []string) bool {
	return len(words) >= 5 && !titleCase(words)
}

// paraBreakContinues reports whether a blank line or page break between
// prev and next falls inside a clause, as when a PDF column or page break
// lands mid-sentence ("was set up by / (blank) / the Hainan State Security
// Department"): the line before is running prose that ends in a word that
// cannot end a clause, and the next line starts with a lower-case word.
// A line of one or two words is a heading whatever it ends with.
func paraBreakContinues(text string, prev, next Token) bool {
	if !continuesClause(prev.Text) || opensSentence(next.Text) {
		return false
	}
	ls := strings.LastIndexAny(text[:prev.Start], "\n\f") + 1
	line := strings.TrimSpace(text[ls:prev.End])
	if line == "" || startsListItem(line) || strings.IndexByte("#|>", line[0]) >= 0 {
		return false
	}
	return len(strings.Fields(line)) >= 3
}

// headingLike reports whether a line without final punctuation reads as a
// heading: short, and of at most three words or in title case.
func headingLike(line string, words []string) bool {
	return len(line) <= 80 && len(words) <= 10 && (len(words) <= 3 || titleCase(words))
}

func endsClause(line string) bool {
	switch line[len(line)-1] {
	case '.', '!', '?', ',', ';':
		return true
	}
	return false
}

// startsListItem reports whether line begins with a bullet or an
// enumerator ("1. ", "a) ", "(2) ").
func startsListItem(line string) bool {
	if line == "" {
		return false
	}
	r, size := utf8.DecodeRuneInString(line)
	switch r {
	case '•', '●', '▪', '◦', '‣', '■', '□', '►', '–', '—', '-', '*', '+':
		return len(line) > size && line[size] == ' '
	}
	i := 0
	if line[0] == '(' {
		i = 1
	}
	j := i
	for j < len(line) && j-i < 2 && isDigit(line[j]) {
		j++
	}
	if j == i && j < len(line) && (line[j] >= 'a' && line[j] <= 'z') {
		j++
	}
	if j == i || j+1 >= len(line) || line[j+1] != ' ' {
		return false
	}
	return line[j] == ')' || line[j] == '.' && i == 0
}

// continuesClause reports whether a line ending in w must go on: articles,
// prepositions, conjunctions and possessives ("the Signals Directorate's")
// never end a heading.
func continuesClause(w string) bool {
	if len(w) > 3 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) {
		return true
	}
	switch strings.ToLower(w) {
	case "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from",
		"as", "that", "which", "is", "are", "was", "were", "its", "their", "this", "into", "than",
		"through", "via", "over", "about", "against", "after", "before", "during", "including", "such",
		"like", "using", "between", "within", "without", "under", "has", "have", "had", "be", "been",
		"will", "would", "can", "could", "may", "not", "but", "nor", "so", "if", "when", "while",
		"where", "who", "whose", "our", "his", "her", "these", "those", "and/or":
		return true
	}
	return false
}

// titleCase reports whether every word of four letters or more starts
// with an upper-case letter or a digit ("Indicators of Compromise").
func titleCase(words []string) bool {
	for _, w := range words {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "*_(\"“'‘"))
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
