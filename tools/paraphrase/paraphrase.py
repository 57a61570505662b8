#!/usr/bin/env python3
"""Rewrite a gold corpus the way a synonym-swapping "article rewriter" does.

A measuring aid, not product code (README.md beside this file). For every
document with a <stem>.gold.json beside it, eligible words are replaced by a
WordNet synonym of any sense, and the gold names follow the same per-document
mapping, so `extractor eval --corpus OUT` scores the rewritten copy.

Python 3 standard library only.
"""

import argparse
import hashlib
import html as htmllib
import json
import os
import random
import re
import shutil
import sys
import tempfile

DEFAULT_WORDNET = "/usr/share/wordnet"
DEFAULT_RATE = 0.3
DEFAULT_NAME_RATE = 0.15
MAP_FILE = ".paraphrase-map.json"
TEXT_EXTS = (".txt", ".md")
HTML_EXTS = (".html", ".htm")
SKIPPED_EXTS = (".pdf",)
POS_FILES = (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv"))

# Function words: rewriters leave them alone (they are not in their thesaurus,
# and WordNet's entries for them are odd senses: "in" the inch, "at" the kip).
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being below
between both but by can could did do does doing down during each either else ever few for from
further had has have having he her here hers herself him himself his how however i if in into is it
its itself just may me might more most must my myself neither no nor not now of off on once only or
other our ours ourselves out over own per same shall she should since so some such than that the
their theirs them themselves then there these they this those though through thus to too under
until up upon us very was we were what when where whether which while who whom whose why will with
within without would yet you your yours yourself yourselves one two three four five six seven eight
nine ten first second third said says say told also not mr mrs ms dr st inc ltd co corp llc
""".split())

# Spans never rewritten: indicators, identifiers and code, where a swapped
# letter run would change what the text refers to.
PROTECTED_PATTERNS = [
    r"\bCVE-\d{4}-\d+\b",
    r"\b(?:hxxps?|https?|ftp|fxp)(?:\[:\]|:)//\S+",
    r"\bwww\d?\.\S+",
    r"\b[\w.+-]+(?:@|\[@\]|\[at\])[\w-]+(?:(?:\.|\[\.\]|\[dot\])[\w-]+)+",
    r"\b[\w-]+(?:(?:\.|\[\.\]|\(\.\)|\[dot\])[\w-]+)*(?:\.|\[\.\]|\(\.\)|\[dot\])[A-Za-z][\w-]*\b",
    r"\b\d{1,3}(?:(?:\.|\[\.\])\d{1,3}){3}\b",
    r"\b[0-9a-fA-F]{32,}\b",
    r"(?:[A-Za-z]:)?(?:\\[\w .$-]+){2,}",
    r"(?<![\w/])/(?:[\w.-]+/)+[\w.-]*",
    r"\b[A-Za-z]+[_$]\w*|\b\w*[a-z][A-Z]\w*\b",
]
PROTECTED_RE = re.compile("|".join("(?:%s)" % p for p in PROTECTED_PATTERNS))
# Fenced and inline code, link targets, reference definitions, inline HTML,
# and indented code blocks (lines of four spaces or a tab after a blank
# line or the start).
MD_PROTECTED_RE = re.compile(
    r"```.*?```|~~~.*?~~~|`[^`\n]*`|\]\([^)\n]*\)|^\s{0,3}\[[^\]\n]+\]:\s*\S+.*$|<[^>\n]+>"
    r"|(?:\A|(?<=\n\n))(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+",
    re.S | re.M)
HTML_SKIP_RE = re.compile(
    r"<!--.*?-->|<(script|style|code|pre|kbd|samp|tt)\b.*?</\1\s*>|<[^>]*>|&#?\w+;",
    re.S | re.I)
CAP_RUN_RE = re.compile(r"[A-Z][a-z]+(?: (?:of |the )?[A-Z][a-z]+)+")
TOKEN_RE = re.compile(r"[A-Za-z0-9_]+")
# The "'t" of a contraction: "don't", "won't" are one word to a rewriter,
# whose "don" is no verb "to don".
CONTRACTION_RE = re.compile(r"['’]t\b", re.I)
# Tags that break the text into blocks: the visible text has a line break
# there. Other tags (b, i, a, span, ...) stand inside a line and a name.
HTML_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|h[1-6]|tr|td|th|table|thead|tbody|section|article|header|footer|nav|aside|"
    r"main|title|head|body|html|blockquote|figure|figcaption|dd|dt|dl)\b", re.I)
VOWELS = "aeiou"
NOUN_LOCATION = "15"  # lexicographer file noun.location


class ParaphraseError(Exception):
    """A bad input or setup, with a message naming the file."""


# ---------------------------------------------------------------- WordNet ---

class WordNet:
    """The parts of WordNet 3.0 the rewriter needs: the index (lemma -> synset
    offsets, commonest sense first), synset lemmas read by byte offset from the
    data files, and the exception lists (irregular forms)."""

    def __init__(self, folder):
        self.folder = folder
        missing = [n for _, p in POS_FILES for n in ("index." + p, "data." + p)
                   if not os.path.isfile(os.path.join(folder, n))]
        if missing:
            raise ParaphraseError(
                "WordNet 3.0 not found in %s (missing %s): install the Debian package "
                "wordnet-base (apt-get install wordnet-base) or pass --wordnet FOLDER"
                % (folder, ", ".join(missing)))
        self.index = {}        # (lemma, pos) -> [offset, ...]
        self.exc = {}          # (inflected, pos) -> [base, ...]
        self.exc_rev = {}      # (base, pos) -> [inflected, ...]
        self.data = {}
        for pos, name in POS_FILES:
            self._read_index(pos, os.path.join(folder, "index." + name))
            self._read_exc(pos, os.path.join(folder, name + ".exc"))
            self.data[pos] = os.path.join(folder, "data." + name)
        self._synsets = {}
        self._handles = {}
        self._proper = {}
        self._lexfile = {}

    def _read_index(self, pos, path):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith(" "):
                    continue  # licence header
                parts = line.split()
                try:
                    p_cnt = int(parts[3])
                    offsets = parts[6 + p_cnt:]
                except (IndexError, ValueError):
                    raise ParaphraseError("%s: malformed index line: %r" % (path, line[:80]))
                self.index[(parts[0], pos)] = offsets

    def _read_exc(self, pos, path):
        if not os.path.isfile(path):
            return
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 2:
                    continue
                for base in parts[1:]:
                    self.exc.setdefault((parts[0], pos), []).append(base)
                    self.exc_rev.setdefault((base, pos), []).append(parts[0])

    def synset(self, pos, offset):
        """Lemmas of one synset as written in the data file (case kept,
        spaces for underscores, adjective markers dropped)."""
        key = (pos, offset)
        if key not in self._synsets:
            path = self.data[pos]
            f = self._handles.get(pos)
            if f is None:
                f = self._handles[pos] = open(path, "rb")
            f.seek(int(offset))
            parts = f.readline().decode("utf-8", "replace").split()
            try:
                w_cnt = int(parts[3], 16)
                words = parts[4:4 + 2 * w_cnt:2]
            except (IndexError, ValueError):
                raise ParaphraseError("%s: malformed synset at offset %s" % (path, offset))
            self._lexfile[key] = parts[1]
            self._synsets[key] = [re.sub(r"\([a-z]+\)$", "", w).replace("_", " ") for w in words]
        return self._synsets[key]

    def proper(self, word, places_only=False):
        """True when a noun sense of the word is a proper name in WordNet
        ('China' the country, 'Turkey'): capitalised, it is that name and is
        left alone, as rewriters leave names their dictionary knows. With
        places_only, only place names count (noun.location: 'United States'
        is kept whole, while 'Department of Justice' is garbled as the real
        rewriter garbles it: 'Division of Justice')."""
        key = (word, places_only)
        if key not in self._proper:
            self._proper[key] = any(
                l.lower() == word.replace("_", " ") and l != l.lower()
                and (not places_only or self._lexfile[("n", o)] == NOUN_LOCATION)
                for o in self.index.get((word, "n"), []) for l in self.synset("n", o))
        return self._proper[key]

    def close(self):
        for f in self._handles.values():
            f.close()
        self._handles = {}


# -------------------------------------------------------------- morphology ---

# WordNet's detachment rules (morphy), each with the inflection it undoes.
DETACH = {
    "n": [("ses", "s", "pl"), ("xes", "x", "pl"), ("zes", "z", "pl"), ("ches", "ch", "pl"),
          ("shes", "sh", "pl"), ("men", "man", "pl"), ("ies", "y", "pl"), ("s", "", "pl")],
    "v": [("ies", "y", "s"), ("es", "e", "s"), ("es", "", "s"), ("s", "", "s"),
          ("ed", "e", "ed"), ("ed", "", "ed"), ("ing", "e", "ing"), ("ing", "", "ing")],
    "a": [], "r": [],
}


def base_forms(wn, word, pos):
    """(lemma, inflection) pairs for a lower-case word in one part of speech;
    inflection is '' (the base form), 'pl', 's', 'ed' or 'ing'."""
    out = []
    if (word, pos) in wn.index:
        out.append((word, ""))
    for base in wn.exc.get((word, pos), []):
        if (base, pos) in wn.index:
            out.append((base, exc_inflection(word, pos)))
    for suffix, repl, infl in DETACH[pos]:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            base = word[:-len(suffix)] + repl
            if (base, pos) in wn.index:
                out.append((base, infl))
            elif infl in ("ed", "ing") and len(base) > 2 and base[-1] == base[-2]:
                if (base[:-1], pos) in wn.index:  # stopped -> stop
                    out.append((base[:-1], infl))
    seen, uniq = set(), []
    for item in out:
        if item not in seen:
            seen.add(item)
            uniq.append(item)
    return uniq


def exc_inflection(word, pos):
    if pos == "n":
        return "pl"
    if pos == "v":
        if word.endswith("ing"):
            return "ing"
        if word.endswith("s") and not word.endswith("ss"):
            return "s"
        return "ed"
    return ""


def double_final(word):
    """Consonant-vowel-consonant one-syllable words double the consonant (stop -> stopped)."""
    return (len(word) >= 3 and word[-1] not in VOWELS + "wxy" and word[-2] in VOWELS
            and word[-3] not in VOWELS and sum(c in VOWELS for c in word) == 1)


# Verbs whose past is their base form: verb.exc lists only forms that differ,
# so without this "let in" would become "letted in".
INVARIANT_PAST = frozenset("""bet bid broadcast burst cast cost cut forecast hit hurt let put quit rid set shed
shut slit split spread thrust upset wet""".split())


def inflect_word(wn, word, pos, infl):
    """Inflect one base-form word roughly; irregular forms from the *.exc lists."""
    if not infl:
        return word
    if pos == "v" and infl == "ed" and word in INVARIANT_PAST:
        return word
    irregular = [w for w in wn.exc_rev.get((word, pos), []) if exc_inflection(w, pos) == infl]
    if irregular:
        # The simple past is usually the shorter of the two (took/taken, wrote/written).
        return min(irregular, key=lambda w: (len(w), w))
    if infl in ("pl", "s"):
        if re.search(r"(s|x|z|ch|sh)$", word):
            return word + "es"
        if re.search(r"[^aeiou]y$", word):
            return word[:-1] + "ies"
        return word + "s"
    if infl == "ed":
        if word.endswith("e"):
            return word + "d"
        if re.search(r"[^aeiou]y$", word):
            return word[:-1] + "ied"
        if double_final(word):
            return word + word[-1] + "ed"
        return word + "ed"
    if infl == "ing":
        if word.endswith("ie"):
            return word[:-2] + "ying"
        if word.endswith("e") and not word.endswith("ee") and len(word) > 2:
            return word[:-1] + "ing"
        if double_final(word):
            return word + word[-1] + "ing"
        return word + "ing"
    return word


def inflect_lemma(wn, lemma, pos, infl):
    """Inflect a possibly multiword lemma: nouns on their last word, verbs on
    their first ("take off" -> "took off")."""
    words = lemma.split(" ")
    if pos == "v":
        words[0] = inflect_word(wn, words[0], pos, infl)
    else:
        words[-1] = inflect_word(wn, words[-1], pos, infl)
    return " ".join(words)


def match_case(original, replacement):
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# ---------------------------------------------------------------- choosing ---

def sense_weight(rank):
    """Commoner senses (earlier in the index) are likelier: 1, .35, .19, .13 ..."""
    return 1.0 / (rank + 1) ** 1.5


def eligible(token):
    return (token.isalpha() and len(token) >= 3 and token.lower() not in STOP_WORDS
            and not (token.isupper() and len(token) > 1))


def candidates(wn, word):
    """(weight, pos, replacement lemma, inflection) for every synonym of every
    sense. Proper-noun senses (capitalised lemmas: 'Jones' the architect) are
    left out: a thesaurus of common words has none."""
    out = []
    for pos, _ in POS_FILES:
        for lemma, infl in base_forms(wn, word, pos):
            for rank, offset in enumerate(wn.index[(lemma, pos)]):
                lemmas = wn.synset(pos, offset)
                if not any(l.lower() == lemma.replace("_", " ") and l == l.lower() for l in lemmas):
                    continue
                others = [l for l in lemmas if l.lower() != lemma.replace("_", " ")
                          and l == l.lower() and re.fullmatch(r"[a-z][a-z' -]*", l)]
                for other in others:
                    out.append((sense_weight(rank) / len(others), pos, other, infl))
    return out


def word_rng(seed, stem, word):
    digest = hashlib.sha256(("%s\0%s\0%s" % (seed, stem, word)).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


class Mapping:
    """One document's swaps: the same lower-case word always becomes the same
    replacement. Each word's draw is seeded by (seed, stem, word) alone, so the
    mapping does not depend on the order words are met in."""

    def __init__(self, wn, seed, stem, rate, name_rate, name_words):
        self.wn, self.seed, self.stem = wn, seed, stem
        self.rate, self.name_rate = rate, name_rate
        self.name_words = name_words
        self.swaps = {}     # lower-case word -> (replacement, pos) or None

    def lookup(self, word):
        key = word.lower()
        if key not in self.swaps:
            self.swaps[key] = self._draw(key)
        return self.swaps[key]

    def _draw(self, key):
        rng = word_rng(self.seed, self.stem, key)
        rate = self.name_rate if key in self.name_words else self.rate
        if rng.random() >= rate:
            return None
        cands = candidates(self.wn, key)
        if not cands:
            return None
        total = sum(c[0] for c in cands)
        pick = rng.random() * total
        for weight, pos, lemma, infl in cands:
            pick -= weight
            if pick <= 0:
                break
        repl = inflect_lemma(self.wn, lemma, pos, infl)
        if repl == key:
            return None
        return (repl, pos)

    def proper_phrases(self, text):
        """Spans of two or three capitalised words that WordNet knows as one
        place name ('United States', 'New Zealand'): a thesaurus keeps them."""
        spans = []
        for m in CAP_RUN_RE.finditer(text):
            words = m.group().split()
            for n in (3, 2):
                for i in range(len(words) - n + 1):
                    if self.wn.proper("_".join(words[i:i + n]).lower(), places_only=True):
                        start = m.start() + len(" ".join(words[:i])) + (1 if i else 0)
                        spans.append((start, start + len(" ".join(words[i:i + n]))))
        return spans

    def rewrite(self, text, protected=()):
        """Rewrite the eligible words of text outside the protected spans."""
        spans = ([m.span() for m in PROTECTED_RE.finditer(text)] + list(protected)
                 + self.proper_phrases(text))
        out, last = [], 0
        for m in TOKEN_RE.finditer(text):
            tok = m.group()
            if not eligible(tok) or overlaps(m.span(), spans) or CONTRACTION_RE.match(text, m.end()):
                continue
            if tok[0].isupper() and self.wn.proper(tok.lower()):
                continue
            hit = self.lookup(tok)
            if hit is None:
                continue
            out.append(text[last:m.start()])
            out.append(match_case(tok, hit[0]))
            last = m.end()
        out.append(text[last:])
        return "".join(out)

    def used(self):
        return {w: {"to": s[0], "pos": s[1], "in_name": w in self.name_words}
                for w, s in sorted(self.swaps.items()) if s is not None}


def overlaps(span, spans):
    return any(span[0] < e and s < span[1] for s, e in spans)


# --------------------------------------------------------------- documents ---

def rewrite_plain(mapping, text):
    return mapping.rewrite(text)


def rewrite_markdown(mapping, text):
    protected = [m.span() for m in MD_PROTECTED_RE.finditer(text)]
    return mapping.rewrite(text, protected)


def html_text_parts(html):
    """Split HTML into (is_text, chunk) parts; tags, comments, entities and
    script/style/code blocks are never text."""
    parts, last = [], 0
    for m in HTML_SKIP_RE.finditer(html):
        if m.start() > last:
            parts.append((True, html[last:m.start()]))
        parts.append((False, m.group()))
        last = m.end()
    if last < len(html):
        parts.append((True, html[last:]))
    return parts


def rewrite_html(mapping, html):
    return "".join(mapping.rewrite(chunk) if is_text else chunk
                   for is_text, chunk in html_text_parts(html))


def visible_text(path, raw):
    """The text a reader sees: for HTML, entities decoded ("&amp;" is "&"),
    an inline tag dropped ("<b>Flax</b> Typhoon" is "Flax Typhoon"), a
    block tag, comment or script a line break."""
    if path.lower().endswith(HTML_EXTS):
        return "".join(c if t else html_skip_text(c) for t, c in html_text_parts(raw))
    return raw


def html_skip_text(chunk):
    if chunk.startswith("&"):
        return htmllib.unescape(chunk)
    if chunk.startswith("<") and not chunk.startswith("<!--") and not HTML_BLOCK_TAG_RE.match(chunk) \
            and not re.match(r"<(script|style|code|pre|kbd|samp|tt)\b", chunk, re.I):
        return ""
    return "\n"


def squeeze(text):
    """Runs of spaces and tabs as one space, so a name matches across the
    spacing an inline tag leaves."""
    return re.sub(r"[ \t]+", " ", text)


def occurs(name, text):
    return squeeze(name) in text


def load_gold(path):
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except (OSError, ValueError) as e:
        raise ParaphraseError("%s: cannot read gold: %s" % (path, e))
    if not isinstance(gold, dict) or not isinstance(gold.get("entities"), list):
        raise ParaphraseError("%s: not a gold file (no 'entities' list)" % path)
    for ent in gold["entities"]:
        if not isinstance(ent, dict) or not isinstance(ent.get("names"), list) or "id" not in ent:
            raise ParaphraseError("%s: entity without 'id' and 'names': %r" % (path, ent))
    return gold


def name_word_set(gold, text):
    """Lower-case words found inside a gold name that occurs in the text."""
    words = set()
    text = squeeze(text)
    for ent in gold["entities"]:
        for name in ent["names"]:
            if isinstance(name, str) and name and occurs(name, text):
                words.update(t.lower() for t in TOKEN_RE.findall(name))
    return words


def rewrite_gold(gold, mapping, new_text):
    """The gold with every name rewritten by the document's mapping; the
    original name stays as an alias only if it still occurs in the new text."""
    out = json.loads(json.dumps(gold))
    new_text = squeeze(new_text)
    renamed = {}
    for ent in out["entities"]:
        names = []
        for name in ent["names"]:
            new = mapping.rewrite(name) if isinstance(name, str) else name
            if new not in names:
                names.append(new)
        for name in ent["names"]:
            if name not in names and isinstance(name, str) and occurs(name, new_text):
                names.append(name)
        renamed[ent["id"]] = {"from": ent["names"], "to": names}
        ent["names"] = names
    return out, renamed


def document_pairs(folder):
    """(document path, gold path) for every document with a gold file."""
    try:
        files = sorted(os.listdir(folder))
    except OSError as e:
        raise ParaphraseError("%s: cannot list the corpus folder: %s" % (folder, e))
    pairs = []
    for name in files:
        if not name.endswith(".gold.json"):
            continue
        stem = name[:-len(".gold.json")]
        docs = [f for f in files if f.startswith(stem + ".") and f != name
                and not f.endswith(".json")]
        if not docs:
            raise ParaphraseError("%s: gold file without a document beside it" % os.path.join(folder, name))
        pairs.append((os.path.join(folder, docs[0]), os.path.join(folder, name)))
    if not pairs:
        raise ParaphraseError("%s: no <stem>.gold.json files (not a gold corpus folder)" % folder)
    return pairs


def check_output(src, out):
    src_r, out_r = os.path.realpath(src), os.path.realpath(out)
    if out_r == src_r or out_r.startswith(src_r + os.sep):
        raise ParaphraseError("%s: the output folder must not be the input folder or inside it" % out)
    repo_corpus = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", "..", "corpus"))
    if out_r == repo_corpus or out_r.startswith(repo_corpus + os.sep):
        raise ParaphraseError("%s: never write into the repository's corpus/ folder" % out)


def paraphrase_corpus(src, out, wn, seed, rate, name_rate, log=sys.stderr):
    """Rewrite the corpus src into out. It is written into a temporary
    folder beside out and moved there at the end, so a run that fails on a
    bad document leaves nothing half written."""
    check_output(src, out)
    parent = os.path.dirname(os.path.abspath(out))
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".paraphrase-", dir=parent)
    try:
        summary = write_corpus(src, tmp, wn, seed, rate, name_rate, log)
        publish(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary


def publish(tmp, out):
    """Move the finished folder tmp to out; into it when it exists already
    (an empty folder made by mktemp -d)."""
    if not os.path.exists(out):
        os.rename(tmp, out)
        return
    for name in os.listdir(tmp):
        os.replace(os.path.join(tmp, name), os.path.join(out, name))


def write_corpus(src, out, wn, seed, rate, name_rate, log):
    summary = {"seed": seed, "rate": rate, "name_rate": name_rate, "source": src,
               "documents": {}, "skipped": []}
    for doc_path, gold_path in document_pairs(src):
        base = os.path.basename(doc_path)
        stem = os.path.basename(gold_path)[:-len(".gold.json")]
        ext = os.path.splitext(base)[1].lower()
        if ext in SKIPPED_EXTS or ext not in TEXT_EXTS + HTML_EXTS:
            summary["skipped"].append(base)
            print("skipped %s: only .txt, .md and .html are rewritten" % doc_path, file=log)
            continue
        try:
            with open(doc_path, encoding="utf-8") as f:
                raw = f.read()
        except (OSError, UnicodeDecodeError) as e:
            raise ParaphraseError("%s: cannot read as UTF-8 text: %s" % (doc_path, e))
        gold = load_gold(gold_path)
        text = visible_text(doc_path, raw)
        mapping = Mapping(wn, seed, stem, rate, name_rate, name_word_set(gold, text))
        if ext in HTML_EXTS:
            new = rewrite_html(mapping, raw)
        elif ext == ".md":
            new = rewrite_markdown(mapping, raw)
        else:
            new = rewrite_plain(mapping, raw)
        new_gold, renamed = rewrite_gold(gold, mapping, visible_text(doc_path, new))
        with open(os.path.join(out, base), "w", encoding="utf-8") as f:
            f.write(new)
        with open(os.path.join(out, stem + ".gold.json"), "w", encoding="utf-8") as f:
            json.dump(new_gold, f, indent=1, ensure_ascii=False)
            f.write("\n")
        words = len([t for t in TOKEN_RE.findall(text) if t.isalpha()])
        swapped = sum(1 for t in TOKEN_RE.findall(text)
                      if eligible(t) and mapping.swaps.get(t.lower()))
        summary["documents"][stem] = {
            "document": base, "words": words, "swapped_tokens": swapped,
            "swaps": mapping.used(), "entities": renamed}
    with open(os.path.join(out, MAP_FILE), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False, sort_keys=True)
    return summary


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="folder of documents with <stem>.gold.json")
    ap.add_argument("out", help="output folder (created; never the input or corpus/)")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--rate", type=float, default=DEFAULT_RATE,
                    help="probability an eligible word (type) is swapped (default %(default)s)")
    ap.add_argument("--name-rate", type=float, default=DEFAULT_NAME_RATE,
                    help="the same for words that occur inside a gold name (default %(default)s)")
    ap.add_argument("--wordnet", default=os.environ.get("WORDNET_DIR", DEFAULT_WORDNET))
    args = ap.parse_args(argv)
    for r in (args.rate, args.name_rate):
        if not 0 <= r <= 1:
            ap.error("rates are probabilities between 0 and 1")
    try:
        wn = WordNet(args.wordnet)
        try:
            s = paraphrase_corpus(args.corpus, args.out, wn, args.seed, args.rate, args.name_rate)
        finally:
            wn.close()
    except ParaphraseError as e:
        print("paraphrase: %s" % e, file=sys.stderr)
        return 2
    docs = s["documents"].values()
    words = sum(d["words"] for d in docs)
    swapped = sum(d["swapped_tokens"] for d in docs)
    print("paraphrase: %d documents rewritten into %s (seed %s, rate %.2f, name rate %.2f): "
          "%.1f words swapped per 100; %d skipped" % (
              len(s["documents"]), args.out, args.seed, args.rate, args.name_rate,
              100.0 * swapped / max(words, 1), len(s["skipped"])), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
