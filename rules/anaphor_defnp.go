package rules

import "github.com/reportgraph/extractor"

// Definite descriptions: "the bureau", "the company", "the Chinese firm
// that sold it".

// describedChooser: a mention described with the anaphor's head ("X, a
// provincial bureau of Y" for "the bureau") or named with it comes first
// (relation_described.go); with no pick, a described mention in reach.
type describedChooser struct{}

func (describedChooser) name() string { return "described" }

func (describedChooser) choose(q *anaphorQuery) verdict {
	d, c := q.d, q.c
	if q.k >= 0 {
		// A mention described as a firm that the slot does not take ("Emennet Pasargad, an Iran-based company", an actor,
		// for "the firm ... employed A") in reach, where the pick was not
		// described so: the anaphor means it, and names nothing the slot
		// takes.
		lo := int(d.sentOf[c.start]) - q.reach
		if _, firm := headSynonyms[d.fold[c.end-1]]; firm && c.end-c.start == 2 {
			if ka := d.describedAntecedent(c.start, c.end, c.bs, lo, anyType&^q.mask, q.direct); ka >= 0 &&
				d.describedAntecedent(c.start, c.end, c.bs, lo, maskOf(d.acc[q.k].typ), q.direct) < 0 {
				return refuse
			}
		}
		if kd := d.describedAntecedent(c.start, c.end, c.bs, int(d.sentOf[d.acc[q.k].tokS]), q.am&q.mask, q.direct); kd >= 0 {
			q.k = kd
		} else if kn := d.headNamedAntecedent(c.start, c.end, c.bs, int(d.sentOf[c.start])-q.reach, q.am&q.mask, q.direct); kn >= 0 {
			q.k = kn
		}
	} else {
		q.k = d.describedAntecedent(c.start, c.end, c.bs, int(d.sentOf[c.start])-q.reach, q.mask, q.direct)
	}
	return goOn
}

// nobodyDescribedChooser: "The Chinese firm that sold it" names nobody
// the text named before (relation_body_description.go).
type nobodyDescribedChooser struct{}

func (nobodyDescribedChooser) name() string { return "nobody-described" }

func (nobodyDescribedChooser) choose(q *anaphorQuery) verdict {
	if q.k >= 0 && q.d.descriptionNamesNobody(q.k, q.c) {
		return refuse
	}
	return goOn
}

// docDescribedChooser: a distinctive actor noun ("the crew", "the gang")
// means the one actor the report described with it ("MirrorFace, a crew
// tied to APT10", "a hacking crew called MirrorFace"), however far back,
// rather than a nearer actor it never described so (APT10, "a group that
// ..."). The generic heads ("the group", "the actor") stay with the
// nearest actor: every actor is described with them somewhere
// (relation_described.go).
type docDescribedChooser struct{}

func (docDescribedChooser) name() string { return "doc-described" }

// distinctiveActorHeads are the actor nouns a report uses for one actor
// rather than for any.
var distinctiveActorHeads = map[string]bool{"crew": true, "gang": true, "outfit": true, "collective": true,
	"gaggle": true, "syndicate": true, "team": true}

func (docDescribedChooser) choose(q *anaphorQuery) verdict {
	d, c := q.d, q.c
	if q.k < 0 || c.end-c.start != 2 || !distinctiveActorHeads[d.fold[c.end-1]] ||
		d.acc[q.k].typ != extractor.ThreatActor {
		return goOn
	}
	head := d.fold[c.end-1]
	pick := d.entityKey(&d.acc[q.k])
	found := ""
	for k := range d.mentionsBefore(c.bs, 0) {
		m := &d.acc[k]
		if m.hide || m.typ != extractor.ThreatActor || skipped(m, q.direct) {
			continue
		}
		if !(int(m.tokE)+1 != c.start && d.appositionHead(int(m.tokE), head) || d.namedAs(int(m.tokS), head)) {
			continue
		}
		switch key := d.entityKey(m); {
		case key == pick:
			return goOn // the pick is described so too
		case found != "" && found != key:
			return goOn // two actors described so: the nearest decides
		default:
			found = key
		}
	}
	if found == "" {
		return goOn
	}
	for k := range d.mentionsBefore(c.bs, 0) {
		if m := &d.acc[k]; !m.hide && maskOf(m.typ)&q.am&q.mask != 0 && !skipped(m, q.direct) && d.entityKey(m) == found {
			q.k = k
			return goOn
		}
	}
	return goOn
}

// teamChooser: "the team" is the actor only in a report that calls an
// actor a team ("a hacking team working from Iran", "X, a team of
// Iranian hackers", "a team called X"); elsewhere it is mostly the
// researchers' own ("the team at Talos", "our team"), and means no actor.
type teamChooser struct{}

func (teamChooser) name() string { return "team" }

func (teamChooser) choose(q *anaphorQuery) verdict {
	d, c := q.d, q.c
	if q.k < 0 || c.end-c.start != 2 || d.fold[c.end-1] != "team" {
		return goOn
	}
	if c.end < len(d.fold) && (d.fold[c.end] == "at" || d.fold[c.end] == "of" || d.fold[c.end] == "from") {
		return refuse // "the team at Talos", "the team of researchers"
	}
	if !d.actorCalledTeam(c.bs) {
		return refuse
	}
	return goOn
}

// actorCalledTeam reports whether the text before byte offset at calls an
// actor a team: an indefinite actor phrase headed by "team" ("a hacking
// team"), or an apposition or naming clause of an actor's mention.
func (d *docState) actorCalledTeam(at int) bool {
	for i := range d.fold {
		if d.tokStart[i] >= at {
			break
		}
		if d.fold[i] != "team" {
			continue
		}
		lo := d.sentLo[d.sentOf[i]]
		for j := i - 1; j >= lo && j >= i-4; j-- {
			if isIndefinite(d.fold[j]) && d.indefiniteActorNPEnd(j, d.sentHi(j)) == i+1 {
				return true
			}
		}
	}
	for k := range d.mentionsBefore(at, 0) {
		m := &d.acc[k]
		if !m.hide && m.typ == extractor.ThreatActor && (d.appositionHead(int(m.tokE), "team") || d.namedAs(int(m.tokS), "team")) {
			return true
		}
	}
	return false
}
