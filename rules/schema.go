package rules

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportgraph/extractor"
)

// This file reads rule files into specs, keeping the YAML position of every
// value so that each problem can be reported as file:line:column. Decoding is
// done by hand over yaml.Node rather than with struct tags so that unknown
// fields, wrong value kinds and per-kind field sets all get precise messages.

// strItem is one string of a YAML list with its node, for positions.
type strItem struct {
	s    string
	node *yaml.Node
}

// listSpec is a named word list (lists: name: [...]).
type listSpec struct {
	name  string
	items []strItem
	file  string
	node  *yaml.Node
}

type exampleSpec struct {
	text   string
	expect []string
	// any is true for a match example given as a bare string: the rule must
	// produce at least one mention there, whichever.
	any  bool
	node *yaml.Node
}

type elemSpec struct {
	node *yaml.Node

	phrases  []strItem // text / lower / in / lower_in
	fold     bool      // lower / lower_in
	hasPhr   bool
	regex    string
	shapes   []strItem
	cshapes  []strItem
	pos      []strItem
	synTail  bool // synonym_tail: a rewriter's lower-case rest of a name word's synonym (pattern.go)
	synonyms bool // synonyms: the list's name words in a rewriter's words too (pattern_name_synonyms.go)
	entity   []strItem
	nots     []*elemSpec // not: one element or a list; the token must match none
	any      bool
	seq      []*elemSpec
	or       [][]*elemSpec
	min, max int
	capture  bool
	slot     string
	typ      string
}

type entrySpec struct {
	name    strItem
	aliases []strItem
	typ     string
	subtype string
	cas     string
	common  *bool
	context bool // the name needs a threat word in its sentence (gazetteer.go)
	node    *yaml.Node
}

type ruleSpec struct {
	id, kind, typ, subtype, description string
	priority                            int
	hasPriority                         bool
	stage                               int
	hasStage                            bool
	cas                                 string
	common                              bool // gazetteer: names are also ordinary words
	lowercase                           bool // gazetteer: coined mixed-case names also match in lower case (gazetteer_lower.go)
	disabled                            bool

	entries []entrySpec // gazetteer
	types   []strItem   // stop
	words   []strItem   // stop
	pattern []*elemSpec // pattern, alias
	check   string      // alias
	model   string      // model: which model (namemodel.go)
	cross   bool        // alias: link mentions of different types

	canonical string    // pattern: "inner" takes the canonical name of a mention inside, "match" the match's text (output.go)
	suppress  bool      // pattern, gazetteer: the match hides what it covers and is no mention (output.go)
	notBefore []strItem // pattern: tokens that, right after a match, drop it (match.go, patternCand)
	notAfter  []strItem // pattern: words ("in the") that, right before a match, drop it (match.go)
	lists     bool      // pattern: also read a bullet list with its intro as one sentence (pattern_lists.go)
	compounds []strItem // gazetteer: tails of hyphenated compounds a name heads (compound.go)
	heads     []strItem // gazetteer: head nouns composed after the domain words (gazetteer_heads.go)
	domains   []strItem // gazetteer: domain words composed before the heads (gazetteer_heads.go)
	canonOf   []strItem // gazetteer: "domain: canonical" items for the composed names (gazetteer_heads.go)
	shortOf   []strItem // gazetteer: domain words that are the mention without their head (gazetteer_heads.go)
	rel       relSpec   // relation (relation.go)
	tbl       tableSpec // table (table.go)

	regex    string // regex
	validate string
	refang   *bool
	group    string
	scope    string

	match   []exampleSpec
	noMatch []exampleSpec

	file      string
	node      *yaml.Node
	fields    map[string]*yaml.Node // value node of each field
	pack      int
	overrides string
}

func (r *ruleSpec) line() int { return r.node.Line }

// ruleSet is every parsed file of every pack, with overrides applied.
type ruleSet struct {
	rules []*ruleSpec
	lists map[string]*listSpec
}

// parser collects problems while reading files.
type parser struct {
	probs []Problem
	file  string
	rule  string
}

func (p *parser) add(sev Severity, n *yaml.Node, format string, args ...any) {
	pr := Problem{File: p.file, RuleID: p.rule, Severity: sev, Message: fmt.Sprintf(format, args...)}
	if n != nil {
		pr.Line, pr.Column = n.Line, n.Column
	}
	p.probs = append(p.probs, pr)
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.add(SeverityError, n, format, args...)
}

// ruleFile is one file to parse.
type ruleFile struct {
	name string // as reported: rules/pack/x.yaml for embedded files
	data []byte
	pack int // 0 is the embedded pack
}

// embeddedName is how embedded files are named in messages: their path in
// the source tree, where a maintainer would fix them.
func embeddedName(name string) string { return "rules/" + name }

