package rules

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

// namePack has a company gazetteer, the model rule and the model's stop
// lists, so the spans the model reads can be checked without the default
// pack's thousands of rules.
const namePack = `
lists:
  name_model_stop_last: [protocol]
  name_model_stop_first: [windows]
  detection_file_extensions: [pdf, exe]
rules:
  - id: t.company
    kind: gazetteer
    type: organization
    entries: [{name: Acme Corp}]
    examples: {match: ["Acme Corp said so."]}
  - id: t.model
    kind: model
    model: names
    priority: 5
    description: the name model
    examples: {no_match: ["nothing here."]}
`

func nameSpanTexts(t *testing.T, p *Pack, text string) (free, found []string) {
	t.Helper()
	an := testAnalyzer(t)
	for _, c := range p.NameCandidates(text, an.Analyze(text), an) {
		if text[c.Start:c.End] == "" {
			t.Errorf("empty span for %q", c.Text)
		}
		if len(c.Features) == 0 {
			t.Errorf("%q has no features", c.Text)
		}
		if c.Found == "" {
			free = append(free, c.Text)
		} else {
			found = append(found, c.Text+"/"+string(c.Found))
		}
	}
	return free, found
}

// The model reads capitalised names no rule found — joined by "of", without
// a leading "The", and one word in capitals ("NOC": its context tells a
// broadcaster from jargon) — and never code, a letter alone, ordinary words
// in capitals or spans the pack's stop lists name.
func TestNameCandidatesAreNamesNoRuleFound(t *testing.T) {
	p := packOf(t, namePack)
	text := "Analysts at Brindleford Quay said Acme Corp was hit.\n" +
		"The Bank of Tarrowmere confirmed it.\n" +
		"\"Password\": \"Hunter Lane\"\n" +
		"They used Server Message Protocol and Windows Defender Sentry.\n" +
		"Intelligence was shared. NOC staff left, X said."
	free, found := nameSpanTexts(t, p, text)
	if want := []string{"Brindleford Quay", "Bank of Tarrowmere", "NOC"}; !slices.Equal(free, want) {
		t.Errorf("spans read: %q, want %q", free, want)
	}
	if want := []string{"Acme Corp/organization"}; !slices.Equal(found, want) {
		t.Errorf("rule mentions given to training: %q, want %q", found, want)
	}
}

// A span touching a rule's mention is part of that name, not another one.
func TestNameCandidatesSkipSpansTouchingMentions(t *testing.T) {
	p := packOf(t, namePack)
	free, _ := nameSpanTexts(t, p, "Staff of Northwick Acme Corp left.")
	if len(free) != 0 {
		t.Errorf("spans read: %q, want none", free)
	}
}

// uniformModel is a model whose every feature votes for class best: the
// stage's mechanics without a trained model.
func uniformModel(t *testing.T, best int, propose []extractor.EntityType) *NameModel {
	t.Helper()
	types := []extractor.EntityType{extractor.Organization, extractor.Location}
	m, err := NewNameModel(types, propose, 1)
	if err != nil {
		t.Fatal(err)
	}
	w := make([]float64, len(types)+1)
	w[best] = 5
	m.SetWeights(w, make([]float64, len(types)+1))
	m.SetThreshold(0.5, "test")
	return m
}

