package rules

import (
	"testing"

	"github.com/reportgraph/extractor"
)

// A one-word company an apposition typed ("Harvolt, Belgium's largest
// telecommunications operator") spreads to its bare mentions; a word the
// document also writes in lower case ("Summit" beside "summit") does not.
func TestPlainCompanySpreads(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	const O = extractor.Organization
	cases := []struct {
		text, name string
		want       int
	}{
		{"The implant was found inside Harvolt, Belgium's largest telecommunications operator, in 2013. " +
			"Documents showed that GCHQ had penetrated Harvolt in an operation codenamed Operation Lantern.", "Harvolt", 2},
		{"The implant was found inside Harvolt, a Belgian telecommunications operator, in 2013. " +
			"Investigators said Harvolt had cleaned its systems.", "Harvolt", 2},
		{"The implant was found inside Summit, a French telecommunications operator, in 2013. " +
			"The summit banner warned staff. Investigators said Summit had cleaned its systems.", "Summit", 1},
	}
	for _, c := range cases {
		n := 0
		for _, ty := range typesOf(t, p, c.text, c.name) {
			if ty == O {
				n++
			}
		}
		if n != c.want {
			t.Errorf("%q: %d organisation mentions of %s, want %d", c.text, n, c.name, c.want)
		}
	}
}
