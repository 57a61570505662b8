package rules

import (
	"fmt"
	"testing"
	"time"
)

func TestZZCost(t *testing.T) {
	an := testAnalyzer(t)
	text := ctiText(300_000)
	sents := an.Analyze(text)
	base, _ := Default()
	measure := func(p *Pack) time.Duration {
		s := an.Analyze(text)
		start := time.Now()
		p.Match(text, s, an)
		return time.Since(start)
	}
	_ = sents
	t.Logf("all: %v", measure(base))
	var ids []string
	for _, in := range base.Rules() {
		if in.Kind == KindRelation {
			ids = append(ids, in.ID)
		}
	}
	all := "rules:\n"
	for _, id := range ids {
		all += fmt.Sprintf("  - {id: %s, disabled: true}\n", id)
		p, err := Load(writePack(t, map[string]string{"x.yaml": fmt.Sprintf("rules:\n  - {id: %s, disabled: true}\n", id)}))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("without %s: %v", id, measure(p))
	}
	p, _ := Load(writePack(t, map[string]string{"x.yaml": all}))
	t.Logf("no relations: %v", measure(p))
}
