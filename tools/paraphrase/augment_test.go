package paraphrase

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
)

// augment.sh (make train-pairs, make train-names) refuses to train without
// WordNet and names the Debian package, rather than training a model that
// silently lacks the copies.
func TestAugmentNamesTheMissingWordNet(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	cmd := exec.Command("bash", "augment.sh", t.TempDir(), "1", "0.3", "echo", "trained")
	cmd.Env = append(os.Environ(), "WORDNET_DIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("exit %v, want 2; output:\n%s", err, out)
	}
	if !strings.Contains(string(out), "wordnet-base") || strings.Contains(string(out), "trained") {
		t.Errorf("want the package named and no training; output:\n%s", out)
	}
}

// With WordNet, the trainer gets one --augment per seed, each a folder of
// the corpus's documents rewritten, and the folders are gone afterwards.
func TestAugmentPassesOneFolderPerSeed(t *testing.T) {
	if testing.Short() {
		t.Skip("reads WordNet")
	}
	wordnet := os.Getenv("WORDNET_DIR")
	if wordnet == "" {
		wordnet = "/usr/share/wordnet"
	}
	if _, err := os.Stat(filepath.Join(wordnet, "index.noun")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("WordNet 3.0 is not in %s (required under CI=true; .ci/run installs wordnet-base)", wordnet)
		}
		t.Skip("WordNet 3.0 not installed (Debian wordnet-base)")
	}
	corpus := t.TempDir()
	gold := `{"document": "a.txt", "entities": [{"id": "x", "names": ["Quarrowdene"], "types": ["organization"]}]}`
	for name, text := range map[string]string{"a.txt": "Quarrowdene attacked the large bank quickly.\n", "a.gold.json": gold} {
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The trainer stands in: it lists each folder it is given.
	trainer := `for a in "$@"; do case $a in --augment) ;; *) echo "dir $a"; ls "$a";; esac; done`
	cmd := exec.Command("bash", "augment.sh", corpus, "1 2", "0.3", "bash", "-c", trainer, "trainer")
	cmd.Env = append(os.Environ(), "TMPDIR="+t.TempDir())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	var dirs []string
	for _, line := range strings.Split(string(out), "\n") {
		if d, ok := strings.CutPrefix(line, "dir "); ok {
			dirs = append(dirs, d)
		}
	}
	if len(dirs) != 2 || !strings.HasSuffix(dirs[0], "seed1") || !strings.HasSuffix(dirs[1], "seed2") {
		t.Fatalf("folders %v, want seed1 and seed2; output:\n%s", dirs, out)
	}
	if strings.Count(string(out), "a.txt") != 2 || strings.Count(string(out), "a.gold.json") != 2 {
		t.Errorf("each folder should hold the rewritten document and its gold:\n%s", out)
	}
	for _, d := range dirs {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("%s left behind", d)
		}
	}
}

// make eval-paraphrased says why the rewriter refused (here: a WordNet
// folder missing its data files, which eval.sh's own check does not see)
// instead of exiting mute.
func TestEvalShowsTheRewritersError(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	testenv.RequireTool(t, "python3")
	wordnet := t.TempDir() // index.noun alone: eval.sh passes it, the rewriter does not
	if err := os.WriteFile(filepath.Join(wordnet, "index.noun"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "eval.sh", "false", t.TempDir(), "0.3", "0.15", "1")
	cmd.Env = append(os.Environ(), "WORDNET_DIR="+wordnet)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("exit %v, want 2; output:\n%s", err, out)
	}
	if !strings.Contains(string(out), "paraphrase:") || !strings.Contains(string(out), wordnet) {
		t.Errorf("the rewriter's error (naming %s) is not shown; output:\n%s", wordnet, out)
	}
}
