package output

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

func markdown(t *testing.T, ds *extractor.Dataset) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, ds); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestMarkdownReport(t *testing.T) {
	md := markdown(t, fullDataset())
	for _, want := range []string{
		"# Extraction review",
		"2 document(s), 29 entities, 23 relations",
		// documents table: source (escaped), title, published date, counts
		"| 1 | https\\://example.org/advisory.pdf | Joint advisory | pdf | 3 | 2024-03-05 |",
		"| 2 | reports/notes.txt |  | text | 1 |  |",
		"### Threat actors (2)",
		"### Indicators (10)",
		// entity row: aliases, mentions, documents, confidence, first mention
		"| **Volt Typhoon** | Vanguard Panda, BRONZE SILHOUETTE, volt typhoon | 3 | 2 | 0.97 | candidate | doc 1, p. 1: “Vanguard Panda” |",
		"### contractor-of (1)",
		"- **i-Soon** (organization) → contractor-of → **Ministry of State Security** (government) · confidence 0.75 · candidate",
		"  > “i-Soon worked as a contractor for the Ministry of State Security.”\n  > — doc 1, p. 2 · rule rel.test",
		"  > “i-Soon may have served the MSS.”\n  > — doc 2, p. 1 · hedged: *may* · rule rel.test",
		"**malware\\:not-in-dataset** (not in the dataset)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// One section per relation type in the dataset.
	if n := strings.Count(md, "\n### "); n != 11+10 {
		t.Errorf("%d sections, want 11 entity types + 10 relation types", n)
	}
}

func TestMarkdownEmptyDataset(t *testing.T) {
	md := markdown(t, emptyDataset())
	for _, want := range []string{"No documents.", "No entities.", "No relations."} {
		if !strings.Contains(md, want) {
			t.Errorf("empty report lacks %q:\n%s", want, md)
		}
	}
}

func TestMarkdownCapsEvidence(t *testing.T) {
	ds := fullDataset()
	r := &ds.Relations[0]
	for i := 0; i < MaxEvidenceShown+3; i++ {
		r.Evidence = append(r.Evidence, evid(docB, 1000+i, 1, "Again.", ""))
	}
	if md := markdown(t, ds); !strings.Contains(md, "… and 4 more sentence(s).") {
		t.Error("evidence beyond the cap is not counted")
	}
}

var (
	// Any of these in the output would be live markup.
	liveMarkup = []*regexp.Regexp{
		regexp.MustCompile(`<[a-zA-Z/!?]`),                                          // HTML tags and comments
		regexp.MustCompile(`(^|[^\\])\]\(`),                                         // [text](link) / ![img](src)
		regexp.MustCompile(`(?i)(^|[^\\])(javascript|https?|mailto):`),              // autolink schemes
		regexp.MustCompile(`(?i)www\.`),                                             // GFM www. autolink
		regexp.MustCompile(`\*\*bold\*\*|_em_|~~strike~~|\$x\$|(^|[^\\])# heading`), // the payload's emphasis, math, heading
		regexp.MustCompile("(^|[^\\\\])`"),                                          // code spans
	}
	tableRow      = regexp.MustCompile(`^\|.*\|$`)
	unescapedPipe = regexp.MustCompile(`(^|[^\\])\|`)
)

func TestMarkdownHostileStringsStayInert(t *testing.T) {
	md := markdown(t, hostileDataset())
	columns := 0 // of the tables in the current section
	for i, line := range strings.Split(md, "\n") {
		switch line {
		case "## Documents":
			columns = 9
		case "## Entities":
			columns = 7
		}
		for _, re := range liveMarkup {
			if loc := re.FindStringIndex(line); loc != nil {
				t.Errorf("line %d: live markup %q in %q", i+1, line[loc[0]:loc[1]], line)
			}
		}
		// A table row has exactly its columns: no pipe from the input splits a cell.
		if tableRow.MatchString(line) {
			if cells := len(unescapedPipe.FindAllString(line, -1)) - 1; cells != columns {
				t.Errorf("line %d has %d cells, want %d: %s", i+1, cells, columns, line)
			}
		}
	}
	for _, want := range []string{"&lt;script&gt;alert\\(1\\)&lt;/script&gt;", "a\\|b\\|c", "\\[click\\]\\(javascript\\:alert\\(1\\)\\)"} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks the escaped form %q", want)
		}
	}
}

func TestMDText(t *testing.T) {
	for in, want := range map[string]string{
		"Volt Typhoon":                 "Volt Typhoon",
		"<img src=x onerror=alert(1)>": "&lt;img src=x onerror=alert\\(1\\)&gt;",
		"[x](javascript:alert(1))":     "\\[x\\]\\(javascript\\:alert\\(1\\)\\)",
		"a|b":                          "a\\|b",
		"  line\none\r\n\ttwo  ":       "line one two",
		"www.evil.example":             "www\\.evil.example",
		"ops@example.net":              "ops\\@example.net",
		"AT&T":                         "AT&amp;T",
		"&lt;":                         "&amp;lt;",
		"right\u202eleft":              "right left",
		`back\slash`:                   `back\\slash`,
		"APT-28 v1.2":                  "APT-28 v1.2",
	} {
		if got := mdText(in); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
}
