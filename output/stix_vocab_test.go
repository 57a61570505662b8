package output

import "testing"

func TestSTIXSectorVocabulary(t *testing.T) {
	for name, want := range map[string]string{
		"telecommunications": "telecommunications", "telecom providers": "telecommunications",
		"oil and gas": "energy", "finance": "financial-services", "banking": "financial-services",
		"non-governmental organizations": "non-profit", "think tanks": "non-profit",
		"government sector": "government", "defense sector": "defense", "DIB": "defense",
		"military organizations": "defense", "biotechnology": "pharmaceuticals", "technology sector": "technology",
		"MSPs": "technology", "managed service providers": "technology", "ICT sector": "technology",
		"CNI": "infrastructure", "water sector": "water", "space sector": "aerospace", "healthcare": "healthcare",
		// No industry-sector-ov value: no guess.
		"legal sector": "", "real estate": "", "political organizations": "", "cyberspace": "",
		"Dampier": "", "magic": "",
	} {
		if got := stixSector(name); got != want {
			t.Errorf("stixSector(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestSTIXPlaceVocabulary(t *testing.T) {
	for name, want := range map[string]string{
		"China": "CN", "People’s Republic of China": "CN", "the United States": "US", "USA": "US",
		"United Kingdom": "GB", "Côte d'Ivoire": "CI", "North Korea": "KP", "South Korea": "KR", "Taiwan": "TW",
		"Hong Kong": "HK", "Türkiye": "TR", "Korea": "", "Guangdong": "", "Atlantis": "",
	} {
		if got := countryCode(name); got != want {
			t.Errorf("countryCode(%q) = %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string]string{
		"Southeast Asia": "south-eastern-asia", "Middle East": "western-asia", "North America": "northern-america",
		"Latin America": "latin-america-caribbean", "Europe": "europe", "South China Sea": "", "EMEA": "",
	} {
		if got := stixRegion(name); got != want {
			t.Errorf("stixRegion(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestGovernmentSector(t *testing.T) {
	for _, c := range []struct {
		name  string
		rules []string
		want  string
	}{
		{"Ministry of State Security", []string{"gaz.government.china"}, "government-national"},
		{"City of Dallas", nil, "government-local"},
		{"Fairfax County Police", nil, "government-local"},
		{"Hainan Provincial State Security Department", nil, "government-regional"},
		{"NATO", []string{"gaz.government.intergovernmental"}, "government"},
		{"Department of State", nil, "government-national"},
	} {
		if got := governmentSector(c.name, c.rules); got != c.want {
			t.Errorf("governmentSector(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
