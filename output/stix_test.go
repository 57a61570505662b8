package output

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/internal/testenv"
)

func stixBytes(t *testing.T, ds *extractor.Dataset) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSTIX(&buf, ds); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSTIXBundlesValidateAgainstOASISSchemas(t *testing.T) {
	sch := stixBundleSchema(t)
	for name, ds := range map[string]*extractor.Dataset{
		"full": fullDataset(), "empty": emptyDataset(), "hostile": hostileDataset(), "sample": sampleDataset(),
	} {
		raw := stixBytes(t, ds)
		if err := validateSTIX(t, sch, raw); err != nil {
			t.Errorf("%s: bundle does not validate: %v", name, err)
		}
		dangling, refs := danglingRefs(raw)
		if len(dangling) > 0 {
			t.Errorf("%s: %d of %d references dangle: %v", name, len(dangling), refs, dangling)
		}
		if name != "empty" && refs == 0 {
			t.Errorf("%s: no references at all: the dangling check proved nothing", name)
		}
	}
}

// Validation must be able to fail, or the test above proves nothing.
func TestSTIXSchemaRejectsBrokenBundles(t *testing.T) {
	sch := stixBundleSchema(t)
	for name, mutate := range map[string]func(o map[string]any){
		"timestamp without milliseconds": func(o map[string]any) { o["created"] = "2024-03-05T00:00:00Z" },
		"confidence over 100":            func(o map[string]any) { o["confidence"] = 150 },
		"id not a uuid":                  func(o map[string]any) { o["id"] = "intrusion-set--volt-typhoon" },
		"no spec_version":                func(o map[string]any) { delete(o, "spec_version") },
	} {
		var b map[string]any
		if err := json.Unmarshal(stixBytes(t, fullDataset()), &b); err != nil {
			t.Fatal(err)
		}
		for _, o := range b["objects"].([]any) {
			if o := o.(map[string]any); o["type"] == "intrusion-set" {
				mutate(o)
				break
			}
		}
		raw, _ := json.Marshal(b)
		if err := validateSTIX(t, sch, raw); err == nil {
			t.Errorf("%s: the schema accepted a broken bundle", name)
		}
	}
}

// byExtractorID indexes a bundle's objects by the dataset id they came from.
func byExtractorID(t *testing.T, b *STIXBundle) map[string]STIXObject {
	t.Helper()
	m := map[string]STIXObject{}
	for _, o := range b.Objects {
		if o.XExtractorID == "" {
			t.Errorf("%s has no x_extractor_id", o.ID)
		}
		m[o.XExtractorID] = o
	}
	return m
}

