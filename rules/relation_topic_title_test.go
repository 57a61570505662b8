package rules

import (
	"slices"
	"testing"
)

// A campaign the title names, after a section breadcrumb, whose crew the
// report only comes to at the end: the topic relations are the
// campaign's, and its one-word name ("Lantern") counts as the campaign.
func TestTitledCampaignAfterBreadcrumb(t *testing.T) {
	story := "The Lantern hack, five years later\n\n" +
		"In 2015 a retailer said it had been breached from abroad. The names from that episode, Lantern and the Copperfin group, are still used.\n\n" +
		"The retailer said at least ten other firms had been hit. Vendor analysts called the campaign Operation Lantern, " +
		"after a folder name in the malware. The backdoor dropped on the machines was PlugX.\n\n" +
		"Lantern was the first time a victim spoke up, said one analyst.\n\n" +
		"Investigators said the intruders wanted source code. The retailer rebuilt its network over the following year.\n\n" +
		"Customers were told to change their passwords. Lantern remains a case study in incident response courses.\n\n" +
		"From Lantern to Copperfin\n\n" +
		"In 2018 a vendor said the Copperfin group behind Lantern was still active. The Copperfin group had many zero-days. " +
		"The Copperfin group later hit defence suppliers.\n"
	checkTopic(t, []topicCase{
		{name: "CampaignTitledAfterBreadcrumbTakesTheTools",
			text:    "Business › Security\n\n" + story,
			want:    []string{"Operation Lantern -uses-> PlugX"},
			notFrom: []string{"Copperfin -uses->"}},
		{name: "CampaignTitledTakesTheTools",
			text:    story,
			want:    []string{"Operation Lantern -uses-> PlugX"},
			notFrom: []string{"Copperfin -uses->"}},
		{name: "ActorBroughtInEarlyKeepsTheTools",
			// The crew is named early and throughout: the activity is the crew's.
			text: "The Lantern hack, five years later\n\n" +
				"Vendor analysts called the campaign Operation Lantern. Lantern hit a retailer. Lantern hit a bank. Lantern hit a port.\n\n" +
				"In 2016 a vendor tied Lantern to the Copperfin group. The Copperfin group relied on PlugX.\n\n" +
				"The Copperfin group had many zero-days. The Copperfin group later hit defence suppliers.\n\n" +
				"Customers were told to change their passwords. Lantern remains a case study. The Copperfin group is still active.\n",
			notFrom: []string{"Operation Lantern -uses->"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}

func TestLeadingBreadcrumb(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	for text, want := range map[string]bool{
		"Technology › Cyber espionage\n\nKestrel Bear returns\n\nKestrel Bear was seen in May.\n": true,
		"Security / Healthcare\n\nKestrel Bear returns\n\nKestrel Bear was seen in May.\n":        true,
		"Kestrel Bear returns\n\nKestrel Bear was seen in May.\n":                                 false,
		"Kestrel Bear › returns to the grid. It was seen in May.\n\nMore later.\n":                false,
	} {
		d := &docState{}
		d.init(p, text, an.Analyze(text), an, nil)
		if got := d.leadingBreadcrumb(); got != want {
			t.Errorf("leadingBreadcrumb(%q) = %v, want %v", text, got, want)
		}
	}
}

// "Operation Lantern" goes on as "Lantern"; an English word, a given name
// or a short word does not stand for the campaign alone.
func TestOperationWord(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	d := &docState{}
	d.init(p, "Operation Lantern.", an.Analyze("Operation Lantern."), an, nil)
	for in, want := range map[string]string{
		"Operation Lantern": "Lantern",
		"Operation Ghost":   "",
		"Operation Kite":    "",
		"Operation 404":     "",
		"Lantern":           "",
	} {
		if got := d.operationWord(in); got != want {
			t.Errorf("operationWord(%q) = %q, want %q", in, got, want)
		}
	}
}
