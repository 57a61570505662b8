package rules

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportgraph/extractor"
)

// Relation rules are token patterns with a "source" and a "target" slot
// over one sentence. Each match gives one relation per source × target
// span (a coordinated list in a slot gives one relation per member). The
// rule's `source` and `target` fields list the entity types each end may
// have. A slot span is resolved to:
//
//   - the mention with exactly that span, when its type is allowed;
//   - an earlier mention, when the span is an anaphor of the pack list
//     relation_anaphors ("the group", "the company", "it"): the nearest
//     preceding mention of a compatible type, in this sentence or the two
//     before, trying the slot's types in the order the rule lists them
//     (recorded as Coref);
//   - a new mention of the slot's `type`, when the slot gives one (a
//     single hyphenated token such as "Shanghai-based" names its first
//     part, "Shanghai").
//
// Negation cues in the clause of the match drop it; hedge cues are kept on
// the match (hedge.go).

// RelationTypes is the relation vocabulary, in the order writers use.
var RelationTypes = []string{"attributed-to", "sponsored-by", "contractor-of", "employed-by", "affiliated-with",
	"part-of", "located-in", "targets", "uses", "exploits"}

// relationStage orders relation rules after the alias rules.
const relationStage = aliasStage + 1

// RelationMatch is one relation a rule found in one sentence. Source and
// Target are spans of mentions in Result.Mentions.
type RelationMatch struct {
	Type     string         `json:"type"`
	Source   extractor.Span `json:"source"`
	Target   extractor.Span `json:"target"`
	Sentence extractor.Span `json:"sentence"`
	Rule     string         `json:"rule"`
	Priority int            `json:"priority"`
	// Hedge holds the hedging cues of the clause ("likely", "may"), if any.
	Hedge string `json:"hedge,omitempty"`
	// Coref says how an anaphor was resolved: `"the group" → Volt Typhoon`.
	Coref string `json:"coref,omitempty"`
	// supersedes: the relation types this match makes wrong between its
	// two mentions in its sentence (the rule's supersedes field).
	supersedes []string
}

// relSpec is the parsed relation-specific part of a rule.
type relSpec struct {
	typ            string
	source, target []strItem
	// apposition: the source is described by an apposition ("with X,
	// analyst at Y"), so it need not be the clause's subject.
	apposition bool
	// supersedes: relation types that a match of this rule makes wrong for
	// the same two mentions in the same sentence, when a rule of lower
	// priority finds them (relation_redundant.go, dropSuperseded).
	supersedes []strItem
	// cues (topic rules only): words one of which the target's sentence
	// or section heading must hold (relation_fallback.go).
	cues []strItem
	// notBefore (topic rules only): words after a target that make it
	// describe the actor.
	notBefore []strItem
	// notAfter (topic rules only): words before a target that make it the
	// actor's side.
	notAfter []strItem
	// homeBefore (topic rules only): words after a place that make it the
	// actor's home ("Chinese hackers"): no mention of that place is the
	// actor's target (relation_topic_home.go).
	homeBefore []strItem
	// seats (topic rules only): verbs of sitting ("working from", "based
	// in"); the target must follow one whose subject holds an attacker noun
	// (relation_topic_whereabouts.go).
	seats []strItem
	// stateWords (topic rules only): words after a place that make it the
	// sponsor of an unnamed actor ("a Chinese state-sponsored group";
	// relation_topic_sponsor.go).
	stateWords []strItem
	// sponsorWords (topic rules only): phrases after unnamed attackers
	// before their sponsor ("hackers working for North Korea";
	// relation_topic_sponsor.go).
	sponsorWords []strItem
	// passive (topic rules only): participles of an agentless passive
	// clause whose subject the target is.
	passive []strItem
	// frames (topic rules only): victim frames whose object the target
	// must be ("intrusions at", "the breach of", "victims include").
	frames []strItem
	// sections (topic rules with frames only): words of a section heading
	// ("Victims", "Who was hit") under which a target need not follow a
	// frame (relation_topic_section.go).
	sections []strItem
	// labels (topic rules with cues only): a line's label ("**Where:**",
	// "Targets:") that cues the line as the cues do
	// (relation_topic_labels.go).
	labels []strItem
	// notCues, bodyWords, notBodyWords (headline rules only): words that
	// make a title's body the defender or the attacker's side
	// (relation_headline.go).
	notCues, bodyWords, notBodyWords []strItem
	// intros (topic rules only): words one of which the sentence ending in
	// ":" before the target's bullet list must hold (relation_listintro.go).
	intros []strItem
	// charges (topic rules only): words that mark a person named near
	// them as charged or sanctioned; the target must be such a person
	// (relation_topic_local.go, chargedPersons).
	charges []strItem
	// items (topic rules with intros only): "source" when the list items
	// are the sources and the intro names the target ("four officers of
	// Y:"); the default, "target", lists targets of an actor.
	items string
}

