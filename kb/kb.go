// Package kb reads a user knowledge base: names the analyst already knows,
// each with a type, aliases and optionally a subtype and a source. The
// names become an extra gazetteer of the rule pack (so they are found in
// text) and their aliases merge entities when mentions are resolved (so
// "Sky Viper" and "Blue Heron Group" are one entity whatever rule found
// them).
//
// Two formats, chosen by the file extension (docs/kb.md):
//
//   - YAML (.yaml, .yml): a mapping with an "entities" list of
//     {name, type, aliases, subtype, source};
//   - TSV (.tsv, .txt): name <TAB> type <TAB> aliases separated by "|"
//     <TAB> subtype, one entry a line, '#' comments, optional header.
//
// Every problem is reported as file:line: message, all of them at once.
package kb

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/rules"
)

// MaxFileBytes bounds a knowledge-base file: a KB is a curated list, and a
// bigger file is more likely a mistake (a report passed as --kb) than a KB.
const MaxFileBytes = 16 << 20

// MaxNameBytes bounds one name or alias.
const MaxNameBytes = 256

// Entry is one known thing.
type Entry struct {
	Name    string               `json:"name"`
	Type    extractor.EntityType `json:"type"`
	Aliases []string             `json:"aliases,omitempty"`
	Subtype string               `json:"subtype,omitempty"`
	// Source says where the knowledge comes from (free text, optional).
	Source string `json:"source,omitempty"`
	File   string `json:"file"`
	Line   int    `json:"line"`
}

// Names returns the canonical name followed by the aliases.
func (e Entry) Names() []string { return append([]string{e.Name}, e.Aliases...) }

// Where is "file:line" of the entry.
func (e Entry) Where() string { return fmt.Sprintf("%s:%d", e.File, e.Line) }

// KB is a loaded knowledge base: the entries of every file, in file order.
type KB struct {
	Files   []string
	Entries []Entry
}

// Problem is one error in a KB file.
type Problem struct {
	File string
	Line int // 0 when the problem is about the whole file
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return p.File + ": " + p.Msg
}

// Error lists every problem found while loading, one per line.
type Error struct{ Problems []Problem }

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Load reads and checks knowledge-base files. Names must be unique within
// a type across all files: a name that belongs to two entries of one type
// would make merging depend on file order, so it is an error.
func Load(paths ...string) (*KB, error) {
	k := &KB{}
	var probs []Problem
	for _, p := range paths {
		entries, ps := loadFile(p)
		k.Files = append(k.Files, p)
		k.Entries = append(k.Entries, entries...)
		probs = append(probs, ps...)
	}
	probs = append(probs, checkDuplicates(k.Entries)...)
	if len(probs) > 0 {
		return nil, &Error{Problems: probs}
	}
	return k, nil
}

func loadFile(path string) ([]Entry, []Problem) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, []Problem{{File: path, Msg: "cannot read knowledge base: " + unwrapPath(err)}}
	}
	if st.IsDir() {
		return nil, []Problem{{File: path, Msg: "is a folder, not a knowledge-base file"}}
	}
	if st.Size() > MaxFileBytes {
		return nil, []Problem{{File: path, Msg: fmt.Sprintf("is %d bytes; a knowledge base may have at most %d", st.Size(), MaxFileBytes)}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, []Problem{{File: path, Msg: "cannot read knowledge base: " + unwrapPath(err)}}
	}
	return Parse(path, data)
}

