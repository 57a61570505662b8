package extractor

import "testing"

func TestPositionMapsOffsetsToPageLineColumn(t *testing.T) {
	// Two pages: "ab\ncd" and "ef\n\ngh", separated by a form feed.
	d := &Document{Text: "ab\ncd\fef\n\ngh",
		Pages: []Page{{Number: 1, Start: 0, End: 5}, {Number: 2, Start: 6, End: 12}}}
	cases := []struct {
		off  int
		want Position
	}{
		{0, Position{1, 1, 1}},
		{1, Position{1, 1, 2}},
		{3, Position{1, 2, 1}},  // "c"
		{5, Position{1, 2, 3}},  // the form feed belongs to the page before
		{6, Position{2, 3, 1}},  // "e"
		{10, Position{2, 5, 1}}, // "g" after the blank line
		{99, Position{2, 5, 3}}, // clamped to the end
		{-4, Position{1, 1, 1}}, // clamped to the start
	}
	for _, c := range cases {
		if got := d.Position(c.off); got != c.want {
			t.Errorf("Position(%d) = %+v, want %+v", c.off, got, c.want)
		}
	}
	if got := d.PageText(2); got != "ef\n\ngh" {
		t.Errorf("PageText(2) = %q", got)
	}
}

func TestDocumentIDIsStableAndContentBased(t *testing.T) {
	a, b := DocumentID([]byte("report")), DocumentID([]byte("report"))
	if a != b || a == DocumentID([]byte("report ")) {
		t.Fatalf("ids not content-based: %s %s", a, b)
	}
	// sha256("report") computed independently: printf report | sha256sum
	if want := "doc:sha256:845e91831319e89c4d656bdb80c278ac09a7230d61e5dfd2e1b1fbb436ac8917"; a != want {
		t.Fatalf("id = %s, want %s", a, want)
	}
}

func TestValidEntityType(t *testing.T) {
	if !ValidEntityType(ThreatActor) || ValidEntityType("apt") {
		t.Fatal("ValidEntityType accepts the wrong things")
	}
}

func TestKeepConfidentDropsLowCandidatesAndOrphanRelations(t *testing.T) {
	ds := &Dataset{
		Entities: []Entity{{ID: "a", Confidence: 0.9}, {ID: "b", Confidence: 0.8}, {ID: "c", Confidence: 0.05}},
		Relations: []Relation{
			{ID: "r1", Source: "a", Target: "b", Confidence: 0.5},  // kept
			{ID: "r2", Source: "a", Target: "b", Confidence: 0.06}, // below the cut
			{ID: "r3", Source: "a", Target: "c", Confidence: 0.9},  // its target is dropped
		},
	}
	ds.KeepConfident(0.11)
	if len(ds.Entities) != 2 || ds.Entities[0].ID != "a" || ds.Entities[1].ID != "b" {
		t.Errorf("entities kept = %+v, want a and b", ds.Entities)
	}
	if len(ds.Relations) != 1 || ds.Relations[0].ID != "r1" {
		t.Errorf("relations kept = %+v, want r1 only", ds.Relations)
	}
	before := len(ds.Relations)
	ds.KeepConfident(0)
	if len(ds.Relations) != before {
		t.Errorf("a cut of 0 dropped relations")
	}
}
