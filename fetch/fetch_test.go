package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Every server here is an httptest server on 127.0.0.1; no test resolves a
// name or contacts any other address. Serving cases use AllowPrivate so the
// loopback server is reachable; refusal cases use the default policy.

// newFetcher returns a fetcher whose retries do not wait: waits are
// recorded in *waits instead of slept.
func newFetcher(t *testing.T, opt Options) (*Fetcher, *[]time.Duration) {
	t.Helper()
	f := New(opt)
	var mu sync.Mutex
	waits := new([]time.Duration)
	f.sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		*waits = append(*waits, d)
		return ctx.Err()
	}
	t.Cleanup(f.transport.CloseIdleConnections)
	return f, waits
}

// serve starts a loopback server and counts the requests it gets.
func serve(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	hits := new(atomic.Int32)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, hits
}

// fetchErr fetches url expecting failure and returns the *Error.
func fetchErr(t *testing.T, f *Fetcher, url string) *Error {
	t.Helper()
	resp, err := f.Get(context.Background(), url)
	if err == nil {
		t.Fatalf("Get(%s) = %d %q, want an error", url, resp.Status, resp.Body)
	}
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("Get(%s) error %T %v, want *Error", url, err, err)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error is not one line: %q", err)
	}
	return fe
}

func wantMessage(t *testing.T, err error, want string) {
	t.Helper()
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q\ndoes not contain %q", err, want)
	}
}

func TestGetReturnsBodyAndContentType(t *testing.T) {
	var ua, acc string
	srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
		ua, acc = r.Header.Get("User-Agent"), r.Header.Get("Accept")
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		fmt.Fprint(w, "<html><title>APT report</title></html>")
	})
	f, _ := newFetcher(t, Options{AllowPrivate: true})
	resp, err := f.Get(context.Background(), srv.URL+"/report")
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 200 || resp.URL != srv.URL+"/report" || string(resp.Body) != "<html><title>APT report</title></html>" {
		t.Errorf("got %d %s %q", resp.Status, resp.URL, resp.Body)
	}
	if resp.ContentType != "text/html; charset=windows-1252" || resp.Sniffed {
		t.Errorf("content type %q sniffed=%v, want the header's, not sniffed", resp.ContentType, resp.Sniffed)
	}
	if !strings.HasPrefix(ua, "extractor/") || !strings.HasSuffix(ua, " (+https://github.com/reportgraph/extractor)") {
		t.Errorf("User-Agent %q", ua)
	}
	if !strings.Contains(acc, "application/pdf") {
		t.Errorf("Accept %q does not ask for PDF", acc)
	}
}

func TestUserAgentOverride(t *testing.T) {
	var ua string
	srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request) { ua = r.UserAgent() })
	f, _ := newFetcher(t, Options{AllowPrivate: true, UserAgent: "research-bot/1.0"})
	if _, err := f.Get(context.Background(), srv.URL); err != nil {
		t.Fatal(err)
	}
	if ua != "research-bot/1.0" {
		t.Errorf("User-Agent %q, want the override", ua)
	}
}

func TestSniffsMissingContentType(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"pdf", "%PDF-1.7\n1 0 obj\n", "application/pdf"},
		// The sniffer's "charset=utf-8" is a guess; it must not reach the
		// document reader, which reads the meta tag.
		{"html", `<!DOCTYPE html><html><head><meta charset="windows-1252"></head></html>`, "text/html"},
		{"text", "APT29 used WellMess.\n", "text/plain"},
		// A byte order mark is proof of the encoding, so it is kept.
		{"utf16 bom", "\xFF\xFEA\x00P\x00T\x00", "text/plain; charset=utf-16le"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header()["Content-Type"] = nil // stop net/http from sniffing for us
				fmt.Fprint(w, c.body)
			})
			f, _ := newFetcher(t, Options{AllowPrivate: true})
			resp, err := f.Get(context.Background(), srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if resp.ContentType != c.want || !resp.Sniffed {
				t.Errorf("content type %q sniffed=%v, want %q sniffed", resp.ContentType, resp.Sniffed, c.want)
			}
		})
	}
}

