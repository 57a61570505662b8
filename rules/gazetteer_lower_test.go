package rules

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// englishWords reads the English word list that decides which coined names
// may match in lower case (gazetteer_lower.go): the lower-case entries of
// Debian's wamerican (/usr/share/dict/words) and the one-word lemmas of
// WordNet (wordnet-base), which has words wamerican lacks ("responder").
// Both are installed by .ci/run; elsewhere the test skips without them.
func englishWords(t *testing.T) map[string]bool {
	t.Helper()
	words := map[string]bool{}
	read := func(path string, line func(string)) bool {
		f, err := os.Open(path)
		if err != nil {
			return false
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line(sc.Text())
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		return true
	}
	ok := read("/usr/share/dict/words", func(w string) {
		w = strings.TrimSpace(w)
		if w != "" && w == strings.ToLower(w) && !strings.Contains(w, "'") {
			words[w] = true
		}
	})
	wn := os.Getenv("WORDNET_DIR")
	if wn == "" {
		wn = "/usr/share/wordnet"
	}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		ok = read(filepath.Join(wn, "index."+pos), func(l string) {
			if l == "" || l[0] == ' ' {
				return // licence header
			}
			if w, _, _ := strings.Cut(l, " "); !strings.Contains(w, "_") {
				words[w] = true
			}
		}) && ok
	}
	if !ok {
		if os.Getenv("CI") == "true" {
			t.Fatal("no English word list: install wamerican and wordnet-base (.ci/run does)")
		}
		t.Skip("no English word list at /usr/share/dict/words and /usr/share/wordnet (wamerican, wordnet-base)")
	}
	return words
}

// TestGazetteerLowercaseWords checks that every name of a `lowercase: true`
// gazetteer of the default pack that would match in lower case and spells
// an English word there is in the pack list gazetteer_lowercase_words, so
// that no tool name turns a word ("bloodhound", "responder") into a tool.
func TestGazetteerLowercaseWords(t *testing.T) {
	words := englishWords(t)
	files, err := filepath.Glob(filepath.Join("pack", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	type entry struct {
		Name    string   `yaml:"name"`
		Aliases []string `yaml:"aliases"`
		Common  *bool    `yaml:"common"`
		Context bool     `yaml:"context"`
		Case    string   `yaml:"case"`
	}
	type rule struct {
		ID        string      `yaml:"id"`
		Case      string      `yaml:"case"`
		Common    bool        `yaml:"common"`
		Lowercase bool        `yaml:"lowercase"`
		Entries   []yaml.Node `yaml:"entries"`
	}
	listed := map[string]bool{}
	var missing []string
	rules, names := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Lists map[string][]string `yaml:"lists"`
			Rules []rule              `yaml:"rules"`
		}
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, w := range doc.Lists[listGazetteerLowercaseWords] {
			listed[strings.ToLower(w)] = true
		}
		for _, r := range doc.Rules {
			if !r.Lowercase || (r.Case != "" && r.Case != "auto") {
				continue
			}
			rules++
			for _, n := range r.Entries {
				var e entry
				if n.Kind == yaml.ScalarNode {
					e.Name = n.Value
				} else if err := n.Decode(&e); err != nil {
					t.Fatalf("%s: %s: %v", f, r.ID, err)
				}
				common := r.Common
				if e.Common != nil {
					common = *e.Common
				}
				if common || e.Context || (e.Case != "" && e.Case != "auto") {
					continue
				}
				for _, name := range append([]string{e.Name}, e.Aliases...) {
					if !coinedName(name) {
						continue
					}
					names++
					if low := strings.ToLower(strings.TrimSpace(name)); words[low] {
						missing = append(missing, low+" ("+r.ID+")")
					}
				}
			}
		}
	}
	if rules == 0 || names < 100 {
		t.Fatalf("found %d lowercase gazetteers with %d coined names; expected the tool lists", rules, names)
	}
	var notListed []string
	for _, m := range missing {
		if w, _, _ := strings.Cut(m, " "); !listed[w] {
			notListed = append(notListed, m)
		}
	}
	sort.Strings(notListed)
	if len(notListed) > 0 {
		t.Errorf("coined names that spell English words in lower case; add them to %s: %s",
			listGazetteerLowercaseWords, strings.Join(notListed, ", "))
	}
}

func TestCoinedName(t *testing.T) {
	for name, want := range map[string]bool{
		"Mimikatz": true, "PsExec.exe": true, "Evil-WinRM": true, "WinRAR": true,
		"WCE": false, "RDP": false, "Pupy": false, "Cobalt Strike": false, "certutil": true,
	} {
		if got := coinedName(name); got != want {
			t.Errorf("coinedName(%q) = %v, want %v", name, got, want)
		}
	}
}
