package rules

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// cueSynonyms lists, for cue words of the relation rules, what a
// synonym-swapping paraphraser (a thesaurus-driven "article rewriter")
// writes in their place: the common synonyms and the clumsy near-synonyms
// such tools are known for ("marketing campaign" for "campaign",
// "primarily based in" for "based in", "utilized by" for "employed by").
// Written by us from general English usage; no report text.
var cueSynonyms = []struct {
	from string
	to   []string
}{
	// attribution and ties
	{"attributed to", []string{"ascribed to", "credited to", "traced to", "assigned to", "pinned on"}},
	{"attributed", []string{"ascribed", "credited", "traced"}},
	{"linked to", []string{"tied to", "connected to", "related to", "associated with"}},
	{"tied to", []string{"linked to", "connected to", "related to"}},
	{"associated with", []string{"related to", "connected with", "linked with", "affiliated with"}},
	{"affiliated with", []string{"associated with", "connected to", "linked to", "allied with"}},
	{"connected to", []string{"linked to", "tied to", "related to"}},
	{"on behalf of", []string{"for", "at the behest of", "in the service of", "on the part of"}},
	{"sponsored", []string{"backed", "supported", "funded", "financed"}},
	{"backed", []string{"sponsored", "supported", "funded"}},
	{"state-sponsored", []string{"state-backed", "state-supported", "state-funded"}},
	{"directed by", []string{"tasked by", "steered by", "guided by", "overseen by"}},
	{"tasked by", []string{"directed by", "instructed by", "commissioned by"}},
	{"run by", []string{"operated by", "managed by", "controlled by"}},
	{"operated by", []string{"run by", "managed by", "controlled by"}},
	{"owned by", []string{"held by", "controlled by"}},
	{"responsible for", []string{"accountable for", "behind"}},
	// employment and contracts
	{"works for", []string{"functions for", "operates for", "serves", "labors for"}},
	{"worked for", []string{"functioned for", "operated for", "served", "labored for"}},
	{"working for", []string{"functioning for", "operating for", "serving", "laboring for"}},
	{"employed by", []string{"utilized by", "hired by", "engaged by", "retained by"}},
	{"employee of", []string{"worker at", "staff member of", "worker of"}},
	{"employees of", []string{"workers at", "staff members of", "workers of"}},
	{"hired", []string{"recruited", "engaged", "retained", "employed"}},
	{"contractor", []string{"subcontractor", "supplier", "provider", "vendor"}},
	{"contractors", []string{"subcontractors", "suppliers", "providers", "vendors"}},
	{"front company", []string{"front firm", "front business", "shell company", "cover company"}},
	{"subsidiary", []string{"affiliate", "offshoot", "arm"}},
	{"officers", []string{"officials", "agents", "operatives"}},
	{"founder", []string{"co-founder", "creator"}},
	{"chief executive", []string{"CEO", "head", "boss"}},
	// places
	{"based in", []string{"primarily based in", "situated in", "headquartered in", "positioned in", "located in"}},
	{"located in", []string{"situated in", "positioned in", "based in", "found in"}},
	{"headquartered in", []string{"based in", "situated in", "primarily based in", "established in"}},
	{"analyst at", []string{"expert at", "specialist at", "research worker at"}},
	{"researcher at", []string{"expert at", "specialist at", "research worker at"}},
	{"offices in", []string{"workplaces in", "premises in", "branches in"}},
	{"office in", []string{"workplace in", "branch in"}},
	// parts
	{"part of", []string{"a part of", "a component of", "an element of", "a section of"}},
	{"unit of", []string{"division of", "arm of", "branch of", "element of"}},
	{"bureau", []string{"office", "division", "branch", "department"}},
	{"ministry", []string{"department"}},
	{"department", []string{"division", "section", "branch"}},
	// actors and operations
	{"hacking group", []string{"hacking outfit", "hacking crew", "hacking team", "hacking collective", "hacker gang"}},
	{"group", []string{"outfit", "crew", "team", "collective", "gang", "gaggle"}},
	{"hackers", []string{"attackers", "intruders", "operators"}},
	{"campaign", []string{"marketing campaign", "operation", "offensive", "effort"}},
	{"campaigns", []string{"marketing campaigns", "operations", "offensives"}},
	{"espionage", []string{"spying", "cyber-spying", "intelligence gathering"}},
	// targeting and intrusion
	{"targeted", []string{"focused on", "aimed at", "went after", "attacked", "singled out", "centered on"}},
	{"targets", []string{"focuses on", "aims at", "goes after", "attacks"}},
	{"targeting", []string{"focusing on", "aiming at", "going after", "attacking", "concentrating on"}},
	{"target", []string{"focus on", "aim at", "go after", "attack"}},
	{"compromised", []string{"breached", "penetrated", "infiltrated", "hacked"}},
	{"breached", []string{"compromised", "penetrated", "infiltrated", "hacked"}},
	{"hacked", []string{"breached", "compromised", "penetrated"}},
	{"attacks on", []string{"assaults on", "attacks towards", "strikes on", "raids on"}},
	{"attacks against", []string{"assaults on", "attacks towards", "strikes against"}},
	{"against", []string{"towards", "versus"}},
	{"victims", []string{"casualties", "targets", "sufferers"}},
	{"included", []string{"comprised", "encompassed", "embraced", "spanned", "counted"}},
	{"include", []string{"comprise", "embody", "encompass", "embrace", "incorporate"}},
	{"includes", []string{"comprises", "embodies", "encompasses", "incorporates"}},
	{"including", []string{"comprising", "together with", "along with", "encompassing"}},
	{"such as", []string{"like", "corresponding to", "similar to", "including"}},
	// use and exploitation
	{"used", []string{"utilized", "employed", "leveraged", "relied on", "made use of", "wielded"}},
	{"uses", []string{"utilizes", "employs", "leverages", "relies on", "makes use of"}},
	{"using", []string{"utilizing", "employing", "leveraging", "making use of"}},
	{"use", []string{"utilize", "employ", "leverage", "make use of"}},
	{"deployed", []string{"used", "installed", "planted", "rolled out", "delivered"}},
	{"deploys", []string{"installs", "plants", "rolls out", "delivers"}},
	{"exploited", []string{"abused", "leveraged", "took advantage of", "capitalized on", "weaponized"}},
	{"exploiting", []string{"abusing", "leveraging", "taking advantage of"}},
	{"exploits", []string{"abuses", "leverages", "takes advantage of"}},
	{"developed", []string{"built", "created", "authored", "designed"}},
	{"carried out", []string{"conducted", "performed", "executed", "undertook", "perpetrated"}},
	// naming
	{"also known as", []string{"often known as", "also recognized as", "in any other case known as", "also called"}},
	{"known as", []string{"recognized as", "referred to as", "called"}},
	{"employed by", []string{"utilized by", "hired by"}},
	{"attacks on", []string{"assaults on", "raids on"}},
	{"campaign against", []string{"offensive against", "marketing campaign against"}},
	// people and bodies
	{"charged", []string{"indicted", "accused", "prosecuted"}},
	{"member of", []string{"a part of", "an affiliate of"}},
	{"worked at", []string{"labored at", "was employed at", "served at"}},
	{"founded", []string{"established", "set up", "started", "created"}},
	{"led by", []string{"headed by", "run by", "directed by", "helmed by"}},
	{"headed by", []string{"led by", "run by", "directed by"}},
	{"subsidiary of", []string{"affiliate of", "arm of", "unit of"}},
	{"reports to", []string{"answers to"}},
	{"under", []string{"beneath", "underneath"}},
	{"within", []string{"inside", "inside of"}},
	{"belonging to", []string{"owned by", "a part of"}},
	{"overseen by", []string{"supervised by", "managed by"}},
	{"stole", []string{"pilfered", "took", "swiped"}},
	{"stolen", []string{"pilfered", "taken"}},
	{"conducted", []string{"carried out", "performed", "executed", "undertook"}},
	// swaps read in machine-paraphrased news (session 14): "operations in
	// help of the state", "which relies in Beijing", "a regional workplace
	// of the ministry", "on the behest of", "a gaggle tied to" (see "group")
	{"in support of", []string{"in help of", "in assist of"}},
	{"is based in", []string{"relies in"}},
	{"office of", []string{"workplace of"}},
	{"at the behest of", []string{"on the behest of"}},
	{"in association with", []string{"in affiliation with"}},
	{"government", []string{"authorities"}},
	{"the United States", []string{"america"}},
	{"foreign", []string{"overseas", "international"}},
	{"companies", []string{"corporations", "firms"}},
	{"link", []string{"hyperlink"}},
	{"acting as", []string{"appearing as"}},
	{"at the", []string{"on the"}},
}

