package rules

// Anaphors a clause beside them names: the campaign of "Operation X,
// during which the intruders broke into A" and the activity of "The
// activity, tracked as X, aimed at A" (relation_cataphor.go,
// relation_labelled_anaphor.go). Either settles the anaphor.

// clauseCampaignChooser: "Operation X, during which the intruders ...".
type clauseCampaignChooser struct{}

func (clauseCampaignChooser) name() string { return "clause-campaign" }

func (clauseCampaignChooser) choose(q *anaphorQuery) verdict {
	d := q.d
	if kw := d.whichClauseCampaign(q.c.start, q.c.end, q.direct); kw >= 0 && d.slotMask(&d.acc[kw])&q.am&q.mask != 0 {
		q.k = kw
		return settle
	}
	return goOn
}

// labelledChooser: "The activity, tracked as X, aimed at A".
type labelledChooser struct{}

func (labelledChooser) name() string { return "labelled" }

func (labelledChooser) choose(q *anaphorQuery) verdict {
	d := q.d
	if kl := d.labelledAnaphor(q.c.start, q.c.end, q.direct); kl >= 0 && d.slotMask(&d.acc[kl])&q.am&q.mask != 0 {
		q.k = kl
		return settle
	}
	return goOn
}
