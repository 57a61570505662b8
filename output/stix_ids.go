package output

import (
	"crypto/sha1"
	"encoding/hex"
	"time"
)

// STIXNamespace is the UUIDv5 namespace of every STIX id we write:
// uuid5(NameSpaceURL, "https://github.com/reportgraph/extractor/stix") =
// 9bde58db-ad95-5f59-b2a1-6050035c5340.
// It never changes, so re-exporting a dataset gives the same ids, and an
// object keeps its id across exports as long as our id for it is the same.
var STIXNamespace = [16]byte{0x9b, 0xde, 0x58, 0xdb, 0xad, 0x95, 0x5f, 0x59,
	0xb2, 0xa1, 0x60, 0x50, 0x03, 0x5c, 0x53, 0x40}

// STIXEpoch is the timestamp used when no document date is known: a fixed,
// recognisably artificial date instead of the time of the export.
var STIXEpoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// stixID returns "<type>--<uuid5(STIXNamespace, name)>".
func stixID(typ, name string) string {
	return typ + "--" + uuid5(STIXNamespace, name)
}

// uuid5 is RFC 9562 UUID version 5 (SHA-1, name-based).
func uuid5(ns [16]byte, name string) string {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	var buf [36]byte
	hex.Encode(buf[0:8], u[0:4])
	buf[8] = '-'
	hex.Encode(buf[9:13], u[4:6])
	buf[13] = '-'
	hex.Encode(buf[14:18], u[6:8])
	buf[18] = '-'
	hex.Encode(buf[19:23], u[8:10])
	buf[23] = '-'
	hex.Encode(buf[24:], u[10:])
	return string(buf[:])
}

// stixTime formats t as STIX wants it: UTC, millisecond precision, "Z".
func stixTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}
