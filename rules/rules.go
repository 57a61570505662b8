// Package rules loads, checks and runs the rule language that finds
// mentions in text: gazetteers (known names), token patterns, regular
// expressions for indicators, alias definitions and stop lists.
//
// Rules are YAML files (docs/rules.md is the reference). The default pack is
// embedded in the binary; users add packs with --rules DIR that extend it or
// override its rules by id. A Pack is compiled once and is safe for
// concurrent use.
//
// Matching runs in stages over one document: gazetteers and regular
// expressions first, then pattern rules (which may build on what the first
// stage found), then alias rules, with stop lists applied to every candidate.
// Overlapping candidates are settled by the longest match, then the higher
// priority, then the earlier rule.
package rules

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
)

// Rule kinds.
const (
	KindGazetteer = "gazetteer"
	KindPattern   = "pattern"
	KindRegex     = "regex"
	KindAlias     = "alias"
	KindStop      = "stop"
	KindRelation  = "relation"  // see relation.go
	KindPropagate = "propagate" // see propagate.go
)

// DefaultPriority is the priority of a rule that does not give one.
const DefaultPriority = 50

// Info describes one rule of a compiled pack (for `extractor rules list`).
type Info struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Type     string `json:"type,omitempty"`
	Subtype  string `json:"subtype,omitempty"`
	Priority int    `json:"priority"`
	// Stage is the stage of a pattern rule (1 or more); 0 for other kinds
	// (gazetteers and regexes run first, aliases last).
	Stage       int    `json:"stage"`
	Description string `json:"description,omitempty"`
	File        string `json:"file"`
	Line        int    `json:"line"`
	// Examples counts match and no_match examples together.
	Examples int `json:"examples"`
	// Entries is the number of names (gazetteer) or words (stop).
	Entries int `json:"entries,omitempty"`
	// Overrides is "file:line" of the rule this one replaced, if any.
	Overrides string `json:"overrides,omitempty"`
}

// AliasLink says that two spans of a document name the same thing.
type AliasLink struct {
	Name  extractor.Span `json:"name"`
	Alias extractor.Span `json:"alias"`
	Rule  string         `json:"rule"`
}

// Result is what Match found in one document. Mentions are sorted by
// position and never overlap; Doc and Page are left for the caller.
type Result struct {
	Mentions []extractor.Mention
	Aliases  []AliasLink
	// Relations are the matches of relation rules (relation.go), sorted by
	// position; their spans are spans of Mentions.
	Relations []RelationMatch
}

