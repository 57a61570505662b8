package output

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/reportgraph/extractor"
)

// WriteSTIX writes ds as one STIX 2.1 bundle (docs/stix.md). The same
// dataset always gives the same bytes: ids are UUIDv5 of our ids,
// timestamps come from document dates, and everything is sorted.
func WriteSTIX(w io.Writer, ds *extractor.Dataset) error {
	b := STIX(ds)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// STIX converts a dataset to a STIX 2.1 bundle. Rejected entities and
// relations, entities whose kind STIX cannot express (an indicator subtype
// without a pattern), and relations with an endpoint not exported are left
// out, so every reference in the bundle resolves.
func STIX(ds *extractor.Dataset) *STIXBundle {
	x := newSTIXBuilder(ds)
	for i := range ds.Entities {
		x.entity(&ds.Entities[i])
	}
	for i := range ds.Relations {
		x.relation(&ds.Relations[i])
	}
	x.reports(ds)
	sort.Slice(x.objects, func(a, b int) bool { return x.objects[a].ID < x.objects[b].ID })
	ids := make([]string, len(x.objects))
	for i, o := range x.objects {
		ids[i] = o.ID
	}
	return &STIXBundle{Type: "bundle", ID: stixID("bundle", "bundle:"+strings.Join(ids, ",")), Objects: x.objects}
}

type stixEndpoint struct{ id, kind, name string }

type stixBuilder struct {
	docs      map[string]*extractor.DocumentSummary
	docOrder  map[string]int
	endpoints map[string]stixEndpoint // our entity id → exported object
	objects   []STIXObject
	seen      map[string]bool
	byDoc     map[string][]string // document id → ids of objects drawn from it
}

func newSTIXBuilder(ds *extractor.Dataset) *stixBuilder {
	x := &stixBuilder{docs: map[string]*extractor.DocumentSummary{}, docOrder: map[string]int{},
		endpoints: map[string]stixEndpoint{}, seen: map[string]bool{}, byDoc: map[string][]string{}}
	for i := range ds.Documents {
		d := &ds.Documents[i]
		if _, dup := x.docs[d.ID]; !dup {
			x.docs[d.ID] = d
			x.docOrder[d.ID] = i
		}
	}
	return x
}

// add appends o unless an object with its id is already there (a dataset
// listing one entity twice), and records which documents it came from.
func (x *stixBuilder) add(o STIXObject, docs []string) bool {
	if x.seen[o.ID] {
		return false
	}
	x.seen[o.ID] = true
	x.objects = append(x.objects, o)
	for _, d := range docs {
		if _, ok := x.docs[d]; ok {
			x.byDoc[d] = append(x.byDoc[d], o.ID)
		}
	}
	return true
}

// times returns created (earliest) and modified (latest) from the
// publication dates of the documents; STIXEpoch when none is dated.
func (x *stixBuilder) times(docs []string) (created, modified string) {
	var lo, hi time.Time
	for _, id := range docs {
		d := x.docs[id]
		if d == nil || d.Published == nil {
			continue
		}
		t := d.Published.UTC()
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if hi.IsZero() || t.After(hi) {
			hi = t
		}
	}
	if lo.IsZero() {
		lo, hi = STIXEpoch, STIXEpoch
	}
	return stixTime(lo), stixTime(hi)
}

// source names a document in external references: its path or URL.
func (x *stixBuilder) source(doc string) (name, link string) {
	name = doc
	if d := x.docs[doc]; d != nil && d.Source != "" {
		name = d.Source
	}
	if u, err := url.Parse(name); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		link = u.String()
	}
	// "cve" and "capec" as source_name demand an external_id in their format.
	if reservedSourceName.MatchString(name) {
		name = "document " + name
	}
	return name, link
}

var reservedSourceName = regexp.MustCompile(`^((cve)|(capec))$`)

func stixConfidence(c float64) *int {
	if math.IsNaN(c) {
		c = 0
	}
	n := int(math.Round(c * 100))
	n = max(0, min(100, n))
	return &n
}

var (
	cveID    = regexp.MustCompile(`(?i)^CVE-\d{4}-(0\d{3}|[1-9]\d{3,})$`)
	attackID = regexp.MustCompile(`^T\d{4}(\.\d{3})?$`)
)

