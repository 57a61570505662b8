#!/usr/bin/env python3
"""namemiss.py -- why were these gold names missed? (an analysis aid, not product code)

Joins the gold entities the rules alone miss on a corpus (`extractor eval --report`, its `missed` lists) with
the name model's cross-validation verdicts (`extractor train-names --verdicts`) and sorts each miss by cause:
found with a wrong type, a candidate the model scored (right, below the cut, as another type), or no
candidate and why (lower-case words, one word in capitals, a rule's mention inside it, ...). See README.md.
"""
import argparse, collections, json, os, subprocess, sys, tempfile, unicodedata

PROPOSED = ('organization', 'government', 'person')
CONNECTORS = {'of', 'for', '&', 'de', 'du', 'von', 'van', 'on'}


def norm(s):
    """The scorer's name key, near enough: folded, single spaced, no edge punctuation, no leading "the"."""
    s = ' '.join(unicodedata.normalize('NFKC', s).casefold().split()).strip(' .,;:!?"\'()[]{}“”‘’-')
    if s.startswith('the ') and len(s) > 4:
        s = s[4:].strip(' .,;:!?"\'()[]{}“”‘’-')
    return s


def contains(outer, inner):
    return (' ' + inner + ' ') in (' ' + outer + ' ')


def classify(name, typ, verdict, cands, text, cut=0.85):
    """The cause of one missed gold name. cands are the document's verdict lines (dicts of train-names
    --verdicts: text, best, p, and found for a rule's mention)."""
    if verdict == 'wrong-type':
        return 'found, wrong type'
    n = norm(name)
    scored = [c for c in cands if 'found' not in c and norm(c['text']) == n]
    if scored:
        c = scored[0]
        if c['best'] not in PROPOSED:
            return 'candidate, likeliest a place, group, malware or tool'
        if c['p'] >= cut:
            return 'candidate, scored right' if c['best'] == typ else 'candidate, scored as another type'
        return 'candidate, right type below the cut' if c['best'] == typ else 'candidate, another type below the cut'
    if any('found' in c and norm(c['text']) == n for c in cands):
        return 'a rule found the span (merged or another name)'
    if name not in text:
        return 'not in the text as written' if name.lower() not in text.lower() else 'in the text in another case'
    words = name.split()
    longer = [c for c in cands if contains(norm(c['text']), n) and norm(c['text']) != n]
    lower = [w for w in words if w[:1].islower() and w not in CONNECTORS]
    if not any(ch.isupper() for ch in name):
        return 'no candidate: lower case'
    if any(ch.isdigit() for ch in name):
        return 'no candidate: digits'
    if len(words) == 1 and name.isupper():
        return 'no candidate: one word in capitals'
    if any('found' in c for c in longer):
        return 'no candidate: inside a rule mention'
    if longer:
        return 'no candidate: inside a longer candidate'
    if not name[:1].isupper():
        return 'no candidate: lower-case first word'
    if lower and set(lower) <= {'and', 'the'}:
        return 'no candidate: joined by and / the'
    if lower:
        return 'no candidate: lower-case words inside'
    if any(contains(n, norm(c['text'])) for c in cands if 'found' in c):
        return 'no candidate: holds a rule mention'
    return 'no candidate: filtered (stop lists, ordinary or function words)'


def context(text, name, width=70):
    i = text.find(name)
    return '' if i < 0 else text[max(0, i - width):i + len(name) + width].replace('\n', ' ')


def run(report, verdicts, root, cut, show):
    by_doc = collections.defaultdict(list)
    for line in open(verdicts, encoding='utf-8'):
        v = json.loads(line)
        by_doc[v['doc']].append(v)
    counts, examples = collections.Counter(), collections.defaultdict(list)
    for d in json.load(open(report, encoding='utf-8'))['documents']:
        text = open(os.path.join(root, d['source']), encoding='utf-8', errors='replace').read()
        for m in d.get('missed', []):
            group = 'model types' if m['type'] in PROPOSED else 'other types'
            cause = classify(m['name'], m['type'], m['verdict'], by_doc[d['document']], text, cut)
            counts[group, cause] += 1
            examples[group, cause].append('%s [%s] %s | %s' % (m['name'], m['type'], d['document'],
                                                                 context(text, m['name'])))
    for key in sorted(counts, key=lambda k: (k[0], -counts[k], k[1])):
        print('%-12s %-62s %d' % (key[0], key[1], counts[key]))
        if show and show in key[1]:
            for e in examples[key]:
                print('      ' + e)
    print('total', sum(counts.values()))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('corpus', nargs='?', default='corpus/samples')
    ap.add_argument('--bin', default='./bin/extractor')
    ap.add_argument('--cut', type=float, default=0.85, help='the model threshold the verdicts are read at')
    ap.add_argument('--show', help='list the misses of the causes holding this text')
    ap.add_argument('--report', help='an eval --report file to read instead of running eval')
    ap.add_argument('--verdicts', help='a train-names --verdicts file to read instead of training')
    a = ap.parse_args()
    tmp = tempfile.mkdtemp()
    report = a.report or os.path.join(tmp, 'report.json')
    verdicts = a.verdicts or os.path.join(tmp, 'verdicts.jsonl')
    if not a.report:
        subprocess.run([a.bin, 'eval', '--corpus', a.corpus, '--format', 'summary', '--relation-model=false',
                        '--name-model=false', '--report', report], check=True, stdout=subprocess.DEVNULL)
    if not a.verdicts:
        subprocess.run([a.bin, 'train-names', '--corpus', a.corpus, '--folds', '5', '--verdicts', verdicts],
                       check=True, stdout=subprocess.DEVNULL)
    run(report, verdicts, '.', a.cut, a.show)


if __name__ == '__main__':
    sys.exit(main())