func TestSTIXEntityMapping(t *testing.T) {
	objs := byExtractorID(t, STIX(fullDataset()))
	get := func(id string) STIXObject {
		o, ok := objs[id]
		if !ok {
			t.Fatalf("%s not exported", id)
		}
		return o
	}
	vt := get("threat-actor:volt-typhoon")
	if vt.Type != "intrusion-set" || vt.Name != "Volt Typhoon" ||
		!reflect.DeepEqual(vt.Aliases, []string{"BRONZE SILHOUETTE", "Vanguard Panda"}) || *vt.Confidence != 97 {
		t.Errorf("volt typhoon = %s %q %v %d; want intrusion-set with two aliases (the case variant dropped), confidence 97",
			vt.Type, vt.Name, vt.Aliases, *vt.Confidence)
	}
	identities := []struct{ id, class, sector string }{
		{"organization:i-soon", "organization", ""},
		{"government:ministry-of-state-security", "organization", "government-national"},
		{"government:city-of-dallas", "organization", "government-local"},
		{"government:nato", "organization", "government"},
		{"person:zhou-shuai", "individual", ""},
		{"sector:telecommunications", "class", "telecommunications"},
		{"sector:legal-sector", "class", ""},
	}
	for _, c := range identities {
		o := get(c.id)
		var sectors []string
		if c.sector != "" {
			sectors = []string{c.sector}
		}
		if o.Type != "identity" || o.IdentityClass != c.class || !reflect.DeepEqual(o.Sectors, sectors) {
			t.Errorf("%s = %s class %q sectors %v; want identity class %q sectors %v", c.id, o.Type, o.IdentityClass, o.Sectors, c.class, sectors)
		}
	}
	locations := []struct{ id, country, region, city, area, kind string }{
		{"location:china", "CN", "", "", "", "Country"},
		{"location:southeast-asia", "", "south-eastern-asia", "", "", "Region"},
		{"location:south-china-sea", "", "South China Sea", "", "", "Region"},
		{"location:chengdu", "", "Chengdu", "Chengdu", "", "City"},
		{"location:guangdong", "", "Guangdong", "", "Guangdong", "Administrative-Area"},
	}
	for _, c := range locations {
		o := get(c.id)
		if o.Type != "location" || o.Country != c.country || o.Region != c.region || o.City != c.city ||
			o.AdministrativeArea != c.area || o.XOpenCTILocationType != c.kind {
			t.Errorf("%s = country %q region %q city %q area %q kind %q; want %+v", c.id, o.Country, o.Region, o.City,
				o.AdministrativeArea, o.XOpenCTILocationType, c)
		}
	}
	if o := get("malware:shadowpad"); o.Type != "malware" || o.IsFamily == nil || !*o.IsFamily {
		t.Errorf("shadowpad = %s is_family %v; want a malware family", o.Type, o.IsFamily)
	}
	if o := get("tool:cobalt-strike"); o.Type != "tool" {
		t.Errorf("cobalt strike = %s, want tool", o.Type)
	}
	if o := get("campaign:operation-shadowhammer"); o.Type != "campaign" {
		t.Errorf("campaign = %s", o.Type)
	}
	cve := get("vulnerability:cve-2023-23397")
	if cve.Type != "vulnerability" || cve.Name != "CVE-2023-23397" || len(cve.ExternalReferences) == 0 ||
		!reflect.DeepEqual(cve.ExternalReferences[0], ExternalReference{SourceName: "cve", ExternalID: "CVE-2023-23397"}) {
		t.Errorf("cve = %s %q refs %+v; want vulnerability CVE-2023-23397 with a cve reference first", cve.Type, cve.Name, cve.ExternalReferences)
	}
	if o := get("vulnerability:proxyshell"); o.Name != "ProxyShell" || o.ExternalReferences[0].SourceName == "cve" {
		t.Errorf("proxyshell = %q %+v; want its name and no cve reference", o.Name, o.ExternalReferences)
	}
	// Patterns written by hand from STIX 2.1 section 9 (hash names quoted
	// when they hold a hyphen; ' and \ escaped in string literals).
	patterns := map[string]string{
		"indicator:ipv4:203.0.113.7":                                                        `[ipv4-addr:value = '203.0.113.7']`,
		"indicator:ipv6:2001:db8::1":                                                        `[ipv6-addr:value = '2001:db8::1']`,
		"indicator:domain:update.example.net":                                               `[domain-name:value = 'update.example.net']`,
		`indicator:url:http://update.example.net/a?b='c'\d`:                                 `[url:value = 'http://update.example.net/a?b=\'c\'\\d']`,
		"indicator:email:ops@example.net":                                                   `[email-addr:value = 'ops@example.net']`,
		"indicator:md5:5d41402abc4b2a76b9719d911017c592":                                    `[file:hashes.MD5 = '5d41402abc4b2a76b9719d911017c592']`,
		"indicator:sha1:aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d":                           `[file:hashes.'SHA-1' = 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d']`,
		"indicator:sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824": `[file:hashes.'SHA-256' = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824']`,
	}
	for id, want := range patterns {
		o := get(id)
		if o.Type != "indicator" || o.Pattern != want || o.PatternType != "stix" || o.ValidFrom == "" {
			t.Errorf("%s = %s pattern %s (%s); want indicator %s", id, o.Type, o.Pattern, o.PatternType, want)
		}
	}
	ap := get("indicator:attack-technique:t1059.001")
	if ap.Type != "attack-pattern" || ap.Name != "T1059.001" || !reflect.DeepEqual(ap.ExternalReferences[0], ExternalReference{
		SourceName: "mitre-attack", ExternalID: "T1059.001", URL: "https://attack.mitre.org/techniques/T1059/001/"}) {
		t.Errorf("technique = %s %q %+v; want an attack-pattern with a mitre-attack reference", ap.Type, ap.Name, ap.ExternalReferences)
	}
	if _, ok := objs["indicator:btc:1a1zp1ep5qgefi2dmptftl5slmv7divfna"]; ok {
		t.Error("an indicator subtype without a STIX pattern was exported")
	}
}

