package main

import (
	"fmt"
	"strings"
)

// source is one document to render: a few "key: value" settings, a "---"
// line, then a body of blocks separated by blank lines.
type source struct {
	Layout string // "one-column" or "two-column"
	Title  string // document title (PDF metadata and first-page banner)
	Header string // running header on every page but the first
	Footer string // running footer text, left of the page number
	// HeaderFirst also prints the running header on page one; most reports
	// skip it there, which leaves a lone header line on two-page documents.
	HeaderFirst bool
	Blocks      []block
}

type blockKind int

const (
	para    blockKind = iota
	heading           // "## text"
	bullet            // "- text"
	table             // consecutive "| a | b |" lines
	byline            // "> text": small italic line (author, date)
)

type block struct {
	Kind blockKind
	Text string
	Rows [][]string // table only
}

func parseSource(raw string) (source, error) {
	head, body, ok := strings.Cut(raw, "\n---\n")
	if !ok {
		return source{}, fmt.Errorf(`missing "---" line after the settings`)
	}
	s := source{Layout: "one-column"}
	for _, line := range strings.Split(head, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return s, fmt.Errorf("setting %q is not key: value", line)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "layout":
			if v != "one-column" && v != "two-column" {
				return s, fmt.Errorf("layout %q: want one-column or two-column", v)
			}
			s.Layout = v
		case "title":
			s.Title = v
		case "header":
			s.Header = v
		case "footer":
			s.Footer = v
		case "header-first":
			if v != "yes" && v != "no" {
				return s, fmt.Errorf("header-first %q: want yes or no", v)
			}
			s.HeaderFirst = v == "yes"
		default:
			return s, fmt.Errorf("unknown setting %q", k)
		}
	}
	s.Blocks = parseBlocks(body)
	return s, nil
}

// parseBlocks joins wrapped lines into paragraphs so sources can be edited
// with any line length; headings, bullets and table rows are single lines.
func parseBlocks(body string) []block {
	var out []block
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, block{Kind: para, Text: strings.Join(cur, " ")})
			cur = nil
		}
	}
	for _, line := range strings.Split(body, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "## "):
			flush()
			out = append(out, block{Kind: heading, Text: t[3:]})
		case strings.HasPrefix(t, "> "):
			flush()
			out = append(out, block{Kind: byline, Text: t[2:]})
		case strings.HasPrefix(t, "- "):
			flush()
			out = append(out, block{Kind: bullet, Text: t[2:]})
		case strings.HasPrefix(t, "|"):
			flush()
			row := splitRow(t)
			if n := len(out); n > 0 && out[n-1].Kind == table {
				out[n-1].Rows = append(out[n-1].Rows, row)
			} else {
				out = append(out, block{Kind: table, Rows: [][]string{row}})
			}
		default:
			cur = append(cur, t)
		}
	}
	flush()
	return out
}

func splitRow(line string) []string {
	line = strings.Trim(line, "|")
	cells := strings.Split(line, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}
