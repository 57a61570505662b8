package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// Our own STIX 2.1 types: no STIX library is available to us, and the
// writer needs only the common properties plus the few type-specific ones
// it fills. Reading (tests, and anyone who loads a bundle back) keeps every
// property it does not know in Custom, so a bundle survives a round trip.

// STIXBundle is a STIX 2.1 bundle.
type STIXBundle struct {
	Type    string       `json:"type"`
	ID      string       `json:"id"`
	Objects []STIXObject `json:"objects,omitempty"`
}

// STIXObject is any STIX 2.1 object: the common properties, the
// type-specific properties our writer uses, and Custom for the rest.
type STIXObject struct {
	Type               string              `json:"type"`
	SpecVersion        string              `json:"spec_version,omitempty"`
	ID                 string              `json:"id"`
	CreatedByRef       string              `json:"created_by_ref,omitempty"`
	Created            string              `json:"created,omitempty"`
	Modified           string              `json:"modified,omitempty"`
	Revoked            *bool               `json:"revoked,omitempty"`
	Labels             []string            `json:"labels,omitempty"`
	Confidence         *int                `json:"confidence,omitempty"`
	Lang               string              `json:"lang,omitempty"`
	ExternalReferences []ExternalReference `json:"external_references,omitempty"`
	ObjectMarkingRefs  []string            `json:"object_marking_refs,omitempty"`

	Name        string   `json:"name,omitempty"`
	Description string   `json:"description,omitempty"`
	Aliases     []string `json:"aliases,omitempty"`

	// identity
	IdentityClass string   `json:"identity_class,omitempty"`
	Sectors       []string `json:"sectors,omitempty"`
	// location
	Region             string `json:"region,omitempty"`
	Country            string `json:"country,omitempty"`
	AdministrativeArea string `json:"administrative_area,omitempty"`
	City               string `json:"city,omitempty"`
	// malware, tool
	IsFamily     *bool    `json:"is_family,omitempty"`
	MalwareTypes []string `json:"malware_types,omitempty"`
	ToolTypes    []string `json:"tool_types,omitempty"`
	// indicator
	IndicatorTypes  []string         `json:"indicator_types,omitempty"`
	Pattern         string           `json:"pattern,omitempty"`
	PatternType     string           `json:"pattern_type,omitempty"`
	PatternVersion  string           `json:"pattern_version,omitempty"`
	ValidFrom       string           `json:"valid_from,omitempty"`
	KillChainPhases []KillChainPhase `json:"kill_chain_phases,omitempty"`
	// report
	ReportTypes []string `json:"report_types,omitempty"`
	Published   string   `json:"published,omitempty"`
	ObjectRefs  []string `json:"object_refs,omitempty"`
	// relationship
	RelationshipType string `json:"relationship_type,omitempty"`
	SourceRef        string `json:"source_ref,omitempty"`
	TargetRef        string `json:"target_ref,omitempty"`

	// Custom properties this writer sets (docs/stix.md).
	XExtractorID           string         `json:"x_extractor_id,omitempty"`
	XExtractorType         string         `json:"x_extractor_type,omitempty"`
	XExtractorRelationType string         `json:"x_extractor_relation_type,omitempty"`
	XExtractorStatus       string         `json:"x_extractor_status,omitempty"`
	XExtractorEvidence     []STIXEvidence `json:"x_extractor_evidence,omitempty"`
	XOpenCTIAliases        []string       `json:"x_opencti_aliases,omitempty"`
	XOpenCTILocationType   string         `json:"x_opencti_location_type,omitempty"`

	// Custom holds every property not named above, verbatim.
	Custom map[string]json.RawMessage `json:"-"`
}

// ExternalReference is a STIX external reference.
type ExternalReference struct {
	SourceName  string            `json:"source_name"`
	Description string            `json:"description,omitempty"`
	URL         string            `json:"url,omitempty"`
	Hashes      map[string]string `json:"hashes,omitempty"`
	ExternalID  string            `json:"external_id,omitempty"`
}

// KillChainPhase is a STIX kill-chain phase.
type KillChainPhase struct {
	KillChainName string `json:"kill_chain_name"`
	PhaseName     string `json:"phase_name"`
}

// STIXEvidence is one element of x_extractor_evidence: where in which
// document the object or relationship was found.
type STIXEvidence struct {
	Document string `json:"document"`
	Source   string `json:"source,omitempty"`
	Page     int    `json:"page,omitempty"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// Text is the surface form of an entity's first mention in the document.
	Text string `json:"text,omitempty"`
	// Mentions counts an entity's mentions in the document.
	Mentions int    `json:"mentions,omitempty"`
	Sentence string `json:"sentence,omitempty"`
	Rule     string `json:"rule"`
	Hedge    string `json:"hedge,omitempty"`
	Coref    string `json:"coref,omitempty"`
}

// stixObjectFields is the set of JSON names STIXObject declares; anything
// else read from a bundle goes to Custom.
var stixObjectFields = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	t := reflect.TypeOf(STIXObject{})
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name != "" && name != "-" {
			names[name] = true
		}
	}
	return names
})

// stixObjectAlias has STIXObject's fields without its methods.
type stixObjectAlias STIXObject

// MarshalJSON writes the declared properties in declaration order, then the
// custom ones in name order, so the output is the same for the same object.
func (o STIXObject) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(stixObjectAlias(o))
	if err != nil || len(o.Custom) == 0 {
		return b, err
	}
	keys := make([]string, 0, len(o.Custom))
	for k := range o.Custom {
		if stixObjectFields()[k] {
			return nil, fmt.Errorf("stix object %s: custom property %q shadows a declared one", o.ID, k)
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	buf.Write(b[:len(b)-1]) // drop the closing brace
	for _, k := range keys {
		name, _ := json.Marshal(k)
		buf.WriteByte(',')
		buf.Write(name)
		buf.WriteByte(':')
		if err := json.Compact(&buf, o.Custom[k]); err != nil {
			return nil, fmt.Errorf("stix object %s: property %q: %w", o.ID, k, err)
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// UnmarshalJSON reads the declared properties and keeps the others in Custom.
func (o *STIXObject) UnmarshalJSON(b []byte) error {
	var a stixObjectAlias
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	for k, v := range all {
		if !stixObjectFields()[k] {
			if a.Custom == nil {
				a.Custom = map[string]json.RawMessage{}
			}
			a.Custom[k] = v
		}
	}
	*o = STIXObject(a)
	return nil
}