// relRule is the compiled relation-specific part of a rule.
type relRule struct {
	typ              string
	src, tgt         int // slot indexes
	srcMask, tgtMask typeMask
	// srcOrder, tgtOrder are the slot's types in the order the rule lists
	// them: an anaphor prefers the nearest mention of the first type.
	srcOrder, tgtOrder []typeMask
	// srcFirst: the pattern starts with the source slot, which is then
	// read as the subject of the clause (see relation_match.go).
	srcFirst bool
	// srcLead: the pattern opens with the source slot, also inside a
	// leading sequence or in an apposition rule; the members of a
	// coordinated subject before it share the relation (relation_match.go).
	srcLead bool
	// subjectFirst: the pattern opens with a slot (source or target,
	// directly or inside a leading sequence) read as the subject of a
	// clause, in a rule that is no apposition (relation_aside.go). A rule
	// whose first element is an `or` is subject-first when one of its
	// branches opens with a slot.
	subjectFirst bool
	// subjectSplits: the ways the pattern opens with its subject slot, each
	// the element holding the slot and the rest of the pattern after it
	// (one for a slot opening the pattern, one per such branch of a
	// leading `or`); matchPastRelative reads an aside between the two.
	subjectSplits []subjectSplit
	// apposition: the match is an aside, so the negation of the clause
	// around it is not its own (hedge.go, appositionCues).
	apposition bool
	// supersedes: see relSpec.supersedes.
	supersedes []string
	first      relFirst // where a match may start (relation_index.go)
	usesPOS    bool     // some element tests a part of speech (relation_index.go)
	// srcNeed, tgtNeed: what the first token of each slot's span can be;
	// a sentence offering neither is skipped (relation_index.go).
	srcNeed, tgtNeed relFirst
	// span bounds the tokens a match consumes (reach.go): a slot starts
	// within it, so a rule whose slot mentions all lie beyond it is spared
	// the matcher (relation_index.go).
	span reach
}

// wordLists maps the word-list fields of topic and headline rules to
// where they are kept.
func (s *relSpec) wordLists() map[string]*[]strItem {
	return map[string]*[]strItem{"passive": &s.passive, "frames": &s.frames, "intros": &s.intros,
		"not_after": &s.notAfter, "not_before": &s.notBefore, "home_before": &s.homeBefore, "seats": &s.seats, "state_words": &s.stateWords, "sponsor_words": &s.sponsorWords, "not_cues": &s.notCues, "body_words": &s.bodyWords,
		"not_body_words": &s.notBodyWords, "cues": &s.cues, "charges": &s.charges, "sections": &s.sections, "labels": &s.labels}
}

func (p *parser) parseRelationField(r *ruleSpec, key string, n *yaml.Node) {
	switch key {
	case "relation":
		r.rel.typ, _ = p.str(n, "relation")
		if r.rel.typ != "" && !contains(RelationTypes, r.rel.typ) {
			msg := fmt.Sprintf("unknown relation type %q", r.rel.typ)
			if s := closest(r.rel.typ, RelationTypes); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (known: " + strings.Join(RelationTypes, ", ") + ")"
			}
			p.errorf(n, "%s", msg)
		}
	case "apposition":
		r.rel.apposition = p.boolean(n, "apposition")
	case "supersedes":
		r.rel.supersedes = p.strings(n, "supersedes", false)
		for _, t := range r.rel.supersedes {
			if !contains(RelationTypes, t.s) {
				p.errorf(t.node, "supersedes: unknown relation type %q", t.s)
			}
		}
	case "items":
		r.rel.items, _ = p.str(n, "items")
		if r.rel.items != "source" && r.rel.items != "target" {
			p.errorf(n, "items must be source or target, not %q", r.rel.items)
		}
	case "passive", "frames", "intros", "not_after", "not_before", "home_before", "seats", "state_words", "sponsor_words", "not_cues", "body_words", "not_body_words", "cues", "charges",
		"sections", "labels":
		dst := r.rel.wordLists()[key]
		*dst = p.strings(n, key, false)
		if len(*dst) == 0 && (key == "cues" || key == "intros" || key == "charges") {
			p.errorf(n, "%s lists no word: the rule could never match", key)
		}
	case "source", "target":
		items := p.strings(n, key, false)
		for _, t := range items {
			p.checkType(t.node, t.s, true)
		}
		if len(items) == 0 {
			p.errorf(n, "%s lists no entity type: the rule can never match", key)
		}
		if key == "source" {
			r.rel.source = items
		} else {
			r.rel.target = items
		}
	}
}

