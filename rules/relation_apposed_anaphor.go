package rules

// A definite noun phrase set beside the name it stands for: "The company,
// i-Soon, did work for the MPS". A rule whose slot reads a coordinated list
// ("A, B and C did work for Y") records "The company" and "i-Soon" as two
// members, and the noun phrase, resolved as an anaphor, would name an
// earlier company ("Anxun sold tools to Sichuan Silence. The company,
// i-Soon, ..." made Sichuan Silence a contractor too). A name that follows
// the phrase across a comma and is closed by one is the phrase's
// apposition: the phrase names that one, so it is no member of its own.

// dropApposedAnaphors removes from cs every span that opens with "the",
// "this" or "that", is no mention (so it would be read as an anaphor), and
// is followed by ", NAME," or ", NAME (" where NAME is the next span of the
// same slot and a mention.
func (d *docState) dropApposedAnaphors(cs []capRec) []capRec {
	if len(cs) < 2 {
		return cs
	}
	var out []capRec
	for k, c := range cs {
		if k+1 < len(cs) && d.apposedAnaphor(c, cs[k+1]) {
			continue
		}
		out = append(out, c)
	}
	return out
}

func (d *docState) apposedAnaphor(c, n capRec) bool {
	switch d.fold[c.start] {
	case "the", "this", "that":
	default:
		return false
	}
	if d.mentionAt(c.bs, c.be) != nil || d.mentionAt(n.bs, n.be) == nil {
		return false
	}
	if n.start != c.end+1 || d.fold[c.end] != "," {
		return false
	}
	hi := d.sentHi(c.start)
	return n.end < hi && (d.fold[n.end] == "," || d.fold[n.end] == "(")
}

// dropTitledAnaphors drops an anaphor span that a name of a type the slot
// takes follows right after: in "VinFast, a unit of the conglomerate
// Vingroup" the description is the name's title ("the conglomerate
// Vingroup"), no reference to a company named before.
func (d *docState) dropTitledAnaphors(cs []capRec, mask typeMask) []capRec {
	out := cs[:0:0]
	for _, c := range cs {
		if d.titledAnaphor(c, mask) {
			continue
		}
		out = append(out, c)
	}
	if len(out) == len(cs) {
		return cs
	}
	return out
}

func (d *docState) titledAnaphor(c capRec, mask typeMask) bool {
	switch d.fold[c.start] {
	case "the", "this", "that":
	default:
		return false
	}
	if c.end <= c.start+1 || d.mentionAt(c.bs, c.be) != nil || c.end >= d.sentHi(c.start) {
		return false
	}
	k := d.startM[c.end]
	return k >= 0 && !d.acc[k].hide && maskOf(d.acc[k].typ)&mask != 0
}
