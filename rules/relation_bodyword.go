package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/reportgraph/extractor"
)

// Bodies named by their subject word. A title names the department it
// heads by the department's subject alone: "Commerce Secretary Gina
// Raimondo" works for the Commerce Department, "Treasury Secretary X" for
// the Department of the Treasury. The word is no mention of its own (a
// bare "Commerce" or "State" names nothing out of context), so a relation
// slot holding it refers to the government body of the document whose name
// is that word plus the words of a body ("Department of Commerce",
// "Commerce Department", "Ministry of Defence"), the nearest one before
// it, else the first one after it. Without such a body in the document the
// slot names nothing.

// bodyNameWords are the words a government body's name adds to its
// subject.
var bodyNameWords = map[string]bool{"department": true, "ministry": true, "of": true, "the": true, "u.s.": true,
	"us": true, "agency": true, "office": true, "for": true, "and": true}

// maxBodyWordTokens bounds the subject ("Homeland Security", "Foreign
// Affairs").
const maxBodyWordTokens = 3

// bodyBySubject returns the index in d.acc of a government mention whose
// name, without the words of a body, is the text of tokens [s, e); or -1.
func (d *docState) bodyBySubject(s, e int, skip []extractor.Span) int {
	if e <= s || e-s > maxBodyWordTokens {
		return -1
	}
	// A subject in lower case counts only before a title ("the defence
	// minister"); elsewhere a lower-case word is no body's name ("the state").
	lowerOK := e < len(d.fold) && d.sentOf[e] == d.sentOf[s] && lowerSubjectTitles[d.fold[e]]
	var words []string
	for t := s; t < e; t++ {
		r := []rune(d.tokText[t])
		if len(r) == 0 || (!unicode.IsUpper(r[0]) && !lowerOK) || bodyNameWords[d.fold[t]] {
			return -1
		}
		words = append(words, spellSubject(d.fold[t]))
	}
	want := strings.Join(words, " ")
	// A cabinet minister is a rank, no portfolio: "Ana Torres, the cabinet
	// minister" sits in the cabinet and need not work for the Cabinet
	// Office (whose own head is its "Minister for the Cabinet Office").
	if want == "cabinet" && e < len(d.fold) && d.sentOf[e] == d.sentOf[s] && (d.fold[e] == "minister" || d.fold[e] == "ministers") {
		return -1
	}
	at := d.tokStart[s]
	// The government mentions whose name has this subject, in the order of
	// d.acc (govIndex, relation_prefixed.go): the nearest before the
	// tokens, else the first after them. A minister's subject may leave
	// out "affairs" ("the foreign minister" of the Ministry of Foreign
	// Affairs), and a document may name both kinds ("the Foreign Office"
	// and "China's Ministry of Foreign Affairs"): the two lists merge.
	gi := d.govIndex()
	list := gi.bySubject[want]
	if more := gi.bySubject[want+" affairs"]; len(more) > 0 {
		list = append(append([]int32(nil), list...), more...)
		slices.Sort(list)
	}
	// A portfolio of a stated country ("China's foreign minister") is that
	// country's ministry: a body the text ties to another country ("the
	// UK's Foreign Office") is not it, nor is a known body of the
	// gazetteer the text ties to none ("the Foreign Office" is the
	// British one). A plain "Ministry of Foreign Affairs" the text ties to
	// no country is the ministry of the country the document is about,
	// which the minister's country states. Without a body that fits, the
	// slot names nothing rather than another state's ministry.
	country := d.possessorCountry(s)
	fits := func(c *cand) bool {
		if skipped(c, skip) {
			return false
		}
		if country == "" {
			// An unstated country is the one the minister's paragraph
			// speaks of: "Foreign Minister X said Russia was to blame"
			// in a report on Norway and China is no minister of "China's
			// foreign ministry" named elsewhere.
			bc := d.bodyCountry(c)
			return bc == "" || !d.paragraphNamesOtherCountry(s, bc)
		}
		if bc := d.bodyCountry(c); bc != "" {
			return bc == country
		}
		return !d.gazetteerBody(c)
	}
	top := sort.Search(len(list), func(i int) bool { return d.acc[list[i]].start >= at })
	for i := top - 1; i >= 0; i-- {
		if c := &d.acc[list[i]]; c.end <= at && fits(c) {
			return int(list[i])
		}
	}
	for i := top; i < len(list); i++ {
		if c := &d.acc[list[i]]; c.start >= d.tokEnd[e-1] && fits(c) {
			return int(list[i])
		}
	}
	return -1
}

// titleModifiers may stand between a possessor and a portfolio: "Japan's
// then defence minister".
var titleModifiers = map[string]bool{"then": true, "former": true, "current": true, "new": true, "acting": true,
	"interim": true}

