package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/rules"
)

// A paragraph written for this test, in the style of a news article.
const relParagraph = `Flax Typhoon, a group that the FBI has linked to Integrity Technology Group, compromised routers worldwide. ` +
	`Integrity Technology Group is a contractor for the Ministry of Public Security. ` +
	`Chengdu-based i-Soon sold hacking services to China's Ministry of State Security. ` +
	`Volt Typhoon has targeted the energy sector. The group has also targeted water utilities. ` +
	`Volt Typhoon likely targeted the energy sector again in 2024. ` +
	`There is no evidence that Salt Typhoon is linked to i-Soon.`

func extractText(t *testing.T, texts ...string) *extractor.Dataset {
	t.Helper()
	x := extractorOn(t, defaultPack(t))
	var results []*DocResult
	for i, text := range texts {
		doc := &extractor.Document{ID: extractor.DocumentID([]byte(text)), Source: "doc" + string(rune('a'+i)) + ".txt",
			Format: extractor.FormatText, Text: text, Pages: []extractor.Page{{Number: 1, Start: 0, End: len(text)}}}
		res, err := x.Document(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, res)
	}
	return Resolve(results)
}

// relationsByName renders relations as "source name -type-> target name".
func relationsByName(ds *extractor.Dataset) map[string]extractor.Relation {
	names := map[string]string{}
	for _, e := range ds.Entities {
		names[e.ID] = e.Name
	}
	out := map[string]extractor.Relation{}
	for _, r := range ds.Relations {
		out[names[r.Source]+" -"+r.Type+"-> "+names[r.Target]] = r
	}
	return out
}

func TestExtractRelationsEndToEnd(t *testing.T) {
	ds := extractText(t, relParagraph)
	got := relationsByName(ds)
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	for _, want := range []string{
		"Flax Typhoon -attributed-to-> Integrity Technology Group",
		"Integrity Technology Group -contractor-of-> Ministry of Public Security",
		"i-Soon -located-in-> Chengdu",
		"i-Soon -contractor-of-> Ministry of State Security",
		"Ministry of State Security -part-of-> China",
		"Volt Typhoon -targets-> energy",
		"Volt Typhoon -targets-> water sector",
	} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing relation %q; have %q", want, keys)
		}
	}
	for k := range got {
		if strings.Contains(k, "Salt Typhoon") {
			t.Errorf("negated sentence gave relation %q", k)
		}
	}

	// Two sentences support Volt Typhoon → energy: one relation, two pieces
	// of evidence, the second hedged.
	energy := got["Volt Typhoon -targets-> energy"]
	if len(energy.Evidence) != 2 {
		t.Fatalf("want 2 evidence sentences for Volt Typhoon → energy, got %+v", energy.Evidence)
	}
	if energy.Evidence[0].Hedge != "" || energy.Evidence[1].Hedge != "likely" {
		t.Errorf("hedges: %q, %q", energy.Evidence[0].Hedge, energy.Evidence[1].Hedge)
	}
	water := got["Volt Typhoon -targets-> water sector"]
	if len(water.Evidence) != 1 || !strings.Contains(water.Evidence[0].Coref, "Volt Typhoon") {
		t.Errorf("water utilities evidence should record the coreference: %+v", water.Evidence)
	}
	if energy.Confidence <= water.Confidence {
		t.Errorf("two sentences (%.2f) should beat one anaphoric sentence (%.2f)", energy.Confidence, water.Confidence)
	}

	// Ids are deterministic and evidence points at the sentence.
	for _, r := range ds.Relations {
		if r.ID != RelationID(r.Type, r.Source, r.Target) {
			t.Errorf("relation id %q", r.ID)
		}
		for _, ev := range r.Evidence {
			if relParagraph[ev.Start:ev.End] != ev.Sentence || ev.Rule == "" || ev.Page != 1 {
				t.Errorf("evidence %+v does not point at its sentence", ev)
			}
		}
	}
}

