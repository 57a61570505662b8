package fetch

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
)

// These tests check the address policy on crafted addresses; nothing here
// opens a connection.

func TestClassify(t *testing.T) {
	cases := []struct {
		ip   string
		want addrClass
	}{
		// Public addresses pass.
		{"8.8.8.8", classAllowed},
		{"1.1.1.1", classAllowed},
		{"172.32.0.1", classAllowed},  // just past 172.16/12
		{"100.128.0.1", classAllowed}, // just past 100.64/10
		{"169.253.255.255", classAllowed},
		{"2606:4700::1111", classAllowed},
		{"64:ff9b::808:808", classAllowed}, // NAT64 of 8.8.8.8

		{"0.0.0.0", classUnspecified},
		{"0.1.2.3", classUnspecified},
		{"::", classUnspecified},
		{"127.0.0.1", classLoopback},
		{"127.8.8.8", classLoopback},
		{"::1", classLoopback},
		{"10.0.0.1", classPrivate},
		{"172.16.0.1", classPrivate},
		{"172.31.255.255", classPrivate},
		{"192.168.1.1", classPrivate},
		{"fc00::1", classPrivate},
		{"fd12:3456::1", classPrivate},
		{"fec0::1", classPrivate},
		{"100.64.0.1", classShared},
		{"100.127.255.255", classShared},
		{"100.100.100.200", classShared}, // Alibaba Cloud metadata
		{"169.254.1.1", classLinkLocal},
		{"fe80::1", classLinkLocal},
		{"fe80::1%eth0", classLinkLocal},
		{"169.254.169.254", classMetadata},
		{"fd00:ec2::254", classMetadata},
		{"224.0.0.1", classMulticast},
		{"239.255.255.250", classMulticast},
		{"ff02::1", classMulticast},
		{"255.255.255.255", classBroadcast},
		{"240.0.0.1", classReserved},

		// IPv4 inside IPv6 is judged by the IPv4 address it reaches.
		{"::ffff:10.0.0.1", classPrivate},
		{"::ffff:127.0.0.1", classLoopback},
		{"::ffff:169.254.169.254", classMetadata},
		{"::ffff:8.8.8.8", classAllowed},
		{"64:ff9b::a00:1", classPrivate},            // NAT64 of 10.0.0.1
		{"64:ff9b::a9fe:a9fe", classMetadata},       // NAT64 of 169.254.169.254
		{"::a00:1", classPrivate},                   // IPv4-compatible 10.0.0.1
		{"64:ff9b:1::8.8.8.8", classPrivate},        // local-use NAT64
		{"::ffff:0:0", classUnspecified},            // mapped 0.0.0.0
		{"::ffff:255.255.255.255", classBroadcast},  // mapped broadcast
		{"::ffff:100.64.0.1", classShared},          // mapped CGNAT
		{"::ffff:224.0.0.1", classMulticast},        // mapped multicast
		{"::ffff:192.168.0.1", classPrivate},        // mapped RFC 1918
		{"::ffff:172.20.0.1", classPrivate},         // mapped RFC 1918
		{"64:ff9b::7f00:1", classLoopback},          // NAT64 of 127.0.0.1
		{"::ffff:7f00:1", classLoopback},            // mapped, hex form
		{"0:0:0:0:0:ffff:a9fe:a9fe", classMetadata}, // mapped, long form
	}
	for _, c := range cases {
		if got := classify(netip.MustParseAddr(c.ip)); got != c.want {
			t.Errorf("classify(%s) = %q, want %q", c.ip, got, c.want)
		}
	}
}

func TestControlRefusesResolvedAddresses(t *testing.T) {
	f := New(Options{})
	for _, addr := range []string{"10.0.0.1:80", "127.0.0.1:8080", "[::1]:443", "[::ffff:10.0.0.1]:80",
		"169.254.169.254:80", "[fd00:ec2::254]:80", "[fe80::1%eth0]:80", "100.64.0.1:443", "0.0.0.0:80"} {
		err := f.control("tcp", addr, nil)
		if !errors.Is(err, ErrRefused) {
			t.Errorf("control(%s) = %v, want a refusal", addr, err)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "refused: resolves to ") || !strings.HasSuffix(msg, "(use --allow-private)") {
			t.Errorf("control(%s) message %q", addr, msg)
		}
	}
	if err := f.control("tcp", "10.0.0.1:80", nil); err.Error() != "refused: resolves to private address 10.0.0.1 (use --allow-private)" {
		t.Errorf("message = %q", err)
	}
	// An address the check cannot read is refused, not waved through.
	if err := f.control("tcp", "not-an-address", nil); !errors.Is(err, ErrRefused) {
		t.Errorf("control(garbage) = %v, want a refusal", err)
	}
	for _, addr := range []string{"8.8.8.8:443", "[2606:4700::1111]:443"} {
		if err := f.control("tcp", addr, nil); err != nil {
			t.Errorf("control(%s) = %v, want nil", addr, err)
		}
	}
	open := New(Options{AllowPrivate: true})
	if err := open.control("tcp", "10.0.0.1:80", nil); err != nil {
		t.Errorf("with AllowPrivate, control(10.0.0.1) = %v", err)
	}
}

func TestRefuseHost(t *testing.T) {
	f := New(Options{})
	refused := map[string]string{
		"10.0.0.1":                  "refused: private address 10.0.0.1 (use --allow-private)",
		"::ffff:127.0.0.1":          "refused: loopback address ::ffff:127.0.0.1 (use --allow-private)", // as written
		"metadata.google.internal":  "refused: cloud metadata host metadata.google.internal (use --allow-private)",
		"METADATA.Google.Internal.": "refused: cloud metadata host METADATA.Google.Internal. (use --allow-private)",
	}
	for host, want := range refused {
		err := f.refuseHost(host)
		if err == nil || err.Error() != want {
			t.Errorf("refuseHost(%s) = %v, want %q", host, err, want)
		}
	}
	// Ordinary names are judged by what they resolve to, at dial time.
	for _, host := range []string{"example.com", "8.8.8.8", "localhost.example"} {
		if err := f.refuseHost(host); err != nil {
			t.Errorf("refuseHost(%s) = %v, want nil", host, err)
		}
	}
	open := New(Options{AllowPrivate: true})
	for host := range refused {
		if err := open.refuseHost(host); err != nil {
			t.Errorf("with AllowPrivate, refuseHost(%s) = %v", host, err)
		}
	}
}
