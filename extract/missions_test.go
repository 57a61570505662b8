package extract

import (
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

func TestResolveMissionsByCityOrDocument(t *testing.T) {
	loc, gov := extractor.Location, extractor.Government
	emb := func(nth int) mspec {
		return mspec{text: "embassy", nth: nth, typ: gov, rule: "pattern.test", prio: 60, canonical: "China's embassy"}
	}
	a := hdoc(t, "a", "China's embassy in London did not reply.\nThe embassy said nothing.\n",
		[]mspec{gaz("China", loc, "China"), emb(0), gaz("London", loc, "London"), emb(1)})
	b := hdoc(t, "b", "The Chinese embassy in London denied it.\n",
		[]mspec{gaz("Chinese", loc, "China"), pat("Chinese embassy", gov), gaz("London", loc, "London")})
	c := hdoc(t, "c", "China's embassy declined to comment.\n", []mspec{gaz("China", loc, "China"), emb(0)})
	d := hdoc(t, "d", "China's embassy declined too.\n", []mspec{gaz("China", loc, "China"), emb(0)})
	e := hdoc(t, "e", "China's embassy in Prague was silent.\n",
		[]mspec{gaz("China", loc, "China"), emb(0), gaz("Prague", loc, "Prague")})
	f := hdoc(t, "f", "Indian embassies were phished.\n", []mspec{pat("Indian embassies", gov)})
	g := hdoc(t, "g", "Indian embassies again.\n", []mspec{pat("Indian embassies", gov)})
	ds := Resolve([]*DocResult{a, b, c, d, e, f, g})
	// One city, one embassy, whatever the wording and the document.
	sameEntity(t, ds, "a", "embassy", "b", "Chinese embassy")
	if x := entityOf(t, ds, "a", "embassy", 1); x.Name != "China's embassy in London" && x.Name != "Chinese embassy in London" {
		t.Errorf("the later bare mention should be the London embassy, got %s (%q)", x.ID, x.Name)
	} else if !strings.HasSuffix(x.ID, "-in-london") {
		t.Errorf("id %s should name the city", x.ID)
	}
	// No city: one entity per document.
	differentEntities(t, ds, "c", "embassy", "d", "embassy")
	differentEntities(t, ds, "a", "embassy", "c", "embassy")
	differentEntities(t, ds, "a", "embassy", "e", "embassy")
	if x := entityOf(t, ds, "c", "embassy", 0); x.Name != "China's embassy" || !strings.HasPrefix(x.ID, "government:china-s-embassy@doc-") {
		t.Errorf("got %s (%q)", x.ID, x.Name)
	}
	// A class of missions is no one building.
	sameEntity(t, ds, "f", "Indian embassies", "g", "Indian embassies")
}

func TestMissionHead(t *testing.T) {
	for _, c := range []struct{ name, head, state string }{
		{"China's embassy", "embassy", "china's"},
		{"the US Embassy", "embassy", "us"},
		{"Russian consulate", "consulate", "russian"},
		{"Chinese Consulate General", "consulate general", "chinese"},
		{"Indian embassies", "", ""},
		{"embassy", "", ""},
		{"Consulate General in New York", "", ""},
		{"Washington, D.C. embassy", "", ""},
		{"Ministry of Foreign Affairs", "", ""},
	} {
		if h, s := missionHead(c.name); h != c.head || s != c.state {
			t.Errorf("missionHead(%q) = %q, %q; want %q, %q", c.name, h, s, c.head, c.state)
		}
	}
}