// paraphraseVariant is one example with one cue swapped for a synonym.
type paraphraseVariant struct {
	rule, from, to, text string
	expect               []string
}

// paraphraseVariants builds, for every match example of the default pack's
// relation rules that expects relations, the variants with one cue phrase
// swapped, outside the expected ends' names.
func paraphraseVariants(p *Pack) []paraphraseVariant {
	var out []paraphraseVariant
	for _, r := range p.rules {
		if r.kind != KindRelation && r.kind != KindTopic {
			continue
		}
		for _, ex := range r.spec.match {
			if ex.any || len(ex.expect) == 0 {
				continue
			}
			var names []string
			for _, s := range ex.expect {
				if e, ok := parseRelExpect(s); ok {
					names = append(names, e.source, e.target)
				}
			}
			for _, cs := range cueSynonyms {
				loc := cueLoc(ex.text, cs.from, names)
				if loc == nil {
					continue
				}
				for _, to := range cs.to {
					w := to
					if r, _ := utf8.DecodeRuneInString(ex.text[loc[0]:]); unicode.IsUpper(r) {
						w = strings.ToUpper(to[:1]) + to[1:]
					}
					out = append(out, paraphraseVariant{rule: r.id, from: cs.from, to: to,
						text: ex.text[:loc[0]] + w + ex.text[loc[1]:], expect: ex.expect})
				}
			}
		}
	}
	return out
}