// relExpect is one expected relation of an example:
// "Source -type-> Target", optionally followed by " (hedge)",
// " (hedge: likely)", " (coref)" or " (coref: the group)".
type relExpect struct {
	source, typ, target string
	hedge, coref        *string // nil: not checked; "": must be non-empty
}

var relExpectRE = regexp.MustCompile(`^(.+?) -([a-z-]+)-> (.+?)((?: \((?:hedge|coref)(?:: [^)]*)?\))*)$`)
var relNoteRE = regexp.MustCompile(`\((hedge|coref)(?:: ([^)]*))?\)`)

func parseRelExpect(s string) (relExpect, bool) {
	m := relExpectRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return relExpect{}, false
	}
	e := relExpect{source: m[1], typ: m[2], target: m[3]}
	for _, n := range relNoteRE.FindAllStringSubmatch(m[4], -1) {
		v := n[2]
		if n[1] == "hedge" {
			e.hedge = &v
		} else {
			e.coref = &v
		}
	}
	return e, true
}

// checkRelationExpect checks the form of expected relations and that their
// ends occur in the example text.
func (p *parser) checkRelationExpect(ex exampleSpec) {
	for _, s := range ex.expect {
		e, ok := parseRelExpect(s)
		if !ok {
			p.errorf(ex.node, "expected relation %q is not of the form \"Source -type-> Target\"", s)
			continue
		}
		if !contains(RelationTypes, e.typ) {
			p.errorf(ex.node, "expected relation %q: unknown relation type %q", s, e.typ)
		}
		for _, part := range []string{e.source, e.target} {
			if !strings.Contains(ex.text, part) {
				p.add(SeverityWarning, ex.node, "expected %q does not occur in the example text", part)
			}
		}
	}
}

// typeOrder lists the masks of items one by one ("any" is every type).
func typeOrder(c *compiler, items []strItem) []typeMask {
	out := make([]typeMask, 0, len(items))
	for _, it := range items {
		out = append(out, c.types([]strItem{it}))
	}
	return out
}

// relationSlots checks the slots of a relation rule and records them.
func (c *compiler) relationSlots(r *rule) bool {
	spec := c.r
	r.rel = relRule{typ: spec.rel.typ, src: -1, tgt: -1, srcMask: c.types(spec.rel.source), tgtMask: c.types(spec.rel.target),
		srcOrder: typeOrder(c, spec.rel.source), tgtOrder: typeOrder(c, spec.rel.target)}
	for i, s := range r.slots {
		switch s {
		case "source":
			r.rel.src = i
		case "target":
			r.rel.tgt = i
		default:
			c.errorf(spec.fields["pattern"], "relation rules use the slots source and target, not %q", s)
			return false
		}
	}
	if r.rel.src < 0 || r.rel.tgt < 0 {
		c.errorf(spec.fields["pattern"], "relation rule needs an element with slot: source and one with slot: target")
		return false
	}
	for i, s := range r.slots {
		mask := r.rel.srcMask
		if s == "target" {
			mask = r.rel.tgtMask
		}
		if t := r.slotTypes[i]; t != "" && maskOf(t)&mask == 0 {
			c.errorf(spec.fields[s], "slot %s creates mentions of type %s, which the rule's %s does not allow", s, t, s)
			return false
		}
	}
	r.rel.srcFirst = r.nodes[0].slot == r.rel.src && !spec.rel.apposition
	lead := leadSlot(r.nodes[0])
	r.rel.srcLead = lead == r.rel.src
	if !spec.rel.apposition {
		r.rel.subjectSplits = subjectSplitsOf(r.nodes)
	}
	r.rel.subjectFirst = len(r.rel.subjectSplits) > 0
	r.rel.apposition = spec.rel.apposition
	for _, t := range spec.rel.supersedes {
		r.rel.supersedes = append(r.rel.supersedes, t.s)
	}
	narrowSlotEntities(r, r.nodes, -1)
	c.warnSlotEntities(r, r.nodes)
	return true
}

// subjectSplit is a pattern cut after the element that opens it with a
// slot (relSpec subjectSplits).
type subjectSplit struct {
	head, rest []*node
}

