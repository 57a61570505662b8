package rules

import "testing"

// A detection name stands for its family: the family is the canonical
// name, so the detection joins the family's entity; catch-alls, signature
// numbers and platform pairs are no names.
func TestDetectionNameFamily(t *testing.T) {
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
	}
	for _, c := range cases {
		v := vctx{clean: c.in}
		if ok := validDetectionName(&v); ok != c.ok || v.canonical != c.family {
			t.Errorf("%s: got %v %q, want %v %q", c.in, ok, v.canonical, c.ok, c.family)
		}
	}
}
