package corpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// alignWindow is how far ahead of the previous token a BIO token is looked
// for in the raw text (bytes).
const alignWindow = 400

// loadAnnoCTR reads the documents of one split of an AnnoCTR release:
// splits.tsv lists "<doc>\t<split>", text/<doc>.txt is the raw text and
// ner_bio/<doc>.bio its tokens; the last BIO column (the merged layer) is
// the gold. Tokens are aligned to the raw text, so names keep the text's
// own spelling and offsets are exact.
func loadAnnoCTR(root, split string) (*Corpus, error) {
	f, err := os.Open(filepath.Join(root, "splits.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(strings.TrimSpace(sc.Text()), "\t")
		if len(cols) == 2 && cols[1] == split {
			docs = append(docs, cols[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("splits.tsv lists no %q documents", split)
	}
	set := strings.ToLower(filepath.Base(mustAbs(root))) + "-" + split
	c := &Corpus{Name: set}
	covered := map[string]bool{}
	for _, ty := range []string{"GROUP", "ORG", "LOC", "MALWARE", "TOOL", "SECTOR"} {
		for _, t := range mapLabel(ty) {
			covered[t] = true
		}
	}
	unaligned := 0
	for _, name := range docs {
		raw, err := os.ReadFile(filepath.Join(root, "text", name+".txt"))
		if err != nil {
			return nil, err
		}
		bf, err := os.Open(filepath.Join(root, "ner_bio", name+".bio"))
		if err != nil {
			return nil, err
		}
		bdocs, _, err := readBIO(bf)
		bf.Close()
		if err != nil {
			return nil, fmt.Errorf("ner_bio/%s.bio: %w", name, err)
		}
		text := string(raw)
		spans, miss := alignSpans(text, bdocs)
		unaligned += miss
		g := &Gold{Document: name + ".txt", Set: set, Exhaustive: ptrTrue(), EntityTypes: entityTypesOf(covered),
			RelationsAnnotated: ptrFalse(), Entities: nonNil(goldFromSpans(text, spans))}
		c.Cases = append(c.Cases, &Case{Name: name, Text: text, Gold: g})
	}
	if unaligned > 0 {
		c.Warnings = append(c.Warnings, fmt.Sprintf("%d entity mentions could not be aligned to the text and were dropped", unaligned))
	}
	return c, nil
}

func mustAbs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// alignSpans finds each BIO token in the text, in order, and returns the
// byte spans of the mapped entities whose first and last tokens aligned;
// miss counts entities dropped because they did not.
func alignSpans(text string, docs []bioDoc) (spans []span, miss int) {
	cursor := 0
	for _, d := range docs {
		for _, s := range d.sentences {
			starts := make([]int, len(s))
			ends := make([]int, len(s))
			for i, t := range s {
				starts[i], ends[i] = -1, -1
				if j := findToken(text, t.text, cursor, cursor+alignWindow+len(t.text)); j >= 0 {
					starts[i], ends[i] = j, j+len(t.text)
					cursor = ends[i]
				} else if j := resync(text, s[i:], cursor); j >= 0 {
					starts[i], ends[i] = j, j+len(t.text)
					cursor = ends[i]
				}
			}
			for _, sp := range bioSpans(s) {
				types := mapLabel(s[sp[2]].tag.label)
				if types == nil {
					continue
				}
				a, b := starts[sp[0]], ends[sp[1]-1]
				if a < 0 || b < a {
					miss++
					continue
				}
				spans = append(spans, span{start: a, end: b, types: types})
			}
		}
	}
	return spans, miss
}

// findToken finds tok in text[from:to] at word boundaries (a token that
// starts or ends with a letter or digit is not part of a longer word).
func findToken(text, tok string, from, to int) int {
	to = min(to, len(text))
	for from < to {
		j := strings.Index(text[from:to], tok)
		if j < 0 {
			return -1
		}
		j += from
		if boundary(text, j, j+len(tok)) {
			return j
		}
		from = j + 1
	}
	return -1
}

func boundary(text string, a, b int) bool {
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	first, _ := utf8.DecodeRuneInString(text[a:])
	last, _ := utf8.DecodeLastRuneInString(text[:b])
	if word(first) && a > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:a]); word(r) {
			return false
		}
	}
	if word(last) && b < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[b:]); word(r) {
			return false
		}
	}
	return true
}

// resync looks for the token anywhere after the cursor where the next
// tokens follow it closely: the text holds a passage the BIO file skips.
func resync(text string, toks []token, cursor int) int {
	from := cursor
	for tries := 0; tries < 200; tries++ {
		j := findToken(text, toks[0].text, from, len(text))
		if j < 0 {
			return -1
		}
		ok, at := true, j+len(toks[0].text)
		for _, t := range toks[1:min(len(toks), 4)] {
			k := findToken(text, t.text, at, at+8+len(t.text))
			if k < 0 {
				ok = false
				break
			}
			at = k + len(t.text)
		}
		if ok {
			return j
		}
		from = j + 1
	}
	return -1
}
