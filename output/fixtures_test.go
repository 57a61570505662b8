package output

import (
	"time"

	"github.com/reportgraph/extractor"
)

// Handmade datasets for the writer tests. Relation extraction is not there
// yet, so these are the only datasets with relations: one of every type,
// between entities of every type, plus relations the STIX writer must drop.

var (
	docA = extractor.DocumentID([]byte("advisory"))
	docB = extractor.DocumentID([]byte("notes"))
)

func ment(doc string, start int, page int, text string, typ extractor.EntityType, rule string) extractor.Mention {
	return extractor.Mention{Doc: doc, Span: extractor.Span{Start: start, End: start + len(text)}, Page: page,
		Text: text, Type: typ, Rule: rule}
}

func ent(id string, typ extractor.EntityType, subtype, name string, aliases []string, conf float64, ms ...extractor.Mention) extractor.Entity {
	if aliases == nil {
		aliases = []string{}
	}
	return extractor.Entity{ID: id, Type: typ, Subtype: subtype, Name: name, Aliases: aliases, Confidence: conf,
		Status: extractor.StatusCandidate, Mentions: ms}
}

func rel(id, typ, src, dst string, conf float64, ev ...extractor.Evidence) extractor.Relation {
	return extractor.Relation{ID: id, Type: typ, Source: src, Target: dst, Confidence: conf,
		Status: extractor.StatusCandidate, Evidence: ev}
}

func evid(doc string, start, page int, sentence, hedge string) extractor.Evidence {
	return extractor.Evidence{Doc: doc, Span: extractor.Span{Start: start, End: start + len(sentence)}, Page: page,
		Sentence: sentence, Rule: "rel.test", Hedge: hedge}
}

