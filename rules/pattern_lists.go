package rules

// Pattern rules over bullet lists (`lists: true`). A report names the
// members of a kind on bullet lines after an intro that gives the kind:
//
//	The crew relies on malware families such as:
//	- Quillbane
//	- Marsh Locker
//
// Each line is a sentence of its own, so a pattern that needs the kind
// noun ("malware families such as") never sees the names. A rule with
// `lists: true` also reads such a block as one sentence, the way relation
// rules do (relation_lists.go): the intro's closing colon reads as
// "including", the first bullet mark as "the", and each later one as
// "and". Matches must start in the intro or the list and may run to the
// list's end; what they capture is never a rewritten token, since those are
// lower-case words no name element accepts.

// runListRules tries rules over every bullet list that continues a
// sentence ending in ":", with the list read as part of that sentence.
func (d *docState) runListRules(rules []*rule, try func(r *rule, i, hi int)) {
	var rw []tokRewrite
	for si := range d.sents {
		var end int
		if end, rw = d.listBlock(si, rw); end == 0 {
			continue
		}
		// The last item may end without punctuation: the token after the
		// list (the next paragraph's first) reads as a full stop, so a rule
		// that needs an item's end finds one.
		hi := end
		if end < len(d.tokText) {
			rw = append(rw, tokRewrite{i: end, text: "."})
			hi = end + 1
		}
		d.applyRewrites(rw)
		for i := d.sentLo[si]; i < end; i++ {
			for _, r := range rules {
				try(r, i, hi)
			}
		}
		d.applyRewrites(rw) // restore
	}
}
