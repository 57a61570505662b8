package rules

import "testing"

// A detection name stands for its family: the family is the canonical
// name, so the detection joins the family's entity; catch-alls, signature
// numbers and platform pairs are no names.
func TestDetectionNameFamily(t *testing.T) {
	voc := defaultVocabulary(t)
	cases := []struct {
		in, family string
		ok         bool
	}{
		{"Backdoor.Tarnwick.B", "Tarnwick", true},
		{"Trojan.Win32.Quillbane.gen", "Quillbane", true},
		{"Win32/Marshlock.A!dha", "Marshlock", true},
		{"Backdoor:Win32/Marshlock.A!dha", "Marshlock", true},
		{"Exp.CVE-2018-20250", "", true},
		{"BKDR_TARNWICK.ZAEL-A", "TARNWICK", true},
		{"OSX_QUILL.C", "QUILL", true},
		{"Win32/Win64", "", false},
		{"W32/Agent.DCD.gen", "", false},
		{"W32/Trojan.KQZP-7180", "", false},
		{"Trojan.Loader.exe", "", false},
		{"Backdoor.The", "", false},
		{"Win32.Backdoor.Tarnwick", "", false},
		{"Hacktool.Kestrelkatz", "", false},
		{"Ransomware.Exe", "", false},
	}
	for _, c := range cases {
		v := vctx{clean: c.in}
		if ok := voc.validDetectionName(&v); ok != c.ok || v.canonical != c.family {
			t.Errorf("%s: got %v %q, want %v %q", c.in, ok, v.canonical, c.ok, c.family)
		}
	}
	// A hacking tool's detection name is the tool rule's.
	v := vctx{clean: "HackTool:Win32/Kestrelkatz.A"}
	if !voc.validToolDetectionName(&v) || v.canonical != "Kestrelkatz" {
		t.Errorf("HackTool:Win32/Kestrelkatz.A: got %q", v.canonical)
	}
}

// The family a detection name stands for spreads through the document like
// any name a rule typed: "Tarnwick" after "Backdoor.Tarnwick" is the same
// malware.
func TestDetectionNameFamilySpreads(t *testing.T) {
	p := packOf(t, `
lists:
  detection_kinds: [backdoor]
rules:
  - id: t.detection
    kind: regex
    type: malware
    validate: detection
    regex: 'Backdoor\.[A-Z][a-z]+'
    examples: {match: ["It is Backdoor.Tarnwick."]}
  - id: t.spread
    kind: propagate
    types: [malware]
    examples: {match: ["It is Backdoor.Tarnwick. Tarnwick then ran."]}
`)
	text := "Vendors detect it as Backdoor.Tarnwick, and the Tarnwick sample logs keys."
	an := testAnalyzer(t)
	res := p.Match(text, an.Analyze(text), an)
	var got []string
	for _, m := range res.Mentions {
		got = append(got, m.Text+"/"+m.Canonical+"/"+m.Rule)
	}
	same(t, text, got, []string{"Backdoor.Tarnwick/Tarnwick/t.detection", "Tarnwick/Tarnwick/t.spread"})
}
