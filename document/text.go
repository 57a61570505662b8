package document

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
)

// readText reads plain text or Markdown. The text is kept as it is:
// Markdown is not rendered, so offsets and evidence quote the file the
// user has. Only the encoding is fixed up: a byte-order mark is dropped,
// UTF-16 is decoded, an HTTP charset is honoured, and bytes that are not
// UTF-8 become U+FFFD with a warning.
func readText(raw []byte, opt Options) (*extracted, error) {
	text, warnings := decodeText(raw, opt.ContentType)
	if strings.IndexByte(text, 0) >= 0 {
		// NUL is invisible and breaks downstream tools that treat text as
		// C strings; Detect lets a few through (UTF-16 remnants, padding).
		n := strings.Count(text, "\x00")
		text = strings.ReplaceAll(text, "\x00", "")
		warnings = append(warnings, fmt.Sprintf("removed %d NUL bytes", n))
	}
	ex := &extracted{pages: []string{text}, engine: "text", warnings: warnings}
	if looksLikeMarkdown([]byte(text[:min(len(text), sniffLen)])) {
		ex.title = markdownTitle(text)
	}
	return ex, nil
}

// decodeText turns raw bytes into UTF-8: a BOM decides first, then the
// charset of contentType, then UTF-8 with invalid bytes replaced.
func decodeText(raw []byte, contentType string) (string, []string) {
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		raw = raw[len(bomUTF8):]
	case bytes.HasPrefix(raw, bomUTF16LE), bytes.HasPrefix(raw, bomUTF16BE):
		return string(decodeUTF16(raw)), nil
	default:
		if label := contentTypeCharset(contentType); label != "" {
			if s, ok, warn := decodeLabel(raw, label); ok {
				return s, warn
			}
		}
	}
	return toValidUTF8(raw, "")
}

// contentTypeCharset returns the charset parameter of an HTTP Content-Type.
func contentTypeCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// decodeLabel decodes raw with the WHATWG encoding named by label. ok is
// false for unknown labels and for UTF-8, which the caller validates itself.
func decodeLabel(raw []byte, label string) (text string, ok bool, warnings []string) {
	enc, name := charset.Lookup(label)
	if enc == nil {
		return "", false, []string{fmt.Sprintf("unknown charset %q ignored", label)}
	}
	if name == "utf-8" {
		return "", false, nil
	}
	if name == "utf-16le" || name == "utf-16be" {
		return string(decodeUTF16(raw)), true, nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		// x/text decoders replace bad input; an error here means a broken
		// table, so fall back to UTF-8 rather than fail the document.
		return "", false, []string{fmt.Sprintf("decoding %s failed: %v", name, err)}
	}
	return string(out), true, nil
}

// decodeUTF16 decodes UTF-16 with a byte-order mark (big-endian without
// one); unpaired surrogates become U+FFFD.
func decodeUTF16(raw []byte) []byte {
	out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(raw)
	if err != nil {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD"))
	}
	return out
}

// toValidUTF8 replaces every invalid byte with U+FFFD and says how many
// there were. what names the input for the warning ("" for the document).
func toValidUTF8(raw []byte, what string) (string, []string) {
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	var b strings.Builder
	b.Grow(len(raw) + 16)
	bad := 0
	for len(raw) > 0 {
		r, size := utf8.DecodeRune(raw)
		if r == utf8.RuneError && size == 1 {
			bad++
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(raw[:size])
		}
		raw = raw[size:]
	}
	if what == "" {
		what = "input"
	}
	return b.String(), []string{fmt.Sprintf("%s is not valid UTF-8: %d bytes replaced with U+FFFD (legacy 8-bit encoding?)", what, bad)}
}

var mdTitle = regexp.MustCompile(`(?m)^#[ \t]+(.+?)[ \t#]*$`)

// markdownTitle returns the first level-1 heading of a Markdown text.
func markdownTitle(text string) string {
	m := mdTitle.FindStringSubmatch(text[:min(len(text), 64<<10)])
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}
