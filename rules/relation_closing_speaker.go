package rules

import (
	"sort"

	extractor "github.com/reportgraph/extractor"
)

// Closing speakers. News closes many sentences with who said them: "APT28
// deployed X-Agent at the ministry, Mandiant said", "... attacks on
// Verizon, the FBI alleged", "..., Microsoft and Verizon reported". A
// victim list read up to the sentence's end takes that speaker for one
// more member. A target that opens, after a comma, a run of names joined
// by "and" or commas that a verb of saying (pack list
// rel_closing_speaker_verbs) follows is the speaker, not a victim.

// closingSpeaker reports whether the mention at t is such a speaker.
func (d *docState) closingSpeaker(t extractor.Span) bool {
	words := d.p.cti.closingSpeakerVerbs
	if len(words) == 0 {
		return false
	}
	k := d.accAt(t)
	if k < 0 {
		return false
	}
	s, e := int(d.acc[k].tokS), int(d.acc[k].tokE)
	if e <= s || s == 0 {
		return false
	}
	sent := d.sentOf[s]
	// Back to the comma that opens the run: "..., the FBI said",
	// "..., Microsoft and Verizon reported".
	opened := d.describedSpeaker(s)
	for j := s - 1; !opened && j >= 0 && d.sentOf[j] == sent; j-- {
		f := d.fold[j]
		if f == "the" && j == s-1 {
			continue
		}
		if f == "," {
			opened = true
			break
		}
		if f == "and" {
			// "Microsoft and Verizon": step over the name before.
			p := d.mentionEndingAt(j)
			if p < 0 {
				return false
			}
			j = p
			if j > 0 && d.fold[j-1] == "the" {
				j--
			}
			continue
		}
		return false
	}
	if !opened {
		return false
	}
	// Forward over the other names of the run to the verb.
	hi := d.sentHi(s)
	for e < hi {
		if words[d.fold[e]] {
			return d.closesSentence(e+1, hi)
		}
		if d.fold[e] != "and" && d.fold[e] != "," {
			return false
		}
		j := e + 1
		if j < hi && d.fold[j] == "the" {
			j++
		}
		n := d.mentionStartingAt(j)
		if n <= j {
			return false
		}
		e = n
	}
	return false
}

// closesSentence reports whether the tokens [j, hi) after the verb of
// saying end its sentence with no clause of its own: nothing, or a short
// tail ("in a statement", "on Tuesday"). "AT&T and Verizon confirmed in
// late 2024 that the group had been inside" says what they confirmed: the
// speaker opens the sentence there, it does not close it.
func (d *docState) closesSentence(j, hi int) bool {
	if hi-j > 8 {
		return false
	}
	for ; j < hi; j++ {
		switch d.fold[j] {
		case "that", "it", "they", "he", "she", "its", "their", ":":
			return false
		}
	}
	return true
}

// mentionStartingAt returns the token after the longest accepted mention
// that starts at token j, or -1.
func (d *docState) mentionStartingAt(j int) int {
	if j >= len(d.tokStart) {
		return -1
	}
	at := d.tokStart[j]
	end := -1
	for i := sort.Search(len(d.acc), func(i int) bool { return d.acc[i].start >= at }); i < len(d.acc) && d.acc[i].start == at; i++ {
		if int(d.acc[i].tokE) > end {
			end = int(d.acc[i].tokE)
		}
	}
	return end
}

// mentionEndingAt returns the first token of an accepted mention that
// ends right before token j, or -1.
func (d *docState) mentionEndingAt(j int) int {
	for back := j - 1; back >= 0 && back >= j-8; back-- {
		if n := d.mentionStartingAt(back); n == j {
			return back
		}
	}
	return -1
}

// describedSpeaker reports whether the name at token s follows ", the"
// and a short description of what it is: "..., the Slovak security firm
// ESET said on Wednesday" (lower-case words, and capitalised words such
// as a nationality that no mention other than a place covers, the last
// one lower-case).
func (d *docState) describedSpeaker(s int) bool {
	sent := d.sentOf[s]
	j := s - 1
	if j < 0 || d.sentOf[j] != sent || !isLowerWord(d.tokText[j]) || d.fold[j] == "the" || d.fold[j] == "and" {
		return false
	}
	for n := 0; j >= 1 && d.sentOf[j] == sent && n < 5; n++ {
		f := d.fold[j]
		if f == "the" {
			return n > 0 && d.fold[j-1] == ","
		}
		if f == "," || f == "and" || f == "or" || closingDescriptionStops[f] {
			return false
		}
		if !isLowerWord(d.tokText[j]) && d.cover[j]&^maskOf(extractor.Location) != 0 {
			return false
		}
		j--
	}
	return false
}

// closingDescriptionStops are words that do not describe a speaker: a
// verb or a preposition opens a clause or a phrase of its own.
var closingDescriptionStops = map[string]bool{"of": true, "in": true, "at": true, "on": true, "by": true,
	"for": true, "to": true, "with": true, "from": true, "that": true, "which": true, "who": true}
