"""Unit tests of paraphrase.py on a tiny WordNet written by the test (the real
WordNet is not needed). Run: python3 -m unittest test_paraphrase"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import paraphrase  # noqa: E402

# Each synset has one other lemma, so a swap at rate 1 has one outcome.
SYNSETS = {
    "noun": [["group", "gaggle"], ["typhoon", "hurricane"], ["china", "chinaware"],
             ["China", "PRC"], ["united", "joined"], ["states", "nations"], ["United States", "US"],
             ["hacker", "cyber-terrorist"], ["firm", "house"],
             ["analyst", "psychoanalyst"], ["report", "study"], ["sample", "try"]],
    "verb": [["target", "aim"], ["seize", "take"], ["run", "operate"], ["trade", "swap"],
             ["report", "describe"], ["include", "let in"], ["don", "wear"]],
    "adj": [["based", "grounded"]],
    "adv": [],
}
EXC = {"verb": ["took take", "taken take", "ran run"], "noun": [], "adj": [], "adv": []}
POS_LETTER = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def write_wordnet(folder):
    """Data files with true byte offsets, index files pointing at them."""
    for name, synsets in SYNSETS.items():
        header = "  1 tiny WordNet fixture for test_paraphrase.py\n"
        lines, offset, index = [], len(header), {}
        for lemmas in synsets:
            words = " ".join("%s 0" % l.replace(" ", "_") for l in lemmas)
            lexfile = "15" if lemmas[0][0].isupper() else "03"  # proper names are places here
            line = ("%08d " + lexfile + " %s %02x %s 000 | fixture\n") % (offset, POS_LETTER[name], len(lemmas), words)
            lines.append(line)
            for l in lemmas:
                index.setdefault(l.lower().replace(" ", "_"), []).append("%08d" % offset)
            offset += len(line.encode("utf-8"))
        with open(os.path.join(folder, "data." + name), "w", encoding="utf-8") as f:
            f.write(header + "".join(lines))
        with open(os.path.join(folder, "index." + name), "w", encoding="utf-8") as f:
            f.write(header)
            for lemma in sorted(index):
                offs = index[lemma]
                f.write("%s %s %d 0 %d 0 %s  \n" % (lemma, POS_LETTER[name], len(offs), len(offs), " ".join(offs)))
        with open(os.path.join(folder, name + ".exc"), "w", encoding="utf-8") as f:
            f.write("".join(l + "\n" for l in EXC[name]))


class Fixture(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.wn_dir = os.path.join(self.tmp.name, "wordnet")
        os.makedirs(self.wn_dir)
        write_wordnet(self.wn_dir)
        self.wn = paraphrase.WordNet(self.wn_dir)
        self.addCleanup(self.wn.close)

    def mapping(self, rate=1.0, name_rate=1.0, name_words=(), seed="1", stem="doc"):
        return paraphrase.Mapping(self.wn, seed, stem, rate, name_rate, set(name_words))

    def corpus(self, files):
        src = os.path.join(self.tmp.name, "in")
        os.makedirs(src, exist_ok=True)
        for name, content in files.items():
            with open(os.path.join(src, name), "w", encoding="utf-8") as f:
                f.write(content if isinstance(content, str) else json.dumps(content))
        return src

    def run_corpus(self, src, out_name="out", seed="1", rate=1.0, name_rate=1.0):
        out = os.path.join(self.tmp.name, out_name)
        with open(os.devnull, "w") as log:
            paraphrase.paraphrase_corpus(src, out, self.wn, seed, rate, name_rate, log=log)
        return out


def gold(entities, relations=()):
    return {"document": "x", "exhaustive": True, "entities": entities, "relations": list(relations)}


class InflectionAndCase(Fixture):
    def test_regular_inflections_follow_the_original(self):
        m = self.mapping()
        self.assertEqual(m.rewrite("The groups targeted firms"), "The gaggles aimed houses")
        self.assertEqual(m.rewrite("targeting and targets"), "aiming and aims")

    def test_irregular_forms_from_the_exception_lists(self):
        self.assertEqual(self.mapping().rewrite("They seized it"), "They took it")

    def test_invariant_past_of_a_multiword_verb(self):
        self.assertEqual(self.mapping().rewrite("It included them"), "It let in them")

    def test_irregular_original_is_recognised(self):
        # "ran" is "run" by verb.exc, so its swap is put in the past too.
        self.assertEqual(self.mapping().rewrite("It ran"), "It operated")

    def test_case_is_kept(self):
        m = self.mapping()
        self.assertEqual(m.rewrite("Group group"), "Gaggle gaggle")

    def test_multiword_and_hyphenated_replacement(self):
        self.assertEqual(self.mapping().rewrite("hackers"), "cyber-terrorists")

    def test_proper_noun_sense_keeps_capitalised_word(self):
        # "China" has a proper-noun sense: the country is not porcelain.
        self.assertEqual(self.mapping().rewrite("China sold china"), "China sold chinaware")

    def test_multiword_proper_name_kept(self):
        # "United States" is one proper name in WordNet; its words alone are not.
        self.assertEqual(self.mapping().rewrite("The United States and united states"),
                         "The United States and joined nations")

    def test_stop_words_acronyms_and_numbers_untouched(self):
        m = self.mapping()
        self.assertEqual(m.rewrite("GROUP in 2024 and APT41"), "GROUP in 2024 and APT41")

    def test_contraction_is_not_split_and_swapped(self):
        # "don't" is one word to a rewriter: its "don" is no verb "to don"
        self.assertEqual(self.mapping().rewrite("They don't run it. Don it."), "They don't operate it. Wear it.")

    def test_rate_zero_changes_nothing(self):
        text = "The groups targeted firms"
        self.assertEqual(self.mapping(rate=0, name_rate=0).rewrite(text), text)


class ProtectedText(Fixture):
    def test_indicators_urls_and_cves_untouched(self):
        text = "group.example.com and https://report.example/target?x=group CVE-2021-1234 group[.]net"
        out = self.mapping().rewrite(text)
        self.assertEqual(out, text)

    def test_markdown_code_and_link_targets_untouched(self):
        text = "# Group report\n\n`target group` and [a group](https://x.test/group).\n\n```\ngroup target\n```\n"
        out = paraphrase.rewrite_markdown(self.mapping(), text)
        self.assertEqual(out, "# Gaggle study\n\n`target group` and [a gaggle](https://x.test/group).\n\n```\n"
                              "group target\n```\n")

    def test_markdown_indented_code_block_untouched(self):
        text = "The group ran it:\n\n    group target\n    run group\n\nThe group ran.\n"
        out = paraphrase.rewrite_markdown(self.mapping(), text)
        self.assertEqual(out, "The gaggle operated it:\n\n    group target\n    run group\n\nThe gaggle operated.\n")

    def test_html_rewrites_text_nodes_only(self):
        html = ('<html><head><title>Group</title><script>var group = "target";</script></head>'
                '<body><a href="group.html" title="group report">The group</a> &amp; '
                '<code>group</code></body></html>')
        out = paraphrase.rewrite_html(self.mapping(), html)
        self.assertEqual(out, '<html><head><title>Gaggle</title><script>var group = "target";</script></head>'
                              '<body><a href="group.html" title="group report">The gaggle</a> &amp; '
                              '<code>group</code></body></html>')


class Corpus(Fixture):
    def sample(self):
        return self.corpus({
            "news.txt": "Flax Typhoon, a hacker group, targeted a firm. The group was based in Taipei.\n",
            "news.gold.json": gold(
                [{"id": "flax", "names": ["Flax Typhoon"], "types": ["threat-actor"]},
                 {"id": "tpe", "names": ["Taipei"], "types": ["location"]},
                 {"id": "grp", "names": ["hacker group"], "types": ["threat-actor"], "optional": True}],
                [{"type": "located-in", "source": "flax", "target": "tpe", "optional": True}]),
            "report.pdf": "%PDF-1.4 not read",
            "report.gold.json": gold([]),
        })

    def test_gold_follows_text_and_keeps_flags(self):
        out = self.run_corpus(self.sample())
        with open(os.path.join(out, "news.txt"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(out, "news.gold.json"), encoding="utf-8") as f:
            g = json.load(f)
        self.assertEqual(text, "Flax Hurricane, a cyber-terrorist gaggle, aimed a house. "
                               "The gaggle was grounded in Taipei.\n")
        names = {e["id"]: e["names"] for e in g["entities"]}
        self.assertEqual(names["flax"], ["Flax Hurricane"])   # the original no longer occurs
        self.assertEqual(names["grp"], ["cyber-terrorist gaggle"])
        self.assertTrue([e for e in g["entities"] if e["id"] == "grp"][0]["optional"])
        self.assertEqual(g["relations"], [{"type": "located-in", "source": "flax", "target": "tpe", "optional": True}])

    def test_original_name_kept_as_alias_when_it_still_occurs(self):
        src = self.corpus({
            "d.txt": "The Typhoon report. See https://x.test/Flax Typhoon for Flax Typhoon.\n",
            "d.gold.json": gold([{"id": "f", "names": ["Flax Typhoon"], "types": ["threat-actor"]}]),
        })
        # "Flax Typhoon" survives inside nothing protected here, so only the new name.
        out = self.run_corpus(src)
        with open(os.path.join(out, "d.gold.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f)["entities"][0]["names"], ["Flax Hurricane"])
        src2 = self.corpus({
            "e.md": "Flax Typhoon, written `Flax Typhoon` in code.\n",
            "e.gold.json": gold([{"id": "f", "names": ["Flax Typhoon"], "types": ["threat-actor"]}]),
        })
        out2 = self.run_corpus(src2, out_name="out2")
        with open(os.path.join(out2, "e.gold.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f)["entities"][0]["names"], ["Flax Hurricane", "Flax Typhoon"])

    def test_html_name_split_by_a_tag_or_holding_an_entity_is_a_name(self):
        # Words of a gold name take the name rate (0 here) though a tag or
        # an entity stands inside the name in the HTML source.
        src = self.corpus({
            "h.html": "<p><b>Flax</b> Typhoon hit the Group &amp; Firm. A typhoon and a group hit a firm.</p>\n",
            "h.gold.json": gold([{"id": "f", "names": ["Flax Typhoon"], "types": ["threat-actor"]},
                                 {"id": "g", "names": ["Group & Firm"], "types": ["organization"]}]),
        })
        out = self.run_corpus(src, rate=1.0, name_rate=0.0)
        with open(os.path.join(out, "h.html"), encoding="utf-8") as f:
            self.assertEqual(f.read(), "<p><b>Flax</b> Typhoon hit the Group &amp; Firm. "
                                       "A typhoon and a group hit a firm.</p>\n")
        with open(os.path.join(out, "h.gold.json"), encoding="utf-8") as f:
            self.assertEqual([e["names"] for e in json.load(f)["entities"]], [["Flax Typhoon"], ["Group & Firm"]])

    def test_one_mapping_per_document(self):
        m = self.mapping(rate=0.5, seed="7")
        out = m.rewrite(" ".join(["group"] * 50))
        self.assertEqual(len(set(out.split())), 1)

    def test_name_words_use_the_name_rate(self):
        m = self.mapping(rate=1.0, name_rate=0.0, name_words={"typhoon"})
        self.assertEqual(m.rewrite("Flax Typhoon group"), "Flax Typhoon gaggle")

    def test_deterministic_for_a_seed_and_varies_with_it(self):
        words = "group typhoon hacker firm target analyst report sample trade " * 3
        src = self.corpus({"d.txt": words, "d.gold.json": gold([])})
        outs = [self.run_corpus(src, out_name="o%d" % i, seed=s, rate=0.5) for i, s in enumerate("114")]
        texts = []
        for o in outs:
            with open(os.path.join(o, "d.txt"), encoding="utf-8") as f:
                texts.append(f.read())
        self.assertEqual(texts[0], texts[1])
        self.assertNotEqual(texts[0], texts[2])

    def test_pdf_is_skipped_and_listed(self):
        out = self.run_corpus(self.sample())
        self.assertFalse(os.path.exists(os.path.join(out, "report.pdf")))
        self.assertFalse(os.path.exists(os.path.join(out, "report.gold.json")))
        with open(os.path.join(out, paraphrase.MAP_FILE), encoding="utf-8") as f:
            self.assertEqual(json.load(f)["skipped"], ["report.pdf"])


class Errors(Fixture):
    def test_missing_wordnet_names_path_and_package(self):
        missing = os.path.join(self.tmp.name, "nowordnet")
        with self.assertRaises(paraphrase.ParaphraseError) as cm:
            paraphrase.WordNet(missing)
        self.assertIn(missing, str(cm.exception))
        self.assertIn("wordnet-base", str(cm.exception))

    def test_bad_gold_names_the_file(self):
        src = self.corpus({"d.txt": "group", "d.gold.json": "{not json"})
        with self.assertRaises(paraphrase.ParaphraseError) as cm:
            self.run_corpus(src)
        self.assertIn(os.path.join(src, "d.gold.json"), str(cm.exception))

    def test_failure_leaves_no_half_written_output(self):
        # a.txt is rewritten before b's bad gold stops the run: nothing of
        # it may stay, neither in the output folder nor beside it.
        src = self.corpus({"a.txt": "group", "a.gold.json": gold([]), "b.txt": "group", "b.gold.json": "{not json"})
        with self.assertRaises(paraphrase.ParaphraseError):
            self.run_corpus(src, out_name="half")
        self.assertFalse(os.path.exists(os.path.join(self.tmp.name, "half")))
        self.assertEqual(sorted(os.listdir(self.tmp.name)), ["in", "wordnet"])

    def test_refuses_to_write_inside_the_input(self):
        src = self.corpus({"d.txt": "group", "d.gold.json": gold([])})
        with self.assertRaises(paraphrase.ParaphraseError):
            paraphrase.paraphrase_corpus(src, os.path.join(src, "out"), self.wn, "1", 1, 1)

    def test_command_line_reports_missing_wordnet(self):
        src = self.corpus({"d.txt": "group", "d.gold.json": gold([])})
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "paraphrase.py")
        res = subprocess.run([sys.executable, script, src, os.path.join(self.tmp.name, "o"),
                              "--wordnet", os.path.join(self.tmp.name, "absent")],
                             capture_output=True, text=True)
        self.assertEqual(res.returncode, 2)
        self.assertIn("wordnet-base", res.stderr)


if __name__ == "__main__":
    unittest.main()