func TestSTIXRelationshipMapping(t *testing.T) {
	ds := fullDataset()
	b := STIX(ds)
	objs := byExtractorID(t, b)
	byID := map[string]STIXObject{}
	for _, o := range b.Objects {
		byID[o.ID] = o
	}
	cases := []struct{ rel, typ, from, to string }{
		{"r:attr-campaign", "attributed-to", "campaign:operation-shadowhammer", "threat-actor:apt41"},
		{"r:attr-gov", "related-to", "threat-actor:volt-typhoon", "government:ministry-of-state-security"},
		{"r:sponsor", "related-to", "threat-actor:apt41", "government:ministry-of-state-security"},
		{"r:contractor", "related-to", "organization:i-soon", "government:ministry-of-state-security"},
		{"r:employed", "part-of", "person:zhou-shuai", "organization:i-soon"},
		{"r:affiliated", "related-to", "person:zhou-shuai", "threat-actor:apt41"},
		{"r:part-of-org", "part-of", "organization:i-soon", "government:ministry-of-state-security"},
		{"r:part-of-loc", "located-at", "location:guangdong", "location:china"},
		{"r:located-org", "located-at", "organization:i-soon", "location:chengdu"},
		{"r:located-actor", "originates-from", "threat-actor:volt-typhoon", "location:china"},
		{"r:located-city", "located-at", "location:chengdu", "location:china"},
		{"r:targets-sector", "targets", "threat-actor:volt-typhoon", "sector:telecommunications"},
		{"r:targets-region", "targets", "campaign:operation-shadowhammer", "location:southeast-asia"},
		{"r:targets-gov", "targets", "malware:shadowpad", "government:nato"},
		{"r:uses-malware", "uses", "threat-actor:apt41", "malware:shadowpad"},
		{"r:uses-tool", "uses", "threat-actor:volt-typhoon", "tool:cobalt-strike"},
		{"r:uses-technique", "uses", "threat-actor:volt-typhoon", "indicator:attack-technique:t1059.001"},
		{"r:uses-ioc", "indicates", "indicator:domain:update.example.net", "malware:shadowpad"},
		{"r:exploits-actor", "targets", "threat-actor:volt-typhoon", "vulnerability:cve-2023-23397"},
		{"r:exploits-malware", "exploits", "malware:shadowpad", "vulnerability:proxyshell"},
	}
	seenTypes := map[string]bool{}
	for _, c := range cases {
		o, ok := objs[c.rel]
		if !ok {
			t.Errorf("%s not exported", c.rel)
			continue
		}
		from, to := byID[o.SourceRef].XExtractorID, byID[o.TargetRef].XExtractorID
		if o.RelationshipType != c.typ || from != c.from || to != c.to {
			t.Errorf("%s = %s %s→%s; want %s %s→%s", c.rel, o.RelationshipType, from, to, c.typ, c.from, c.to)
		}
		if o.XExtractorRelationType == "" || !strings.Contains(o.Description, o.XExtractorRelationType) {
			t.Errorf("%s: description %q does not name our type %q", c.rel, o.Description, o.XExtractorRelationType)
		}
		seenTypes[o.XExtractorRelationType] = true
	}
	for _, want := range []string{"attributed-to", "sponsored-by", "contractor-of", "employed-by", "affiliated-with",
		"part-of", "located-in", "targets", "uses", "exploits"} {
		if !seenTypes[want] {
			t.Errorf("no case covers relation type %s", want)
		}
	}
	for _, dropped := range []string{"r:uses-btc", "r:dangling", "r:rejected"} {
		if _, ok := objs[dropped]; ok {
			t.Errorf("%s exported; its endpoint is not in the bundle or it was rejected", dropped)
		}
	}
	// Evidence: each sentence as an external reference and in x_extractor_evidence.
	o := objs["r:contractor"]
	if len(o.ExternalReferences) != 2 || o.ExternalReferences[0].Description != "i-Soon worked as a contractor for the Ministry of State Security." ||
		o.ExternalReferences[0].SourceName != "https://example.org/advisory.pdf" || o.ExternalReferences[0].URL != "https://example.org/advisory.pdf" ||
		o.ExternalReferences[0].ExternalID != "page 2" || o.ExternalReferences[1].SourceName != "reports/notes.txt" {
		t.Errorf("contractor references = %+v", o.ExternalReferences)
	}
	if len(o.XExtractorEvidence) != 2 || o.XExtractorEvidence[1].Hedge != "may" || o.XExtractorEvidence[0].Page != 2 ||
		!strings.Contains(o.Description, "hedged: may") || *o.Confidence != 75 {
		t.Errorf("contractor evidence = %+v, description %q, confidence %d", o.XExtractorEvidence, o.Description, *o.Confidence)
	}
}

