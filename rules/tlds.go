package rules

import "strings"

// tldList is the top-level domains the domain validator accepts: every
// two-letter country code TLD delegated by IANA, the original generic TLDs,
// and about a hundred of the newer generic TLDs most seen in threat reports
// (cheap registrations used for command and control). It is deliberately
// not the full IANA list of ~1,450 names: brand TLDs (.microsoft, .google)
// and rare ones add false positives ("System.Management") and almost no true
// ones. "onion" is included although it is a special-use name, not an IANA
// delegation, because Tor services are indicators in their own right;
// so are "example" and "test", the names RFC 2606 reserves for
// documentation, which reports use for placeholder indicators
// (update-check[.]example): like a file-like TLD they count only when
// written defanged or inside a URL or e-mail address.
// To accept another TLD, write a regex rule with validate: none.
const tldList = `
ac ad ae af ag ai al am ao aq ar as at au aw ax az
ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz
ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz
de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr
ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy
hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp
ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly
ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz
na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa
re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz
tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz
va vc ve vg vi vn vu wf ws ye yt za zm zw

com net org info biz edu gov mil int arpa mobi name pro aero asia cat coop jobs museum tel travel post xxx

xyz top online site club shop store tech space website live life world today news blog app dev cloud
digital email link click help support services solutions network systems center company agency group
host hosting server tools software work works zone fun icu vip win bid loan men date download review
stream trade party science racing faq cricket accountant gdn ltd llc rest bar buzz cam casa cyou
monster quest sbs skin uno wang xin ink kim lol mom pics pink red blue black green page
global one plus media photo photos social chat video game games bet casino poker money finance
financial bank insure capital cash exchange market markets domains wiki academy institute education
school university consulting management marketing partners ventures holdings industries international
enterprises foundation fund gold london berlin nyc tokyo moscow paris africa lat wtf ninja rocks guru
expert codes cyber security web best cool city land world systems digital run biz today host
fit art studio design agency ooo press report report tips
zip mov cab
onion
example test
`

var tlds = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(tldList) {
		m[t] = true
	}
	return m
}()

// fileLikeTLDs are real TLDs that are far more often file extensions in
// reports (main.py, install.sh, update.zip, libc.so). A name ending in one
// is a domain only when it is written defanged or inside a URL or e-mail.
var fileLikeTLDs = map[string]bool{"zip": true, "mov": true, "py": true, "sh": true, "md": true,
	"rs": true, "so": true, "cab": true, "app": true, "ps": true, "pm": true,
	"example": true, "test": true}
