package document

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

// sniffLen is how much of the input detection looks at. Binary data shows
// itself within the first few kilobytes; reading more only costs time.
const sniffLen = 8 << 10

// pdfSearchLen is how far into the file a "%PDF-" header may start: PDF
// readers (Acrobat, pdf.js, poppler) accept up to 1024 bytes of junk first.
const pdfSearchLen = 1024

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// magic lists file signatures of formats we cannot read, so the error can
// say what the input most likely is instead of "garbage".
var magic = []struct {
	prefix string
	name   string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"II*\x00", "TIFF image"},
	{"MM\x00*", "TIFF image"},
	{"PK\x03\x04", "ZIP archive (or DOCX/XLSX/ODT document)"},
	{"PK\x05\x06", "ZIP archive (empty)"},
	{"\x1f\x8b", "GZIP archive"},
	{"\xfd7zXZ\x00", "XZ archive"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{"Rar!\x1a\x07", "RAR archive"},
	{"\x28\xb5\x2f\xfd", "Zstandard archive"},
	{"\x7fELF", "ELF executable"},
	{"\xca\xfe\xba\xbe", "Java class or Mach-O binary"},
	{"\xcf\xfa\xed\xfe", "Mach-O executable"},
	{"\xce\xfa\xed\xfe", "Mach-O executable"},
	{"\x00asm", "WebAssembly module"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 compound file (legacy DOC/XLS/PPT or MSG)"},
	{"SQLite format 3\x00", "SQLite database"},
	{"{\\rtf", "RTF document"},
	{"OggS", "Ogg media"},
	{"fLaC", "FLAC audio"},
	{"%!PS", "PostScript document"},
}

// weakMagic are signatures short enough to begin a line of text ("MZ
// Group said..."): they name the format only when the bytes are binary.
var weakMagic = []struct {
	prefix string
	name   string
}{
	{"MZ", "Windows executable"},
	{"BZh", "BZIP2 archive"},
	{"ID3", "MP3 audio"},
}

// ErrNotDocument is wrapped by Detect's error for inputs that are none of
// the formats the readers handle.
var ErrNotDocument = errors.New("not a PDF, HTML or text document")

// Detect returns the format of raw bytes. It looks only at the content,
// never at a file name: a text file called x.pdf is text, and binary data
// is an error that names what it looks like.
func Detect(raw []byte) (extractor.Format, error) {
	if len(raw) == 0 {
		return "", errors.New("empty input")
	}
	head := raw[:min(len(raw), pdfSearchLen)]
	if bytes.HasPrefix(head, []byte("%PDF-")) {
		return extractor.FormatPDF, nil
	}
	// A header after some junk counts only when the rest looks like a PDF
	// too; otherwise a text report quoting "%PDF-1.7" would be sent to the
	// PDF reader and fail.
	if i := bytes.Index(head, []byte("%PDF-")); i > 0 && looksLikePDFBody(raw[i:]) {
		return extractor.FormatPDF, nil
	}
	for _, m := range magic {
		if bytes.HasPrefix(raw, []byte(m.prefix)) {
			return "", fmt.Errorf("%w (looks like binary data: %s)", ErrNotDocument, m.name)
		}
	}
	if isRIFF(raw) {
		return "", fmt.Errorf("%w (looks like binary data: %s)", ErrNotDocument, riffName(raw))
	}

	sample, err := sniffText(raw)
	if err != nil {
		return "", err
	}
	if looksLikeHTML(sample) {
		return extractor.FormatHTML, nil
	}
	if looksLikeMarkdown(sample) {
		return extractor.FormatMarkdown, nil
	}
	return extractor.FormatText, nil
}

// looksLikePDFBody reports whether data after a late "%PDF-" has a version
// number and PDF object syntax.
func looksLikePDFBody(b []byte) bool {
	if len(b) < 8 || b[5] < '1' || b[5] > '9' || b[6] != '.' {
		return false
	}
	return bytes.Contains(b, []byte("endobj")) || bytes.Contains(b, []byte("startxref"))
}

func isRIFF(raw []byte) bool { return len(raw) >= 12 && string(raw[:4]) == "RIFF" }

func riffName(raw []byte) string {
	switch string(raw[8:12]) {
	case "WEBP":
		return "WebP image"
	case "WAVE":
		return "WAV audio"
	case "AVI ":
		return "AVI video"
	}
	return "RIFF container"
}

// sniffText returns up to sniffLen bytes of the input as UTF-8 (decoding a
// UTF-16 byte-order mark), or an error when the bytes are binary.
func sniffText(raw []byte) ([]byte, error) {
	sample := raw[:min(len(raw), sniffLen)]
	switch {
	case bytes.HasPrefix(sample, bomUTF16LE), bytes.HasPrefix(sample, bomUTF16BE):
		// Even length keeps the decoder from flagging a cut code unit.
		return decodeUTF16(sample[:len(sample)&^1]), nil
	case bytes.HasPrefix(sample, bomUTF8):
		sample = sample[len(bomUTF8):]
	}
	if why := binaryReason(sample, len(sample) < len(raw)); why != "" {
		for _, m := range weakMagic {
			if bytes.HasPrefix(raw, []byte(m.prefix)) {
				why = m.name
			}
		}
		return nil, fmt.Errorf("%w (looks like binary data: %s)", ErrNotDocument, why)
	}
	return sample, nil
}

// binaryReason says why sample is not text, or "" when it is. truncated
// means sample is a prefix of the input, so a cut multi-byte character at
// its end is not an error.
//
// Text in any encoding we can read (UTF-8 or a legacy 8-bit or East Asian
// multi-byte charset) has next to no C0 control bytes besides tab, line
// feed, carriage return and form feed; compressed, encrypted or executable
// data has about one in eight. That is the main test. Invalid UTF-8 alone
// is not binary: a Latin-1 report is still text.
func binaryReason(sample []byte, truncated bool) string {
	if len(sample) == 0 {
		return ""
	}
	var nul, ctrl, ascii int
	for _, c := range sample {
		switch {
		case c == 0:
			nul++
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x1b:
			ascii++ // escape stays: ANSI-coloured logs are still text
		case c < 0x20 || c == 0x7f:
			ctrl++
		case c < 0x80:
			ascii++
		}
	}
	n := len(sample)
	switch {
	case nul > 0 && (nul*1000 > n || n < 1000):
		if utf16Pattern(sample) {
			return "UTF-16 text without a byte-order mark"
		}
		return fmt.Sprintf("%d NUL bytes in the first %d", nul, n)
	case ctrl*50 > n: // over 2%
		return fmt.Sprintf("%d%% control bytes", (ctrl*100+n-1)/n)
	}
	if !validUTF8Prefix(sample, truncated) && ascii*4 < n {
		// Mostly non-ASCII and not UTF-8: plausible only for East Asian
		// legacy text, which keeps its ASCII spaces, digits and line ends.
		// Without any of those it is noise.
		if !bytes.ContainsAny(sample, " \n") {
			return "invalid UTF-8 and no text structure"
		}
	}
	return ""
}

// utf16Pattern reports whether every other byte is NUL, as ASCII text in
// UTF-16 looks.
func utf16Pattern(b []byte) bool {
	if len(b) < 4 {
		return false
	}
	var even, odd int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(b) / 2
	return even*10 > half*9 || odd*10 > half*9
}

// validUTF8Prefix is utf8.Valid that forgives a character cut off by the
// sample's end.
func validUTF8Prefix(b []byte, truncated bool) bool {
	if truncated {
		for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
			if utf8.RuneStart(b[i]) {
				if !utf8.FullRune(b[i:]) {
					b = b[:i]
				}
				break
			}
		}
	}
	return utf8.Valid(b)
}