func TestSTIXTimestampsAndReports(t *testing.T) {
	b := STIX(fullDataset())
	objs := byExtractorID(t, b)
	for _, c := range []struct{ id, created, modified string }{
		{"organization:i-soon", "2024-03-05T00:00:00.000Z", "2024-03-05T00:00:00.000Z"},       // dated document only
		{"threat-actor:apt41", "1970-01-01T00:00:00.000Z", "1970-01-01T00:00:00.000Z"},        // undated document only
		{"threat-actor:volt-typhoon", "2024-03-05T00:00:00.000Z", "2024-03-05T00:00:00.000Z"}, // both: the dated one
		{"r:contractor", "2024-03-05T00:00:00.000Z", "2024-03-05T00:00:00.000Z"},
	} {
		o := objs[c.id]
		if o.Created != c.created || o.Modified != c.modified {
			t.Errorf("%s created %s modified %s; want %s %s", c.id, o.Created, o.Modified, c.created, c.modified)
		}
	}
	ra, rb := objs[docA], objs[docB]
	if ra.Type != "report" || ra.Published != "2024-03-05T00:00:00.000Z" || ra.Name != "Joint advisory" {
		t.Errorf("report A = %s %q published %s", ra.Type, ra.Name, ra.Published)
	}
	if rb.Type != "report" || rb.Published != "1970-01-01T00:00:00.000Z" || rb.Name != "reports/notes.txt" {
		t.Errorf("report B = %s %q published %s", rb.Type, rb.Name, rb.Published)
	}
	// Report A refers to what its document mentions or relates, and not to
	// what only B does.
	refs := map[string]bool{}
	for _, r := range ra.ObjectRefs {
		refs[r] = true
	}
	if !refs[objs["organization:i-soon"].ID] || !refs[objs["r:contractor"].ID] || refs[objs["government:nato"].ID] {
		t.Errorf("report A refs = %v", ra.ObjectRefs)
	}
}