func TestOversizeBodyRefused(t *testing.T) {
	const limit = 1000
	body := strings.Repeat("x", limit+1)
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write(bytes.Repeat([]byte{0}, 100*limit))
	zw.Close()

	cases := map[string]http.HandlerFunc{
		"declared length": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			fmt.Fprint(w, body)
		},
		"chunked": func(w http.ResponseWriter, r *http.Request) {
			for i := 0; i < len(body); i += 100 {
				fmt.Fprint(w, body[i:min(i+100, len(body))])
				w.(http.Flusher).Flush() // no Content-Length: only counting can stop it
			}
		},
		"gzip bomb": func(w http.ResponseWriter, r *http.Request) {
			if zipped.Len() >= limit {
				t.Errorf("the compressed body (%d bytes) should be under the limit", zipped.Len())
			}
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(zipped.Bytes())
		},
	}
	for name, h := range cases {
		t.Run(name, func(t *testing.T) {
			srv, _ := serve(t, h)
			f, _ := newFetcher(t, Options{AllowPrivate: true, MaxBytes: limit})
			err := fetchErr(t, f, srv.URL)
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("error %v is not ErrTooLarge", err)
			}
			wantMessage(t, err, "larger than 1000 bytes (--max-bytes)")
		})
	}
	t.Run("exactly the limit", func(t *testing.T) {
		srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body[:limit]) })
		f, _ := newFetcher(t, Options{AllowPrivate: true, MaxBytes: limit})
		resp, err := f.Get(context.Background(), srv.URL)
		if err != nil || len(resp.Body) != limit {
			t.Fatalf("Get = %v, want all %d bytes", err, limit)
		}
	})
}

// redirectChain serves /r/N as a redirect to /r/N-1 and /r/0 as the page.
func redirectChain(t *testing.T) (*httptest.Server, *atomic.Int32) {
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/r/"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if n == 0 {
			fmt.Fprint(w, "the report")
			return
		}
		http.Redirect(w, r, "/r/"+strconv.Itoa(n-1), http.StatusFound)
	})
}

func TestRedirectLimit(t *testing.T) {
	srv, hits := redirectChain(t)
	f, _ := newFetcher(t, Options{AllowPrivate: true, MaxRedirects: 3})

	resp, err := f.Get(context.Background(), srv.URL+"/r/3")
	if err != nil {
		t.Fatalf("3 redirects with a limit of 3: %v", err)
	}
	if resp.URL != srv.URL+"/r/0" || string(resp.Body) != "the report" {
		t.Errorf("got %s %q, want the final URL and page", resp.URL, resp.Body)
	}

	hits.Store(0)
	err = fetchErr(t, f, srv.URL+"/r/4")
	if !errors.Is(err, ErrTooManyRedirects) {
		t.Errorf("error %v is not ErrTooManyRedirects", err)
	}
	wantMessage(t, err, "more than 3 redirects (--max-redirects); the next was to "+srv.URL+"/r/0")
	if n := hits.Load(); n != 4 {
		t.Errorf("server saw %d requests, want 4 (the request and 3 redirects)", n)
	}

	none, _ := newFetcher(t, Options{AllowPrivate: true, MaxRedirects: -1})
	wantMessage(t, fetchErr(t, none, srv.URL+"/r/1"), "more than 0 redirects")

	def, _ := newFetcher(t, Options{AllowPrivate: true})
	if _, err := def.Get(context.Background(), srv.URL+"/r/5"); err != nil {
		t.Errorf("5 redirects with the default limit: %v", err)
	}
	wantMessage(t, fetchErr(t, def, srv.URL+"/r/6"), "more than 5 redirects")
}

// TestRedirectToPrivateAddressRefused follows a redirect from an allowed
// server to forbidden places. The policy is the default one; only the test
// server's own address, 127.0.0.1, is exempted through the permit hook.
func TestRedirectToPrivateAddressRefused(t *testing.T) {
	cases := []struct {
		location, want string
	}{
		{"http://10.0.0.1/admin", "refused: private address 10.0.0.1 (use --allow-private) after redirect to http://10.0.0.1/admin"},
		{"http://[::ffff:169.254.169.254]/latest/meta-data/", "refused: cloud metadata address ::ffff:169.254.169.254"},
		{"http://metadata.google.internal/computeMetadata/v1/", "refused: cloud metadata host metadata.google.internal"},
		// A name is judged by what it resolves to, at dial time. The redial
		// hook plays DNS: it "resolves" to 127.0.0.2, loopback but not the
		// exempted server, so even a broken check would not leave the host.
		{"http://internal.test:8080/secrets", "refused: resolves to loopback address 127.0.0.2 (use --allow-private) after redirect to http://internal.test:8080/secrets"},
		{"file:///etc/passwd", `unsupported scheme "file" (only http and https) after redirect to file:///etc/passwd`},
	}
	for _, c := range cases {
		t.Run(c.location, func(t *testing.T) {
			srv, hits := serve(t, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, c.location, http.StatusFound)
			})
			f, _ := newFetcher(t, Options{})
			f.permit = func(ip netip.Addr) bool { return ip == netip.MustParseAddr("127.0.0.1") }
			var dialed []string
			f.redial = func(addr string) string {
				dialed = append(dialed, addr)
				if addr == "internal.test:8080" {
					return "127.0.0.2:8080"
				}
				return addr
			}
			err := fetchErr(t, f, srv.URL)
			wantMessage(t, err, c.want)
			if strings.HasPrefix(c.location, "http") && !errors.Is(err, ErrRefused) {
				t.Errorf("error %v is not ErrRefused", err)
			}
			if hits.Load() != 1 {
				t.Errorf("server saw %d requests, want 1", hits.Load())
			}
			for _, a := range dialed {
				if a != srv.Listener.Addr().String() && a != "internal.test:8080" {
					t.Errorf("dialed %s", a)
				}
			}
		})
	}
}

