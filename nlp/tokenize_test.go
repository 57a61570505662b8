package nlp

import (
	"strings"
	"testing"
)

func tokenTexts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want string // tokens joined by " | "
	}{
		// prose lost "n't" and "," here.
		{"It didn't, however.", "It | did | n't | , | however | ."},
		{"can't won’t isn't", "ca | n't | wo | n’t | is | n't"},
		{"China's MSS and China’s", "China | 's | MSS | and | China | ’s"},
		// an en dash inside a word is its hyphen; a range or a pairing
		// keeps it apart
		{"a state–sponsored, Beijing–based crew", "a | state–sponsored | , | Beijing–based | crew"},
		{"in 2019–2021 the Sino–US talks", "in | 2019 | – | 2021 | the | Sino | – | US | talks"},
		{"the hackers' tools", "the | hackers | ' | tools"},
		{"from 10.1.2.3. The actor", "from | 10.1.2.3 | . | The | actor"},
		{"to evil.com. Then", "to | evil.com | . | Then"},
		{"evil.com).", "evil.com | ) | ."},
		{"hxxps://evil[.]com/a?b=c", "hxxps://evil[.]com/a?b=c"},
		{"hxxp[:]//evil[.]com/x.php.", "hxxp[:]//evil[.]com/x.php | ."},
		{"(hxxp://evil[.]com)", "( | hxxp://evil[.]com | )"},
		{"https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)"},
		{"1.2.3[.]4 and evil(.)com", "1.2.3[.]4 | and | evil(.)com"},
		{"user[at]example[.]com, admin@example.com;", "user[at]example[.]com | , | admin@example.com | ;"},
		{"10.0.0.1:8080 192.168.0.0/16 2001:db8::1 2001:db8::/32 fe80::", "10.0.0.1:8080 | 192.168.0.0/16 | 2001:db8::1 | 2001:db8::/32 | fe80::"},
		{"evil-cdn.example.com d41d8cd98f00b204e9800998ecf8427e", "evil-cdn.example.com | d41d8cd98f00b204e9800998ecf8427e"},
		{"CVE-2024-12345, T1059.001 and svchost.exe", "CVE-2024-12345 | , | T1059.001 | and | svchost.exe"},
		{`HKLM\Software\Microsoft\Windows\CurrentVersion\Run`, `HKLM\Software\Microsoft\Windows\CurrentVersion\Run`},
		{`C:\Windows\System32\cmd.exe %APPDATA%\x.dll`, `C:\Windows\System32\cmd.exe | %APPDATA%\x.dll`},
		{"version v2.3.1.", "version | v2.3.1 | ."},
		{"i-Soon, Storm-0558 and state-sponsored", "i-Soon | , | Storm-0558 | and | state-sponsored"},
		{"the U.S. and Acme Co., Ltd. or Contoso Inc.", "the | U.S. | and | Acme | Co. | , | Ltd. | or | Contoso | Inc."},
		{"e.g., i.e. vs. etc.", "e.g. | , | i.e. | vs. | etc."},
		{"Fig. 3, No. 5, answered no.", "Fig. | 3 | , | No. | 5 | , | answered | no | ."},
		{"J. Smith", "J. | Smith"},
		{"(Storm-0558)", "( | Storm-0558 | )"},
		{"“Volt Typhoon”", "“ | Volt | Typhoon | ”"},
		{`"quoted" text`, `" | quoted | " | text`},
		{"wait... what?!", "wait | ... | what | ? | !"},
		{"$100 and 50% of 1,000 a,b", "$ | 100 | and | 50 | % | of | 1,000 | a | , | b"},
		{"powershell -enc --help -- x", "powershell | -enc | --help | -- | x"},
		{"IOCs: APT41(Winnti)", "IOCs | : | APT41 | ( | Winnti | )"},
		{"word—word", "word | — | word"},
		{"• item", "• | item"},
		{"*Figure 1: BRT.* **Hashes** *.exe HKCR\\* __init__.py", "* | Figure | 1 | : | BRT | . | * | ** | Hashes | ** | *.exe | HKCR\\* | __init__.py"},
		// Words joined by a slash are split; URLs, paths, dates, CIDRs,
		// single letters and lower-case pairs are not.
		{"APT33/Elfin and CMD/PowerShell, TCP/IP.", "APT33 | / | Elfin | and | CMD | / | PowerShell | , | TCP | / | IP | ."},
		{"JS/KopiLuwak and Win32/Industroyer", "JS/KopiLuwak | and | Win32/Industroyer"},
		{"APT28/Fancy Bear/Sofacy", "APT28 | / | Fancy | Bear | / | Sofacy"},
		{"hxxp://x/y /etc/passwd C:\\x\\y 1/2/2020 24/7 I/O and/or usr/bin", "hxxp://x/y | /etc/passwd | C:\\x\\y | 1/2/2020 | 24/7 | I/O | and/or | usr/bin"},
		{"10.0.0.0/8 evil.com/a/B Win32/Agent.X", "10.0.0.0/8 | evil.com/a/B | Win32/Agent.X"},
		// Markdown links: the name is a token of its own, the target one token.
		{"[Shathak](https://example.com/x).", "[ | Shathak | ] | ( | https://example.com/x | ) | ."},
		{"**[APT33/Elfin](hxxps://evil[.]com/a_(b))**", "** | [ | APT33 | / | Elfin | ] | ( | hxxps://evil[.]com/a_(b) | ) | **"},
		{"[Volt Typhoon](/actors/volt) and Shathak(https://x.example/y)", "[ | Volt | Typhoon | ] | ( | /actors/volt | ) | and | Shathak | ( | https://x.example/y | )"},
		{"https://en.wikipedia.org/wiki/Foo_(bar) [1](#fn1)", "https://en.wikipedia.org/wiki/Foo_(bar) | [ | 1 | ] | ( | #fn1 | )"},
		// Trademark signs are peeled off the name they follow; a lone sign stays.
		{"Acmesec® Falcon® Watch™ (ATW™) and ©", "Acmesec | ® | Falcon | ® | Watch | ™ | ( | ATW | ™ | ) | and | ©"},
		// an opening quote typed for the apostrophe: a possessive, nothing else
		{"since Trend Micro‘s June report, ‘so’ rock‘n‘roll", "since | Trend | Micro | ‘s | June | report | , | ‘ | so | ’ | rock‘n‘roll"},
	}
	for _, c := range cases {
		got := strings.Join(tokenTexts(Tokenize(c.in)), " | ")
		if got != c.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestTokenOffsets(t *testing.T) {
	text := "Volt Typhoon didn't stop.\n\nIt used hxxps://evil[.]com/a?b=c\fand “China’s” tools. " +
		"See [Shathak’s](https://example.com/x) APT33/Elfin/Refined."
	for _, tok := range Tokenize(text) {
		if text[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q at [%d,%d) reads %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
	}
}

func TestShape(t *testing.T) {
	cases := []struct{ in, shape, short string }{
		{"Volt", "Xxxx", "Xx"},
		{"APT41", "XXXdd", "Xd"},
		{"i-Soon", "x-Xxxx", "x-Xx"},
		{"10.1.2.3", "dd.d.d.d", "d.d.d.d"},
		{"CVE-2024-1", "XXX-dddd-d", "X-d-d"},
		{"Émile", "Xxxxx", "Xx"},
		{"", "", ""},
	}
	for _, c := range cases {
		if got := Shape(c.in); got != c.shape {
			t.Errorf("Shape(%q) = %q, want %q", c.in, got, c.shape)
		}
		if got := ShortShape(c.in); got != c.short {
			t.Errorf("ShortShape(%q) = %q, want %q", c.in, got, c.short)
		}
	}
}
