package rules

import (
	"strconv"

	"github.com/reportgraph/extractor"
	"strings"
	"unicode"

	"github.com/reportgraph/extractor/nlp"
)

// Features of the name model (namemodel.go). Each is a string hashed to 32
// bits; the model folds the hash into its buckets. They describe the span
// (its words, their shapes and endings), its neighbours (words, and the
// type of a mention there: "Microsoft and X", "X, a unit of Y"), where it
// stands (the start of a sentence, a heading) and how the document uses
// it elsewhere (mid-sentence, or as an ordinary lower-case word).

// nameFeature hashes one feature: its kind and value.
func nameFeature(kind, value string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(kind); i++ {
		h ^= uint32(kind[i])
		h *= 16777619
	}
	h ^= 0xff
	h *= 16777619
	for i := 0; i < len(value); i++ {
		h ^= uint32(value[i])
		h *= 16777619
	}
	return h
}

// nameFeatures returns the features of every span.
func (d *docState) nameFeatures(spans []nameSpan) [][]uint32 {
	// How the document uses each surface: how often, and whether ever
	// inside a sentence rather than at its start.
	count := map[string]int{}
	mid := map[string]bool{}
	for _, s := range spans {
		count[s.text]++
		if !d.sentenceInitial(s.lo) {
			mid[s.text] = true
		}
	}
	// Names whose last word some other one-word span is: a surname said
	// again, or a short name of a company.
	lastAlone := map[string]bool{}
	for _, s := range spans {
		if s.hi-s.lo == 1 {
			lastAlone[d.fold[s.lo]] = true
		}
	}
	for ai := range d.acc {
		if c := &d.acc[ai]; c.tokE-c.tokS == 1 {
			lastAlone[d.fold[c.tokS]] = true
		}
	}
	// How technical the document is: the share of its mentions that are
	// malware, tools, indicators or vulnerabilities, and of its words
	// that are jargon-shaped (digits, inner capitals). Reports full of
	// them write product and technique names in capitals.
	tech, all := 0, 0
	for ai := range d.acc {
		switch d.acc[ai].typ {
		case extractor.Malware, extractor.Tool, extractor.Indicator, extractor.Vulnerability:
			tech++
		}
		all++
	}
	jargon := 0
	for k := range d.tokText {
		if t := d.tokText[k]; innerCapitals(t) > 0 || strings.IndexFunc(t, unicode.IsDigit) >= 0 && strings.IndexFunc(t, unicode.IsLetter) >= 0 {
			jargon++
		}
	}
	techBucket := strconv.Itoa(min(10*tech/max(all, 1), 5))
	jargonBucket := strconv.Itoa(min(100*jargon/max(len(d.tokText), 1), 6))
	out := make([][]uint32, len(spans))
	for i, s := range spans {
		var f []uint32
		add := func(kind, value string) { f = append(f, nameFeature(kind, value)) }
		n := s.hi - s.lo
		add("bias", "")
		add("len", strconv.Itoa(min(n, 4)))
		var shapes []string
		common := 0
		for k := s.lo; k < s.hi; k++ {
			w := d.fold[k]
			add("w", w)
			add("suf2", suffix(w, 2))
			add("suf4", suffix(w, 4))
			add("pre4", prefix(w, 4))
			sh := nlp.ShortShape(d.tokText[k])
			shapes = append(shapes, sh)
			if d.an != nil {
				t := d.tokText[k]
				if tag, ok := d.an.LexicalTag(strings.ToLower(t)); ok {
					add("lextag", tag)
				}
				if d.ordinary(k) {
					common++
				}
				if tag, ok := d.an.LexicalTag(t); ok {
					add("captag", tag)
				}
			}
			if inner := innerCapitals(d.tokText[k]); inner > 1 {
				add("camel", "")
			}
			if d.lowerElsewhere(k) {
				add("lower", "")
				if n == 1 {
					add("lower1", "")
				}
			}
		}
		add("shape", strings.Join(shapes, " "))
		switch {
		case common == n:
			add("common", "all")
		case common > 0:
			add("common", "some")
		}
		first, last := d.fold[s.lo], d.fold[s.hi-1]
		add("first", first)
		add("last", last)
		add("suf", suffix(last, 3))
		add("pre", prefix(first, 3))
		p1, p2 := d.nameContext(s.lo-1, s.si), d.nameContext(s.lo-2, s.si)
		n1, n2 := d.nameContext(s.hi, s.si), d.nameContext(s.hi+1, s.si)
		add("p1", p1)
		add("p2", p2)
		add("p2p1", p2+" "+p1)
		add("n1", n1)
		add("n2", n2)
		add("n1n2", n1+" "+n2)
		add("p1n1", p1+" "+n1)
		// What the words beside it and its own first and last words are,
		// by the pack's lists: "the regulator X", "X, a consultancy", "X
		// said", "X Monitor" (nameWordLists).
		for _, nb := range []struct {
			kind, word string
		}{{"p1tag", p1}, {"p2tag", p2}, {"n1tag", n1}, {"n2tag", n2}, {"firsttag", first}, {"lasttag", last}} {
			for _, t := range d.p.nameWordTags[nb.word] {
				add(nb.kind, t)
			}
		}
		for _, nb := range []struct {
			kind string
			k    int
		}{{"p1ent", s.lo - 1}, {"p2ent", s.lo - 2}, {"p3ent", s.lo - 3}, {"n1ent", s.hi}, {"n2ent", s.hi + 1}, {"n3ent", s.hi + 2}} {
			if t := d.neighbourType(nb.k, s.si); t != "" {
				add(nb.kind, t)
			}
		}
		// The words around it, without position: "said", "firm", "based".
		lo, hi := d.sentLo[s.si], d.sentLo[s.si+1]
		for k := max(lo, s.lo-8); k < min(hi, s.hi+8); k++ {
			switch {
			case k < s.lo:
				add("left", d.fold[k])
			case k >= s.hi:
				add("right", d.fold[k])
			}
		}
		// A place it holds, and where: "Wuhan Earthquake Monitoring
		// Centre", "NHS England", "District of Kansas".
		if s.places > 0 {
			add("place", maskType(d.cover[s.lo])+" "+maskType(d.cover[s.hi-1]))
		}
		// A person's surname comes back alone ("Rask said").
		if n > 1 && lastAlone[d.fold[s.hi-1]] {
			add("lastalone", "")
		}
		initial := d.sentenceInitial(s.lo)
		if initial {
			add("initial", strconv.Itoa(min(n, 2)))
			if !mid[s.text] {
				add("onlyinitial", "")
			}
		}
		if hi-lo <= 6 {
			add("short", "")
		} else if d.titleShaped(lo, hi, headingMaxTokens) {
			add("title", "")
		}
		add("occ", strconv.Itoa(min(count[s.text], 3)))
		add("techdoc", techBucket)
		add("jargondoc", jargonBucket)
		out[i] = f
	}
	return out
}

// nameContext is the folded token k of sentence si, or a marker past its
// ends.
func (d *docState) nameContext(k, si int) string {
	switch {
	case k < d.sentLo[si]:
		return "<s>"
	case k >= d.sentLo[si+1]:
		return "</s>"
	}
	return d.fold[k]
}

// neighbourType is the type of the mention covering token k of sentence
// si, or "".
func (d *docState) neighbourType(k, si int) string {
	if k < d.sentLo[si] || k >= d.sentLo[si+1] {
		return ""
	}
	return maskType(d.cover[k])
}

// lowerElsewhere reports whether the document also writes token k's word
// in lower case ("Security" and "security"): then it is an ordinary word.
func (d *docState) lowerElsewhere(k int) bool {
	t := d.tokText[k]
	l := strings.ToLower(t)
	if l == t {
		return false
	}
	_, ok := d.firstOf[l]
	return ok
}

func suffix(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[len(r)-n:])
	}
	return s
}

func prefix(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// innerCapitals counts the capital letters after a word's first letter
// ("DisableAntiSpyware" 2, "MediaTek" 1).
func innerCapitals(t string) int {
	n := 0
	for i, r := range t {
		if i > 0 && unicode.IsUpper(r) {
			n++
		}
	}
	return n
}
