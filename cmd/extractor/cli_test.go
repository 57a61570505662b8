package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/reportgraph/extractor/internal/testenv"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// run executes the CLI in-process the way main does and returns what a user
// would see on stdout and stderr, and whether the exit status is non-zero.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, failed bool) {
	t.Helper()
	root := newRootCmd()
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetIn(strings.NewReader(stdin))
	root.SetArgs(args)
	err := root.Execute()
	if err != nil {
		var quiet silentError
		if !errors.As(err, &quiet) {
			errOut.WriteString("extractor: " + err.Error() + "\n")
		}
	}
	return out.String(), errOut.String(), err != nil
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func onePagePDF(t *testing.T, text string) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 11)
	pdf.MultiCell(0, 6, text, "", "L", false)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A batch with bad inputs: each bad one gets exactly one line naming it,
// the good ones are still printed, and the exit status says something failed.
func TestTextBadInputsAreReportedAndTheRestIsRead(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte("Volt Typhoon targets the energy sector.\n"))
	pdf := onePagePDF(t, "Flax Typhoon is operated by Integrity Technology Group.")
	goodPDF := writeFile(t, dir, "good.pdf", pdf)
	bad := map[string]string{
		writeFile(t, dir, "empty.txt", nil):                                        "empty",
		writeFile(t, dir, "truncated.pdf", pdf[:len(pdf)/3]):                       "PDF",
		writeFile(t, dir, "garbage.bin", bytes.Repeat([]byte{0, 1, 2, 0xff}, 500)): "binary",
	}
	args := []string{"text", good, goodPDF}
	for p := range bad {
		args = append(args, p)
	}
	stdout, stderr, failed := run(t, "", args...)
	if !failed {
		t.Error("exit status is 0 although three inputs failed")
	}
	for _, want := range []string{"Volt Typhoon targets the energy sector.", "Integrity Technology Group"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("good input missing from stdout: %q\nstdout: %s", want, stdout)
		}
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(bad) {
		t.Errorf("want one stderr line per bad input (%d), got %d:\n%s", len(bad), len(lines), stderr)
	}
	for p, reason := range bad {
		found := false
		for _, l := range lines {
			if strings.Contains(l, p) && strings.Contains(l, reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error line naming %s with %q:\n%s", p, reason, stderr)
		}
	}
}

func TestTextStdinAndSizeLimit(t *testing.T) {
	stdout, _, failed := run(t, "APT41 is also called Winnti.\n", "text", "-")
	if failed || !strings.Contains(stdout, "APT41 is also called Winnti.") {
		t.Errorf("stdin not read: failed=%v stdout=%q", failed, stdout)
	}
	p := writeFile(t, t.TempDir(), "big.txt", bytes.Repeat([]byte("word "), 100))
	_, stderr, failed := run(t, "", "text", "--max-bytes", "100", p)
	if !failed || !strings.Contains(stderr, p) || !strings.Contains(stderr, "--max-bytes") {
		t.Errorf("over-size input: failed=%v stderr=%q", failed, stderr)
	}
}

func TestTextRefusesPrivateURLs(t *testing.T) {
	_, stderr, failed := run(t, "", "text", "http://127.0.0.1:1/report.html")
	if !failed || !strings.Contains(stderr, "127.0.0.1") || !strings.Contains(stderr, "--allow-private") {
		t.Errorf("loopback URL not refused clearly: failed=%v stderr=%q", failed, stderr)
	}
}

