package nlp

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

func tagged(t *testing.T, text string) []Token {
	t.Helper()
	sents := analyzer.Analyze(text)
	if len(sents) != 1 {
		t.Fatalf("%q: want one sentence, got %d", text, len(sents))
	}
	analyzer.Tag(&sents[0])
	return sents[0].Tokens
}

func TestTagNames(t *testing.T) {
	// Checked by hand: a proper-noun name, a past-tense verb.
	toks := tagged(t, "Volt Typhoon targeted critical infrastructure in Guam.")
	want := map[string]string{"Volt": "NNP", "Typhoon": "NNP", "targeted": "VBD", "Guam": "NNP", ".": "."}
	for _, tok := range toks {
		if w, ok := want[tok.Text]; ok && tok.POS != w {
			t.Errorf("%q tagged %s, want %s", tok.Text, tok.POS, w)
		}
		if tok.POS == "" {
			t.Errorf("%q left untagged", tok.Text)
		}
	}
}

func TestTagIsIdempotentAndPerSentence(t *testing.T) {
	sents := analyzer.Analyze("APT41 used Cobalt Strike. The loader didn't run.")
	analyzer.Tag(&sents[1])
	for _, tok := range sents[0].Tokens {
		if tok.POS != "" {
			t.Errorf("untouched sentence got tag %q on %q", tok.POS, tok.Text)
		}
	}
	got := sents[1].Tokens[3].POS // "n't"
	analyzer.Tag(&sents[1])
	if sents[1].Tokens[3].Text != "n't" || got != "RB" || sents[1].Tokens[3].POS != "RB" {
		t.Errorf("n't: %q tagged %q", sents[1].Tokens[3].Text, sents[1].Tokens[3].POS)
	}
}

// TestTagMatchesProse checks the port against prose itself: where prose's
// tokenizer yields the same tokens as ours, the tags must be the same.
func TestTagMatchesProse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads prose's model a second time")
	}
	sentences := []string{
		"Volt Typhoon targeted critical infrastructure organizations in Guam and elsewhere in the United States.",
		"The actor uses living-off-the-land binaries such as wmic, ntdsutil and netsh to avoid detection.",
		"Microsoft assesses with moderate confidence that the group is sponsored by the Chinese government.",
		"In 2023, the operators exploited a vulnerability in Fortinet devices to gain initial access.",
		"They then dumped credentials from the LSASS process and moved laterally over RDP.",
		"Pierre Vinken, 61 years old, will join the board as a nonexecutive director Nov. 29.",
	}
	compared := 0
	for _, text := range sentences {
		doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		ours := tagged(t, text)
		theirs := doc.Tokens()
		if len(ours) != len(theirs) {
			t.Logf("tokenization differs, skipped: %q", text)
			continue
		}
		for i := range ours {
			if ours[i].Text != theirs[i].Text || ours[i].POS != theirs[i].Tag {
				t.Errorf("%q token %d: ours %s/%s, prose %s/%s", text, i, ours[i].Text, ours[i].POS, theirs[i].Text, theirs[i].Tag)
			}
		}
		compared++
	}
	if compared < len(sentences)-1 {
		t.Errorf("only %d of %d sentences tokenized alike; the comparison is too thin", compared, len(sentences))
	}
}

// TestTagTreebankAccuracy reruns prose's own accuracy test on the Penn
// Treebank sample shipped in its module (read from the module cache, not
// copied here); prose's baseline is 0.957477.
func TestTagTreebankAccuracy(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/jdkato/prose/v2").Output()
	dir := filepath.Join(strings.TrimSpace(string(out)), "testdata")
	if err != nil || strings.TrimSpace(string(out)) == "" {
		t.Skipf("prose module directory not found (%v): skipping", err)
	}
	var words, want []string
	var toks []struct{ Text string }
	for _, f := range []struct {
		name string
		dst  any
	}{{"treebank_tokens.json", &toks}, {"treebank_tags.json", &want}} {
		b, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			t.Skipf("%s: %v: skipping", f.name, err)
		}
		if err := json.Unmarshal(b, f.dst); err != nil {
			t.Fatal(err)
		}
	}
	for _, tok := range toks {
		words = append(words, tok.Text)
	}
	got := analyzer.tagger.tagWords(words)
	right := 0
	for i := range want {
		if got[i] == want[i] {
			right++
		}
	}
	acc := float64(right) / float64(len(want))
	t.Logf("treebank accuracy %.6f over %d tokens", acc, len(want))
	if acc < 0.957477 {
		t.Errorf("accuracy %.6f is below prose's baseline 0.957477", acc)
	}
}