// readPacks lists the files of the embedded pack and of each dir in order.
// A dir may also be a single YAML file.
func readPacks(dirs []string, embedded bool) ([]ruleFile, []Problem) {
	var files []ruleFile
	var probs []Problem
	var names []string
	var err error
	if embedded {
		names, err = fs.Glob(packFS, "pack/*.y*ml")
	}
	if err != nil {
		probs = append(probs, Problem{File: "rules/pack", Severity: SeverityError, Message: err.Error()})
	}
	sort.Strings(names)
	for _, n := range names {
		data, err := fs.ReadFile(packFS, n)
		if err != nil {
			probs = append(probs, Problem{File: embeddedName(n), Severity: SeverityError, Message: err.Error()})
			continue
		}
		files = append(files, ruleFile{name: embeddedName(n), data: data})
	}
	for i, dir := range dirs {
		st, err := os.Stat(dir)
		if err != nil {
			probs = append(probs, Problem{File: dir, Severity: SeverityError, Message: "cannot read rule pack: " + err.Error()})
			continue
		}
		var paths []string
		if st.IsDir() {
			ents, err := os.ReadDir(dir)
			if err != nil {
				probs = append(probs, Problem{File: dir, Severity: SeverityError, Message: "cannot read rule pack: " + err.Error()})
				continue
			}
			for _, e := range ents {
				ext := path.Ext(e.Name())
				if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
					paths = append(paths, filepath.Join(dir, e.Name()))
				}
			}
			sort.Strings(paths)
			if len(paths) == 0 {
				probs = append(probs, Problem{File: dir, Severity: SeverityWarning, Message: "rule pack has no *.yaml files"})
			}
		} else {
			paths = []string{dir}
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				probs = append(probs, Problem{File: p, Severity: SeverityError, Message: err.Error()})
				continue
			}
			files = append(files, ruleFile{name: p, data: data, pack: i + 1})
		}
	}
	return files, probs
}

// parseAll reads and parses every file, applies overrides by id and
// resolves $list references. It returns every problem found.
func parseAll(dirs []string, embedded bool) (*ruleSet, []Problem) {
	files, probs := readPacks(dirs, embedded)
	p := &parser{probs: probs}
	set := &ruleSet{lists: map[string]*listSpec{}}
	byID := map[string]int{} // id → index in set.rules
	for _, f := range files {
		p.file, p.rule = f.name, ""
		lists, rules := p.parseFile(f)
		for _, l := range lists {
			if old, ok := set.lists[l.name]; ok {
				if old.node != nil && packOfList(old, files) == f.pack {
					p.errorf(l.node, "duplicate list %q (first defined at %s:%d)", l.name, old.file, old.node.Line)
					continue
				}
				p.add(SeverityInfo, l.node, "list %q replaces the list defined at %s:%d", l.name, old.file, old.node.Line)
			}
			set.lists[l.name] = l
		}
		for _, r := range rules {
			r.pack = f.pack
			i, dup := byID[r.id]
			if !dup {
				if r.disabled {
					p.rule = r.id
					p.add(SeverityWarning, r.node, "disabled rule overrides no rule")
					continue
				}
				byID[r.id] = len(set.rules)
				set.rules = append(set.rules, r)
				continue
			}
			old := set.rules[i]
			p.rule = r.id
			if old.pack == r.pack {
				p.errorf(r.fields["id"], "duplicate id (first defined at %s:%d)", old.file, old.line())
				continue
			}
			r.overrides = fmt.Sprintf("%s:%d", old.file, old.line())
			p.add(SeverityInfo, r.fields["id"], "overrides the rule at %s", r.overrides)
			set.rules[i] = r
		}
	}
	// Drop disabled rules, keeping the order of the others.
	kept := set.rules[:0]
	for _, r := range set.rules {
		if !r.disabled {
			kept = append(kept, r)
		}
	}
	set.rules = kept
	p.expandLists(set.lists)
	for _, r := range set.rules {
		p.file, p.rule = r.file, r.id
		p.resolveRule(r, set.lists)
	}
	return set, p.probs
}

// expandLists replaces an item "$name" of a list by the items of list name,
// as a rule's word list would, so one list may hold another's words
// (org_intro_nouns holds news_outlet_nouns). A list that holds itself,
// directly or through others, is an error.
func (p *parser) expandLists(lists map[string]*listSpec) {
	const busy, done = 1, 2
	state := map[string]int{}
	var visit func(l *listSpec)
	visit = func(l *listSpec) {
		state[l.name] = busy
		var out []strItem
		for _, it := range l.items {
			name, ok := strings.CutPrefix(it.s, "$")
			if !ok || name == "" {
				out = append(out, it)
				continue
			}
			sub, found := lists[name]
			switch {
			case !found:
				p.file, p.rule = l.file, ""
				p.errorf(it.node, "undefined list %s", it.s)
				continue
			case state[name] == busy:
				p.file, p.rule = l.file, ""
				p.errorf(it.node, "list %q holds itself through %s", l.name, it.s)
				continue
			case state[name] == 0:
				visit(sub)
			}
			out = append(out, sub.items...)
		}
		l.items = out
		state[l.name] = done
	}
	names := make([]string, 0, len(lists))
	for name := range lists {
		names = append(names, name)
	}
	sort.Strings(names) // problems in the same order on every run
	for _, name := range names {
		if state[name] == 0 {
			visit(lists[name])
		}
	}
}

