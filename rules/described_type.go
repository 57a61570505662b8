package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// Names that are both a group and its malware (a ransomware brand, a
// family that gave its name to the people using it) are typed malware by
// the gazetteers. The text often says which one a mention is:
//
//	"Quillcrypt, a Russian-speaking ransomware gang, ..."   (appositive)
//	"Quillcrypt is a ransomware-as-a-service operation"     (copular)
//	"a crew known as Quillcrypt", "a group called X"        (naming)
//
// make that mention a threat actor, while "Quillcrypt ransomware",
// "deployed Quillcrypt", "Quillcrypt, a backdoor the group used" stay
// malware. When a document describes the name as a party at least once
// and deploys the bare name less often, its bare mentions are the party
// too: "Quillcrypt claimed the attack" is the group of "Quillcrypt, a
// ransomware gang". Mentions that name the code ("Quillcrypt ransomware")
// stay malware, so an actor and a malware of one name may both be in the
// document, as the gold conventions of corpus/samples allow; the actor
// mentions are marked Party, which keeps them apart from the malware in
// entity resolution (extract/resolve.go).
//
// Not cues, because the annotated dev sets (AnnoCTR, DNRTI, APTNER) type
// the brand malware there and their figures fell: a head noun right after
// the name ("the X gang", "X operators", "X operations", "X actors": a
// ransomware brand as a whole, or activity), an appositive before it ("a
// second gang, X,"), and "the" opening an appositive ("X, the actor
// makes ..." is a new clause). "The X group" is an actor mention of its
// own already (core.threat-actor.malware-crew).
//
// The words are pack lists (core-phrases.yaml): described_actor_heads,
// described_malware_nouns, described_malware_verbs.

const (
	listDescribedActorHeads   = "described_actor_heads"
	listDescribedMalwareNouns = "described_malware_nouns"
	listDescribedMalwareVerbs = "described_malware_verbs"
	listCompanyProductContext = "company_product_context"
	// listDescribedQualifiedNouns: nouns of described_malware_nouns that
	// name code only beside another of them ("malware households",
	// "households of malware": a rewriter's word for families); alone they
	// are people's homes ("the scam reached households").
	listDescribedQualifiedNouns = "described_malware_qualified_nouns"
)

// describedWords holds the folded words of those lists.
type describedWords struct {
	heads map[string]bool // nouns that name a party: group, gang, crew, operation, ...
	nouns map[string]bool // nouns that name the code after the name: ransomware, payload, ...
	// qualified are the nouns that name code only beside another noun
	// of nouns (codeNoun).
	qualified map[string]bool
	verbs     map[string]bool // verbs whose object is the code: deployed, dropped, ...
	// companies are the head nouns that describe a tool's name as its maker
	// (described_company.go).
	companies map[string]bool
	// productContext are the words before a described company's name that
	// make the mention its product: used, abused, via, through, ...
	productContext map[string]bool
	// companyTails are the last words of a company's name (the pack lists
	// org_name_tails, company_short_name_suffixes and
	// company_stem_descriptors): a list item ending in one ("- Quillon
	// Data Systems") names no person (personItemName).
	companyTails map[string]bool
	// sectorTails are the sector words that end a company's name
	// (company_sector_heads: "Harbor Crest Logistics"); some are
	// surnames too ("Samantha Power"), so they count only after two words.
	sectorTails map[string]bool
}

func describedLists(lists map[string]*listSpec) describedWords {
	return describedWords{heads: foldedWords(lists[listDescribedActorHeads]),
		nouns: foldedWords(lists[listDescribedMalwareNouns]), verbs: foldedWords(lists[listDescribedMalwareVerbs]),
		companies: foldedWords(lists[listDescribedCompanyHeads]), productContext: foldedWords(lists[listCompanyProductContext]),
		qualified:    foldedWords(lists[listDescribedQualifiedNouns]),
		companyTails: lastWords(lists["org_name_tails"], lists["company_short_name_suffixes"], lists["company_stem_descriptors"]),
		sectorTails:  lastWords(lists["company_sector_heads"])}
}

// lastWords returns the folded last word of every item of ls.
func lastWords(ls ...*listSpec) map[string]bool {
	m := map[string]bool{}
	for _, l := range ls {
		if l == nil {
			continue
		}
		for _, it := range l.items {
			if f := strings.Fields(it.s); len(f) > 0 {
				m[foldKey(f[len(f)-1])] = true
			}
		}
	}
	return m
}

