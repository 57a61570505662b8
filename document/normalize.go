package document

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// normalize is a stub: joins pages with form feeds and records page ranges.
func normalize(pages []string, paged bool) (string, []extractor.Page, []string) {
	var b strings.Builder
	var out []extractor.Page
	for i, p := range pages {
		if i > 0 {
			b.WriteByte(extractor.PageSeparator)
		}
		start := b.Len()
		b.WriteString(p)
		out = append(out, extractor.Page{Number: i + 1, Start: start, End: b.Len()})
	}
	return b.String(), out, nil
}
