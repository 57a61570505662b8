package rules

import "github.com/reportgraph/extractor"

// Company damage. The verbs of damage, extortion and phishing that
// rel.targets.verb reads (target_damage_verbs) are hostile when an actor,
// its malware or its campaign does it; with a company as the subject they
// are most often business or an outage: "Microsoft demanded payment from
// Verizon for the licences", "CrowdStrike's faulty update knocked out
// airlines", "Mandiant phished employees of the ministry in a red-team
// exercise". A company that is the source across one of the words of the
// pack list rel_company_damage_words is no attacker. (The older verbs,
// "compromised", "breached", keep a company source.) Nor is a company
// before an infinitive of rel_company_infinitives ("to breach"): it is most
// often the means in the object of the main verb ("Volt Typhoon used Cisco
// routers to breach US utilities", "phoned the Okta help desk to hijack
// accounts at A"), or a red team hired or trying to do it.

// damageBetween reports whether a word of rel_company_damage_words, or
// "to" and a word of rel_company_infinitives, stands between the first source and the first target of a match.
func (d *docState) damageBetween(srcs, tgts []capRec) bool {
	words := d.p.cti.companyDamageWords
	if len(words) == 0 || len(srcs) == 0 || len(tgts) == 0 {
		return false
	}
	lo, hi := srcs[0].end, tgts[0].start
	for _, t := range tgts {
		if t.start < hi {
			hi = t.start
		}
	}
	inf := d.p.cti.companyInfinitives
	for k := lo; k < hi && k < len(d.fold); k++ {
		if words[d.fold[k]] || d.fold[k] == "to" && k+1 < hi && inf[d.fold[k+1]] {
			return true
		}
	}
	return false
}

// companyEnd reports whether the mention at sp is an organisation.
func (d *docState) companyEnd(sp extractor.Span) bool {
	k := d.accAt(sp)
	return k >= 0 && d.acc[k].typ == extractor.Organization
}