func (x *stixBuilder) entity(e *extractor.Entity) {
	if e.Status == extractor.StatusRejected || e.ID == "" || strings.TrimSpace(e.Name) == "" {
		return
	}
	docs, evidence, refs := x.mentionEvidence(e.Mentions)
	created, modified := x.times(docs)
	o := STIXObject{SpecVersion: "2.1", Created: created, Modified: modified, Name: e.Name,
		Confidence: stixConfidence(e.Confidence), XExtractorID: e.ID, XExtractorType: string(e.Type),
		XExtractorStatus: string(e.Status), XExtractorEvidence: evidence}
	aliases := distinct(e.Name, e.Aliases)
	var kind string
	switch e.Type {
	case extractor.ThreatActor:
		o.Type, kind, o.Aliases = "intrusion-set", kindIntrusionSet, aliases
	case extractor.Organization:
		o.Type, kind, o.IdentityClass, o.XOpenCTIAliases = "identity", kindOrganization, "organization", aliases
	case extractor.Government:
		o.Type, kind, o.IdentityClass, o.XOpenCTIAliases = "identity", kindOrganization, "organization", aliases
		o.Sectors = []string{governmentSector(e.Name, mentionRules(e))}
	case extractor.Person:
		o.Type, kind, o.IdentityClass, o.XOpenCTIAliases = "identity", kindIndividual, "individual", aliases
	case extractor.Sector:
		o.Type, kind, o.IdentityClass, o.XOpenCTIAliases = "identity", kindSector, "class", aliases
		if s := stixSector(e.Name); s != "" {
			o.Sectors = []string{s}
		}
	case extractor.Location:
		o.Type, kind, o.XOpenCTIAliases = "location", kindLocation, aliases
		locate(&o, e)
	case extractor.Malware:
		t := true
		o.Type, kind, o.IsFamily, o.Aliases = "malware", kindMalware, &t, aliases
	case extractor.Tool:
		o.Type, kind, o.Aliases = "tool", kindTool, aliases
	case extractor.Campaign:
		o.Type, kind, o.Aliases = "campaign", kindCampaign, aliases
	case extractor.Vulnerability:
		o.Type, kind, o.XOpenCTIAliases = "vulnerability", kindVulnerability, aliases
		if cve := vulnerabilityCVE(e); cve != "" {
			o.Name = cve
			o.XOpenCTIAliases = distinct(cve, append([]string{e.Name}, e.Aliases...))
			refs = append([]ExternalReference{{SourceName: "cve", ExternalID: cve}}, refs...)
		}
	case extractor.Indicator:
		if e.Subtype == "attack-technique" {
			id := strings.ToUpper(strings.TrimSpace(e.Name))
			if !attackID.MatchString(id) {
				return
			}
			o.Type, kind, o.Name = "attack-pattern", kindAttackPattern, id
			refs = append([]ExternalReference{{SourceName: "mitre-attack", ExternalID: id,
				URL: "https://attack.mitre.org/techniques/" + strings.ReplaceAll(id, ".", "/") + "/"}}, refs...)
			break
		}
		pattern, value := stixPattern(e.Subtype, e.Name)
		if pattern == "" {
			return
		}
		o.Type, kind, o.Name = "indicator", kindIndicator, value
		o.Pattern, o.PatternType, o.PatternVersion, o.ValidFrom = pattern, "stix", "2.1", created
	default:
		return
	}
	o.ID = stixID(o.Type, e.ID)
	o.ExternalReferences = refs
	if x.add(o, docs) {
		x.endpoints[e.ID] = stixEndpoint{id: o.ID, kind: kind, name: o.Name}
	}
}

// mentionEvidence groups mentions by document (in dataset order): the
// documents, one x_extractor_evidence entry and one external reference per
// document, for its first mention.
func (x *stixBuilder) mentionEvidence(ms []extractor.Mention) ([]string, []STIXEvidence, []ExternalReference) {
	first := map[string]extractor.Mention{}
	count := map[string]int{}
	var docs []string
	for _, m := range ms {
		f, ok := first[m.Doc]
		if !ok {
			docs = append(docs, m.Doc)
		}
		if !ok || m.Start < f.Start || m.Start == f.Start && m.End < f.End {
			first[m.Doc] = m
		}
		count[m.Doc]++
	}
	x.sortDocs(docs)
	var ev []STIXEvidence
	var refs []ExternalReference
	for _, d := range docs {
		m := first[d]
		name, link := x.source(d)
		ev = append(ev, STIXEvidence{Document: d, Source: name, Page: m.Page, Start: m.Start, End: m.End,
			Text: m.Text, Mentions: count[d], Rule: m.Rule, Hedge: m.Hedge})
		desc := fmt.Sprintf("%d mention(s), first as %q", count[d], m.Text)
		refs = append(refs, ExternalReference{SourceName: name, URL: link, Description: desc, ExternalID: pageID(m.Page)})
	}
	return docs, ev, refs
}

