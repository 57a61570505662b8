// Package fetch downloads reports over HTTP(S) for `extractor text|extract
// URL`, with the limits a tool that fetches URLs from feeds and users needs:
// per-phase timeouts, a size limit, a redirect limit, retries with backoff
// on 408/429/5xx, and a refusal to contact loopback, private, link-local,
// CGNAT, multicast and cloud metadata addresses (see guard.go) unless
// Options.AllowPrivate is set.
//
// Proxies: with AllowPrivate unset, HTTP_PROXY/HTTPS_PROXY/NO_PROXY are
// ignored and every connection is direct. Through a proxy the fetcher would
// dial only the proxy and the proxy would resolve and connect to the target,
// so the address check could not see where the request really goes (and a
// corporate proxy usually sits on a private address itself). With
// AllowPrivate set the environment's proxy settings are honoured.
//
// It is built on the standard library alone (net/http); see
// docs/dependencies.md.
package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

// Defaults for Options fields left zero.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 100 << 20 // the same as document.DefaultMaxBytes
	DefaultMaxRedirects = 5
	DefaultRetries      = 3
)

// RetryAfterCap is the longest Retry-After the fetcher waits. A server that
// asks for longer gets no retry: waiting minutes inside one command helps no
// one, and retrying earlier than asked is rude. The error says so.
const RetryAfterCap = time.Minute

// Limits of the phases of one attempt. Each applies only when it is shorter
// than Options.Timeout, which bounds the whole attempt anyway; the phase
// limits exist so that a dead host fails fast with a message naming the
// phase, instead of using up the whole timeout.
const (
	connectTimeout = 10 * time.Second
	tlsTimeout     = 10 * time.Second
	headerTimeout  = 20 * time.Second
)

// drainLimit is how much of an error response's body is read so that the
// connection can be reused; more than that and closing is cheaper.
const drainLimit = 64 << 10

const accept = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"

// Options control fetching. The zero value is usable: zero fields take the
// defaults above.
type Options struct {
	// Timeout bounds one attempt: connecting, the TLS handshake, waiting
	// for the headers and reading the body (default DefaultTimeout).
	// Connecting, TLS and waiting for headers also have their own limits
	// (10s, 10s, 20s) when Timeout is longer. Retries are separate
	// attempts; the caller's context bounds the whole Get.
	Timeout time.Duration
	// MaxBytes refuses bodies larger than this, checked against
	// Content-Length before reading and against the bytes read (after
	// gzip decoding, so a small compressed bomb cannot get past it).
	MaxBytes int64
	// MaxRedirects is how many redirects are followed (default
	// DefaultMaxRedirects; negative follows none).
	MaxRedirects int
	// Retries is how many times a 408, 429 or 5xx response (except 501
	// and 505, which will not change) is retried (default DefaultRetries;
	// negative retries never). Network errors and timeouts are not
	// retried: they rarely clear within seconds and each costs a timeout.
	Retries int
	// AllowPrivate lets the fetcher contact loopback, private, link-local
	// and metadata addresses, and honour proxy settings from the
	// environment (see the package comment).
	AllowPrivate bool
	// UserAgent replaces DefaultUserAgent().
	UserAgent string
	// Backoff returns the wait before retry n (1-based) when the server
	// sent no Retry-After. The default is exponential (1s, 2s, 4s, ...
	// capped at 30s) with jitter. Tests set it to return 0.
	Backoff func(retry int) time.Duration
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	switch {
	case o.MaxRedirects == 0:
		o.MaxRedirects = DefaultMaxRedirects
	case o.MaxRedirects < 0:
		o.MaxRedirects = 0
	}
	switch {
	case o.Retries == 0:
		o.Retries = DefaultRetries
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent()
	}
	if o.Backoff == nil {
		o.Backoff = defaultBackoff
	}
	return o
}

// Response is a successful (2xx) fetch.
type Response struct {
	// URL is the final URL, after redirects.
	URL string
	// Status is the HTTP status code.
	Status int
	// ContentType is the Content-Type header as sent, or when the server
	// sent none, the type sniffed from the body (see Sniffed).
	ContentType string
	// Sniffed is true when ContentType was detected from the body. A
	// sniffed type carries a charset only when the body starts with a
	// byte order mark; otherwise the document reader detects it.
	Sniffed bool
	Body    []byte
}

// Fetcher fetches URLs. It keeps connections alive between calls and is
// safe for concurrent use. Make one with New.
type Fetcher struct {
	opt       Options
	transport *http.Transport
	client    *http.Client
	sleep     func(ctx context.Context, d time.Duration) error

	// Test hooks; nil in production. permit exempts an address from the
	// policy (the tests' loopback server); redial rewrites "host:port"
	// before dialing, standing in for DNS so that tests never resolve or
	// contact anything but loopback.
	permit func(ip netip.Addr) bool
	redial func(addr string) string
}

