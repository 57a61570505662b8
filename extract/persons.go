package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
)

// SurnameRule is the rule id of person mentions made by linkSurnames: a
// later mention of a person by one part of the name ("Zhou said", "Mr.
// Haddad") tied to the full name found earlier in the same document.
const SurnameRule = "extract.person.surname"

// surnamePriority is below every pattern of the default pack: a bare
// surname is weaker evidence than the full name it points to.
const surnamePriority = 45

// speechVerbs follow a bare name that refers to a person ("Zhou said"),
// which is what makes a one-word place such as "Sofia" a person there.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "adds": true, "noted": true, "notes": true,
	"explained": true, "explains": true, "wrote": true, "writes": true, "warned": true, "warns": true,
	"argued": true, "argues": true, "believes": true, "thinks": true, "stated": true, "commented": true,
	"cautioned": true, "confirmed": true, "declined": true, "continued": true, "agreed": true,
}

// linkSurnames ties later one-word mentions of a person to the full name
// found in the same document. The first and the last word of each full
// person name ("Zhou Shuai", "Omar Haddad": surname first or last) name
// that person when they stand alone:
//
//   - person mentions of one word (from "Mr. Zhou") get the full name as
//     canonical name;
//   - one-word location mentions followed by a verb of saying ("Sofia
//     said", where Sofia Brandt is quoted) are retyped as the person;
//   - capitalised tokens outside every mention ("Haddad", "according to
//     Zhou") become mentions, unless they touch another capitalised word
//     (a different person, "Zhou Weiwei") or open a sentence without a verb
//     of saying after them.
//
// A word shared by several full names ("Wang Zhe", "Wang Yan") names the
// closest of them before it, as a reader takes it, or the only one after it.
func linkSurnames(sents []nlp.Sentence, ms []extractor.Mention) []extractor.Mention {
	names := nameParts{}
	for _, m := range ms {
		if m.Type != extractor.Person || m.Rule == SurnameRule {
			continue
		}
		words := nameWords(m.Text)
		if len(words) < 2 {
			continue
		}
		name := m.Canonical
		if name == "" {
			name = m.Text
		}
		names.add(titleWord(words[0]), m.Start, name)
		names.add(titleWord(words[len(words)-1]), m.Start, name)
	}
	if len(names) == 0 {
		return ms
	}
	for i := range ms {
		m := &ms[i]
		if strings.ContainsAny(m.Text, " \t\n,") {
			continue
		}
		switch {
		case m.Type == extractor.Person && m.Canonical == "":
			m.Canonical = names.at(m.Text, m.Start)
		case m.Type == extractor.Location && speechVerbAfter(sents, m.End):
			if name := names.at(m.Text, m.Start); name != "" {
				m.Type, m.Canonical, m.Rule, m.Priority = extractor.Person, name, SurnameRule, surnamePriority
			}
		}
	}
	var added []extractor.Mention
	mi := 0
	for _, s := range sents {
		for k, tok := range s.Tokens {
			if _, ok := names[tok.Text]; !ok {
				continue
			}
			for mi < len(ms) && ms[mi].End <= tok.Start {
				mi++
			}
			if mi < len(ms) && ms[mi].Start < tok.End {
				continue // inside a mention
			}
			if k > 0 && capitalised(s.Tokens[k-1].Text) || k+1 < len(s.Tokens) && capitalised(s.Tokens[k+1].Text) {
				continue // part of another name
			}
			if k == 0 && !(k+1 < len(s.Tokens) && speechVerbs[strings.ToLower(s.Tokens[k+1].Text)]) {
				continue
			}
			if name := names.at(tok.Text, tok.Start); name != "" {
				added = append(added, extractor.Mention{Span: extractor.Span{Start: tok.Start, End: tok.End},
					Text: tok.Text, Type: extractor.Person, Canonical: name, Rule: SurnameRule,
					Priority: surnamePriority})
			}
		}
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms
}

// nameParts maps the first and last word of each full person name to the
// places where a name with that word occurs, in document order.
type nameParts map[string][]namedAt

type namedAt struct {
	start int
	name  string
}

func (np nameParts) add(word string, start int, name string) {
	np[word] = append(np[word], namedAt{start, name})
}

// at returns the full name a one-word mention at offset start refers to:
// the closest full name with that word before it, else the only one after
// it; "" when the word is no part of a name or is ambiguous.
func (np nameParts) at(word string, start int) string {
	occ := np[word]
	best := ""
	for _, o := range occ {
		if o.start > start {
			break
		}
		best = o.name
	}
	if best != "" {
		return best
	}
	for _, o := range occ {
		if best != "" && o.name != best {
			return ""
		}
		best = o.name
	}
	return best
}

// nameWords splits a person's name into its words ("ZHOU, Shuai" → ZHOU,
// Shuai), dropping initials such as "Q.".
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		if len(w) == 2 && w[1] == '.' {
			continue
		}
		out = append(out, w)
	}
	return out
}

// titleWord writes an all-capitals word as a name ("ZHOU" → "Zhou"); other
// words are kept as they are.
func titleWord(w string) string {
	if strings.ToUpper(w) != w {
		return w
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(r) + strings.ToLower(w[n:])
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// speechVerbAfter reports whether the token after offset end is a verb of
// saying.
func speechVerbAfter(sents []nlp.Sentence, end int) bool {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End >= end })
	if i == len(sents) {
		return false
	}
	toks := sents[i].Tokens
	k := sort.Search(len(toks), func(k int) bool { return toks[k].End >= end })
	return k+1 < len(toks) && toks[k].End == end && speechVerbs[strings.ToLower(toks[k+1].Text)]
}
