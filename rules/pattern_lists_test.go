package rules

import (
	"strings"
	"testing"
)

// A pattern rule with `lists: true` reads a bullet list with its intro as
// one sentence (the colon as "including", the first bullet as "the"), so
// a kind noun in the intro types the names on the bullet lines; without
// the field the lines stay sentences of their own.
func TestPatternListsReadBulletsWithTheirIntro(t *testing.T) {
	const rule = `
rules:
  - id: t.kind
    kind: pattern
    type: malware
    LISTS
    pattern:
      - lower: malware
      - lower: including
      - {lower: the, optional: true}
      - {regex: '\p{Lu}\p{L}+', capture: true}
      - text: [",", ".", and]
    examples: {match: ["It used malware including Tarnwick."]}
`
	text := "The crew used this malware:\n- Tarnwick\n- Marsh\n\nBoth were new.\n"
	with := packOf(t, strings.ReplaceAll(rule, "LISTS", "lists: true"))
	same(t, text, found(t, with, text), []string{"Tarnwick/malware/t.kind"})
	without := packOf(t, strings.ReplaceAll(rule, "LISTS", ""))
	same(t, text, found(t, without, text), nil)
	// The last item of a list at the very end of the text has no item end.
	end := "The crew used this malware:\n- Tarnwick\n"
	same(t, end, found(t, with, end), nil)
	// The token after the list reads as a full stop for the last item.
	last := "Then this malware:\n- Tarnwick\n\nMore text.\n"
	same(t, last, found(t, with, last), []string{"Tarnwick/malware/t.kind"})
}
