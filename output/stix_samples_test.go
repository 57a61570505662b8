package output

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/internal/testenv"
	"github.com/reportgraph/extractor/rules"
)

// The bundle a user gets from the real pipeline on our sample corpus (every
// entity and relation type, hedges, defanged indicators) is valid STIX 2.1,
// has no dangling reference, and is byte-identical when written again.
func TestSTIXOfSampleCorpusValidates(t *testing.T) {
	sch := stixBundleSchema(t)
	ds := pipelineDataset(t)
	var a, b bytes.Buffer
	if err := Write(&a, "stix", ds); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, "stix", pipelineDataset(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs on the same inputs gave different bundles")
	}
	if err := validateSTIX(t, sch, a.Bytes()); err != nil {
		t.Fatalf("bundle of corpus/samples does not validate: %v", err)
	}
	if dangling, n := danglingRefs(a.Bytes()); len(dangling) > 0 {
		t.Errorf("%d of %d references dangle: %v", len(dangling), n, dangling)
	}
	if !strings.Contains(a.String(), `"relationship"`) || !strings.Contains(a.String(), `"intrusion-set"`) {
		t.Error("bundle has no relationships or intrusion sets")
	}
}

func pipelineDataset(t *testing.T) *extractor.Dataset {
	t.Helper()
	dir := filepath.Join(testenv.RepoRoot(), "corpus", "samples")
	pack, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(pack)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*"))
	var results []*extract.DocResult
	for _, p := range paths {
		if strings.HasSuffix(p, ".json") {
			continue
		}
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			continue
		}
		doc, err := document.ReadFile(context.Background(), p, document.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		r, err := x.Document(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	return extract.Resolve(results)
}
