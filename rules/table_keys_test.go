package rules

import "testing"

// The first column of a malware table names the report's families, new
// ones included, and the report's actor uses them.
func TestTableKeyColumnMakesMalware(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries.\n" +
		"Kestrel Bear also compromised two think tanks in 2023.\n\n" +
		"| Malware | Platform | Role |\n|---|---|---|\n| Tallowhook | Windows | main implant |\n| Quillspin | Android | mobile implant |\n"
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	found := map[string]string{}
	for _, m := range res.Mentions {
		found[m.Text] = string(m.Type)
	}
	for _, name := range []string{"Tallowhook", "Quillspin"} {
		if found[name] != "malware" {
			t.Errorf("%s = %q, want malware", name, found[name])
		}
	}
	uses := 0
	for _, r := range res.Relations {
		if r.Type == "uses" && text[r.Source.Start:r.Source.End] == "Kestrel Bear" {
			uses++
		}
	}
	if uses != 2 {
		t.Errorf("Kestrel Bear uses %d of the two families", uses)
	}
	// "Platform" is no malware column: Windows stays no mention.
	if _, ok := found["Windows"]; ok && found["Windows"] == "malware" {
		t.Error("a later column was read as the key")
	}
}
