package extract

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

// The walks below are the relation model's first versions, kept as the
// reference the indexed ones (twoHops, distinctRoles, docCoOccur) must
// match exactly: they walked every relation of one end for each candidate,
// quadratic when one actor holds thousands of relations.

func refTwoHops(d *pairDoc, a, b, limit int) [][2]uint32 {
	var out [][2]uint32
	for _, r1 := range d.roles[a] {
		if r1.other < 0 || r1.other == b || r1.other == a {
			continue
		}
		for _, r2 := range d.roles[r1.other] {
			if len(out) >= limit {
				return out
			}
			if r2.other == b {
				out = append(out, [2]uint32{r1.role, r2.role})
			}
		}
	}
	return out
}

func refDistinctRoles(d *pairDoc, e, other, max int) []uint32 {
	var seen []uint32
next:
	for _, r := range d.roles[e] {
		if r.other == other {
			continue
		}
		for _, s := range seen {
			if s == r.role {
				continue next
			}
		}
		if len(seen) == max {
			break
		}
		seen = append(seen, r.role)
	}
	return seen
}

// randomPairDoc is a document of n entities whose rule relations cluster
// on a few hubs (some with hundreds of relations, over distinctRoles'
// threshold), with sentences in blocks.
func randomPairDoc(rng *rand.Rand, n int) *pairDoc {
	d := &pairDoc{roles: map[int][]pairRole{}}
	nroles := 1 + rng.Intn(12)
	hubs := 1 + rng.Intn(3)
	nrel := rng.Intn(400)
	pick := func() int {
		if rng.Intn(3) == 0 {
			return rng.Intn(hubs)
		}
		return rng.Intn(n)
	}
	for i := 0; i < nrel; i++ {
		s, t := pick(), pick()
		role := uint32(rng.Intn(nroles))
		if rng.Intn(20) == 0 {
			d.roles[s] = append(d.roles[s], pairRole{role, -1})
			continue
		}
		d.roles[s] = append(d.roles[s], pairRole{role*2 + 1, t})
		d.roles[t] = append(d.roles[t], pairRole{role * 2, s})
	}
	nsent := 1 + rng.Intn(500)
	d.block = make([]int, nsent)
	for i := 1; i < nsent; i++ {
		d.block[i] = d.block[i-1]
		if rng.Intn(4) == 0 {
			d.block[i]++
		}
	}
	d.sents = make([][]int, n)
	for e := range d.sents {
		p := rng.Float64()
		if e < hubs {
			p = 0.9
		} else {
			p *= p * p
		}
		for s := 0; s < nsent; s++ {
			if rng.Float64() < p {
				d.sents[e] = append(d.sents[e], s)
			}
		}
	}
	return d
}

func TestPairIndexedWalksMatchReference(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	for iter := 0; iter < 300; iter++ {
		n := 2 + rng.Intn(40)
		d := randomPairDoc(rng, n)
		for a := 0; a < n; a++ {
			for b := 0; b < n; b++ {
				for _, limit := range []int{0, 1, 3, pairMaxHops, 1000} {
					want := refTwoHops(d, a, b, limit)
					var got [][2]uint32
					k := d.twoHops(a, b, limit, func(r1, r2 uint32) { got = append(got, [2]uint32{r1, r2}) })
					if k != len(got) || !slices.Equal(got, want) {
						t.Fatalf("iter %d twoHops(%d, %d, %d) = %v (%d), want %v", iter, a, b, limit, got, k, want)
					}
				}
				for _, max := range []int{1, 3, 8} {
					want := refDistinctRoles(d, a, b, max)
					got := d.distinctRoles(a, b, max, nil)
					if !slices.Equal(got, want) {
						t.Fatalf("iter %d distinctRoles(%d, %d, %d) = %v, want %v", iter, a, b, max, got, want)
					}
				}
				x, y := d.sents[a], d.sents[b]
				ws, wb := d.coOccurMerge(x, y)
				if len(x) > len(y) {
					x, y = y, x
				}
				gs, gb := d.coOccurSearch(x, y)
				cs, cb := d.docCoOccur(a, b)
				if gs != ws || gb != wb || cs != ws || cb != wb {
					t.Fatalf("iter %d coOccur(%d, %d): search %d/%d, docCoOccur %d/%d, merge %d/%d", iter, a, b, gs, gb, cs, cb, ws, wb)
				}
			}
		}
	}
}

// manyEntitiesText is n lines of one actor breaching a different company
// each: the actor holds n rule relations and meets n candidates.
func manyEntitiesText(n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		name := []byte("Aaaaaaa")
		for j, k := 1, i; j < len(name); j, k = j+1, k/26 {
			name[j] = byte('a' + k%26)
		}
		fmt.Fprintf(&sb, "APT28 breached %s Technologies Inc. in March.\n", name)
	}
	return sb.String()
}

// BenchmarkResolveManyEntities measures resolution with the relation model
// (Resolve alone, extraction done beforehand) on one document where an
// actor breaches 4,000 and then 16,000 companies. Its ns/op per line should
// stay flat from 4k to 16k: the relation model's features once walked
// every relation of the actor for every candidate (twoHops, the roles of
// each end, docCoOccur), quadratic in the document's mentions.
func BenchmarkResolveManyEntities(b *testing.B) {
	pack := defaultPack(b)
	x := extractorOn(b, pack)
	model := pairModelOn(b, pack)
	for _, n := range []int{4000, 16000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			doc := &extractor.Document{ID: "many", Text: manyEntitiesText(n)}
			r, err := x.Document(context.Background(), doc)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				Resolve([]*DocResult{r}, WithPairModel(model))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/line")
		})
	}
}