func pageID(page int) string {
	if page <= 0 {
		return ""
	}
	return fmt.Sprintf("page %d", page)
}

// sortDocs orders document ids as the dataset lists them; ids the dataset
// does not list go last, by id.
func (x *stixBuilder) sortDocs(docs []string) {
	sort.SliceStable(docs, func(a, b int) bool {
		oa, ka := x.docOrder[docs[a]]
		ob, kb := x.docOrder[docs[b]]
		if ka != kb {
			return ka
		}
		if oa != ob {
			return oa < ob
		}
		return docs[a] < docs[b]
	})
}

func mentionRules(e *extractor.Entity) []string {
	var rules []string
	for _, m := range e.Mentions {
		if m.Type == e.Type {
			rules = append(rules, m.Rule)
		}
	}
	return rules
}

// locate fills a location: an ISO country code when the name is a known
// country, else a STIX region-ov value, else the name itself as region
// (STIX requires region, country or coordinates). The rule that found the
// place says whether it is a city or an administrative area.
func locate(o *STIXObject, e *extractor.Entity) {
	if cc := countryCode(e.Name); cc != "" {
		o.Country, o.XOpenCTILocationType = cc, "Country"
		return
	}
	o.XOpenCTILocationType = "Region"
	o.Region = stixRegion(e.Name)
	if o.Region == "" {
		o.Region = e.Name
	}
	for _, r := range mentionRules(e) {
		switch {
		case strings.Contains(r, ".city"):
			o.City, o.XOpenCTILocationType = e.Name, "City"
		case strings.Contains(r, ".subnational"):
			o.AdministrativeArea, o.XOpenCTILocationType = e.Name, "Administrative-Area"
		default:
			continue
		}
		return
	}
}

// vulnerabilityCVE returns the entity's CVE id in canonical case, from its
// name or else an alias; "" when it has none in the CVE format.
func vulnerabilityCVE(e *extractor.Entity) string {
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		n = strings.TrimSpace(n)
		if cveID.MatchString(n) {
			return strings.ToUpper(n)
		}
	}
	return ""
}

// stixPattern returns the STIX pattern matching an indicator and the value
// it matches, or "" for a subtype STIX patterns cannot express.
func stixPattern(subtype, value string) (pattern, v string) {
	v = strings.TrimSpace(value)
	var path string
	switch subtype {
	case "ipv4":
		path = "ipv4-addr:value"
	case "ipv6":
		path = "ipv6-addr:value"
	case "domain":
		path, v = "domain-name:value", strings.ToLower(v)
	case "url":
		path = "url:value"
	case "email":
		path, v = "email-addr:value", strings.ToLower(v)
	case "md5":
		path, v = "file:hashes.MD5", strings.ToLower(v)
	case "sha1":
		path, v = "file:hashes.'SHA-1'", strings.ToLower(v)
	case "sha256":
		path, v = "file:hashes.'SHA-256'", strings.ToLower(v)
	case "ethereum-address":
		// STIX 2.1 defines no cyber-observable for cryptocurrency wallets;
		// a pattern over a made-up object type would not be valid STIX, so
		// wallet addresses stay in the dataset and out of the bundle.
		return "", ""
	default:
		return "", ""
	}
	if v == "" {
		return "", ""
	}
	return "[" + path + " = '" + patternEscape(v) + "']", v
}

// patternEscape escapes a STIX pattern string literal (spec 9.3: backslash
// and single quote).
func patternEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s)
}