// TestConcurrentUse shares one Analyzer between goroutines, as the
// extractor does; run with -race.
func TestConcurrentUse(t *testing.T) {
	want := func() []string {
		sents := analyzer.Analyze(handParagraph)
		var tags []string
		for i := range sents {
			analyzer.Tag(&sents[i])
			for _, tok := range sents[i].Tokens {
				tags = append(tags, tok.POS)
			}
		}
		return tags
	}()
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			sents := analyzer.Analyze(handParagraph)
			var tags []string
			for i := range sents {
				analyzer.Tag(&sents[i])
				for _, tok := range sents[i].Tokens {
					tags = append(tags, tok.POS)
				}
			}
			errs <- strings.Join(tags, " ")
		}()
	}
	for g := 0; g < 4; g++ {
		if got := <-errs; got != strings.Join(want, " ") {
			t.Errorf("concurrent tagging differs:\n got %s\nwant %s", got, strings.Join(want, " "))
		}
	}
}

// FixedTag answers only for words whose tag no context changes, and then
// gives the tag Tag writes: checked on every token of varied prose.
func TestFixedTagAgreesWithTag(t *testing.T) {
	text := "The group said it had used https://example.com/a and admin@example.com - :) to reach them. " +
		"In 2021, APT41 targeted the energy sector of Taiwan and was charged by the Department of Justice. " +
		"They will have sent the loader, which the researchers could not decode, to 0 of the 12 servers."
	fixed := 0
	for _, s := range analyzer.Analyze(text) {
		analyzer.Tag(&s)
		for _, tok := range s.Tokens {
			if tag, ok := analyzer.FixedTag(tok.Text); ok {
				fixed++
				if tag != tok.POS {
					t.Errorf("FixedTag(%q) = %s, Tag gave %s", tok.Text, tag, tok.POS)
				}
			}
		}
	}
	if fixed < 15 {
		t.Errorf("only %d tokens have a fixed tag; the model's unambiguous words are missing", fixed)
	}
	// A word the model tags by context has no fixed tag.
	if tag, ok := analyzer.FixedTag("targeted"); ok {
		t.Errorf("FixedTag(targeted) = %s, want none: it is VBD or VBN by context", tag)
	}
}

func TestKnownWord(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"archive", "client", "Report", "network"} {
		if !a.KnownWord(w) {
			t.Errorf("KnownWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"quillget", "tarnhttp", ""} {
		if a.KnownWord(w) {
			t.Errorf("KnownWord(%q) = true, want false", w)
		}
	}
}

// The tagger's lexicon tells ordinary words from names: the name model
// (rules/namestage.go) leaves capitalised phrases of ordinary words alone.
func TestWordClassTellsOrdinaryWordsFromNames(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"discovery", "report", "intelligence", "window"} {
		if !a.OrdinaryWord(w) {
			t.Errorf("%q should be an ordinary word", w)
		}
	}
	// Names the model met as names, and words it never met.
	for _, w := range []string{"boeing", "westinghouse", "quarrowdene"} {
		if a.OrdinaryWord(w) {
			t.Errorf("%q should not be an ordinary word", w)
		}
	}
	if c, ok := a.WordClass("later"); !ok || c != "RB" {
		t.Errorf("WordClass(later) = %q, %v; want RB", c, ok)
	}
	if tag, ok := a.LexicalTag("the"); !ok || tag != "DT" {
		t.Errorf("LexicalTag(the) = %q, %v", tag, ok)
	}
}