// cueLoc finds the first whole-word occurrence of phrase in text, case
// folded, that is not inside one of names.
func cueLoc(text, phrase string, names []string) []int {
	re := regexp.MustCompile(`(?i)(^|[^\pL\pN-])(` + regexp.QuoteMeta(phrase) + `)($|[^\pL\pN-])`)
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		start, end := m[4], m[5]
		// A capitalised cue inside a sentence is part of a name ("Lazarus
		// Group"); name shapes are another matter.
		if r, _ := utf8.DecodeRuneInString(text[start:]); unicode.IsUpper(r) && !sentenceStart(text, start) {
			continue
		}
		inside := false
		for _, n := range names {
			for i := 0; n != "" && i <= len(text)-len(n); {
				k := strings.Index(text[i:], n)
				if k < 0 {
					break
				}
				if i+k < end && start < i+k+len(n) {
					inside = true
				}
				i += k + 1
			}
		}
		if !inside {
			return []int{start, end}
		}
	}
	return nil
}

// survives reports whether every expected relation is found, by any rule.
func survives(p *Pack, v paraphraseVariant, t *testing.T) bool {
	an := testAnalyzer(t)
	out := p.Match(v.text, an.Analyze(v.text), an)
	for _, s := range v.expect {
		e, _ := parseRelExpect(s)
		found := false
		for _, m := range out.Relations {
			if m.Type == e.typ && endpointIs(out, v.text, m.Source, e.source) && endpointIs(out, v.text, m.Target, e.target) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// TestRelationsSurviveCueSynonyms swaps the cue words of the pack's own
// relation examples for synonyms and checks how many relations are still
// found: a measure of how well the pack reads paraphrased text. It fails
// when the share drops below the floor reached when it was written; with
// -v it lists the swaps that lose the relation, by cue.
func TestRelationsSurviveCueSynonyms(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pack on thousands of sentences")
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	vs := paraphraseVariants(p)
	if len(vs) < 500 {
		t.Fatalf("only %d variants: the synonym table no longer meets the examples", len(vs))
	}
	lost := map[string][]string{}
	kept := 0
	for _, v := range vs {
		if survives(p, v, t) {
			kept++
			continue
		}
		k := v.from + " → " + v.to
		lost[k] = append(lost[k], fmt.Sprintf("%s: %q", v.rule, v.text))
	}
	share := float64(kept) / float64(len(vs))
	t.Logf("relations kept under cue synonyms: %d of %d variants (%.3f)", kept, len(vs), share)
	keys := make([]string, 0, len(lost))
	for k := range lost {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(lost[keys[i]]) != len(lost[keys[j]]) {
			return len(lost[keys[i]]) > len(lost[keys[j]])
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		t.Logf("lost %3d  %s  e.g. %s", len(lost[k]), k, lost[k][0])
		if testing.Verbose() && os.Getenv("PARAPHRASE_ALL") != "" {
			for _, l := range lost[k][1:] {
				t.Logf("          %s", l)
			}
		}
	}
	const floor = 0.85
	if share < floor {
		t.Errorf("relations kept under cue synonyms fell to %.3f (floor %.3f)", share, floor)
	}
}

// sentenceStart reports whether only spaces stand between i and the start
// of the text or the end of a sentence or line.
func sentenceStart(text string, i int) bool {
	k := len(strings.TrimRight(text[:i], " \t"))
	return k == 0 || strings.ContainsRune(".!?\n:\"", rune(text[k-1]))
}

// nameWordSynonyms lists words of organisation, government and actor names
// with what a synonym-swapping rewriter puts in their place ("Ministry of
// State Safety", "Integrity Know-how Group", "Federal Bureau of Inquiry",
// "Flax Hurricane"). Written by us from general English usage.
var nameWordSynonyms = []struct {
	from string
	to   []string
}{
	{"Security", []string{"Safety"}},
	{"Technology", []string{"Know-how", "Expertise"}},
	{"Technologies", []string{"Applied sciences", "Know-how"}},
	{"Department", []string{"Division"}},
	{"Investigation", []string{"Inquiry"}},
	{"Information", []string{"Data", "Info"}},
	{"National", []string{"Nationwide"}},
	{"Typhoon", []string{"Hurricane", "Storm", "Cyclone"}},
	{"Army", []string{"Military"}},
	{"Liberation", []string{"Freedom"}},
	{"Center", []string{"Centre"}},
	{"Network", []string{"Community"}},
	{"Development", []string{"Growth"}},
	{"University", []string{"College"}},
	{"Research", []string{"Analysis"}},
	{"Defense", []string{"Protection"}},
	{"Energy", []string{"Vitality"}},
	{"Software", []string{"Software program"}},
	{"Foundation", []string{"Basis"}},
}

// TestNamesSurviveWordSynonyms swaps words of the names the pack's entity
// examples expect for a rewriter's synonyms and checks the renamed mention
// still comes out with the type the original had. Like the cue test it
// measures, with a floor; -v lists what is lost.
func TestNamesSurviveWordSynonyms(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pack on many sentences")
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	typeOf := func(text, name string) string {
		out := p.Match(text, an.Analyze(text), an)
		for _, m := range out.Mentions {
			if text[m.Start:m.End] == name {
				return string(m.Type)
			}
		}
		return ""
	}
	total, kept := 0, 0
	lost := map[string][]string{}
	for _, r := range p.rules {
		if r.kind == KindRelation || r.kind == KindTopic || r.kind == KindHeadline || r.kind == KindStop || r.kind == KindAlias || r.kind == KindTable {
			continue
		}
		for _, ex := range r.spec.match {
			for _, name := range ex.expect {
				for _, ws := range nameWordSynonyms {
					re := regexp.MustCompile(`\b` + regexp.QuoteMeta(ws.from) + `\b`)
					if !re.MatchString(name) || !strings.Contains(ex.text, name) {
						continue
					}
					want := typeOf(ex.text, name)
					if want == "" || want == "location" || want == "sector" {
						continue
					}
					for _, to := range ws.to {
						newName := re.ReplaceAllLiteralString(name, to)
						text := strings.ReplaceAll(ex.text, name, newName)
						total++
						if typeOf(text, newName) == want {
							kept++
							continue
						}
						k := ws.from + " → " + to
						lost[k] = append(lost[k], fmt.Sprintf("%s: %q (%s) in %q", r.id, newName, want, text))
					}
				}
			}
		}
	}
	if total < 50 {
		t.Fatalf("only %d variants: the synonym table no longer meets the examples", total)
	}
	share := float64(kept) / float64(total)
	t.Logf("names typed as before under word synonyms: %d of %d variants (%.3f)", kept, total, share)
	keys := make([]string, 0, len(lost))
	for k := range lost {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, l := range lost[k] {
			t.Logf("lost  %s  %s", k, l)
		}
	}
	const floor = 0.90
	if share < floor {
		t.Errorf("names typed as before under word synonyms fell to %.3f (floor %.3f)", share, floor)
	}
}