// codeNoun reports whether token k is a lower-case noun of the list
// described_malware_nouns that names code there: a qualified one
// ("households") only right after another ("malware households") or
// before "of" and another ("households of malware").
func (d *docState) codeNoun(k int) bool {
	w := &d.p.described
	f := d.fold[k]
	if !w.nouns[f] || !d.lower(k) {
		return false
	}
	if !w.qualified[f] {
		return true
	}
	plain := func(j int) bool { return w.nouns[d.fold[j]] && !w.qualified[d.fold[j]] && d.lower(j) }
	si := d.sentOf[k]
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	if k-1 >= lo && plain(k-1) || k+2 < hi && d.fold[k+1] == "of" && plain(k+2) {
		return true
	}
	// A sentence that names malware or a tool before it speaks of code:
	// "it deployed ShadowPad and PlugX, and two households specific to the
	// group".
	if !d.codeFromOn {
		return d.firstCode(lo, k) < k
	}
	if d.codeFrom[si] == 0 {
		d.codeFrom[si] = int32(d.firstCode(lo, hi)) + 1
	}
	return int(d.codeFrom[si])-1 < k
}

// firstCode is the first token in [lo, hi) a visible malware or tool
// mention starts at, or hi.
func (d *docState) firstCode(lo, hi int) int {
	for t := lo; t < hi; t++ {
		if m := d.startM[t]; m >= 0 && !d.acc[m].hide && (d.acc[m].typ == extractor.Malware || d.acc[m].typ == extractor.Tool) {
			return t
		}
	}
	return hi
}

// cacheCode starts codeNoun's per-sentence cache (codeFrom), so that
// the nouns of a sentence read its mentions once; a pass that retypes
// a mention while it reads calls forgetCode for its sentence, and stops
// the cache when it ends (stopCode).
func (d *docState) cacheCode() {
	d.codeFrom = grow(d.codeFrom, len(d.sentLo)-1)
	d.codeFromOn = true
}

func (d *docState) forgetCode(tok int) {
	if d.codeFromOn {
		d.codeFrom[d.sentOf[tok]] = 0
	}
}

func (d *docState) stopCode() { d.codeFromOn = false }

// The cue a mention's context gives about what its name is.
const (
	cueNone    = 0
	cueActor   = 1
	cueCode    = 2 // the name of the code: "X ransomware"; stays malware, no vote
	cueDeploy  = 3 // the code deployed: stays malware and votes against the party
	maxDescLen = 7 // words between the article and the head noun of a descriptor
)

// descStops end a descriptor: its head noun comes before them ("X, a
// ransomware strain used by the group" describes no group; "X remains a
// favourite among Chinese groups" is no group either).
var descStops = map[string]bool{"that": true, "which": true, "who": true, "whose": true, "by": true, "of": true,
	"for": true, "from": true, "in": true, "on": true, "with": true, "and": true, "or": true, "to": true,
	"as": true, "is": true, "was": true, "are": true, "were": true, "but": true, "its": true, "their": true,
	"among": true, "between": true, "across": true, "against": true, "like": true,
	"including": true, "at": true, "into": true, "via": true}

// namedParty is the types of the named parties whose operation a
// descriptor may be ("a GRU operation", "a Sandworm operation").
var namedParty = maskOf(extractor.ThreatActor) | maskOf(extractor.Government)

var descArticles = map[string]bool{"a": true, "an": true, "another": true, "the": true}

var descCopulas = map[string]bool{"is": true, "was": true, "are": true, "were": true, "remains": true,
	"remained": true, "became": true, "becomes": true}

// typeDescribedNames retypes malware mentions the text describes as a
// party (see the comment above), before the relation rules read types.
func (d *docState) typeDescribedNames() {
	d.typeDescribedCompanies()  // described_company.go
	d.typeCompanyNamedPersons() // described_company.go
	d.typeListedFamilies()      // described_family.go
	w := &d.p.described
	if len(w.heads) == 0 {
		return
	}
	type tally struct{ actor, deploy int }
	var byKey map[string]*tally
	keyOf := map[string]string{} // folded surface or canonical name → key
	cues := make([]int8, len(d.acc))
	d.cacheCode() // the loop below retypes nothing
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.typ != extractor.Malware || c.tokE <= c.tokS || !d.capitalised(int(c.tokS)) {
			continue
		}
		key := d.describedKey(c)
		cue := d.describedCue(c)
		cues[ai] = int8(cue)
		if cue == cueCode {
			continue // "X ransomware" names the code; its own key differs anyway
		}
		keyOf[foldKey(d.text[c.start:c.end])] = key
		keyOf[key] = key
		if byKey == nil {
			byKey = map[string]*tally{}
		}
		t := byKey[key]
		if t == nil {
			t = &tally{}
			byKey[key] = t
		}
		switch cue {
		case cueActor:
			t.actor++
		case cueDeploy:
			t.deploy++
		}
	}
	d.stopCode()
	if byKey == nil {
		return
	}
	changed := false
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.typ != extractor.Malware {
			continue
		}
		switch cues[ai] {
		case cueActor:
		case cueNone:
			t := byKey[d.describedKey(c)]
			if t == nil || t.actor == 0 || t.deploy >= t.actor {
				continue
			}
		default:
			continue
		}
		c.typ, c.subtype, c.party = extractor.ThreatActor, "", true
		changed = true
	}
	if changed {
		d.index()
	}
}

