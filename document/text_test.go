package document

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestReadText(t *testing.T) {
	for _, tc := range []struct {
		name, raw, ctype, want, warn string
	}{
		{"as is", "Line one.\n\n  Indented line two.\n", "", "Line one.\n\n  Indented line two.\n", ""},
		{"utf8 bom", "\xef\xbb\xbfHello", "", "Hello", ""},
		{"utf16le bom", "\xff\xfe" + utf16le("Gr\u00fc\u00dfe"), "", "Gr\u00fc\u00dfe", ""},
		{"utf16be bom", "\xfe\xff" + utf16be("Gr\u00fc\u00dfe"), "", "Gr\u00fc\u00dfe", ""},
		{"invalid utf8", "caf\xe9 and \xff\xfe bytes", "", "caf\uFFFD and \uFFFD\uFFFD bytes", "3 bytes replaced with U+FFFD"},
		{"header charset", "caf\xe9 cr\xe8me", "text/plain; charset=iso-8859-1", "caf\u00e9 cr\u00e8me", ""},
		{"header utf-8", "caf\u00e9", "text/plain; charset=utf-8", "caf\u00e9", ""},
		{"nul removed", "a\x00b", "", "ab", "removed 1 NUL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ex, err := readText([]byte(tc.raw), Options{ContentType: tc.ctype})
			if err != nil {
				t.Fatal(err)
			}
			if len(ex.pages) != 1 || ex.pages[0] != tc.want {
				t.Errorf("got %q, want %q", ex.pages, tc.want)
			}
			if tc.warn == "" && len(ex.warnings) > 0 {
				t.Errorf("unexpected warnings %q", ex.warnings)
			}
			if tc.warn != "" && !hasWarning(ex.warnings, tc.warn) {
				t.Errorf("warnings %q, want one containing %q", ex.warnings, tc.warn)
			}
		})
	}
}

func TestReadMarkdown(t *testing.T) {
	md := "Intro line\n\n# Lazarus targets crypto exchanges #\n\nThe group used [AppleJeus](https://example.com/aj).\n\n## Details\n\n- item\n"
	doc, err := Read(t.Context(), "notes.txt", []byte(md), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "markdown" {
		t.Errorf("format %q, want markdown", doc.Format)
	}
	if doc.Title != "Lazarus targets crypto exchanges" {
		t.Errorf("title %q", doc.Title)
	}
	if !strings.Contains(doc.Text, "[AppleJeus](https://example.com/aj)") {
		t.Errorf("markdown not kept as is: %q", doc.Text)
	}
}

// A Latin-1 text file is text (not binary); its bytes are kept visible as
// U+FFFD with a warning, unless the HTTP header names the charset.
func TestReadLegacyText(t *testing.T) {
	raw, _ := charmap.ISO8859_1.NewEncoder().Bytes([]byte("Die Gruppe griff M\u00fcnchen an.\n"))
	doc, err := Read(t.Context(), "x.txt", raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "M\uFFFDnchen") || len(doc.Warnings) == 0 {
		t.Errorf("text %q warnings %q", doc.Text, doc.Warnings)
	}
	doc, err = Read(t.Context(), "x.txt", raw, Options{ContentType: "text/plain; charset=latin1"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "M\u00fcnchen") {
		t.Errorf("with header charset: %q", doc.Text)
	}
}

func FuzzReadText(f *testing.F) {
	f.Add([]byte("# t\n\ntext"), "")
	f.Add([]byte("\xff\xfea\x00"), "text/plain; charset=shift_jis")
	f.Add([]byte("caf\xe9"), "text/plain; charset=bogus")
	f.Fuzz(func(t *testing.T, raw []byte, ctype string) {
		ex, err := readText(raw, Options{ContentType: ctype})
		if err != nil {
			t.Fatal(err)
		}
		if len(ex.pages) != 1 {
			t.Fatalf("%d pages", len(ex.pages))
		}
		if strings.ContainsRune(ex.pages[0], 0) {
			t.Fatal("NUL in text")
		}
	})
}
