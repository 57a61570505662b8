package corpus

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// labelTypes maps the entity labels of the public CTI corpora to the
// accepted types of a gold entity, the annotated type first. The label sets
// do not collide (matching is case-sensitive), so one table serves them
// all; it is the mapping ../shared/data/cases was built with:
//
//	AnnoCTR  GROUP→threat-actor, ORG→organization|government, LOC→location,
//	         MALWARE→malware, TOOL→tool, SECTOR→sector
//	DNRTI    HackOrg→threat-actor, SecTeam→organization, Org→organization|government,
//	         Area→location, Tool→tool|malware (DNRTI's Tool covers malware families)
//	APTNER   APT→threat-actor, SECTEAM→organization, IDTY→organization|government,
//	         LOC→location, MAL→malware, TOOL→tool, VULID→vulnerability
//	CAPTIER  Threat-Actor→threat-actor|intrusion-set, Identity→organization|government|person,
//	         Location→location, Industry→sector, Malware→malware, Tool→tool,
//	         Vulnerability→vulnerability; other labels lower-cased (attack-pattern, ...)
//
// Labels not in the table (DATE, Idus, Exp, IP, ...) are not gold, except
// that a label naming an extractor type (B-threat-actor) maps to it.
var labelTypes = map[string][]string{
	// AnnoCTR
	"GROUP": {"threat-actor"}, "ORG": {"organization", "government"}, "LOC": {"location"},
	"MALWARE": {"malware"}, "TOOL": {"tool"}, "SECTOR": {"sector"},
	// DNRTI
	"HackOrg": {"threat-actor"}, "SecTeam": {"organization"}, "Org": {"organization", "government"},
	"Area": {"location"}, "Tool": {"tool", "malware"},
	// APTNER
	"APT": {"threat-actor"}, "SECTEAM": {"organization"}, "IDTY": {"organization", "government"},
	"MAL": {"malware"}, "VULID": {"vulnerability"},
}

// captierTypes maps CAPTIER's doccano labels; other labels are lower-cased.
var captierTypes = map[string][]string{
	"Threat-Actor": {"threat-actor", "intrusion-set"}, "Identity": {"organization", "government", "person"},
	"Location": {"location"}, "Industry": {"sector"}, "Malware": {"malware"}, "Tool": {"tool"},
	"Vulnerability": {"vulnerability"},
}

// mapLabel returns the gold types of a BIO label, or nil when the label is
// not gold. An unknown label is mapped by the longest known label it starts
// with (APTNER has typos such as "MALL").
func mapLabel(label string) []string {
	if t, ok := labelTypes[label]; ok {
		return t
	}
	if t := normType(label); extractor.ValidEntityType(extractor.EntityType(t)) {
		return []string{t}
	}
	best := ""
	for k := range labelTypes {
		if len(k) > len(best) && len(k) >= 3 && strings.HasPrefix(label, k) {
			best = k
		}
	}
	if best != "" {
		return labelTypes[best]
	}
	return nil
}

// mapDoccanoLabel maps a doccano label: the CAPTIER table, else the BIO
// table, else the label lower-cased (attack-pattern, infrastructure, ...).
func mapDoccanoLabel(label string) []string {
	if t, ok := captierTypes[label]; ok {
		return t
	}
	if t, ok := labelTypes[label]; ok {
		return t
	}
	return []string{normType(label)}
}

// entityTypesOf lists, in vocabulary order, the types a set of label
// mappings covers: the case's entity_types.
func entityTypesOf(types map[string]bool) []string {
	var out []string
	for _, t := range extractor.EntityTypes {
		if types[string(t)] {
			out = append(out, string(t))
		}
	}
	for _, t := range sortedKeys(types) {
		if !extractor.ValidEntityType(extractor.EntityType(t)) {
			out = append(out, t)
		}
	}
	return out
}
