package nlp

// The tagger below runs prose/v2's averaged-perceptron POS model (a port of
// TextBlob's tagger by Matthew Honnibal, MIT licence) on our own tokens.
// prose only tags text it tokenized itself, and its tokenizer disagrees with
// ours (it drops "n't" before punctuation, splits URLs), so we load prose's
// embedded model through its exported Asset function and reproduce its
// tag() and featurize() exactly, with two changes that do not alter
// results: feature strings are built in a reused buffer, and weights are
// stored per feature as a dense slice instead of a map. On ties prose picks
// whichever class Go's map iteration yields first; we pick the first class
// in model order, so our output is deterministic.

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

type classWeight struct {
	class int
	w     float64
}

type tagger struct {
	classes []string
	tagMap  map[string]string // words that always get one tag
	feats   featureTables
}

// feats is the weights of one feature, per class.
type feats []classWeight

// featureTables holds the model's weights split by feature template and
// keyed by the template's value, so a word's features cost one lookup in a
// small map instead of fourteen string concatenations and lookups in one
// map of 75,000 keys. Every (template, value) pair maps to exactly the
// weights of the string prose would have built, "template value", so the
// scores are the same sums in the same order.
type featureTables struct {
	bias     feats
	pref1    [256]feats            // "i pref1 " + string(rune(first byte))
	words    map[string]*wordFeats // keyed by a normalised context word
	suffixes map[string]*suffixFeats
	prevTag  map[string]feats // "i-1 tag"
	prev2Tag map[string]feats // "i-2 tag"
	tagPair  map[string]feats // "i tag+i-2 tag", keyed "p1 p2"
	tagWord  map[string]feats // "i-1 tag+i word", keyed "p1 word"
}

// wordFeats are the features of one normalised word at each place of the
// window around the word tagged.
type wordFeats struct{ at, prev, prev2, next, next2 feats }

// suffixFeats are the features of one suffix: of the word tagged (raw) and
// of its neighbours (normalised).
type suffixFeats struct{ at, prev, next feats }

// buildFeatureTables splits prose's weight map by template. A key is
// filed under every template it starts with (followed by a space), so a
// lookup of template T and value v finds exactly weights[T+" "+v].
func buildFeatureTables(weights map[string]feats) featureTables {
	ft := featureTables{bias: weights["bias"], words: map[string]*wordFeats{}, suffixes: map[string]*suffixFeats{},
		prevTag: map[string]feats{}, prev2Tag: map[string]feats{}, tagPair: map[string]feats{}, tagWord: map[string]feats{}}
	word := func(v string) *wordFeats {
		w := ft.words[v]
		if w == nil {
			w = &wordFeats{}
			ft.words[v] = w
		}
		return w
	}
	suffix := func(v string) *suffixFeats {
		s := ft.suffixes[v]
		if s == nil {
			s = &suffixFeats{}
			ft.suffixes[v] = s
		}
		return s
	}
	pref1 := map[string]feats{}
	templates := []struct {
		name string
		file func(v string, f feats)
	}{
		{"i suffix", func(v string, f feats) { suffix(v).at = f }},
		{"i pref1", func(v string, f feats) { pref1[v] = f }},
		{"i-1 tag", func(v string, f feats) { ft.prevTag[v] = f }},
		{"i-2 tag", func(v string, f feats) { ft.prev2Tag[v] = f }},
		{"i tag+i-2 tag", func(v string, f feats) { ft.tagPair[v] = f }},
		{"i word", func(v string, f feats) { word(v).at = f }},
		{"i-1 tag+i word", func(v string, f feats) { ft.tagWord[v] = f }},
		{"i-1 word", func(v string, f feats) { word(v).prev = f }},
		{"i-1 suffix", func(v string, f feats) { suffix(v).prev = f }},
		{"i-2 word", func(v string, f feats) { word(v).prev2 = f }},
		{"i+1 word", func(v string, f feats) { word(v).next = f }},
		{"i+1 suffix", func(v string, f feats) { suffix(v).next = f }},
		{"i+2 word", func(v string, f feats) { word(v).next2 = f }},
	}
	for key, f := range weights {
		for _, t := range templates {
			if len(key) > len(t.name) && key[len(t.name)] == ' ' && strings.HasPrefix(key, t.name) {
				t.file(key[len(t.name)+1:], f)
			}
		}
	}
	for b := range ft.pref1 {
		ft.pref1[b] = pref1[string(rune(b))]
	}
	return ft
}