func TestSTIXIDsAreUUIDv5(t *testing.T) {
	// Reference values from Python's uuid.uuid5.
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	url := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	if got := uuid5(dns, "python.org"); got != "886313e1-3b8a-5372-9b90-0c9aee199e5d" {
		t.Errorf("uuid5(DNS, python.org) = %s", got)
	}
	if got := uuid5(url, "https://github.com/reportgraph/extractor/stix"); got != "9bde58db-ad95-5f59-b2a1-6050035c5340" ||
		got != uuid5String(STIXNamespace) {
		t.Errorf("namespace = %s, STIXNamespace = %s", got, uuid5String(STIXNamespace))
	}
	if got := stixID("intrusion-set", "threat-actor:volt-typhoon"); got != "intrusion-set--742ccd02-2bb3-5ed2-84f0-37a586275ffb" {
		t.Errorf("volt typhoon id = %s", got)
	}
}

func uuid5String(u [16]byte) string {
	var b strings.Builder
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b.WriteByte('-')
		}
		b.WriteString(string("0123456789abcdef"[c>>4]) + string("0123456789abcdef"[c&15]))
	}
	return b.String()
}

func TestSTIXIsDeterministic(t *testing.T) {
	first := stixBytes(t, fullDataset())
	if again := stixBytes(t, fullDataset()); !bytes.Equal(first, again) {
		t.Fatal("two exports of one dataset differ")
	}
	// The order of entities, relations, aliases and mentions does not matter.
	ds := fullDataset()
	slices.Reverse(ds.Entities)
	slices.Reverse(ds.Relations)
	for i := range ds.Entities {
		slices.Reverse(ds.Entities[i].Aliases)
		slices.Reverse(ds.Entities[i].Mentions)
	}
	if shuffled := stixBytes(t, ds); !bytes.Equal(first, shuffled) {
		t.Fatal("reordering the dataset changed the bundle")
	}
	// Reading our bundle back and writing it again gives the same bytes.
	var b STIXBundle
	if err := json.Unmarshal(first, &b); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, buf.Bytes()) {
		t.Fatal("read back and written again, the bundle changed")
	}
}

func TestSTIXEmptyDataset(t *testing.T) {
	b := STIX(emptyDataset())
	if len(b.Objects) != 0 || !strings.HasPrefix(b.ID, "bundle--") {
		t.Errorf("empty dataset: %d objects, id %s", len(b.Objects), b.ID)
	}
	if raw := stixBytes(t, emptyDataset()); bytes.Contains(raw, []byte(`"objects"`)) {
		t.Errorf("empty bundle has an objects list (the schema wants at least one item): %s", raw)
	}
}

// The OASIS example bundles read into our types without error and come
// back out with the same content.
func TestSTIXReadsOASISExamples(t *testing.T) {
	dir := testenv.SharedDir(t, "data", "stix21", "examples")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Fatalf("no example bundles in %s", dir)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var b STIXBundle
		if err := json.Unmarshal(raw, &b); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		var orig struct {
			Objects []map[string]any `json:"objects"`
		}
		if err := json.Unmarshal(raw, &orig); err != nil {
			t.Fatal(err)
		}
		if len(b.Objects) != len(orig.Objects) || b.Type != "bundle" {
			t.Errorf("%s: read %d objects of %d", filepath.Base(f), len(b.Objects), len(orig.Objects))
			continue
		}
		named, changed := 0, 0
		for i, o := range b.Objects {
			if o.ID != orig.Objects[i]["id"] || o.Type != orig.Objects[i]["type"] {
				t.Errorf("%s object %d: id/type %s %s", filepath.Base(f), i, o.ID, o.Type)
			}
			if o.Name != "" {
				named++
			}
			again, err := json.Marshal(o)
			if err != nil {
				t.Fatalf("%s: %s: %v", filepath.Base(f), o.ID, err)
			}
			var back map[string]any
			if err := json.Unmarshal(again, &back); err != nil {
				t.Fatal(err)
			}
			// Our types omit empty strings (ics-attack.json has
			// "description": "" on relationships); nothing else may change.
			want := orig.Objects[i]
			for k, v := range want {
				if v == "" && stixObjectFields()[k] {
					delete(want, k)
				}
			}
			if !reflect.DeepEqual(back, want) {
				if changed++; changed <= 3 {
					t.Errorf("%s: %s changed in a round trip:\n got %v\nwant %v", filepath.Base(f), o.ID, back, want)
				}
			}
		}
		if named == 0 {
			t.Errorf("%s: no object has a name: the typed fields were not read", filepath.Base(f))
		}
	}
}

