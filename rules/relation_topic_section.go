package rules

import "strings"

// A section headed "Victims", "Who was hit" or "4. TARGETS" lists the
// victims of the report's actor in sentences that need no victim frame:
// "Among the agencies were the Treasury Department and the Commerce
// Department", "The State Department noticed the intrusion first". A topic
// rule with frames takes, with `sections`, the organisations and bodies
// of such a section too, but not one that speaks or reports there ("the
// FBI said", "according to Microsoft", "CISA, which published the
// advisory"), nor one named after a preposition of source or company
// ("by", "with", "from").

// victimSection reports whether mention k of sentence si stands in a
// section whose heading holds a phrase of ps, and not where a source,
// an employer or an actor stands.
func (d *docState) victimSection(ps *phraseSet, k, si int) bool {
	// A heading of its own opens the next section: "Treasury sanctions"
	// after a "Who was hit" section names no victim.
	if ps == nil || d.headingLike(si) || !d.cuedBefore(ps, d.sectionHeading(si), -1) {
		return false
	}
	c := &d.acc[k]
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	s, e := int(c.tokS), int(c.tokE)
	for j := lo; j < hi; j++ {
		if sayingVerbs[d.fold[j]] || sectionSayingVerbs[d.fold[j]] {
			return false // "the FBI and CISA said jointly", "according to Microsoft", "stated ESET researcher A"
		}
	}
	p := s - 1
	if p > lo && determiners[d.fold[p]] {
		p--
	}
	if q := d.beforeBracketedName(p, lo); q > lo && d.fold[q] == "of" && sectionMemberNouns[d.fold[q-1]] {
		return false // "indicted twelve officers of the GRU", "... of the Main Intelligence Directorate (GRU)": the accused's body
	}
	if p >= lo && (sourcePrepositions[d.fold[p]] || beneficiaryVerbs[d.fold[p]]) {
		return false // "an analyst at Y", "for the GRU", "on LinkedIn", "to let the GRU watch"
	}
	if e+1 < hi && (d.fold[e] == "'s" || d.fold[e] == "\u2019s") && (sourceNouns[d.fold[e+1]] || e+2 < hi && sourceNouns[d.fold[e+2]]) {
		return false // "Microsoft's 2023 reporting"
	}
	if e < hi && d.cover[e] == 0 && opensName(d.tokText[e]) {
		return false // "Atlassian Confluence": a product's maker
	}
	if d.citationDate(e, hi) {
		return false // "| Source | Kestrel Labs, June 2021 |": who reported it, when
	}
	return !d.activeSubject(e, hi)
}

// citationDate reports whether the tokens from e on are a comma, at most
// a month's name and a year that ends the sentence or a table cell:
// "Kestrel Labs, June 2021 |" cites a source and its date ("hit Kelda
// Bank, in 2021." does not).
func (d *docState) citationDate(e, hi int) bool {
	if e >= hi || d.fold[e] != "," {
		return false
	}
	y := e + 1
	month := true
	if y < hi && !isYear(d.tokText[y]) {
		month = citationMonths[strings.TrimSuffix(d.fold[y], ".")]
		y++
	}
	if y >= hi || !isYear(d.tokText[y]) {
		return false
	}
	// In a table cell any one word may stand for the month (a rewriter's
	// "Might 2020"); in a sentence only a month's name does.
	return y+1 < hi && d.fold[y+1] == "|" || month && (y+1 >= hi || d.fold[y+1] == ".")
}

// citationMonths are the month names (and their short forms) a citation's
// date may hold before the year.
var citationMonths = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

