package rules

import (
	"sort"

	"github.com/reportgraph/extractor"
)

// Parents named with the body. An attribution often names the body behind
// an actor together with what that body belongs to: "U.S. authorities tied
// the group to Center 16 of Russia's Federal Security Service", "the
// GRU's Unit 74455". The actor is then the parent body's as well: analysts
// record Turla under the FSB, not only under Center 16.
// parentChain finds those parents of a target named directly: the body
// after "of" ("Center 16 of the FSB", "Center 16 of Russia's FSB"), and the
// body owning the target by a possessive ("the GRU's Unit 74455").

// chainTypes are the relation types whose target's parents are targets
// too, for a source that is an actor or its malware (a campaign
// "attributed to Center 16 of the FSB" is left alone: the operation is the
// unit's, the parent is said of the actor).
var chainTypes = map[string]bool{"attributed-to": true, "sponsored-by": true}

// chainSources are the source types the chain applies to.
var chainSources = maskOf(extractor.ThreatActor) | maskOf(extractor.Malware)

// chained is a parent of a target and the relation the source has to it.
type chained struct {
	end endpoint
	typ string
}

// parentChain returns the parent bodies of the directly named target e,
// with the relation typ: the government body after "of" (perhaps after
// "the" or a possessive place), and the body owning e or that body by
// "'s".
func (d *docState) parentChain(e endpoint, typ string) []chained {
	if e.coref != "" {
		return nil
	}
	m := d.mentionAt(e.span.Start, e.span.End)
	if m == nil || m.typ != extractor.Government {
		return nil
	}
	var out []chained
	add := func(k int) {
		// Only bodies: the state behind "Russia's SVR" is left out. On
		// CAPTIER ("APT29 has been attributed to Russia's Foreign
		// Intelligence Service") the annotation never has the actor's
		// state there (precision .549 -> .544), and our gold records it
		// only sometimes.
		if a := &d.acc[k]; a.typ == extractor.Government {
			out = append(out, chained{endpoint{span: extractor.Span{Start: a.start, End: a.end}}, typ})
		}
	}
	if k := d.possessorOf(int(m.tokS)); k >= 0 {
		add(k) // "Russia's FSB", "the GRU's Unit 74455"
	}
	t, hi := int(m.tokE), d.sentHi(int(m.tokS))
	t = d.skipBracketed(t, hi) // "Center 16 (TsRR) of the FSB"
	if t+1 >= hi || d.fold[t] != "of" {
		return out
	}
	t++
	if d.fold[t] == "the" {
		t++
	}
	if t < hi && d.startM[t] >= 0 {
		k := int(d.startM[t])
		if d.acc[k].typ == extractor.Location && int(d.acc[k].tokE) < hi && d.tokText[d.acc[k].tokE] == "'s" {
			t = int(d.acc[k].tokE) + 1 // "of Russia's Federal Security Service"
		}
	}
	if t < hi && d.startM[t] < 0 {
		t = d.describedBody(t, hi) // "of Russia's military intelligence service, the GRU"
	}
	if t < hi && d.startM[t] >= 0 {
		if k := int(d.startM[t]); d.acc[k].typ == extractor.Government && !d.acc[k].hide {
			add(k)
			if p := d.possessorOf(t); p >= 0 {
				add(p)
			}
		}
	}
	return out
}

// skipBracketed returns the token after a short bracketed aside that
// opens at t ("(GTsSS)", "(also Unit 74455)"), or t when none does.
func (d *docState) skipBracketed(t, hi int) int {
	if u := d.bracketEnd(t, min(hi, t+maxChainAside+2)); u >= 0 {
		return u
	}
	return t
}

// bracketEnd returns the token after the ")" closing a bracket that opens
// at t, the ")" before hi; or -1 when t opens none or it stays open.
func (d *docState) bracketEnd(t, hi int) int {
	if t >= hi || d.tokText[t] != "(" {
		return -1
	}
	for u := t + 1; u < hi; u++ {
		if d.tokText[u] == ")" {
			return u + 1
		}
	}
	return -1
}

// describedBody returns, for a body described in lower-case words and named
// in an apposition after them ("military intelligence service, the GRU"),
// the token where that name starts; else t. The description is at most
// maxChainAside lower-case words; the name must be a mention (the caller
// keeps only a government body) that ends the apposition: a name followed
// by a verb of saying or "and" is whoever reports the tie, not the parent
// ("Unit 26165 of the intelligence service, the FBI said"; "..., the NSA
// and the FBI said").
func (d *docState) describedBody(t, hi int) int {
	u := t
	for u < hi && u-t < maxChainAside && d.startM[u] < 0 && isLowerWord(d.tokText[u]) {
		u++
	}
	if u == t || u+1 >= hi || d.tokText[u] != "," {
		return t
	}
	u++
	if d.fold[u] == "the" {
		u++
	}
	if u < hi && d.startM[u] >= 0 {
		if e := int(d.acc[d.startM[u]].tokE); e < hi && (sayingVerbs[d.fold[e]] || d.fold[e] == "added" || d.fold[e] == "and") {
			return t
		}
		return u
	}
	return t
}

// maxChainAside is how many tokens a bracketed aside or a body's
// description may have between a body and its parent.
const maxChainAside = 4

// possessorOf returns the index in d.acc of the place or government
// mention that owns, by "'s", the mention starting at token tok ("Russia's"
// before "Federal Security Service"), or -1.
func (d *docState) possessorOf(tok int) int {
	if tok < 2 || d.tokText[tok-1] != "'s" || d.sentOf[tok-1] != d.sentOf[tok] {
		return -1
	}
	end := tok - 1 // the possessor's tokens end before "'s"
	k := sort.Search(len(d.acc), func(k int) bool { return int(d.acc[k].tokS) >= end }) - 1
	if k < 0 || int(d.acc[k].tokE) != end || d.acc[k].hide {
		return -1
	}
	if t := d.acc[k].typ; t != extractor.Location && t != extractor.Government {
		return -1
	}
	return k
}
