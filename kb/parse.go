package kb

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportgraph/extractor"
)

// entryFields are the keys an entry mapping may have; anything else is a
// typo the user wants to hear about.
var entryFields = []string{"name", "type", "aliases", "subtype", "source"}

// yamlLine finds the line number in a yaml.v3 parser message.
var yamlLine = regexp.MustCompile(`line (\d+)`)

func parseYAML(file string, data []byte) ([]Entry, []Problem) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = strings.TrimSpace(yamlLine.ReplaceAllString(msg, ""))
			msg = strings.TrimPrefix(strings.TrimPrefix(msg, ":"), " ")
		}
		return nil, []Problem{{File: file, Line: line, Msg: "not valid YAML: " + msg}}
	}
	if len(doc.Content) == 0 {
		return nil, []Problem{{File: file, Msg: "is empty (expected a mapping with an \"entities\" list)"}}
	}
	root := doc.Content[0]
	var probs []Problem
	bad := func(n *yaml.Node, format string, args ...any) {
		probs = append(probs, Problem{File: file, Line: n.Line, Msg: fmt.Sprintf(format, args...)})
	}
	if root.Kind != yaml.MappingNode {
		bad(root, "expected a mapping with an \"entities\" list, found %s", kindName(root))
		return nil, probs
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "entities":
			list = v
		default:
			bad(k, "unknown top-level key %q (expected \"entities\")", k.Value)
		}
	}
	if list == nil {
		bad(root, "has no \"entities\" list")
		return nil, probs
	}
	if list.Kind != yaml.SequenceNode {
		bad(list, "\"entities\" must be a list, found %s", kindName(list))
		return nil, probs
	}
	var out []Entry
	for _, n := range list.Content {
		if n.Kind != yaml.MappingNode {
			bad(n, "an entry must be a mapping with name and type, found %s", kindName(n))
			continue
		}
		e := Entry{File: file, Line: n.Line}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			str := func() string {
				if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
					bad(v, "%s must be a string, found %s", k.Value, kindName(v))
					return ""
				}
				return v.Value
			}
			switch k.Value {
			case "name":
				e.Name = str()
			case "type":
				e.Type = extractor.EntityType(strings.ToLower(strings.TrimSpace(str())))
			case "subtype":
				e.Subtype = strings.TrimSpace(str())
			case "source":
				e.Source = strings.TrimSpace(str())
			case "aliases":
				switch v.Kind {
				case yaml.ScalarNode: // a single alias
					e.Aliases = append(e.Aliases, v.Value)
				case yaml.SequenceNode:
					for _, a := range v.Content {
						if a.Kind != yaml.ScalarNode || a.Tag == "!!null" {
							bad(a, "an alias must be a string, found %s", kindName(a))
							continue
						}
						e.Aliases = append(e.Aliases, a.Value)
					}
				default:
					bad(v, "aliases must be a list of strings, found %s", kindName(v))
				}
			default:
				bad(k, "unknown field %q (fields: %s)", k.Value, strings.Join(entryFields, ", "))
			}
		}
		out = append(out, e)
	}
	return out, probs
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return fmt.Sprintf("%q", n.Value)
}

// parseTSV reads name<TAB>type<TAB>aliases<TAB>subtype lines. Aliases are
// separated by "|". A first line whose first two fields are "name" and
// "type" is a header.
func parseTSV(file string, data []byte) ([]Entry, []Problem) {
	var out []Entry
	var probs []Problem
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), MaxFileBytes)
	line := 0
	header := true
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimSpace(text), "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if header {
			header = false
			if len(cols) >= 2 && strings.EqualFold(strings.TrimSpace(cols[0]), "name") &&
				strings.EqualFold(strings.TrimSpace(cols[1]), "type") {
				continue
			}
		}
		if len(cols) < 2 {
			probs = append(probs, Problem{File: file, Line: line,
				Msg: "expected name<TAB>type[<TAB>aliases separated by |[<TAB>subtype]], found no tab"})
			continue
		}
		if len(cols) > 4 {
			probs = append(probs, Problem{File: file, Line: line,
				Msg: fmt.Sprintf("expected at most 4 tab-separated columns (name, type, aliases, subtype), found %d", len(cols))})
			continue
		}
		e := Entry{File: file, Line: line, Name: cols[0],
			Type: extractor.EntityType(strings.ToLower(strings.TrimSpace(cols[1])))}
		if len(cols) > 2 && strings.TrimSpace(cols[2]) != "" {
			e.Aliases = strings.Split(cols[2], "|")
		}
		if len(cols) > 3 {
			e.Subtype = strings.TrimSpace(cols[3])
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		probs = append(probs, Problem{File: file, Line: line + 1, Msg: err.Error()})
	}
	return out, probs
}
