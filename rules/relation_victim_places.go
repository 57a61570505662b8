package rules

import (
	"sort"

	"github.com/reportgraph/extractor"
)

// Victims in places. Whatever phrasing names an actor's victims ("stole
// data from chip makers", "has spied on think tanks", "was reading the
// mail of government agencies"), places right after the victims say where
// they are: "chip makers in Europe and Asia". An analyst records those
// places as the actor's targets too (rel.targets.victims-in-place reads
// the same after a targeting verb). So a targets match, of any rule,
// also targets the places of a list "in / across /
// throughout / within / of [the] L1, L2 and L3" right after one of its
// victims ("the foreign ministries of Taiwan and India"), or one place in
// brackets right after it ("Siemens (Germany)").
// A place followed by a noun modifies it ("in U.S. firms"), and a person's
// victims are left alone: an indictment's places are often where the
// defendants worked.

// victimPlaceWords introduce the places of a victim noun phrase.
var victimPlaceWords = map[string]bool{"in": true, "across": true, "throughout": true, "within": true, "of": true}

// victimPlaces returns the places listed right after the victims among
// targets, whose mentions are not places themselves.
func (d *docState) victimPlaces(targets []endpoint) []endpoint {
	loc := maskOf(extractor.Location)
	var out []endpoint
	for _, e := range targets {
		if e.coref != "" {
			continue
		}
		// (A victim the match named by its kind, "a large religious
		// organisation", is no mention yet: its places count too.)
		if m := d.mentionAt(e.span.Start, e.span.End); m != nil && maskOf(m.typ)&loc != 0 {
			continue
		}
		t := sort.Search(len(d.tokStart), func(i int) bool { return d.tokStart[i] >= e.span.End })
		if t >= len(d.tokStart) || t == 0 {
			continue
		}
		hi := d.sentHi(t - 1)
		if m := d.mentionAt(e.span.Start, e.span.End); m == nil || m.typ == extractor.Sector {
			// "political entities in Hong Kong": a kind of victim (a
			// sector, or a kind the match names), its generic head
			// (rel_victim_place_heads), then the places
			for n := 0; n < 2 && t < hi && d.p.cti.victimPlaceHeads[d.fold[t]]; n++ {
				t++
			}
		}
		if t+2 < hi && d.fold[t] == "(" && d.startM[t+1] >= 0 {
			// "Siemens (Germany)": the victim's place in brackets
			if pm := &d.acc[d.startM[t+1]]; !pm.hide && maskOf(pm.typ)&loc != 0 && int(pm.tokE) < hi &&
				d.fold[pm.tokE] == ")" {
				sp := extractor.Span{Start: pm.start, End: pm.end}
				if !hasEndpoint(out, sp) {
					out = append(out, endpoint{span: sp})
				}
			}
			continue
		}
		if t >= hi || !victimPlaceWords[d.fold[t]] {
			continue
		}
		t++
		for t < hi {
			if determiners[d.fold[t]] {
				t++
			}
			if t >= hi || d.startM[t] < 0 {
				break
			}
			pm := &d.acc[d.startM[t]]
			if pm.hide || maskOf(pm.typ)&loc == 0 || !d.memberEnds(int(pm.tokE), hi) {
				break
			}
			sp := extractor.Span{Start: pm.start, End: pm.end}
			if !hasEndpoint(out, sp) {
				out = append(out, endpoint{span: sp})
			}
			next, _, ok := d.coordSep(int(pm.tokE), hi)
			if !ok {
				break
			}
			t = next
			if t < hi && victimPlaceWords[d.fold[t]] { // "in Peru and in Chile"
				t++
			}
		}
	}
	return out
}