// subjectSplitsOf returns the ways a relation pattern opens with a slot:
// the first element when it does (leadSlot), else each branch of a
// leading `or` (matched once) that does, with the rest of the pattern
// after the branch's first element.
func subjectSplitsOf(nodes []*node) []subjectSplit {
	if len(nodes) == 0 {
		return nil
	}
	if leadSlot(nodes[0]) >= 0 {
		return []subjectSplit{{nodes[:1], nodes[1:]}}
	}
	n := nodes[0]
	if n.slot >= 0 || n.min != 1 || n.max != 1 || len(n.alts) == 0 {
		return nil
	}
	var out []subjectSplit
	for _, alt := range n.alts {
		if len(alt) == 0 || leadSlot(alt[0]) < 0 {
			continue
		}
		rest := append(append([]*node(nil), alt[1:]...), nodes[1:]...)
		out = append(out, subjectSplit{alt[:1], rest})
	}
	return out
}

// leadSlot returns the slot a pattern opens with: the first node's, or,
// through required sequences (a shared pattern wrapped in a `seq` with
// one more element after it), the first inner node's; -1 when none.
func leadSlot(n *node) int {
	for n.slot < 0 && n.min > 0 && len(n.seq) > 0 {
		n = n.seq[0]
	}
	return n.slot
}

// narrowSlotEntities turns `entity: any` inside a slot element into the
// types the rule allows for that slot, so the matcher backtracks past
// mentions of other types instead of matching one and dropping the relation.
func narrowSlotEntities(r *rule, nodes []*node, slot int) {
	for _, n := range nodes {
		s := slot
		if n.slot >= 0 {
			s = n.slot
		}
		if s >= 0 && n.entity == anyType {
			if s == r.rel.tgt {
				n.entity = r.rel.tgtMask
			} else {
				n.entity = r.rel.srcMask
			}
		}
		narrowSlotEntities(r, n.seq, s)
		for _, a := range n.alts {
			narrowSlotEntities(r, a, s)
		}
	}
}

// warnSlotEntities warns about slot elements whose entity types the rule's
// source or target excludes: such a match can never give a relation.
func (c *compiler) warnSlotEntities(r *rule, nodes []*node) {
	dead, _ := c.slotEntityFindings(r, nodes)
	for _, d := range dead {
		c.probs = append(c.probs, d.prob)
	}
}

// deadSlot is one slot element that can fill its slot with no allowed type.
type deadSlot struct {
	slot int
	prob Problem
}

// slotEntityFindings returns the dead slot elements of nodes and the slots
// that some element of nodes can fill (a slot element with an allowed
// type, or with no entity constraint).
//
// An alternative that cannot fill a slot is no fault while a sibling
// alternative of the same choice can fill that same slot: shared anchors (a
// target list with a government-only branch) serve rules whose slots allow
// different types. A sibling with no element of that slot does not count:
// "or: [[{slot: target, entity: government}], [{lower: nothing}]]" under a
// tool target has a dead branch whatever the other branch does, since that
// one cannot fill the target at all. So a dead element is forgiven only by
// a sibling branch that holds a live element of its slot.
func (c *compiler) slotEntityFindings(r *rule, nodes []*node) (dead []deadSlot, live map[int]bool) {
	live = map[int]bool{}
	for _, n := range nodes {
		if n.slot >= 0 {
			mask := r.rel.srcMask
			if n.slot == r.rel.tgt {
				mask = r.rel.tgtMask
			}
			if n.entity != 0 && n.entity&mask == 0 {
				dead = append(dead, deadSlot{slot: n.slot, prob: Problem{File: c.r.file, Line: c.r.line(),
					Column: c.r.node.Column, RuleID: c.r.id, Severity: SeverityWarning,
					Message: fmt.Sprintf("a %s element accepts only entity types the rule's %s excludes", r.slots[n.slot], r.slots[n.slot])}})
			} else {
				live[n.slot] = true
			}
		}
		d, l := c.slotEntityFindings(r, n.seq)
		dead = append(dead, d...)
		for s := range l {
			live[s] = true
		}
		if len(n.alts) == 0 {
			continue
		}
		deads := make([][]deadSlot, len(n.alts))
		lives := make([]map[int]bool, len(n.alts))
		for i, a := range n.alts {
			deads[i], lives[i] = c.slotEntityFindings(r, a)
			for s := range lives[i] {
				live[s] = true
			}
		}
		for i := range n.alts {
			for _, d := range deads[i] {
				forgiven := false
				for j := range n.alts {
					if j != i && lives[j][d.slot] {
						forgiven = true
						break
					}
				}
				if !forgiven {
					dead = append(dead, d)
				}
			}
		}
	}
	return dead, live
}