func TestLoopbackRefusedByDefault(t *testing.T) {
	srv, hits := serve(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") })
	port := srv.Listener.Addr().(*net.TCPAddr).Port

	f, _ := newFetcher(t, Options{})
	err := fetchErr(t, f, srv.URL)
	if !errors.Is(err, ErrRefused) {
		t.Errorf("error %v is not ErrRefused", err)
	}
	if got, want := err.Error(), "refused: loopback address 127.0.0.1 (use --allow-private)"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
	if err.URL != srv.URL {
		t.Errorf("Error.URL %q, want %q", err.URL, srv.URL)
	}

	// A name that resolves to loopback gets past the literal check and
	// must be stopped at dial time (the DNS rebinding case).
	f.redial = func(addr string) string { return strings.Replace(addr, "rebind.test", "127.0.0.1", 1) }
	err = fetchErr(t, f, fmt.Sprintf("http://rebind.test:%d/", port))
	wantMessage(t, err, "refused: resolves to loopback address 127.0.0.1 (use --allow-private)")
	if hits.Load() != 0 {
		t.Errorf("the refused server saw %d requests", hits.Load())
	}
}

func TestRetriesServerErrorThenSucceeds(t *testing.T) {
	var n atomic.Int32
	srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "ok")
	})
	f, waits := newFetcher(t, Options{AllowPrivate: true,
		Backoff: func(retry int) time.Duration { return time.Duration(retry) * time.Millisecond }})
	resp, err := f.Get(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "ok" || n.Load() != 2 {
		t.Errorf("body %q after %d attempts, want ok after 2", resp.Body, n.Load())
	}
	if fmt.Sprint(*waits) != "[1ms]" {
		t.Errorf("waited %v, want Backoff(1) once", *waits)
	}
}

func TestRetriesGiveUp(t *testing.T) {
	srv, hits := serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusBadGateway)
	})
	f, waits := newFetcher(t, Options{AllowPrivate: true, Retries: 2})
	err := fetchErr(t, f, srv.URL)
	if hits.Load() != 3 || len(*waits) != 2 {
		t.Errorf("%d attempts and %d waits, want 3 and 2", hits.Load(), len(*waits))
	}
	if err.Status != 502 || !errors.Is(err, ErrStatus) {
		t.Errorf("Status %d, want 502 and ErrStatus", err.Status)
	}
	wantMessage(t, err, "HTTP 502 Bad Gateway (gave up after 3 attempts)")

	def, _ := newFetcher(t, Options{AllowPrivate: true})
	hits.Store(0)
	fetchErr(t, def, srv.URL)
	if hits.Load() != 4 {
		t.Errorf("default: %d attempts, want 4 (3 retries)", hits.Load())
	}
	never, _ := newFetcher(t, Options{AllowPrivate: true, Retries: -1})
	hits.Store(0)
	fetchErr(t, never, srv.URL)
	if hits.Load() != 1 {
		t.Errorf("Retries -1: %d attempts, want 1", hits.Load())
	}
}