// strongHTML are markers that make a document HTML wherever they appear in
// the first kilobyte; weakHTML count only when the document starts with a
// tag, so Markdown or text that mentions "<div>" stays text.
var (
	strongHTML = regexp.MustCompile(`(?i)<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]`)
	weakHTML   = regexp.MustCompile(`(?i)<(meta|title|link|div|p|span|a|table|h[1-6]|article|section|main|ul|ol|br|img|script|style|form|iframe|pre|b|i|em|strong)[\s>/]`)
)

// looksLikeHTML checks the start of a text sample for HTML markup.
func looksLikeHTML(sample []byte) bool {
	head := sample[:min(len(sample), 1024)]
	if strongHTML.Match(head) {
		return true
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\f")
	if len(trimmed) == 0 || trimmed[0] != '<' {
		return false
	}
	// GitHub-style Markdown often opens with a centred <p> or <div> block
	// and continues in Markdown: that is Markdown with inline HTML.
	return weakHTML.Match(head) && markdownScore(sample) < markdownThreshold
}

// Markdown signals, each worth markdownScore points per line (capped), and
// the score that makes a document Markdown. Plain-text reports use "-" and
// "1." lists too, so lists alone do not reach the threshold; headings,
// links, fences and tables do.
var (
	mdHeading   = regexp.MustCompile(`(?m)^#{1,6}[ \t]+\S`)
	mdFence     = regexp.MustCompile("(?m)^(```|~~~)")
	mdLink      = regexp.MustCompile(`!?\[[^\]\n]+\]\((https?://|/|#|\./|\.\./|[\w.-]+\.\w+)[^)\s]*(\s+"[^"\n]*")?\)`)
	mdRefLink   = regexp.MustCompile(`(?m)^\[[^\]\n]+\]:\s+\S`)
	mdList      = regexp.MustCompile(`(?m)^[ \t]{0,3}([-*+]|\d{1,3}[.)])[ \t]+\S`)
	mdSetext    = regexp.MustCompile(`(?m)^\S.*\n(=+|-+)[ \t]*$`)
	mdEmphasis  = regexp.MustCompile(`\*\*[^*\n]+\*\*|__[^_\n]+__|` + "`[^`\n]+`")
	mdTableRule = regexp.MustCompile(`(?m)^\|?[ \t]*:?-{3,}:?[ \t]*\|`)
)

const markdownThreshold = 4

func markdownScore(sample []byte) int {
	count := func(re *regexp.Regexp, limit int) int {
		return len(re.FindAllIndex(sample, limit))
	}
	score := 2*count(mdHeading, 3) + 2*count(mdFence, 2) + 2*count(mdLink, 3) +
		2*count(mdRefLink, 2) + 2*count(mdTableRule, 1) + count(mdSetext, 2) +
		count(mdEmphasis, 2)
	if count(mdList, 3) >= 3 {
		score++
	}
	return score
}

func looksLikeMarkdown(sample []byte) bool { return markdownScore(sample) >= markdownThreshold }