func TestTextJSONDescribesDocument(t *testing.T) {
	p := writeFile(t, t.TempDir(), "a.pdf", onePagePDF(t, "Salt Typhoon targets telecommunications providers."))
	stdout, stderr, failed := run(t, "", "text", "--json", p)
	if failed {
		t.Fatalf("failed: %s", stderr)
	}
	var doc struct {
		ID     string `json:"id"`
		Format string `json:"format"`
		Pages  []struct{ Start, End int }
		Text   string `json:"text"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, stdout)
	}
	if !strings.HasPrefix(doc.ID, "doc:sha256:") || doc.Format != "pdf" || len(doc.Pages) != 1 {
		t.Errorf("unexpected document: id=%q format=%q pages=%d", doc.ID, doc.Format, len(doc.Pages))
	}
	if !strings.Contains(doc.Text, "Salt Typhoon") {
		t.Errorf("text missing: %q", doc.Text)
	}
}

// The main job: extract from the bundled samples; the dataset validates
// against the published schema and names the actors the samples are about.
func TestExtractSamplesValidatesAgainstSchema(t *testing.T) {
	root := testenv.RepoRoot()
	stdout, stderr, failed := run(t, "", "extract", "--format", "json", filepath.Join(root, "corpus", "samples"))
	if failed {
		t.Fatalf("extract failed: %s", stderr)
	}
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join(root, "docs", "dataset.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("dataset does not validate: %v", err)
	}
	var ds struct {
		Entities []struct{ Type, Name string }
	}
	json.Unmarshal([]byte(stdout), &ds)
	have := map[string]bool{}
	for _, e := range ds.Entities {
		have[e.Type+"|"+e.Name] = true
	}
	for _, want := range []string{"threat-actor|Volt Typhoon", "threat-actor|Flax Typhoon", "organization|Integrity Technology Group"} {
		if !have[want] {
			t.Errorf("samples: entity %s not extracted", want)
		}
	}
}

func TestExtractBadInputIsSkipped(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte("Volt Typhoon compromised routers in Guam.\n"))
	bad := writeFile(t, dir, "bad.pdf", []byte("%PDF-1.7\n garbage"))
	stdout, stderr, failed := run(t, "", "extract", good, bad)
	if !failed || !strings.Contains(stderr, bad) {
		t.Errorf("bad input not reported: failed=%v stderr=%q", failed, stderr)
	}
	if !strings.Contains(stdout, "Volt Typhoon") {
		t.Errorf("good input not extracted: %s", stdout)
	}
}

// A broken rule file stops the run before any input is read, naming the
// file and line.
func TestExtractBrokenRulesStopBeforeReading(t *testing.T) {
	dir := t.TempDir()
	rulesDir := filepath.Join(dir, "rules")
	os.Mkdir(rulesDir, 0o755)
	writeFile(t, rulesDir, "mine.yaml", []byte("rules:\n  - id: mine.actors\n    kind: gazetteer\n    entires: []\n"))
	stdout, stderr, failed := run(t, "", "extract", "--rules", rulesDir, filepath.Join(dir, "does-not-exist.txt"))
	if !failed {
		t.Fatal("broken rules accepted")
	}
	if !strings.Contains(stderr, "mine.yaml:4") {
		t.Errorf("error does not name file:line: %q", stderr)
	}
	if strings.Contains(stderr, "does-not-exist") || stdout != "" {
		t.Errorf("inputs were read despite the rule error: stdout=%q stderr=%q", stdout, stderr)
	}
}

func TestRulesCommands(t *testing.T) {
	stdout, stderr, failed := run(t, "", "rules", "test")
	if failed || !strings.Contains(stdout, " 0 failed") {
		t.Errorf("default pack examples fail: %s%s", stdout, stderr)
	}
	stdout, _, failed = run(t, "", "rules", "list")
	if failed || !strings.Contains(stdout, "gazetteer") || !strings.Contains(stdout, "pattern") {
		t.Errorf("rules list: failed=%v\n%s", failed, stdout)
	}
	dir := t.TempDir()
	writeFile(t, dir, "bad.yaml", []byte("rules:\n  - id: x.one\n    kind: regex\n    type: indicator\n    pattern: '('\n"))
	stdout, _, failed = run(t, "", "rules", "lint", "--rules", dir)
	if !failed || !strings.Contains(stdout, "bad.yaml:") {
		t.Errorf("lint did not fail on a bad regex with file:line: failed=%v\n%s", failed, stdout)
	}
}

func TestVersionAndHelp(t *testing.T) {
	stdout, _, failed := run(t, "", "version")
	if failed || !strings.Contains(stdout, version) {
		t.Errorf("version: %q", stdout)
	}
	for _, cmd := range [][]string{{"text"}, {"extract"}, {"rules", "lint"}} {
		stdout, _, _ := run(t, "", append(cmd, "--help")...)
		if !strings.Contains(stdout, "Examples:") {
			t.Errorf("%v --help has no examples", cmd)
		}
	}
}

// eval scores a corpus, writes the full report with --report, and fails
// against a baseline whose figures were better.
func TestEvalReportAndBaseline(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("Volt Typhoon targeted the energy sector in Guam.\n"))
	writeFile(t, dir, "a.gold.json", []byte(`{"document": "a.txt", "exhaustive": true,
 "entities": [{"id": "vt", "names": ["Volt Typhoon"], "types": ["threat-actor"]},
              {"id": "guam", "names": ["Guam"], "types": ["location"]},
              {"id": "apt41", "names": ["APT41"], "types": ["threat-actor"]}]}`))
	report := filepath.Join(t.TempDir(), "report.json")
	stdout, stderr, failed := run(t, "", "eval", "--corpus", dir, "--report", report, "--format", "summary")
	if failed {
		t.Fatalf("eval failed: %s", stderr)
	}
	if !strings.Contains(stdout, "1 docs") {
		t.Errorf("summary: %q", stdout)
	}
	var rep struct {
		Micro struct{ Detection struct{ R float64 } }
	}
	raw, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatal(err)
	}
	// Two of the three gold names are in the text: recall 2/3.
	if r := rep.Micro.Detection.R; r < 0.66 || r > 0.67 {
		t.Errorf("detection recall = %v, want 2/3", r)
	}
	// A baseline whose detection F1 was 1 makes this run a regression.
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	doc["micro"].(map[string]any)["detection"].(map[string]any)["f1"] = 1.0
	better, _ := json.Marshal(doc)
	base := writeFile(t, t.TempDir(), "base.json", better)
	if _, _, failed := run(t, "", "eval", "--corpus", dir, "--baseline", base, "--format", "summary"); !failed {
		t.Error("a drop against the baseline did not fail the run")
	}
}

// A list reads the same whether the report came as HTML or as Markdown:
// the intro sentence ending in ":" and its items give the same relations,
// credited to the same rules ("Victims included:" + items: the victims of
// the intro's actor).
func TestHTMLAndMarkdownListsGiveTheSameRelations(t *testing.T) {
	dir := t.TempDir()
	md := "# Slate Heron toolset\n\n" +
		"Slate Heron is an espionage group that researchers have followed since 2019 across many sectors.\n\n" +
		"Slate Heron used the following tools:\n\n- PlugX\n- ShadowPad\n\n" +
		"Victims included:\n\n- Meridian Freight Lines, a shipping firm\n- the Ministry of Transport\n"
	page := `<html><head><title>Slate Heron toolset</title></head><body><article>
<h1>Slate Heron toolset</h1>
<p>Slate Heron is an espionage group that researchers have followed since 2019 across many sectors.</p>
<p>Slate Heron used the following tools:</p>
<ul><li>PlugX</li><li>ShadowPad</li></ul>
<p>Victims included:</p>
<ol><li>Meridian Freight Lines, a shipping firm</li><li>the Ministry of Transport</li></ol>
</article></body></html>`
	relations := func(path string) map[string]bool {
		stdout, stderr, failed := run(t, "", "extract", "--format", "json", path)
		if failed {
			t.Fatalf("extract %s: %s", path, stderr)
		}
		var ds struct {
			Entities  []struct{ ID, Name string }
			Relations []struct {
				Type, Source, Target string
				Evidence             []struct{ Rule string }
			}
		}
		if err := json.Unmarshal([]byte(stdout), &ds); err != nil {
			t.Fatal(err)
		}
		name := map[string]string{}
		for _, e := range ds.Entities {
			name[e.ID] = e.Name
		}
		out := map[string]bool{}
		for _, r := range ds.Relations {
			out[name[r.Source]+" -"+r.Type+"-> "+name[r.Target]+" "+r.Evidence[0].Rule] = true
		}
		return out
	}
	fromMD := relations(writeFile(t, dir, "report.md", []byte(md)))
	fromHTML := relations(writeFile(t, dir, "report.html", []byte(page)))
	for _, want := range []string{"Slate Heron -uses-> PlugX", "Slate Heron -targets-> Meridian Freight Lines", "Slate Heron -targets-> Ministry of Transport"} {
		found := false
		for k := range fromHTML {
			found = found || strings.HasPrefix(k, want+" ")
		}
		if !found {
			t.Errorf("HTML list: %s not found in %v", want, fromHTML)
		}
	}
	for k := range fromMD {
		if !fromHTML[k] {
			t.Errorf("Markdown gives %s, HTML does not", k)
		}
	}
	for k := range fromHTML {
		if !fromMD[k] {
			t.Errorf("HTML gives %s, Markdown does not", k)
		}
	}
}

// --name-model adds the name model's mentions, by default (auto) in a
// document that reads as prose and not in one full of indicators;
// --name-model=false leaves the rules' mentions all there is.
func TestExtractNameModelFlag(t *testing.T) {
	dir := t.TempDir()
	prose := writeFile(t, dir, "r.txt", []byte("Analysts at Halbrook Genomics found the implant in January.\n"))
	tech := writeFile(t, dir, "t.txt", []byte("Analysts at Halbrook Genomics found the implant calling 203.0.113.9, "+
		"203.0.113.10 and 198.51.100.7 with hash 44d88612fea8a8f36de82e1278abb02f.\n"))
	for _, tc := range []struct {
		in   string
		args []string
		want bool
	}{{prose, nil, true}, {prose, []string{"--name-model=false"}, false}, {prose, []string{"--name-model"}, true},
		{tech, nil, false}, {tech, []string{"--name-model=auto"}, false}, {tech, []string{"--name-model"}, true}} {
		out, stderr, failed := run(t, "", append([]string{"extract", "--format", "json", tc.in}, tc.args...)...)
		if failed {
			t.Fatalf("%v: %s", tc.args, stderr)
		}
		if got := strings.Contains(out, `"rule": "model.names"`) || strings.Contains(out, `"rule":"model.names"`); got != tc.want {
			t.Errorf("%s %v: model mention found = %v, want %v", filepath.Base(tc.in), tc.args, got, tc.want)
		}
	}
	if _, _, failed := run(t, "", "extract", "--name-model=sometimes", prose); !failed {
		t.Error("--name-model=sometimes accepted")
	}
}

// rules profile prints the stages, kinds and slowest rules of extracting
// its inputs; --json the whole report.
func TestRulesProfile(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "r.txt", []byte("APT41 is a threat actor based in Chengdu. It targets banks in Taiwan.\n"))
	out, errOut, failed := run(t, "", "rules", "profile", "--top", "5", in)
	if failed {
		t.Fatalf("failed: %s", errOut)
	}
	for _, want := range []string{"STAGE", "nlp", "relations", "resolution", "total (1 documents)", "KIND", "RULE"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, errOut, failed = run(t, "", "rules", "profile", "--json", in)
	if failed {
		t.Fatalf("failed: %s", errOut)
	}
	var rep struct {
		Docs  int
		Rules []struct {
			ID      string
			Matches int
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Docs != 1 || len(rep.Rules) == 0 {
		t.Fatalf("json %v: %+v\n%s", err, rep, out)
	}
}
