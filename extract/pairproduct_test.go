package extract

import (
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/rules"
)

// The relation model learnt tools as what actors use and what exploits a
// flaw; a product (a VPN gateway, a mail server) is neither: the model
// proposes no `uses` towards it and no `exploits` from it, while a tool the
// actor runs keeps both readings.
func TestProductMisread(t *testing.T) {
	ds := &extractor.Dataset{Entities: []extractor.Entity{
		{ID: "tool:geoserver", Type: extractor.Tool, Subtype: rules.ProductSubtype, Name: "GeoServer"},
		{ID: "tool:anydesk", Type: extractor.Tool, Name: "AnyDesk"},
	}}
	products := productEntities(ds)
	for _, c := range []struct {
		typ, src, tgt string
		want          bool
	}{
		{"uses", "threat-actor:earth-baxia", "tool:geoserver", true},
		{"exploits", "tool:geoserver", "vulnerability:cve-2024-36401", true},
		{"targets", "threat-actor:earth-baxia", "tool:geoserver", false},
		{"uses", "threat-actor:earth-baxia", "tool:anydesk", false},
		{"exploits", "tool:anydesk", "vulnerability:cve-2024-36401", false},
	} {
		if got := productMisread(c.typ, c.src, c.tgt, products); got != c.want {
			t.Errorf("%s %s -> %s: misread %v, want %v", c.typ, c.src, c.tgt, got, c.want)
		}
	}
}
