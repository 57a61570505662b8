package rules

import (
	"slices"
	"strings"
	"testing"
)

// tableLabelPack: listPack, some victims and a list-intro rule for targets.
const tableLabelPack = listPack + `  - id: t.orgs
    kind: gazetteer
    type: organization
    entries: [{name: Harbor Lines}, {name: Northgate University}, {name: Tallinn Port}]
    examples: {match: ["Harbor Lines again."]}
  - id: t.targets.list
    kind: topic
    relation: targets
    source: [threat-actor, campaign]
    target: [organization, government, person]
    intros: [victim, victims, targets, "members of"]
    examples: {match: ["Kestrel Bear's victims:\n- Harbor Lines\n"]}
`

func TestTableLabels(t *testing.T) {
	p := packOf(t, tableLabelPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a victims column of a table without actors is the actor's before it",
			"Kestrel Bear claimed a string of breaches in 2023.\n\n| Year | Claimed victim | What was taken |\n|---|---|---|\n| 2021 | Harbor Lines | staff records |\n| 2022 | the Ministry of Ports | mail |\n",
			[]string{"Kestrel Bear -targets-> Harbor Lines", "Kestrel Bear -targets-> Ministry of Ports"}},
		{"a column whose header is no victim label lists nothing",
			"Kestrel Bear claimed a string of breaches in 2023.\n\n| Year | Victim count | Reported by |\n|---|---|---|\n| 2021 | 12 | Harbor Lines |\n",
			nil},
		{"a table whose rows name actors is the table rules' own",
			"Kestrel Bear is noisy.\n\n| Actor | Victims |\n|---|---|\n| Heron Panda | Harbor Lines |\n",
			nil},
		{"a fact box row labelled as targets lists its names for the box's actor",
			"Heron Panda is another group.\n\n| Item | Detail |\n|---|---|\n| Code name | Kestrel Bear |\n| Reported targets | Harbor Lines, Northgate University; the Tallinn Port |\n",
			[]string{"Kestrel Bear -targets-> Harbor Lines", "Kestrel Bear -targets-> Northgate University", "Kestrel Bear -targets-> Tallinn Port"}},
		{"a fact box row after a row naming another actor is still the box's actor's",
			"Kestrel Bear hit ports.\n\n| Item | Detail |\n|---|---|\n| Code name | Kestrel Bear |\n| Overlaps with | Heron Panda |\n| Reported targets | Harbor Lines, Northgate University |\n",
			[]string{"Kestrel Bear -targets-> Harbor Lines", "Kestrel Bear -targets-> Northgate University"}},
		{"a table after an intro whose subject is another actor is that actor's",
			"Kestrel Bear hit ports. Kestrel Bear wrote two loaders.\n\nHeron Panda, a separate crew, claimed a string of breaches in 2023:\n\n| Year | Claimed victim | What was taken |\n|---|---|---|\n| 2021 | Harbor Lines | staff records |\n",
			[]string{"Heron Panda -targets-> Harbor Lines"}},
		{"a fact box naming no actor gives its cells to no one before it",
			"Heron Panda is another group.\n\n| Item | Detail |\n|---|---|\n| Claimed by | an unknown persona |\n| Reported targets | Harbor Lines |\n",
			nil},
		{"only names that open a cell's items are listed",
			"| Item | Detail |\n|---|---|\n| Group | Kestrel Bear |\n| Targets | staff of Harbor Lines, Northgate University |\n",
			[]string{"Kestrel Bear -targets-> Northgate University"}},
		{"a table after an intro lists its key cells",
			"The court named two officials of the Ministry of Ports:\n\n| Name | Role |\n|---|---|\n| Lena Vask | deputy head |\n| Ivo Tamm | engineer |\n",
			[]string{"Ivo Tamm -employed-by-> Ministry of Ports", "Lena Vask -employed-by-> Ministry of Ports"}},
		{"a table the HTML reader wrote (rows with no leading bar) after an intro lists its key cells",
			"The court named two officials of the Ministry of Ports:\n\nName | Role\n\nLena Vask | deputy head\n\nIvo Tamm | engineer\n",
			[]string{"Ivo Tamm -employed-by-> Ministry of Ports", "Lena Vask -employed-by-> Ministry of Ports"}},
		{"a table after a sentence without a colon is no list",
			"The court named two officials of the Ministry of Ports.\n\n| Name | Role |\n|---|---|\n| Lena Vask | deputy head |\n",
			nil},
		{"people listed as victims after an intro",
			"Kestrel Bear read the mail of several officials. The victims included:\n\n- Deputy Minister Lena Vask;\n- Ivo Tamm, a port engineer.\n",
			[]string{"Kestrel Bear -targets-> Ivo Tamm", "Kestrel Bear -targets-> Lena Vask"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := listRelations(t, p, c.text)
			var keep []string
			for _, g := range got {
				if slices.Contains(c.want, g) || !slices.Contains([]string{"targets", "employed-by"}, relType(g)) {
					keep = append(keep, g)
					continue
				}
				t.Errorf("unexpected %q", g)
			}
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q; got %q", w, got)
				}
			}
		})
	}
}

// relType is the type of a relation written "A -type-> B".
func relType(s string) string {
	_, rest, ok := strings.Cut(s, " -")
	if !ok {
		return ""
	}
	typ, _, ok := strings.Cut(rest, "-> ")
	if !ok {
		return ""
	}
	return typ
}