// New returns a Fetcher for opt.
func New(opt Options) *Fetcher {
	f := &Fetcher{opt: opt.withDefaults(), sleep: sleepCtx}
	dialer := &net.Dialer{
		Timeout:   phase(connectTimeout, f.opt.Timeout),
		KeepAlive: 30 * time.Second,
		Control:   f.control,
	}
	f.transport = &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if f.redial != nil {
				addr = f.redial(addr)
			}
			return dialer.DialContext(ctx, network, addr)
		},
		TLSClientConfig:        &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:    phase(tlsTimeout, f.opt.Timeout),
		ResponseHeaderTimeout:  phase(headerTimeout, f.opt.Timeout),
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           16,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 1 << 20,
	}
	if f.opt.AllowPrivate {
		f.transport.Proxy = http.ProxyFromEnvironment
	}
	f.client = &http.Client{Transport: f.transport, CheckRedirect: f.checkRedirect}
	return f
}

// phase returns limit when it is shorter than the overall timeout, else 0
// (no separate limit: the overall one fires first and says so).
func phase(limit, overall time.Duration) time.Duration {
	if limit < overall {
		return limit
	}
	return 0
}

// Get fetches rawURL, following redirects and retrying as Options say. Any
// non-2xx final status is an error. Errors are *Error.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := f.validate(rawURL)
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	for retry := 0; ; retry++ {
		resp, err := f.attempt(ctx, u)
		if err == nil {
			return resp, nil
		}
		var se *statusError
		if !errors.As(err, &se) {
			return nil, &Error{URL: rawURL, Err: err}
		}
		fail := &Error{URL: rawURL, Status: se.code, Err: se}
		if !retryable(se.code) {
			return nil, fail
		}
		if retry >= f.opt.Retries {
			if retry > 0 {
				se.note = fmt.Sprintf("gave up after %d attempts", retry+1)
			}
			return nil, fail
		}
		wait := f.opt.Backoff(retry + 1)
		if se.retryAfter > RetryAfterCap {
			se.note = fmt.Sprintf("server asked to retry after %s, more than the %s this tool waits",
				se.retryAfter, RetryAfterCap)
			return nil, fail
		}
		if se.retryAfter > 0 {
			wait = se.retryAfter
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			se.note = "not retried: the next attempt would be after the caller's deadline"
			return nil, fail
		}
		if err := f.sleep(ctx, wait); err != nil {
			return nil, &Error{URL: rawURL, Err: callerStopped(ctx)}
		}
	}
}

// hopKey keys the context value through which checkRedirect tells attempt
// which URL a failing request was for. The request context is carried into
// every redirected request, so this needs no shared state.
type hopKey struct{}

// attempt makes one request (with its redirects) and reads the body.
func (f *Fetcher) attempt(ctx context.Context, u *url.URL) (*Response, error) {
	hop := new(string)
	actx, cancel := context.WithTimeout(context.WithValue(ctx, hopKey{}, hop), f.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, because("invalid URL: "+err.Error(), err)
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	req.Header.Set("Accept", accept)
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.explain(ctx, actx, *hop, err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
		se := &statusError{code: resp.StatusCode, text: statusText(resp)}
		se.retryAfter, _ = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
		if final.String() != u.String() {
			se.at = final.Redacted()
		}
		return nil, se
	}
	if resp.ContentLength > f.opt.MaxBytes {
		return nil, f.tooLarge(resp.ContentLength)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opt.MaxBytes+1))
	if err != nil {
		return nil, f.explain(ctx, actx, *hop, err)
	}
	if int64(len(body)) > f.opt.MaxBytes {
		return nil, f.tooLarge(-1)
	}
	ct, sniffed := contentType(resp.Header.Get("Content-Type"), body)
	return &Response{URL: final.String(), Status: resp.StatusCode, ContentType: ct, Sniffed: sniffed, Body: body}, nil
}

func (f *Fetcher) tooLarge(declared int64) error {
	msg := fmt.Sprintf("response larger than %d bytes (--max-bytes)", f.opt.MaxBytes)
	if declared > 0 {
		msg = fmt.Sprintf("response larger than %d bytes (--max-bytes): Content-Length is %d", f.opt.MaxBytes, declared)
	}
	return because(msg, ErrTooLarge)
}

// validate parses rawURL and applies the scheme and host checks.
func (f *Fetcher) validate(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // url.Error repeats the URL, which Error already names
		}
		return nil, because("invalid URL: "+err.Error(), err)
	}
	if err := f.checkURL(u); err != nil {
		return nil, err
	}
	return u, nil
}

