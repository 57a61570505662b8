package rules

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
	"github.com/reportgraph/extractor/nlp"
)

// ctiText generates about n bytes of report-like prose: actor and malware
// names, organisations, defanged and plain indicators, CVEs, techniques,
// people with roles, and plenty of ordinary sentences around them. The
// generator is seeded, so every run measures the same text.
func ctiText(n int) string {
	rng := rand.New(rand.NewSource(1))
	pick := func(xs ...string) string { return xs[rng.Intn(len(xs))] }
	actor := func() string {
		return pick("APT41", "Volt Typhoon", "Lazarus Group", "Sandworm", "UNC3886", "Storm-0558", "FIN7",
			"Mustang Panda", "Fancy Bear", "Charming Kitten", "Granite Typhoon", "TA505", "Turla")
	}
	ip := func() string {
		sep := pick(".", "[.]")
		return fmt.Sprintf("%d.%d.%d%s%d", 1+rng.Intn(222), rng.Intn(256), rng.Intn(256), sep, rng.Intn(256))
	}
	dom := func() string {
		return pick("update", "cdn", "login", "mail", "api") + "-" + pick("secure", "portal", "sync") +
			pick(".com", "[.]net", ".org", "[.]xyz", ".ru")
	}
	hash := func(k int) string {
		const hex = "0123456789abcdef"
		b := make([]byte, k)
		for i := range b {
			b[i] = hex[rng.Intn(16)]
		}
		return string(b)
	}
	templates := []func() string{
		func() string {
			return fmt.Sprintf("In %d, %s targeted %s organisations in %s using spear-phishing e-mails with malicious attachments.",
				2015+rng.Intn(10), actor(), pick("telecommunications", "energy", "government", "defence"), pick("Taiwan", "Ukraine", "the United States", "Germany"))
		},
		func() string {
			return fmt.Sprintf("The backdoor beaconed to %s and hxxps://%s/api/v2/check over HTTPS every %d minutes.", ip(), dom(), 5+rng.Intn(50))
		},
		func() string {
			return fmt.Sprintf("%s, also known as %s, exploited CVE-20%d-%d in exposed %s appliances (T1190).",
				actor(), actor(), 18+rng.Intn(7), 1000+rng.Intn(40000), pick("Fortinet", "Ivanti", "Citrix", "VMware"))
		},
		func() string {
			return fmt.Sprintf("The loader (SHA-256 %s) dropped a DLL named %s.dll that was side-loaded by a signed binary.", hash(64), pick("version", "wininet", "mscoree"))
		},
		func() string {
			return "Researchers observed that the operators relied on living-off-the-land techniques, such as PowerShell and WMI, to move laterally and avoid detection for several months."
		},
		func() string {
			return fmt.Sprintf("\"We assess with moderate confidence that this activity supports intelligence collection,\" said %s %s, %s at %s.",
				pick("Jane", "John", "Maria", "Wei"), pick("Doerr", "Smith", "Garcia", "Zhang"), pick("chief analyst", "senior researcher", "director"), pick("Mandiant", "Microsoft", "CrowdStrike"))
		},
		func() string {
			return fmt.Sprintf("Operation %s, attributed to the Ministry of State Security, compromised %s Network Technology Co., Ltd. and a university in %s.",
				pick("Aurora", "Copper Kettle", "Dream Job"), pick("Shanghai Yingmi", "Chengdu Quiet"), pick("Beijing", "Wuhan"))
		},
		func() string {
			return fmt.Sprintf("Indicators include %s, %s, mail to admin[at]%s and the MD5 %s; version 1.2.3.4 of the agent is not affected.", dom(), ip(), dom(), hash(32))
		},
		func() string {
			return "The group is known for patience: it waits for weeks before acting, cleans logs, and rotates infrastructure often, which makes attribution harder for defenders and analysts alike."
		},
	}
	var b strings.Builder
	for b.Len() < n {
		for k := 0; k < 1+rng.Intn(5); k++ {
			b.WriteString(templates[rng.Intn(len(templates))]())
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func benchMatch(b *testing.B, p *Pack, an *nlp.Analyzer, text string) {
	sents := an.Analyze(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	var n int
	for i := 0; i < b.N; i++ {
		n = len(p.Match(text, sents, an).Mentions)
	}
	b.ReportMetric(float64(n), "mentions")
}

// BenchmarkMatch measures Match alone (tokenisation excluded) on a
// generated 1 MB report; the target is ≥ 4 MB/s on one core.
func BenchmarkMatch(b *testing.B) {
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	an, err := nlp.New()
	if err != nil {
		b.Fatal(err)
	}
	text := ctiText(1 << 20)
	b.Run("generated", func(b *testing.B) { benchMatch(b, p, an, text) })
	b.Run("generated+analyze", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for i := 0; i < b.N; i++ {
			p.Match(text, an.Analyze(text), an)
		}
	})
}

// BenchmarkMatchAnnoCTR measures Match on the AnnoCTR development reports.
func BenchmarkMatchAnnoCTR(b *testing.B) {
	dir := testenv.SharedDir(b, "data", "cases", "annoctr-dev")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var all strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all.Write(data)
		all.WriteString("\n\n")
	}
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	an, err := nlp.New()
	if err != nil {
		b.Fatal(err)
	}
	benchMatch(b, p, an, all.String())
}

// BenchmarkLoad measures compiling the embedded pack (done once per run).
func BenchmarkLoad(b *testing.B) {
	if _, err := sharedAnalyzer(); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