func TestRelationsMergeAcrossDocuments(t *testing.T) {
	one := extractText(t, "Volt Typhoon has targeted the energy sector.")
	two := extractText(t, "Volt Typhoon has targeted the energy sector.", "Reports say Volt Typhoon targeted the energy sector.")
	r1 := relationsByName(one)["Volt Typhoon -targets-> energy"]
	r2 := relationsByName(two)["Volt Typhoon -targets-> energy"]
	if len(r2.Evidence) != 2 || r2.Evidence[0].Doc == r2.Evidence[1].Doc {
		t.Fatalf("want evidence from two documents, got %+v", r2.Evidence)
	}
	if r2.Confidence <= r1.Confidence {
		t.Errorf("a second document should raise confidence: %.2f vs %.2f", r2.Confidence, r1.Confidence)
	}
}

func TestRelationConfidence(t *testing.T) {
	plain := extractor.Evidence{Doc: "a", Span: extractor.Span{Start: 0, End: 10}}
	hedged := plain
	hedged.Hedge = "likely"
	other := plain
	other.Span = extractor.Span{Start: 20, End: 30}
	elsewhere := plain
	elsewhere.Doc = "b"

	one := RelationConfidence([]extractor.Evidence{plain}, []int{60})
	if one != 0.6 {
		t.Errorf("one priority-60 sentence: %.2f, want 0.6", one)
	}
	if h := RelationConfidence([]extractor.Evidence{hedged}, []int{60}); h >= one {
		t.Errorf("hedged %.2f should be below plain %.2f", h, one)
	}
	coref := plain
	coref.Coref = `"the group" → APT40`
	topic := plain
	topic.Coref = `"the group" → APT40 ` + rules.TopicCorefNote
	c := RelationConfidence([]extractor.Evidence{coref}, []int{60})
	if tp := RelationConfidence([]extractor.Evidence{topic}, []int{60}); !(tp < c && c < one) {
		t.Errorf("want topic fallback (%.2f) < anaphor in reach (%.2f) < named (%.2f)", tp, c, one)
	}
	sameDoc := RelationConfidence([]extractor.Evidence{plain, other}, []int{60, 60})
	twoDocs := RelationConfidence([]extractor.Evidence{plain, elsewhere}, []int{60, 60})
	if !(one < sameDoc && sameDoc < twoDocs) {
		t.Errorf("want one (%.2f) < two sentences of one document (%.2f) < two documents (%.2f)", one, sameDoc, twoDocs)
	}
	many := make([]extractor.Evidence, 20)
	prios := make([]int, 20)
	for i := range many {
		many[i] = plain
		many[i].Doc = string(rune('a' + i))
		prios[i] = 90
	}
	if c := RelationConfidence(many, prios); c > 0.99 {
		t.Errorf("confidence %.2f above the cap", c)
	}
}

// Two mentions of one entity never make a relation: "the Harbour Board's
// Harbour Board" read as part of itself after its short form merged into
// it is dropped where relations are assembled.
func TestBuildRelationsDropsSelfRelations(t *testing.T) {
	text := "The Harbour Board said the HB office of the Harbour Board agreed."
	doc := &extractor.Document{ID: "d1", Text: text, Pages: []extractor.Page{{Number: 1, Start: 0, End: len(text)}}}
	board := extractor.Entity{ID: "government:harbour-board", Type: extractor.Government, Name: "Harbour Board",
		Mentions: []extractor.Mention{{Doc: "d1", Span: extractor.Span{Start: 4, End: 17}},
			{Doc: "d1", Span: extractor.Span{Start: 50, End: 63}}}}
	office := extractor.Entity{ID: "government:hb-office", Type: extractor.Government, Name: "HB office",
		Mentions: []extractor.Mention{{Doc: "d1", Span: extractor.Span{Start: 27, End: 36}}}}
	sent := extractor.Span{Start: 0, End: len(text)}
	res := &DocResult{Doc: doc, Relations: []rules.RelationMatch{
		{Type: "part-of", Source: extractor.Span{Start: 4, End: 17}, Target: extractor.Span{Start: 50, End: 63}, Sentence: sent, Rule: "t.self"},
		{Type: "part-of", Source: extractor.Span{Start: 27, End: 36}, Target: extractor.Span{Start: 50, End: 63}, Sentence: sent, Rule: "t.part"},
	}}
	rels := buildRelations([]*DocResult{res}, []extractor.Entity{board, office}, nil)
	if len(rels) != 1 || rels[0].Source != office.ID || rels[0].Target != board.ID {
		t.Fatalf("relations = %+v, want only HB office -part-of-> Harbour Board", rels)
	}
}
