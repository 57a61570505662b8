#!/usr/bin/env python3
"""Which swaps of paraphrase.py lose what: compare eval reports of an original
corpus and of its rewritten copy (README.md beside this file).

For every gold relation found on the original but missed on the copy, the
swapped words of its evidence sentence (from `extractor extract --format json`
on the original) are blamed; for every gold entity typed right on the
original but missed or mistyped on the copy, the swapped words inside its
names or within two words of them. Swaps are counted by word and by class.

Python 3 standard library only.
"""

import argparse
import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import paraphrase  # noqa: E402

CONTEXT_WORDS = 2

# Word classes: small closed lists of the nouns and attachment words relation
# and name rules lean on; everything else by the part of speech it was swapped as.
GROUP_NOUNS = set("""group groups gang crew team unit units actor actors hackers hacker collective
cluster outfit operators operator campaign campaigns operation operations faction network""".split())
ROLE_NOUNS = set("""analyst analysts researcher researchers director head chief officer officers
spokesperson spokesman spokeswoman minister president founder employee employees engineer engineers
agent agents officials official member members leader manager professor student staff""".split())
BODY_NOUNS = set("""company companies firm firms ministry agency agencies bureau department institute
university bank vendor vendors contractor contractors government service services office police
army military command security intelligence center centre council committee authority
corporation business enterprise""".split())
PLACE_WORDS = set("""based located headquartered home region province city country state capital
national local""".split())


def word_class(word, swap, where):
    if swap.get("in_name"):
        return "name word"
    if word in GROUP_NOUNS:
        return "group noun"
    if word in ROLE_NOUNS:
        return "role noun"
    if word in BODY_NOUNS:
        return "organisation noun"
    if word in PLACE_WORDS:
        return "place/attachment word"
    pos = swap.get("pos")
    if pos == "v":
        return "verb"
    return {"n": "other noun", "a": "adjective", "r": "adverb"}.get(pos, "other")


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise SystemExit("losses: %s: cannot read JSON: %s" % (path, e))


def name_index(gold):
    idx = {}
    for ent in gold["entities"]:
        for n in ent["names"]:
            idx.setdefault(n, ent["id"])
    return idx


def required_relations(gold):
    out = set()
    for r in gold.get("relations", []):
        if not r.get("optional"):
            out.add((r["type"], r["source"], r["target"]))
    return out


def missed_relations(doc, idx):
    out = set()
    for r in doc.get("missed_relations") or []:
        s, t = idx.get(r["source"]), idx.get(r["target"])
        if s and t:
            out.add((r["type"], s, t))
    return out


def missed_entities(doc, idx):
    return {idx[m["name"]] for m in doc.get("missed") or [] if m["name"] in idx}


def evidence_index(dataset):
    """(source, type, target) by names and aliases -> evidence sentences, per document file name."""
    names = {e["id"]: [e["name"]] + (e.get("aliases") or []) for e in dataset.get("entities", [])}
    docs = {d["id"]: os.path.basename(d.get("source", "")) for d in dataset.get("documents", [])}
    out = collections.defaultdict(list)
    for r in dataset.get("relations", []):
        for ev in r.get("evidence") or []:
            doc = docs.get(ev.get("document"), "")
            out[doc].append((r["type"], set(names.get(r["source"], [])),
                             set(names.get(r["target"], [])), ev.get("sentence", "")))
    return out


def find_evidence(evs, rtype, src_names, tgt_names):
    for t, s, g, sentence in evs:
        if t != rtype:
            continue
        if (s & src_names and g & tgt_names) or (s & tgt_names and g & src_names):
            return sentence
    return None


def sentence_with_both(text, a_names, b_names):
    for sent in re.split(r"(?<=[.!?])\s+|\n\s*\n", text):
        if any(a in sent for a in a_names) and any(b in sent for b in b_names):
            return " ".join(sent.split())
    return None


def swapped_in(text, swaps):
    return sorted({t.lower() for t in paraphrase.TOKEN_RE.findall(text)
                   if paraphrase.eligible(t) and t.lower() in swaps})


def name_context_swaps(text, names, swaps):
    """Swapped words inside any occurrence of the names or within
    CONTEXT_WORDS words of one."""
    found = set()
    for name in names:
        for m in re.finditer(re.escape(name), text):
            before = paraphrase.TOKEN_RE.findall(text[max(0, m.start() - 80):m.start()])
            after = paraphrase.TOKEN_RE.findall(text[m.end():m.end() + 80])
            window = before[-CONTEXT_WORDS:] + paraphrase.TOKEN_RE.findall(name) + after[:CONTEXT_WORDS]
            found.update(w.lower() for w in window if paraphrase.eligible(w) and w.lower() in swaps)
    return sorted(found)