func packOfList(l *listSpec, files []ruleFile) int {
	for _, f := range files {
		if f.name == l.file {
			return f.pack
		}
	}
	return -1
}

func (p *parser) parseFile(f ruleFile) (lists []*listSpec, rules []*ruleSpec) {
	var doc yaml.Node
	if err := yaml.Unmarshal(f.data, &doc); err != nil {
		line := 0
		msg := err.Error()
		// yaml.v3 reports "yaml: line N: ..."; lift the line into the position.
		if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
			if k := strings.IndexByte(rest, ':'); k > 0 {
				if n, err := strconv.Atoi(rest[:k]); err == nil {
					line, msg = n, strings.TrimSpace(rest[k+1:])
					if yamlParserError(msg) {
						line++
					}
				}
			}
		}
		p.probs = append(p.probs, Problem{File: f.name, Line: line, Column: 1, Severity: SeverityError,
			Message: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")})
		return nil, nil
	}
	if len(doc.Content) == 0 {
		p.add(SeverityWarning, nil, "empty rule file")
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.errorf(root, "a rule file is a mapping with the keys lists and rules")
		return nil, nil
	}
	for _, kv := range p.pairs(root, "lists", "rules") {
		switch kv.key {
		case "lists":
			if !p.want(kv.val, yaml.MappingNode, "lists") {
				continue
			}
			seen := map[string]bool{}
			for i := 0; i+1 < len(kv.val.Content); i += 2 {
				k, v := kv.val.Content[i], kv.val.Content[i+1]
				if seen[k.Value] {
					p.errorf(k, "duplicate list %q in this file", k.Value)
					continue
				}
				seen[k.Value] = true
				items := p.strings(v, "list "+k.Value, false)
				lists = append(lists, &listSpec{name: k.Value, items: items, file: f.name, node: k})
			}
		case "rules":
			if !p.want(kv.val, yaml.SequenceNode, "rules") {
				continue
			}
			for _, rn := range kv.val.Content {
				if r := p.parseRule(rn); r != nil {
					r.file = f.name
					rules = append(rules, r)
				}
			}
		}
	}
	p.rule = ""
	return lists, rules
}

// yamlParserError reports whether msg is one of yaml.v3's parser (not
// scanner) errors, whose "line N" is zero-based: yaml.v3 adds one only to
// scanner error lines.
func yamlParserError(msg string) bool {
	for _, m := range []string{"did not find expected <document start>", "did not find expected node content",
		"did not find expected key", "did not find expected '-' indicator", "did not find expected ',' or ']'",
		"did not find expected ',' or '}'"} {
		if strings.HasPrefix(msg, m) {
			return true
		}
	}
	return false
}

type pair struct {
	key      string
	keyNode  *yaml.Node
	val      *yaml.Node
	position int
}

// pairs returns the key/value pairs of mapping n, reporting unknown and
// duplicate keys.
func (p *parser) pairs(n *yaml.Node, allowed ...string) []pair {
	var out []pair
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if !contains(allowed, k.Value) {
			msg := fmt.Sprintf("unknown field %q", k.Value)
			if s := closest(k.Value, allowed); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			p.errorf(k, "%s", msg)
			continue
		}
		if seen[k.Value] {
			p.errorf(k, "field %q given twice", k.Value)
			continue
		}
		seen[k.Value] = true
		out = append(out, pair{key: k.Value, keyNode: k, val: v})
	}
	return out
}

func (p *parser) want(n *yaml.Node, kind yaml.Kind, what string) bool {
	n = deref(n)
	if n.Kind == kind {
		return true
	}
	names := map[yaml.Kind]string{yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list", yaml.ScalarNode: "a single value"}
	p.errorf(n, "%s must be %s, not %s", what, names[kind], kindName(n))
	return false
}

// deref follows a YAML alias (*name) to its anchored node, so anchors can
// share pattern elements within a file.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an alias"
}

func (p *parser) str(n *yaml.Node, what string) (string, bool) {
	if !p.want(n, yaml.ScalarNode, what) {
		return "", false
	}
	return n.Value, true
}

func (p *parser) boolean(n *yaml.Node, what string) bool {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!bool") {
		p.errorf(n, "%s must be true or false, not %s", what, kindName(n))
		return false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
}

func (p *parser) integer(n *yaml.Node, what string) (int, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		p.errorf(n, "%s must be a whole number, not %s", what, kindName(n))
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		p.errorf(n, "%s: %v", what, err)
		return 0, false
	}
	return v, true
}