// loadTagger decodes the model once per process; every Analyzer shares it.
var loadTagger = sync.OnceValues(func() (tg *tagger, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("prose POS model: %v", r)
		}
	}()
	var classes []string
	var tags map[string]string
	var wts map[string]map[string]float64
	for _, a := range []struct {
		name string
		dst  any
	}{{"classes.gob", &classes}, {"tags.gob", &tags}, {"weights.gob", &wts}} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name)
		if err != nil {
			return nil, fmt.Errorf("prose POS model %s: %w", a.name, err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.dst); err != nil {
			return nil, fmt.Errorf("prose POS model %s: %w", a.name, err)
		}
	}
	index := make(map[string]int, len(classes))
	for i, c := range classes {
		index[c] = i
	}
	tg = &tagger{classes: classes, tagMap: tags}
	weights := make(map[string]feats, len(wts))
	for feat, ws := range wts {
		dense := make([]classWeight, 0, len(ws))
		for label, w := range ws {
			c, ok := index[label]
			if !ok {
				c = len(tg.classes)
				tg.classes = append(tg.classes, label)
				index[label] = c
			}
			dense = append(dense, classWeight{c, w})
		}
		weights[feat] = dense
	}
	tg.feats = buildFeatureTables(weights)
	return tg, nil
})

