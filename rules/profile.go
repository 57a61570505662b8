package rules

import (
	"context"
	"fmt"
	"io"
	"sort"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/reportgraph/extractor/nlp"
)

// A Profile says where matching spends its time, so that a slow rule is
// found in one look (`extractor rules profile`, docs/rules.md): per rule
// the tries (calls of the matcher at a start token, after the cheap
// filters), the matches and the time spent in them, and per stage of
// matching its wall time. It adds up over every Match it is given to
// and is safe for concurrent use: each match fills its own table and adds
// it at the end.
//
// Timing a try costs two clock reads, so a profiled match runs slower than
// a plain one (about 1.5x); the plain match pays one nil test per try.
type Profile struct {
	mu     sync.Mutex
	docs   int
	rules  []ruleCost // by rule index
	stages map[string]time.Duration
	order  []string // stage names in the order first met
}

// ruleCost is one rule's share of a profile.
type ruleCost struct {
	tries, starts, matches int64
	took                   time.Duration
}

// NewProfile returns an empty profile.
func NewProfile() *Profile { return &Profile{stages: map[string]time.Duration{}} }

// docProfile is one match's table; docState.prof is nil when not
// profiling, which is every test the hot paths pay.
type docProfile struct {
	rules     []ruleCost
	stages    map[string]time.Duration
	order     []string
	stage     string
	stageFrom time.Time
}

func newDocProfile(rules int) *docProfile {
	return &docProfile{rules: make([]ruleCost, rules), stages: map[string]time.Duration{}}
}

// enter closes the running stage and starts the named one ("" closes only).
func (dp *docProfile) enter(name string) {
	now := time.Now()
	if dp.stage != "" {
		if _, ok := dp.stages[dp.stage]; !ok {
			dp.order = append(dp.order, dp.stage)
		}
		dp.stages[dp.stage] += now.Sub(dp.stageFrom)
	}
	dp.stage, dp.stageFrom = name, now
}

// timed returns a pattern rule's try wrapped to count and time each call.
func (dp *docProfile) timed(try func(r *rule, i, hi int)) func(r *rule, i, hi int) {
	if dp == nil {
		return try
	}
	return func(r *rule, i, hi int) {
		t := time.Now()
		try(r, i, hi)
		dp.add(r.idx, time.Since(t))
	}
}

// timedRel is timed for a relation rule's try.
func (dp *docProfile) timedRel(try func(r *rule, i, hi int, stamp int32)) func(r *rule, i, hi int, stamp int32) {
	if dp == nil {
		return try
	}
	return func(r *rule, i, hi int, stamp int32) {
		t := time.Now()
		try(r, i, hi, stamp)
		dp.add(r.idx, time.Since(t))
	}
}

func (dp *docProfile) add(ri int32, took time.Duration) {
	rc := &dp.rules[ri]
	rc.tries++
	rc.took += took
}

// started counts a try of rule ri that passed the cheap tests (canStart
// and the relaxed pre-match) and goes to the full matcher.
func (dp *docProfile) started(ri int32) {
	if dp != nil {
		dp.rules[ri].starts++
	}
}

// counted returns found wrapped to count the matches of each rule.
func (dp *docProfile) counted(found func(r *rule, start, end int)) func(r *rule, start, end int) {
	if dp == nil {
		return found
	}
	return func(r *rule, start, end int) {
		dp.rules[r.idx].matches++
		found(r, start, end)
	}
}

// merge adds one match's table to the profile.
func (pr *Profile) merge(dp *docProfile) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.docs++
	if len(pr.rules) < len(dp.rules) {
		pr.rules = append(pr.rules, make([]ruleCost, len(dp.rules)-len(pr.rules))...)
	}
	for i, rc := range dp.rules {
		pr.rules[i].tries += rc.tries
		pr.rules[i].starts += rc.starts
		pr.rules[i].matches += rc.matches
		pr.rules[i].took += rc.took
	}
	for _, s := range dp.order {
		pr.addStage(s, dp.stages[s])
	}
}

// AddStage adds time spent outside matching (the caller's own stages: NLP,
// resolution) to the stage table.
func (pr *Profile) AddStage(name string, took time.Duration) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.addStage(name, took)
}

func (pr *Profile) addStage(name string, took time.Duration) {
	if _, ok := pr.stages[name]; !ok {
		pr.order = append(pr.order, name)
	}
	pr.stages[name] += took
}

