package fetch

import (
	"fmt"
	"net/netip"
	"strings"
	"syscall"
)

// The address policy. A report URL comes from a user, a feed or a
// redirect, so by default the fetcher must not become a way to reach the
// machine it runs on, its network, or a cloud metadata service (SSRF).
//
// The check that matters runs in the dialer's Control hook, on the address
// actually being connected after DNS resolution: a name that resolves to a
// private address, or re-resolves to one between two lookups (DNS
// rebinding), is refused before connect(2) is called. Because it runs per
// connection it also covers every redirect hop. The checks on the URL's
// host literal (validate, checkRedirect) only give a clearer message earlier.

// addrClass is why an address is refused ("" when it is allowed).
type addrClass string

const (
	classAllowed     addrClass = ""
	classUnspecified addrClass = "unspecified"
	classLoopback    addrClass = "loopback"
	classPrivate     addrClass = "private"
	classShared      addrClass = "shared (CGNAT)"
	classLinkLocal   addrClass = "link-local"
	classMetadata    addrClass = "cloud metadata"
	classMulticast   addrClass = "multicast"
	classBroadcast   addrClass = "broadcast"
	classReserved    addrClass = "reserved"
)

// metadataAddrs are the instance metadata endpoints of the big clouds.
// 169.254.169.254 and fd00:ec2::254 fall inside link-local and unique-local
// ranges anyway; naming them makes the refusal say what was at stake.
// (Alibaba's 100.100.100.200 is inside CGNAT 100.64/10.)
var metadataAddrs = []netip.Addr{
	netip.MustParseAddr("169.254.169.254"),
	netip.MustParseAddr("fd00:ec2::254"),
}

// metadataHosts are names that resolve to a metadata service only from
// inside that cloud; refused by name so the message is clear.
var metadataHosts = []string{"metadata.google.internal", "metadata.goog"}

type rangeClass struct {
	prefix netip.Prefix
	class  addrClass
}

var v4Ranges = []rangeClass{
	{netip.MustParsePrefix("0.0.0.0/8"), classUnspecified}, // "this network"
	{netip.MustParsePrefix("127.0.0.0/8"), classLoopback},
	{netip.MustParsePrefix("10.0.0.0/8"), classPrivate},
	{netip.MustParsePrefix("172.16.0.0/12"), classPrivate},
	{netip.MustParsePrefix("192.168.0.0/16"), classPrivate},
	{netip.MustParsePrefix("100.64.0.0/10"), classShared},
	{netip.MustParsePrefix("169.254.0.0/16"), classLinkLocal},
	{netip.MustParsePrefix("224.0.0.0/4"), classMulticast},
	{netip.MustParsePrefix("255.255.255.255/32"), classBroadcast},
	{netip.MustParsePrefix("240.0.0.0/4"), classReserved},
}

var v6Ranges = []rangeClass{
	{netip.MustParsePrefix("::/128"), classUnspecified},
	{netip.MustParsePrefix("::1/128"), classLoopback},
	{netip.MustParsePrefix("fc00::/7"), classPrivate},  // unique local, RFC 4193
	{netip.MustParsePrefix("fec0::/10"), classPrivate}, // deprecated site-local
	{netip.MustParsePrefix("fe80::/10"), classLinkLocal},
	{netip.MustParsePrefix("ff00::/8"), classMulticast},
	{netip.MustParsePrefix("64:ff9b:1::/48"), classPrivate}, // local-use NAT64, RFC 8215
}

// Prefixes whose last 32 bits are an IPv4 address that the packet reaches:
// NAT64 (a gateway translates 64:ff9b::a00:1 to 10.0.0.1) and the
// deprecated IPv4-compatible form ::a.b.c.d. IPv4-mapped ::ffff:a.b.c.d is
// handled by Unmap.
var embedsV4 = []netip.Prefix{
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("::/96"),
}

// classify says why ip must not be contacted, or classAllowed.
func classify(ip netip.Addr) addrClass {
	ip = ip.WithZone("").Unmap()
	for _, m := range metadataAddrs {
		if ip == m {
			return classMetadata
		}
	}
	if ip.Is6() {
		// :: and ::1 lie inside ::/96, so the plain IPv6 ranges go first.
		for _, r := range v6Ranges {
			if r.prefix.Contains(ip) {
				return r.class
			}
		}
		for _, p := range embedsV4 {
			if p.Contains(ip) {
				b := ip.As16()
				return classify(netip.AddrFrom4([4]byte(b[12:])))
			}
		}
		return classAllowed
	}
	for _, r := range v4Ranges {
		if r.prefix.Contains(ip) {
			return r.class
		}
	}
	return classAllowed
}

// refusal is the error for a destination the policy forbids.
type refusal struct {
	what     string // "address 10.0.0.1" or "host metadata.google.internal"
	class    addrClass
	resolved bool // found at dial time, after DNS resolution
}

func (r *refusal) Error() string {
	verb := ""
	if r.resolved {
		verb = "resolves to "
	}
	return fmt.Sprintf("refused: %s%s %s (use --allow-private)", verb, r.class, r.what)
}

func (r *refusal) Unwrap() error { return ErrRefused }

// refuseAddr returns a refusal when ip is outside the policy. permit is the
// tests' way to let their loopback server through.
func (f *Fetcher) refuseAddr(ip netip.Addr, resolved bool) error {
	if f.opt.AllowPrivate || (f.permit != nil && f.permit(ip)) {
		return nil
	}
	if c := classify(ip); c != classAllowed {
		return &refusal{what: "address " + ip.String(), class: c, resolved: resolved}
	}
	return nil
}

// refuseHost checks a URL's host before any connection: an IP literal
// against the address policy and a name against the metadata host names.
// Ordinary names are checked after resolution, in control.
func (f *Fetcher) refuseHost(host string) error {
	if ip, err := netip.ParseAddr(host); err == nil {
		return f.refuseAddr(ip, false)
	}
	if f.opt.AllowPrivate {
		return nil
	}
	name := strings.TrimSuffix(strings.ToLower(host), ".")
	for _, m := range metadataHosts {
		if name == m {
			return &refusal{what: "host " + host, class: classMetadata}
		}
	}
	return nil
}

// control is the net.Dialer Control hook: address is the IP and port about
// to be connected. Anything that does not parse is refused (fail closed).
func (f *Fetcher) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &refusal{what: fmt.Sprintf("address %q", address), class: "uncheckable", resolved: true}
	}
	return f.refuseAddr(ap.Addr(), true)
}
