package rules

import "github.com/reportgraph/extractor"

// A software product's name is often its maker's name too (a remote-access
// tool, a file-transfer service), and the tool gazetteers type it tool. When
// the text describes the name as the company in an appositive, "X, the
// German maker of remote-access software," "X, a software vendor based in
// Y", the text's own description beats the gazetteer's type: the name is
// the organisation in that document. Its other mentions follow ("X said it
// found no evidence"), except those that name the product: after a verb
// of deployment ("installed X"), or before a lower-case product or malware
// noun ("X sessions", "X software", "X clients"). The company's mentions
// are marked Party, which keeps them apart from the tool of the same name
// in entity resolution (extract/resolve.go), in other documents too.
//
// The head nouns are the pack list described_company_heads (core-phrases.yaml).

const listDescribedCompanyHeads = "described_company_heads"

// maxCompanyDescLen bounds the words between the article and the head noun
// of a company descriptor ("the Göppingen-based maker").
const maxCompanyDescLen = 5

// typeDescribedCompanies retypes the tool mentions of a name the document
// describes as a company (see above).
func (d *docState) typeDescribedCompanies() {
	heads := d.p.described.companies
	if len(heads) == 0 {
		return
	}
	var keys map[string]bool
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.typ != extractor.Tool || c.tokE <= c.tokS || !d.capitalised(int(c.tokS)) {
			continue
		}
		if d.companyDescriptor(int(c.tokE), heads) {
			if keys == nil {
				keys = map[string]bool{}
			}
			keys[d.describedKey(c)] = true
		}
	}
	if keys == nil {
		return
	}
	changed := false
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.typ != extractor.Tool || !keys[d.describedKey(c)] ||
			d.namesProduct(c) && !d.companyDescriptor(int(c.tokE), heads) {
			continue // (the described mention itself is the company: "FIN7 hit X, a German firm")
		}
		c.typ, c.subtype, c.party = extractor.Organization, "", true
		changed = true
	}
	if changed {
		d.index()
	}
}

// companyDescriptor reports whether tokens from j read as an appositive
// whose head is a company noun: ", the Göppingen maker of", ", a software
// vendor".
func (d *docState) companyDescriptor(j int, heads map[string]bool) bool {
	si := int(d.sentOf[j-1])
	hi := int(d.sentLo[si+1])
	for j < hi && emphasisMark(d.fold[j]) {
		j++ // "**X**, the maker"
	}
	if j+1 >= hi || d.fold[j] != "," || !descArticles[d.fold[j+1]] {
		return false
	}
	for k, n := j+2, 0; k < hi && n <= maxCompanyDescLen; k, n = k+1, n+1 {
		if heads[d.fold[k]] && d.lower(k) && (k+1 >= hi || companyHeadEnd[d.fold[k+1]]) {
			// the head ends the phrase: "a developer tool", "a cloud
			// storage provider sync tool", "the vendor's tool" describe
			// the tool
			return true
		}
		if !d.descWord(k) {
			return false
		}
	}
	return false
}

// namesProduct reports whether a mention names the product rather than the
// company: a deployment verb before it, a lower-case product or malware
// noun after it.
func (d *docState) namesProduct(c *cand) bool {
	s, e := int(c.tokS), int(c.tokE)
	si := int(d.sentOf[s])
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	w := &d.p.described
	if s > lo && (w.verbs[d.fold[s-1]] || w.productContext[d.fold[s-1]]) {
		return true
	}
	// an actor earlier in the clause governs the mention: "FIN7 later
	// moved to X"
	for k := s - 1; k >= lo; k-- {
		f := d.fold[k]
		if f == ";" || f == "said" || f == "says" || f == "told" {
			break
		}
		if i := d.startM[k]; i >= 0 && !d.acc[i].hide && d.acc[i].typ == extractor.ThreatActor {
			return true
		}
	}
	return e < hi && d.lower(e) && (w.nouns[d.fold[e]] || d.p.productNouns[d.fold[e]])
}

// companyHeadEnd are the tokens that may follow a company descriptor's
// head noun: the phrase ends there ("X, a software vendor based in Y",
// "X, the maker of", "X, a German company.").
var companyHeadEnd = map[string]bool{",": true, ".": true, ";": true, ":": true, ")": true, "of": true, "based": true,
	"behind": true, "that": true, "which": true, "whose": true, "in": true, "and": true, "headquartered": true,
	"from": true, "—": true, "–": true, "-": true, "said": true, "says": true, "with": true, "for": true}

// emphasisMark reports whether a token is Markdown emphasis around a name.
func emphasisMark(f string) bool { return f == "**" || f == "*" || f == "__" || f == "_" }

// ruleCompanyNounName is the pattern rule that reads a person-shaped name
// after a company noun as the company: "the Norwegian security firm Norman
// Shark" (core-persons.yaml).
const ruleCompanyNounName = "core.organization.company-noun-name"

// typeCompanyNamedPersons retypes the person mentions of a name the
// document introduces as a company after a company noun ("the security
// firm Norman Shark"): its later mentions ("head of research at Norman
// Shark", "Norman's analysts", "Norman said") were read as a given name and
// a surname, or as the surname alone, and would outvote the introduction.
// The company's first word alone is retyped only when it is a whole
// mention of its own ("Norman was cautious"), and named as the company.
func (d *docState) typeCompanyNamedPersons() {
	var full map[string]bool
	var first map[string]string // first word → the company's name
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.typ != extractor.Organization || c.tokE-c.tokS < 2 || d.p.rules[c.rule].id != ruleCompanyNounName {
			continue
		}
		if full == nil {
			full, first = map[string]bool{}, map[string]string{}
		}
		full[d.describedKey(c)] = true
		full[foldKey(d.text[c.start:c.end])] = true
		first[d.fold[c.tokS]] = d.text[c.start:c.end]
	}
	if full == nil {
		return
	}
	changed := false
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.typ != extractor.Person {
			continue
		}
		name, one := first[d.fold[c.tokS]]
		one = one && c.tokE-c.tokS == 1
		if !one && !full[d.describedKey(c)] && !full[foldKey(d.text[c.start:c.end])] {
			continue
		}
		c.typ, c.subtype, c.canonical = extractor.Organization, "", ""
		if one {
			c.canonical = name // "Norman" is Norman Shark
		}
		changed = true
	}
	if changed {
		d.index()
	}
}