// fullDataset has every entity type (every indicator subtype, and every kind
// of location) and every relation type.
func fullDataset() *extractor.Dataset {
	published := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	T, O, G, P, L := extractor.ThreatActor, extractor.Organization, extractor.Government, extractor.Person, extractor.Location
	M, Tl, V, C, S, I := extractor.Malware, extractor.Tool, extractor.Vulnerability, extractor.Campaign, extractor.Sector, extractor.Indicator
	ds := &extractor.Dataset{
		Schema: extractor.DatasetSchema,
		Documents: []extractor.DocumentSummary{
			{ID: docA, Source: "https://example.org/advisory.pdf", Format: extractor.FormatPDF, Title: "Joint advisory",
				Published: &published, Pages: 3, Warnings: []string{}},
			{ID: docB, Source: "reports/notes.txt", Format: extractor.FormatText, Pages: 1, Warnings: []string{}},
		},
		Entities: []extractor.Entity{
			ent("threat-actor:volt-typhoon", T, "", "Volt Typhoon", []string{"Vanguard Panda", "BRONZE SILHOUETTE", "volt typhoon"}, 0.97,
				ment(docA, 100, 1, "Volt Typhoon", T, "gaz.threat-actor.china"), ment(docA, 40, 1, "Vanguard Panda", T, "gaz.threat-actor.china"),
				ment(docB, 5, 1, "Volt Typhoon", T, "gaz.threat-actor.china")),
			ent("threat-actor:apt41", T, "", "APT41", nil, 0.9, ment(docB, 20, 1, "APT41", T, "gaz.threat-actor.china")),
			ent("organization:i-soon", O, "", "i-Soon", []string{"Anxun Information Technology"}, 0.9, ment(docA, 200, 2, "i-Soon", O, "gaz.organization.china-company")),
			ent("government:ministry-of-state-security", G, "", "Ministry of State Security", []string{"MSS"}, 0.95,
				ment(docA, 300, 2, "Ministry of State Security", G, "gaz.government.china")),
			ent("government:city-of-dallas", G, "", "City of Dallas", nil, 0.7, ment(docB, 60, 1, "City of Dallas", G, "core.government.pattern")),
			ent("government:nato", G, "", "NATO", nil, 0.9, ment(docB, 80, 1, "NATO", G, "gaz.government.intergovernmental")),
			ent("person:zhou-shuai", P, "", "Zhou Shuai", nil, 0.8, ment(docA, 400, 2, "Zhou Shuai", P, "core.person.pattern")),
			ent("location:china", L, "", "China", []string{"PRC", "Chinese"}, 0.9, ment(docA, 500, 2, "China", L, "gaz.location.country-asia-pacific")),
			ent("location:guangdong", L, "", "Guangdong", nil, 0.7, ment(docA, 520, 2, "Guangdong", L, "gaz.location.subnational")),
			ent("location:chengdu", L, "", "Chengdu", nil, 0.7, ment(docA, 540, 2, "Chengdu", L, "gaz.location.city")),
			ent("location:southeast-asia", L, "", "Southeast Asia", nil, 0.7, ment(docB, 100, 1, "Southeast Asia", L, "gaz.location.region")),
			ent("location:south-china-sea", L, "", "South China Sea", nil, 0.7, ment(docB, 120, 1, "South China Sea", L, "gaz.location.region")),
			ent("malware:shadowpad", M, "", "ShadowPad", []string{"POISONPLUG"}, 0.9, ment(docA, 600, 3, "ShadowPad", M, "gaz.malware.espionage-china")),
			ent("tool:cobalt-strike", Tl, "", "Cobalt Strike", nil, 0.9, ment(docA, 650, 3, "Cobalt Strike", Tl, "gaz.tool.offensive-framework")),
			ent("vulnerability:cve-2023-23397", V, "cve", "cve-2023-23397", []string{"CVE-2023-23397"}, 0.95,
				ment(docA, 700, 3, "cve-2023-23397", V, "core.vulnerability.cve")),
			ent("vulnerability:proxyshell", V, "", "ProxyShell", nil, 0.6, ment(docB, 140, 1, "ProxyShell", V, "core.vulnerability.named")),
			ent("campaign:operation-shadowhammer", C, "", "Operation ShadowHammer", nil, 0.8, ment(docB, 160, 1, "Operation ShadowHammer", C, "core.campaign.operation")),
			ent("sector:telecommunications", S, "", "telecommunications", []string{"telecom providers"}, 0.8, ment(docA, 800, 3, "telecom providers", S, "gaz.sector.infrastructure")),
			ent("sector:legal-sector", S, "", "legal sector", nil, 0.6, ment(docB, 180, 1, "law firms", S, "gaz.sector.economy")),
			ent("indicator:ipv4:203.0.113.7", I, "ipv4", "203.0.113.7", nil, 0.9, ment(docA, 900, 3, "203.0.113.7", I, "core.indicator.ipv4")),
			ent("indicator:ipv6:2001:db8::1", I, "ipv6", "2001:db8::1", nil, 0.9, ment(docA, 920, 3, "2001:db8::1", I, "core.indicator.ipv6")),
			ent("indicator:domain:update.example.net", I, "domain", "Update.Example.NET", nil, 0.9, ment(docA, 940, 3, "Update.Example.NET", I, "core.indicator.domain")),
			ent("indicator:url:http://update.example.net/a?b='c'\\d", I, "url", `http://update.example.net/a?b='c'\d`, nil, 0.9,
				ment(docA, 960, 3, `http://update.example.net/a?b='c'\d`, I, "core.indicator.url")),
			ent("indicator:email:ops@example.net", I, "email", "ops@example.net", nil, 0.9, ment(docA, 1000, 3, "ops@example.net", I, "core.indicator.email")),
			ent("indicator:md5:5d41402abc4b2a76b9719d911017c592", I, "md5", "5D41402ABC4B2A76B9719D911017C592", nil, 0.9,
				ment(docA, 1020, 3, "5D41402ABC4B2A76B9719D911017C592", I, "core.indicator.md5")),
			ent("indicator:sha1:aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", I, "sha1", "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", nil, 0.9,
				ment(docA, 1060, 3, "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", I, "core.indicator.sha1")),
			ent("indicator:sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", I, "sha256",
				"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", nil, 0.9,
				ment(docA, 1110, 3, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", I, "core.indicator.sha256")),
			ent("indicator:attack-technique:t1059.001", I, "attack-technique", "T1059.001", nil, 0.9, ment(docA, 1200, 3, "T1059.001", I, "core.indicator.attack-technique")),
			// A subtype STIX patterns cannot express: not exported, nor its relations.
			ent("indicator:btc:1a1zp1ep5qgefi2dmptftl5slmv7divfna", I, "btc", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", nil, 0.5,
				ment(docB, 200, 1, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", I, "user.indicator.btc")),
		},
	}
	ds.Relations = []extractor.Relation{
		rel("r:attr-campaign", "attributed-to", "campaign:operation-shadowhammer", "threat-actor:apt41", 0.8,
			evid(docB, 160, 1, "Operation ShadowHammer was attributed to APT41.", "")),
		rel("r:attr-gov", "attributed-to", "threat-actor:volt-typhoon", "government:ministry-of-state-security", 0.7,
			evid(docA, 90, 1, "Volt Typhoon is likely linked to the Ministry of State Security.", "likely")),
		rel("r:sponsor", "sponsored-by", "threat-actor:apt41", "government:ministry-of-state-security", 0.6,
			evid(docB, 20, 1, "APT41 is sponsored by the MSS.", "")),
		rel("r:contractor", "contractor-of", "organization:i-soon", "government:ministry-of-state-security", 0.75,
			evid(docA, 200, 2, "i-Soon worked as a contractor for the Ministry of State Security.", ""),
			evid(docB, 10, 1, "i-Soon may have served the MSS.", "may")),
		rel("r:employed", "employed-by", "person:zhou-shuai", "organization:i-soon", 0.7,
			evid(docA, 400, 2, "Zhou Shuai worked at i-Soon.", "")),
		rel("r:affiliated", "affiliated-with", "person:zhou-shuai", "threat-actor:apt41", 0.5,
			evid(docA, 410, 2, "Zhou Shuai is reportedly affiliated with APT41.", "reportedly")),
		rel("r:part-of-org", "part-of", "organization:i-soon", "government:ministry-of-state-security", 0.4,
			evid(docA, 210, 2, "i-Soon is part of the MSS network.", "")),
		rel("r:part-of-loc", "part-of", "location:guangdong", "location:china", 0.9,
			evid(docA, 520, 2, "Guangdong, China.", "")),
		rel("r:located-org", "located-in", "organization:i-soon", "location:chengdu", 0.8,
			evid(docA, 230, 2, "i-Soon is based in Chengdu.", "")),
		rel("r:located-actor", "located-in", "threat-actor:volt-typhoon", "location:china", 0.8,
			evid(docA, 110, 1, "Volt Typhoon operates from China.", "")),
		rel("r:located-city", "located-in", "location:chengdu", "location:china", 0.9,
			evid(docA, 540, 2, "Chengdu, China.", "")),
		rel("r:targets-sector", "targets", "threat-actor:volt-typhoon", "sector:telecommunications", 0.85,
			evid(docA, 800, 3, "Volt Typhoon targeted telecom providers.", "")),
		rel("r:targets-region", "targets", "campaign:operation-shadowhammer", "location:southeast-asia", 0.6,
			evid(docB, 100, 1, "The campaign hit Southeast Asia.", "")),
		rel("r:targets-gov", "targets", "malware:shadowpad", "government:nato", 0.5,
			evid(docB, 80, 1, "ShadowPad was found at NATO.", "")),
		rel("r:uses-malware", "uses", "threat-actor:apt41", "malware:shadowpad", 0.9,
			evid(docA, 600, 3, "APT41 deployed ShadowPad.", "")),
		rel("r:uses-tool", "uses", "threat-actor:volt-typhoon", "tool:cobalt-strike", 0.9,
			evid(docA, 650, 3, "Volt Typhoon used Cobalt Strike.", "")),
		rel("r:uses-technique", "uses", "threat-actor:volt-typhoon", "indicator:attack-technique:t1059.001", 0.9,
			evid(docA, 1200, 3, "They ran PowerShell (T1059.001).", "")),
		rel("r:uses-ioc", "uses", "malware:shadowpad", "indicator:domain:update.example.net", 0.8,
			evid(docA, 940, 3, "ShadowPad beacons to update.example.net.", "")),
		rel("r:exploits-actor", "exploits", "threat-actor:volt-typhoon", "vulnerability:cve-2023-23397", 0.9,
			evid(docA, 700, 3, "Volt Typhoon exploited CVE-2023-23397.", "")),
		rel("r:exploits-malware", "exploits", "malware:shadowpad", "vulnerability:proxyshell", 0.7,
			evid(docB, 140, 1, "ShadowPad was dropped through ProxyShell.", "")),
		// Dropped from STIX: an endpoint not exported, a missing entity, a rejected relation.
		rel("r:uses-btc", "uses", "threat-actor:apt41", "indicator:btc:1a1zp1ep5qgefi2dmptftl5slmv7divfna", 0.5,
			evid(docB, 200, 1, "Payments went to a wallet.", "")),
		rel("r:dangling", "uses", "threat-actor:apt41", "malware:not-in-dataset", 0.5,
			evid(docB, 220, 1, "APT41 used something.", "")),
		{ID: "r:rejected", Type: "targets", Source: "threat-actor:apt41", Target: "location:china", Confidence: 0.3,
			Status: extractor.StatusRejected, Evidence: []extractor.Evidence{evid(docB, 240, 1, "Not really.", "")}},
	}
	return ds
}

// The hostile strings every writer must keep inert.
var hostile = []string{
	`<script>alert(1)</script>`,
	`=HYPERLINK("http://evil.example","x")`,
	`[click](javascript:alert(1))`,
	"a|b|c",
	"+1-2",
	"-cmd",
	"@SUM(A1)",
	"\tindented",
	"\rcarriage",
	"line one\nline two",
	`back\slash and 'quote' and "double"`,
	"![img](http://evil.example/x.png)",
	"www.evil.example and http://evil.example/p",
	"**bold** _em_ `code` ~~strike~~ $x$ # heading",
	"cve",
}

// hostileDataset puts the hostile strings everywhere a report's text can
// reach: names, aliases, mention texts, sources, titles, sentences, hedges.
func hostileDataset() *extractor.Dataset {
	doc := extractor.DocumentID([]byte("hostile"))
	ds := &extractor.Dataset{Schema: extractor.DatasetSchema, Documents: []extractor.DocumentSummary{
		{ID: doc, Source: "cve", Format: extractor.FormatHTML, Title: hostile[0], Pages: 1, Warnings: []string{hostile[2]}},
	}}
	types := []extractor.EntityType{extractor.ThreatActor, extractor.Organization, extractor.Government, extractor.Person,
		extractor.Location, extractor.Malware, extractor.Tool, extractor.Vulnerability, extractor.Campaign, extractor.Sector}
	for i, h := range hostile {
		t := types[i%len(types)]
		id := string(t) + ":hostile-" + string(rune('a'+i))
		e := ent(id, t, "", h, []string{hostile[(i+1)%len(hostile)]}, 0.5, ment(doc, i*10, 1, h, t, "user."+h))
		ds.Entities = append(ds.Entities, e)
		if i > 0 {
			ds.Relations = append(ds.Relations, rel("rel:"+id, "uses", ds.Entities[i-1].ID, id, 0.5,
				evid(doc, i*10, 1, h, hostile[(i+2)%len(hostile)])))
		}
	}
	ds.Entities = append(ds.Entities,
		ent("indicator:url:hostile", extractor.Indicator, "url", `http://evil.example/'];alert(1);//`, nil, 0.5),
		ent("indicator:domain:hostile", extractor.Indicator, "domain", `evil'.example\`, nil, 0.5))
	return ds
}

func emptyDataset() *extractor.Dataset {
	return &extractor.Dataset{Schema: extractor.DatasetSchema, Documents: []extractor.DocumentSummary{},
		Entities: []extractor.Entity{}, Relations: []extractor.Relation{}}
}
