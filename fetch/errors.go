package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Kinds of failure, for errors.Is. The message of an *Error says the rest.
var (
	ErrUnsupportedScheme = errors.New("unsupported scheme")
	ErrRefused           = errors.New("refused by address policy")
	ErrTooLarge          = errors.New("response too large")
	ErrTooManyRedirects  = errors.New("too many redirects")
	ErrTimeout           = errors.New("timed out")
	ErrUnreachable       = errors.New("unreachable")
	// ErrStatus is a final response that is not 2xx; Error.Status has it.
	ErrStatus = errors.New("HTTP error status")
)

// Error is a failed Get. Its message is the reason alone, on one line,
// without the URL: like document.Read's errors, the caller names the source
// (the CLI's extractor.InputError prints "URL: read: reason"), so the URL
// is not printed twice. Reasons read like
//
//	HTTP 404 Not Found
//	refused: private address 10.0.0.1 (use --allow-private)
//	refused: resolves to loopback address 127.0.0.1 (use --allow-private) after redirect to http://x.example/
//	unreachable: connection refused
//	timed out after 30s
//	response larger than 104857600 bytes (--max-bytes)
type Error struct {
	// URL is the URL as given to Get.
	URL string
	// Status is the HTTP status of the final response, 0 when there was
	// none (refused, unreachable, timed out ...).
	Status int
	// Err is the reason; errors.Is finds the kinds above through it.
	Err error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// reason is a one-line message plus the errors it stands for (a kind such
// as ErrTimeout and the underlying cause), so errors.Is sees both while
// the message stays short.
type reason struct {
	msg   string
	wraps []error
}

func (r *reason) Error() string   { return r.msg }
func (r *reason) Unwrap() []error { return r.wraps }

func because(msg string, wraps ...error) *reason {
	r := &reason{msg: msg}
	for _, w := range wraps {
		if w != nil {
			r.wraps = append(r.wraps, w)
		}
	}
	return r
}

// statusError is a non-2xx final response.
type statusError struct {
	code       int
	text       string
	retryAfter time.Duration
	at         string // the final URL, when redirects led elsewhere
	note       string // why no (further) retry
}

func (e *statusError) Error() string {
	s := strings.TrimSpace(fmt.Sprintf("HTTP %d %s", e.code, e.text))
	if e.at != "" {
		s += " at " + e.at
	}
	if e.note != "" {
		s += " (" + e.note + ")"
	}
	return s
}

func (e *statusError) Unwrap() error { return ErrStatus }

// explain turns an error from http.Client.Do or from reading the body into
// a reason. hop is the redirect target being requested, if any.
func (f *Fetcher) explain(parent, actx context.Context, hop string, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // it repeats the URL; Error names it once
	}
	var r *reason
	if errors.As(err, &r) {
		return r // from checkRedirect, complete with the hop
	}
	out := f.describe(parent, actx, err)
	if hop != "" {
		return because(out.Error()+" after redirect to "+hop, out)
	}
	return out
}

func (f *Fetcher) describe(parent, actx context.Context, err error) error {
	var ref *refusal
	if errors.As(err, &ref) {
		return ref
	}
	if parent.Err() != nil {
		return callerStopped(parent)
	}
	if errors.Is(actx.Err(), context.DeadlineExceeded) {
		return because(fmt.Sprintf("timed out after %s", f.opt.Timeout), ErrTimeout, err)
	}
	// net/http reports its own phase timeouts with unexported types only.
	msg := err.Error()
	switch {
	case strings.Contains(msg, "timeout awaiting response headers"):
		return because(fmt.Sprintf("timed out after %s waiting for response headers",
			f.transport.ResponseHeaderTimeout), ErrTimeout, err)
	case strings.Contains(msg, "TLS handshake timeout"):
		return because(fmt.Sprintf("timed out after %s in the TLS handshake",
			f.transport.TLSHandshakeTimeout), ErrTimeout, err)
	}

	var dns *net.DNSError
	var op *net.OpError
	switch {
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return because("unreachable: no such host "+dns.Name, ErrUnreachable, err)
		}
		return because(fmt.Sprintf("unreachable: cannot resolve %s: %s", dns.Name, dns.Err), ErrUnreachable, err)
	case errors.As(err, &op) && op.Op == "dial":
		switch {
		case op.Timeout():
			return because(fmt.Sprintf("timed out after %s connecting", connectTimeout), ErrTimeout, err)
		case errors.Is(err, syscall.ECONNREFUSED):
			return because("unreachable: connection refused", ErrUnreachable, err)
		case errors.Is(err, syscall.EHOSTUNREACH):
			return because("unreachable: no route to host", ErrUnreachable, err)
		case errors.Is(err, syscall.ENETUNREACH):
			return because("unreachable: network is unreachable", ErrUnreachable, err)
		}
		return because("unreachable: "+innermost(op).Error(), ErrUnreachable, err)
	}

	var cert *tls.CertificateVerificationError
	var record tls.RecordHeaderError
	var alert tls.AlertError
	switch {
	case errors.As(err, &cert):
		return because("TLS: "+cert.Err.Error(), err)
	case errors.As(err, &record):
		return because("TLS: the server did not answer with TLS", err)
	case errors.As(err, &alert):
		return because("TLS: the server refused the handshake: "+alert.Error(), err)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET):
		return because("connection lost before the response was complete", err)
	}
	return because(msg, err)
}

// callerStopped describes the caller's context ending (not our timeout).
func callerStopped(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return because("timed out: the caller's deadline passed", ErrTimeout, ctx.Err())
	}
	return because("canceled", ctx.Err())
}

// innermost unwraps single-error chains to the root cause, whose message
// is the one worth showing ("connection reset by peer", not the
// "dial tcp 1.2.3.4:443: connect:" prefixes around it).
func innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}