// checkURL is what every URL, given or redirected to, must pass before a
// request is made.
func (f *Fetcher) checkURL(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return because("not a URL: missing http:// or https://", ErrUnsupportedScheme)
	default:
		return because(fmt.Sprintf("unsupported scheme %q (only http and https)", u.Scheme), ErrUnsupportedScheme)
	}
	if u.Hostname() == "" {
		return because("invalid URL: no host", nil)
	}
	return f.refuseHost(u.Hostname())
}

// checkRedirect is http.Client.CheckRedirect: it limits the chain and
// checks each hop before it is requested (the dial check re-checks the
// resolved address).
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.opt.MaxRedirects {
		return because(fmt.Sprintf("more than %d redirects (--max-redirects); the next was to %s",
			f.opt.MaxRedirects, req.URL.Redacted()), ErrTooManyRedirects)
	}
	if err := f.checkURL(req.URL); err != nil {
		return because(err.Error()+" after redirect to "+req.URL.Redacted(), err)
	}
	if hop, ok := req.Context().Value(hopKey{}).(*string); ok {
		*hop = req.URL.Redacted()
	}
	return nil
}

// retryable reports whether a status may clear by itself: request timeout,
// rate limiting and server errors, except those that are answers
// (501 Not Implemented, 505 HTTP Version Not Supported).
func retryable(code int) bool {
	switch {
	case code == http.StatusRequestTimeout, code == http.StatusTooManyRequests:
		return true
	case code == http.StatusNotImplemented, code == http.StatusHTTPVersionNotSupported:
		return false
	}
	return code >= 500 && code <= 599
}

// parseRetryAfter reads a Retry-After value: delay seconds or an HTTP date.
// A date in the past means now.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(24*time.Hour/time.Second) {
			secs = int64(24 * time.Hour / time.Second) // avoid overflow; far over the cap anyway
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// defaultBackoff waits 1s, 2s, 4s, ... up to 30s, each with "equal jitter"
// (between half and all of it) so that many clients told to back off by
// the same server do not come back in the same instant.
func defaultBackoff(retry int) time.Duration {
	const base, limit = time.Second, 30 * time.Second
	d := limit
	if retry >= 1 && retry <= 5 {
		d = min(base<<(retry-1), limit)
	}
	return d/2 + rand.N(d/2+1)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// contentType keeps the server's Content-Type and sniffs one when it is
// missing. http.DetectContentType always claims utf-8 for text and HTML;
// that is a guess, and passing it on would override the charset the
// document reader finds in a meta tag, so it is kept only when a byte
// order mark proves it.
func contentType(header string, body []byte) (string, bool) {
	if strings.TrimSpace(header) != "" {
		return header, false
	}
	ct := http.DetectContentType(body)
	if !hasBOM(body) {
		if mt, _, err := mime.ParseMediaType(ct); err == nil {
			ct = mt
		}
	}
	return ct, true
}

func hasBOM(b []byte) bool {
	s := string(b[:min(len(b), 3)])
	return strings.HasPrefix(s, "\xEF\xBB\xBF") || strings.HasPrefix(s, "\xFE\xFF") || strings.HasPrefix(s, "\xFF\xFE")
}

func statusText(resp *http.Response) string {
	if t := http.StatusText(resp.StatusCode); t != "" {
		return t
	}
	// An unknown code: use the server's reason phrase, if it gave one.
	return strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)))
}

// IsURL reports whether s is a URL rather than a file path: it starts with
// a scheme and "://". Any scheme counts, so that "ftp://..." reaches Get
// and gets a clear "unsupported scheme" instead of "no such file". A
// Windows path like C:\x or C:/x has no "://" and is not a URL.
func IsURL(s string) bool {
	i := strings.Index(s, "://")
	if i < 2 { // a one-letter scheme would be a drive letter
		return false
	}
	for j, c := range s[:i] {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (j == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// modulePath is this module, looked up in the build info for the version.
const modulePath = "github.com/reportgraph/extractor"

// DefaultUserAgent is "extractor/<version> (+https://github.com/reportgraph/extractor)".
// The version comes from the build info ("dev" for an untagged build), so
// site operators can tell releases apart without any build flags.
func DefaultUserAgent() string {
	return "extractor/" + version() + " (+https://" + modulePath + ")"
}

func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	v := ""
	if bi.Main.Path == modulePath {
		v = bi.Main.Version
	} else {
		for _, d := range bi.Deps {
			if d.Path == modulePath {
				v = d.Version
			}
		}
	}
	if v == "" || v == "(devel)" {
		return "dev"
	}
	return v
}
