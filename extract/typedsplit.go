package extract

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// An actor and a piece of malware may share a name up to case and spacing
// — "the Hangover crew" and "a downloader named HangOver" — and so share an
// identity key (VariantKey folds both). Most such variants are one entity
// written two ways (APT28, apt28), and the type vote settles them; but when
// the text says what each is with a cue word in both — a crew noun after
// the actor's name, a malware kind next to the malware's — they are two
// things named alike, and one entity would carry a wrong type for one of
// them. splitCuedTypes then gives the malware and tool refs of that key a
// key of their own; the actor refs, and refs of other types, keep it.

// cue records what a mention's own words say it is.
type cue uint8

const (
	cueNone    cue = iota
	cueActor       // "X crew", "the X group"
	cueMalware     // "X downloader", "a backdoor named X"
)

// codeKindWords are the nouns that say a name is a program's: after it ("the
// HangOver downloader") or before it, alone or with "named"/"called"/
// "dubbed" ("a downloader named HangOver", "the backdoor X").
var codeKindWords = map[string]bool{
	"malware": true, "backdoor": true, "downloader": true, "dropper": true, "loader": true, "implant": true,
	"trojan": true, "rat": true, "ransomware": true, "wiper": true, "stealer": true, "infostealer": true,
	"rootkit": true, "bootkit": true, "worm": true, "spyware": true, "keylogger": true, "botnet": true,
	"webshell": true, "tool": true, "toolkit": true, "utility": true, "framework": true, "payload": true,
	"variant": true, "family": true, "strain": true,
}

// strongActorRules are the rules whose match says by its own words that a
// name is a group's: a group kind before the name ("the espionage group
// X"), a group verb or noun phrase after it ("X is a threat group"),
// "another group, X", "tracked as X", or the actor side of a malware
// name's alias ("X (aka Y)" after a group noun). A mention they found is
// the document's own cue, as a crew noun after the name is.
var strongActorRules = map[string]bool{
	"core.threat-actor.kind-before-name":         true,
	"core.threat-actor.is-a-group":               true,
	"core.threat-actor.malware-name-aka":         true,
	"core.threat-actor.another-group-apposition": true,
	"core.threat-actor.tracked-as":               true,
}

var codeNamingWords = map[string]bool{"named": true, "called": true, "dubbed": true, "nicknamed": true, "codenamed": true}

// mentionCue reads the cue of one mention from its words and the words
// right around it in text. groupNouns are the resolver's (" group", ...).
func mentionCue(m *extractor.Mention, text string, groupNouns []string) cue {
	switch m.Type {
	case extractor.ThreatActor:
		if strongActorRules[m.Rule] {
			return cueActor
		}
		if withoutGroupNoun(m.Text, groupNouns) != "" {
			return cueActor
		}
		if m.End <= len(text) {
			after := " " + strings.ToLower(firstWord(text[m.End:]))
			for _, n := range groupNouns {
				if !strings.Contains(strings.TrimSpace(n), " ") && after == n {
					return cueActor
				}
			}
		}
	case extractor.Malware, extractor.Tool:
		words := strings.Fields(strings.ToLower(m.Text))
		if len(words) > 1 && codeKindWords[words[len(words)-1]] {
			return cueMalware
		}
		if m.End <= len(text) && codeKindWords[strings.ToLower(firstWord(text[m.End:]))] {
			return cueMalware
		}
		if m.Start <= len(text) {
			before := strings.Fields(strings.ToLower(text[max(0, m.Start-40):m.Start]))
			if n := len(before); n > 0 {
				w := strings.Trim(before[n-1], `"'“‘`)
				if codeNamingWords[w] && n > 1 {
					w = before[n-2]
				}
				if codeKindWords[strings.TrimRight(w, ",")] {
					return cueMalware
				}
			}
		}
	}
	return cueNone
}

// firstWord returns the first word of s when s starts with one space and a
// word; "" otherwise (punctuation or a line break ends the phrase).
func firstWord(s string) string {
	if !strings.HasPrefix(s, " ") {
		return ""
	}
	s = s[1:]
	end := 0
	for end < len(s) && (isWordByte(s[end]) || s[end] == '-') {
		end++
	}
	return s[:end]
}

// splitCuedTypes settles the type of a key whose refs disagree when the
// text cues one side: a document keeps what its own words say a name is,
// whatever other documents call it.
//
//   - A key with a cued actor ref and a cued malware or tool ref (in any
//     documents) is two things named alike: its malware and tool refs get
//     a key of their own.
//   - A malware or tool ref of a key cued as an actor in another document
//     only, and nowhere cued as code, gets a key of its own too: the other
//     document's cue does not type it, and its own typing does not retype
//     the actor.
//   - In a document that cues the key as an actor and never as code, its
//     uncued malware and tool refs vote as the actor: one strong cue
//     outweighs the name's weaker typing elsewhere in the same text.
func splitCuedTypes(refs []ref) {
	type docKey struct {
		doc int
		key string
	}
	actor := map[string]bool{}
	code := map[string]bool{}
	actorIn := map[docKey]bool{}
	codeIn := map[docKey]bool{}
	for i := range refs {
		dk := docKey{refs[i].doc, refs[i].key}
		switch refs[i].cue {
		case cueActor:
			actor[refs[i].key] = true
			actorIn[dk] = true
		case cueMalware:
			code[refs[i].key] = true
			codeIn[dk] = true
		}
	}
	for i := range refs {
		rf := &refs[i]
		t := rf.m.Type
		if (t != extractor.Malware && t != extractor.Tool) || !actor[rf.key] {
			continue
		}
		dk := docKey{rf.doc, rf.key}
		switch {
		case actorIn[dk] && !codeIn[dk] && rf.cue == cueNone:
			rf.votesAs = extractor.ThreatActor
		case code[rf.key] || !actorIn[dk]:
			rf.key = "code:" + rf.key
		}
	}
}
