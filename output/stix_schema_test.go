package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/reportgraph/extractor/internal/testenv"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The OASIS STIX 2.1 JSON schemas name each other by their $id URLs
// (raw.githubusercontent.com); we load every file of the local copy under
// its $id, so no reference goes to the network.
//
// bundle.json lists the object schemas an item may match, and the OASIS
// copy omits some SDOs the spec defines (location, grouping, note, opinion,
// incident; the same kind of omission as oasis-open/cti-stix2-json-schemas
// issue 133 for infrastructure). Its fallback for custom types cannot match
// them either (core and cyber-observable-core both match, and it wants one).
// So the loader adds every sdos/ and sros/ schema missing from that list:
// each such object is then checked against its own type's schema, which is
// stricter than leaving it out.

var (
	stixSchemaOnce sync.Once
	stixSchema     *jsonschema.Schema
	stixSchemaErr  error
)

func stixBundleSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	dir := testenv.SharedDir(t, "data", "stix21", "schemas")
	stixSchemaOnce.Do(func() { stixSchema, stixSchemaErr = compileSTIXSchemas(dir) })
	if stixSchemaErr != nil {
		t.Fatalf("compiling the STIX schemas in %s: %v", dir, stixSchemaErr)
	}
	return stixSchema
}

func compileSTIXSchemas(dir string) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	bundleID := ""
	var bundleDoc map[string]any
	var objectSchemas []string // "../sdos/x.json", "../sros/y.json"
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		m, _ := doc.(map[string]any)
		id, _ := m["$id"].(string)
		if id == "" {
			return fmt.Errorf("%s: no $id", path)
		}
		if parent := filepath.Base(filepath.Dir(path)); parent == "sdos" || parent == "sros" {
			objectSchemas = append(objectSchemas, "../"+parent+"/"+filepath.Base(path))
		}
		if strings.HasSuffix(id, "/common/bundle.json") {
			bundleID, bundleDoc = id, m
			return nil // added below, once completed
		}
		return c.AddResource(id, doc)
	})
	if err != nil {
		return nil, err
	}
	if bundleID == "" {
		return nil, fmt.Errorf("no common/bundle.json in %s", dir)
	}
	if err := addMissingObjectSchemas(bundleDoc, objectSchemas); err != nil {
		return nil, err
	}
	if err := c.AddResource(bundleID, bundleDoc); err != nil {
		return nil, err
	}
	return c.Compile(bundleID)
}

// addMissingObjectSchemas appends to bundle.json's list of object schemas
// (objects.items.anyOf[0].oneOf) every schema in refs it does not list.
func addMissingObjectSchemas(bundle map[string]any, refs []string) error {
	var list []any
	var ok bool
	func() {
		defer func() { _ = recover() }() // a different layout: reported below
		oneOf := bundle["properties"].(map[string]any)["objects"].(map[string]any)["items"].(map[string]any)["anyOf"].([]any)[0].(map[string]any)
		list, ok = oneOf["oneOf"].([]any)
		if ok {
			listed := map[string]bool{}
			for _, item := range list {
				if ref, _ := item.(map[string]any)["$ref"].(string); ref != "" {
					listed[ref] = true
				}
			}
			for _, ref := range refs {
				if !listed[ref] {
					list = append(list, map[string]any{"$ref": ref})
				}
			}
			oneOf["oneOf"] = list
		}
	}()
	if !ok {
		return fmt.Errorf("bundle.json: objects.items.anyOf[0].oneOf is not where expected")
	}
	return nil
}

func validateSTIX(t *testing.T, sch *jsonschema.Schema, raw []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("bundle is not JSON: %v", err)
	}
	return sch.Validate(v)
}

// danglingRefs returns every *_ref / *_refs value that names no object of
// the bundle, searching the whole JSON tree.
func danglingRefs(raw []byte) ([]string, int) {
	var b struct {
		Objects []map[string]any `json:"objects"`
	}
	if err := json.Unmarshal(raw, &b); err != nil {
		return []string{"unreadable: " + err.Error()}, 0
	}
	ids := map[string]bool{}
	for _, o := range b.Objects {
		id, _ := o["id"].(string)
		ids[id] = true
	}
	var dangling []string
	n := 0
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(k, x)
			}
		case []any:
			for _, x := range v {
				walk(key, x)
			}
		case string:
			if strings.HasSuffix(key, "_ref") || strings.HasSuffix(key, "_refs") {
				n++
				if !ids[v] {
					dangling = append(dangling, key+"="+v)
				}
			}
		}
	}
	for _, o := range b.Objects {
		walk("", o)
	}
	return dangling, n
}
