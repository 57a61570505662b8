package document

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// htmlWordsFile holds the HTML reader's word lists: the class/id words of
// page furniture, the aside and byline words (html_words.yaml, documented
// there and in docs/dependencies.md). An engineer edits the file and
// rebuilds.
//
//go:embed html_words.yaml
var htmlWordsFile []byte

// htmlWordLists is html_words.yaml.
type htmlWordLists struct {
	BoilerplateTags      []string `yaml:"boilerplate_tags"`
	BoilerplateRoles     []string `yaml:"boilerplate_roles"`
	BoilerplateWords     []string `yaml:"boilerplate_words"`
	BoilerplateTokens    []string `yaml:"boilerplate_tokens"`
	BoilerplatePairs     []string `yaml:"boilerplate_pairs"`
	AsideFurnitureWords  []string `yaml:"aside_furniture_words"`
	AsideFurnitureTokens []string `yaml:"aside_furniture_tokens"`
	BylineLeadVerbs      []string `yaml:"byline_lead_verbs"`
	BylinePrefixVerbs    []string `yaml:"byline_prefix_verbs"`
}

// htmlWords is the embedded file, read when the package starts: a broken
// file is a build mistake, caught by the package's tests.
var htmlWords = mustHTMLWords(htmlWordsFile)

func mustHTMLWords(b []byte) htmlWordLists {
	w, err := parseHTMLWords(b)
	if err != nil {
		panic("document/html_words.yaml: " + err.Error())
	}
	return w
}

// parseHTMLWords reads a word-list file: every list present and non-empty,
// no unknown key, every word in lower case.
func parseHTMLWords(b []byte) (htmlWordLists, error) {
	var w htmlWordLists
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&w); err != nil {
		return w, err
	}
	for _, c := range []struct {
		name string
		l    []string
	}{
		{"boilerplate_tags", w.BoilerplateTags}, {"boilerplate_roles", w.BoilerplateRoles},
		{"boilerplate_words", w.BoilerplateWords}, {"boilerplate_tokens", w.BoilerplateTokens},
		{"boilerplate_pairs", w.BoilerplatePairs},
		{"aside_furniture_words", w.AsideFurnitureWords}, {"aside_furniture_tokens", w.AsideFurnitureTokens},
		{"byline_lead_verbs", w.BylineLeadVerbs}, {"byline_prefix_verbs", w.BylinePrefixVerbs},
	} {
		name, l := c.name, c.l
		if len(l) == 0 {
			return w, fmt.Errorf("list %s is missing or empty", name)
		}
		for _, s := range l {
			if s == "" || s != strings.ToLower(s) {
				return w, fmt.Errorf("list %s: %q is not a lower-case word", name, s)
			}
		}
	}
	return w, nil
}

// wordSet is a list as a set.
func wordSet(l []string) map[string]bool {
	m := make(map[string]bool, len(l))
	for _, s := range l {
		m[s] = true
	}
	return m
}

// wordAlternation is a list as a regular expression's alternation of
// literal words.
func wordAlternation(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = regexp.QuoteMeta(s)
	}
	return strings.Join(q, "|")
}
