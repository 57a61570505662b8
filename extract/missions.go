package extract

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// A state's diplomatic mission named only by its state — "China's
// embassy", "the Russian embassy", "the US Embassy", "Iran's consulate" —
// is a different building in every report: the one in London, the one in
// Prague. Keyed by its name alone, every report's embassy of China would be
// one entity. So a mission is keyed by the city the text puts after it
// ("China's embassy in Prague", the same entity wherever it occurs, and
// named so), else by its document. The state is the canonical name of the
// place that qualifies the mission, so "the Chinese embassy in Prague" and
// "China's embassy in Prague" are one.

// missionHeads are the last words of a mission's name.
var missionHeads = []string{"embassy", "consulate", "consulate general", "consulate-general", "high commission"}

// missionHead returns the head of a mission's name ("embassy") and the
// words before it (its state: "China's", "Chinese", "US"), or "" when name
// is no mission of one state named by it: plural missions ("Indian
// embassies") are a class, and a name that already says where ("Consulate
// General in New York", "embassy of Peru") is keyed by itself.
func missionHead(name string) (head, state string) {
	low := strings.ToLower(strings.Join(strings.Fields(name), " "))
	low = strings.TrimPrefix(low, "the ")
	for _, h := range missionHeads {
		if !strings.HasSuffix(low, " "+h) {
			continue
		}
		state = strings.TrimSpace(low[:len(low)-len(h)])
		if state == "" || strings.Contains(" "+state+" ", " in ") || strings.Contains(" "+state+" ", " of ") ||
			strings.ContainsAny(state, ",") {
			return "", ""
		}
		return h, state
	}
	return "", ""
}

// scopeMissions rekeys one document's mission refs (see above). refs are
// the document's refs in mention order.
func scopeMissions(refs []ref, res *DocResult) {
	if res.Doc == nil {
		return
	}
	text := res.Doc.Text
	var places map[int]*extractor.Mention // start → location mention
	type mission struct {
		k     int
		base  string
		city  string
		start int
	}
	var ms []mission
	for k := range refs {
		rf := &refs[k]
		m := rf.m
		if m.Type != extractor.Government || rf.kbe != nil || m.Party {
			continue
		}
		name := m.Text
		if m.Canonical != "" {
			name = m.Canonical
		}
		head, state := missionHead(name)
		if head == "" {
			continue
		}
		if places == nil {
			places = map[int]*extractor.Mention{}
			for i := range res.Mentions {
				if p := &res.Mentions[i]; p.Type == extractor.Location {
					if _, ok := places[p.Start]; !ok {
						places[p.Start] = p
					}
				}
			}
		}
		if st := missionState(res.Mentions, m, text); st != "" {
			state = st
		}
		if head == "consulate-general" {
			head = "consulate general"
		}
		ms = append(ms, mission{k: k, base: VariantKey(state) + " " + head, city: missionCity(m, text, places), start: m.Start})
	}
	if len(ms) == 0 {
		return
	}
	// A later "the embassy" of the same state is the one the text placed
	// before it; an earlier one, the first the text places.
	firstCity := map[string]string{}
	for _, x := range ms {
		if x.city != "" && firstCity[x.base] == "" {
			firstCity[x.base] = x.city
		}
	}
	last := map[string]string{}
	for _, x := range ms {
		city := x.city
		if city == "" {
			city = last[x.base]
		} else {
			last[x.base] = city
		}
		if city == "" {
			city = firstCity[x.base]
		}
		rf := &refs[x.k]
		if city != "" {
			rf.key = "mission:" + x.base + "@" + VariantKey(city)
			rf.missionCity = city
		} else {
			rf.key = "mission:" + x.base + "#" + res.Doc.ID
			rf.scope = res.Doc.ID
		}
	}
}

// missionState returns the canonical name of the place that names a
// mission's state — the location mention at the start of the mission's
// text ("Chinese" of "Chinese embassy", canonical China) or right before
// it, with a possessive or a space between ("China's" before "embassy") —
// or "" when none does.
func missionState(ms []extractor.Mention, m *extractor.Mention, text string) string {
	for i := range ms {
		p := &ms[i]
		if p.Type != extractor.Location || p.End > m.End || p.End+4 < m.Start {
			continue
		}
		inside := p.Start >= m.Start && strings.TrimSpace(strings.ToLower(text[m.Start:p.Start])) == "" ||
			p.Start >= m.Start+4 && strings.EqualFold(text[m.Start:m.Start+4], "the ") && p.Start == m.Start+4
		if inside || p.End <= m.Start && gapIsPossessive(text, p.End, m.Start) {
			if p.Canonical != "" {
				return p.Canonical
			}
			return p.Text
		}
	}
	return ""
}

func gapIsPossessive(text string, from, to int) bool {
	if from > to || to > len(text) {
		return false
	}
	switch strings.TrimSpace(text[from:to]) {
	case "", "'s", "’s", "'", "’":
		return to-from <= 4 && !strings.ContainsAny(text[from:to], "\n\r")
	}
	return false
}

// missionCity returns the city the text puts right after a mission ("in
// Prague", "in Washington"), the canonical name of that location mention,
// or "" when none follows.
func missionCity(m *extractor.Mention, text string, places map[int]*extractor.Mention) string {
	i := m.End
	if i > len(text) {
		return ""
	}
	rest := text[i:]
	trimmed := strings.TrimLeft(rest, " ")
	if len(trimmed) == len(rest) || !strings.HasPrefix(trimmed, "in ") {
		return ""
	}
	at := i + len(rest) - len(trimmed) + len("in ")
	for at < len(text) && text[at] == ' ' {
		at++
	}
	p, ok := places[at]
	if !ok {
		return ""
	}
	name := p.Text
	if p.Canonical != "" {
		name = p.Canonical
	}
	return strings.Join(strings.Fields(name), " ")
}

// missionScope returns the city of a group of mission refs, or the
// document they are keyed to, when every ref of the group has it; "", ""
// otherwise (an alias link may have joined a mission to another name).
func missionScope(refs []ref, idx []int) (city, scope string) {
	for n, i := range idx {
		rf := &refs[i]
		if n == 0 {
			city, scope = rf.missionCity, rf.scope
			continue
		}
		if rf.missionCity != city || rf.scope != scope {
			return "", ""
		}
	}
	return city, scope
}

// scopeSuffix is the short, stable form of a document id an entity keyed
// to that document carries in its id: the first 12 hex digits of its hash.
func scopeSuffix(docID string) string {
	h := docID[strings.LastIndexByte(docID, ':')+1:]
	if len(h) > 12 {
		h = h[:12]
	}
	return "doc-" + h
}
