package document

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// A read whose time runs out, while reading or while normalising the text,
// fails with an error that wraps the context's (errors.Is finds
// context.DeadlineExceeded) and names the stage once ("normalising the
// text document", not "normalising text text").
func TestReadTimeoutWrapsDeadline(t *testing.T) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	raw := []byte("The operators reused the loader across three campaigns.\n")
	for i := 0; i < 20; i++ {
		_, err := Read(ctx, "note.txt", raw, Options{Timeout: 50 * time.Millisecond})
		if err == nil {
			t.Fatal("read with its deadline past: no error")
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("error %q does not wrap context.DeadlineExceeded", err)
		}
		msg := err.Error()
		if msg != "reading text timed out after 50ms: context deadline exceeded" &&
			msg != "normalising the text document timed out after 50ms: context deadline exceeded" {
			t.Errorf("error reads %q", msg)
		}
		if strings.Contains(msg, "text text") {
			t.Errorf("doubled word: %q", msg)
		}
	}
}