// MatchProfiled is MatchContext that adds the match's costs to prof.
func (p *Pack) MatchProfiled(ctx context.Context, text string, sents []nlp.Sentence, an *nlp.Analyzer, prof *Profile) (Result, error) {
	dp := newDocProfile(len(p.rules))
	res, err := p.matchContext(ctx, text, sents, an, dp)
	dp.enter("")
	prof.merge(dp)
	return res, err
}

// RuleCost is one row of a profile report.
type RuleCost struct {
	ID      string        `json:"id"`
	Kind    string        `json:"kind"`
	Tries   int64         `json:"tries"`
	Starts  int64         `json:"starts"` // tries that passed the cheap tests and ran the full matcher
	Matches int64         `json:"matches"`
	Time    time.Duration `json:"time_ns"`
}

// StageCost is a stage's wall time over the profiled documents.
type StageCost struct {
	Stage string        `json:"stage"`
	Time  time.Duration `json:"time_ns"`
}

// ProfileReport is a profile read against its pack: the rules that were
// tried, slowest first, the same summed per rule kind, and the stages in
// the order they run.
type ProfileReport struct {
	Docs   int         `json:"docs"`
	Rules  []RuleCost  `json:"rules"`
	Kinds  []RuleCost  `json:"kinds"`
	Stages []StageCost `json:"stages"`
}

// Report reads the profile against the pack whose matches filled it.
func (pr *Profile) Report(p *Pack) ProfileReport {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	rep := ProfileReport{Docs: pr.docs}
	kinds := map[string]*RuleCost{}
	for i, rc := range pr.rules {
		if rc.tries == 0 && rc.matches == 0 || i >= len(p.rules) {
			continue
		}
		r := p.rules[i]
		rep.Rules = append(rep.Rules, RuleCost{ID: r.id, Kind: r.kind, Tries: rc.tries, Starts: rc.starts, Matches: rc.matches, Time: rc.took})
		k := kinds[r.kind]
		if k == nil {
			k = &RuleCost{ID: r.kind, Kind: r.kind}
			kinds[r.kind] = k
		}
		k.Tries += rc.tries
		k.Starts += rc.starts
		k.Matches += rc.matches
		k.Time += rc.took
	}
	slowestFirst := func(rs []RuleCost) {
		sort.SliceStable(rs, func(a, b int) bool {
			if rs[a].Time != rs[b].Time {
				return rs[a].Time > rs[b].Time
			}
			return rs[a].ID < rs[b].ID
		})
	}
	slowestFirst(rep.Rules)
	for _, k := range kinds {
		rep.Kinds = append(rep.Kinds, *k)
	}
	slowestFirst(rep.Kinds)
	for _, s := range pr.order {
		rep.Stages = append(rep.Stages, StageCost{Stage: s, Time: pr.stages[s]})
	}
	return rep
}

// WriteText prints the report as three tables: stages, rule kinds and the
// top slowest rules (every rule when top <= 0).
func (rep ProfileReport) WriteText(w io.Writer, top int) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	var total time.Duration
	for _, s := range rep.Stages {
		total += s.Time
	}
	fmt.Fprintf(tw, "STAGE\tTIME\tSHARE\t\n")
	for _, s := range rep.Stages {
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", s.Stage, ms(s.Time), share(s.Time, total))
	}
	fmt.Fprintf(tw, "total (%d documents)\t%s\t\t\n\n", rep.Docs, ms(total))
	fmt.Fprintf(tw, "KIND\tTRIES\tSTARTS\tMATCHES\tTIME\tSHARE\t\n")
	for _, k := range rep.Kinds {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t\n", k.Kind, k.Tries, k.Starts, k.Matches, ms(k.Time), share(k.Time, total))
	}
	fmt.Fprintf(tw, "\nRULE\tKIND\tTRIES\tSTARTS\tMATCHES\tTIME\tSHARE\t\n")
	for i, r := range rep.Rules {
		if top > 0 && i == top {
			fmt.Fprintf(tw, "(%d more rules)\t\t\t\t\t\t\t\n", len(rep.Rules)-top)
			break
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t%s\t\n", r.ID, r.Kind, r.Tries, r.Starts, r.Matches, ms(r.Time), share(r.Time, total))
	}
	return tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

func share(d, total time.Duration) string {
	if total <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f %%", 100*float64(d)/float64(total))
}

// candidate counts a candidate of a gazetteer or regex rule as a match;
// the rules the matcher tries count theirs as they are found (counted).
func (dp *docProfile) candidate(r *rule) {
	if r.kind == "gazetteer" || r.kind == "regex" {
		dp.rules[r.idx].matches++
	}
}
