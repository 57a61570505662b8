package rules

import "strings"

// The parts of an antivirus detection name that say what kind of file it
// is or what it runs on, not which family, are the pack list
// detection_words; vendors' catch-all detections ("Trojan.Agent.X",
// "W32/Generic.AB"), after which comes no family, the list
// detection_generic_words (rules/pack/core-detection-names.yaml, vocab.go).

// notFamilies are words that follow a kind word and a dot in prose run
// together ("Backdoor.The"), not family names.
var notFamilies = map[string]bool{
	"the": true, "this": true, "that": true, "these": true, "it": true, "its": true, "a": true, "an": true,
	"in": true, "on": true, "at": true, "they": true, "we": true, "he": true, "she": true, "and": true,
}

// The first part of a detection name says how the vendor names: a kind
// before "." or "/" (Symantec's "Backdoor.Remexi", ESET's "Win32/Barlaiy"
// is a platform before "/"), Trend Micro's prefix before "_"
// ("BKDR_RATANKBA.ZAEL-A"); Microsoft writes a kind and ":" first
// ("Backdoor:Win32/Tarn.A!dha"). The rule's expression only gives the
// shape (a short one, which an automaton decides fast); the pack lists
// detection_kinds, detection_platforms (only before "/": the dotted
// "Win32.Backdoor.Tarn" of coverage boxes lists signatures of a vendor's
// product, whose family names often differ from the report's),
// detection_trend_prefixes, detection_microsoft_kinds and
// detection_tool_kinds decide. File names that look like detection names
// ("Trojan.exe", "Win32/Loader.dll") end in a word of
// detection_file_extensions.

// detectionPrefix reports whether name opens the way a vendor's detection
// name does, and whether as a hacking tool's ("Hacktool.Mimikatz").
func (v *vocabulary) detectionPrefix(name string) (ok, tool bool) {
	if i := strings.IndexByte(name, ':'); i > 0 {
		if !v.microsoftKinds[strings.ToLower(name[:i])] {
			return false, false
		}
		tool = v.toolKinds[strings.ToLower(name[:i])]
		name = name[i+1:]
	}
	i := strings.IndexAny(name, "./_")
	if i <= 0 {
		return false, false
	}
	first := strings.ToLower(name[:i])
	switch name[i] {
	case '_':
		return v.trendPrefixes[first], tool
	case '/':
		if v.detectionPlatforms[first] {
			return true, tool
		}
	}
	return v.detectionKinds[first] || v.toolKinds[first], tool || v.toolKinds[first]
}

// validDetectionName keeps a detection-name match ("Backdoor.Remexi.B",
// "Win32/Barlaiy") of malware; validToolDetectionName one of a hacking
// tool ("Hacktool.Mimikatz").
func (v *vocabulary) validDetectionName(c *vctx) bool {
	ok, tool := v.detectionPrefix(c.clean)
	return ok && !tool && v.detectionFamilyOf(c)
}

func (v *vocabulary) validToolDetectionName(c *vctx) bool {
	ok, tool := v.detectionPrefix(c.clean)
	return ok && tool && v.detectionFamilyOf(c)
}

// detectionFamilyOf keeps a detection name that names a family: the first
// part after the kind and platform words is a name, not a catch-all
// ("W32/Agent.DCD"), a signature number ("W32/Trojan.CTZP-7180") or a word of
// prose run on ("Backdoor.The"); "Win32/Win64" names none, and a match
// ending in a file extension ("Trojan.Loader.exe") is a file. The family
// becomes the mention's canonical name, so "Backdoor.Remexi" joins the
// Remexi the report describes and is one of its names. "Exp.CVE-2018-20250"
// names an exploit by its flaw: it keeps its own name.
func (v *vocabulary) detectionFamilyOf(c *vctx) bool {
	parts := strings.FieldsFunc(c.clean, func(r rune) bool { return r == '.' || r == '/' || r == ':' || r == '!' || r == '_' })
	if len(parts) < 2 || v.fileExtensions[strings.ToLower(parts[len(parts)-1])] {
		return false
	}
	for _, p := range parts[1:] {
		lp := strings.ToLower(p)
		switch {
		case v.detectionWords[lp]:
			continue
		case v.detectionGeneric[lp] || notFamilies[lp] || signatureID(p):
			return false
		case !strings.HasPrefix(p, "CVE-"):
			c.canonical = p
		}
		return true
	}
	return false
}

// signatureID reports whether a part is a vendor's signature number in
// letters and digits ("CTZP-7180"), not a family name.
func signatureID(p string) bool {
	i := strings.IndexByte(p, '-')
	if i < 2 || i == len(p)-1 {
		return false
	}
	for _, r := range p[:i] {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	for _, r := range p[i+1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
