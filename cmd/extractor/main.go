// Command extractor turns cyber-threat-intelligence reports into a dataset
// of actors and the relations between them. This package only parses flags,
// wires the packages together and prints; the work is done elsewhere.
package main

import (
	"errors"
	"fmt"
	"os"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	root := newRootCmd()
	if err := root.Execute(); err != nil {
		var quiet silentError
		if !errors.As(err, &quiet) {
			fmt.Fprintln(os.Stderr, "extractor:", err)
		}
		os.Exit(1)
	}
}

// silentError ends the program with a non-zero status after the details
// were already printed (per-input errors in a batch).
type silentError struct{ msg string }

func (e silentError) Error() string { return e.msg }
