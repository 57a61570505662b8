package corpus

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

// SentencesPerDocument is the size of the pseudo-documents made from a BIO
// file without document boundaries (DNRTI, APTNER), as in the development
// cases: 40 consecutive sentences.
const SentencesPerDocument = 40

// token is one token of a BIO file with its tag.
type token struct {
	text string
	tag  tag
}

// tag is a parsed BIO/BIOES tag: prefix B, I, E, S (or L, U) and label;
// prefix 'O' for outside.
type tag struct {
	prefix byte
	label  string
}

var tagRE = regexp.MustCompile(`^(?:O|[BIESLU]-[A-Za-z][A-Za-z0-9_-]*)$`)
var gluedRE = regexp.MustCompile(`^([BIESLU]-[A-Za-z][A-Za-z0-9]*|O)([^A-Za-z0-9_-].*)$`)

func parseTag(s string) (tag, bool) {
	if !tagRE.MatchString(s) {
		return tag{}, false
	}
	if s == "O" {
		return tag{prefix: 'O'}, true
	}
	return tag{prefix: s[0], label: s[2:]}, true
}

// bioDoc is one document of a BIO file: sentences of tokens.
type bioDoc struct {
	sentences [][]token
}

// bioStats counts repairs made while reading, reported as warnings.
type bioStats struct {
	repaired, tagOnly, untagged int
}

// readBIO reads CoNLL-style lines: a token, optional middle columns and a
// tag in the last column; blank lines end sentences; a -DOCSTART- (or
// <DOCSTART>) line starts a document. CRLF and bare CR line ends are
// accepted. Lines glued together ("TRITON S-MAL/TRISIS S-MAL") are split,
// several tags on one token keep the last, a tag-only line is dropped and
// a token without a tag is tagged O.
func readBIO(r io.Reader) ([]bioDoc, bioStats, error) {
	var st bioStats
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, st, err
	}
	text := strings.ReplaceAll(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\r", "\n")
	var docs []bioDoc
	var cur bioDoc
	var sent []token
	endSent := func() {
		if len(sent) > 0 {
			cur.sentences = append(cur.sentences, sent)
			sent = nil
		}
	}
	endDoc := func() {
		endSent()
		if len(cur.sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = bioDoc{}
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			endSent()
			continue
		}
		if f := fields[0]; f == "-DOCSTART-" || f == "<DOCSTART>" {
			endDoc()
			continue
		}
		toks, repaired := lineTokens(fields, &st)
		if repaired {
			st.repaired++
		}
		sent = append(sent, toks...)
	}
	if err := sc.Err(); err != nil {
		return nil, st, err
	}
	endDoc()
	return docs, st, nil
}

// lineTokens parses the fields of one line; AnnoCTR's six tag columns are
// read as one token with the last (merged) column as its tag.
func lineTokens(fields []string, st *bioStats) ([]token, bool) {
	if len(fields) == 1 {
		if _, ok := parseTag(fields[0]); ok {
			st.tagOnly++
			return nil, false
		}
		st.untagged++
		return []token{{text: fields[0], tag: tag{prefix: 'O'}}}, false
	}
	allTags := true
	for _, f := range fields[1:] {
		if _, ok := parseTag(f); !ok {
			allTags = false
		}
	}
	last, _ := parseTag(fields[len(fields)-1])
	if allTags {
		return []token{{text: fields[0], tag: last}}, len(fields) > 2 && !sameColumns(fields[1:])
	}
	// Repair: a tag glued to the next token, or a token split by spaces.
	var toks []token
	cur := token{text: fields[0], tag: tag{prefix: 'O'}}
	tagged := false
	for _, f := range fields[1:] {
		if t, ok := parseTag(f); ok {
			cur.tag, tagged = t, true
			continue
		}
		if m := gluedRE.FindStringSubmatch(f); m != nil {
			t, _ := parseTag(m[1])
			cur.tag = t
			toks = append(toks, cur)
			rest := m[2]
			// "S-DOM/ts.exe": the separator is a token of its own.
			if k := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }); k > 0 {
				toks = append(toks, token{text: rest[:k], tag: tag{prefix: 'O'}})
				rest = rest[k:]
			}
			cur, tagged = token{text: rest, tag: tag{prefix: 'O'}}, false
			continue
		}
		if tagged {
			toks = append(toks, cur)
			cur, tagged = token{text: f, tag: tag{prefix: 'O'}}, false
		} else {
			cur.text += " " + f
		}
	}
	if !tagged {
		st.untagged++
	}
	return append(toks, cur), true
}

// sameColumns: multi-column files (AnnoCTR) are well-formed, not repaired.
func sameColumns(f []string) bool { return len(f) >= 3 }