// strings reads a string or a list of strings. A bare string is a list of
// one unless listOnly.
func (p *parser) strings(n *yaml.Node, what string, listOnly bool) []strItem {
	n = deref(n)
	if n.Kind == yaml.ScalarNode && !listOnly && n.Tag != "!!null" {
		return []strItem{{s: n.Value, node: n}}
	}
	if n.Kind != yaml.SequenceNode {
		if listOnly {
			p.errorf(n, "%s must be a list, not %s", what, kindName(n))
		} else {
			p.errorf(n, "%s must be a string or a list of strings, not %s", what, kindName(n))
		}
		return nil
	}
	out := make([]strItem, 0, len(n.Content))
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
			p.errorf(c, "%s: each item must be a string, not %s", what, kindName(c))
			continue
		}
		out = append(out, strItem{s: c.Value, node: c})
	}
	return out
}

var fieldsByKind = map[string][]string{
	KindGazetteer: {"type", "case", "common", "lowercase", "entries", "suppress", "compounds", "heads", "domains", "canonicals", "short", "not_after", "not_before"},
	KindPattern:   {"type", "subtype", "pattern", "stage", "canonical", "suppress", "lists", "not_before", "not_after", "intros"},
	KindRegex:     {"type", "subtype", "regex", "validate", "refang", "group", "scope"},
	KindAlias:     {"type", "pattern", "check", "cross_type"},
	KindStop:      {"types", "case", "words"},
	KindRelation:  {"relation", "source", "target", "pattern", "apposition", "not_before", "not_after", "supersedes"},
	KindTable:     tableFields,                                                                                                                                                                                                      // table.go
	KindPropagate: {"types", "intros", "not_cues", "cues"},                                                                                                                                                                          // propagate.go, propagate_lists.go
	KindTopic:     {"relation", "source", "target", "cues", "not_cues", "not_before", "not_after", "home_before", "seats", "state_words", "sponsor_words", "passive", "frames", "sections", "labels", "intros", "items", "charges"}, // relation_fallback.go
	KindHeadline:  {"relation", "source", "target", "cues", "not_cues", "body_words", "not_body_words"},                                                                                                                             // relation_headline.go
	KindNamePlace: {"relation", "source", "target"},                                                                                                                                                                                 // relation_name_place.go
	KindParty:     {"relation", "source", "target"},                                                                                                                                                                                 // relation_party_subject.go
	KindModel:     {"model"},                                                                                                                                                                                                        // namestage.go
}

var commonFields = []string{"id", "kind", "description", "priority", "examples", "disabled"}