func TestNameStageRunsOnlyWhenAsked(t *testing.T) {
	p := packOf(t, namePack)
	text := "Brindleford Quay was hit. Later Brindleford Quay paid."
	if got := found(t, p, text); len(got) != 0 {
		t.Errorf("model off by default, found %q", got)
	}
	on := p.WithNameModel(uniformModel(t, 1, []extractor.EntityType{extractor.Organization}))
	want := []string{"Brindleford Quay/organization/t.model", "Brindleford Quay/organization/t.model"}
	if got := found(t, on, text); !slices.Equal(got, want) {
		t.Errorf("found %q, want %q", got, want)
	}
	if got := found(t, on.WithNameModel(nil), text); len(got) != 0 {
		t.Errorf("WithNameModel(nil) found %q", got)
	}
	// A name whose likeliest class is not proposed stays unfound.
	places := p.WithNameModel(uniformModel(t, 2, []extractor.EntityType{extractor.Organization}))
	if got := found(t, places, text); len(got) != 0 {
		t.Errorf("a class not proposed made %q", got)
	}
	// The relation rules after the stage see the model's mentions: here
	// the mention is all there is, and it keeps the model rule's priority.
	res := matchText(t, on, text)
	if len(res.Mentions) != 2 || res.Mentions[0].Priority != 5 {
		t.Errorf("mentions %+v", res.Mentions)
	}
}

func TestNameModelFilesRoundTripAndBadFilesAreRefused(t *testing.T) {
	m := uniformModel(t, 1, []extractor.EntityType{extractor.Organization})
	dir := t.TempDir()
	if err := m.Write(dir); err != nil {
		t.Fatal(err)
	}
	meta := readFile(t, dir+"/"+NameModelMetaFile)
	weights := readFile(t, dir+"/"+NameModelWeightsFile)
	back, err := LoadNameModel(meta, weights)
	if err != nil {
		t.Fatal(err)
	}
	if back.Threshold != 0.5 || !slices.Equal(back.ClassNames(), m.ClassNames()) {
		t.Errorf("read back %v %v", back.Threshold, back.ClassNames())
	}
	p1 := m.Probabilities([]uint32{7}, nil)
	p2 := back.Probabilities([]uint32{7}, nil)
	for i := range p1 {
		if d := p1[i] - p2[i]; d > 1e-3 || d < -1e-3 {
			t.Errorf("class %d: %.4f written, %.4f read", i, p1[i], p2[i])
		}
	}
	for name, bad := range map[string][2]string{
		"classes":  {`{"classes":["organization"],"buckets":1,"bias":[0]}`, "\x00\x00"},
		"weights":  {`{"classes":["none","organization"],"buckets":1,"scale":1,"bias":[0,0]}`, "\x00\x00"},
		"type":     {`{"classes":["none","spaceship"],"buckets":1,"scale":1,"bias":[0,0],"threshold":0.5}`, "\x00\x00\x00\x00"},
		"scale":    {`{"classes":["none","organization"],"buckets":1,"scale":0,"bias":[0,0],"threshold":0.5}`, "\x00\x00\x00\x00"},
		"huge":     {`{"classes":["none","organization"],"buckets":1,"scale":1e999,"bias":[0,0],"threshold":0.5}`, "\x00\x00\x00\x00"},
		"no cut":   {`{"classes":["none","organization"],"buckets":1,"scale":1,"bias":[0,0]}`, "\x00\x00\x00\x00"},
		"twice":    {`{"classes":["none","organization","organization"],"buckets":1,"scale":1,"bias":[0,0,0],"threshold":0.5}`, "\x00\x00\x00\x00\x00\x00"},
		"proposes": {`{"classes":["none","organization"],"propose":["person"],"buckets":1,"scale":1,"bias":[0,0],"threshold":0.5}`, "\x00\x00\x00\x00"},
		"json":     {`{`, ""},
	} {
		if _, err := LoadNameModel([]byte(bad[0]), []byte(bad[1])); err == nil {
			t.Errorf("%s: a bad model file was accepted", name)
		}
	}
}

