// Package genmisp holds only this test: the generated gazetteers
// (rules/pack/gaz-threat-actors-misp.yaml and gaz-malware-misp.yaml) must be
// what gen_misp.py and gen_software.py write from the catalogues and the
// hand-written lists today. A hand-written entry added later (DearCry,
// Remote Manipulator System) changes the generated file too (the family's
// other names become aliases of the hand-written entry instead of an entry of
// their own), so a hand edit of either side without a rerun drifts apart.
package genmisp

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
)

func generate(t *testing.T, script string, args ...string) []byte {
	t.Helper()
	py := testenv.RequireTool(t, "python3")
	if err := exec.Command(py, "-c", "import yaml").Run(); err != nil {
		testenv.Missing(t, "PyYAML (Debian python3-yaml) is not installed")
	}
	if _, err := os.Stat("/usr/share/dict/words"); err != nil {
		testenv.Missing(t, "/usr/share/dict/words (Debian wamerican) is absent")
	}
	cmd := exec.Command(py, append([]string{script, testenv.RepoRoot()}, args...)...)
	cmd.Env = append(cmd.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, stderr.String())
	}
	return out
}

// refTexts are the reference English texts of tools/gen-misp/README.md.
func refTexts(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(testenv.SharedDir(t, "data", "annotated", "annoctr", "text"), "*"))
	if err != nil || len(files) == 0 {
		testenv.Missing(t, "no AnnoCTR texts under ../shared/data/annotated/annoctr/text")
	}
	return files
}

func compare(t *testing.T, committed string, got []byte, how string) {
	t.Helper()
	want, err := os.ReadFile(filepath.Join(testenv.RepoRoot(), "rules", "pack", committed))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(want, got) {
		return
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	var diff []string
	ws := map[string]bool{}
	for _, l := range wl {
		ws[l] = true
	}
	gs := map[string]bool{}
	for _, l := range gl {
		gs[l] = true
		if !ws[l] {
			diff = append(diff, "+ "+l)
		}
	}
	for _, l := range wl {
		if !gs[l] {
			diff = append(diff, "- "+l)
		}
	}
	if len(diff) > 20 {
		diff = diff[:20]
	}
	t.Errorf("rules/pack/%s is not what the generator writes; regenerate it (%s):\n%s",
		committed, how, strings.Join(diff, "\n"))
}

func TestThreatActorGazetteerIsGenerated(t *testing.T) {
	misp := testenv.SharedDir(t, "data", "gazetteers", "misp-galaxy")
	got := generate(t, "gen_misp.py", append([]string{misp}, refTexts(t)...)...)
	compare(t, "gaz-threat-actors-misp.yaml", got, "tools/gen-misp/README.md, gen_misp.py")
}

func TestSoftwareGazetteerIsGenerated(t *testing.T) {
	misp := testenv.SharedDir(t, "data", "gazetteers", "misp-galaxy")
	bundle := filepath.Join(testenv.SharedDir(t, "data", "gazetteers", "attack-enterprise"),
		"enterprise-groups-campaigns-software-relationships.bundle.json")
	got := generate(t, "gen_software.py", append([]string{misp, bundle}, refTexts(t)...)...)
	compare(t, "gaz-malware-misp.yaml", got, "tools/gen-misp/README.md, gen_software.py")
}
