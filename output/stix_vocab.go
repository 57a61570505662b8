package output

import (
	"regexp"
	"strings"
)

// Vocabulary tables for the STIX writer: country names to ISO 3166-1
// alpha-2 codes, region names to the STIX region-ov, sector names to the
// STIX industry-sector-ov, and the government level of a body. Written by
// hand from general knowledge; lookups are by a loose key (lookupKey) so a
// user pack that spells a name differently still maps.

// lookupKey lower-cases s, unifies apostrophes and dashes, drops a leading
// "the " and collapses spaces.
func lookupKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("’", "'", "‘", "'", "–", "-", "—", "-", ".", "").Replace(s)
	s = strings.TrimPrefix(s, "the ")
	return strings.Join(strings.Fields(s), " ")
}

// countryCodes maps country and territory names to ISO 3166-1 alpha-2.
var countryCodes = map[string]string{}

func init() {
	for codes, names := range map[string]string{
		"AF": "afghanistan", "AL": "albania", "DZ": "algeria", "AD": "andorra", "AO": "angola",
		"AG": "antigua and barbuda", "AR": "argentina", "AM": "armenia", "AU": "australia", "AT": "austria",
		"AZ": "azerbaijan", "BS": "bahamas", "BH": "bahrain", "BD": "bangladesh", "BB": "barbados",
		"BY": "belarus", "BE": "belgium", "BZ": "belize", "BJ": "benin", "BT": "bhutan", "BO": "bolivia",
		"BA": "bosnia and herzegovina|bosnia", "BW": "botswana", "BR": "brazil", "BN": "brunei|brunei darussalam",
		"BG": "bulgaria", "BF": "burkina faso", "BI": "burundi", "CV": "cape verde|cabo verde", "KH": "cambodia",
		"CM": "cameroon", "CA": "canada", "CF": "central african republic", "TD": "chad", "CL": "chile",
		"CN": "china|people's republic of china|prc", "CO": "colombia", "KM": "comoros",
		"CD": "democratic republic of the congo|dr congo|drc", "CG": "republic of the congo|congo",
		"CR": "costa rica", "CI": "ivory coast|cote d'ivoire|côte d'ivoire", "HR": "croatia", "CU": "cuba",
		"CY": "cyprus", "CZ": "czech republic|czechia", "DK": "denmark", "DJ": "djibouti", "DM": "dominica",
		"DO": "dominican republic", "EC": "ecuador", "EG": "egypt", "SV": "el salvador",
		"GQ": "equatorial guinea", "ER": "eritrea", "EE": "estonia", "SZ": "eswatini|swaziland",
		"ET": "ethiopia", "FJ": "fiji", "FI": "finland", "FR": "france", "GA": "gabon", "GM": "gambia",
		"GE": "georgia", "DE": "germany", "GH": "ghana", "GR": "greece", "GD": "grenada", "GT": "guatemala",
		"GN": "guinea", "GW": "guinea-bissau", "GY": "guyana", "HT": "haiti", "HN": "honduras",
		"HU": "hungary", "IS": "iceland", "IN": "india", "ID": "indonesia", "IR": "iran|islamic republic of iran",
		"IQ": "iraq", "IE": "ireland", "IL": "israel", "IT": "italy", "JM": "jamaica", "JP": "japan",
		"JO": "jordan", "KZ": "kazakhstan", "KE": "kenya", "KI": "kiribati",
		"KP": "north korea|democratic people's republic of korea|dprk",
		"KR": "south korea|republic of korea", "XK": "kosovo", "KW": "kuwait", "KG": "kyrgyzstan",
		"LA": "laos|lao pdr", "LV": "latvia", "LB": "lebanon", "LS": "lesotho", "LR": "liberia", "LY": "libya",
		"LI": "liechtenstein", "LT": "lithuania", "LU": "luxembourg", "MG": "madagascar", "MW": "malawi",
		"MY": "malaysia", "MV": "maldives", "ML": "mali", "MT": "malta", "MH": "marshall islands",
		"MR": "mauritania", "MU": "mauritius", "MX": "mexico", "FM": "micronesia|federated states of micronesia",
		"MD": "moldova", "MC": "monaco", "MN": "mongolia", "ME": "montenegro", "MA": "morocco",
		"MZ": "mozambique", "MM": "myanmar|burma", "NA": "namibia", "NR": "nauru", "NP": "nepal",
		"NL": "netherlands|holland", "NZ": "new zealand", "NI": "nicaragua", "NE": "niger", "NG": "nigeria",
		"MK": "north macedonia|macedonia", "NO": "norway", "OM": "oman", "PK": "pakistan", "PW": "palau",
		"PS": "palestine|state of palestine", "PA": "panama", "PG": "papua new guinea", "PY": "paraguay",
		"PE": "peru", "PH": "philippines", "PL": "poland", "PT": "portugal", "QA": "qatar", "RO": "romania",
		"RU": "russia|russian federation", "RW": "rwanda", "KN": "saint kitts and nevis", "LC": "saint lucia",
		"VC": "saint vincent and the grenadines", "WS": "samoa", "SM": "san marino",
		"ST": "são tomé and príncipe|sao tome and principe", "SA": "saudi arabia", "SN": "senegal",
		"RS": "serbia", "SC": "seychelles", "SL": "sierra leone", "SG": "singapore", "SK": "slovakia",
		"SI": "slovenia", "SB": "solomon islands", "SO": "somalia", "ZA": "south africa", "SS": "south sudan",
		"ES": "spain", "LK": "sri lanka", "SD": "sudan", "SR": "suriname", "SE": "sweden",
		"CH": "switzerland", "SY": "syria|syrian arab republic", "TW": "taiwan|republic of china",
		"TJ": "tajikistan", "TZ": "tanzania", "TH": "thailand", "TL": "timor-leste|east timor", "TG": "togo",
		"TO": "tonga", "TT": "trinidad and tobago", "TN": "tunisia", "TR": "turkey|türkiye|turkiye",
		"TM": "turkmenistan", "TV": "tuvalu", "UG": "uganda", "UA": "ukraine",
		"AE": "united arab emirates|uae", "GB": "united kingdom|uk|great britain|britain",
		"US": "united states|united states of america|usa|us", "UY": "uruguay", "UZ": "uzbekistan",
		"VU": "vanuatu", "VA": "vatican city|holy see", "VE": "venezuela", "VN": "vietnam|viet nam",
		"YE": "yemen", "ZM": "zambia", "ZW": "zimbabwe",
		// Territories with their own code.
		"HK": "hong kong", "MO": "macau|macao", "PR": "puerto rico", "GU": "guam", "GL": "greenland",
		"GI": "gibraltar", "BM": "bermuda", "KY": "cayman islands", "VG": "british virgin islands",
		"FO": "faroe islands", "NC": "new caledonia", "PF": "french polynesia", "EH": "western sahara",
	} {
		for _, n := range strings.Split(names, "|") {
			countryCodes[lookupKey(n)] = codes
		}
	}
}

