package rules

import "testing"

// Token regexes are run once per distinct token text of a document and
// their results reused: every occurrence must still be found, at its own
// position, and judged in its own context.
func TestRepeatedTokensMatchAtEveryOccurrence(t *testing.T) {
	p := packOf(t, `
rules:
  - id: r.version
    kind: regex
    type: tool
    regex: 'v(?P<n>\d+)'
    group: n
  - id: r.product
    kind: pattern
    type: tool
    pattern:
      - text: Acme
      - {regex: '\p{Lu}\p{Ll}+', capture: true}
`)
	same(t, "repeated tokens", found(t, p, "Acme Anvil shipped v12. Later v12 and Acme Anvil shipped again, then Acme Rocket."),
		[]string{"Anvil/tool/r.product", "12/tool/r.version", "12/tool/r.version", "Anvil/tool/r.product", "Rocket/tool/r.product"})
}
