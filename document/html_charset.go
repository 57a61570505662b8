package document

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// metaScanLen bounds the search for <meta charset>. The WHATWG prescan
// stops at 1024 bytes, but saved pages often carry a long <head> of
// scripts and styles before the declaration, and browsers then re-decode
// when the parser meets it; 4 KiB catches those without reading a body.
const metaScanLen = 4 << 10

// decodeHTML returns the page as UTF-8. The encoding comes from, in order:
// a byte-order mark (as in browsers: a BOM is the one signal a server or
// an editor cannot get wrong by accident), the HTTP Content-Type, a <meta>
// declaration, and finally a guess. A declaration the bytes contradict is
// overridden with a warning: a page declared UTF-8 that is not valid UTF-8
// is read as windows-1252 (what browsers assume for legacy pages), and a
// page declared in a legacy charset whose bytes are valid multi-byte UTF-8
// is read as UTF-8.
func decodeHTML(raw []byte, contentType string) (string, []string) {
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		return toValidUTF8(raw[len(bomUTF8):], "page (UTF-8 byte-order mark)")
	case bytes.HasPrefix(raw, bomUTF16LE), bytes.HasPrefix(raw, bomUTF16BE):
		return string(decodeUTF16(raw)), nil
	}
	var warnings []string
	if label := contentTypeCharset(contentType); label != "" {
		if s, w, ok := decodeDeclared(raw, label, "HTTP Content-Type"); ok {
			return s, w
		}
		warnings = append(warnings, fmt.Sprintf("unknown charset %q in the HTTP Content-Type ignored", label))
	}
	if label := metaCharset(raw[:min(len(raw), metaScanLen)]); label != "" {
		if s, w, ok := decodeDeclared(raw, label, "<meta> declaration"); ok {
			return s, append(warnings, w...)
		}
		warnings = append(warnings, fmt.Sprintf("unknown charset %q in <meta> ignored", label))
	}
	if utf8.Valid(raw) {
		return string(raw), warnings
	}
	s, w := guessLegacy(raw)
	return s, append(warnings, w...)
}

// decodeDeclared decodes raw with a declared charset, unless the bytes
// show the declaration is wrong. ok is false for labels WHATWG does not know.
func decodeDeclared(raw []byte, label, where string) (string, []string, bool) {
	enc, name := charset.Lookup(label)
	if enc == nil {
		return "", nil, false
	}
	// A document that reached an HTML parser as bytes cannot be UTF-16
	// without a BOM; WHATWG treats such declarations as UTF-8.
	if name == "utf-8" || name == "utf-16le" || name == "utf-16be" {
		if utf8.Valid(raw) {
			return string(raw), nil, true
		}
		multi, bad := utf8Stats(raw)
		if multi > bad {
			// Mostly UTF-8 with a few broken bytes (a truncated or spliced
			// page): re-reading it all as windows-1252 would garble every
			// correct character to save a few wrong ones.
			s, w := toValidUTF8(raw, "page (declared UTF-8 by "+where+")")
			return s, w, true
		}
		s, w := guessLegacy(raw)
		w = append([]string{fmt.Sprintf("page declared UTF-8 by %s is not valid UTF-8", where)}, w...)
		return s, w, true
	}
	if multi, _ := utf8Stats(raw); multi > 0 && utf8.Valid(raw) {
		return string(raw), []string{fmt.Sprintf("page declared %s by %s is valid UTF-8 with multi-byte characters: read as UTF-8", name, where)}, true
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", nil, false
	}
	return string(out), nil, true
}

// guessLegacy decodes bytes that are not UTF-8 and carry no usable
// declaration. chardet recognises East Asian multi-byte encodings well
// (their byte pairs are distinctive) but confuses the many 8-bit Latin
// ones, so only its confident multi-byte answers are taken; everything
// else is windows-1252, the WHATWG default for undeclared legacy pages.
func guessLegacy(raw []byte) (string, []string) {
	name := "windows-1252"
	if r, err := chardet.NewHtmlDetector().DetectBest(raw[:min(len(raw), 64<<10)]); err == nil && r.Confidence >= 50 {
		switch strings.ToLower(r.Charset) {
		case "shift_jis", "euc-jp", "gb18030", "gb-18030", "euc-kr", "big5", "iso-2022-jp":
			name = strings.ToLower(r.Charset)
		}
	}
	enc, canonical := charset.Lookup(name)
	if enc == nil {
		enc, canonical = charset.Lookup("windows-1252")
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return toValidUTF8(raw, "page")
	}
	return string(out), []string{fmt.Sprintf("page is not valid UTF-8 and declares no usable charset: decoded as %s (guessed)", canonical)}
}

// utf8Stats counts well-formed multi-byte UTF-8 sequences and bytes that
// are not part of any well-formed sequence.
func utf8Stats(raw []byte) (multi, bad int) {
	for len(raw) > 0 {
		if raw[0] < utf8.RuneSelf {
			raw = raw[1:]
			continue
		}
		r, size := utf8.DecodeRune(raw)
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			multi++
		}
		raw = raw[size:]
	}
	return multi, bad
}

// metaCharset finds a <meta charset> or <meta http-equiv="Content-Type">
// declaration in the head of a page, following the WHATWG prescan: it
// stops at the first declaration, or once the body has begun.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "meta":
			case "body", "p", "div", "article", "main", "section", "table", "h1", "h2":
				return ""
			default:
				continue
			}
			var equiv, content, cs string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					equiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
			}
			if cs = strings.TrimSpace(cs); cs != "" {
				return cs
			}
			if equiv == "content-type" {
				if cs := contentTypeCharset(content); cs != "" {
					return cs
				}
				// Sloppy declarations ("text/html; charset=utf-8;") fail
				// mime.ParseMediaType; fall back to a plain search.
				if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					v := strings.Trim(content[i+len("charset="):], `"' ;`)
					if j := strings.IndexAny(v, `"' ;`); j >= 0 {
						v = v[:j]
					}
					if v != "" {
						return v
					}
				}
			}
		}
	}
}