func (p *parser) parseRule(n *yaml.Node) *ruleSpec {
	p.rule = ""
	n = deref(n)
	if !p.want(n, yaml.MappingNode, "a rule") {
		return nil
	}
	r := &ruleSpec{node: n, fields: map[string]*yaml.Node{}, priority: DefaultPriority}
	// id and kind first: they decide the messages and the allowed fields.
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch n.Content[i].Value {
		case "id":
			r.id, _ = p.str(n.Content[i+1], "id")
			p.rule = r.id
		case "kind":
			r.kind, _ = p.str(n.Content[i+1], "kind")
		case "disabled":
			r.disabled = p.boolean(n.Content[i+1], "disabled")
		}
	}
	if r.id == "" {
		p.errorf(n, "rule has no id")
		return nil
	}
	if !validID(r.id) {
		p.errorf(n, "id %q may hold only letters, digits and . _ -", r.id)
	}
	allowed := append([]string(nil), commonFields...)
	kindFields, known := fieldsByKind[r.kind]
	switch {
	case r.disabled:
		// A disabled override needs only its id; accept any field so that
		// a rule can be switched off by adding one line.
		for k := range fieldsByKind {
			allowed = append(allowed, fieldsByKind[k]...)
		}
	case r.kind == "":
		p.errorf(n, "rule has no kind (one of gazetteer, pattern, regex, alias, stop, relation, table, propagate, topic)")
		return nil
	case !known:
		kn := n
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "kind" {
				kn = n.Content[i+1]
			}
		}
		p.errorf(kn, "unknown kind %q (one of gazetteer, pattern, regex, alias, stop, relation, table, propagate, topic, headline, name-place, model)", r.kind)
		return nil
	default:
		allowed = append(allowed, kindFields...)
	}
	for _, kv := range p.pairs(n, allowed...) {
		r.fields[kv.key] = kv.val
		if r.kind == KindTable && p.parseTableField(r, kv.key, kv.val) { // table.go
			continue
		}
		switch kv.key {
		case "description":
			r.description, _ = p.str(kv.val, "description")
		case "priority":
			r.priority, r.hasPriority = p.integer(kv.val, "priority")
		case "stage":
			r.stage, r.hasStage = p.integer(kv.val, "stage")
			if r.hasStage && r.stage < 1 {
				p.errorf(kv.val, "stage must be 1 or more (stage 0 is gazetteers and regular expressions)")
			}
		case "type":
			r.typ, _ = p.str(kv.val, "type")
			p.checkType(kv.val, r.typ, false)
		case "subtype":
			r.subtype, _ = p.str(kv.val, "subtype")
		case "case":
			r.cas, _ = p.str(kv.val, "case")
			p.checkCase(kv.val, r.cas)
		case "common":
			r.common = p.boolean(kv.val, "common")
		case "lowercase":
			r.lowercase = p.boolean(kv.val, "lowercase")
		case "entries":
			r.entries = p.parseEntries(kv.val)
		case "types":
			r.types = p.strings(kv.val, "types", false)
			for _, t := range r.types {
				p.checkType(t.node, t.s, true)
			}
		case "words":
			r.words = p.strings(kv.val, "words", false)
		case "pattern":
			r.pattern = p.parseSeq(kv.val, "pattern")
		case "check":
			r.check, _ = p.str(kv.val, "check")
			if r.check != "" && r.check != "abbreviation" {
				p.errorf(kv.val, "unknown check %q (known: abbreviation)", r.check)
			}
		case "cross_type":
			r.cross = p.boolean(kv.val, "cross_type")
		case "model":
			r.model, _ = p.str(kv.val, "model")
			if r.model != "" && r.model != modelNames {
				p.errorf(kv.val, "model: unknown model %q (the only one is %q)", r.model, modelNames)
			}
		case "regex":
			r.regex, _ = p.str(kv.val, "regex")
			p.checkRegex(kv.val, r.regex)
		case "validate":
			r.validate, _ = p.str(kv.val, "validate")
			if _, ok := validators[r.validate]; !ok && vocabValidators[r.validate] == nil {
				p.errorf(kv.val, "unknown validator %q (known: %s)", r.validate, strings.Join(validatorNames(), ", "))
			}
		case "refang":
			b := p.boolean(kv.val, "refang")
			r.refang = &b
		case "group":
			r.group, _ = p.str(kv.val, "group")
		case "scope":
			r.scope, _ = p.str(kv.val, "scope")
			if r.scope != "token" && r.scope != "sentence" {
				p.errorf(kv.val, "scope must be token or sentence, not %q", r.scope)
			}
		case "examples":
			p.parseExamples(r, kv.val)
		case "canonical", "suppress":
			p.parseOutputField(r, kv.key, kv.val) // output.go
		case "compounds":
			r.compounds = p.strings(kv.val, "compounds", false) // compound.go
		case "heads":
			r.heads = p.strings(kv.val, "heads", false) // gazetteer_heads.go
		case "domains":
			r.domains = p.strings(kv.val, "domains", false) // gazetteer_heads.go
		case "canonicals":
			r.canonOf = p.strings(kv.val, "canonicals", false) // gazetteer_heads.go
		case "short":
			r.shortOf = p.strings(kv.val, "short", false) // gazetteer_heads.go
		case "lists":
			r.lists = p.boolean(kv.val, "lists") // pattern_lists.go
		case "not_before":
			if r.kind == KindPattern || r.kind == KindGazetteer {
				r.notBefore = p.strings(kv.val, "not_before", false) // match.go, patternCand
			} else {
				p.parseRelationField(r, kv.key, kv.val)
			}
		case "not_after":
			if r.kind == KindPattern || r.kind == KindRelation || r.kind == KindGazetteer {
				r.notAfter = p.strings(kv.val, "not_after", false) // match.go, notAfterMatch; gazetteer_heads.go
			} else {
				p.parseRelationField(r, kv.key, kv.val)
			}
		case "relation", "source", "target", "apposition", "supersedes", "cues", "home_before", "seats", "state_words", "sponsor_words", "passive", "frames",
			"not_cues", "body_words", "not_body_words", "intros", "items", "charges", "sections", "labels":
			p.parseRelationField(r, kv.key, kv.val) // relation.go
		}
	}
	if r.disabled {
		return r
	}
	p.checkRequired(r)
	return r
}

func (p *parser) checkRequired(r *ruleSpec) {
	need := func(field string) {
		if _, ok := r.fields[field]; !ok {
			p.errorf(r.node, "%s rule needs the field %q", r.kind, field)
		}
	}
	switch r.kind {
	case KindGazetteer:
		need("entries")
		p.checkComposed(r) // gazetteer_heads.go
		if r.typ == "" {
			for _, e := range r.entries {
				if e.typ == "" {
					p.errorf(e.node, "entry %q has no type and the rule gives none", e.name.s)
				}
			}
		}
	case KindPattern:
		need("type")
		need("pattern")
	case KindRegex:
		need("type")
		need("regex")
	case KindAlias:
		need("pattern")
	case KindStop:
		need("words")
	case KindRelation:
		need("relation")
		need("source")
		need("target")
		need("pattern")
	case KindTable:
		p.checkTableRequired(r) // table.go
	case KindPropagate:
		need("types")
	case KindModel:
		need("model")
	case KindTopic, KindHeadline, KindNamePlace, KindParty:
		need("relation")
		need("source")
		need("target")
	}
	if _, ok := r.fields["description"]; !ok && r.kind != "" {
		p.add(SeverityWarning, r.node, "rule has no description")
	}
	if len(r.match)+len(r.noMatch) == 0 && r.kind != KindStop {
		p.add(SeverityWarning, r.node, "rule has no examples")
	}
}