// countryCode returns the ISO 3166-1 alpha-2 code of a country name, or "".
func countryCode(name string) string { return countryCodes[lookupKey(name)] }

// stixRegions maps region names to the STIX 2.1 region-ov (spec 10.11).
var stixRegions = map[string]string{
	"africa": "africa", "east africa": "eastern-africa", "eastern africa": "eastern-africa",
	"middle africa": "middle-africa", "central africa": "middle-africa", "north africa": "northern-africa",
	"northern africa": "northern-africa", "southern africa": "southern-africa", "west africa": "western-africa",
	"western africa": "western-africa", "americas": "americas", "latin america": "latin-america-caribbean",
	"south america": "south-america", "caribbean": "caribbean", "central america": "central-america",
	"north america": "northern-america", "northern america": "northern-america", "asia": "asia",
	"central asia": "central-asia", "east asia": "eastern-asia", "eastern asia": "eastern-asia",
	"south asia": "southern-asia", "southern asia": "southern-asia", "southeast asia": "south-eastern-asia",
	"south-east asia": "south-eastern-asia", "western asia": "western-asia", "middle east": "western-asia",
	"europe": "europe", "eastern europe": "eastern-europe", "northern europe": "northern-europe",
	"southern europe": "southern-europe", "western europe": "western-europe", "oceania": "oceania",
	"melanesia": "melanesia", "micronesia region": "micronesia", "polynesia": "polynesia",
	"antarctica": "antarctica",
}

