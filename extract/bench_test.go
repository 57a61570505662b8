package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/internal/testenv"
	"github.com/reportgraph/extractor/rules"
)

// benchDocs reads the texts the extraction speed is measured on: the
// development CTI reports in ../shared (skipped when absent) or, failing
// that, the bundled samples.
func benchDocs(b *testing.B) []*extractor.Document {
	dir := filepath.Join(testenv.RepoRoot(), "corpus", "samples")
	if shared := filepath.Join(testenv.RepoRoot(), "..", "shared", "data", "cases", "annoctr-train"); dirExists(shared) {
		dir = shared
	}
	var docs []*extractor.Document
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".json") {
			return nil
		}
		doc, err := document.ReadFile(context.Background(), p, document.Options{})
		if err == nil {
			docs = append(docs, doc)
		}
		return nil
	})
	if len(docs) == 0 {
		b.Skip("no documents to measure on")
	}
	return docs
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// BenchmarkExtract measures entity extraction end to end on document text
// (sentences, tokens, every rule, resolution into entities, the relation
// model's proposals as `extractor extract` runs it) on one core; the
// target is ≥ 2 MB/s. Reading the files is not included.
func BenchmarkExtract(b *testing.B) {
	benchExtract(b, defaultPack(b))
}

// BenchmarkExtractNameModel is BenchmarkExtract with the name model on
// (--name-model).
func BenchmarkExtractNameModel(b *testing.B) {
	pack := defaultPack(b)
	benchExtract(b, pack.WithNameModel(pack.NameModel()))
}

func benchExtract(b *testing.B, pack *rules.Pack) {
	docs := benchDocs(b)
	x := extractorOn(b, pack)
	model := pairModelOn(b, pack)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		results := make([]*DocResult, 0, len(docs))
		for _, d := range docs {
			r, err := x.Document(context.Background(), d)
			if err != nil {
				b.Fatal(err)
			}
			results = append(results, r)
		}
		Resolve(results, WithPairModel(model))
	}
}

// BenchmarkExtractGiantSentence measures one long line of clauses without a
// full stop (hostile input: a single sentence of 1 MB). Its MB/s should
// stay close to BenchmarkExtract's; a pass quadratic in a sentence's
// mentions shows here as a rate that falls when the line grows.
func BenchmarkExtractGiantSentence(b *testing.B) {
	clause := "Analysts at Brindle Quay7 said Harrow Vale Partners and Kestrel Point Labs hit T1059 systems; "
	benchHostile(b, strings.Repeat(clause, 1<<20/len(clause)))
}

// largeText is about size bytes of report prose: the bundled samples' text
// files one after another, repeated (hostile input: one very long report).
func largeText(b *testing.B, size int) string {
	paths, _ := filepath.Glob(filepath.Join(testenv.RepoRoot(), "corpus", "samples", "*.txt"))
	var sb strings.Builder
	for sb.Len() < size && len(paths) > 0 {
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(raw)
			sb.WriteString("\n\n")
			if sb.Len() >= size {
				break
			}
		}
	}
	if sb.Len() == 0 {
		b.Skip("no sample texts")
	}
	return sb.String()
}

// BenchmarkExtractLarge measures one document of 4 MB of report prose
// (the samples repeated) through everything `extractor extract` does to a
// document: reading the text, NLP, every rule and relation, resolution
// with the relation model. Its MB/s should stay close to BenchmarkExtract's
// and its B/op a small multiple of the text; -benchmem and -memprofile show
// where a long report's memory goes.
func BenchmarkExtractLarge(b *testing.B) {
	pack := defaultPack(b)
	x := extractorOn(b, pack)
	model := pairModelOn(b, pack)
	raw := []byte(largeText(b, 4<<20))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, err := document.Read(context.Background(), "large.txt", raw, document.Options{})
		if err != nil {
			b.Fatal(err)
		}
		r, err := x.Document(context.Background(), doc)
		if err != nil {
			b.Fatal(err)
		}
		Resolve([]*DocResult{r}, WithPairModel(model))
	}
}

// benchHostile measures one hostile document through extraction and
// resolution; its MB/s should stay near BenchmarkExtract's.
func benchHostile(b *testing.B, text string) {
	x := extractorOn(b, defaultPack(b))
	doc := &extractor.Document{ID: "hostile", Text: text}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := x.Document(context.Background(), doc)
		if err != nil {
			b.Fatal(err)
		}
		Resolve([]*DocResult{r})
	}
}

// BenchmarkExtractLongList is a bullet list of 20,000 different company
// names after one intro: each name is spread over the document by
// propagation, which once scanned the whole text per name (quadratic: a
// list of 50,000 did not finish in a minute).
func BenchmarkExtractLongList(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Orchid Weasel compromised these organisations:\n\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&sb, "- Harbor%d Lines Group\n", i)
	}
	benchHostile(b, sb.String())
}

// BenchmarkExtractManyNames is one sentence naming 20,000 different
// companies after a targeting verb.
func BenchmarkExtractManyNames(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Orchid Weasel targeted ")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&sb, "Harbor%d Lines Group, ", i)
	}
	sb.WriteString("and the Ministry of Defence.\n")
	benchHostile(b, sb.String())
}
