package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// doccanoLine is one line of a doccano JSONL export with relations.
type doccanoLine struct {
	ID       any    `json:"id"`
	Text     string `json:"text"`
	Entities []struct {
		ID    any    `json:"id"`
		Label string `json:"label"`
		Start int    `json:"start_offset"`
		End   int    `json:"end_offset"`
	} `json:"entities"`
	Relations []struct {
		From any    `json:"from_id"`
		To   any    `json:"to_id"`
		Type string `json:"type"`
	} `json:"relations"`
}

// groupSuffix is the "_<n>" ending of line ids that belong to one document
// (CAPTIER: "ATT&CK_Group_admin@338_1", "..._2").
var groupSuffix = regexp.MustCompile(`_\d+$`)

// relationMap maps doccano relation types to the extractor's vocabulary:
// located-at becomes located-in (also accepting located-at, based-in).
var relationMap = map[string]struct {
	typ  string
	also []string
}{"located-at": {"located-in", []string{"located-at", "based-in"}}}

// loadDoccano reads a doccano JSONL file (or every .jsonl of a folder).
// Lines whose ids share a prefix before a trailing "_<n>" form one
// document (one sentence per line); other lines are documents of their own.
// Offsets are code points, as doccano writes them.
func loadDoccano(path string) (*Corpus, error) {
	files := []string{path}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		files, _ = filepath.Glob(filepath.Join(path, "*.jsonl"))
	}
	c := &Corpus{}
	for _, f := range files {
		cases, warns, err := doccanoFile(f)
		if err != nil {
			return nil, err
		}
		c.Cases = append(c.Cases, cases...)
		c.Warnings = append(c.Warnings, warns...)
	}
	if len(files) == 1 {
		c.Name = setName(files[0])
	}
	return c, nil
}

type docGroup struct {
	key   string
	lines []doccanoLine
}

func doccanoFile(path string) ([]*Case, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var groups []*docGroup
	byKey := map[string]*docGroup{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l doccanoLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		key := fmt.Sprint(l.ID)
		if groupSuffix.MatchString(key) {
			key = groupSuffix.ReplaceAllString(key, "")
		} else {
			key = fmt.Sprintf("%s#%d", key, n)
		}
		g := byKey[key]
		if g == nil {
			g = &docGroup{key: key}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.lines = append(g.lines, l)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	set := setName(path)
	var cases []*Case
	var badOffsets, unknownEnd int
	ids := map[string]bool{}
	for _, g := range groups {
		name := uniqueID(set+"-"+slug(strings.ToLower(strings.TrimPrefix(g.key, "ATT&CK_Group_"))), ids)
		var b strings.Builder
		var spans []span
		spanOf := map[string]int{} // doccano entity id → index in spans
		var rels []struct {
			from, to string
			typ      string
		}
		covered := map[string]bool{}
		relTypes := map[string]bool{}
		for li, l := range g.lines {
			if li > 0 {
				b.WriteByte('\n')
			}
			base := b.Len()
			b.WriteString(l.Text)
			runes := []rune(l.Text)
			for _, e := range l.Entities {
				if e.Start < 0 || e.End > len(runes) || e.Start >= e.End {
					badOffsets++
					continue
				}
				types := mapDoccanoLabel(e.Label)
				for _, t := range types {
					covered[t] = true
				}
				spanOf[fmt.Sprint(e.ID)] = len(spans)
				spans = append(spans, span{start: base + len(string(runes[:e.Start])), end: base + len(string(runes[:e.End])), types: types})
			}
			for _, r := range l.Relations {
				rels = append(rels, struct{ from, to, typ string }{fmt.Sprint(r.From), fmt.Sprint(r.To), r.Type})
			}
		}
		b.WriteByte('\n')
		text := b.String()
		ents := nonNil(goldFromSpans(text, spans))
		// entity id of each span: by normalised name, as goldFromSpans grouped them
		idOf := map[string]string{}
		for _, e := range ents {
			for _, nm := range e.Names {
				idOf[NormalizeName(nm)] = e.ID
			}
		}
		spanID := func(docID string) string {
			i, ok := spanOf[docID]
			if !ok {
				return ""
			}
			return idOf[NormalizeName(text[spans[i].start:spans[i].end])]
		}
		gold := &Gold{Document: name + ".txt", Set: set, Exhaustive: ptrTrue(), EntityTypes: entityTypesOf(covered),
			RelationsAnnotated: ptrTrue(), Entities: ents, Relations: []GoldRelation{}}
		seenRel := map[string]bool{}
		for _, r := range rels {
			src, tgt := spanID(r.from), spanID(r.to)
			if src == "" || tgt == "" {
				unknownEnd++
				continue
			}
			if src == tgt {
				continue
			}
			gr := GoldRelation{Type: normType(r.typ), Source: src, Target: tgt}
			if m, ok := relationMap[gr.Type]; ok {
				gr.Type, gr.Also = m.typ, m.also
			}
			if gr.Type == "attributed-to" && targetIsParty(ents, tgt) {
				gr.Also = []string{"sponsored-by", "affiliated-with"}
			}
			relTypes[gr.Type] = true
			for _, a := range gr.Also {
				relTypes[a] = true
			}
			k := gr.Source + "\x00" + gr.Type + "\x00" + gr.Target
			if !seenRel[k] {
				seenRel[k] = true
				gold.Relations = append(gold.Relations, gr)
			}
		}
		gold.RelationTypes = sortedKeys(relTypes)
		cases = append(cases, &Case{Name: name, Text: text, Gold: gold})
	}
	var warns []string
	if badOffsets+unknownEnd > 0 {
		warns = append(warns, fmt.Sprintf("%s: entity with bad offsets: %d; relation with unknown endpoint: %d", path, badOffsets, unknownEnd))
	}
	return cases, warns, nil
}

// targetIsParty: an attributed-to towards an identity or a location also
// accepts sponsored-by and affiliated-with.
func targetIsParty(ents []GoldEntity, id string) bool {
	for _, e := range ents {
		if e.ID == id && len(e.Types) > 0 {
			switch e.Types[0] {
			case "organization", "location":
				return true
			}
		}
	}
	return false
}
