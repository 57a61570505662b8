package rules

import "github.com/reportgraph/extractor"

// Actors that only took another's tools. A report on a leak names two
// actors: the one whose tools, victims and exploits it describes, and the
// one that stole, leaked or auctioned them ("a group calling itself Gray
// Lantern put up for auction files it said it had stolen from Kestrel
// Bear"). The leaker is often named more often (the news is the leak), but
// the tools are not its tools nor the victims its victims: its mentions do
// not count toward the document's or a paragraph's topic actor when the
// text names the actor it took them from. What the text says of the leaker
// itself is the relation rules' to read.

// The words are pack lists (core-vocabulary.yaml, vocab.go):
// rel_leak_from_words, followed by "from" and an actor ("stolen from X",
// "obtained from X"), say that the sentence's other actor took X's
// material; rel_leak_words, followed within a few tokens by a malware, tool
// or flaw ("had dumped EternalBlue and other tools online"), say that the
// sentence's actor published another's kit.

// leakerMentions returns, per mention in d.acc, whether it names an actor
// that a sentence has take material from another actor ("files it had
// stolen from Kestrel Bear"), when the text names that other actor at
// least twice, or dump or leak a tool ("had dumped EternalBlue online"). keys are the mentions' topic keys (topicKeys).
func (d *docState) leakerMentions(keys []string, isActor func(k int) bool) []bool {
	out := make([]bool, len(d.acc))
	actorAt := map[int]int{} // first token → mention
	count := map[string]int{}
	for k := range d.acc {
		if c := &d.acc[k]; !c.hide && isActor(k) {
			actorAt[int(c.tokS)] = k
			count[keys[k]]++
		}
	}
	kitAt := map[int]bool{} // first tokens of malware, tools and flaws
	kit := maskOf(extractor.Malware) | maskOf(extractor.Tool) | maskOf(extractor.Vulnerability)
	for k := range d.acc {
		if c := &d.acc[k]; !c.hide && maskOf(c.typ)&kit != 0 {
			kitAt[int(c.tokS)] = true
		}
	}
	leakers := map[string]bool{}
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || !isActor(k) || int(c.tokS) >= len(d.sentOf) {
			continue
		}
		si := int(d.sentOf[c.tokS])
		hi := min(d.sentLo[si+1], len(d.fold))
		for i := int(c.tokE); i+1 < hi; i++ {
			if d.p.cti.leakWords[d.fold[i]] && kitAt[i+1] || d.p.cti.leakWords[d.fold[i]] && i+2 < hi && kitAt[i+2] {
				leakers[keys[k]] = true // "X had dumped EternalBlue online"
			}
			if !d.p.cti.leakFromWords[d.fold[i]] {
				continue
			}
			// "stolen from", "stole them from": "from" within two tokens.
			j := i + 1
			for ; j < min(i+3, hi) && d.fold[j] != "from"; j++ {
			}
			if j >= hi || d.fold[j] != "from" {
				continue
			}
			// The owner: an actor right after "from" ("from the X").
			for o := j + 1; o < min(j+3, hi); o++ {
				if ko, ok := actorAt[o]; ok && keys[ko] != keys[k] && count[keys[ko]] >= 2 {
					leakers[keys[k]] = true
				}
			}
		}
	}
	if len(leakers) == 0 {
		return out
	}
	for k := range d.acc {
		out[k] = leakers[keys[k]]
	}
	return out
}
