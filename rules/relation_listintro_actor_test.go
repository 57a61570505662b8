package rules

import (
	"testing"

	"github.com/reportgraph/extractor"
)

// matchedDoc runs the default pack's stages over text and keeps the
// docState open; release it with the returned function.
func matchedDoc(t *testing.T, text string) (*docState, func()) {
	t.Helper()
	d, done := docFor(t, text)
	d.p.stages(d)
	return d, done
}

// firstActorIn gives a sentence's subject actor, and ambiguousActor when
// the subject is two actors coordinated.
func TestFirstActorInCoordinatedSubject(t *testing.T) {
	actor := maskOf(extractor.ThreatActor)
	d, done := matchedDoc(t, "APT28 and APT29 share servers in the region.")
	if got := d.firstActorIn(0, actor); got != ambiguousActor {
		t.Errorf("two actors as the subject: got %d, want ambiguousActor", got)
	}
	done()
	d, done = matchedDoc(t, "APT28 shares servers with several crews in the region.")
	if got := d.firstActorIn(0, actor); got < 0 || d.text[d.acc[got].start:d.acc[got].end] != "APT28" {
		t.Errorf("one actor as the subject: got %d", got)
	}
	done()
}

// paragraphNamesOther looks back over the intro's paragraph only: another
// actor there makes the report's actor no safe fallback, one in an earlier
// paragraph does not.
func TestParagraphNamesOther(t *testing.T) {
	actor := maskOf(extractor.ThreatActor)
	cases := []struct {
		text string
		want bool
	}{
		{"APT28 hit banks in the north.\n\nAPT29 was active as well. The group splits its staff into teams:", true},
		{"APT29 hit banks in the north.\n\nAPT28 was active as well. The group splits its staff into teams:", false},
	}
	for _, c := range cases {
		d, done := matchedDoc(t, c.text)
		k := mentionAt(t, d, "APT28")
		// the paragraph's last sentence, the intro
		si := int(d.sentOf[tokenOf(t, d, "splits")])
		if got := d.paragraphNamesOther(si, k, actor); got != c.want {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
		done()
	}
}
