#!/usr/bin/env python3
"""Classify the gold relations `extractor eval` misses by how far apart their two ends are named.

Usage: python3 tools/relmiss/relmiss.py [corpus/samples] [--show CLASS]

Runs ./bin/extractor eval --format json and ./bin/extractor text --json on the corpus, finds every
mention of each end of a missed relation (all gold names; a person's surname too), and reports the
smallest sentence distance between the two ends (same / adjacent / within 4 / further), and for the
cross-sentence ones a guess at what links them: an anaphor in the target's (or source's) sentence,
a list item under a heading or lead line ending in ':', a table row, or the paragraph / section topic.
Analysis aid only; not product code."""
import json, re, subprocess, sys, collections, os

corpus = 'corpus/samples'
show = None
args = sys.argv[1:]
if args and not args[0].startswith('--'):
    corpus = args.pop(0)
if '--show' in args:
    show = args[args.index('--show') + 1]

ev = json.loads(subprocess.run(['./bin/extractor', 'eval', '--corpus', corpus, '--format', 'json'],
                               capture_output=True, text=True).stdout)
texts = {}
out = subprocess.run(['./bin/extractor', 'text', '--json', corpus], capture_output=True, text=True).stdout
for line in out.splitlines():
    d = json.loads(line)
    texts[os.path.abspath(d['source'])] = d['text']

ANA = re.compile(r"\b(the (group|company|firm|unit|actor|actors|gang|crew|hackers|operators|attackers|agency|ministry|"
                 r"bureau|department|vendor|campaign|malware|backdoor|tool|implant|ransomware|organi[sz]ation|man|men|"
                 r"two|three|pair|suspects?|defendants?|individuals?|contractor|bank|operation|threat actor|state)|"
                 r"both|it|its|they|their|them|he|his|she|her|this (group|actor|malware|tool|company))\b", re.I)

def sentences(text):
    """(start, end, para, line_kind) spans; paragraphs are blank-line separated; a line is its own
    sentence if it is a list item, a heading or a table row."""
    out = []
    para = 0
    pos = 0
    prev_blank = False
    for line in text.split('\n'):
        s = line.strip()
        start = pos
        pos += len(line) + 1
        if not s:
            para += 1
            continue
        kind = 'text'
        if re.match(r'^([-*•▪◦]|\d+[.)])\s', s):
            kind = 'item'
        elif s.startswith('#') or (len(s) < 80 and not re.search(r'[.!?:]$', s)):
            kind = 'heading'
        elif '|' in s or '\t' in line:
            kind = 'row'
        if kind != 'text':
            out.append((start, start + len(line), para, kind, s))
            continue
        # split text lines into sentences
        for m in re.finditer(r'.+?(?:[.!?](?=\s+[A-Z“"(])|$)', line):
            if m.group().strip():
                out.append((start + m.start(), start + m.end(), para, 'text', m.group().strip()))
    return out

def mentions(text, names):
    spans = []
    for n in names:
        if len(n) < 2:
            continue
        for m in re.finditer(r'(?<![\w])' + re.escape(n) + r'(?![\w])', text, re.I if len(n) > 4 else 0):
            spans.append(m.start())
    return sorted(set(spans))

def sent_index(sents, off):
    for i, s in enumerate(sents):
        if s[0] <= off < s[1] + 1:
            return i
    return None

cls = collections.Counter()
link = collections.Counter()
bytype = collections.defaultdict(collections.Counter)
examples = collections.defaultdict(list)
total_missed = 0
anaphors = collections.Counter()
for doc in ev['documents']:
    if not doc.get('missed_relations'):
        continue
    gold = json.load(open(doc['gold_file']))
    byname = {}
    for e in gold['entities']:
        names = list(e['names'])
        if 'person' in e['types']:
            for n in e['names']:
                parts = n.split()
                if len(parts) >= 2:
                    names.append(parts[-1])
                    names.append(parts[0])  # Korean/Chinese order: family name first
        for n in e['names']:
            byname[n.lower()] = (e, names)
    text = texts.get(os.path.abspath(doc['source']))
    if text is None:
        continue
    sents = sentences(text)
    missed = {m['name'].lower() for m in doc.get('missed', [])}
    for r in doc['missed_relations']:
        total_missed += 1
        if r['source'].lower() in missed or r['target'].lower() in missed:
            cls['end-not-extracted'] += 1
            continue
        se = byname.get(r['source'].lower())
        te = byname.get(r['target'].lower())
        if not se or not te:
            cls['unknown-name'] += 1
            continue
        sm = [sent_index(sents, o) for o in mentions(text, se[1])]
        tm = [sent_index(sents, o) for o in mentions(text, te[1])]
        sm = [x for x in sm if x is not None]
        tm = [x for x in tm if x is not None]
        if not sm or not tm:
            c = 'end-not-in-text'
            cls[c] += 1
            examples[c].append((doc['document'], r))
            continue
        best = min(((abs(a - b), a, b) for a in sm for b in tm))
        dist, a, b = best
        if dist == 0:
            c = 'same-sentence'
        elif dist == 1:
            c = 'adjacent'
        elif dist <= 4:
            c = 'within-4'
        else:
            c = 'further'
        cls[c] += 1
        bytype[c][r['type']] += 1
        lk = ''
        if dist > 0:
            # what links them: look at every target sentence, nearest source before it
            ts = sents[b]
            ss = sents[a]
            if ts[3] == 'item' or ss[3] == 'item':
                lk = 'list-item'
            elif ts[3] == 'row' or ss[3] == 'row':
                lk = 'table-row'
            elif ts[3] == 'heading' or ss[3] == 'heading':
                lk = 'heading'
            elif ANA.search(ts[4] if a < b else ss[4]):
                m = ANA.search(ts[4] if a < b else ss[4])
                lk = 'anaphor:' + m.group(0).lower()
                if lk.split(':')[1] in ('it', 'its', 'they', 'their', 'them', 'he', 'his', 'she', 'her'):
                    lk = 'pronoun:' + m.group(0).lower()
                else:
                    lk = 'defnp:' + m.group(0).lower()
                anaphors[lk] += 1
            elif ts[2] == ss[2]:
                lk = 'same-paragraph-topic'
            else:
                lk = 'other-paragraph-topic'
            link[(c, lk.split(':')[0])] += 1
        examples[c].append((doc['document'], r, lk, sents[a][4][:200], sents[b][4][:200]))

print('missed relations:', total_missed)
for c, n in cls.most_common():
    print(f'{c:16} {n:4}  ', dict(bytype[c].most_common()))
print()
for (c, lk), n in sorted(link.items()):
    print(f'{c:10} {lk:24} {n}')
print(dict(anaphors.most_common()))
if show:
    for ex in examples[show]:
        print('---', ex[0], ex[1]['source'], ex[1]['type'], ex[1]['target'], ex[2:3] if len(ex) > 2 else '')
        if len(ex) > 3:
            print('   S:', ex[3]); print('   T:', ex[4])