// distinct returns the names in list other than name, trimmed, without
// case-insensitive repeats (the first spelling wins), sorted.
func distinct(name string, list []string) []string {
	seen := map[string]bool{strings.ToLower(strings.TrimSpace(name)): true}
	var out []string
	for _, a := range list {
		a = strings.TrimSpace(a)
		k := strings.ToLower(a)
		if a == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

func (x *stixBuilder) relation(r *extractor.Relation) {
	if r.Status == extractor.StatusRejected {
		return
	}
	src, ok1 := x.endpoints[r.Source]
	dst, ok2 := x.endpoints[r.Target]
	if !ok1 || !ok2 {
		return
	}
	typ, reverse := stixRelationshipType(r.Type, src.kind, dst.kind)
	from, to := src, dst
	if reverse {
		from, to = dst, src
	}
	ev := append([]extractor.Evidence(nil), r.Evidence...)
	sort.SliceStable(ev, func(a, b int) bool {
		oa, ob := x.docOrder[ev[a].Doc], x.docOrder[ev[b].Doc]
		if oa != ob {
			return oa < ob
		}
		return ev[a].Start < ev[b].Start
	})
	var docs []string
	var evidence []STIXEvidence
	var refs []ExternalReference
	var hedges []string
	seenDoc := map[string]bool{}
	for _, e := range ev {
		if !seenDoc[e.Doc] {
			seenDoc[e.Doc] = true
			docs = append(docs, e.Doc)
		}
		name, link := x.source(e.Doc)
		evidence = append(evidence, STIXEvidence{Document: e.Doc, Source: name, Page: e.Page, Start: e.Start,
			End: e.End, Sentence: e.Sentence, Rule: e.Rule, Hedge: e.Hedge, Coref: e.Coref})
		ref := ExternalReference{SourceName: name, URL: link, Description: e.Sentence, ExternalID: pageID(e.Page)}
		if ref.Description == "" && ref.ExternalID == "" && ref.URL == "" {
			ref.Description = "evidence in " + e.Doc
		}
		refs = append(refs, ref)
		if e.Hedge != "" && !in(e.Hedge, hedges...) {
			hedges = append(hedges, e.Hedge)
		}
	}
	created, modified := x.times(docs)
	key := r.ID
	if key == "" {
		key = "relation:" + r.Type + ":" + r.Source + ":" + r.Target
	}
	desc := src.name + " " + r.Type + " " + dst.name
	if len(hedges) > 0 {
		desc += " (hedged: " + strings.Join(hedges, ", ") + ")"
	}
	// A document's report refers to the relationship and to both ends.
	for _, d := range docs {
		if _, ok := x.docs[d]; ok {
			x.byDoc[d] = append(x.byDoc[d], src.id, dst.id)
		}
	}
	x.add(STIXObject{Type: "relationship", SpecVersion: "2.1", ID: stixID("relationship", key),
		Created: created, Modified: modified, Confidence: stixConfidence(r.Confidence),
		ExternalReferences: refs, Description: desc, RelationshipType: typ, SourceRef: from.id, TargetRef: to.id,
		XExtractorID: r.ID, XExtractorRelationType: r.Type, XExtractorStatus: string(r.Status),
		XExtractorEvidence: evidence}, docs)
}

// reports adds one report per document that has at least one exported
// object (a report must refer to something).
func (x *stixBuilder) reports(ds *extractor.Dataset) {
	for i := range ds.Documents {
		d := &ds.Documents[i]
		refs := x.byDoc[d.ID]
		if len(refs) == 0 || x.docOrder[d.ID] != i {
			continue
		}
		refs = uniqueSorted(refs)
		published := STIXEpoch
		if d.Published != nil {
			published = d.Published.UTC()
		}
		name := d.Title
		if strings.TrimSpace(name) == "" {
			name = d.Source
		}
		if strings.TrimSpace(name) == "" {
			name = d.ID
		}
		src, link := x.source(d.ID)
		ts := stixTime(published)
		x.add(STIXObject{Type: "report", SpecVersion: "2.1", ID: stixID("report", d.ID), Created: ts, Modified: ts,
			Name: name, Description: fmt.Sprintf("Extracted from %s (%s, %d page(s)).", src, d.Format, d.Pages),
			ReportTypes: []string{"threat-report"}, Published: ts, ObjectRefs: refs,
			ExternalReferences: []ExternalReference{{SourceName: src, URL: link, ExternalID: d.ID}},
			XExtractorID:       d.ID}, nil)
	}
}

func uniqueSorted(ids []string) []string {
	out := append([]string(nil), ids...)
	sort.Strings(out)
	n := 0
	for i, id := range out {
		if i == 0 || id != out[n-1] {
			out[n] = id
			n++
		}
	}
	return out[:n]
}