// describedKey is the key the mentions of one name share: the folded
// canonical name, or the folded surface.
func (d *docState) describedKey(c *cand) string {
	if key := foldKey(c.canonical); key != "" {
		return key
	}
	return foldKey(d.text[c.start:c.end])
}

// capitalised reports whether token i starts with a capital letter or a
// digit, as a name does.
func (d *docState) capitalised(i int) bool {
	t := d.tokText[i]
	if t == "" {
		return false
	}
	b := t[0]
	return b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80 && strings.ToLower(t) != t
}

// describedCue reads the words around a malware mention.
func (d *docState) describedCue(c *cand) int {
	w := &d.p.described
	s, e := int(c.tokS), int(c.tokE)
	si := int(d.sentOf[s])
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	code := e-s > 1 && w.nouns[d.fold[e-1]] // the mention is "X ransomware"
	j := e
	if j < hi && d.codeNoun(j) {
		code = true
		j++
	}
	if code {
		return cueCode
	}
	if j < hi && d.fold[j] == "," {
		if cue := d.descriptorAt(j+1, hi, false); cue != cueNone {
			return cue // "X, a Chinese hacking group"; "X, the malware also known as"
		}
	}
	k := j
	switch {
	case k+1 < hi && (d.fold[k] == "has" || d.fold[k] == "had") && d.fold[k+1] == "been":
		k += 2
	case k < hi && descCopulas[d.fold[k]]:
		k++
	default:
		k = -1
	}
	if k >= 0 {
		if k < hi && d.fold[k] == "also" {
			k++
		}
		if cue := d.descriptorAt(k, hi, true); cue != cueNone {
			return cue // "X is a criminal, money-driven operation"
		}
	}
	if s > lo && w.verbs[d.fold[s-1]] {
		return cueDeploy // "deployed X"
	}
	// "a crew known as X", "the group dubbed X"; the naming verbs are
	// the pack list rel_naming_verbs
	k = s - 1
	naming := d.p.cti.namingVerbs
	if k > lo && d.fold[k] == "as" && (d.fold[k-1] == "known" || naming[d.fold[k-1]]) {
		k -= 2
	} else if k >= lo && naming[d.fold[k]] {
		k--
	} else {
		return cueNone
	}
	for n := 0; n < 3 && k >= lo; n, k = n+1, k-1 {
		if w.heads[d.fold[k]] && d.lower(k) {
			return cueActor
		}
		// the name is the code's when a malware noun or a deploying verb
		// comes first: "the gang used malware called X", "the actor
		// dropped ransomware dubbed X" (the actor noun is the subject)
		if w.nouns[d.fold[k]] || w.verbs[d.fold[k]] || !d.descWord(k) {
			break
		}
	}
	return cueNone
}

// descriptorAt reports whether tokens from k read as an indefinite
// descriptor whose head is a party noun: "a Chinese hacking group", "one
// of the most active ransomware gangs", "an operation"; commas inside
// when the descriptor is a predicate ("a criminal, money-driven
// operation").
func (d *docState) descriptorAt(k, hi int, commas bool) int {
	w := &d.p.described
	switch {
	case k+2 < hi && d.fold[k] == "one" && d.fold[k+1] == "of" && d.fold[k+2] == "the":
		k += 3
	case k < hi && descArticles[d.fold[k]] && (d.fold[k] != "the" || commas):
		k++ // "X is the largest gang"; "CapturaTela, the actor makes" is a new clause
	default:
		return cueNone
	}
	for n := 0; k < hi && n <= maxDescLen; k, n = k+1, n+1 {
		f := d.fold[k]
		if k+1 < hi && possessive(d.fold[k+1]) {
			return cueNone // "X, the group's second family"
		}
		if d.cover[k]&namedParty != 0 {
			return cueNone // "X, a Sandworm operation": the operation of a named actor or state
		}
		if w.heads[f] && d.lower(k) {
			if k+1 < hi && d.fold[k+1] == "of" {
				return cueNone // "X, a group of servers"
			}
			return cueActor
		}
		if d.codeNoun(k) && !(k+1 < hi && w.heads[d.fold[k+1]]) {
			return cueDeploy // "X, a backdoor the group used", "X, the malware known as"
		}
		if f == "," && commas {
			continue
		}
		if descArticles[f] || !d.descWord(k) {
			return cueNone
		}
	}
	return cueNone
}

// descWord reports whether token k may stand inside a descriptor: a word
// (or a hyphen joining words) that is no function word.
func (d *docState) descWord(k int) bool {
	f := d.fold[k]
	if f == "-" {
		return true
	}
	if descStops[f] || f == "" {
		return false
	}
	for _, r := range f {
		if r >= 'a' && r <= 'z' || r >= 0x80 {
			return true
		}
	}
	return false
}

// lower reports whether token k is written in lower case.
func (d *docState) lower(k int) bool { return d.exact(k) == d.fold[k] }

func possessive(f string) bool { return f == "'s" || f == "'" || f == "s" }