func validID(id string) bool {
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func (p *parser) checkType(n *yaml.Node, t string, allowAny bool) {
	if t == "" || (allowAny && t == "any") || extractor.ValidEntityType(extractor.EntityType(t)) {
		return
	}
	names := make([]string, len(extractor.EntityTypes))
	for i, v := range extractor.EntityTypes {
		names[i] = string(v)
	}
	msg := fmt.Sprintf("unknown type %q", t)
	if s := closest(t, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else {
		msg += " (known: " + strings.Join(names, ", ") + ")"
	}
	p.errorf(n, "%s", msg)
}

func (p *parser) checkCase(n *yaml.Node, c string) {
	if c != "sensitive" && c != "insensitive" && c != "auto" {
		p.errorf(n, "case must be sensitive, insensitive or auto, not %q", c)
	}
}

func (p *parser) parseEntries(n *yaml.Node) []entrySpec {
	if !p.want(n, yaml.SequenceNode, "entries") {
		return nil
	}
	out := make([]entrySpec, 0, len(n.Content))
	for _, en := range n.Content {
		en = deref(en)
		// A bare string is an entry without aliases.
		if en.Kind == yaml.ScalarNode && en.Tag != "!!null" {
			out = append(out, entrySpec{name: strItem{en.Value, en}, node: en})
			continue
		}
		if !p.want(en, yaml.MappingNode, "an entry") {
			continue
		}
		e := entrySpec{node: en}
		for _, kv := range p.pairs(en, "name", "aliases", "type", "subtype", "case", "common", "context") {
			switch kv.key {
			case "name":
				s, _ := p.str(kv.val, "name")
				e.name = strItem{s, kv.val}
			case "aliases":
				e.aliases = p.strings(kv.val, "aliases", false)
			case "type":
				e.typ, _ = p.str(kv.val, "type")
				p.checkType(kv.val, e.typ, false)
			case "subtype":
				e.subtype, _ = p.str(kv.val, "subtype")
			case "case":
				e.cas, _ = p.str(kv.val, "case")
				p.checkCase(kv.val, e.cas)
			case "common":
				b := p.boolean(kv.val, "common")
				e.common = &b
			case "context":
				e.context = p.boolean(kv.val, "context")
			}
		}
		if strings.TrimSpace(e.name.s) == "" {
			p.errorf(en, "entry has no name")
			continue
		}
		out = append(out, e)
	}
	return out
}

func (p *parser) parseExamples(r *ruleSpec, n *yaml.Node) {
	if !p.want(n, yaml.MappingNode, "examples") {
		return
	}
	for _, kv := range p.pairs(n, "match", "no_match") {
		if !p.want(kv.val, yaml.SequenceNode, "examples."+kv.key) {
			continue
		}
		for _, en := range kv.val.Content {
			ex := exampleSpec{node: en}
			switch {
			case en.Kind == yaml.ScalarNode && en.Tag != "!!null":
				ex.text, ex.any = en.Value, true
			case en.Kind == yaml.MappingNode:
				allowed := []string{"text", "expect"}
				if kv.key == "no_match" {
					allowed = allowed[:1]
				}
				for _, f := range p.pairs(en, allowed...) {
					switch f.key {
					case "text":
						ex.text, _ = p.str(f.val, "text")
					case "expect":
						for _, s := range p.strings(f.val, "expect", false) {
							ex.expect = append(ex.expect, s.s)
						}
					}
				}
				if kv.key == "match" && ex.expect == nil {
					ex.any = true
				}
			default:
				p.errorf(en, "an example is a sentence or {text: ..., expect: [...]}, not %s", kindName(en))
				continue
			}
			if ex.text == "" {
				p.errorf(en, "example has no text")
				continue
			}
			if r.kind == KindRelation || r.kind == KindTopic || r.kind == KindHeadline || r.kind == KindNamePlace || r.kind == KindParty {
				p.checkRelationExpect(ex) // relation.go
			} else if r.kind == KindTable && r.tbl.relation != tableKind && r.tbl.relation != tableName {
				p.checkTableExpect(ex) // table.go
			} else {
				p.checkExpect(ex)
			}
			if kv.key == "match" {
				r.match = append(r.match, ex)
			} else {
				ex.any = false
				r.noMatch = append(r.noMatch, ex)
			}
		}
	}
}

// checkRegex reports a regular expression Go cannot compile, at its value,
// so that lint finds it along with schema errors.
func (p *parser) checkRegex(n *yaml.Node, expr string) {
	if _, err := regexp.Compile(expr); err != nil {
		p.errorf(n, "bad regex: %v", err)
	}
}

// checkExpect warns about expected texts that do not occur in the example
// (as written or refanged): such an example can never pass.
func (p *parser) checkExpect(ex exampleSpec) {
	clean, _ := refang(ex.text)
	for _, e := range ex.expect {
		parts := []string{e}
		if a, b, ok := strings.Cut(e, " = "); ok {
			parts = []string{a, b}
		}
		for _, part := range parts {
			if !strings.Contains(ex.text, part) && !strings.Contains(clean, part) {
				p.add(SeverityWarning, ex.node, "expected %q does not occur in the example text", part)
			}
		}
	}
}

var elemFields = []string{"text", "lower", "in", "lower_in", "synonyms", "regex", "shape", "cshape", "pos", "synonym_tail", "entity",
	"not", "any", "seq", "or", "optional", "repeat", "capture", "slot", "type"}

// parseSeq reads a list of pattern elements.
func (p *parser) parseSeq(n *yaml.Node, what string) []*elemSpec {
	n = deref(n)
	if !p.want(n, yaml.SequenceNode, what) {
		return nil
	}
	var out []*elemSpec
	for _, en := range n.Content {
		if e := p.parseElem(en, false); e != nil {
			out = append(out, e)
		}
	}
	if len(out) == 0 && len(n.Content) == 0 {
		p.errorf(n, "%s is empty: it can never match", what)
	}
	return out
}

// parseElem reads one pattern element. A bare string is shorthand for
// {text: s}, or {in: $list} when it starts with $.
func (p *parser) parseElem(n *yaml.Node, negated bool) *elemSpec {
	n = deref(n)
	e := &elemSpec{node: n, min: 1, max: 1}
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		e.phrases, e.hasPhr = []strItem{{n.Value, n}}, true
		return e
	}
	if !p.want(n, yaml.MappingNode, "a pattern element") {
		return nil
	}
	fields := elemFields
	if negated {
		fields = []string{"text", "lower", "in", "lower_in", "regex", "shape", "cshape", "pos", "entity"}
	}
	var repeatNode, optionalNode *yaml.Node
	for _, kv := range p.pairs(n, fields...) {
		switch kv.key {
		case "text", "lower", "in", "lower_in":
			if e.hasPhr {
				p.errorf(kv.keyNode, "use one of text, lower, in, lower_in per element")
				continue
			}
			e.hasPhr = true
			e.fold = kv.key == "lower" || kv.key == "lower_in"
			e.phrases = p.strings(kv.val, kv.key, false)
			if len(e.phrases) == 0 {
				p.errorf(kv.val, "%s is empty: the element can never match", kv.key)
			}
		case "regex":
			e.regex, _ = p.str(kv.val, "regex")
			p.checkRegex(kv.val, e.regex)
		case "shape":
			e.shapes = p.strings(kv.val, "shape", false)
		case "cshape":
			e.cshapes = p.strings(kv.val, "cshape", false)
		case "pos":
			e.pos = p.strings(kv.val, "pos", false)
		case "synonym_tail":
			e.synTail = p.boolean(kv.val, "synonym_tail")
		case "synonyms":
			e.synonyms = p.boolean(kv.val, "synonyms")
		case "entity":
			e.entity = p.strings(kv.val, "entity", false)
			for _, t := range e.entity {
				if !strings.HasPrefix(t.s, "$") { // lists are checked once expanded
					p.checkType(t.node, t.s, true)
				}
			}
		case "not":
			if kv.val.Kind == yaml.SequenceNode {
				for _, c := range kv.val.Content {
					if ne := p.parseElem(c, true); ne != nil {
						e.nots = append(e.nots, ne)
					}
				}
			} else if ne := p.parseElem(kv.val, true); ne != nil {
				e.nots = append(e.nots, ne)
			}
		case "any":
			e.any = p.boolean(kv.val, "any")
		case "seq":
			e.seq = p.parseSeq(kv.val, "seq")
		case "or":
			if !p.want(kv.val, yaml.SequenceNode, "or") {
				continue
			}
			for _, alt := range kv.val.Content {
				if alt.Kind == yaml.SequenceNode {
					e.or = append(e.or, p.parseSeq(alt, "an alternative"))
				} else if a := p.parseElem(alt, false); a != nil {
					e.or = append(e.or, []*elemSpec{a})
				}
			}
			if len(kv.val.Content) == 0 {
				p.errorf(kv.val, "or has no alternatives: it can never match")
			}
		case "optional":
			optionalNode = kv.val
			if p.boolean(kv.val, "optional") {
				e.min = 0
			}
		case "repeat":
			repeatNode = kv.val
			s, _ := p.str(kv.val, "repeat")
			lo, hi, ok := parseRepeat(s)
			if !ok {
				p.errorf(kv.val, "repeat must be ?, *, +, N, N-M or N- (got %q)", s)
				continue
			}
			e.min, e.max = lo, hi
		case "capture":
			e.capture = p.boolean(kv.val, "capture")
		case "slot":
			e.slot, _ = p.str(kv.val, "slot")
		case "type":
			e.typ, _ = p.str(kv.val, "type")
			p.checkType(kv.val, e.typ, false)
		}
	}
	if repeatNode != nil && optionalNode != nil {
		p.errorf(optionalNode, "give optional or repeat, not both")
	}
	if e.capture && e.slot != "" {
		p.errorf(n, "capture: true is the slot \"entity\"; give capture or slot, not both")
	}
	if e.typ != "" && e.slot == "" {
		p.errorf(n, "type on an element names the type of a slot; it needs slot")
	}
	consumers := 0
	for _, b := range []bool{e.hasPhr, len(e.entity) > 0 && !negated, e.seq != nil, e.or != nil, e.any} {
		if b {
			consumers++
		}
	}
	if consumers > 1 {
		p.errorf(n, "an element matches by one of text/lower/in/lower_in, entity, seq, or, any; combine others with not, regex, shape, cshape, pos, synonym_tail")
	}
	if (e.seq != nil || e.or != nil) && (e.regex != "" || e.shapes != nil || e.cshapes != nil || e.pos != nil || e.nots != nil || e.synTail) {
		p.errorf(n, "seq and or take no token constraints; put them on the inner elements")
	}
	if consumers == 0 && e.regex == "" && e.shapes == nil && e.cshapes == nil && e.pos == nil && e.nots == nil && !e.synTail && len(e.entity) == 0 {
		p.errorf(n, "empty pattern element (use any: true for any token)")
	}
	return e
}

// parseRepeat reads ?, *, +, N, N-M and N- into bounds; max -1 is unbounded.
func parseRepeat(s string) (lo, hi int, ok bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "?":
		return 0, 1, true
	case "*":
		return 0, -1, true
	case "+":
		return 1, -1, true
	}
	a, b, dash := strings.Cut(s, "-")
	lo, err := strconv.Atoi(strings.TrimSpace(a))
	if err != nil || lo < 0 {
		return 0, 0, false
	}
	if !dash {
		return lo, lo, lo > 0
	}
	if strings.TrimSpace(b) == "" {
		return lo, -1, true
	}
	hi, err = strconv.Atoi(strings.TrimSpace(b))
	if err != nil || hi < lo || hi == 0 {
		return 0, 0, false
	}
	return lo, hi, true
}

