package rules

// "its" and the possessed: "one of its officers", "the MOIS and its
// minister", "A Chinese crew stepped up its spying".

// possessiveChainChooser: "The unit ..., and the report named one of its
// officers" (relation_its_chain.go).
type possessiveChainChooser struct{}

func (possessiveChainChooser) name() string { return "possessive-chain" }

func (possessiveChainChooser) choose(q *anaphorQuery) verdict {
	kc := q.rs.possessiveChain(q.r, q.c, q.am&q.mask, q.order, q.direct)
	if kc == possessiveChainNone {
		return refuse
	}
	if kc >= 0 {
		q.k = kc
	}
	return goOn
}

// coordinatedOwnerChooser: "the MOIS and its minister"
// (relation_coordinated_owner.go).
type coordinatedOwnerChooser struct{}

func (coordinatedOwnerChooser) name() string { return "coordinated-owner" }

func (coordinatedOwnerChooser) choose(q *anaphorQuery) verdict {
	if ko := q.d.coordinatedOwner(q.c.start, q.c.end, q.am&q.mask, q.direct); ko >= 0 {
		q.k, q.owner = ko, true
	}
	return goOn
}

// indefiniteOwnerChooser: "A Chinese crew stepped up its spying ...": the
// owner is the indefinite phrase's referent, or nothing
// (relation_indefinite_owner.go).
type indefiniteOwnerChooser struct{}

func (indefiniteOwnerChooser) name() string { return "indefinite-owner" }

func (indefiniteOwnerChooser) choose(q *anaphorQuery) verdict {
	d := q.d
	if ki, ok := d.indefiniteOwner(q.c); ok {
		if ki < 0 || d.slotMask(&d.acc[ki])&q.mask == 0 || d.isDirect(&d.acc[ki], q.direct) {
			return refuse
		}
		q.k, q.topic = ki, false
	}
	return goOn
}
