package rules

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/reportgraph/extractor"
)

// These tests check the content of the default pack's gazetteers and stop
// lists (rules/pack/gaz-*.yaml, stop-*.yaml) without the engine: a list that
// is malformed, ambiguous or silently truncated is caught here even when the
// compiler would accept it. A comma inside an unquoted flow-style name, for
// instance, is valid YAML that splits the name into two keys.

// crossTypeNames are names deliberately listed under two entity types. Every
// other name must belong to one type only, or the extractor would type the
// same words differently depending on which rule wins.
var crossTypeNames = map[string]bool{}

// minEntries guards against a list being truncated by an editing mistake.
var minEntries = map[extractor.EntityType]int{
	extractor.ThreatActor:  350,
	extractor.Malware:      300,
	extractor.Tool:         100,
	extractor.Government:   200,
	extractor.Organization: 2000,
	extractor.Location:     450,
	extractor.Sector:       30,
}

type contentRule struct {
	file string
	id   string
	kind string
	typ  extractor.EntityType
	// entries of a gazetteer: canonical name, aliases and effective type.
	entries []contentEntry
	words   []string
	types   []string
	cas     string
}

type contentEntry struct {
	name    string
	aliases []string
	typ     extractor.EntityType
	cas     string
}

func (e contentEntry) names() []string { return append([]string{e.name}, e.aliases...) }

// loadPackContent reads every gaz-* and stop-* file of rules/pack and
// reports structural problems as test errors.
func loadPackContent(t *testing.T) []contentRule {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("pack", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var rules []contentRule
	seenFiles := 0
	for _, f := range files {
		base := filepath.Base(f)
		if !strings.HasPrefix(base, "gaz-") && !strings.HasPrefix(base, "stop-") {
			continue
		}
		seenFiles++
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Errorf("%s: %v", base, err)
			continue
		}
		for k := range doc {
			if k != "rules" && k != "lists" {
				t.Errorf("%s: unknown top-level key %q", base, k)
			}
		}
		list, _ := doc["rules"].([]any)
		if len(list) == 0 {
			t.Errorf("%s: no rules", base)
		}
		for i, raw := range list {
			r, ok := raw.(map[string]any)
			if !ok {
				t.Errorf("%s: rule %d is not a mapping", base, i)
				continue
			}
			rules = append(rules, parseContentRule(t, base, i, r))
		}
	}
	if seenFiles == 0 {
		t.Fatal("no gaz-*.yaml or stop-*.yaml file in rules/pack")
	}
	return rules
}

func parseContentRule(t *testing.T, file string, i int, r map[string]any) contentRule {
	t.Helper()
	str := func(k string) string { s, _ := r[k].(string); return s }
	cr := contentRule{file: file, id: str("id"), kind: str("kind"), typ: extractor.EntityType(str("type")), cas: str("case")}
	where := file + ": rule " + cr.id
	if cr.id == "" {
		where = file + ": rule #" + string(rune('0'+i))
		t.Errorf("%s has no id", where)
	}
	if str("description") == "" {
		t.Errorf("%s has no description", where)
	}
	if _, ok := r["priority"].(int); !ok {
		t.Errorf("%s has no integer priority", where)
	}
	switch cr.cas {
	case "", "auto", "sensitive", "insensitive":
	default:
		t.Errorf("%s: unknown case %q", where, cr.cas)
	}
	checkExamples(t, where, r["examples"])
	switch cr.kind {
	case "gazetteer":
		if !extractor.ValidEntityType(cr.typ) {
			t.Errorf("%s: type %q is not in the entity vocabulary", where, cr.typ)
		}
		entries, _ := r["entries"].([]any)
		if len(entries) == 0 {
			t.Errorf("%s: no entries", where)
		}
		for j, raw := range entries {
			e, err := parseContentEntry(raw, cr.typ)
			if err != "" {
				t.Errorf("%s: entry %d: %s", where, j, err)
				continue
			}
			cr.entries = append(cr.entries, e)
		}
	case "stop":
		if cr.cas == "auto" {
			t.Errorf("%s: stop rules take case sensitive or insensitive", where)
		}
		types, _ := r["types"].([]any)
		if len(types) == 0 {
			t.Errorf("%s: stop rule needs types (a list, or [any])", where)
		}
		for _, v := range types {
			s, _ := v.(string)
			if s != "any" && !extractor.ValidEntityType(extractor.EntityType(s)) {
				t.Errorf("%s: stop type %q is not in the entity vocabulary", where, s)
			}
			cr.types = append(cr.types, s)
		}
		words, _ := r["words"].([]any)
		if len(words) == 0 {
			t.Errorf("%s: no words", where)
		}
		for _, v := range words {
			s, ok := v.(string)
			if !ok || strings.TrimSpace(s) == "" {
				t.Errorf("%s: stop word %v is not a non-empty string (quote it)", where, v)
				continue
			}
			cr.words = append(cr.words, s)
		}
	default:
		t.Errorf("%s: kind %q; these files hold only gazetteer and stop rules", where, cr.kind)
	}
	return cr
}