// The embedded default pack carries a model that loads, and its rule's
// YAML examples (run by `extractor rules test`) exercise it.
func TestDefaultPackHasItsNameModel(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m := p.NameModel()
	if m == nil {
		t.Fatal("no name model in the default pack")
	}
	if m.Threshold <= 0 || m.Threshold >= 1 || m.Trained == "" {
		t.Errorf("threshold %v, trained %q", m.Threshold, m.Trained)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The stage's mentions never overlap the rules' ones — a rule mention that
// runs across a line break, a connector word a rule found — never start
// with a connector, and keep their surface text.
func TestNameStageMentionsAreCleanSpans(t *testing.T) {
	const pack = `
rules:
  - id: t.company
    kind: gazetteer
    type: organization
    entries: [{name: Palo Alto Networks}]
    examples: {match: ["Palo Alto Networks said so."]}
  - id: t.place
    kind: gazetteer
    type: location
    case: sensitive
    entries: [{name: ON}]
    examples: {match: ["Toronto, ON."]}
  - id: t.model
    kind: model
    model: names
    priority: 5
    description: the name model
    examples: {no_match: ["nothing here."]}
`
	on := packOf(t, pack).WithNameModel(uniformModel(t, 1, []extractor.EntityType{extractor.Organization}))
	for _, text := range []string{
		"Palo Alto\nNetworks Zellbrook said so.",
		"Analysts at Brindle ON Quay said so.",
		"Ratings from A & E Zellbrook rose.",
		"Analysts at Tarrow  Biologics said so.",
	} {
		res := matchText(t, on, text)
		end := -1
		for _, m := range res.Mentions {
			if m.Start < end {
				t.Errorf("%q: %q overlaps the mention before it", text, m.Text)
			}
			end = m.End
			if m.Text != text[m.Start:m.End] {
				t.Errorf("%q: mention text %q, span %q", text, m.Text, text[m.Start:m.End])
			}
			if m.Rule == "t.model" && strings.HasPrefix(m.Text, "&") {
				t.Errorf("%q: a name starts with a connector: %q", text, m.Text)
			}
		}
	}
}

// A long document on one line costs what it costs on many: the code test
// reads each sentence once (it once read the whole line per span).
func TestNameSpansOnOneLongLine(t *testing.T) {
	p := packOf(t, namePack)
	var b strings.Builder
	for i := 0; i < 300; i++ {
		b.WriteString("Analysts at Brindleford Quay said 20% of files were lost; Acme Corp agreed. ")
	}
	b.WriteString(`Config: {"Owner": "Hunter Lane"}.`)
	free, _ := nameSpanTexts(t, p, b.String())
	if len(free) != 300 {
		t.Errorf("%d spans read, want 300 (the prose names, not the code's)", len(free))
	}
}

// Capitalised words that are not parties are not read: technique names in
// a row that holds an ATT&CK id, the words of a file name, a headline in
// title case and a heading in capitals. The same names in prose are.
func TestNameCandidatesSkipTechniqueRowsFileNamesAndHeadlines(t *testing.T) {
	p := packOf(t, namePack)
	text := "| T1027.002 | Obfuscated Files: Software Packing |\n" +
		"T1125 Video Capture\n" +
		"The lure was Galaxy Security Panel.exe on the share.\n" +
		"As Harrow Vale Spreads, Tarrow Themes Make Resurgence In Email Threats\n" +
		"The file was named QUAYSIDE HARBOUR EXPANSION BULLETIN.\n" +
		"Staff at Harrow Vale Partners and Brindle Quay Holdings were told.\n"
	free, _ := nameSpanTexts(t, p, text)
	for _, bad := range []string{"Software Packing", "Video Capture", "Galaxy Security", "Tarrow Themes", "QUAYSIDE HARBOUR EXPANSION BULLETIN"} {
		if slices.Contains(free, bad) {
			t.Errorf("%q read as a name candidate; candidates %q", bad, free)
		}
	}
	for _, want := range []string{"Harrow Vale Partners", "Brindle Quay Holdings"} {
		if !slices.Contains(free, want) {
			t.Errorf("%q not read; candidates %q", want, free)
		}
	}
}

func TestTechniqueIDs(t *testing.T) {
	for id, want := range map[string]bool{"T1059": true, "T1027.002": true, "T105": false, "T1027.02": false, "TA0001": false, "T10599": false} {
		if got := techniqueID(id); got != want {
			t.Errorf("techniqueID(%q) = %v, want %v", id, got, want)
		}
	}
	if !hasTechniqueID("| T1566.001 | Spearphishing |") || hasTechniqueID("XT1059 and T1059X") {
		t.Error("hasTechniqueID reads words wrongly")
	}
}

// nameIndicatorPack is namePack with an address rule and a group's
// gazetteer, for the label, indicator and automatic-mode tests.
const nameIndicatorPack = namePack + `
  - id: t.ip
    kind: regex
    type: indicator
    priority: 85
    description: addresses
    regex: '\b\d{1,3}(?:\.|\[\.\])\d{1,3}(?:\.|\[\.\])\d{1,3}(?:\.|\[\.\])\d{1,3}\b'
    examples: {match: ["From 203.0.113.9 it came."]}
  - id: t.group
    kind: gazetteer
    type: threat-actor
    entries: [{name: DarkQuill}]
    examples: {match: ["DarkQuill did it."]}
`

// Labels are not parties: a heading or a bold table cell that is nothing
// but the span, the cells of a table row that lists an indicator, a
// fragment of a longer name its acronym spells, and the words of a file
// name. The same shapes around names in prose, a bare cell or a bullet
// are read.
func TestNameCandidatesSkipLabelsIndicatorRowsAndFragments(t *testing.T) {
	p := packOf(t, nameIndicatorPack)
	text := "## Quarry Lane Findings\n" +
		"**Harrow Vale Findings**\n" +
		"| **Brindle Score** | 4/70 |\n" +
		"| 203.0.113[.]9 | address | Second Relay Fallback |\n" +
		"Staff of the Information and Coastal Transit and Services (ICTS) board met.\n" +
		"The lure was Dalmore Gas Project (Package B) -BULLETIN-01.pdf on the share.\n" +
		"| Harrow Vale Partners | retail |\n" +
		"- Brindle Quay Holdings\n" +
		"Quarry Lane Partners (QLP) said the Tarrow Fen Works were hit.\n"
	free, _ := nameSpanTexts(t, p, text)
	for _, bad := range []string{"Quarry Lane Findings", "Harrow Vale Findings", "Brindle Score", "Second Relay Fallback", "Coastal Transit", "Dalmore Gas Project"} {
		if slices.Contains(free, bad) {
			t.Errorf("%q read as a name candidate; candidates %q", bad, free)
		}
	}
	for _, want := range []string{"Harrow Vale Partners", "Brindle Quay Holdings", "Quarry Lane Partners", "Tarrow Fen Works"} {
		if !slices.Contains(free, want) {
			t.Errorf("%q not read; candidates %q", want, free)
		}
	}
}

func TestLineLabels(t *testing.T) {
	for line, want := range map[string]bool{
		"### **Delta Notes**": true, "**Delta Notes**": true, "**Delta Notes:**": true, "## Delta Notes": true,
		"| **Delta Notes** | x |": true, "Delta Notes": false, "| Delta Notes | x |": false, "- Delta Notes": false,
		"**Delta Notes** said more": false,
	} {
		i := strings.Index(line, "Delta Notes")
		l := &lineFacts{text: line, starts: []int{0}}
		if got := l.label(i, i+len("Delta Notes")); got != want {
			t.Errorf("label in %q = %v, want %v", line, got, want)
		}
	}
}

func personModel(t *testing.T) *NameModel {
	t.Helper()
	m, err := NewNameModel([]extractor.EntityType{extractor.Person}, []extractor.EntityType{extractor.Person}, 1)
	if err != nil {
		t.Fatal(err)
	}
	m.SetWeights([]float64{0, 5}, make([]float64, 2))
	m.SetThreshold(0.5, "test")
	return m
}

// A person's full name has no word with a capital inside but a surname's
// (McDonald); a handle is one word. A name the rules or a gazetteer hold
// written without its space keeps their type.
func TestNameModelPersonShapesAndRuledNames(t *testing.T) {
	p := packOf(t, nameIndicatorPack).WithNameModel(personModel(t))
	text := "Merrin McAlister met the FlintWare ShipDesk team, and GoldQuay wrote to the Dark Quill site."
	got := found(t, p, text)
	want := []string{"Merrin McAlister/person/t.model", "GoldQuay/person/t.model"}
	if !slices.Equal(got, want) {
		t.Errorf("found %q, want %q", got, want)
	}
}

// The automatic mode runs the model on prose and not on a document whose
// mentions are mostly indicators (or dense with them).
func TestNameModelAutoSkipsTechnicalDocuments(t *testing.T) {
	p := packOf(t, nameIndicatorPack)
	m := uniformModel(t, 1, []extractor.EntityType{extractor.Organization})
	prose := "Brindleford Quay was hit in March, and Acme Corp helped."
	tech := "Brindleford Quay was hit from 203.0.113.9, 203.0.113.10 and 203.0.113.11."
	auto, on := p.WithNameModelAuto(m), p.WithNameModel(m)
	model := func(q *Pack, text string) int {
		n := 0
		for _, f := range found(t, q, text) {
			if strings.HasSuffix(f, "/t.model") {
				n++
			}
		}
		return n
	}
	if model(auto, prose) != 1 || model(on, prose) != 1 {
		t.Errorf("prose: auto %d, on %d model mentions, want 1 and 1", model(auto, prose), model(on, prose))
	}
	if model(auto, tech) != 0 || model(on, tech) != 1 {
		t.Errorf("technical: auto %d, on %d model mentions, want 0 and 1", model(auto, tech), model(on, tech))
	}
	if p.WithNameModelAuto(nil).names != nil {
		t.Error("WithNameModelAuto(nil) runs a model")
	}
}

// The items of a list whose intro speaks of companies, firms or entities
// (name_model_company_list_intros) are no people, in bullets or
// after a colon, whatever the model reads; a list of people is read.
func TestNameModelNoPersonInCompanyLists(t *testing.T) {
	p := packOf(t, strings.Replace(namePack, "lists:\n", "lists:\n  name_model_company_list_intros: [companies, firms, firm, entities]\n  name_model_person_list_intros: [individuals]\n", 1)).
		WithNameModel(personModel(t))
	for _, c := range []struct {
		text string
		want []string
	}{
		{"The following companies were fined:\n\n- Kelvani Ostrelle\n- Dravmoor Kessing\n", nil},
		{"Entities named in the order:\n\n- Varnholt Quessan\n", nil},
		{"Firms: Kelvani Ostrelle, Dravmoor Kessing and Talvique Brackwell.", nil},
		{"The regulator fined three firms: **Kelvani Ostrelle** and Dravmoor Kessing.", nil},
		{"The following men were charged:\n\n- Merrin Talbot\n", []string{"Merrin Talbot/person/t.model"}},
		{"Charged: Merrin Talbot, who runs the firms.", []string{"Merrin Talbot/person/t.model"}},
		{"The firms said Merrin Talbot: was wrong.", []string{"Merrin Talbot/person/t.model"}},
		// only the intro's head decides, and people beside it keep persons
		{"Regulators designated the following individuals and entities:\n\n- Merrin Talbot\n", []string{"Merrin Talbot/person/t.model"}},
		{"The firm named its co-founders: Merrin Talbot and Quessa Brandholt.", []string{"Merrin Talbot/person/t.model", "Quessa Brandholt/person/t.model"}},
		{"According to the companies, the attackers were identified: Merrin Talbot.", []string{"Merrin Talbot/person/t.model"}},
	} {
		if got := found(t, p, c.text); !slices.Equal(got, c.want) {
			t.Errorf("%q: found %q, want %q", c.text, got, c.want)
		}
	}
}

// A name right after "a spokesperson for" (name_model_not_person_after)
// is the body the speaker speaks for: the model proposes no person there,
// and still proposes the speaker named elsewhere.
func TestNameModelNoPersonAfterSpokespersonFor(t *testing.T) {
	p := packOf(t, strings.Replace(namePack, "lists:\n", "lists:\n  name_model_not_person_after: [\"spokesperson for\", \"representative of\"]\n", 1)).
		WithNameModel(personModel(t))
	for _, c := range []struct {
		text string
		want []string
	}{
		{"A spokesperson for Velmorrow Biologics said the breach was contained.", nil},
		{"A representative of Velmorrow Biologics declined to comment.", nil},
		{"Merrin Talbot, a spokesperson for the firm, said so.", []string{"Merrin Talbot/person/t.model"}},
		{"A spokesperson said Merrin Talbot was wrong.", []string{"Merrin Talbot/person/t.model"}},
	} {
		if got := found(t, p, c.text); !slices.Equal(got, c.want) {
			t.Errorf("%q: found %q, want %q", c.text, got, c.want)
		}
	}
}

// The name model reads the words beside a span by the pack lists they are
// in, so that "a consultancy" teaches what "a firm" does: a list item of
// several words gives its head, a word of two lists has both groups, and a
// list the pack lacks gives nothing.
func TestNameWordTagsGroupListWordsByHead(t *testing.T) {
	lists := map[string]*listSpec{
		"rel_firm_nouns":      {items: []strItem{{s: "consultancy"}, {s: "security firm"}}},
		"org_intro_nouns":     {items: []strItem{{s: "Firm"}}},
		"person_speech_verbs": {items: []strItem{{s: "said"}}},
		"org_unit_heads":      {items: []strItem{{s: "Office"}}},
		"government_heads":    {items: []strItem{{s: "Office"}}},
	}
	tags := nameWordTags(lists)
	for word, want := range map[string][]string{
		"consultancy": {"org"},
		"firm":        {"org"}, // "security firm" and "Firm": one group, once
		"said":        {"say"},
		"office":      {"gov", "unit"},
		"security":    nil, // not the head of "security firm"
	} {
		got := append([]string(nil), tags[word]...)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("tags[%q] = %v, want %v", word, got, want)
		}
	}
	if _, ok := nameWordTags(nil)["firm"]; ok {
		t.Error("no lists: no tags")
	}
}

// A run of names may hold a place the rules read whole ("Wuhan Earthquake
// Monitoring Centre", "District of Kansas"), and a name the model proposes
// there replaces the place; a place alone, a place and one ordinary word
// ("Tarrowmere Officials") and a place cut by the run's edge are not read.
func TestNameCandidatesHoldWholePlaces(t *testing.T) {
	const pack = `
lists:
  person_titles: [Secretary, Minister]
  given_names: [Brannock]
  public_body_nouns: [Centre, Fund, District]
rules:
  - id: t.place
    kind: gazetteer
    type: location
    entries: [{name: Tarrowmere}, {name: Costa Verde}, {name: The Quellmark}]
    examples: {match: ["Tarrowmere is far."]}
  - id: t.model
    kind: model
    model: names
    priority: 5
    description: the name model
    examples: {no_match: ["nothing here."]}
`
	p := packOf(t, pack)
	for text, want := range map[string][]string{
		"The Tarrowmere Seismic Monitoring Centre was hit.": {"Tarrowmere Seismic Monitoring Centre"},
		"Prosecutors of the District of Tarrowmere spoke.":  {"District of Tarrowmere"},
		"The Costa Verde Social Fund was hit.":              {"Costa Verde Social Fund"},
		"Tarrowmere Officials struck.":                      nil,
		"They flew to Tarrowmere on Monday.":                {"Monday"}, // a place joins by "of" alone
		// a place cut by the run's edge (the dropped "The" of "The
		// Quellmark") is not held whole
		"Staff at The Quellmark Cyber Centre left.": nil,
		// a run with a place ends in a body's head: a title, a given
		// name or another word after the place makes it a post, a
		// person or an event, and the place stays (the run is not split:
		// the person after the title is left to the rules)
		"Tarrowmere Secretary of State Brannock Quell said so.": nil,
		"Visitors of Tarrowmere Saint Quay were phished.":       nil,
		"The Tarrowmere Olympics were hit.":                     nil,
	} {
		free, _ := nameSpanTexts(t, p, text)
		if !slices.Equal(free, want) {
			t.Errorf("%q: spans read %q, want %q", text, free, want)
		}
	}
	on := p.WithNameModel(uniformModel(t, 1, []extractor.EntityType{extractor.Organization}))
	checkMentions(t, on, []mentionCase{{"The Tarrowmere Seismic Monitoring Centre was hit.",
		[]string{"Tarrowmere Seismic Monitoring Centre/organization"}}}, textType)
}

// Ordinary news text (review rev19a) in which the default pack's name
// model must read no span: a run holding a place with a title, a given
// name or a word that is no body's head ("Ohio Secretary of State Frank
// LaRose", "Beijing Olympics"), a place and a plural of people ("Iranian
// Hackers"), one word in capitals that is jargon or a role ("PR", "DPO",
// "CERT"). The name of a body holding a place, and a broadcaster's
// acronym named as one, are still read.
func TestDefaultNameCandidatesSkipPostsPeopleAndJargon(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the default pack")
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	read := func(text string) []string {
		var out []string
		for _, c := range p.NameCandidates(text, an.Analyze(text), an) {
			if c.Found == "" {
				out = append(out, c.Text)
			}
		}
		return out
	}
	for text, never := range map[string][]string{
		"Ohio Secretary of State Frank LaRose said the election was not affected.":                  {"Ohio"},
		"Prime Minister of Japan Fumio Kishida condemned the hack.":                                 {"Japan"},
		"President of Ukraine Volodymyr Zelensky said the grid was attacked.":                       {"Ukraine"},
		"Visitors of Paris Saint Germain were phished, police said.":                                {"Visitors"},
		"The Beijing Olympics were targeted by Russian Hackers, officials said.":                    {"Beijing", "Russian"},
		"The report said Iranian Hackers were active.":                                              {"Iranian"},
		"Officials said North Korean Hackers stole the funds.":                                      {"Korean"},
		"The PR team at the firm said the CEO would resign.":                                        {"PR"},
		"The DPO said the regulator had been informed.":                                             {"DPO"},
		"The agency's CISO said MFA was not enforced, while the CERT said it had shared every IOC.": {"CISO", "CERT", "MFA"},
		"The council's ICT manager said the IDS flagged the traffic.":                               {"IDS", "ICT"},
		"A ministry spokesperson said the RCE bug had been known since January.":                    {"RCE"},
		"The ministry said PII of 200 diplomats was exposed, and that HIPAA did not apply.":         {"PII", "HIPAA"},
		"The SOC said the alerts were ignored, and the ISP said the outage lasted four hours.":      {"SOC", "ISP"},
	} {
		for _, c := range read(text) {
			for _, w := range never {
				if slices.Contains(strings.Fields(c), w) {
					t.Errorf("%q: reads %q", text, c)
				}
			}
		}
	}
	for text, want := range map[string]string{
		"Staff of the Wuhan Earthquake Monitoring Centre said the attack was foreign.": "Wuhan Earthquake Monitoring Centre",
		"The hackers also hit the broadcasters BR and NDR last year.":                  "NDR",
	} {
		if got := read(text); !slices.Contains(got, want) {
			t.Errorf("%q: reads %q, want %q among them", text, got, want)
		}
	}
}
