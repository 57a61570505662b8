package extract

import (
	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/kb"
)

// kbIndex finds the knowledge-base entry a name belongs to, by VariantKey,
// so every spelling variant of a known name or alias finds its entry.
type kbIndex struct {
	byKey map[string][]*kb.Entry
}

func newKBIndex(k *kb.KB) *kbIndex {
	ix := &kbIndex{byKey: map[string][]*kb.Entry{}}
	if k == nil {
		return ix
	}
	for i := range k.Entries {
		e := &k.Entries[i]
		seen := map[string]bool{}
		for _, n := range e.Names() {
			key := VariantKey(n)
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			ix.byKey[key] = append(ix.byKey[key], e)
		}
	}
	return ix
}

// lookup returns the entry named name: the one of type typ when several
// entries share the name, else the only one. A name shared by entries of
// other types only is ambiguous and finds nothing.
func (ix *kbIndex) lookup(name string, typ extractor.EntityType) *kb.Entry {
	es := ix.byKey[VariantKey(name)]
	if len(es) == 1 {
		return es[0]
	}
	for _, e := range es {
		if e.Type == typ {
			return e
		}
	}
	return nil
}

// match is the KB entry of a mention: its surface text first (what the
// report wrote), then the canonical name a rule gave it.
func (ix *kbIndex) match(m extractor.Mention) *kb.Entry {
	if len(ix.byKey) == 0 || m.Type == extractor.Indicator {
		return nil
	}
	if e := ix.lookup(m.Text, m.Type); e != nil {
		return e
	}
	if m.Canonical != "" {
		return ix.lookup(m.Canonical, m.Type)
	}
	return nil
}
