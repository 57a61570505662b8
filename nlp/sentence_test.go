package nlp

import (
	"strings"
	"testing"
)

var analyzer = func() *Analyzer {
	a, err := New()
	if err != nil {
		panic(err)
	}
	return a
}()

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range analyzer.Analyze(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"The beacon went to 10.1.2.3. The actor then moved on.",
			[]string{"The beacon went to 10.1.2.3.", "The actor then moved on."}},
		{"It resolved evil.com. Then it stopped.", []string{"It resolved evil.com.", "Then it stopped."}},
		{"See Fig. 3 for details.", []string{"See Fig. 3 for details."}},
		{"Victims include Acme Co., Ltd. and Contoso Inc. in Japan.",
			[]string{"Victims include Acme Co., Ltd. and Contoso Inc. in Japan."}},
		// "Pte." and "Pvt." always precede the rest of a legal form.
		{"The list adds Kelvane Consultancy PTE. LTD., of Singapore, and Tarn Pvt. Ltd. of India.",
			[]string{"The list adds Kelvane Consultancy PTE. LTD., of Singapore, and Tarn Pvt. Ltd. of India."}},
		{"They breached Acme Co., Ltd. The group left.", []string{"They breached Acme Co., Ltd.", "The group left."}},
		{"It hit the U.S. Department of Justice.", []string{"It hit the U.S. Department of Justice."}},
		{"It targeted the U.S. The group also hit Japan.", []string{"It targeted the U.S.", "The group also hit Japan."}},
		{"Tools, e.g. Mimikatz, i.e. Windows ones, vs. Linux ones.",
			[]string{"Tools, e.g. Mimikatz, i.e. Windows ones, vs. Linux ones."}},
		{"See No. 5 by J. Smith and Dr. Jones.", []string{"See No. 5 by J. Smith and Dr. Jones."}},
		{`He wrote "stop." Then he left (again.) Then "no".`,
			[]string{`He wrote "stop."`, `Then he left (again.)`, `Then "no".`}},
		{"Was it APT41? Yes! svchost.exe ran. it ran.", []string{"Was it APT41?", "Yes!", "svchost.exe ran. it ran."}},
		// Table cells never share a sentence, so no name runs across cells.
		{"| People's Republic of China | Integrity Technology Group |",
			[]string{"| People's Republic of China |", "Integrity Technology Group |"}},
		{"China | Integrity Technology", []string{"China |", "Integrity Technology"}},
		// Blank lines and page breaks end a sentence; wrapped lines do not.
		{"Heading without stop\n\nBody text\fNext page text",
			[]string{"Heading without stop", "Body text", "Next page text"}},
		{"The group known as Volt\nTyphoon targeted the energy\nsector in 2023.",
			[]string{"The group known as Volt\nTyphoon targeted the energy\nsector in 2023."}},
		{"Executive Summary\nVolt Typhoon is a group.", []string{"Executive Summary", "Volt Typhoon is a group."}},
		{"### Why it works\nBig data is big business.", []string{"### Why it works", "Big data is big business."}},
		{"The group used:\n• PowerShell\n• Mimikatz", []string{"The group used:", "• PowerShell", "• Mimikatz"}},
		{"Indicators:\n10.1.2.3\nevil.com\nbad.exe", []string{"Indicators:", "10.1.2.3", "evil.com", "bad.exe"}},
		{"Conclusions:\nSince 2020 it grew.", []string{"Conclusions:", "Since 2020 it grew."}},
		{"How the underground makes money off big data\nApr 19, 2021\nBig data is big business.",
			[]string{"How the underground makes money off big data", "Apr 19, 2021", "Big data is big business."}},
		{"*Figure 1: Phishing email.*\nAttached are documents.", []string{"*Figure 1: Phishing email.*", "Attached are documents."}},
		{"*Illustration 1 Expansion of Turkish EEZ*\nThe expansion grew.",
			[]string{"*Illustration 1 Expansion of Turkish EEZ*", "The expansion grew."}},
		{"The Rise of Supply Chain Attacks\n-------\nAttacks rose.", []string{"The Rise of Supply Chain Attacks", "-------", "Attacks rose."}},
		{"Vectors:\n+ Excel attachment\n+ URL link", []string{"Vectors:", "+ Excel attachment", "+ URL link"}},
		// A list item of running prose wraps into a lower-case line; a
		// short item stands alone.
		{"Attacks:\n- the 2016 attack on a bank, in which the crew wiped\nthousands of hosts with a wiper;\n- the 2017 outbreak",
			[]string{"Attacks:", "- the 2016 attack on a bank, in which the crew wiped\nthousands of hosts with a wiper;", "- the 2017 outbreak"}},
		{"Attacks:\n- the 2017 outbreak, which hit more than 200,000 computers in some\n  150 countries;\n- the 2018 theft",
			[]string{"Attacks:", "- the 2017 outbreak, which hit more than 200,000 computers in some\n  150 countries;", "- the 2018 theft"}},
		{"Tools:\n- PlugX loader\nused in 2020", []string{"Tools:", "- PlugX loader", "used in 2020"}},
		{"C2 IP List\n| 10.1.2.3 |", []string{"C2 IP List", "| 10.1.2.3 |"}},
		{"Initial access came through\nMicrosoft Exchange servers.",
			[]string{"Initial access came through\nMicrosoft Exchange servers."}},
		// A PDF column or page break inside a clause: the line before ends
		// in a word no clause ends with and the next starts lower-case.
		{"Acme Trading Co. was set up by\n\nthe Provincial Security Department in 2019.",
			[]string{"Acme Trading Co. was set up by\n\nthe Provincial Security Department in 2019."}},
		{"The loader was written by\fthe same developers.", []string{"The loader was written by\fthe same developers."}},
		{"Published by\n\nthe research team", []string{"Published by", "the research team"}},
		{"Written by\n\nthe team.", []string{"Written by", "the team."}},
		// A line of running prose wraps into a capitalised line inside a
		// long name; that line is no heading, and neither is the one after.
		{"The Treasury sanctioned two firms\nfor their part in the intrusions. An advisory\nnamed the first together with Northwind Harbor\nInformation Technology and Contoso Blue River\nNetwork Technology as suppliers.",
			[]string{"The Treasury sanctioned two firms\nfor their part in the intrusions.",
				"An advisory\nnamed the first together with Northwind Harbor\nInformation Technology and Contoso Blue River\nNetwork Technology as suppliers."}},
		// A possessive needs its noun: a title-case line ending in one
		// runs on into the next line.
		{"Summary\nIn July 2024 the Northwind Signals Directorate's\nCyber Centre (NCC) published an advisory.",
			[]string{"Summary", "In July 2024 the Northwind Signals Directorate's\nCyber Centre (NCC) published an advisory."}},
		// A heading under a finished sentence still stands alone.
		{"The group was quiet in 2023.\nTechnical Analysis Of The Loader\nThe loader is small.",
			[]string{"The group was quiet in 2023.", "Technical Analysis Of The Loader", "The loader is small."}},
	}
	for _, c := range cases {
		got := sentenceTexts(c.in)
		if strings.Join(got, "⏎") != strings.Join(c.want, "⏎") {
			t.Errorf("Analyze(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// handParagraph was written for this test; its sentences were counted by
// hand: 7.
const handParagraph = `Volt Typhoon, a state-sponsored actor based in the People's Republic of China, has targeted U.S. critical infrastructure since mid-2021. According to Microsoft Corp. and the U.S. Cybersecurity and Infrastructure Security Agency (CISA), the group relies on living-off-the-land techniques, e.g. wmic, ntdsutil and netsh. The actor didn't drop malware on most hosts; it used valid accounts instead. In one case (see Fig. 3) it tunnelled traffic through 203.0.113.7. The proxy later resolved update-cdn.example.net. Researchers at Acme Security Co., Ltd. and J. Smith of Contoso Inc. linked the activity to i-Soon, vs. the earlier Storm-0558 campaign. No. 5 of the advisory lists CVE-2024-12345 and T1059.001 as key items.`

func TestHandCheckedParagraph(t *testing.T) {
	got := sentenceTexts(handParagraph)
	if len(got) != 7 {
		t.Fatalf("got %d sentences, want 7:\n%s", len(got), strings.Join(got, "\n"))
	}
	if !strings.HasSuffix(got[3], "203.0.113.7.") || !strings.HasPrefix(got[4], "The proxy") {
		t.Errorf("split after the IP address is wrong: %q / %q", got[3], got[4])
	}
}

func TestSentenceTokensShareNoTail(t *testing.T) {
	sents := analyzer.Analyze("One two. Three four.")
	if len(sents) != 2 {
		t.Fatalf("want 2 sentences, got %d", len(sents))
	}
	first := sents[0].Tokens
	_ = append(first, Token{Text: "x"})
	if sents[1].Tokens[0].Text != "Three" {
		t.Errorf("appending to one sentence overwrote the next: %q", sents[1].Tokens[0].Text)
	}
}

func TestLongUnpunctuatedTextIsCut(t *testing.T) {
	text := strings.Repeat("word ", 3000)
	for _, s := range analyzer.Analyze(text) {
		if len(s.Tokens) > hardMaxTokens {
			t.Fatalf("sentence of %d tokens exceeds the cap %d", len(s.Tokens), hardMaxTokens)
		}
	}
}