// stixRegion returns the region-ov value for a region name, or "".
func stixRegion(name string) string { return stixRegions[lookupKey(name)] }

// stixSectorWords maps words of a sector name to the STIX 2.1
// industry-sector-ov (spec 10.10). The first rule whose word occurs in the
// name wins, so the specific ones come first.
var stixSectorWords = []struct{ word, sector string }{
	{"nuclear", "nuclear"}, {"water", "water"}, {"dam", "dams"}, {"oil", "energy"}, {"gas", "energy"},
	{"energy", "energy"}, {"utilit", "utilities"}, {"telecom", "telecommunications"},
	{"emergency", "emergency-services"}, {"critical infrastructure", "infrastructure"},
	{"cni", "infrastructure"}, {"defen", "defense"}, {"military", "defense"}, {"dib", "defense"},
	{"non-governmental", "non-profit"}, {"ngo", "non-profit"}, {"think tank", "non-profit"},
	{"religious", "non-profit"}, {"non-profit", "non-profit"}, {"nonprofit", "non-profit"},
	{"government", "government"}, {"diplomat", "government-national"}, {"law enforcement", "government-public-services"},
	{"insurance", "insurance"}, {"financ", "financial-services"}, {"bank", "financial-services"},
	{"crypto", "financial-services"}, {"health", "healthcare"}, {"pharma", "pharmaceuticals"},
	{"biotech", "pharmaceuticals"}, {"semiconductor", "manufacturing"}, {"manufactur", "manufacturing"},
	{"automotive", "automotive"}, {"chemical", "chemical"}, {"mining", "mining"}, {"aerospace", "aerospace"},
	{"aviation", "aerospace"}, {"space sector", "aerospace"}, {"space industry", "aerospace"}, {"transport", "transportation"},
	{"logistic", "transportation"}, {"maritime", "transportation"}, {"shipping", "transportation"},
	{"retail", "retail"}, {"e-commerce", "retail"}, {"hospitality", "hospitality-leisure"},
	{"entertainment", "entertainment"}, {"media", "communications"}, {"construction", "construction"},
	{"engineering", "engineering"}, {"agricultur", "agriculture"}, {"education", "education"},
	{"universit", "education"}, {"academ", "education"}, {"technology", "technology"}, {"ict", "technology"},
	{"managed service", "technology"}, {"msp", "technology"}, {"software", "technology"},
	{"commercial", "commercial"},
}

var wordSplit = regexp.MustCompile(`[^a-z0-9-]+`)

// stixSector returns the industry-sector-ov value for a sector name, or "".
// Short words (cni, dib, ict, msp, ngo, dam) must be whole words.
func stixSector(name string) string {
	key := lookupKey(name)
	words := map[string]bool{}
	for _, w := range wordSplit.Split(key, -1) {
		words[strings.TrimSuffix(w, "s")] = true
	}
	for _, r := range stixSectorWords {
		if len(r.word) <= 3 {
			if words[r.word] {
				return r.sector
			}
		} else if strings.Contains(key, r.word) {
			return r.sector
		}
	}
	return ""
}

// localGovernment matches the names of local and regional bodies.
var (
	localGovernment    = regexp.MustCompile(`(?i)\b(city|county|municipal\w*|borough|town|township|parish|village|local government|city council|mayor)\b`)
	regionalGovernment = regexp.MustCompile(`(?i)\b(state of|provincial|province|regional|prefectur\w*|state government|oblast)\b`)
)

// governmentSector returns the industry-sector-ov value of a government
// body: government-local or government-regional when its name says so,
// "government" for intergovernmental bodies (by the rule that found them),
// else government-national.
func governmentSector(name string, rules []string) string {
	for _, r := range rules {
		if strings.Contains(r, "intergovernmental") {
			return "government"
		}
	}
	switch {
	case localGovernment.MatchString(name):
		return "government-local"
	case regionalGovernment.MatchString(name):
		return "government-regional"
	}
	return "government-national"
}