def analyse(map_path, orig_dir, copy_dir, orig_report, copy_report, orig_extract):
    pmap = load_json(map_path)
    orep = {d["document"]: d for d in load_json(orig_report)["documents"]}
    crep = {d["document"]: d for d in load_json(copy_report)["documents"]}
    evidence = evidence_index(load_json(orig_extract))
    losses = []
    for stem, info in sorted(pmap["documents"].items()):
        docname = info["document"]
        if docname not in orep or docname not in crep:
            continue
        swaps = info["swaps"]
        ogold = load_json(os.path.join(orig_dir, stem + ".gold.json"))
        cgold = load_json(os.path.join(copy_dir, stem + ".gold.json"))
        with open(os.path.join(orig_dir, docname), encoding="utf-8") as f:
            text = paraphrase.visible_text(docname, f.read())
        onames = {e["id"]: e["names"] for e in ogold["entities"]}
        oidx, cidx = name_index(ogold), name_index(cgold)
        required = required_relations(ogold)
        copy_missed = missed_entities(crep[docname], cidx)
        lost_rel = (missed_relations(crep[docname], cidx) - missed_relations(orep[docname], oidx)) & required
        for rtype, s, t in sorted(lost_rel):
            sent = (find_evidence(evidence.get(docname, []), rtype, set(onames[s]), set(onames[t]))
                    or sentence_with_both(text, onames[s], onames[t]) or "")
            losses.append({"kind": "relation", "doc": stem, "what": "%s %s %s" % (onames[s][0], rtype, onames[t][0]),
                           "type": rtype, "sentence": sent, "swapped": swapped_in(sent, swaps),
                           "end_lost": bool({s, t} & copy_missed)})
        optional = {e["id"] for e in ogold["entities"] if e.get("optional")}
        lost_ent = missed_entities(crep[docname], cidx) - missed_entities(orep[docname], oidx) - optional
        ctypes = {e["id"]: e["types"] for e in ogold["entities"]}
        for eid in sorted(lost_ent):
            new = " / ".join(info["entities"].get(eid, {}).get("to", [])[:1])
            what = "%s (%s) -> %s" % (onames[eid][0], "/".join(ctypes[eid]), new)
            losses.append({"kind": "entity", "doc": stem, "what": what,
                           "type": ctypes[eid][0], "sentence": "",
                           "swapped": name_context_swaps(text, onames[eid], swaps)})
        for loss in losses:
            if loss["doc"] == stem and "classes" not in loss:
                loss["classes"] = {w: word_class(w, swaps[w], loss["kind"]) for w in loss["swapped"]}
                loss["to"] = {w: swaps[w]["to"] for w in loss["swapped"]}
    return losses


def type_recalls(orig_report, copy_report, out=sys.stdout):
    """Recall per entity type and per relation type, original -> copy."""
    o, c = load_json(orig_report), load_json(copy_report)
    for key, label in (("per_type", "entity type"), ("per_relation_type", "relation type")):
        cells = []
        for t in sorted(o.get(key) or {}):
            if t in (c.get(key) or {}):
                cells.append("%s %.3f->%.3f" % (t, o[key][t]["r"], c[key][t]["r"]))
        print("recall by %s: %s" % (label, ", ".join(cells)), file=out)


def summarise(losses, top, out=sys.stdout):
    for kind in ("relation", "entity"):
        ls = [l for l in losses if l["kind"] == kind]
        blamed = sum(1 for l in ls if l["swapped"])
        print("%s losses: %d (%d with a swapped word in the %s)" % (
            kind, len(ls), blamed, "evidence sentence" if kind == "relation" else "name or next to it"), file=out)
        if kind == "relation":
            ends = sum(1 for l in ls if l["end_lost"])
            print("  %d of them lost an end (the entity is missed on the copy); the rest are counted below" % ends,
                  file=out)
            ls = [l for l in ls if not l["end_lost"]]
        by_class = collections.Counter()
        for l in ls:
            for c in set(l["classes"].values()):
                by_class[c] += 1
        print("  by class (losses touched): " + ", ".join("%s %d" % kv for kv in by_class.most_common()), file=out)
    # A loss is shared among the swapped words that could explain it, so a
    # list sentence with ten swaps and twenty lost relations does not put ten
    # words on top; "alone" counts the losses where the word was the only swap.
    share, touched, alone, example = collections.Counter(), collections.Counter(), collections.Counter(), {}
    for l in losses:
        if l.get("end_lost"):
            continue  # blamed on the entity loss instead
        for w in l["swapped"]:
            key = (w, l["to"][w], l["classes"][w])
            share[key] += 1.0 / len(l["swapped"])
            touched[key] += 1
            alone[key] += len(l["swapped"]) == 1
            example.setdefault(key, l)
    print("top %d swaps by share of losses (relation losses with both ends found, entity losses):" % top,
          "word -> replacement [class] share (touched, alone); example", file=out)
    for key, n in share.most_common(top):
        w, to, cls = key
        ex = example[key]
        snippet = " ".join(ex["sentence"].split())[:140]
        print("  %-16s -> %-22s [%s] %.1f (%d, %d); %s %s: %s %s" % (
            w, to, cls, n, touched[key], alone[key], ex["kind"], ex["doc"], ex["what"],
            ("| " + snippet) if snippet else ""), file=out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--orig", required=True, help="the original corpus folder")
    ap.add_argument("--copy", required=True, help="the rewritten folder (with .paraphrase-map.json)")
    ap.add_argument("--orig-report", required=True, help="extractor eval --report on the original")
    ap.add_argument("--copy-report", required=True, help="extractor eval --report on the copy")
    ap.add_argument("--orig-extract", required=True, help="extractor extract --format json on the original")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--json", help="also write every loss to this file")
    args = ap.parse_args(argv)
    losses = analyse(os.path.join(args.copy, paraphrase.MAP_FILE), args.orig, args.copy,
                     args.orig_report, args.copy_report, args.orig_extract)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(losses, f, indent=1, ensure_ascii=False)
    type_recalls(args.orig_report, args.copy_report)
    summarise(losses, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
