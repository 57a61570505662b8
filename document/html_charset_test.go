package document

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const cp1252Body = "<p>Researchers at M\u00fcller &amp; Co. found \u201cSilent\u00a0Ch\u00e2teau\u201d \u2014 a loader sold for 500\u20ac.</p>"
const cp1252Want = "Researchers at M\u00fcller & Co. found \u201cSilent Ch\u00e2teau\u201d \u2014 a loader sold for 500\u20ac."

// The HTTP header names the charset; the page declares none.
func TestHTMLCharsetFromHeader(t *testing.T) {
	raw := encode(t, charmap.Windows1252, "<html><head><title>T</title></head><body>"+cp1252Body+"</body></html>")
	ex := readHTMLString(t, string(raw), Options{ContentType: "text/html; charset=windows-1252"})
	if !strings.Contains(ex.pages[0], cp1252Want) {
		t.Errorf("got %q", ex.pages[0])
	}
	if len(ex.warnings) != 0 {
		t.Errorf("unexpected warnings %q", ex.warnings)
	}
}

// The header beats a <meta> that contradicts it.
func TestHTMLCharsetHeaderBeatsMeta(t *testing.T) {
	raw := encode(t, charmap.ISO8859_1, "<html><head><meta charset=\"windows-1251\"></head><body><p>Caf\u00e9 cr\u00e8me \u00e0 la Gr\u00fcnwald.</p></body></html>")
	ex := readHTMLString(t, string(raw), Options{ContentType: "text/html; charset=ISO-8859-1"})
	if !strings.Contains(ex.pages[0], "Caf\u00e9 cr\u00e8me \u00e0 la Gr\u00fcnwald.") {
		t.Errorf("got %q", ex.pages[0])
	}
}

// Shift_JIS and GBK declared by <meta charset> and <meta http-equiv>.
func TestHTMLCharsetFromMetaCJK(t *testing.T) {
	for _, tc := range []struct {
		name, head, text string
		enc              encoding.Encoding
	}{
		{"shift_jis", `<meta charset="Shift_JIS">`, "研究者は新しいマルウェアを発見した。攻撃者は東京の企業を標的にした。", japanese.ShiftJIS},
		{"gbk", `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`, "研究人员发现了新的恶意软件。攻击者以北京的公司为目标。", simplifiedchinese.GBK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := encode(t, tc.enc, "<html><head>"+tc.head+"<title>"+tc.text[:9]+"</title></head><body><article><p>"+tc.text+"</p></article></body></html>")
			ex := readHTMLString(t, string(raw), Options{})
			if !strings.Contains(ex.pages[0], tc.text) {
				t.Errorf("got %q", ex.pages[0])
			}
			if len(ex.warnings) != 0 {
				t.Errorf("unexpected warnings %q", ex.warnings)
			}
		})
	}
}

// A BOM wins over everything, as in browsers.
func TestHTMLCharsetBOM(t *testing.T) {
	body := "<html><body><p>Gr\u00fc\u00dfe aus K\u00f6ln.</p></body></html>"
	raw := append([]byte{0xFF, 0xFE}, encode(t, charmapUTF16LE(), body)...)
	ex := readHTMLString(t, string(raw), Options{ContentType: "text/html; charset=windows-1252"})
	if !strings.Contains(ex.pages[0], "Gr\u00fc\u00dfe aus K\u00f6ln.") {
		t.Errorf("UTF-16LE with BOM: %q", ex.pages[0])
	}
	raw = append([]byte{0xEF, 0xBB, 0xBF}, body...)
	ex = readHTMLString(t, string(raw), Options{ContentType: "text/html; charset=windows-1252"})
	if !strings.Contains(ex.pages[0], "Gr\u00fc\u00dfe aus K\u00f6ln.") {
		t.Errorf("UTF-8 with BOM: %q", ex.pages[0])
	}
}

// A page that declares UTF-8 (or nothing) but is windows-1252 is read as
// windows-1252, with a warning.
func TestHTMLCharsetWrongDeclaration(t *testing.T) {
	for _, head := range []string{`<meta charset="utf-8">`, ``} {
		raw := encode(t, charmap.Windows1252, "<html><head>"+head+"</head><body>"+cp1252Body+"</body></html>")
		ex := readHTMLString(t, string(raw), Options{})
		if !strings.Contains(ex.pages[0], cp1252Want) {
			t.Errorf("head %q: got %q", head, ex.pages[0])
		}
		if !hasWarning(ex.warnings, "windows-1252") {
			t.Errorf("head %q: no warning: %q", head, ex.warnings)
		}
	}
}

// A page declared windows-1252 whose bytes are UTF-8 is read as UTF-8.
func TestHTMLCharsetDeclaredLegacyButUTF8(t *testing.T) {
	page := "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Z\u00fcrich \u2014 \u201cquoted\u201d</p></body></html>"
	ex := readHTMLString(t, page, Options{})
	if !strings.Contains(ex.pages[0], "Z\u00fcrich \u2014 \u201cquoted\u201d") {
		t.Errorf("got %q", ex.pages[0])
	}
	if !hasWarning(ex.warnings, "read as UTF-8") {
		t.Errorf("no warning: %q", ex.warnings)
	}
}

// Mostly UTF-8 with one broken byte stays UTF-8: the stray byte becomes
// U+FFFD and the rest is not garbled.
func TestHTMLCharsetMostlyUTF8(t *testing.T) {
	page := "<html><head><meta charset=utf-8></head><body><p>Gr\u00fc\u00dfe, \u201cK\u00f6ln\u201d \xff ok.</p></body></html>"
	ex := readHTMLString(t, page, Options{})
	if !strings.Contains(ex.pages[0], "Gr\u00fc\u00dfe, \u201cK\u00f6ln\u201d \uFFFD ok.") {
		t.Errorf("got %q", ex.pages[0])
	}
	if !hasWarning(ex.warnings, "U+FFFD") {
		t.Errorf("no warning: %q", ex.warnings)
	}
}

func TestMetaCharset(t *testing.T) {
	for head, want := range map[string]string{
		`<meta charset="Shift_JIS">`: "Shift_JIS",
		`<meta http-equiv="content-type" content="text/html; charset=gb2312">`:  "gb2312",
		`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=koi8-r;">`: "koi8-r",
		`<title>x</title><body><meta charset="utf-8">`:                          "",
		`<meta name="viewport" content="width=device-width">`:                   "",
	} {
		if got := metaCharset([]byte("<html><head>" + head)); got != want {
			t.Errorf("%s: got %q, want %q", head, got, want)
		}
	}
}

func charmapUTF16LE() encoding.Encoding {
	return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
}
