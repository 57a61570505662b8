package document

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

func TestDetect(t *testing.T) {
	latin1, _ := charmap.Windows1252.NewEncoder().String("Caf\u00e9 na\u00efve r\u00e9sum\u00e9: the group targeted M\u00fcnchen.\n")
	sjis, _ := japanese.ShiftJIS.NewEncoder().String("攻撃者は東京の企業を標的にした。\n新しいマルウェアを発見した。\n")
	for _, tc := range []struct {
		name string
		raw  string
		want extractor.Format
	}{
		{"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", extractor.FormatPDF},
		{"pdf after junk", "garbage line\r\n%PDF-1.4\n1 0 obj\n<<>>\nendobj\nstartxref\n0\n%%EOF", extractor.FormatPDF},
		{"text quoting a pdf header", "Malicious files start with %PDF-1.7 like any PDF.\nThe dropper is small.\n", extractor.FormatText},
		{"doctype", "<!DOCTYPE html><html><body>x</body></html>", extractor.FormatHTML},
		{"bom and space", "\xef\xbb\xbf \n\t<html lang=en><body>x</body></html>", extractor.FormatHTML},
		{"fragment", "<div class=post><p>APT28 is active.</p></div>", extractor.FormatHTML},
		{"comment first", "<!-- saved from url=(0014)about:internet -->\n<html>\n<head><title>x</title></head></html>", extractor.FormatHTML},
		{"utf16 html", "\xff\xfe" + utf16le("<html><body>hi</body></html>"), extractor.FormatHTML},
		{"xml is not html", "<?xml version=\"1.0\"?>\n<rss><channel><item>x</item></channel></rss>", extractor.FormatText},
		{"plain text", "APT29 targeted diplomats in 2021.\nThe group used phishing.\n", extractor.FormatText},
		{"text mentioning tags", "Use a <div> for layout.\nThe rest is prose.\n", extractor.FormatText},
		{"latin-1 text", latin1, extractor.FormatText},
		{"shift_jis text", sjis, extractor.FormatText},
		{"utf16 text", "\xfe\xff" + utf16be("plain text\n"), extractor.FormatText},
		{"markdown", "# Report\n\nAPT41 used [ShadowPad](https://example.com/sp).\n\n- item one\n- item two\n", extractor.FormatMarkdown},
		{"markdown with html head", "<p align=\"center\"><img src=\"logo.png\"></p>\n\n# Threat report\n\n## Summary\n\nSee [the IOCs](./iocs.md).\n", extractor.FormatMarkdown},
		{"lists alone are text", "Findings:\n- one\n- two\n- three\n1. four\n", extractor.FormatText},
		{"ansi log", "\x1b[31merror\x1b[0m connection refused\n", extractor.FormatText},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Detect([]byte(tc.raw))
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDetectBinary(t *testing.T) {
	random := make([]byte, 4096)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(1 + r.UintN(255)) // no NUL: test the control-byte rule
	}
	for _, tc := range []struct {
		name, raw, want string
	}{
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"},
		{"zip", "PK\x03\x04\x14\x00\x00\x00", "ZIP archive"},
		{"gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00", "GZIP archive"},
		{"elf", "\x7fELF\x02\x01\x01\x00", "ELF executable"},
		{"pe", "MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "Windows executable"},
		{"ole", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "OLE2"},
		{"rtf", "{\\rtf1\\ansi hello}", "RTF document"},
		{"random bytes", string(random), "control bytes"},
		{"nul bytes", "abc\x00\x00\x00def", "NUL bytes"},
		{"utf16 without bom", utf16le("hello world, this is text"), "UTF-16 text without a byte-order mark"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Detect([]byte(tc.raw))
			if err == nil {
				t.Fatalf("detected %q, want an error", f)
			}
			if !errors.Is(err, ErrNotDocument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want ErrNotDocument naming %q", err, tc.want)
			}
			if !strings.Contains(err.Error(), "not a PDF, HTML or text document (looks like binary data") {
				t.Errorf("error %q does not say what it expected", err)
			}
		})
	}
	if _, err := Detect(nil); err == nil {
		t.Error("empty input: no error")
	}
}

// "MZ" starting a line of prose is text, not an executable.
func TestDetectWeakMagicText(t *testing.T) {
	if f, err := Detect([]byte("MZ Group targeted banks in 2019.\n")); err != nil || f != extractor.FormatText {
		t.Errorf("got %q, %v", f, err)
	}
}

// A file named .pdf is detected by content through the public Read path.
func TestReadDetectsByContent(t *testing.T) {
	doc, err := Read(t.Context(), "report.pdf", []byte("APT10 targeted managed service providers.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != extractor.FormatText {
		t.Errorf("format %q, want text", doc.Format)
	}
	_, err = Read(t.Context(), "report.pdf", []byte("\x89PNG\r\n\x1a\n\x00\x00"), Options{})
	if err == nil || !strings.Contains(err.Error(), "PNG image") {
		t.Errorf("png named .pdf: %v", err)
	}
}

func utf16le(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.String()
}

func utf16be(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		b.WriteByte(byte(r >> 8))
		b.WriteByte(byte(r))
	}
	return b.String()
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"%PDF-1.4", "<html>", "# t\n", "\x89PNG\r\n\x1a\n", "\xff\xfe<\x00", "\xfe\xff", "x%PDF-1.", "MZ"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		format, err := Detect(raw)
		if err != nil {
			if format != "" {
				t.Fatalf("format %q with error %v", format, err)
			}
			return
		}
		switch format {
		case extractor.FormatPDF, extractor.FormatHTML, extractor.FormatText, extractor.FormatMarkdown:
		default:
			t.Fatalf("unknown format %q", format)
		}
		if bytes.HasPrefix(raw, []byte("%PDF-")) && format != extractor.FormatPDF {
			t.Fatalf("%%PDF- header detected as %q", format)
		}
	})
}

// A file named .pdf that holds something else is read by its content, with
// a warning that says so: never a silent surprise.
func TestReadFileWarnsWhenNameAndContentDisagree(t *testing.T) {
	p := filepath.Join(t.TempDir(), "advisory.pdf")
	if err := os.WriteFile(p, []byte("<html><body><p>APT40 is linked to the Hainan State Security Department.</p></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := ReadFile(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != extractor.FormatHTML {
		t.Errorf("format = %s, want html (detected from the bytes)", doc.Format)
	}
	if len(doc.Warnings) == 0 || !strings.Contains(strings.Join(doc.Warnings, ";"), "named .pdf") {
		t.Errorf("no name/content warning: %q", doc.Warnings)
	}
}