// isYear reports whether t is a four-digit year of the 1900s or 2000s.
func isYear(t string) bool {
	if len(t) != 4 || t[0] != '1' && t[0] != '2' || t[0] == '1' && t[1] != '9' || t[0] == '2' && t[1] != '0' {
		return false
	}
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// activeSubject reports whether the words from token e on are the verb of
// an active clause whose subject ends before e ("Black Lotus Labs saw",
// "the White House later put", "the FBI was watching"); a passive ("was
// breached", "were hit") makes the subject a victim.
func (d *docState) activeSubject(e, hi int) bool {
	// A subject of two names: "CISA and the FBI issued a joint advisory"
	// (a finite verb: in "the data of A, B and C exposed via D" the
	// participle says what happened to them).
	coordinated := false
	for n := 0; n < 3 && e+1 < hi && d.fold[e] == "and"; n++ {
		j := e + 1
		if j < hi && d.fold[j] == "the" {
			j++
		}
		m := d.mentionStartingAt(j)
		if m <= j || m > hi {
			break
		}
		e, coordinated = m, true
	}
	if coordinated && (e+1 >= hi || d.pos(e) == "VBN" || d.pos(e) == "VBG" ||
		!determiners[d.fold[e+1]] && d.fold[e+1] != "that") {
		// ... and an object after the verb: "issued a joint advisory",
		// not "exposed via D"
		return false
	}
	// "ESET itself did not point to the GRU": a reflexive after the subject
	if e < hi && reflexives[d.fold[e]] {
		e++
	}
	if e < hi && strings.HasPrefix(d.pos(e), "RB") {
		e++
	}
	if e >= hi {
		return false
	}
	tag := d.pos(e)
	if !strings.HasPrefix(tag, "VB") && tag != "MD" {
		return false
	}
	if beHave[d.fold[e]] && e+1 < hi && d.pos(e+1) == "VBN" {
		return false
	}
	return true
}

// reflexives may stand between a subject and its verb: "ESET itself did".
var reflexives = map[string]bool{"itself": true, "themselves": true, "himself": true, "herself": true}

var beHave = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "be": true,
	"had": true, "has": true, "have": true}

// sayingVerbs report or publish: a sentence that has one says who told,
// not who was hit.
var sayingVerbs = map[string]bool{"said": true, "says": true, "say": true, "told": true, "tells": true,
	"reported": true, "reports": true, "wrote": true, "writes": true, "warned": true, "warns": true,
	"noted": true, "notes": true, "published": true, "publishes": true, "described": true, "describes": true,
	"assessed": true, "assesses": true, "according": true, "attributed": true, "blamed": true, "tracks": true,
	"tracked": true, "documented": true, "announced": true, "issued": true, "released": true, "advised": true,
	"urged": true, "recommended": true, "disclosed": true, "observed": true}

// beforeBracketedName returns p, or, when p is the "(" after a name
// ("the Main Intelligence Directorate (GRU)"), the token before that name
// and its determiner.
func (d *docState) beforeBracketedName(p, lo int) int {
	if p <= lo || d.fold[p] != "(" || d.cover[p-1] == 0 {
		return p
	}
	q := p - 1
	for q > lo && d.cover[q] != 0 {
		q--
	}
	if q > lo && determiners[d.fold[q]] {
		q--
	}
	return q
}

// sectionSayingVerbs are the other verbs of saying (a synonym-swapping
// rewriter's "stated", "mentioned" for "said") that make a victim
// section's sentence one about who told: "... stated ESET researcher A".
// Not "confirmed" or "declined": "Acme confirmed the breach" names a victim.
var sectionSayingVerbs = map[string]bool{"stated": true, "states": true, "mentioned": true, "explained": true,
	"explains": true, "commented": true, "remarked": true, "added": true, "adds": true}

// sectionMemberNouns before "of" make the body after them that of the
// people an indictment or a report accuses: "officers of the GRU",
// "operatives of the unit" (not "employees of A" or "Members of the
// Inter-Parliamentary Alliance on China (IPAC) were also on the list",
// who may be the victims).
var sectionMemberNouns = map[string]bool{"officers": true, "officer": true, "agents": true, "operatives": true,
	"hackers": true, "soldiers": true, "spies": true}

// beneficiaryVerbs make the body after them the one served: "to let the
// GRU watch shipments", "helped the FBI trace the funds".
var beneficiaryVerbs = map[string]bool{"let": true, "lets": true, "allow": true, "allowed": true, "allows": true,
	"help": true, "helped": true, "helps": true, "enable": true, "enabled": true, "enables": true}

// sourceNouns after a possessive make the owner the author: "Microsoft's
// 2023 reporting", "ESET's researchers".
var sourceNouns = map[string]bool{"reporting": true, "report": true, "reports": true, "research": true,
	"researchers": true, "analysts": true, "analysis": true, "team": true, "blog": true, "advisory": true,
	"telemetry": true, "findings": true, "investigators": true}

// sourcePrepositions put a name in the place of a source, an employer or
// a platform, not of a victim.
var sourcePrepositions = map[string]bool{"by": true, "with": true, "from": true, "to": true, "via": true,
	"at": true, "for": true, "on": true}