// Wallet addresses (the rules' ethereum-address subtype) have no STIX 2.1
// observable: the indicator and the relations that reach it are left out,
// and the bundle stays valid, with no dangling reference.
func TestSTIXLeavesOutWalletAddresses(t *testing.T) {
	I, T := extractor.Indicator, extractor.ThreatActor
	const addr = "0x52908400098527886E0F7030069857D2E4169EE7"
	ds := &extractor.Dataset{
		Schema:    extractor.DatasetSchema,
		Documents: []extractor.DocumentSummary{{ID: docB, Source: "reports/notes.txt", Format: extractor.FormatText, Pages: 1, Warnings: []string{}}},
		Entities: []extractor.Entity{
			ent("threat-actor:apt41", T, "", "APT41", nil, 0.9, ment(docB, 20, 1, "APT41", T, "gaz.threat-actor.china")),
			ent("indicator:ethereum-address:"+strings.ToLower(addr), I, "ethereum-address", addr, nil, 0.9,
				ment(docB, 60, 1, addr, I, "core.indicator.ethereum-address")),
			ent("indicator:domain:pay.example.net", I, "domain", "pay.example.net", nil, 0.9,
				ment(docB, 120, 1, "pay.example.net", I, "core.indicator.domain")),
		},
		Relations: []extractor.Relation{
			rel("r:uses-wallet", "uses", "threat-actor:apt41", "indicator:ethereum-address:"+strings.ToLower(addr), 0.8,
				evid(docB, 40, 1, "APT41 moved the funds to "+addr+".", "")),
			rel("r:uses-domain", "uses", "threat-actor:apt41", "indicator:domain:pay.example.net", 0.8,
				evid(docB, 100, 1, "APT41 ran pay.example.net.", "")),
		},
	}
	raw := stixBytes(t, ds)
	if err := validateSTIX(t, stixBundleSchema(t), raw); err != nil {
		t.Fatalf("bundle does not validate: %v", err)
	}
	if dangling, _ := danglingRefs(raw); len(dangling) > 0 {
		t.Errorf("references dangle: %v", dangling)
	}
	if strings.Contains(string(raw), addr) || strings.Contains(strings.ToLower(string(raw)), strings.ToLower(addr)) {
		t.Error("the wallet address reached the bundle")
	}
	objs := byExtractorID(t, STIX(ds))
	if o, ok := objs["indicator:domain:pay.example.net"]; !ok || o.Pattern != "[domain-name:value = 'pay.example.net']" {
		t.Errorf("domain indicator = %+v; want it exported beside the left-out wallet", o)
	}
	if _, ok := objs["r:uses-wallet"]; ok {
		t.Error("the relation to the wallet address was exported")
	}
	if _, ok := objs["r:uses-domain"]; !ok {
		t.Error("the relation to the domain was dropped")
	}
}

// STIX 2.1 (ipv4-addr, ipv6-addr) lets value hold a CIDR block: a block the
// rules keep whole must reach the pattern whole, not as its first address.
func TestSTIXPatternKeepsCIDRBlocks(t *testing.T) {
	for _, c := range []struct{ subtype, value, want string }{
		{"ipv4", "198.51.100.0/24", `[ipv4-addr:value = '198.51.100.0/24']`},
		{"ipv6", "2001:db8:4000::/36", `[ipv6-addr:value = '2001:db8:4000::/36']`},
	} {
		if got, _ := stixPattern(c.subtype, c.value); got != c.want {
			t.Errorf("stixPattern(%s, %s) = %s; want %s", c.subtype, c.value, got, c.want)
		}
	}
}
