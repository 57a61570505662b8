package rules

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportgraph/extractor"
)

// Gazetteers given in Go rather than in YAML rule files: a user knowledge
// base (package kb) turns its names into one of these so that they are
// found by the same trie, the same case policy and the same conflict rules
// as the default pack's names.

// ExtraPriority is the priority of an extra gazetteer that gives none: above
// every default rule (80 or more wins on equal spans, see docs/rules.md),
// because a user who lists a name knows better than the default pack.
const ExtraPriority = 85

// Entry is one name of an extra gazetteer.
type Entry struct {
	Name    string // canonical name, recorded as Mention.Canonical
	Aliases []string
	Type    extractor.EntityType
	Subtype string
	// Line is where the entry is defined in the gazetteer's File; errors
	// about the entry name it.
	Line int
}

// Gazetteer is a gazetteer rule built in Go.
type Gazetteer struct {
	ID          string // rule id recorded on every mention (letters, digits, . _ -)
	File        string // where the entries come from, for messages and `rules list`
	Description string
	Priority    int    // 0 means ExtraPriority
	Case        string // sensitive | insensitive | auto; "" means auto
	Entries     []Entry
}

// LoadWith is Load plus extra gazetteers, compiled after every pack. An
// extra gazetteer must not reuse the id of a rule: it would silently
// replace it.
func LoadWith(extra []Gazetteer, dirs ...string) (*Pack, error) {
	return load(true, dirs, extra...)
}

// addExtra turns extra gazetteers into rule specs at the end of the set.
func (set *ruleSet) addExtra(extra []Gazetteer) []Problem {
	var probs []Problem
	ids := map[string]string{}
	for _, r := range set.rules {
		ids[r.id] = fmt.Sprintf("%s:%d", r.file, r.line())
	}
	for _, g := range extra {
		bad := func(line int, format string, args ...any) {
			probs = append(probs, Problem{File: g.File, Line: line, Column: 1, RuleID: g.ID,
				Severity: SeverityError, Message: fmt.Sprintf(format, args...)})
		}
		first := 1
		if len(g.Entries) > 0 && g.Entries[0].Line > 0 {
			first = g.Entries[0].Line
		}
		if g.ID == "" || !validID(g.ID) {
			bad(first, "gazetteer id %q must be letters, digits, '.', '_' or '-'", g.ID)
			continue
		}
		if at, dup := ids[g.ID]; dup {
			bad(first, "gazetteer id %q is already the id of the rule at %s", g.ID, at)
			continue
		}
		ids[g.ID] = fmt.Sprintf("%s:%d", g.File, first)
		cas := g.Case
		if cas == "" {
			cas = "auto"
		}
		if cas != "sensitive" && cas != "insensitive" && cas != "auto" {
			bad(first, "case must be sensitive, insensitive or auto, not %q", cas)
			continue
		}
		prio := g.Priority
		if prio == 0 {
			prio = ExtraPriority
		}
		spec := &ruleSpec{id: g.ID, kind: KindGazetteer, description: g.Description, priority: prio,
			hasPriority: true, cas: cas, file: g.File, node: &yaml.Node{Line: first, Column: 1},
			fields: map[string]*yaml.Node{}}
		spec.fields["id"] = spec.node
		for _, e := range g.Entries {
			node := &yaml.Node{Line: e.Line, Column: 1}
			if strings.TrimSpace(e.Name) == "" {
				bad(e.Line, "entry has no name")
				continue
			}
			if !extractor.ValidEntityType(e.Type) {
				bad(e.Line, "entry %q has unknown type %q", e.Name, e.Type)
				continue
			}
			es := entrySpec{name: strItem{e.Name, node}, typ: string(e.Type), subtype: e.Subtype, node: node}
			for _, a := range e.Aliases {
				es.aliases = append(es.aliases, strItem{a, node})
			}
			spec.entries = append(spec.entries, es)
		}
		set.rules = append(set.rules, spec)
	}
	return probs
}
