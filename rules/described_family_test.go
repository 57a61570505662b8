package rules

import "testing"

// An actor's name listed among malware families is that mention's malware.
func TestListedFamilyRetypesActor(t *testing.T) {
	p := packOf(t, `
lists:
  described_malware_nouns: [malware, families, households, backdoors]
  described_malware_qualified_nouns: [households]
  described_actor_heads: [group, groups, crew]
rules:
  - id: g.actor
    kind: gazetteer
    type: threat-actor
    priority: 70
    case: auto
    entries:
      - {name: Marshwren, aliases: [Quillfen]}
      - {name: Tallowhawk}
      - {name: Tallowhawk Group}
  - id: g.code
    kind: gazetteer
    type: malware
    priority: 70
    entries:
      - {name: Brackenlure}
`)
	cases := []struct {
		text string
		want []string
	}{
		// Items after the head and an opening word or comma.
		{"Analysts tracked several families of malware it used, including Quillfen and Gorsebolt.",
			[]string{"Quillfen/malware/g.actor"}},
		{"It also carried two families specific to the crew, Tallowhawk and Gorsebolt.",
			[]string{"Tallowhawk/malware/g.actor"}},
		{"The malware it used included Gorsebolt, Reedpipe and Tallowhawk.",
			[]string{"Tallowhawk/malware/g.actor"}},
		// A list of groups, or no list: the actor.
		{"The groups named in the report, Marshwren and Tallowhawk, were active.",
			[]string{"Marshwren/threat-actor/g.actor", "Tallowhawk/threat-actor/g.actor"}},
		{"The backdoors were traced to Tallowhawk.", []string{"Tallowhawk/threat-actor/g.actor"}},
		{"The tools, including the Gorsebolt backdoors, were associated with Tallowhawk, and analysts agreed.",
			[]string{"Tallowhawk/threat-actor/g.actor"}},
		{"It used families of malware, together with Quillfen and Gorsebolt.", []string{"Quillfen/malware/g.actor"}},
		// The document's other mentions of the listed name follow.
		{"It carried two families, Tallowhawk and Gorsebolt. Tallowhawk was first seen in 2013. The Tallowhawk group is old.",
			[]string{"Tallowhawk/malware/g.actor", "Tallowhawk/malware/g.actor", "Tallowhawk/threat-actor/g.actor"}},
		{"Tallowhawk deployed new malware, including Gorsebolt.", []string{"Tallowhawk/threat-actor/g.actor"}},
		// An act of the name elsewhere needs its own malware context.
		{"It carried two families, Tallowhawk and Gorsebolt. Tallowhawk also sends lures to ministries.",
			[]string{"Tallowhawk/malware/g.actor", "Tallowhawk/threat-actor/g.actor"}},
		// A passive's agent, a possessive or a copula: the list names actors.
		{"The ransomware was deployed by affiliates, including Marshwren and Tallowhawk.",
			[]string{"Marshwren/threat-actor/g.actor", "Tallowhawk/threat-actor/g.actor"}},
		{"The malware's developers, namely Marshwren and Tallowhawk, reused code.",
			[]string{"Marshwren/threat-actor/g.actor", "Tallowhawk/threat-actor/g.actor"}},
		{"The loader is used by several clusters, such as Tallowhawk and Marshwren.",
			[]string{"Tallowhawk/threat-actor/g.actor", "Marshwren/threat-actor/g.actor"}},
		{"They tracked several families of malware used by the crew, including Quillfen and Gorsebolt.",
			[]string{"Quillfen/malware/g.actor"}},
		// A qualified noun names code only beside another malware noun:
		// "households" alone are people's homes.
		{"It carried two malware households, Tallowhawk and Gorsebolt.", []string{"Tallowhawk/malware/g.actor"}},
		{"It carried households of malware, including Tallowhawk and Gorsebolt.", []string{"Tallowhawk/malware/g.actor"}},
		{"The fraud reached households, including Tallowhawk and Gorsebolt.", []string{"Tallowhawk/threat-actor/g.actor"}},
		{"It deployed Brackenlure, and two households specific to the crew, Tallowhawk and Gorsebolt.", []string{"Brackenlure/malware/g.code", "Tallowhawk/malware/g.actor"}},
		{"The lures reached two households, Tallowhawk and Gorsebolt.", []string{"Tallowhawk/threat-actor/g.actor"}},
		// A name ending in an actor head stays the actor.
		{"It carried two families, Gorsebolt and Tallowhawk Group.", []string{"Tallowhawk Group/threat-actor/g.actor"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}
