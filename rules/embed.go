package rules

import "embed"

// packFS is the default rule pack, compiled into the binary so that the
// tool works with no files beside it.
//
//go:embed pack/*.yaml
var packFS embed.FS