func TestTooManyRequestsHonoursRetryAfter(t *testing.T) {
	for _, retryAfter := range []string{"7", time.Now().Add(7 * time.Second).UTC().Format(http.TimeFormat)} {
		var n atomic.Int32
		srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
			if n.Add(1) == 1 {
				w.Header().Set("Retry-After", retryAfter)
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			fmt.Fprint(w, "ok")
		})
		f, waits := newFetcher(t, Options{AllowPrivate: true})
		if _, err := f.Get(context.Background(), srv.URL); err != nil {
			t.Fatal(err)
		}
		// An HTTP date has one-second resolution, so allow 6-7s for it.
		if len(*waits) != 1 || (*waits)[0] < 6*time.Second || (*waits)[0] > 7*time.Second {
			t.Errorf("Retry-After %q: waited %v, want about 7s once", retryAfter, *waits)
		}
	}
}

func TestRetryAfterOverCapNotRetried(t *testing.T) {
	srv, hits := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	f, waits := newFetcher(t, Options{AllowPrivate: true})
	err := fetchErr(t, f, srv.URL)
	if hits.Load() != 1 || len(*waits) != 0 {
		t.Errorf("%d attempts, waits %v; want 1 attempt and no wait", hits.Load(), *waits)
	}
	wantMessage(t, err, "HTTP 429 Too Many Requests (server asked to retry after 1h0m0s, more than the 1m0s this tool waits)")
}

func TestNoRetryPastCallerDeadline(t *testing.T) {
	srv, hits := serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "busy", http.StatusServiceUnavailable)
	})
	f, waits := newFetcher(t, Options{AllowPrivate: true, Backoff: func(int) time.Duration { return time.Hour }})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := f.Get(ctx, srv.URL)
	if err == nil || hits.Load() != 1 || len(*waits) != 0 {
		t.Fatalf("err %v after %d attempts, waits %v; want a quick failure", err, hits.Load(), *waits)
	}
	wantMessage(t, err, "HTTP 503 Service Unavailable (not retried: the next attempt would be after the caller's deadline)")
}

func TestClientErrorNotRetried(t *testing.T) {
	srv, hits := serve(t, http.NotFound)
	f, _ := newFetcher(t, Options{AllowPrivate: true})
	err := fetchErr(t, f, srv.URL+"/missing.pdf")
	if hits.Load() != 1 {
		t.Errorf("%d attempts, want 1", hits.Load())
	}
	if err.Status != 404 {
		t.Errorf("Status %d, want 404", err.Status)
	}
	if got, want := err.Error(), "HTTP 404 Not Found"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
}

func TestUnreachablePort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	f, _ := newFetcher(t, Options{AllowPrivate: true})
	fe := fetchErr(t, f, "http://"+addr+"/")
	if !errors.Is(fe, ErrUnreachable) {
		t.Errorf("error %v is not ErrUnreachable", fe)
	}
	if got, want := fe.Error(), "unreachable: connection refused"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
}

func TestUnsupportedURLs(t *testing.T) {
	f, _ := newFetcher(t, Options{})
	f.redial = func(addr string) string {
		t.Errorf("dialed %s for a URL that should be refused before any connection", addr)
		return addr
	}
	cases := map[string]string{
		"ftp://example.com/report.pdf": `unsupported scheme "ftp" (only http and https)`,
		"file:///etc/passwd":           `unsupported scheme "file" (only http and https)`,
		"javascript:alert(1)":          `unsupported scheme "javascript" (only http and https)`,
		"example.com/report.pdf":       "not a URL: missing http:// or https://",
		"http:///no-host":              "invalid URL: no host",
		"http://exa mple.com/":         "invalid URL: ",
	}
	for in, want := range cases {
		err := fetchErr(t, f, in)
		wantMessage(t, err, want)
		if strings.HasPrefix(want, "unsupported") && !errors.Is(err, ErrUnsupportedScheme) {
			t.Errorf("%s: error %v is not ErrUnsupportedScheme", in, err)
		}
	}
}

func TestTimeout(t *testing.T) {
	stall := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}
	cases := map[string]http.HandlerFunc{
		"no headers": stall,
		"body stalls": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "100")
			fmt.Fprint(w, "the first bytes")
			w.(http.Flusher).Flush()
			stall(w, r)
		},
	}
	for name, h := range cases {
		t.Run(name, func(t *testing.T) {
			srv, _ := serve(t, h)
			f, _ := newFetcher(t, Options{AllowPrivate: true, Timeout: 200 * time.Millisecond})
			err := fetchErr(t, f, srv.URL)
			if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("error %v is not ErrTimeout and DeadlineExceeded", err)
			}
			if got, want := err.Error(), "timed out after 200ms"; got != want {
				t.Errorf("error %q, want %q", got, want)
			}
		})
	}
}