// Problem is one finding of Lint or Load, positioned in a rule file.
type Problem struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	RuleID   string   `json:"rule,omitempty"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// Severity grades a Problem. Only errors stop Load.
type Severity string

// Severities, from worst.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Column)
	}
	b.WriteString(": ")
	if p.Severity != SeverityError && p.Severity != "" {
		b.WriteString(string(p.Severity))
		b.WriteString(": ")
	}
	if p.RuleID != "" {
		fmt.Fprintf(&b, "rule %q: ", p.RuleID)
	}
	b.WriteString(p.Message)
	return b.String()
}

// LoadError is returned by Load when a rule file has errors. Its message
// lists every error as file:line:column.
type LoadError struct {
	Problems []Problem // errors only
}

func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Pack is a compiled set of rules, safe for concurrent use.
type Pack struct {
	phraseSets int // phrase sets compiled so far (their ids)
	// bodyLongForms maps the folded canonical name of a government or
	// organisation gazetteer entry to its names of three words or more
	// ("Main Intelligence Directorate" of the GRU): rewordsKnown reads them.
	bodyLongForms map[string][]string
	rules         []*rule
	// ruleAnchored is rules[i].anchored by rule index: the pattern stage
	// tests it for every rule listed at a token (277k per BenchmarkExtract
	// run, most of them not tried), and a small table spares reading the
	// rule.
	ruleAnchored []bool
	infos        []Info

	gaz *gazetteer
	// synTails maps the first word of a rewriter's multi-word synonym
	// ("applied" of "applied sciences"), folded, to the rest of each such
	// synonym, folded (gazetteer_synonyms.go; gazetteer_longer.go reads
	// them).
	synTails    map[string][][]string
	stops       *stopList
	vocab       map[string]*vocabEntry // folded token → gazetteer trie, pattern starts and anchors
	tails       map[string]bool        // folded tails of hyphenated compounds some gazetteer allows (compound.go)
	anyCompound bool                   // some gazetteer takes any lower-case compound tail ("*", compound.go)
	sectorDoms  map[string]bool        // folded domain words of composed sector names (gazetteer_heads.go)
	tokRegex    []*rule                // regex rules run on single tokens
	sentRegex   []*rule                // regex rules run on whole sentences
	phases      []*phase               // pattern rules by stage, ascending
	aliasPhase  *phase
	relPhase    *phase          // relation rules, run after aliases (relation.go)
	propagate   []propRule      // document propagation rules (propagate.go)
	topics      []topicRule     // topic fallback rules (relation_fallback.go)
	headlines   []headlineRule  // headline rules (relation_headline.go)
	namePlaces  []namePlaceRule // name-place rules (relation_name_place.go)
	parties     []partyRule     // party rules (relation_party_subject.go)
	partyActs   *phraseSet      // a case party's acting verbs (relation_party_subject.go)
	partyStops  map[string]bool // words that end a party act's reach (relation_party_subject.go)
	relCues     *relCues        // negation, hedge and anaphor lists of relation rules
	cueWords    cueWords        // the same negation and hedge lists as words (cue_words.go)
	gazContext  *phraseSet      // words that let a context name match (gazetteer.go)
	gazFrames   *phraseSet      // an actor's words after a common name opening a sentence (gazetteer.go)
	groupNouns  []string        // the list actor_group_nouns, for resolution (GroupNouns)
	groupWords  map[string]bool // its one-word items, folded (relation_topic_group_subject.go)
	capStop     map[string]bool // folded capitalized_stopwords (gazetteer_longer.go)
	// placeVariantStopNext are the folded nouns after which a place's
	// two words in other words name a unit, not the place
	// (gazetteer_place_variant_stop_next, gazHit.placeTwo).
	placeVariantStopNext map[string]bool
	productNouns         map[string]bool  // folded company_product_nouns (gazetteer_longer.go)
	described            describedWords   // the lists that say what a malware-named party is (described_type.go)
	news                 newsWords        // the lists that make a name a news outlet's (anaphor_news.go)
	cityStates           map[string]bool  // folded city_named_states (place_city_state.go)
	eachAside            map[string]bool  // folded list_each_aside_words (relation_listintro.go)
	teamSplitObjects     map[string]bool  // folded team_split_objects (relation_listintro.go)
	teamSplitVerbs       map[string]bool  // folded team_split_verbs (relation_listintro.go)
	stateOrganBodies     map[string]bool  // folded state_organ_bodies (gazetteer_heads.go)
	cti                  vocabulary       // the CTI vocabulary lists (vocab.go)
	tables               *tableSet        // table rules (table.go); nil when the pack has none
	tokenRE              []*regexp.Regexp // distinct pattern token regexes, by cache id
	tokenDFA             []*asciiDFA      // their automata for ASCII tokens, or nil (tokendfa.go)
	tokenREs             map[string]int
	an                   *nlp.Analyzer
	names                *NameModel      // the name model that runs (namemodel.go), nil when off
	nameModel            *NameModel      // the model rule's model, run only when asked (WithNameModel)
	namesAuto            bool            // run names only on documents that read as prose (WithNameModelAuto)
	nameRule             int32           // the model rule's index in rules
	nameHeads            map[string]bool // folded last words of body and company names (namestage.go)
	// nameWordTags: the groups of pack lists a folded word is in, for the
	// name model's features (nameWordLists, namestage.go).
	nameWordTags map[string][]string

	// the head nouns of composed sector names and the pack lists of
	// gazetteer_heads.go, folded
	sectorHeads, sectorPlain, sectorNotMod, sectorTitleWords map[string]bool

	// nameStopLast and nameStopFirst keep spans from the name model by
	// their last or first word (namestage.go).
	nameStopLast, nameStopFirst map[string]bool
	// nameStopAlone are acronyms of jargon and roles the model never
	// reads alone ("PR", "DPO", "CERT").
	nameStopAlone map[string]bool
	// namePlaceHeads make a name holding a place a body's ("District of
	// Kansas").
	namePlaceHeads map[string]bool
	// nameNotPersonAfter are the phrases after which the name model's
	// person is no person: "a spokesperson for X" speaks for a body
	// (name_model_not_person_after, folded words; namestage.go).
	nameNotPersonAfter [][]string
	// personNameWords are the pack's given names and surnames, folded: a
	// four-letter one is no company's short name ("Wang" of "Wang
	// Technology Co." is the person named Wang; propagate.go).
	personNameWords map[string]bool
	// companyLists are the words of a list intro whose items are
	// companies, no people (name_model_company_list_intros, namestage.go).
	companyLists *phraseSet
}

// Rules describes every active rule in pack order.
func (p *Pack) Rules() []Info { return append([]Info(nil), p.infos...) }

// GroupNouns returns the words of the pack list actor_group_nouns: nouns
// after an actor's name that still name the actor ("the Patchwork group",
// "WIZARD SPIDER threat group"). Resolution makes the name without them an
// alias (extract.WithGroupNouns).
func (p *Pack) GroupNouns() []string { return append([]string(nil), p.groupNouns...) }

var (
	defaultOnce sync.Once
	defaultPack *Pack
	defaultErr  error

	analyzerOnce sync.Once
	analyzer     *nlp.Analyzer
	analyzerErr  error
)

// sharedAnalyzer is the tokenizer used to split gazetteer entries and list
// phrases exactly as documents are split.
func sharedAnalyzer() (*nlp.Analyzer, error) {
	analyzerOnce.Do(func() { analyzer, analyzerErr = nlp.New() })
	return analyzer, analyzerErr
}

// Default returns the embedded default pack, compiled once per process.
func Default() (*Pack, error) {
	defaultOnce.Do(func() { defaultPack, defaultErr = Load() })
	return defaultPack, defaultErr
}

// Load compiles the embedded default pack followed by the packs in dirs, in
// order. A rule whose id already exists replaces it (keeping its place in
// the order); any other rule extends the pack. Any error in any file stops
// the load; the error names file, line and column.
func Load(dirs ...string) (*Pack, error) { return load(true, dirs) }

// load is Load with the embedded pack optional, for tests of rule files in
// isolation.
func load(embedded bool, dirs []string, extra ...Gazetteer) (*Pack, error) {
	set, probs := parseAll(dirs, embedded)
	probs = append(probs, set.addExtra(extra)...) // extra.go
	var errs []Problem
	for _, pr := range probs {
		if pr.Severity == SeverityError {
			errs = append(errs, pr)
		}
	}
	if len(errs) > 0 {
		sortProblems(errs)
		return nil, &LoadError{Problems: errs}
	}
	an, err := sharedAnalyzer()
	if err != nil {
		return nil, fmt.Errorf("rules: loading the tokenizer: %w", err)
	}
	p, cprobs := compile(set, an)
	for _, pr := range cprobs {
		if pr.Severity == SeverityError {
			errs = append(errs, pr)
		}
	}
	if len(errs) > 0 {
		sortProblems(errs)
		return nil, &LoadError{Problems: errs}
	}
	return p, nil
}

// oneSpace folds every run of white space, line breaks included, into one
// space and trims the ends: a name wrapped over two lines is one name.
func oneSpace(s string) string {
	if SingleSpaced(s) {
		return s // most names: nothing to rebuild, nothing to allocate
	}
	return strings.Join(strings.Fields(s), " ")
}

// SingleSpaced reports whether s is ASCII with its words already separated
// by single spaces, so that strings.Join(strings.Fields(s), " ") == s: a
// caller that normalises names often (extract's surfaceName) may skip the
// rebuild.
func SingleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}
