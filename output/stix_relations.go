package output

// Endpoint kinds: the STIX type of an exported entity, refined by identity
// class, because the allowed relationships depend on both.
const (
	kindIntrusionSet  = "intrusion-set"
	kindOrganization  = "identity:organization" // organizations and government bodies
	kindIndividual    = "identity:individual"
	kindSector        = "identity:class"
	kindLocation      = "location"
	kindMalware       = "malware"
	kindTool          = "tool"
	kindVulnerability = "vulnerability"
	kindCampaign      = "campaign"
	kindIndicator     = "indicator"
	kindAttackPattern = "attack-pattern"
)

func isIdentity(k string) bool {
	return k == kindOrganization || k == kindIndividual || k == kindSector
}

func in(k string, set ...string) bool {
	for _, s := range set {
		if k == s {
			return true
		}
	}
	return false
}

// stixRelationshipType maps one of our relation types between endpoints of
// the given kinds to a STIX relationship type. It uses the STIX 2.1
// vocabulary where the spec defines the pair (section 4 of each SDO),
// OpenCTI's part-of and located-at extensions where OpenCTI accepts the
// pair, and related-to otherwise. reverse is true when the STIX
// relationship runs from target to source (X uses indicator → indicator
// indicates X). docs/stix.md has the table; keep both in step.
func stixRelationshipType(rel, src, dst string) (typ string, reverse bool) {
	switch rel {
	case "attributed-to":
		if src == kindCampaign && dst == kindIntrusionSet {
			return "attributed-to", false
		}
	case "uses":
		if in(src, kindIntrusionSet, kindCampaign, kindMalware, kindAttackPattern) && in(dst, kindMalware, kindTool, kindAttackPattern) {
			if !(src == kindAttackPattern && dst == kindAttackPattern) {
				return "uses", false
			}
		}
		if dst == kindIndicator && in(src, kindIntrusionSet, kindCampaign, kindMalware, kindTool, kindAttackPattern) {
			return "indicates", true
		}
	case "targets":
		if in(src, kindIntrusionSet, kindCampaign, kindMalware, kindTool, kindAttackPattern) &&
			(isIdentity(dst) || in(dst, kindLocation, kindVulnerability)) {
			return "targets", false
		}
	case "exploits":
		if dst == kindVulnerability {
			if src == kindMalware {
				return "exploits", false
			}
			if in(src, kindIntrusionSet, kindCampaign, kindTool, kindAttackPattern) {
				return "targets", false
			}
		}
	case "located-in":
		switch {
		case isIdentity(src) && dst == kindLocation:
			return "located-at", false
		case in(src, kindIntrusionSet, kindCampaign, kindMalware) && dst == kindLocation:
			return "originates-from", false
		case src == kindLocation && dst == kindLocation:
			return "located-at", false // OpenCTI: City/Country/Region located-at
		}
	case "part-of":
		switch {
		case in(src, kindOrganization, kindIndividual) && dst == kindOrganization,
			src == kindIndividual && dst == kindIndividual,
			src == kindSector && dst == kindSector,
			src == kindOrganization && dst == kindSector:
			return "part-of", false // OpenCTI extension
		case src == kindLocation && dst == kindLocation:
			return "located-at", false
		}
	case "employed-by":
		// OpenCTI's employed-by starts only at a Threat-Actor-Individual;
		// for an identity it accepts Individual part-of Organization.
		if src == kindIndividual && dst == kindOrganization {
			return "part-of", false
		}
	}
	return "related-to", false
}
