package rules

import "github.com/reportgraph/extractor"

// ProductSubtype marks a tool mention that names a software product an
// intrusion exploits or abuses (a VPN gateway, a mail server, a hypervisor:
// rules/pack/gaz-products.yaml) rather than software the actor brings and
// runs.
const ProductSubtype = "product"

// AnalysisSubtype marks a tool mention that names analysis, forensic or
// detection software (Volatility, Snort, Wireshark:
// gaz.tool.analysis-forensics): reports name it as what the defenders or
// the researchers used far more often than as the actor's kit, so a
// fallback or topic rule that only sees it near an actor makes no `uses`
// of it; a precise rule ("the actor ran Wireshark to sniff traffic")
// keeps its relation.
const AnalysisSubtype = "analysis"

// Reports name the products an actor breaks into far more often than they
// say the actor ran them: "Volt Typhoon exploited FortiGate devices",
// "Hafnium's campaign against Exchange servers". The relation rules that
// read an actor and a tool as `uses` (the verbs, the lists, the clause
// fallback, the topic rule relating a report's tools to its actor) would
// make every such product the actor's tool. Our gold and CAPTIER's
// annotation record the product as the actor's target, so:
//
//   - a product written as the means of an action ("read mail through
//     Outlook Web Access", "via Exchange Online") stays `uses`: the actor
//     did work the product;
//   - a fallback or topic match (priority below productRulePriority) is
//     dropped: such rules only see a tool near an actor, and a product near
//     an actor is its victim's software far more often than its kit;
//   - a match of a precise rule becomes `targets` with the same evidence
//     ("the actor compromised X"), or is dropped when the sentence already
//     ties the two by `targets` or `exploits`.
//
// Software an actor installs (AnyDesk, ScreenConnect, ...) carries no
// subtype and keeps `uses`.
const productRulePriority = 40

// productMeans are the words before a product that make it the means of
// an action ("through", "via") rather than what was attacked.
var productMeans = map[string]bool{"through": true, "via": true, "using": true, "over": true}

func (d *docState) productTargets(out []RelationMatch) []RelationMatch {
	type pair struct {
		sent extractor.Span
		a, b extractor.Span
	}
	product := func(sp extractor.Span) int {
		if k := d.accAt(sp); k >= 0 && d.acc[k].isProduct() {
			return k
		}
		return -1
	}
	tied := map[pair]bool{}
	for _, m := range out {
		if m.Type == "targets" || m.Type == "exploits" {
			tied[pair{m.Sentence, m.Source, m.Target}] = true
		}
	}
	n := 0
	for _, m := range out {
		if m.Type == "uses" && m.Priority < productRulePriority {
			if k := d.accAt(m.Target); k >= 0 && d.acc[k].typ == extractor.Tool && d.acc[k].subtype == AnalysisSubtype {
				continue
			}
		}
		if m.Type == "uses" {
			if k := product(m.Target); k >= 0 && !d.productMeans(k) {
				p := pair{m.Sentence, m.Source, m.Target}
				if m.Priority < productRulePriority || tied[p] {
					continue
				}
				tied[p] = true
				m.Type = "targets"
			}
		}
		out[n] = m
		n++
	}
	return out[:n]
}

// productMeans reports whether the product mention k is the means of an
// action: a word of productMeans comes before it, perhaps across a
// determiner and across other products it is written with ("through
// Outlook Web Access (OWA) in Exchange Online": both are what the actor
// went through).
func (d *docState) productMeans(k int) bool {
	lo := int(d.sentLo[d.sentOf[d.acc[k].tokS]])
	j := int(d.acc[k].tokS) - 1
	for steps := 0; j >= lo && steps < 16; steps++ {
		w := d.fold[j]
		switch {
		case productMeans[w]:
			return true
		case determiners[w] || productLinks[w]:
			j--
		case w == ")" && j-2 >= lo && d.fold[j-2] == "(":
			j -= 3 // "(OWA)"
		default:
			p := d.productEndingAt(j, k)
			if p < 0 {
				return false
			}
			j = int(d.acc[p].tokS) - 1
		}
	}
	return false
}

// productLinks are the words that join products named together ("OWA in
// Exchange Online", "Exchange and SharePoint").
var productLinks = map[string]bool{"in": true, "on": true, "of": true, "and": true, "or": true, ",": true}

// productEndingAt returns the index of a product mention before mention k
// whose last token is j, or -1.
func (d *docState) productEndingAt(j, k int) int {
	for p := k - 1; p >= 0 && p >= k-8; p-- {
		if c := &d.acc[p]; int(c.tokE) == j+1 && c.isProduct() {
			return p
		}
	}
	return -1
}

// isProduct reports whether the mention is a tool of subtype product.
func (c *cand) isProduct() bool {
	return c.typ == extractor.Tool && c.subtype == ProductSubtype
}