// possessorCountry returns the entity key of the country whose possessive
// comes right before token s ("China's foreign minister", "Japan's then
// defence minister"), or "".
func (d *docState) possessorCountry(s int) string {
	lo := d.sentLo[d.sentOf[s]]
	k := s - 1
	for k >= lo && titleModifiers[d.fold[k]] {
		k--
	}
	if k <= lo || d.tokText[k] != possessiveS { // the typographic one reads the same (ruleText)
		return ""
	}
	return d.countryEndingAt(k)
}

// countryEndingAt returns the entity key of a country gazetteer name (or
// its adjective, "Chinese") that ends right before token end, or "".
func (d *docState) countryEndingAt(end int) string {
	lo := d.sentLo[d.sentOf[end-1]]
	for j := end - 1; j >= lo && j >= end-4; j-- {
		if key, e := d.placeAt(j, end, false, extractor.Location); key != "" && e == end {
			return key
		}
	}
	return ""
}

// bodyCountry returns the entity key of the country a government body's
// mention is tied to by its own words ("the UK Ministry of Defence",
// "Cyber Security Agency of Singapore") or by the words right before it
// ("Japan's Ministry of Defense", "the British Foreign Office"), or "".
func (d *docState) bodyCountry(c *cand) string {
	if key := d.namePlace(c, false, extractor.Location); key != "" {
		return key
	}
	s := int(c.tokS)
	lo := d.sentLo[d.sentOf[s]]
	if s-1 >= lo && d.tokText[s-1] == possessiveS {
		s--
	}
	if s <= lo {
		return ""
	}
	return d.countryEndingAt(s)
}

// bodySubjectOf is bodySubject, computed once per name and document.
func (d *docState) bodySubjectOf(name string) string {
	if v, ok := d.bodySubjects[name]; ok {
		return v
	}
	if d.bodySubjects == nil {
		d.bodySubjects = map[string]string{}
	}
	v := bodySubject(name)
	d.bodySubjects[name] = v
	return v
}

// bodySubject is a body's name without the words of a body, lower-cased:
// "Department of Commerce" → "commerce", "U.S. State Department" → "state".
func bodySubject(name string) string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if !bodyNameWords[w] {
			out = append(out, spellSubject(w))
		}
	}
	return strings.Join(out, " ")
}

// lowerSubjectTitles are the titles after which a portfolio is written in
// lower case ("Japan's defence minister", "the interior minister").
var lowerSubjectTitles = map[string]bool{"minister": true, "secretary": true}

// spellSubject writes a subject word in one spelling, so the British and
// the American names of a portfolio meet ("defence minister", "Ministry
// of Defense", "the labour ministry", "Ministry of Labor"): the spellings
// every rule compares tokens in (spelling.go).
func spellSubject(w string) string { return foldSpelling(w) }

// bodyEndpoint resolves a slot span that is the subject word of a body.
func (d *docState) bodyEndpoint(c capRec, mask typeMask, skip []extractor.Span) (endpoint, bool) {
	if mask&maskOf(extractor.Government) == 0 {
		return endpoint{}, false
	}
	for _, m := range d.mentionsWithin(c.bs, c.be) {
		if m.typ != extractor.Sector && m.typ != extractor.Location {
			return endpoint{}, false // a name of its own
		}
	}
	k := d.bodyBySubject(c.start, c.end, skip)
	if k < 0 {
		return endpoint{}, false
	}
	a := &d.acc[k]
	return endpoint{span: extractor.Span{Start: a.start, End: a.end},
		coref: fmt.Sprintf("%q → %s", d.text[c.bs:c.be], d.surface(a))}, true
}

// gazetteerBody reports whether a body's entity is a name of the
// gazetteer, which lists the bodies of particular states, in any of its
// mentions (a propagated copy comes from another rule).
func (d *docState) gazetteerBody(c *cand) bool {
	key := d.entityKey(c)
	for j := range d.acc {
		x := &d.acc[j]
		if x.typ == c.typ && d.p.rules[x.rule].kind == KindGazetteer && d.entityKey(x) == key {
			return true
		}
	}
	return false
}

// paragraphNamesOtherCountry reports whether the paragraph of token t, up
// to and including its sentence, names a country other than key.
func (d *docState) paragraphNamesOtherCountry(t int, key string) bool {
	for j := int(d.sentOf[t]); j >= 0; j-- {
		lo, hi := d.sentLo[j], d.sentLo[j+1]
		for k := lo; k < hi; k++ {
			m := int(d.startM[k])
			if m < 0 || d.acc[m].hide || d.acc[m].typ != extractor.Location {
				continue
			}
			x := &d.acc[m]
			if ck, e := d.placeAt(int(x.tokS), int(x.tokE), false, extractor.Location); ck != "" && e == int(x.tokE) && ck != key {
				return true
			}
		}
		if j == 0 || lo < hi && d.blankLineBefore(lo) && !d.itemOfIntro(j) || d.headingLike(j) || d.headingLike(j-1) {
			return false
		}
	}
	return false
}
