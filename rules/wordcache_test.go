package rules

import (
	"reflect"
	"testing"
)

// The word cache keeps per-word results from one document to the next
// (wordcache.go): a document matched after others gives what it gives
// matched first, with the default pack and with another pack in between.
func TestWordCacheKeepsResultsAcrossDocuments(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := "The Quillfeather group, tracked as QF-12, breached Harlow Mutual in March; " +
		"its loader contacted update-check[.]example[.]net from 10.20.30.40.\n\n" +
		"Analysts attributed the campaign to Quillfeather and to the Morrow Bureau."
	b := "Slate Heron, a unit of the Varn Directorate, targeted ports in Oslo.\n\n" +
		"It used Tidewire and CVE-2024-12345 against telecom operators."
	first := matchText(t, p, a)
	if len(first.Mentions) == 0 {
		t.Fatal("no mentions in the test document")
	}
	matchText(t, p, b)
	other := loadWith(t, `
rules:
  - id: t.actor
    kind: gazetteer
    type: threat-actor
    priority: 80
    entries: [{name: Quillfeather}]
`)
	matchText(t, other, a)
	matchText(t, other, b)
	if again := matchText(t, p, a); !reflect.DeepEqual(first, again) {
		t.Errorf("matched again after other documents:\n%+v\nwant\n%+v", again, first)
	}
}

func TestExtendZeroesTheNewPart(t *testing.T) {
	v := extend(nil, 3)
	v[0], v[1], v[2] = 1, 2, 1
	v = extend(v[:1], 5) // as after a restart: stale entries past len
	if want := []uint8{1, 0, 0, 0, 0}; !reflect.DeepEqual(v, want) {
		t.Errorf("extend = %v, want %v", v, want)
	}
}
