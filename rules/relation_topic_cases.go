package rules

import "github.com/reportgraph/extractor"

// Documents that cover several unrelated cases. A sanctions release, a
// weekly roundup, an advisory digest or a timeline speaks of one case per
// section (or, without headings, per paragraph), each with its own party:
// "Operation X" and the actor behind it, then a ransomware and the crew a
// government ties it to, then a numbered military unit and its wiper, then
// officers of another unit. One of those actors may still be named more
// than the others, enough to be the document's dominant actor, but the
// tools, victims and places of the other cases, and the title, overview
// list or table that names all of them, are not its.
//
// A document is such a digest when at least caseMinForeign blocks (sections
// when the document has at least caseMinSections headings, else
// paragraphs) each name some other party, a threat actor or a numbered
// unit, different ones, and neither the dominant actor nor a name a
// relation ties to it, and those blocks are at least as many as the blocks
// that name the dominant actor. Then:
//
//   - a block about another party gives the dominant actor nothing; it
//     falls back on the one threat actor it names, as in a report without
//     a dominant actor (relation_topic_local.go), and a unit or a company
//     is a party of its own that the topic rules give nothing to;
//   - a name such a block takes up is not the dominant actor's anywhere,
//     unless a block about the dominant actor alone names it too (the
//     title's block aside): the title and the overview list or table that
//     name every case give it none of the others' malware and victims;
//   - a block whose first sentence opens with a company, a government
//     body or a person as its subject ("One of those firms is i-Soon",
//     "Harlow Trading, a company in Pyongyang, was listed") is about that
//     party's case and gives the dominant actor nothing either;
//   - a block that names no party (a table of indicators, advice, a
//     contact line) keeps the dominant actor, as in a one-actor report.

// caseMinForeign is how many blocks must be about another party, with no
// word of the dominant actor, for a document to cover several cases.
const caseMinForeign = 2

// caseMinSections is how many headings make sections, not paragraphs, the
// blocks a digest is read in.
const caseMinSections = 3

// caseScopeOf returns where the dominant actor dom may be the topic, or
// nil when the document is about dom throughout. keys are the mentions'
// topic keys; isParty tells the mentions of another
// case's party (threat actors that count toward a topic, numbered units);
// tied holds the keys a relation ties to dom, which speak of dom's case.
func (d *docState) caseScopeOf(keys []string, isParty func(k int) bool, dom *topicSource, tied map[string]bool) *caseScope {
	n := len(d.sents)
	if dom == nil || n == 0 {
		return nil
	}
	block := d.caseBlocks()
	nb := block[n-1] + 1
	namesDom := make([]bool, nb)
	others := make([]string, nb) // the first other party a block names
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || int(c.tokS) >= len(d.sentOf) {
			continue
		}
		b := block[d.sentOf[c.tokS]]
		switch key := keys[k]; {
		case key == dom.key || tied[key]:
			namesDom[b] = true
		case isParty(k) && others[b] == "":
			others[b] = key
		}
	}
	domBlocks, foreign := 0, 0
	parties := map[string]bool{}
	for b := 0; b < nb; b++ {
		switch {
		case namesDom[b]:
			domBlocks++
		case others[b] != "":
			foreign++
			parties[others[b]] = true
		}
	}
	if foreign < caseMinForeign || len(parties) < caseMinForeign || foreign < domBlocks {
		return nil
	}
	cs := &caseScope{inDom: make([]bool, n), others: map[string]bool{}}
	own := d.blockSubjects(block, nb)
	for si := 0; si < n; si++ {
		b := block[si]
		cs.inDom[si] = namesDom[b] || others[b] == "" && !own[b]
	}
	// A name is another case's when a block about another party names it
	// and no block about the dominant actor alone does, but for the first
	// (the title's): a title or an overview that names the dominant actor
	// with others lists all the cases.
	pure := func(b int) bool { return b > 0 && namesDom[b] && others[b] == "" }
	ownNames := map[string]bool{}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || int(c.tokS) >= len(d.sentOf) {
			continue
		}
		switch b := block[d.sentOf[c.tokS]]; {
		case pure(b):
			ownNames[keys[k]] = true
		case !namesDom[b] && others[b] != "":
			cs.others[keys[k]] = true
		}
	}
	for key := range ownNames {
		delete(cs.others, key)
	}
	return cs
}

// caseScope is where a digest's dominant actor is the topic.
type caseScope struct {
	// inDom tells, per sentence, whether its block may speak of the
	// dominant actor's case: it names the actor, or no other party (a
	// table, a list of indicators, a section of advice).
	inDom []bool
	// others holds the keys of the names the other cases' blocks take up:
	// a title or an overview that lists "A, WannaCry, NotPetya and B"
	// gives the dominant actor none of them.
	others map[string]bool
}

// gives reports whether the dominant actor may be the topic of the name
// key in sentence si.
func (cs *caseScope) gives(si int, key string) bool {
	return cs == nil || cs.inDom[si] && !cs.others[key]
}

// caseBlocks returns, per sentence, the number of its block: its section
// (a heading line opens one) when the document has at least
// caseMinSections headings after its title, else its paragraph.
func (d *docState) caseBlocks() []int {
	n := len(d.sents)
	heads := make([]bool, n)
	nh := 0
	for si := 1; si < n; si++ {
		if d.headingLike(si) && !d.headingLike(si-1) {
			heads[si] = true
			nh++
		}
	}
	starts := heads
	if nh < caseMinSections {
		starts = d.paragraphStarts()
	}
	block := make([]int, n)
	b := 0
	for si := 0; si < n; si++ {
		if si > 0 && starts[si] {
			b++
		}
		block[si] = b
	}
	return block
}

// caseSubjectReach is how many tokens may open a sentence before the name
// that is its subject ("One of those companies is i-Soon").
const caseSubjectReach = 6

// blockSubjects reports, per block, whether its first sentence that is no
// heading opens with a company, a government body or a person, within
// caseSubjectReach tokens, that no verb of saying follows ("Microsoft said
// ..." cites a source; it is no case's party).
func (d *docState) blockSubjects(block []int, nb int) []bool {
	out := make([]bool, nb)
	seen := make([]bool, nb)
	subject := maskOf(extractor.Organization) | maskOf(extractor.Government) | maskOf(extractor.Person)
	for si := range block {
		b := block[si]
		if seen[b] || d.headingLike(si) {
			continue
		}
		seen[b] = true
		lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
		for t := lo; t < hi && t < lo+caseSubjectReach; t++ {
			k := d.startM[t]
			if k < 0 || d.acc[k].hide {
				continue
			}
			c := &d.acc[k]
			e := int(c.tokE)
			out[b] = maskOf(c.typ)&subject != 0 && !(e < hi && sayingVerbs[d.fold[e]])
			break
		}
	}
	return out
}
