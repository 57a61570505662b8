"""Unit tests of losses.py on hand-made eval reports (no extractor, no WordNet).
Run: python3 -m unittest test_losses"""

import io
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import losses  # noqa: E402
import paraphrase  # noqa: E402

TEXT = "Ann Lee, an analyst at Kestrel Labs, said the group was based in Oslo.\n"
GOLD = {"entities": [
    {"id": "ann", "names": ["Ann Lee"], "types": ["person"]},
    {"id": "kes", "names": ["Kestrel Labs"], "types": ["organization"]},
    {"id": "oslo", "names": ["Oslo"], "types": ["location"]}],
    "relations": [
    {"type": "employed-by", "source": "ann", "target": "kes"},
    {"type": "located-in", "source": "kes", "target": "oslo"}]}
SWAPS = {"analyst": {"to": "psychoanalyst", "pos": "n", "in_name": False},
         "labs": {"to": "research laboratories", "pos": "n", "in_name": True},
         "based": {"to": "grounded", "pos": "a", "in_name": False}}


def doc(missed=(), missed_relations=()):
    return {"document": "d.txt", "missed": [{"name": n, "verdict": "missed"} for n in missed],
            "missed_relations": [{"source": s, "type": t, "target": g} for s, t, g in missed_relations]}


class Losses(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, path, content):
        path = os.path.join(self.tmp.name, path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(content if isinstance(content, str) else json.dumps(content))
        return path

    def run_analysis(self, copy_doc, orig_doc=None):
        self.write("orig/d.txt", TEXT)
        self.write("orig/d.gold.json", GOLD)
        copy_gold = json.loads(json.dumps(GOLD))
        copy_gold["entities"][1]["names"] = ["Kestrel Research laboratories"]
        self.write("copy/d.gold.json", copy_gold)
        self.write("copy/" + paraphrase.MAP_FILE, {"documents": {"d": {
            "document": "d.txt", "swaps": SWAPS,
            "entities": {"kes": {"from": ["Kestrel Labs"], "to": ["Kestrel Research laboratories"]}}}}})
        orep = self.write("o.json", {"documents": [orig_doc or doc()]})
        crep = self.write("c.json", {"documents": [copy_doc]})
        ext = self.write("x.json", {"documents": [], "entities": [], "relations": []})
        return losses.analyse(os.path.join(self.tmp.name, "copy", paraphrase.MAP_FILE),
                              os.path.join(self.tmp.name, "orig"), os.path.join(self.tmp.name, "copy"),
                              orep, crep, ext)

    def test_relation_loss_blames_the_swaps_of_its_sentence(self):
        ls = self.run_analysis(doc(missed_relations=[("Ann Lee", "employed-by", "Kestrel Research laboratories")]))
        self.assertEqual(len(ls), 1)
        self.assertEqual(ls[0]["kind"], "relation")
        self.assertFalse(ls[0]["end_lost"])
        self.assertEqual(ls[0]["swapped"], ["analyst", "based", "labs"])
        self.assertEqual(ls[0]["classes"]["analyst"], "role noun")
        self.assertEqual(ls[0]["classes"]["labs"], "name word")

    def test_relation_with_a_lost_end_is_charged_to_the_entity(self):
        ls = self.run_analysis(doc(missed=["Kestrel Research laboratories"],
                                   missed_relations=[("Kestrel Research laboratories", "located-in", "Oslo")]))
        kinds = sorted((l["kind"], l.get("end_lost", False)) for l in ls)
        self.assertEqual(kinds, [("entity", False), ("relation", True)])
        entity = [l for l in ls if l["kind"] == "entity"][0]
        # inside the name ("labs") and two words before it ("analyst at"); "based" is further on
        self.assertEqual(entity["swapped"], ["analyst", "labs"])
        out = io.StringIO()
        losses.summarise(ls, 5, out=out)
        self.assertIn("1 of them lost an end", out.getvalue())
        self.assertIn("labs", out.getvalue())

    def test_nothing_lost_when_the_copy_misses_what_the_original_missed(self):
        # both miss Kestrel Labs and its relations, each under its own names
        orig = doc(missed=["Kestrel Labs"], missed_relations=[("Ann Lee", "employed-by", "Kestrel Labs"),
                                                              ("Kestrel Labs", "located-in", "Oslo")])
        copy = doc(missed=["Kestrel Research laboratories"],
                   missed_relations=[("Ann Lee", "employed-by", "Kestrel Research laboratories"),
                                     ("Kestrel Research laboratories", "located-in", "Oslo")])
        self.assertEqual(self.run_analysis(copy, orig), [])


if __name__ == "__main__":
    unittest.main()
