package rules

import "testing"

func TestCaseLike(t *testing.T) {
	for _, c := range []struct{ word, syn, want string }{
		{"Labs", "research laboratories", "Research laboratories"},
		{"LABS", "research laboratories", "RESEARCH LABORATORIES"},
		{"labs", "research laboratories", "research laboratories"},
		{"Institute", "constitute", "Constitute"},
	} {
		if got := caseLike(c.word, c.syn); got != c.want {
			t.Errorf("caseLike(%q, %q) = %q, want %q", c.word, c.syn, got, c.want)
		}
	}
}

func TestNameSynonymItems(t *testing.T) {
	c := &compiler{nameSyn: map[string][]string{
		"technologies": {"applied sciences"},
		"technology":   {"know-how", "tech"},
	}}
	got := map[string]bool{}
	for _, it := range c.nameSynonymItems([]strItem{{s: "Technologies"}, {s: "Technology Co., Ltd."}, {s: "Group"}}) {
		got[it.s] = true
	}
	for _, want := range []string{"Technologies", "Applied sciences", "Technology Co., Ltd.", "Know-how Co., Ltd.", "Group"} {
		if !got[want] {
			t.Errorf("missing %q in %v", want, got)
		}
	}
	// a short form is no rewriter's word
	if got["Tech Co., Ltd."] {
		t.Errorf("short form kept: %v", got)
	}
	if len(got) != 5 {
		t.Errorf("got %d items, want 5: %v", len(got), got)
	}
}