// tagWords returns one Penn Treebank tag per word.
func (tg *tagger) tagWords(words []string) []string {
	ctx := make([]string, len(words)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, w := range words {
		ctx[i+2] = normalizeWord(w)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	// The features of each context word and its suffix, looked up once
	// for the up to five words whose window holds it.
	win := make([]window, len(ctx))
	for c, w := range ctx {
		win[c] = window{word: tg.feats.words[w], suffix: tg.feats.suffixes[suffix3(w)]}
	}
	scores := make([]float64, len(tg.classes))
	seen := make([]bool, len(tg.classes))
	var buf []byte
	out := make([]string, len(words))
	p1, p2 := "-START-", "-START2-"
	for i, word := range words {
		tag, fixed := tg.fixedTag(word)
		if !fixed {
			tag = tg.predict(i, ctx, win, word, p1, p2, &buf, scores, seen)
		}
		out[i] = tag
		p2, p1 = p1, tag
	}
	return out
}

// window is what the model knows of one context word.
type window struct {
	word   *wordFeats
	suffix *suffixFeats
}

// suffix3 is prose's suffix feature: the last three bytes.
func suffix3(w string) string { return w[len(w)-min(len(w), 3):] }

// fixedTag returns the tag word gets whatever its neighbours are: dashes,
// emoticons, links and e-mail addresses, Treebank empty elements, and the
// model's unambiguous words. tagWords uses it for every word, so a caller
// asking for one word's tag without tagging its sentence gets the same
// answer.
func (tg *tagger) fixedTag(word string) (string, bool) {
	if word == "" {
		return "", false
	}
	switch {
	case word == "-":
		return "-", true
	case emoticons[word]:
		return "SYM", true
	case strings.IndexByte(word, '.') >= 0 && commonregex.LinkRegex.MatchString(word),
		strings.IndexByte(word, '@') >= 0 && commonregex.EmailRegex.MatchString(word),
		strings.HasPrefix(word, "@"):
		return "NN", true
	case (word[0] == '0' || word[0] == '*') && noneRE.MatchString(word):
		return "-NONE-", true
	case word[0] == '-' && keepRE.MatchString(word):
		return word, true
	}
	tag, found := tg.tagMap[word]
	return tag, found
}

// predict scores the features prose's featurize builds for word i, in
// prose's order (the scores are floating-point sums).
func (tg *tagger) predict(i int, ctx []string, win []window, w, p1, p2 string, buf *[]byte, scores []float64, seen []bool) string {
	clear(scores)
	clear(seen)
	i += 2
	add := func(f feats) {
		for _, cw := range f {
			scores[cw.class] += cw.w
			seen[cw.class] = true
		}
	}
	// pair looks up a two-value feature, keyed "a b", without allocating.
	pair := func(m map[string]feats, a, b string) feats {
		k := append(append(append((*buf)[:0], a...), ' '), b...)
		*buf = k
		return m[string(k)]
	}
	ft := &tg.feats
	add(ft.bias)
	if s := ft.suffixes[suffix3(w)]; s != nil {
		add(s.at)
	}
	add(ft.pref1[w[0]])
	add(ft.prevTag[p1])
	add(ft.prev2Tag[p2])
	add(pair(ft.tagPair, p1, p2))
	if x := win[i].word; x != nil {
		add(x.at)
	}
	add(pair(ft.tagWord, p1, ctx[i]))
	if x := win[i-1].word; x != nil {
		add(x.prev)
	}
	if x := win[i-1].suffix; x != nil {
		add(x.prev)
	}
	if x := win[i-2].word; x != nil {
		add(x.prev2)
	}
	if x := win[i+1].word; x != nil {
		add(x.next)
	}
	if x := win[i+1].suffix; x != nil {
		add(x.next)
	}
	if x := win[i+2].word; x != nil {
		add(x.next2)
	}
	best, max := "", math.Inf(-1)
	for c, s := range scores {
		if seen[c] && s > max {
			best, max = tg.classes[c], s
		}
	}
	return best
}

// normalizeWord is prose's normalize: hyphenated words, years and numbers
// share features.
func normalizeWord(word string) string {
	if word == "" {
		return word
	}
	if strings.Contains(word, "-") && word[0] != '-' {
		return "!HYPHEN"
	} else if len(word) == 4 && isInt(word) {
		return "!YEAR"
	} else if word[0] >= '0' && word[0] <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

// isInt is strconv.Atoi(s) succeeding, without the error allocation.
func isInt(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// proseText rewrites a token as prose's sanitizer would have before
// tokenizing: curly quotes become straight ones.
func proseText(s string) string {
	if strings.IndexByte(s, 0xE2) < 0 && strings.IndexByte(s, '&') < 0 {
		return s
	}
	return proseSanitizer.Replace(s)
}

var proseSanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

// Copied from prose/v2 tag.go: Penn Treebank empty elements and bracket tags.
var (
	noneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// emoticons is prose/v2's list (tokenize.go); the tagger tags them SYM.
var emoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true, "(o:": true,
	"(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true, "8-)": true, "8-D": true,
	"8D": true, ":(": true, ":((": true, ":(((": true, ":()": true, ":)))": true, ":-)": true,
	":-))": true, ":-)))": true, ":-*": true, ":-/": true, ":-X": true, ":-]": true, ":-o": true,
	":-p": true, ":-x": true, ":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true, ":]": true,
	":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true, "=)": true, "=D": true,
	"=|": true, "@_@": true, "O.o": true, "O_o": true, "V_V": true, "XDD": true, "[-:": true,
	"^___^": true, "o_0": true, "o_O": true, "o_o": true, "v_v": true, "xD": true, "xDD": true,
	"¯\\(ツ)/¯": true,
}

// WordClass returns the tag for which the tagger's model weighs word (in
// lower case) most by its own-word feature, and whether it knows the
// word at all. "discovery" gives NN, "later" RB; "boeing", which the
// model met as a name, gives NNP.
func (a *Analyzer) WordClass(word string) (string, bool) {
	w := a.tagger.feats.words[word]
	if w == nil || len(w.at) == 0 {
		return "", false
	}
	best := w.at[0]
	for _, cw := range w.at[1:] {
		if cw.w > best.w {
			best = cw
		}
	}
	return a.tagger.classes[best.class], true
}

// OrdinaryWord reports whether the tagger's model knows word (in lower
// case) as an ordinary word: its WordClass is not a proper noun.
// "discovery", "report" and "intelligence" are ordinary; "boeing" and
// "westinghouse" and words it never met are not. A capitalised phrase of
// ordinary words is a title, a heading or a technique name more often
// than a name.
func (a *Analyzer) OrdinaryWord(word string) bool {
	c, ok := a.WordClass(word)
	return ok && c != "NNP" && c != "NNPS"
}

// LexicalTag returns the part-of-speech tag the tagger's model always
// gives word, as written (case matters), if it has one: the frequent
// unambiguous words of its training text ("the" DT, "company" NN).
func (a *Analyzer) LexicalTag(word string) (string, bool) {
	tag, ok := a.tagger.tagMap[word]
	return tag, ok
}
