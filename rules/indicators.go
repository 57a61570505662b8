package rules

import (
	"net/netip"
	"sort"
	"strings"
)

// Indicator support for regex rules: refanging and the validators named by
// the validate field.

// defangs maps the bracketed forms analysts use to neutralise indicators to
// the character they stand for. Matching is case-insensitive.
var defangs = []struct{ from, to string }{
	{"[://]", "://"}, {"[:]//", "://"}, {"[:]", ":"}, {"[/]", "/"},
	{"[.]", "."}, {"(.)", "."}, {"{.}", "."}, {"[dot]", "."}, {"(dot)", "."}, {"{dot}", "."},
	{"[at]", "@"}, {"(at)", "@"}, {"{at}", "@"}, {"[@]", "@"},
}

// refang undoes defanging: hxxp → http, fxp → ftp, evil[.]com → evil.com,
// user[at]example.com → user@example.com, http[:]// → http://. It reports
// whether anything changed.
func refang(s string) (string, bool) {
	if !strings.ContainsAny(s, "[({xX") {
		return s, false
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		if i == 0 || !isWordByte(s[i-1]) {
			if r, n := schemeRefang(s[i:]); n > 0 {
				b.WriteString(r)
				i += n
				changed = true
				continue
			}
		}
		if c := s[i]; c == '[' || c == '(' || c == '{' {
			matched := false
			for _, d := range defangs {
				if len(s)-i >= len(d.from) && strings.EqualFold(s[i:i+len(d.from)], d.from) {
					b.WriteString(d.to)
					i += len(d.from)
					matched, changed = true, true
					break
				}
			}
			if matched {
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	if !changed {
		return s, false
	}
	return b.String(), true
}

// schemeRefang recognises hxxp, hxxps and fxp at the start of s when they
// are followed by a scheme separator, returning the fixed scheme and the
// length it replaces.
func schemeRefang(s string) (string, int) {
	for _, sc := range []struct{ from, to string }{{"hxxps", "https"}, {"hxxp", "http"}, {"fxp", "ftp"}} {
		if len(s) > len(sc.from) && strings.EqualFold(s[:len(sc.from)], sc.from) {
			rest := s[len(sc.from):]
			if strings.HasPrefix(rest, "://") || strings.HasPrefix(rest, "[:") || strings.HasPrefix(rest, "[://") {
				return sc.to, len(sc.from)
			}
		}
	}
	return "", 0
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// vctx is what a validator sees of one regex match.
type vctx struct {
	text       string // the whole document
	start, end int    // the match in text; a validator may narrow it
	clean      string // refanged text of the match
	defanged   bool
	canonical  string // a validator may name what the match stands for ("Remexi" of "Backdoor.Remexi")
}

type validator func(c *vctx) bool

var validators = map[string]validator{
	"none":     func(*vctx) bool { return true },
	"ipv4":     validIPv4,
	"ipv6":     validIPv6,
	"domain":   validDomain,
	"url":      validURL,
	"email":    validEmail,
	"hash":     validHash,
	"ethereum": validEthereum,
}

// vocabValidators read the pack's vocabulary lists: compile binds each to
// its pack.
var vocabValidators = map[string]func(v *vocabulary, c *vctx) bool{
	"detection":      (*vocabulary).validDetectionName,     // detection_names.go
	"tool-detection": (*vocabulary).validToolDetectionName, // detection_names.go
}

func validatorNames() []string {
	var out []string
	for k := range validators {
		out = append(out, k)
	}
	for k := range vocabValidators {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// versionWords precede dotted numbers that are versions, not addresses.
var versionWords = map[string]bool{"version": true, "versions": true, "ver": true, "v": true,
	"build": true, "release": true, "firmware": true, "rev": true, "revision": true, "update": true}

// prevWord returns the lower-cased word just before offset i, skipping
// spaces.
func prevWord(text string, i int) string {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t' || text[j-1] == '\n') {
		j--
	}
	k := j
	for k > 0 && isWordByte(text[k-1]) {
		k--
	}
	return strings.ToLower(text[k:j])
}

// cidrParts splits an address written as a CIDR block ("198.51.100.0/24")
// into the address and the prefix length; bits is -1 when there is no
// slash, and ok is false when the length is not a number from 1 up to max
// (a /0 block is every address, a firewall rule's "any", no indicator).
func cidrParts(s string, max int) (addr string, bits int, ok bool) {
	addr, length, found := strings.Cut(s, "/")
	if !found {
		return s, -1, true
	}
	if length == "" || len(length) > 3 {
		return addr, 0, false
	}
	for i := 0; i < len(length); i++ {
		if !isDigit(length[i]) {
			return addr, 0, false
		}
		bits = bits*10 + int(length[i]-'0')
	}
	return addr, bits, bits >= 1 && bits <= max
}

// slashNumberAfter tells whether a match is followed by "/" and a digit: a
// bare address there is a block whose prefix length the expression did not
// take (out of range), and naming its first address alone would be wrong.
func slashNumberAfter(c *vctx) bool {
	return c.end+1 < len(c.text) && c.text[c.end] == '/' && isDigit(c.text[c.end+1])
}

func validIPv4(c *vctx) bool {
	addr, bits, ok := cidrParts(c.clean, 32)
	if !ok || bits < 0 && slashNumberAfter(c) {
		return false
	}
	parts := strings.Split(addr, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if len(p) == 0 || len(p) > 3 {
			return false
		}
		n := 0
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return false
			}
			n = n*10 + int(p[i]-'0')
		}
		if n > 255 {
			return false
		}
	}
	// Part of a longer dotted number (1.2.3.4.5, an OID, a version)?
	if c.start >= 2 && c.text[c.start-1] == '.' && isDigit(c.text[c.start-2]) {
		return false
	}
	if c.end+1 < len(c.text) && c.text[c.end] == '.' && isDigit(c.text[c.end+1]) {
		return false
	}
	if c.start >= 1 && (c.text[c.start-1] == 'v' || c.text[c.start-1] == 'V') {
		return false
	}
	return !versionWords[prevWord(c.text, c.start)]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func validIPv6(c *vctx) bool {
	s, bits, ok := cidrParts(c.clean, 128)
	if !ok || bits < 0 && slashNumberAfter(c) {
		return false
	}
	if len(s) < 6 || (!strings.Contains(s, "::") && strings.Count(s, ":") != 7) {
		return false
	}
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is6() && !a.IsUnspecified()
}

// domainOK checks a host name: known TLD, sane labels, no file name.
func domainOK(host string, defanged, strictTLD bool) bool {
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
	}
	tld := labels[len(labels)-1]
	low := strings.ToLower(tld)
	if !tlds[low] {
		return false
	}
	if strictTLD && !defanged {
		// Code and product names are written System.Net or ASP.NET; real
		// domains in reports are written in lower case.
		if tld != low {
			return false
		}
		if fileLikeTLDs[low] {
			return false
		}
	}
	return true
}

// notDomains are product names written like domains.
var notDomains = map[string]bool{"asp.net": true, "vb.net": true, "ado.net": true, "f.net": true}

func validDomain(c *vctx) bool {
	if c.start > 0 && (c.text[c.start-1] == '@' || c.text[c.start-1] == '.') {
		return false
	}
	if !c.defanged && notDomains[strings.ToLower(c.clean)] {
		return false
	}
	return domainOK(c.clean, c.defanged, true)
}

func validURL(c *vctx) bool {
	// Trailing punctuation belongs to the sentence, not the URL.
	for c.end > c.start {
		last := c.text[c.end-1]
		if strings.IndexByte(".,;:!?'\"", last) >= 0 ||
			(last == ')' && strings.Count(c.text[c.start:c.end], "(") < strings.Count(c.text[c.start:c.end], ")")) ||
			(last == ']' && !strings.HasSuffix(c.text[c.start:c.end], "[.]") &&
				strings.Count(c.text[c.start:c.end], "[") < strings.Count(c.text[c.start:c.end], "]")) {
			c.end--
			continue
		}
		break
	}
	c.clean, c.defanged = refang(c.text[c.start:c.end])
	_, rest, ok := strings.Cut(c.clean, "://")
	if !ok {
		return false
	}
	host := rest
	if k := strings.IndexAny(host, "/?#"); k >= 0 {
		host = host[:k]
	}
	if k := strings.LastIndexByte(host, '@'); k >= 0 {
		host = host[k+1:]
	}
	if strings.HasPrefix(host, "[") { // IPv6 literal
		return strings.Contains(host, "]")
	}
	if k := strings.LastIndexByte(host, ':'); k >= 0 {
		host = host[:k]
	}
	if host == "" {
		return false
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return true
	}
	return host == "localhost" || domainOK(host, true, false)
}

func validEmail(c *vctx) bool {
	_, host, ok := strings.Cut(c.clean, "@")
	return ok && domainOK(host, true, false)
}

// validHash rejects hex runs that are unlikely digests: a real MD5, SHA-1 or
// SHA-256 almost surely mixes letters and digits.
func validHash(c *vctx) bool {
	letters, digits := false, false
	for i := 0; i < len(c.clean); i++ {
		if isDigit(c.clean[i]) {
			digits = true
		} else {
			letters = true
		}
	}
	return letters && digits
}

// validEthereum checks an Ethereum (EVM) address: 0x and exactly 40 hex
// digits, not glued to more hex, and not a run of one digit (the zero
// address and its look-alikes are placeholders or burn addresses, not a
// wallet anyone used). Mixed-case addresses carry an EIP-55 checksum, which
// needs Keccak-256 (not in the standard library); they are accepted as
// written.
func validEthereum(c *vctx) bool {
	s := c.clean
	if len(s) != 42 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') {
		return false
	}
	if c.end < len(c.text) && isHexByte(c.text[c.end]) {
		return false
	}
	hex := strings.ToLower(s[2:])
	for i := 0; i < len(hex); i++ {
		if !isHexByte(hex[i]) {
			return false
		}
	}
	return strings.Trim(hex, hex[:1]) != ""
}

func isHexByte(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
