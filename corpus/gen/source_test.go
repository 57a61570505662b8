package main

import (
	"strings"
	"testing"
)

func TestParseSourceJoinsParagraphsAndGroupsTables(t *testing.T) {
	raw := "layout: two-column\ntitle: T\nheader: H\n---\n> by someone\n\n## Heading\nfirst line\nsecond line\n\n- a bullet\n| A | B |\n| 1 | 2 |\n\nlast\n"
	s, err := parseSource(raw)
	if err != nil {
		t.Fatal(err)
	}
	if s.Layout != "two-column" || s.Title != "T" || s.Header != "H" {
		t.Fatalf("settings not read: %+v", s)
	}
	kinds := []blockKind{byline, heading, para, bullet, table, para}
	if len(s.Blocks) != len(kinds) {
		t.Fatalf("got %d blocks, want %d: %+v", len(s.Blocks), len(kinds), s.Blocks)
	}
	for i, k := range kinds {
		if s.Blocks[i].Kind != k {
			t.Errorf("block %d kind %d, want %d", i, s.Blocks[i].Kind, k)
		}
	}
	if got := s.Blocks[2].Text; got != "first line second line" {
		t.Errorf("wrapped lines not joined: %q", got)
	}
	if rows := s.Blocks[4].Rows; len(rows) != 2 || rows[1][1] != "2" {
		t.Errorf("table rows: %q", rows)
	}
}

func TestParseSourceRejectsBadSettings(t *testing.T) {
	for _, raw := range []string{
		"title: no separator\n",
		"layout: three-column\n---\nbody\n",
		"colour: red\n---\nbody\n",
		"header-first: maybe\n---\nbody\n",
	} {
		if _, err := parseSource(raw); err == nil {
			t.Errorf("parseSource(%q) accepted bad input", strings.SplitN(raw, "\n", 2)[0])
		}
	}
}
