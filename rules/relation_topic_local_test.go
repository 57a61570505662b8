package rules

import (
	"slices"
	"strings"
	"testing"
)

// defaultTopicRelations runs the default pack and returns its topic
// fallback relations as "source -type-> target".
func defaultTopicRelations(t *testing.T, text string) []string {
	t.Helper()
	return defaultRelationsWith(t, text, "topic")
}

// allRelations runs the default pack and returns all its relations as
// "source -type-> target", whatever rule found them.
func allRelations(t *testing.T, text string) []string {
	t.Helper()
	return defaultRelationsWith(t, text, "")
}

// checkWantNot reports each relation of want that got lacks and each
// relation of not that got has, for text.
func checkWantNot(t *testing.T, text string, got, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%q: want %q, got %q", text, w, got)
		}
	}
	for _, w := range not {
		if slices.Contains(got, w) {
			t.Errorf("%q: do not want %q, got %q", text, w, got)
		}
	}
}

// defaultRelationsWith runs the default pack and returns, as "source
// -type-> target", its relations whose topicRelations line (rule
// included) contains with.
func defaultRelationsWith(t *testing.T, text, with string) []string {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range topicRelations(t, p, text) {
		if strings.Contains(r, with) {
			out = append(out, r[:strings.Index(r, " [")])
		}
	}
	return out
}

// topicCase is a text and what the relations found in it must and must
// not hold.
type topicCase struct {
	name, text string
	want       []string // each must be found
	absent     []string // none may be found
	notFrom    []string // no relation may start with one of these
}

// checkTopic runs each case as a subtest on the relations get returns for
// its text; has reports whether those relations hold a wanted one.
func checkTopic(t *testing.T, cases []topicCase, get func(*testing.T, string) []string, has func([]string, string) bool) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := get(t, c.text)
			for _, w := range c.want {
				if !has(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			for _, a := range c.absent {
				if has(got, a) {
					t.Errorf("unexpected %q in %q", a, got)
				}
			}
			for _, r := range got {
				for _, n := range c.notFrom {
					if strings.HasPrefix(r, n) {
						t.Errorf("unexpected %q (starts with %q) in %q", r, n, got)
					}
				}
			}
		})
	}
}

func TestLocalTopicGivesAParagraphsVictimsToTheActorItNames(t *testing.T) {
	text := "Kestrel Bear and Heron Panda were both active this year.\n\n" +
		"Kestrel Bear is an espionage group. The breach of Pellmark Systems Inc. in May was quick.\n\n" +
		"Heron Panda is a financially motivated crew. The attack on Hallick Group took a week.\n"
	got := defaultTopicRelations(t, text)
	for _, want := range []string{"Kestrel Bear -targets-> Pellmark Systems Inc.", "Heron Panda -targets-> Hallick Group"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	for _, bad := range []string{"Heron Panda -targets-> Pellmark Systems Inc.", "Kestrel Bear -targets-> Hallick Group"} {
		if slices.Contains(got, bad) {
			t.Errorf("%q given to the other paragraph's actor: %q", bad, got)
		}
	}
}

func TestLocalTopicFallsBackOnTheSectionUnderAHeading(t *testing.T) {
	text := "Kestrel Bear and Heron Panda were both active this year.\n\n" +
		"## Kestrel Bear\n\nThe group writes its own loaders.\n\nThe attack on Hallick Group took a week.\n"
	if got := defaultTopicRelations(t, text); !slices.Contains(got, "Kestrel Bear -targets-> Hallick Group") {
		t.Errorf("section topic not used: %q", got)
	}
}

func TestChargedPersonsAreTheTopicOfTheirParagraph(t *testing.T) {
	text := "A grand jury indicted Ivo Marten on Tuesday.\n\n" +
		"Investigators say Ivo Marten and his co-conspirators encrypted the servers of a clinic. " +
		"Hospitals in Vermont and Ohio were later hit the same way.\n\n" +
		"Attorney General Dana Whitlow said the attack on Hallick Group was also charged.\n"
	got := defaultTopicRelations(t, text)
	for _, want := range []string{"Ivo Marten -targets-> Vermont", "Ivo Marten -targets-> Ohio"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	for _, r := range got {
		if strings.HasPrefix(r, "Dana Whitlow") {
			t.Errorf("an official is no defendant: %q", r)
		}
		if strings.Contains(r, "Hallick Group") {
			t.Errorf("a victim in a paragraph without the defendant went to them: %q", r)
		}
	}
}

func TestASentenceNamingSomeChargedPersonsIsAboutThose(t *testing.T) {
	text := "Prosecutors unsealed charges against two nationals, Ivo Marten and Lars Obel, for deploying ransomware " +
		"against victims in Vermont. They joined two others already charged over the scheme: Tomas Hald and Piet Ruud.\n"
	got := defaultTopicRelations(t, text)
	for _, want := range []string{"Ivo Marten -targets-> Vermont", "Lars Obel -targets-> Vermont"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	for _, bad := range []string{"Tomas Hald -targets-> Vermont", "Piet Ruud -targets-> Vermont"} {
		if slices.Contains(got, bad) {
			t.Errorf("%q: the victims are those of the persons the sentence names: %q", bad, got)
		}
	}
}

func TestAPersonNamedWithoutAChargeIsNoTopic(t *testing.T) {
	text := "Ivo Marten wrote a blog post on Tuesday.\n\n" +
		"Ivo Marten says hospitals in Vermont and Ohio were later hit by ransomware.\n"
	if got := defaultTopicRelations(t, text); len(got) != 0 {
		t.Errorf("uncharged person got topic relations: %q", got)
	}
}

func TestABulletListSetOffByABlankLineContinuesItsIntrosParagraph(t *testing.T) {
	text := "A grand jury indicted Ivo Marten on Tuesday.\n\n" +
		"Ivo Marten was first charged in 2019. The complaint tied him to two of the costliest attacks of the decade:\n\n" +
		"  - the 2016 attack on Hallick Group, in which the crew wiped the disks of several thousand\n" +
		"    office computers and then demanded a ransom for the stolen files;\n" +
		"  - the 2017 breach of Pellmark Systems Inc., carried out through forged payment orders sent\n" +
		"    over a clearing network over several weeks.\n\n" +
		"Attorney General Dana Whitlow announced the case.\n"
	got := defaultTopicRelations(t, text)
	for _, want := range []string{"Ivo Marten -targets-> Hallick Group", "Ivo Marten -targets-> Pellmark Systems Inc."} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
}

// An official named after a title and its complement ("Assistant Attorney
// General for National Security A") announces charges; they are not the
// defendant's.
func TestOfficialsAfterALongTitleAreNotCharged(t *testing.T) {
	text := "Kestrel Bear is a cyber espionage group. Kestrel Bear sends spear-phishing lures to ministries.\n\n" +
		"Prosecutors charged Ivo Marten with wire fraud. Deputy Attorney General Dana Whitlow announced the charges " +
		"with Assistant Attorney General for National Security John C. Ruud and Director Tomas Hald.\n"
	got := defaultTopicRelations(t, text)
	if !slices.Contains(got, "Ivo Marten -affiliated-with-> Kestrel Bear") {
		t.Errorf("the defendant lost: %q", got)
	}
	for _, r := range got {
		for _, official := range []string{"Dana Whitlow", "Ruud", "Tomas Hald"} {
			if strings.Contains(r, official) {
				t.Errorf("an official is no defendant: %q", r)
			}
		}
	}
}