func parseContentEntry(raw any, ruleType extractor.EntityType) (contentEntry, string) {
	m, ok := raw.(map[string]any)
	if !ok {
		return contentEntry{}, "not a mapping"
	}
	for k, v := range m {
		switch k {
		case "name", "aliases", "type", "case", "subtype", "common", "context":
		default:
			// An unquoted comma inside a flow mapping turns the rest of a
			// name into a key of its own.
			return contentEntry{}, "unknown key " + k + " (a comma in an unquoted name?) " + toString(v)
		}
	}
	name, ok := m["name"].(string)
	if !ok || strings.TrimSpace(name) == "" {
		return contentEntry{}, "name is missing or not a string (numbers must be quoted)"
	}
	e := contentEntry{name: name, typ: ruleType}
	if t, ok := m["type"].(string); ok {
		e.typ = extractor.EntityType(t)
		if !extractor.ValidEntityType(e.typ) {
			return e, name + ": type " + t + " is not in the entity vocabulary"
		}
	}
	if c, ok := m["case"].(string); ok {
		e.cas = c
	}
	if a, ok := m["aliases"]; ok {
		list, ok := a.([]any)
		if !ok {
			return e, name + ": aliases is not a list"
		}
		for _, v := range list {
			s, ok := v.(string)
			if !ok || strings.TrimSpace(s) == "" {
				return e, name + ": alias " + toString(v) + " is not a non-empty string (quote it)"
			}
			e.aliases = append(e.aliases, s)
		}
	}
	return e, ""
}

func toString(v any) string {
	b, _ := yaml.Marshal(v)
	return strings.TrimSpace(string(b))
}

// checkExamples requires at least one example and that every expected
// mention of a match example occurs in its text.
func checkExamples(t *testing.T, where string, raw any) {
	t.Helper()
	ex, ok := raw.(map[string]any)
	if !ok {
		t.Errorf("%s has no examples", where)
		return
	}
	match, _ := ex["match"].([]any)
	noMatch, _ := ex["no_match"].([]any)
	if len(match)+len(noMatch) == 0 {
		t.Errorf("%s has no examples", where)
	}
	for _, m := range match {
		mm, ok := m.(map[string]any)
		if !ok {
			continue // a bare sentence: any mention of the rule will do
		}
		text, _ := mm["text"].(string)
		exp, _ := mm["expect"].([]any)
		for _, e := range exp {
			s, _ := e.(string)
			if s == "" || !strings.Contains(text, s) {
				t.Errorf("%s: expected %q does not occur in %q", where, s, text)
			}
		}
	}
	for _, n := range noMatch {
		if s, ok := n.(string); !ok || s == "" {
			t.Errorf("%s: no_match example %v is not a sentence", where, n)
		}
	}
}

func TestPackContentWellFormed(t *testing.T) {
	rules := loadPackContent(t)
	ids := map[string]string{}
	for _, r := range rules {
		if prev, ok := ids[r.id]; ok {
			t.Errorf("rule id %s is in %s and %s", r.id, prev, r.file)
		}
		ids[r.id] = r.file
	}
}