// resolveRule expands $list references and checks what needs the whole set.
func (p *parser) resolveRule(r *ruleSpec, lists map[string]*listSpec) {
	r.words = p.expand(r.words, lists)
	r.compounds = p.expand(r.compounds, lists)
	r.heads = p.expand(r.heads, lists)
	r.domains = p.expand(r.domains, lists)
	r.canonOf = p.expand(r.canonOf, lists)
	r.shortOf = p.expand(r.shortOf, lists)
	r.notBefore = p.expand(r.notBefore, lists) // a pattern's not_before: [$list]
	r.notAfter = p.expand(r.notAfter, lists)   // a pattern's not_after: [$list]
	for _, dst := range r.rel.wordLists() {
		*dst = p.expand(*dst, lists)
	}
	p.resolveTable(r, lists) // table.go
	var walk func(es []*elemSpec)
	walk = func(es []*elemSpec) {
		for _, e := range es {
			if e == nil {
				continue
			}
			e.phrases = p.expand(e.phrases, lists)
			e.entity = p.expandTypes(e.entity, lists)
			for _, ne := range e.nots {
				ne.phrases = p.expand(ne.phrases, lists)
				ne.entity = p.expandTypes(ne.entity, lists)
			}
			walk(e.seq)
			for _, alt := range e.or {
				walk(alt)
			}
		}
	}
	walk(r.pattern)
}