// bioSpans decodes the entities of a tag sequence (BIO, IOB1, BIOES,
// BILOU), returning token index ranges [start, end) with their label.
func bioSpans(toks []token) [][3]int {
	var out [][3]int // start, end, index of the token holding the label
	start := -1
	label := ""
	flush := func(end int) {
		if start >= 0 {
			out = append(out, [3]int{start, end, start})
		}
		start, label = -1, ""
	}
	for i, t := range toks {
		switch t.tag.prefix {
		case 'O':
			flush(i)
		case 'B':
			flush(i)
			start, label = i, t.tag.label
		case 'S', 'U':
			flush(i)
			out = append(out, [3]int{i, i + 1, i})
		case 'I':
			if start < 0 || label != t.tag.label {
				flush(i)
				start, label = i, t.tag.label
			}
		case 'E', 'L':
			if start < 0 || label != t.tag.label {
				flush(i)
				start = i
			}
			out = append(out, [3]int{start, i + 1, start})
			start, label = -1, ""
		}
	}
	flush(len(toks))
	return out
}

// loadBIO reads one BIO file or every file of a folder. Files with
// document boundaries give one case per document; others are cut into
// pseudo-documents of SentencesPerDocument sentences.
func loadBIO(path string, dir bool) (*Corpus, error) {
	files := []string{path}
	if dir {
		files = nil
		ents, err := os.ReadDir(path)
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			p := filepath.Join(path, e.Name())
			if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") && looksLikeBIO(p) {
				files = append(files, p)
			}
		}
	}
	c := &Corpus{}
	for _, f := range files {
		cases, warns, err := bioFileCases(f)
		if err != nil {
			return nil, err
		}
		c.Cases = append(c.Cases, cases...)
		c.Warnings = append(c.Warnings, warns...)
	}
	if !dir {
		c.Name = setName(path)
	}
	return c, nil
}

// setName names the cases of a file: "dnrti/valid.txt" → dnrti-valid,
// "aptner/APTNERdev.txt" → aptner-dev.
func setName(path string) string {
	abs, _ := filepath.Abs(path)
	parent := strings.ToLower(filepath.Base(filepath.Dir(abs)))
	stem := strings.ToLower(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	stem = strings.Trim(strings.TrimPrefix(stem, parent), "-_ ")
	if stem == "" {
		return parent
	}
	if parent == "" || parent == "." || parent == "/" {
		return stem
	}
	return parent + "-" + stem
}

func bioFileCases(path string) ([]*Case, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	docs, st, err := readBIO(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	var warns []string
	if st.repaired+st.tagOnly+st.untagged > 0 {
		warns = append(warns, fmt.Sprintf("%s: malformed line repaired: %d; tag-only line dropped: %d; token without tag (tagged O): %d",
			path, st.repaired, st.tagOnly, st.untagged))
	}
	set := setName(path)
	if len(docs) == 1 && len(docs[0].sentences) > SentencesPerDocument {
		var pseudo []bioDoc
		s := docs[0].sentences
		for i := 0; i < len(s); i += SentencesPerDocument {
			pseudo = append(pseudo, bioDoc{sentences: s[i:min(i+SentencesPerDocument, len(s))]})
		}
		docs = pseudo
	}
	covered := coveredTypes(docs)
	var cases []*Case
	for i, d := range docs {
		name := fmt.Sprintf("%s-%03d", set, i+1)
		text, spans := joinSentences(d.sentences)
		g := &Gold{Document: name + ".txt", Set: set, Exhaustive: ptrTrue(), EntityTypes: covered,
			RelationsAnnotated: ptrFalse(), Entities: goldFromSpans(text, spans)}
		g.Entities = nonNil(g.Entities)
		cases = append(cases, &Case{Name: name, Text: text, Gold: g})
	}
	return cases, warns, nil
}

func ptrTrue() *bool  { t := true; return &t }
func ptrFalse() *bool { f := false; return &f }

// coveredTypes is the entity_types of a BIO corpus: the types of every
// mapped label that occurs in it.
func coveredTypes(docs []bioDoc) []string {
	types := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.sentences {
			for _, t := range s {
				for _, ty := range mapLabel(t.tag.label) {
					types[ty] = true
				}
			}
		}
	}
	return entityTypesOf(types)
}

// joinSentences writes tokens joined by single spaces, one sentence per
// line, and returns the byte spans of the mapped entities.
func joinSentences(sents [][]token) (string, []span) {
	var b strings.Builder
	var spans []span
	for si, s := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		starts := make([]int, len(s))
		ends := make([]int, len(s))
		for i, t := range s {
			if i > 0 {
				b.WriteByte(' ')
			}
			starts[i] = b.Len()
			b.WriteString(t.text)
			ends[i] = b.Len()
		}
		for _, sp := range bioSpans(s) {
			if types := mapLabel(s[sp[2]].tag.label); types != nil {
				spans = append(spans, span{start: starts[sp[0]], end: ends[sp[1]-1], types: types})
			}
		}
	}
	b.WriteByte('\n')
	return b.String(), spans
}
