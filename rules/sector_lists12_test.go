package rules

import "testing"

// Bare sector words become sectors where a context says so: a bullet list
// under an intro about sectors, a coordination before an organisation
// noun, a Sector column of a table. Alone they stay words.
func TestSectorBareWordsInContext(t *testing.T) {
	checkFound(t, []foundCase{
		// bullet items under a sector intro (lowerSectorItem)
		{"Sectors singled out by the agencies:\n- communications\n- pensions\n", "pensions/sector/core.sector.list-item", true},
		{"Sectors singled out by the agencies:\n- communications\n- pensions\n", "communications/sector/core.sector.list-item", true},
		// "and" joins two sectors in one item
		{"Sectors singled out by the agencies:\n- tanning and quarrying\n- pensions\n", "quarrying/sector/core.sector.list-item", true},
		{"Sectors singled out by the agencies:\n- tanning and quarrying\n- pensions\n", "tanning/sector/core.sector.list-item", true},
		// an item that goes on past its words is a sentence, not a sector
		{"Sectors singled out by the agencies:\n- pensions were hit twice\n- communications\n", "pensions/sector", false},
		// a capitalised item is no lower-case kind
		{"Sectors singled out by the agencies:\n- Tarnwick Holdings\n- communications\n", "Tarnwick Holdings/sector", false},
		// a coordination before an organisation noun
		{"The crew sat inside power, water and chemical operators for months.", "water/sector/core.sector.list-before-org-head", true},
		{"The crew sat inside power, water and chemical operators for months.", "chemical/sector/core.sector.list-before-org-head", true},
		// bare words without such a context
		{"The cluster used too much power and water.", "water/sector", false},
		{"The chemical plant closed.", "chemical/sector", false},
		// a modifier coordinated before a people noun is no member
		{"Quillbear goes after journalists, academics, human rights defenders, and serving or retired government officials.", "serving/sector", false},
		// a Sector column
		{"| Victim | Sector |\n|---|---|\n| Tarnwick Holdings | technology |\n", "technology/sector/table.name.sector", true},
	})
}

// Units of a state body named by rank or place, and the bodies listed
// with a known one.
func TestGovernmentUnitShapes(t *testing.T) {
	checkFound(t, []foundCase{
		{"The lab answers to the 7th Bureau of the Ministry of State Security.", "7th Bureau/government/core.government.ordinal-unit-of", true},
		{"It sits in the 3rd Bureau of the Second Department of the Ministry of State Security.", "Second Department/government/core.government.ordinal-unit-of", true},
		// not a state's: a league's division
		{"They won the Third Division of the Tarnwick League.", "Third Division/government", false},
		{"Officers of the Dalian bureau of China's Ministry of State Security were named.", "Dalian bureau/government/core.government.place-branch-of", true},
		{"Officers of the FSB's Kaliningrad directorate were named.", "Kaliningrad directorate/government/core.government.place-branch-of", true},
		{"The crew reports to Centre 12, the FSB's signals centre.", "Centre 12/government/core.government.numbered-centre", true},
		{"The provincial government of Hainan denied it.", "provincial government of Hainan/government/core.government.local-government-of", true},
		{"The PLA's arms are the Orbital Force, the Cyberspace Force and the Tarn Support Force.", "Tarn Support Force/government/core.government.listed-force", true},
		{"The Orbital Force and the Tarnwick Rovers drew.", "Orbital Force/government", false},
		{"The Senate Harbours Committee wrote to the department.", "Senate Harbours Committee/government/core.government.legislative-committee", true},
		{"Mail at the National Harbours and Information Administration was read.", "National Harbours and Information Administration/government/core.government.national-body", true},
		{"The National Basketball Association fined him.", "National Basketball Association/government", false},
		// a country before a known body's rewritten name is no company's name
		{"Three men said to work for the US Nationwide Safety Company were named.", "Nationwide Safety Company/government/gaz.government.us", true},
		{"Its units were the SSF's Orbital Systems Department and Network Systems Department.", "Orbital Systems Department/government/core.government.listed-force", true},
		{"Phishing reached the Armed Forces of Estonia.", "Armed Forces of Estonia/government/core.government.organ-of-state", true},
		// a person a filing names by one word
		{"Prosecutors also charged a second man identified in the papers as Quan.", "Quan/person/core.person.identified-as", true},
		{"Prosecutors also charged a second man identified in the papers as Quan Li.", "Quan/person/core.person.identified-as", false},
	})
}
