package rules

import (
	"strings"
	"testing"
)

// sectorTexts are the sector mentions (text → canonical) of the default
// pack in text.
func sectorTexts(t *testing.T, p *Pack, text string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t)).Mentions {
		if m.Type == "sector" {
			out[strings.ToLower(m.Text)] = strings.ToLower(m.Canonical)
		}
	}
	return out
}

// sectorCase is a sentence and the sector mention it must hold ("" for none).
type sectorCase struct {
	text string
	want string // a sector mention's text, "" for none
}

// checkSectors runs the default pack on each case's text and checks its
// sector mentions.
func checkSectors(t *testing.T, p *Pack, cases []sectorCase) {
	t.Helper()
	for _, c := range cases {
		got := sectorTexts(t, p, c.text)
		if c.want == "" {
			if len(got) > 0 {
				t.Errorf("%q: sectors %v, want none", c.text, got)
			}
			continue
		}
		if _, ok := got[c.want]; !ok {
			t.Errorf("%q: sectors %v, want %q", c.text, got, c.want)
		}
	}
}

// A capitalised sector word after a sentence's opening function word, in a
// title-case headline, or before a lower-case institution noun is a sector;
// the last capitalised word of a company's name is not.
func TestInsideNameSectors(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	checkSectors(t, p, []sectorCase{
		{"Both Finance and Insurance lost data to the crew.", "finance"},
		{"Beyond Healthcare, the crew hit schools.", "healthcare"},
		{"Despite Aviation being hit, nobody reported it.", "aviation"},
		{"Russian Crew Raids Aviation", "aviation"},
		{"Extortion Gang Squeezes Healthcare", "healthcare"},
		{"Filings named Korean Energy firms as victims.", "energy firms"},
		{"Filings named Korean Government agencies as victims.", "government agencies"},
		{"Northwind Shipping said the outage was brief.", ""},
		{"Lawsuit Names Chinese Transit Ministries", ""},
		{"The outage at Kessel Energy lasted a day.", ""},
	})
}

// The service heads (networks, platforms, providers, outlets) name victims
// after domain words of institutions only: what malware spreads over, what
// attackers rent or abuse, and who report are no sectors. A singular
// utility is one victim of its kind.
func TestComposedServiceHeads(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	checkSectors(t, p, []sectorCase{
		{"The worm spreads over wireless networks and removable drives.", ""},
		{"The implant beacons over satellite networks when no cable is present.", ""},
		{"The crew leased servers from internet providers in Moldova.", ""},
		{"The operators chatted over communications platforms during the intrusion.", ""},
		{"The operators abused gaming platforms to host the second stage.", ""},
		{"The gang moved the ransom through payment platforms and mixers.", ""},
		{"According to news outlets in Chile, the breach began in June.", ""},
		{"The gang extorted two hospital networks in Ohio.", "hospital networks"},
		{"The crew breached university networks in Ohio.", "university networks"},
		{"Intruders reached the controls of a water utility in Vermont.", "water utility"},
	})
}

// A gazetteer rule with heads composes sector names: it needs domains and
// type sector; canonicals, short, not_after and not_before need heads.
func TestComposedSchema(t *testing.T) {
	for _, c := range []struct {
		name, fields, want string // want: a part of the error, "" for none
	}{
		{"ok", "type: sector\n    heads: [labs]\n    domains: [quill]\n    not_after: [cyber]", ""},
		{"no domains", "type: sector\n    heads: [labs]", `needs the field "domains"`},
		{"no heads", "type: sector\n    domains: [quill]", `needs the field "heads"`},
		{"other type", "type: organization\n    heads: [labs]\n    domains: [quill]", `type must be "sector"`},
		{"not_after alone", "type: organization\n    not_after: [the]", `"not_after" applies to composed names only`},
		{"not_before alone", "type: organization\n    not_before: [said]", `"not_before" applies to composed names only`},
		{"canonicals alone", "type: sector\n    canonicals: [\"quill: quill sector\"]", `"canonicals" applies to composed names only`},
	} {
		body := "rules:\n  - id: t.gaz\n    kind: gazetteer\n    description: test\n    " + c.fields + "\n    entries:\n      - {name: Quillcorp}\n"
		_, err := load(false, []string{writePack(t, map[string]string{"r.yaml": body})})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want one holding %q", c.name, err, c.want)
		}
	}
}