// TestPackContentNoDuplicateNames: within one type a name may name one
// entry only, or mentions would be merged into whichever entry loaded first.
// The one exception is a canonical name repeated as the name of another
// entry: such an entry adds aliases to the same entity (the MISP-derived
// extensions, or common-word aliases kept apart so that only they carry
// common: true).
func TestPackContentNoDuplicateNames(t *testing.T) {
	owner := map[extractor.EntityType]map[string]string{}
	canonical := map[extractor.EntityType]map[string]bool{}
	for _, r := range loadPackContent(t) {
		for _, e := range r.entries {
			if canonical[e.typ] == nil {
				canonical[e.typ] = map[string]bool{}
			}
			canonical[e.typ][e.name] = true
		}
	}
	for _, r := range loadPackContent(t) {
		for _, e := range r.entries {
			if owner[e.typ] == nil {
				owner[e.typ] = map[string]string{}
			}
			seen := map[string]bool{}
			for i, n := range e.names() {
				if seen[n] {
					t.Errorf("%s: %q is listed twice in entry %q", r.id, n, e.name)
				}
				seen[n] = true
				prev, ok := owner[e.typ][n]
				switch {
				case ok && i == 0 && strings.HasSuffix(prev, "/"+n):
					continue // another entry of the same canonical name
				case ok:
					t.Errorf("%s: %s name %q already names entry %s", r.id, e.typ, n, prev)
					continue
				case i > 0 && canonical[e.typ][n]:
					t.Errorf("%s: %s alias %q of %q is the canonical name of another entry", r.id, e.typ, n, e.name)
				}
				owner[e.typ][n] = r.id + "/" + e.name
			}
		}
	}
}

// TestPackContentCrossType lists names given two types; only those in
// crossTypeNames may be.
func TestPackContentCrossType(t *testing.T) {
	types := map[string]map[extractor.EntityType]string{}
	for _, r := range loadPackContent(t) {
		for _, e := range r.entries {
			for _, n := range e.names() {
				if types[n] == nil {
					types[n] = map[extractor.EntityType]string{}
				}
				types[n][e.typ] = r.id
			}
		}
	}
	var names []string
	for n, ts := range types {
		if len(ts) > 1 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		var where []string
		for typ, id := range types[n] {
			where = append(where, string(typ)+" ("+id+")")
		}
		sort.Strings(where)
		if crossTypeNames[n] {
			t.Logf("deliberate: %q is %s", n, strings.Join(where, " and "))
			continue
		}
		t.Errorf("%q is listed as %s", n, strings.Join(where, " and "))
	}
}

// TestPackContentStopsSpareEntries: a stop word equal to a gazetteer name of
// a type it applies to would silently disable that entry.
func TestPackContentStopsSpareEntries(t *testing.T) {
	rules := loadPackContent(t)
	type stop struct {
		id    string
		types map[string]bool
		fold  bool
	}
	stops := map[string][]stop{}
	for _, r := range rules {
		if r.kind != "stop" {
			continue
		}
		s := stop{id: r.id, types: map[string]bool{}, fold: r.cas != "sensitive"}
		for _, ty := range r.types {
			s.types[ty] = true
		}
		for _, w := range r.words {
			k := strings.ToLower(strings.Join(strings.Fields(w), " "))
			stops[k] = append(stops[k], s)
		}
	}
	for _, r := range rules {
		for _, e := range r.entries {
			for _, n := range e.names() {
				for _, s := range stops[strings.ToLower(n)] {
					if !s.types["any"] && !s.types[string(e.typ)] {
						continue
					}
					if !s.fold && !containsWord(rules, s.id, n) {
						continue // a case-sensitive stop spells it differently
					}
					t.Errorf("stop rule %s removes %s entry %q of %s", s.id, e.typ, n, r.id)
				}
			}
		}
	}
}

func containsWord(rules []contentRule, id, w string) bool {
	for _, r := range rules {
		if r.id != id {
			continue
		}
		for _, x := range r.words {
			if strings.Join(strings.Fields(x), " ") == w {
				return true
			}
		}
	}
	return false
}

func TestPackContentSizes(t *testing.T) {
	count := map[extractor.EntityType]int{}
	for _, r := range loadPackContent(t) {
		for _, e := range r.entries {
			count[e.typ]++
		}
	}
	for typ, min := range minEntries {
		if count[typ] < min {
			t.Errorf("%s gazetteers have %d entries, want at least %d", typ, count[typ], min)
		}
	}
}
