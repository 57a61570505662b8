package rules

import (
	"testing"

	"github.com/reportgraph/extractor"
)

// A tool's name the text describes as its maker in an appositive is the
// company in that document; mentions that name the product stay the tool.
func TestDescribedCompanyRetypesTool(t *testing.T) {
	p := packOf(t, `
lists:
  described_company_heads: [maker, vendor, company, firm, developer, provider]
  described_malware_verbs: [installed, deployed]
  described_malware_nouns: [tool, software]
  company_product_context: [used, via]
  company_product_nouns: [sessions]
  described_actor_heads: [group, gang]
rules:
  - id: g.tool
    kind: gazetteer
    type: tool
    priority: 68
    case: auto
    entries:
      - {name: FarDesk}
  - id: g.actor
    kind: gazetteer
    type: threat-actor
    priority: 70
    case: auto
    entries:
      - {name: Marshwren}
`)
	cases := []struct {
		text string
		want []string
	}{
		{"Intruders reached FarDesk, the Lyon maker of remote-support software, in 2019.",
			[]string{"FarDesk/organization/g.tool"}},
		{"FarDesk, a software vendor, said no data was taken. FarDesk said so again.",
			[]string{"FarDesk/organization/g.tool", "FarDesk/organization/g.tool"}},
		{"2. **FarDesk**, the Lyon maker of remote-support software, confirmed it.",
			[]string{"FarDesk/organization/g.tool"}},
		// Product mentions stay the tool.
		{"FarDesk, the Lyon firm, was breached. The crew later installed FarDesk and used FarDesk sessions.",
			[]string{"FarDesk/organization/g.tool", "FarDesk/tool/g.tool", "FarDesk/tool/g.tool"}},
		// No company descriptor: the tool.
		{"The crew used FarDesk, a remote-support tool, for access.", []string{"FarDesk/tool/g.tool"}},
		{"The crew used FarDesk, the vendor's product, for access.", []string{"FarDesk/tool/g.tool"}},
		// The head must end the descriptor: "a developer tool" is a tool.
		{"Marshwren staged FarDesk, a developer tool, on hosts. It ran FarDesk again later.",
			[]string{"Marshwren/threat-actor/g.actor", "FarDesk/tool/g.tool", "FarDesk/tool/g.tool"}},
		{"The crew used FarDesk, a cloud storage provider sync tool, for exfiltration.", []string{"FarDesk/tool/g.tool"}},
		// A use verb or an actor subject keeps the product mention the tool.
		{"Marshwren used FarDesk to keep access. FarDesk, a software vendor based in Lyon, said it was investigating.",
			[]string{"Marshwren/threat-actor/g.actor", "FarDesk/tool/g.tool", "FarDesk/organization/g.tool"}},
		{"Marshwren breached FarDesk, a French company, in May.",
			[]string{"Marshwren/threat-actor/g.actor", "FarDesk/organization/g.tool"}},
		{"Marshwren later moved to FarDesk for access. FarDesk, a French company, said it was investigating.",
			[]string{"Marshwren/threat-actor/g.actor", "FarDesk/tool/g.tool", "FarDesk/organization/g.tool"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}

// A person-shaped name the text introduces after a company noun is the
// company in every mention; without the
// introduction the name stays a person.
func TestCompanyNamedPersonsDefaultPack(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, name string
		want       extractor.EntityType
	}{
		{"The report came from the Norwegian security firm Norman Shark. \"It is big,\" said Snorre Fagerland, head of research at Norman Shark. Norman was cautious.",
			"Norman Shark", extractor.Organization},
		{"\"It is big,\" said Snorre Fagerland, head of research at Norman Shark.", "Norman Shark", extractor.Person},
		{"The firm Norman Shark founded in 2010 sold the tools. Norman Shark said so.", "Norman Shark", extractor.Person},
	}
	for _, c := range cases {
		got := typesOf(t, p, c.text, c.name)
		if len(got) == 0 {
			t.Errorf("%q: no mention of %s", c.text, c.name)
		}
		for _, typ := range got {
			if typ != c.want {
				t.Errorf("%q: %s typed %s, want %s", c.text, c.name, typ, c.want)
			}
		}
	}
}
