package rules

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenOccurrences finds, at token starts, what a scan of the whole text
// finds there; hasLetterRun answers as the scan for a whole word did.
func TestTokenOccurrencesMatchTheScan(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	text := "Harbor Lines Group said Harbor Lines Group's unit, HarborLines and Harbor Lines-Group were hit. " +
		"APT28 (APT28x) hit NATO; \"APT28\" again. Ünal Systeme and Ünal Systemes. the the the, théâtre théâtres.\n"
	sents := an.Analyze(text)
	d := docPool.Get().(*docState)
	defer docPool.Put(d)
	d.init(p, text, sents, an, nil)
	defer d.reset()
	for _, form := range []string{"Harbor Lines Group", "Harbor", "Lines", "APT28", "NATO", "Ünal Systeme", "the the", "\"APT28\"", "Group's", "x"} {
		for _, from := range []int{0, 30} {
			// What propagation keeps: occurrences that start and end at
			// token boundaries (freeOccurrence).
			aligned := func(ats []int) []int {
				var out []int
				for _, at := range ats {
					_, s := slices.BinarySearch(d.tokStart, at)
					_, e := slices.BinarySearch(d.tokEnd, at+len(form))
					if s && e {
						out = append(out, at)
					}
				}
				return out
			}
			want := aligned(occurrences(text, form, from))
			got := aligned(d.tokenOccurrences(form, from))
			if !slices.Equal(got, want) {
				t.Errorf("%q from %d: got %v, want %v", form, from, got, want)
			}
		}
	}
	for _, w := range []string{"the", "théâtre", "harbor", "unit", "hit", "again", "lines", "théâtres", "thé"} {
		want := false
		for _, at := range occurrences(text, w, 0) {
			before, _ := utf8.DecodeLastRuneInString(text[:at])
			after, _ := utf8.DecodeRuneInString(text[at+len(w):])
			want = want || !unicode.IsLetter(before) && !unicode.IsLetter(after)
		}
		if got := d.hasLetterRun(w); got != want || !allLetters(w) {
			t.Errorf("%q: got %v, want %v", w, got, want)
		}
	}
	if allLetters("e-mail") || allLetters("") {
		t.Error("allLetters")
	}
}