// unwrapPath drops the path an *os.PathError repeats, since the message
// already starts with it.
func unwrapPath(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse reads one file's content; name is used in messages and chooses
// the format by its extension (YAML unless it ends in .tsv or .txt).
func Parse(name string, data []byte) ([]Entry, []Problem) {
	var entries []Entry
	var probs []Problem
	switch strings.ToLower(filepath.Ext(name)) {
	case ".tsv", ".txt", ".tab":
		entries, probs = parseTSV(name, data)
	default:
		entries, probs = parseYAML(name, data)
	}
	for i := range entries {
		probs = append(probs, check(&entries[i])...)
	}
	sort.SliceStable(probs, func(a, b int) bool { return probs[a].Line < probs[b].Line })
	return entries, probs
}

// check validates one entry and tidies it: names trimmed, aliases that
// repeat the name or each other dropped.
func check(e *Entry) []Problem {
	var probs []Problem
	bad := func(format string, args ...any) {
		probs = append(probs, Problem{File: e.File, Line: e.Line, Msg: fmt.Sprintf(format, args...)})
	}
	e.Name = strings.TrimSpace(e.Name)
	switch {
	case e.Name == "":
		bad("entry has no name")
	case len(e.Name) > MaxNameBytes:
		bad("name is longer than %d bytes", MaxNameBytes)
	case !hasLetterOrDigit(e.Name):
		bad("name %q has no letter or digit", e.Name)
	}
	label := "entry"
	if e.Name != "" {
		label = fmt.Sprintf("entry %q", e.Name)
	}
	switch {
	case e.Type == "":
		bad("%s has no type (one of %s)", label, typeList())
	case !extractor.ValidEntityType(e.Type):
		if s := closestType(string(e.Type)); s != "" {
			bad("%s has unknown type %q (did you mean %q?)", label, e.Type, s)
		} else {
			bad("%s has unknown type %q (one of %s)", label, e.Type, typeList())
		}
	}
	seen := map[string]bool{Fold(e.Name): true}
	aliases := e.Aliases[:0:0]
	for _, a := range e.Aliases {
		a = strings.TrimSpace(a)
		switch {
		case a == "":
			bad("%s has an empty alias", label)
			continue
		case len(a) > MaxNameBytes:
			bad("alias of %q is longer than %d bytes", e.Name, MaxNameBytes)
			continue
		case !hasLetterOrDigit(a):
			bad("alias %q of %q has no letter or digit", a, e.Name)
			continue
		}
		if f := Fold(a); !seen[f] {
			seen[f] = true
			aliases = append(aliases, a)
		}
	}
	e.Aliases = aliases
	return probs
}

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// closestType suggests the vocabulary type within two edits of t.
func closestType(t string) string {
	best, bestD := "", 3
	for _, v := range extractor.EntityTypes {
		if d := editDistance(t, string(v)); d < bestD {
			best, bestD = string(v), d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func typeList() string {
	names := make([]string, len(extractor.EntityTypes))
	for i, t := range extractor.EntityTypes {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// Fold is the comparison key for duplicate checks: NFKC, lower case, runs
// of spaces collapsed. (Resolution uses its own, looser key.)
func Fold(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(norm.NFKC.String(s))), " ")
}

// checkDuplicates reports a name or alias given to two entries of the
// same type.
func checkDuplicates(entries []Entry) []Problem {
	type owner struct {
		i    int
		name string
	}
	seen := map[string]owner{}
	var probs []Problem
	for i, e := range entries {
		if e.Name == "" {
			continue
		}
		for _, n := range e.Names() {
			k := string(e.Type) + "\x00" + Fold(n)
			if o, ok := seen[k]; ok && o.i != i {
				first := entries[o.i]
				probs = append(probs, Problem{File: e.File, Line: e.Line,
					Msg: fmt.Sprintf("%q (entry %q) is already a name of the %s %q at %s", n, e.Name, e.Type, first.Name, first.Where())})
				continue
			}
			seen[k] = owner{i, n}
		}
	}
	return probs
}

// Gazetteers returns one extra gazetteer per file, for rules.LoadWith.
// Rule ids are "kb.<file name without extension>", made unique.
func (k *KB) Gazetteers() []rules.Gazetteer {
	var out []rules.Gazetteer
	used := map[string]bool{}
	for _, f := range k.Files {
		base := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		id := "kb." + ruleIDPart(base)
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("kb.%s-%d", ruleIDPart(base), n)
		}
		used[id] = true
		g := rules.Gazetteer{ID: id, File: f, Description: "names from the knowledge base " + f}
		for _, e := range k.Entries {
			if e.File == f {
				g.Entries = append(g.Entries, rules.Entry{Name: e.Name, Aliases: withVariants(e.Names())[1:], Type: e.Type,
					Subtype: e.Subtype, Line: e.Line})
			}
		}
		out = append(out, g)
	}
	return out
}

// withVariants adds the spellings reports use for a name of two or three
// parts: "Storm-9901" is also written "Storm 9901" and "Storm9901", "Qihoo
// 360" also "Qihoo-360" and "Qihoo360". Gazetteers match token by token,
// so each spelling must be listed to be found; resolution then folds them
// into one entity anyway.
func withVariants(names []string) []string {
	out := append([]string(nil), names...)
	seen := map[string]bool{}
	for _, n := range names {
		seen[n] = true
	}
	add := func(v string) {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	for _, n := range names {
		parts := strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '-' })
		if len(parts) < 2 || len(parts) > 3 {
			continue
		}
		add(strings.Join(parts, " "))
		add(strings.Join(parts, "-"))
		add(strings.Join(parts, ""))
	}
	return out
}

// ruleIDPart keeps the characters a rule id allows.
func ruleIDPart(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "file"
	}
	return b.String()
}