func TestTLS(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "secure")
	}))
	defer srv.Close()

	f, _ := newFetcher(t, Options{AllowPrivate: true})
	wantMessage(t, fetchErr(t, f, srv.URL), "TLS: x509: certificate signed by unknown authority")

	trusting, _ := newFetcher(t, Options{AllowPrivate: true})
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	trusting.transport.TLSClientConfig.RootCAs = pool
	resp, err := trusting.Get(context.Background(), srv.URL)
	if err != nil || string(resp.Body) != "secure" {
		t.Fatalf("Get over trusted TLS = %v", err)
	}
}

// Through a proxy the dial check would see only the proxy, so the
// environment's proxy is used only when private addresses are allowed.
func TestProxyOnlyWithAllowPrivate(t *testing.T) {
	if New(Options{}).transport.Proxy != nil {
		t.Error("the default policy must connect directly, ignoring HTTP(S)_PROXY")
	}
	if New(Options{AllowPrivate: true}).transport.Proxy == nil {
		t.Error("with AllowPrivate, HTTP(S)_PROXY should be honoured")
	}
}

func TestIsURL(t *testing.T) {
	yes := []string{"http://example.com", "HTTPS://example.com/r.pdf", "ftp://host/x", "file:///tmp/x", "git+ssh://h/r"}
	no := []string{"report.pdf", "/tmp/report.pdf", "./http://x", `C:\reports\r.pdf`, "C://reports/r.pdf",
		"-", "", "example.com/report", "://x", "1http://x", "mailto:a@b.c"}
	for _, s := range yes {
		if !IsURL(s) {
			t.Errorf("IsURL(%q) = false", s)
		}
	}
	for _, s := range no {
		if IsURL(s) {
			t.Errorf("IsURL(%q) = true", s)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 11, 25, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{"Tue, 25 Nov 2025 12:00:30 GMT", 30 * time.Second, true},
		{"Tue, 25 Nov 2025 11:00:00 GMT", 0, true}, // in the past: now
		{"99999999999999999", 24 * time.Hour, true},
		{"-5", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, c := range cases {
		got, ok := parseRetryAfter(c.in, now)
		if got != c.want || ok != c.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestDefaultBackoffGrowsWithJitter(t *testing.T) {
	for retry, full := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second,
		5: 16 * time.Second, 6: 30 * time.Second, 100: 30 * time.Second} {
		seen := map[time.Duration]bool{}
		for range 50 {
			d := defaultBackoff(retry)
			if d < full/2 || d > full {
				t.Fatalf("defaultBackoff(%d) = %v, want within [%v, %v]", retry, d, full/2, full)
			}
			seen[d] = true
		}
		if len(seen) < 2 {
			t.Errorf("defaultBackoff(%d) has no jitter: always %v", retry, seen)
		}
	}
}

// Failures no loopback test can produce (DNS, resets) are described from
// crafted errors.
func TestDescribeNetworkErrors(t *testing.T) {
	f := New(Options{})
	ctx := context.Background()
	dial := func(err error) error { return &net.OpError{Op: "dial", Net: "tcp", Err: err} }
	cases := []struct {
		err  error
		want string
		kind error
	}{
		{dial(&net.DNSError{Err: "no such host", Name: "nope.invalid", IsNotFound: true}),
			"unreachable: no such host nope.invalid", ErrUnreachable},
		{dial(&net.DNSError{Err: "server misbehaving", Name: "flaky.example"}),
			"unreachable: cannot resolve flaky.example: server misbehaving", ErrUnreachable},
		{dial(&os.SyscallError{Syscall: "connect", Err: syscall.EHOSTUNREACH}),
			"unreachable: no route to host", ErrUnreachable},
		{&net.OpError{Op: "read", Net: "tcp", Err: &os.SyscallError{Syscall: "read", Err: syscall.ECONNRESET}},
			"connection lost before the response was complete", nil},
		{io.ErrUnexpectedEOF, "connection lost before the response was complete", nil},
	}
	for _, c := range cases {
		got := f.describe(ctx, ctx, c.err)
		if got.Error() != c.want {
			t.Errorf("describe(%v) = %q, want %q", c.err, got, c.want)
		}
		if c.kind != nil && !errors.Is(got, c.kind) {
			t.Errorf("describe(%v) is not %v", c.err, c.kind)
		}
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if got := f.describe(canceled, canceled, context.Canceled); got.Error() != "canceled" {
		t.Errorf("caller canceled: %q", got)
	}
}
