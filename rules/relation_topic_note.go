package rules

// An editor's note about the text itself says nothing of the actor's
// victims: "The Harbour Post, its reporter, the two analysts quoted and
// their firms (Alder Labs in Seoul and Birch Cyber in Pune) are invented."
// names places and companies only to say they are made up. A topic rule,
// whose relations rest on the document's actor and not on the words of the
// sentence, relates nothing in such a note (the note's own statements,
// "Alder Labs in Seoul", are still read by the relation rules).

// noteInventedWords end the note's predicate: "are invented", "is
// fictional", "were made up".
var noteInventedWords = map[string]bool{"invented": true, "fictional": true, "fictitious": true, "imaginary": true,
	"made-up": true}

// noteAuthorWords name the parts of a text a note declares invented: its
// publisher, reporter, the people it quotes.
var noteAuthorWords = map[string]bool{"reporter": true, "reporters": true, "correspondent": true, "author": true,
	"authors": true, "editor": true, "publisher": true, "quoted": true, "quotes": true, "byline": true,
	"sample": true, "newsroom": true}

// editorialNote reports whether sentence si is an editor's note that
// declares the text's publisher, reporter or quoted people invented: a
// form of "be" (an adverb such as "all" or "also" may follow it) before
// "invented", "fictional", "made up" ..., and a word of authorship
// (reporter, author, quoted, publisher ...) in the sentence. "The group's
// personas are fictitious" is no note: it names no part of the text.
func (d *docState) editorialNote(si int) bool {
	if si < len(d.notes) {
		if d.notes[si] == 0 {
			d.notes[si] = 1
			if d.readEditorialNote(si) {
				d.notes[si] = 2
			}
		}
		return d.notes[si] == 2
	}
	return d.readEditorialNote(si)
}

// readEditorialNote is editorialNote read from the sentence's words.
func (d *docState) readEditorialNote(si int) bool {
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	invented, author := false, false
	for i := lo; i < hi; i++ {
		f := d.fold[i]
		if noteAuthorWords[f] {
			author = true
		}
		if !beForms[f] {
			continue
		}
		j := i + 1
		for j < hi && (d.fold[j] == "all" || d.fold[j] == "also" || d.fold[j] == "likewise" || d.fold[j] == "entirely") {
			j++
		}
		if j < hi && (noteInventedWords[d.fold[j]] || d.fold[j] == "made" && j+1 < hi && d.fold[j+1] == "up") {
			invented = true
		}
	}
	return invented && author
}
