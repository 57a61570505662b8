package rules

import (
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

// toolCheckSet is a table of sentences written by us in the shapes reports
// name software in: tools in lists, appositions, "the X utility", "a
// modified version of X", glossaries and tables, known tools with their
// kind noun, and sentences whose capitalised words are not tools (products
// as victims, protocols, file names, companies). Most names are invented,
// so the case tests a shape and not a gazetteer entry.
//
// want is the type the name must get (tool or malware); "" means the name
// must get neither type.
var toolCheckSet = []struct {
	text, name string
	want       extractor.EntityType
}{
	// Lists introduced by their kind.
	{"The intruders relied on tools such as Quarnet, Fellsweep and Tarnexec.", "Fellsweep", extractor.Tool},
	{"They staged data with publicly available tools like Burrowmark and Heathcat.", "Burrowmark", extractor.Tool},
	{"The actor also used several open-source tools, including Gorsescan and Kestrelmap.", "Kestrelmap", extractor.Tool},
	{"The operators installed remote access software such as Fernview and Quilldesk.", "Quilldesk", extractor.Tool},
	{"Post-exploitation tools observed: Tarnhound, Moorcat, Fenlink.", "Moorcat", extractor.Tool},
	// Appositions and predicates that call the name a tool.
	{"They tunnelled traffic with Burrowgate, an open-source tunnelling tool.", "Burrowgate", extractor.Tool},
	{"The group dumped credentials with QUARNDUMP, a credential dumping utility.", "QUARNDUMP", extractor.Tool},
	{"Fellscan is an open-source network scanner written in Go.", "Fellscan", extractor.Tool},
	{"Heathrelay, a publicly available reverse proxy tool, was found on two hosts.", "Heathrelay", extractor.Tool},
	{"The attackers then ran Marshpipe, a legitimate remote administration tool.", "Marshpipe", extractor.Tool},
	{"Kestrelsync is a command-line utility for copying files to cloud storage.", "Kestrelsync", extractor.Tool},
	// The name before its kind noun.
	{"Lateral movement relied on the Quarnexec utility.", "Quarnexec", extractor.Tool},
	{"The payload was packed with the Gorsepack packer before delivery.", "Gorsepack", extractor.Tool},
	{"Next, the BRACKENLIFT utility cleared the event logs.", "BRACKENLIFT", extractor.Tool},
	{"The actor used a tool called Fernpike to enumerate shares.", "Fernpike", extractor.Tool},
	{"Investigators found an open-source framework known as Tidewhistle on the server.", "Tidewhistle", extractor.Tool},
	// Glossaries and tables.
	{"Quarnscan: Command-line tool for scanning internal networks.", "Quarnscan", extractor.Tool},
	{"| Name | Type | Purpose |\n|---|---|---|\n| Gorsetun | Tool | Tunnelling |\n| Heathbane | Backdoor | Remote access |\n", "Gorsetun", extractor.Tool},
	// Known tools and their kind noun: the longer form joins the tool.
	{"The actor moved laterally with the Impacket toolkit and dumped hashes.", "Impacket", extractor.Tool},
	{"Traffic left the network through the Plink tool.", "Plink tool", extractor.Tool},
	{"Data was archived with the WinRAR utility before exfiltration.", "WinRAR utility", extractor.Tool},
	{"They reached the hosts through the Chisel tunnelling tool.", "Chisel", extractor.Tool},
	{"Beacons were managed with the Sliver framework.", "Sliver framework", extractor.Tool},
	{"Operators abused the legitimate AnyDesk client to keep access.", "AnyDesk", extractor.Tool},
	{"The group also ran a modified version of Mimikatz on the controller.", "Mimikatz", extractor.Tool},
	{"The crew used ngrok and Rclone to move the stolen files.", "Rclone", extractor.Tool},
	{"Operators ran nltest and AdFind to map the domain.", "AdFind", extractor.Tool},
	{"The intruders used PsExec to push the encryptor to every host.", "PsExec", extractor.Tool},
	{"Hashes were dumped from LSASS with ProcDump.", "ProcDump", extractor.Tool},
	{"The attackers scanned the perimeter with Masscan and Nmap.", "Masscan", extractor.Tool},
	{"A scheduled task launched certutil.exe to fetch the next stage.", "certutil.exe", extractor.Tool},
	// Tool nouns before the name, brackets, counted lists.
	{"They exfiltrated the archives with the open-source tool Fellproxy.", "Fellproxy", extractor.Tool},
	{"The actor dropped Moorcat (a credential dumping tool) on the server.", "Moorcat", extractor.Tool},
	{"The operators used the open-source Fernlift tool to tunnel RDP.", "Fernlift", extractor.Tool},
	{"They ran Gorsedump and Fellsweep, two open-source tools, on the controller.", "Gorsedump", extractor.Tool},
	{"The actor installed two tools, Fernrun and Heathspy, on the server.", "Fernrun", extractor.Tool},
	{"A customized version of the open-source tool Tarnproxy relayed the traffic.", "Tarnproxy", extractor.Tool},
	{"Operators relied on the Quarnscan, Tarnmap and Gorsecat tools for discovery.", "Tarnmap", extractor.Tool},
	{"The miner was the XMRig miner, set to mine Monero.", "XMRig", extractor.Tool},
	{"A modified version of Heathhound, an open-source tool, mapped the domain.", "Heathhound", extractor.Tool},
	// Platform utilities, rewriters' words, capitalised kinds, projects.
	{"Logging was disabled with the built-in Windows utility gorsectl.", "gorsectl", extractor.Tool},
	{"Fellhound, an open-source device, mapped the domain for the crew.", "Fellhound", extractor.Tool},
	{"They leaned on hacking instruments such as Quarnpeek and Mossprobe.", "Mossprobe", extractor.Tool},
	{"The lures were built with the Fernlock Builder Kit.", "Fernlock Builder Kit", extractor.Tool},
	{"The implant is based on the open-source reverse_tunnel project.", "reverse_tunnel", extractor.Tool},
	{"The crew moved laterally over WinRM and dumped hashes with the Impacket secretsdump utility.", "WinRM", extractor.Tool},
	{"Quarnview is a legitimate remote administration tool that attackers abuse.", "Quarnview", extractor.Tool},
	{"Fernstrike, a commercial adversary simulation framework, was found on the server.", "Fernstrike", extractor.Tool},
	{"The group also ran Tarnkatz, a customised build of Mimikatz.", "Tarnkatz", extractor.Tool},
	{"The attackers used the open-source penetration testing framework Mossploit.", "Mossploit", extractor.Tool},
	{"Tools used: Fernrun, Heathspy and Quarnlift.", "Heathspy", extractor.Tool},
	// Shapes added by tool18: the last list member before a preposition,
	// a tool noun then the name in commas, a name between known tools,
	// software nouns after a word of what a tool does, code-written names,
	// compound kinds.
	{"They relied on utilities such as Tarnmap, Gorsecat and Mossview for discovery.", "Mossview", extractor.Tool},
	{"Analysts also found Fellgrab, a credential dumper, on the server.", "Fellgrab", extractor.Tool},
	{"The group installed a port monitoring tool, QUARNMAP, to print the active connections.", "QUARNMAP", extractor.Tool},
	{"The implants were packed with Themida, Quarnpack, VMProtect and Obsidium.", "Quarnpack", extractor.Tool},
	{"The actor obtained the Mossway open source exfiltration tool and modified it.", "Mossway", extractor.Tool},
	{"The actor used Heath Credential Dumper to harvest stored credentials.", "Heath Credential Dumper", extractor.Tool},
	{"The attackers used a remote-access software known as Fernlink.", "Fernlink", extractor.Tool},
	{"They relied on a software for far-off entry named Tarnlink.", "Tarnlink", extractor.Tool},
	{"The intruders abused the remote management software Brackdesk.", "Brackdesk", extractor.Tool},
	{"They installed Gorseview, a remote monitoring and management program, on each host.", "Gorseview", extractor.Tool},
	{"The attackers deployed the Quarnlink tunneling software to reach the servers.", "Quarnlink", extractor.Tool},
	{"Attackers also used Tarnexec, an open-source alternative to PsExec.", "Tarnexec", extractor.Tool},
	{"The actors ran `brackfind.exe` and `Heathsnap` on the host.", "Heathsnap", extractor.Tool},
	{"The hackers used a publicly available program named Quarnview2 to control the machines.", "Quarnview2", extractor.Tool},
	{"The operators also leaned on Gorsemap, a network mapping utility.", "Gorsemap", extractor.Tool},
	{"The crew then ran anydesk and adfind from the jump host.", "adfind", extractor.Tool},
	{"The Chinese Empire and the Ottoman Empire traded silk.", "Empire", ""},
	{"The appliance's web console, the Configuration utility, had a flaw.", "Configuration", ""},
	{"Fernwood, a government program, and Tarnvale, an accounting application, were funded.", "Tarnvale", ""},
	{"They ran `whoami` and `ipconfig` on the host.", "whoami", ""},
	{"Figure 3. Deobfuscated downloader script.", "Deobfuscated", ""},
	// Malware is malware, even next to tool words.
	{"Gorsefang, a custom backdoor written in C++, talked to the server.", "Gorsefang", extractor.Malware},
	{"The Tarnwick loader decrypted the payload in memory.", "Tarnwick", extractor.Malware},
	{"Heathmoor is a remote access trojan sold on forums.", "Heathmoor", extractor.Malware},
	{"It deployed a new variant of Quillcrypt ransomware.", "Quillcrypt", extractor.Malware},
	{"Two backdoors, Fernsting and Mossbite, were found.", "Fernsting", extractor.Malware},
	// Capitalised words that are not tools.
	{"The actor exploited a flaw in Quarnet Gateway appliances at two banks.", "Quarnet Gateway", ""},
	{"Traffic to the server used HTTPS and SMB on port 445.", "SMB", ""},
	{"The loader was saved as Fellsweep.dll in the Temp folder.", "Fellsweep.dll", ""},
	{"Kestrelworks, a software company in Ohio, disclosed the breach on Monday.", "Kestrelworks", ""},
	{"The tool called back to the server every hour.", "The", ""},
	{"Microsoft released a patch, and tools such as antivirus scanners flagged the file.", "Microsoft", ""},
	{"Users of Quillnote, a popular note-taking app, were targeted by the phishing emails.", "Quillnote", ""},
	{"The configuration is Base64-encoded JSON sent over HTTP.", "JSON", ""},
	{"The group targeted Fernhill Bank, a regional lender.", "Fernhill Bank", ""},
	{"Table 3: Tools used by the group.", "Table", ""},
	{"The Windows framework and a PowerShell utility were abused.", "Windows", ""},
	{"Researchers at Gorsefield Labs, a security vendor, shared the samples.", "Gorsefield Labs", ""},
	{"Victims running Tarnbridge Server 9 were compromised through the exposed login page.", "Tarnbridge Server", ""},
	{"The report follows the Diamond Model and the Cyber Kill Chain.", "Diamond Model", ""},
	{"The Linux backdoor and a Python loader were found on the host.", "Linux", ""},
	{"The attackers wrote a Python tool and a PowerShell utility for the task.", "Python", ""},
	{"Incident responders used the Kestrel Response tool to collect triage data from Fernhill Bank.", "Fernhill Bank", ""},
	{"The intruders used tools such as Nmap against servers in Germany.", "Germany", ""},
	{"Delivering malware through advertising networks is cheap.", "Delivering", ""},
	{"Three banking trojans shared the same loader.", "Three", ""},
	{"Password stealer: the module takes browser passwords.", "Password", ""},
	{"The Windows utility to manage services was abused by the loader.", "to", ""},
	{"Kestrel, a wearable device, sold out in a week.", "Kestrel", ""},
	{"A popular tool vendor, Tarnsoft, said its scanner was abused.", "Tarnsoft", ""},
	{"Kestrelsoft is a commercial tool vendor based in Leeds.", "Kestrelsoft", ""},
	// Software of any kind after a word of how it is had, lower-case coined
	// names after a tool noun, coined names in lower case (session 27).
	{"The hackers ran queries with Fellquery, a legitimate database client, against the warehouse.", "Fellquery", extractor.Tool},
	{"The operators hid behind Brackvpn, a commercial VPN service, during the logins.", "Brackvpn", extractor.Tool},
	{"The attackers relied on the command-line tool fellcli to upload the archives.", "fellcli", extractor.Tool},
	{"The group used the open-source utility gorsesync to copy files.", "gorsesync", extractor.Tool},
	{"The attackers used the legitimate file-sharing application Quarnshare to move the data.", "Quarnshare", extractor.Tool},
	{"Credentials were dumped using the freely available Tarnkatz credential dumper.", "Tarnkatz", extractor.Tool},
	{"The operators then ran hashcat and crackmapexec from the jump host.", "hashcat", extractor.Tool},
	{"Fernhill, a legitimate client of the bank, paid the invoice.", "Fernhill", ""},
	{"Moorfield, a commercial cleaning service, was named in the filing.", "Moorfield", ""},
	{"The bloodhound and the responder reached the scene together.", "bloodhound", ""},
	{"The operators hid behind Mullvad and Private Internet Access VPN services.", "Mullvad", extractor.Tool},
	{"The memory image was examined with Volatility by the responders.", "Volatility", extractor.Tool},
}

// TestToolCheckSet measures the default pack on toolCheckSet. It fails
// below a floor (the figure when the table was last improved) and lists
// the sentences it gets wrong with -v.
func TestToolCheckSet(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := testAnalyzer(t)
	right := 0
	for _, c := range toolCheckSet {
		res := p.Match(c.text, a.Analyze(c.text), a)
		var got extractor.EntityType
		for _, m := range res.Mentions {
			if (m.Text == c.name || strings.EqualFold(m.Canonical, c.name)) && (m.Type == extractor.Tool || m.Type == extractor.Malware) {
				got = m.Type
			}
		}
		if got == c.want {
			right++
			continue
		}
		var ms []string
		for _, m := range res.Mentions {
			ms = append(ms, m.Text+"/"+string(m.Type)+"/"+m.Rule)
		}
		t.Logf("%q: %s is %q, want %q (mentions %v)", strings.ReplaceAll(c.text, "\n", " "), c.name, got, c.want, ms)
	}
	t.Logf("tool check set: %d of %d right", right, len(toolCheckSet))
	const floor = 114
	if right < floor {
		t.Errorf("tool check set: %d of %d right, floor %d", right, len(toolCheckSet), floor)
	}
}
