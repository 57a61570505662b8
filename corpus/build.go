package corpus

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is one annotated mention: byte offsets into a case text and the
// gold types of its label.
type span struct {
	start, end int
	types      []string
}

// goldFromSpans turns the mentions of one document into gold entities the
// way the development cases were built: one entity per normalised surface
// string (its distinct surface forms are the names), the types of the
// first mention first, mention offsets in code points, and generic
// mentions ("the group", "organizations") optional.
func goldFromSpans(text string, spans []span) []GoldEntity {
	var out []GoldEntity
	byNorm := map[string]int{}
	ids := map[string]bool{}
	for _, s := range spans {
		name := strings.TrimSpace(text[s.start:s.end])
		key := NormalizeName(name)
		if key == "" {
			continue
		}
		i, ok := byNorm[key]
		if !ok {
			i = len(out)
			byNorm[key] = i
			out = append(out, GoldEntity{ID: uniqueID(slug(key), ids)})
		}
		e := &out[i]
		if !contains(e.Names, name) {
			e.Names = append(e.Names, name)
		}
		for _, t := range s.types {
			if !contains(e.Types, t) {
				e.Types = append(e.Types, t)
			}
		}
		cs := utf8.RuneCountInString(text[:s.start])
		e.Mentions = append(e.Mentions, [2]int{cs, cs + utf8.RuneCountInString(text[s.start:s.end])})
	}
	for i := range out {
		out[i].Optional = generic(out[i].Names)
	}
	return out
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "e"
	}
	return b.String()
}

func uniqueID(base string, used map[string]bool) string {
	id := base
	for n := 2; used[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	used[id] = true
	return id
}

// genericHeads are head nouns of descriptive mentions ("the group",
// "financial institutions", "custom malware", "remote access Trojans").
var genericHeads = map[string]bool{
	"group": true, "groups": true, "actor": true, "actors": true, "attacker": true, "attackers": true,
	"apt": true, "criminals": true, "hackers": true, "operators": true, "adversary": true, "adversaries": true,
	"organization": true, "organizations": true, "organisation": true, "organisations": true,
	"companies": true, "company": true, "firms": true, "firm": true, "agencies": true, "agency": true,
	"government": true, "governments": true, "users": true, "customers": true, "victims": true,
	"providers": true, "provider": true, "institutions": true, "entities": true, "officials": true,
	"malware": true, "ransomware": true, "trojan": true, "trojans": true, "rat": true, "rats": true,
	"backdoor": true, "backdoors": true, "dropper": true, "droppers": true, "worm": true, "botnet": true,
	"tool": true, "tools": true, "payload": true, "script": true, "scripts": true, "implant": true,
	"loader": true, "toolkit": true, "code": true, "software": true, "files": true, "file": true,
	"emails": true, "servers": true, "systems": true, "infrastructure": true,
}

// generic reports whether every name of an entity is a descriptive
// mention: its head noun (last word) is generic and no other word looks
// like a name: no digit, no capitalised word unless it is a nationality
// ("Indian government organizations", but "Lazarus Group"), no acronym
// ("IT organizations"). A single generic word ("malware", "RAT") is optional.
// The development cases used a similar, unpublished rule: this one agrees
// with it on most but not all entities (see docs/corpus.md).
func generic(names []string) bool {
	for _, n := range names {
		if !genericName(n) {
			return false
		}
	}
	return len(names) > 0
}

func genericName(n string) bool {
	words := strings.Fields(n)
	if len(words) > 1 {
		switch strings.ToLower(words[0]) {
		case "the", "a", "an":
			words = words[1:]
		}
	}
	if len(words) == 0 {
		return false
	}
	head := strings.ToLower(strings.TrimRight(words[len(words)-1], ".,;:"))
	head = strings.TrimSuffix(strings.TrimSuffix(head, "’s"), "'s")
	if !genericHeads[head] {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if strings.ContainsFunc(w, unicode.IsDigit) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		acronym := len(w) > 1 && strings.ToUpper(w) == w && strings.ContainsFunc(w, unicode.IsLetter)
		if acronym || (unicode.IsUpper(r) && !nationality(w)) {
			return false
		}
	}
	return true
}

func nationality(w string) bool {
	for _, suf := range []string{"an", "ese", "ish", "i"} {
		if strings.HasSuffix(w, suf) && len(w) > 4 {
			return true
		}
	}
	return false
}
