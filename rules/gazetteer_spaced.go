package rules

import (
	"sort"
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// A malware or tool name written as one camel-case word ("RoyalRoad",
// "ShadowPad") is often written as two words too ("the Royal Road RTF
// weaponizer"). When the first word is a name of its own in the gazetteers
// ("Royal", a ransomware), the two-word spelling would otherwise be cut
// short to it: the wrong family, and the real one missed. Each such
// single-word name of two title-case parts of three letters or more whose
// first part is a gazetteer name of its own gets its spaced spelling as a
// name of the same entry, matched only as written ("Royal Road", never
// "royal road" or "ROYAL ROAD"); the longer match wins over the shorter
// name as any longer gazetteer name does. Only those: the spaced spelling
// of most camel-case names is an ordinary phrase or another party's name
// ("Power Exchange", a company; "Blue Sky"), and when no shorter name
// would take its first word, the spelling is at worst missed, not
// mistyped. A spelling another gazetteer name already holds is left to it,
// and one two entries would share names neither.

// spacedName is one camel-case malware or tool name with its spaced
// spelling.
type spacedName struct {
	rule, entry int32
	toks        []string // the spaced spelling: "Royal", "Road"
	common      bool
}

// spacedTypes are the types whose camel-case names get a spaced spelling.
var spacedTypes = map[extractor.EntityType]bool{extractor.Malware: true, extractor.Tool: true}

// camelParts splits a single word of title-case parts ("RoyalRoad" →
// "Royal", "Road"); ok only for exactly two parts of three letters or more,
// each a capital followed by lower-case letters.
func camelParts(w string) (parts []string, ok bool) {
	start := 0
	rs := []rune(w)
	for i, r := range rs {
		switch {
		case unicode.IsUpper(r):
			if i > 0 {
				parts = append(parts, string(rs[start:i]))
				start = i
			}
		case unicode.IsLower(r):
			if i == 0 {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	parts = append(parts, string(rs[start:]))
	if len(parts) != 2 {
		return nil, false
	}
	for _, p := range parts {
		if len([]rune(p)) < 3 {
			return nil, false
		}
	}
	return parts, true
}

// spacedVariants inserts the spaced spellings gathered while compiling the
// gazetteers; it returns how many it added.
func (c *compiler) spacedVariants() int {
	byKey := map[string][]spacedName{}
	for _, n := range c.spaced {
		key := strings.Join(foldAll(n.toks), " ")
		if c.gazKeys[key] {
			continue // a name of its own
		}
		if !c.gazKeys[foldKey(n.toks[0])] {
			continue // nothing would cut the spelling short: "Power Exchange" may be a company
		}
		byKey[key] = append(byKey[key], n)
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	added := 0
	for _, key := range keys {
		ns := byKey[key]
		e0 := c.p.gaz.entries[ns[0].entry]
		same := true
		for _, n := range ns[1:] {
			e := c.p.gaz.entries[n.entry]
			if e.canonical != e0.canonical || e.typ != e0.typ {
				same = false
			}
		}
		if !same {
			continue
		}
		n := ns[0]
		h := newHit(n.rule, n.entry, caseSensitive, append([]string(nil), n.toks...))
		h.common = n.common
		c.p.insertName(n.toks, h)
		added++
	}
	c.p.gaz.names += added
	return added
}