// expandTypes expands $lists in an entity constraint and checks the types
// that came from lists.
func (p *parser) expandTypes(items []strItem, lists map[string]*listSpec) []strItem {
	out := p.expand(items, lists)
	if len(out) != len(items) || (len(out) > 0 && &out[0] != &items[0]) {
		for _, t := range out {
			p.checkType(t.node, t.s, true)
		}
	}
	return out
}

// expand replaces every "$name" item by the items of list name.
func (p *parser) expand(items []strItem, lists map[string]*listSpec) []strItem {
	var out []strItem
	changed := false
	for _, it := range items {
		if strings.HasPrefix(it.s, "$") && len(it.s) > 1 {
			changed = true
			l, ok := lists[it.s[1:]]
			if !ok {
				p.errorf(it.node, "undefined list %s", it.s)
				continue
			}
			out = append(out, l.items...)
			if it.s[1:] == listAnaphors || it.s[1:] == listCooccurAnaphors {
				// and the actor phrases no list spells out ("the
				// state-backed crew"; relation_actor_np.go)
				out = append(out, strItem{s: actorNPMarker, node: it.node})
			}
			continue
		}
		out = append(out, it)
	}
	if !changed {
		return items
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// closest returns the candidate within edit distance 2 of s, for "did you
// mean" hints, or "".
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
