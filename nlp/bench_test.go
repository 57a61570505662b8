package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
)

// benchReport is CTI-style text written for these benchmarks: prose with
// abbreviations, indicators, a heading, a list and page breaks.
var benchReport = func() string {
	page := "Technical Analysis\n" + handParagraph + "\n\n" +
		`The first-stage loader, svchost.exe, was dropped to C:\ProgramData\Microsoft\svchost.exe and persisted via HKCU\Software\Microsoft\Windows\CurrentVersion\Run. ` +
		"It beaconed to hxxps://cdn-update[.]example[.]com/api/v2?id=4242 every 300 seconds and fell back to 198.51.100.23:8443 when the domain failed to resolve. " +
		"The operators, who we track as Storm-0558, didn't reuse infrastructure across victims; each intrusion had its own VPS.\n\n" +
		"Indicators of compromise:\n" +
		"• 198.51.100.23\n• cdn-update[.]example[.]com\n• 5d41402abc4b2a76b9719d911017c592\n\n" +
		"Mitigations include patching CVE-2023-23397 (Outlook), enforcing MFA, and monitoring for T1059.001 (PowerShell) and T1003.001 (LSASS memory). " +
		"Organizations in the energy, telecommunications and government sectors of the U.S. and Japan should review logs from Jan. 2023 onward.\f"
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString(page)
	}
	return b.String()
}()

func benchAnalyze(b *testing.B, text string) {
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	tokens := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range a.Analyze(text) {
			tokens += len(s.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

func benchTag(b *testing.B, text string) {
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	sents := a.Analyze(text)
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Tokens)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range sents {
			for k := range sents[j].Tokens {
				sents[j].Tokens[k].POS = ""
			}
			a.Tag(&sents[j])
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func annoctrText(b *testing.B) string {
	dir := testenv.SharedDir(b, "data", "cases", "annoctr-dev")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skipf("no .txt files in %s: skipping", dir)
	}
	var sb strings.Builder
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(raw)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkAnalyze(b *testing.B) {
	b.Run("generated-1MB", func(b *testing.B) { benchAnalyze(b, benchReport) })
	b.Run("annoctr-dev", func(b *testing.B) { benchAnalyze(b, annoctrText(b)) })
}

func BenchmarkTag(b *testing.B) {
	b.Run("generated-1MB", func(b *testing.B) { benchTag(b, benchReport) })
	b.Run("annoctr-dev", func(b *testing.B) { benchTag(b, annoctrText(b)) })
}
