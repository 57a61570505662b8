package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
	"github.com/reportgraph/extractor/rules"
)

// mentionAt builds a mention of the n-th occurrence (from 0) of s in text.
func mentionAt(t *testing.T, text, s string, nth int, typ extractor.EntityType, rule string) extractor.Mention {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		k := strings.Index(text[off:], s)
		if k < 0 {
			t.Fatalf("%q has no occurrence %d of %q", text, nth, s)
		}
		if i == nth {
			return extractor.Mention{Span: extractor.Span{Start: off + k, End: off + k + len(s)}, Text: s, Type: typ, Rule: rule}
		}
		off += k + len(s)
	}
}

// described lists mentions as "text:type:canonical".
func described(ms []extractor.Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+":"+string(m.Type)+":"+m.Canonical)
	}
	return out
}

func TestLinkSurnames(t *testing.T) {
	an, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, text string
		in         func(text string) []extractor.Mention
		want       string
	}{
		{
			name: "surname after the full name",
			text: "Prosecutors charged Zhou Shuai. Zhou said he sold data, and the court heard Zhou.",
			in: func(text string) []extractor.Mention {
				return []extractor.Mention{mentionAt(t, text, "Zhou Shuai", 0, extractor.Person, "core.person.chinese-name")}
			},
			want: "Zhou Shuai:person: | Zhou:person:Zhou Shuai | Zhou:person:Zhou Shuai",
		},
		{
			name: "a shared surname names the closest full name before it",
			text: "Zhou Weiwei was charged. Later Zhou Shuai was sanctioned, and prosecutors said Zhou sold data.",
			in: func(text string) []extractor.Mention {
				return []extractor.Mention{
					mentionAt(t, text, "Zhou Weiwei", 0, extractor.Person, "r"),
					mentionAt(t, text, "Zhou Shuai", 0, extractor.Person, "r"),
				}
			},
			want: "Zhou Weiwei:person: | Zhou Shuai:person: | Zhou:person:Zhou Shuai",
		},
		{
			name: "a one-word place is the person only before a verb of saying",
			text: "Sofia Brandt, an analyst, agreed. Sofia said it was bad. Flights to Sofia resumed.",
			in: func(text string) []extractor.Mention {
				return []extractor.Mention{
					mentionAt(t, text, "Sofia Brandt", 0, extractor.Person, "r"),
					mentionAt(t, text, "Sofia", 1, extractor.Location, "gaz"),
					mentionAt(t, text, "Sofia", 2, extractor.Location, "gaz"),
				}
			},
			want: "Sofia Brandt:person: | Sofia:person:Sofia Brandt | Sofia:location:",
		},
		{
			name: "no link inside another name, in a mention, or opening a sentence",
			text: "Omar Haddad spoke. Haddad Holdings and Ahmed Haddad replied. Haddad reports were read.",
			in: func(text string) []extractor.Mention {
				return []extractor.Mention{
					mentionAt(t, text, "Omar Haddad", 0, extractor.Person, "r"),
					mentionAt(t, text, "Ahmed Haddad", 0, extractor.Person, "r"),
				}
			},
			want: "Omar Haddad:person: | Ahmed Haddad:person:",
		},
		{
			name: "an honorific mention gets the full name",
			text: "Omar Haddad spoke. Mr. Haddad left.",
			in: func(text string) []extractor.Mention {
				return []extractor.Mention{
					mentionAt(t, text, "Omar Haddad", 0, extractor.Person, "r"),
					mentionAt(t, text, "Haddad", 1, extractor.Person, "core.person.honorific"),
				}
			},
			want: "Omar Haddad:person: | Haddad:person:Omar Haddad",
		},
	}
	for _, c := range cases {
		got := strings.Join(described(linkSurnames(an.Analyze(c.text), c.in(c.text))), " | ")
		if got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

// TestSurnamesResolveToOnePerson runs the default pack: a person named in
// full and later by surname is one entity with the surname as an alias.
func TestSurnamesResolveToOnePerson(t *testing.T) {
	pack, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(pack)
	if err != nil {
		t.Fatal(err)
	}
	doc := &extractor.Document{ID: "d1", Text: "\"It is new,\" said Eero Lindqvist, a senior analyst at Example Labs. " +
		"The tool was old, Lindqvist added."}
	res, err := x.Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	ds := Resolve([]*DocResult{res})
	var persons []string
	for _, e := range ds.Entities {
		if e.Type == extractor.Person {
			persons = append(persons, e.Name+" "+strings.Join(e.Aliases, ","))
		}
	}
	if len(persons) != 1 || persons[0] != "Eero Lindqvist Lindqvist" {
		t.Errorf("persons = %q, want one entity Eero Lindqvist with the alias Lindqvist", persons)
	}
}
