package rules

// Machines the actor borrowed as relays are no victims of a targets
// topic fallback. "To cover their tracks, the attackers routed their
// traffic through hacked computers at American universities, some of
// which had earlier been used in attacks on US defence contractors" and
// "the crew used compromised servers in Hong Kong as staging points" say
// where the actor's infrastructure was, not whom it attacked: a name
// after such machines ("hacked computers", "compromised servers") in a
// sentence with a word of relaying ("routed", "relays", "staging
// points", "proxies") is skipped. The machines alone ("the crew hacked
// computers at two universities") still name victims.

// relayWords are the words of relaying traffic or staging an attack
// through others' machines.
var relayWords = map[string]bool{"routed": true, "routing": true, "route": true, "routes": true, "rerouted": true,
	"relayed": true, "relaying": true, "relay": true, "relays": true, "proxied": true, "proxy": true, "proxies": true,
	"bounced": true, "bouncing": true, "tunnelled": true, "tunneled": true, "tunnelling": true, "tunneling": true,
	"staging": true, "launchpad": true, "launchpads": true, "hop": true, "hops": true, "springboard": true,
	"springboards": true, "intermediaries": true, "intermediary": true, "anonymise": true, "anonymize": true,
	"anonymising": true, "anonymizing": true}

// relayMachineMods are the words that make a machine someone else's, taken
// over by the actor.
var relayMachineMods = map[string]bool{"hacked": true, "compromised": true, "hijacked": true, "infected": true,
	"commandeered": true, "breached": true, "exploited": true, "vulnerable": true}

// relayMachineNouns are the machines a relay runs on.
var relayMachineNouns = map[string]bool{"computers": true, "computer": true, "systems": true, "servers": true,
	"server": true, "machines": true, "routers": true, "devices": true, "hosts": true, "nodes": true,
	"infrastructure": true, "websites": true, "sites": true, "networks": true}

// relayedPlace reports whether the target mention starting at token i
// follows machines taken over as relays in its sentence (see above).
func (d *docState) relayedPlace(i int) bool {
	si := d.sentOf[i]
	lo, hi := d.sentLo[si], d.sentLo[si+1]
	// The relaying is said before the name ("routed their traffic through
	// hacked computers at A") or after it as the machines' role ("used
	// compromised servers in A as staging points"); "hacked computers at A
	// and routed traffic through them" still names a victim.
	relay := false
	for j := lo; j < hi && !relay; j++ {
		if !relayWords[d.fold[j]] {
			continue
		}
		if j < i {
			relay = true
			break
		}
		for k := j - 1; k >= j-3 && k > i; k-- {
			if d.fold[k] == "as" {
				relay = true
				break
			}
		}
	}
	if !relay {
		return false
	}
	for j := lo; j+1 < i; j++ {
		if !relayMachineMods[d.fold[j]] {
			continue
		}
		for k := j + 1; k <= j+2 && k < i; k++ {
			if relayMachineNouns[d.fold[k]] {
				return true
			}
		}
	}
	return false
}
