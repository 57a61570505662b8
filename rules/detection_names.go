package rules

import "strings"

// detectionWords are the parts of an antivirus detection name that say
// what kind of file it is or what it runs on, not which family.
var detectionWords = map[string]bool{
	"backdoor": true, "trojan": true, "trojan-downloader": true, "trojan-dropper": true, "trojan-spy": true,
	"trojan-psw": true, "trojan-ransom": true, "trojan-banker": true, "trojandownloader": true,
	"trojandropper": true, "trojanspy": true, "downloader": true, "dropper": true, "infostealer": true,
	"ransom": true, "ransomware": true, "worm": true, "virus": true, "exploit": true, "exp": true,
	"spyware": true, "pws": true, "keylogger": true, "rootkit": true, "bot": true, "hacktool": true,
	"hktl": true, "heur": true, "uds": true, "behavior": true, "program": true, "w32": true, "w64": true,
	"win32": true, "win64": true, "msil": true, "androidos": true, "android": true, "osx": true,
	"macos": true, "linux": true, "unix": true, "windows": true, "ios": true, "elf": true, "js": true,
	"vbs": true, "vba": true, "o97m": true, "x97m": true, "w97m": true, "powershell": true,
	"script": true, "python": true, "java": true, "x86": true, "x64": true, "arm": true, "banker": true,
	"coinminer": true, "miner": true, "stealer": true, "adware": true, "riskware": true,
	// Trend Micro's prefixes ("BKDR_RATANKBA.ZAEL-A")
	"troj": true, "bkdr": true, "tspy": true, "w2km": true, "troj64": true, "bkdr64": true,
}

// genericWords are vendors' catch-all detections ("Trojan.Agent.X",
// "W32/Generic.AB"): what follows them is no family.
var genericWords = map[string]bool{"agent": true, "generic": true, "gen": true, "genkryptik": true,
	"kryptik": true, "malware": true, "suspicious": true, "heuristic": true, "variant": true}

// notFamilies are words that follow a kind word and a dot in prose run
// together ("Backdoor.The"), not family names.
var notFamilies = map[string]bool{
	"the": true, "this": true, "that": true, "these": true, "it": true, "its": true, "a": true, "an": true,
	"in": true, "on": true, "at": true, "they": true, "we": true, "he": true, "she": true, "and": true,
}

// fileExtensions end file names that look like detection names
// ("Trojan.exe", "Win32/Loader.dll").
var fileExtensions = map[string]bool{
	"exe": true, "dll": true, "sys": true, "bin": true, "dat": true, "zip": true, "rar": true, "7z": true,
	"ps1": true, "bat": true, "cmd": true, "vbs": true, "js": true, "hta": true, "lnk": true, "doc": true,
	"docx": true, "xls": true, "xlsx": true, "rtf": true, "pdf": true, "txt": true, "log": true, "tmp": true,
	"jar": true, "apk": true, "msi": true, "scr": true, "py": true, "sh": true, "elf": true,
}

// The first part of a detection name says how the vendor names: a kind
// before "." or "/" (Symantec's "Backdoor.Remexi", ESET's "Win32/Barlaiy"
// is a platform before "/"), Trend Micro's prefix before "_"
// ("BKDR_RATANKBA.ZAEL-A"); Microsoft writes a kind and ":" first
// ("Backdoor:Win32/Tarn.A!dha"). The rule's expression only gives the
// shape (a short one, which an automaton decides fast); these lists decide.
var (
	detectionKinds = map[string]bool{
		"backdoor": true, "trojan": true, "trojan-downloader": true, "trojan-dropper": true, "trojan-spy": true,
		"trojan-psw": true, "trojan-ransom": true, "trojan-banker": true, "trojandownloader": true,
		"trojandropper": true, "trojanspy": true, "downloader": true, "dropper": true, "infostealer": true,
		"ransom": true, "ransomware": true, "worm": true, "exploit": true, "exp": true, "spyware": true,
		"pws": true, "keylogger": true, "rootkit": true, "w32": true, "w64": true,
	}
	// Platforms open a name only before "/": the dotted "Win32.Backdoor.Tarn"
	// of coverage boxes lists signatures of a vendor's product, whose family
	// names often differ from the report's.
	detectionPlatforms = map[string]bool{
		"win32": true, "win64": true, "msil": true, "androidos": true, "android": true, "osx": true, "macos": true,
		"linux": true, "elf": true, "js": true, "vbs": true, "vba": true, "o97m": true, "x97m": true, "w97m": true,
		"powershell": true, "script": true, "python": true, "java": true,
	}
	trendPrefixes = map[string]bool{
		"troj": true, "bkdr": true, "tspy": true, "worm": true, "ransom": true, "osx": true, "w2km": true,
		"x97m": true, "w97m": true, "troj64": true, "bkdr64": true,
	}
	microsoftKinds = map[string]bool{
		"heur": true, "uds": true, "trojan": true, "backdoor": true, "exploit": true, "ransom": true, "worm": true,
		"virus": true, "pws": true, "trojandownloader": true, "trojandropper": true, "trojanspy": true,
		"behavior": true, "program": true, "hacktool": true,
	}
	toolKinds = map[string]bool{"hacktool": true, "hktl": true}
)

// detectionPrefix reports whether name opens the way a vendor's detection
// name does, and whether as a hacking tool's ("Hacktool.Mimikatz").
func detectionPrefix(name string) (ok, tool bool) {
	if i := strings.IndexByte(name, ':'); i > 0 {
		if !microsoftKinds[strings.ToLower(name[:i])] {
			return false, false
		}
		tool = toolKinds[strings.ToLower(name[:i])]
		name = name[i+1:]
	}
	i := strings.IndexAny(name, "./_")
	if i <= 0 {
		return false, false
	}
	first := strings.ToLower(name[:i])
	switch name[i] {
	case '_':
		return trendPrefixes[first], tool
	case '/':
		if detectionPlatforms[first] {
			return true, tool
		}
	}
	return detectionKinds[first] || toolKinds[first], tool || toolKinds[first]
}

// validDetectionName keeps a detection-name match ("Backdoor.Remexi.B",
// "Win32/Barlaiy") of malware; validToolDetectionName one of a hacking
// tool ("Hacktool.Mimikatz").
func validDetectionName(c *vctx) bool {
	ok, tool := detectionPrefix(c.clean)
	return ok && !tool && detectionFamilyOf(c)
}

func validToolDetectionName(c *vctx) bool {
	ok, tool := detectionPrefix(c.clean)
	return ok && tool && detectionFamilyOf(c)
}

// detectionFamilyOf keeps a detection name that names a family: the first
// part after the kind and platform words is a name, not a catch-all
// ("W32/Agent.DCD"), a signature number ("W32/Trojan.CTZP-7180") or a word of
// prose run on ("Backdoor.The"); "Win32/Win64" names none, and a match
// ending in a file extension ("Trojan.Loader.exe") is a file. The family
// becomes the mention's canonical name, so "Backdoor.Remexi" joins the
// Remexi the report describes and is one of its names. "Exp.CVE-2018-20250"
// names an exploit by its flaw: it keeps its own name.
func detectionFamilyOf(c *vctx) bool {
	parts := strings.FieldsFunc(c.clean, func(r rune) bool { return r == '.' || r == '/' || r == ':' || r == '!' || r == '_' })
	if len(parts) < 2 || fileExtensions[strings.ToLower(parts[len(parts)-1])] {
		return false
	}
	for _, p := range parts[1:] {
		lp := strings.ToLower(p)
		switch {
		case detectionWords[lp]:
			continue
		case genericWords[lp] || notFamilies[lp] || signatureID(p):
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
