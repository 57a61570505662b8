#!/usr/bin/env python3
"""Classify the gold relations `extractor eval` misses by how far apart their two ends are named.

Usage: python3 tools/relmiss/relmiss.py [CORPUS] [--bin BINARY] [--rules-only] [--show CLASS]

Runs BINARY (default ./bin/extractor) `eval --format json` and `text --json` on CORPUS (default
corpus/samples), finds every mention of each end of a missed relation (all gold names; a person's
first and last word too), and reports the smallest sentence distance between the two ends (same /
adjacent / within 4 / further), and for the cross-sentence ones a guess at what links them: a list
item, a table row, a heading, an anaphor standing in for the missing end in the sentence that holds
the other end (pronoun or definite noun phrase; see README.md for when an anaphor counts), or the
paragraph / section topic. --show CLASS prints the examples of any class the summary prints
(`--show list` lists them). --rules-only runs eval with both models off (--relation-model=false
--name-model=false), the misses of the rules alone. Analysis aid only; not product code."""
import json, re, subprocess, sys, collections, os

ANA = re.compile(r"\b(the (group|company|firm|unit|actor|actors|gang|crew|hackers|operators|attackers|agency|ministry|"
                 r"bureau|department|vendor|campaign|malware|backdoor|tool|implant|ransomware|organi[sz]ation|man|men|"
                 r"two|three|pair|suspects?|defendants?|individuals?|contractor|bank|operation|threat actor|state)|"
                 r"both|it|its|they|their|them|he|his|him|she|her|this (group|actor|malware|tool|company))\b", re.I)

PRONOUNS = {'it', 'its', 'they', 'their', 'them', 'he', 'his', 'him', 'she', 'her'}

# Which gold types an anaphor can stand for.
PERSON = {'person'}
GROUPISH = {'threat-actor', 'organization', 'government', 'campaign'}
ORGLIKE = GROUPISH | {'sector'}
THING = {'malware', 'tool', 'vulnerability'}
FITS = {
    'he': PERSON, 'his': PERSON, 'him': PERSON, 'she': PERSON, 'her': PERSON,
    'the man': PERSON, 'the men': PERSON, 'the suspect': PERSON, 'the suspects': PERSON,
    'the defendant': PERSON, 'the defendants': PERSON, 'the individual': PERSON, 'the individuals': PERSON,
    'it': GROUPISH | THING, 'its': GROUPISH | THING,
    'they': PERSON | ORGLIKE, 'their': PERSON | ORGLIKE, 'them': PERSON | ORGLIKE, 'both': PERSON | ORGLIKE,
    'the two': PERSON | ORGLIKE, 'the three': PERSON | ORGLIKE, 'the pair': PERSON | GROUPISH,
    'the group': GROUPISH, 'the gang': GROUPISH, 'the crew': GROUPISH | PERSON, 'the unit': GROUPISH,
    'the actor': GROUPISH, 'the threat actor': GROUPISH, 'this group': GROUPISH, 'this actor': GROUPISH,
    'the actors': GROUPISH | PERSON, 'the hackers': GROUPISH | PERSON, 'the operators': GROUPISH | PERSON,
    'the attackers': GROUPISH | PERSON,
    'the company': {'organization'}, 'the firm': {'organization'}, 'the vendor': {'organization'},
    'the contractor': {'organization'}, 'the bank': {'organization'}, 'this company': {'organization'},
    'the organization': {'organization', 'government', 'threat-actor'},
    'the organisation': {'organization', 'government', 'threat-actor'},
    'the agency': {'government', 'organization'}, 'the ministry': {'government', 'organization'},
    'the bureau': {'government', 'organization'}, 'the department': {'government', 'organization'},
    'the state': {'government'},
    'the campaign': {'campaign', 'threat-actor'}, 'the operation': {'campaign', 'threat-actor'},
    'the malware': {'malware', 'tool'}, 'the backdoor': {'malware', 'tool'}, 'the tool': {'malware', 'tool'},
    'the implant': {'malware', 'tool'}, 'the ransomware': {'malware', 'tool'},
    'this malware': {'malware', 'tool'}, 'this tool': {'malware', 'tool'},
}

# Fixed phrases in which the word refers to nothing named (or to a part of a set), tested on the
# text from the anaphor's start.
FIXED_AFTER = re.compile(
    r"(it|its|their|his|her) own\b"
    r"|it(?: is|'s| was| has been| had been| seems| seemed| appears| appeared| remains| remained)(?: not| also)?"
    r" (?:likely|unlikely|possible|impossible|unclear|clear|believed|reported|said|thought|understood|known|"
    r"assessed|estimated|alleged|suspected|worth|important|notable|noteworthy|difficult|easy|hard|true|"
    r"probable|plausible|evident|apparent|uncertain|unknown|the first|the second|the latest|time|too|now)\b"
    r"|it (?:takes|took|make|makes|made)\b"
    r"|it (?:calls|called|named|dubbed|tracks|tracked|labels|labelled|labeled|describes|described|assesses|assessed|"
    r"says|said|mentioned|reported|believes|believed)\b"
    r"|it (?:is|was|has been|had been|were) (?:\w+ )?(?:fixed|patched|disclosed|discovered|found|released|"
    r"published|deployed|installed|executed|detected|removed|updated|exploited|downloaded|compiled|loaded)\b"
    r"|both\b.{0,80}?\band\b", re.I)
FIXED_BEFORE = re.compile(
    r"\b(?:most|some|many|all|none|each|any|several|few|one|two|three|both|either|neither|half|part|majority|"
    r"rest|number|dozens|hundreds|thousands) of $|\b(?:among|amongst) $"
    r"|\b(?:make|makes|made|making|get|got|call|called) $", re.I)

# A subject pronoun right after a named speaker's reporting verb ("Google said it was ...", "FireEye noted
# that they ...") stands for the speaker, who is not the missing end (the missing end is not named here).
SPEAKER = re.compile(
    r"(?:\s*\([A-Z][\w.&-]*\))?\s+(?:said|says|noted|notes|mentioned|reported|reports|added|"
    r"stated|states|claimed|claims|believes|believed|assessed|assesses|confirmed|confirms|announced|wrote|"
    r"argued|argues|explained|told \w+)\s+(?:that\s+)?")


def sentences(text):
    """(start, end, para, line_kind, text) spans; paragraphs are blank-line separated; a line is
    its own sentence if it is a list item, a heading or a table row."""
    out = []
    para = 0
    pos = 0
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
        for m in re.finditer(r'.+?(?:[.!?](?=\s+[A-Z“"(])|$)', line):
            if m.group().strip():
                out.append((start + m.start(), start + m.end(), para, 'text', m.group().strip()))
    return out


def name_spans(text, names):
    """(start, end) of every whole-word mention of any of names in text (case-blind above 4 letters)."""
    spans = []
    for n in names:
        if len(n) < 2:
            continue
        for m in re.finditer(r'(?<![\w])' + re.escape(n) + r'(?![\w])', text, re.I if len(n) > 4 else 0):
            spans.append((m.start(), m.end()))
    return sorted(set(spans))


def mentions(text, names):
    return sorted({s for s, _ in name_spans(text, names)})


def sent_index(sents, off):
    for i, s in enumerate(sents):
        if s[0] <= off < s[1] + 1:
            return i
    return None


def judge_anaphor(sent, missing_types, present_names, all_names):
    """The first anaphor in sent (the sentence naming the relation's other end) that can stand for
    the missing end, as ('pronoun'|'defnp', word), or None; and the reasons the others were
    rejected: inside-name (part of a longer name), fixed-phrase, bound-to-speaker ("Google said it ..."),
    type (does not fit the missing end's gold types), bound-to-other-end (a possessive after the other
    end's mention that fits it), bound-to-named (a possessive shortly after another gold name that fits
    it: "Microsoft published its findings"). all_names: a list of gold names, or a dict name -> types
    (needed for bound-to-named)."""
    names = name_spans(sent, all_names)
    present = name_spans(sent, present_names)
    typed = []
    if isinstance(all_names, dict):
        for n, types in all_names.items():
            typed.extend((s, e, set(types)) for s, e in name_spans(sent, [n]))
    rejected = []
    missing_types = set(missing_types)
    for m in ANA.finditer(sent):
        word = re.sub(r'\s+', ' ', m.group(0).lower())
        fits = FITS.get(word, set())
        reason = None
        ms, me = m.start(), m.end()
        # "Brightline, its subsidiary": an appositive after a name refers elsewhere
        appositive = any(e <= ms and re.fullmatch(r',\s*', sent[e:ms]) for _, e in names)
        if any((s <= ms and me <= e and (s, e) != (ms, me)) or  # inside a longer name
               (s < ms < e < me) or (ms < s < me < e)  # crossing a name's boundary
               for s, e in names):
            reason = 'inside-name'
        elif word.startswith(('the ', 'this ')) and m.group(0).split()[-1][:1].isupper() and \
                re.match(r"\s+(?:of\s+(?:the\s+)?[A-Z]|[A-Z]|\()", sent[m.end():]):
            reason = 'inside-name'  # "the Department of Justice", "the Group Twelve"
        elif word.startswith('the ') and re.search(r"[A-Z][\w'’.-]*\s+$", sent[:m.start()]) and \
                m.group(0)[:1].islower():
            reason = 'inside-name'
        elif FIXED_AFTER.match(sent, m.start()) or FIXED_BEFORE.search(sent[max(0, m.start() - 40):m.start()]):
            reason = 'fixed-phrase'
        elif word in ('it', 'they', 'he', 'she') and any(e <= ms and SPEAKER.fullmatch(sent, e, ms) for _, e in names):
            reason = 'bound-to-speaker'
        elif not (fits & missing_types):
            reason = 'type'
        elif word in ('its', 'their', 'his', 'her') and not appositive and any(e <= ms for s, e in present) and \
                (fits & present_names.types):
            reason = 'bound-to-other-end'
        elif word in ('its', 'their', 'his', 'her') and not appositive and any(
                e <= ms and ms - e <= 60 and ';' not in sent[e:ms] and (fits & types) for s, e, types in typed):
            reason = 'bound-to-named'
        if reason:
            rejected.append((reason, word))
            continue
        return ('pronoun' if word in PRONOUNS else 'defnp', word), rejected
    return None, rejected


class Names(list):
    """A list of names with the gold types of the entity they name."""
    def __init__(self, names, types):
        super().__init__(names)
        self.types = set(types)


def classify(ev, texts):
    res = {
        'cls': collections.Counter(), 'link': collections.Counter(),
        'bytype': collections.defaultdict(collections.Counter), 'examples': collections.defaultdict(list),
        'anaphors': collections.Counter(), 'rejected': collections.Counter(), 'total': 0,
    }
    cls, link, examples = res['cls'], res['link'], res['examples']
    for doc in ev['documents']:
        if not doc.get('missed_relations'):
            continue
        with open(doc['gold_file']) as f:
            gold = json.load(f)
        byname = {}
        all_names = {}
        for e in gold['entities']:
            names = list(e['names'])
            if 'person' in e['types']:
                for n in e['names']:
                    parts = n.split()
                    if len(parts) >= 2:
                        names.append(parts[-1])
                        names.append(parts[0])  # Korean/Chinese order: family name first
            for n in e['names']:
                all_names[n] = e['types']
            for n in e['names']:
                byname[n.lower()] = (e, Names(names, e['types']))
        text = texts.get(os.path.abspath(doc['source']))
        if text is None:
            continue
        sents = sentences(text)
        missed = {m['name'].lower() for m in doc.get('missed', [])}
        for r in doc['missed_relations']:
            res['total'] += 1
            if r['source'].lower() in missed or r['target'].lower() in missed:
                c = 'end-not-extracted'
                cls[c] += 1
                examples[c].append((doc['document'], r))
                continue
            se = byname.get(r['source'].lower())
            te = byname.get(r['target'].lower())
            if not se or not te:
                c = 'unknown-name'
                cls[c] += 1
                examples[c].append((doc['document'], r))
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
            dist, a, b = min(((abs(a - b), a, b) for a in sm for b in tm))
            if dist == 0:
                c = 'same-sentence'
            elif dist == 1:
                c = 'adjacent'
            elif dist <= 4:
                c = 'within-4'
            else:
                c = 'further'
            cls[c] += 1
            res['bytype'][c][r['type']] += 1
            lk = ''
            if dist > 0:
                ts, ss = sents[b], sents[a]
                if ts[3] == 'item' or ss[3] == 'item':
                    lk = 'list-item'
                elif ts[3] == 'row' or ss[3] == 'row':
                    lk = 'table-row'
                elif ts[3] == 'heading' or ss[3] == 'heading':
                    lk = 'heading'
                else:
                    # the later sentence names the other end; the anaphor must stand for the earlier one
                    later, missing, present = (ts, se, te) if a < b else (ss, te, se)
                    found, rejected = judge_anaphor(later[4], missing[0]['types'], present[1], all_names)
                    for why, word in rejected:
                        res['rejected'][why] += 1
                        examples['rejected:' + why].append((doc['document'], r, word, ss[4][:200], ts[4][:200]))
                    if found:
                        lk = found[0] + ':' + found[1]
                        res['anaphors'][lk] += 1
                    elif ts[2] == ss[2]:
                        lk = 'same-paragraph-topic'
                    else:
                        lk = 'other-paragraph-topic'
                base = lk.split(':')[0]
                link[(c, base)] += 1
                ex = (doc['document'], r, lk, ss[4][:200], ts[4][:200])
                examples[base].append(ex)
                examples[c + '/' + base].append(ex)
                if ':' in lk:
                    examples[lk].append(ex)
            examples[c].append((doc['document'], r, lk, sents[a][4][:200], sents[b][4][:200]))
    return res


def report(res, show=None, out=sys.stdout):
    p = lambda *a: print(*a, file=out)
    p('missed relations:', res['total'])
    for c, n in res['cls'].most_common():
        p(f'{c:18} {n:4}  ', dict(res['bytype'][c].most_common()))
    p()
    for (c, lk), n in sorted(res['link'].items()):
        p(f'{c:10} {lk:24} {n}')
    shape = collections.Counter()
    for (c, lk), n in res['link'].items():
        shape[lk] += n
    p('by shape:', dict(shape.most_common()))
    p('anaphors:', dict(res['anaphors'].most_common()))
    p('rejected anaphors:', dict(res['rejected'].most_common()))
    if show is None:
        return 0
    known = sorted(k for k, v in res['examples'].items() if v)
    if show == 'list':
        p('classes:', ' '.join(known))
        return 0
    if show not in res['examples']:
        p(f'--show {show}: no such class here; one of:', ' '.join(known))
        return 2
    for ex in res['examples'][show]:
        p('---', ex[0], ex[1]['source'], ex[1]['type'], ex[1]['target'], ex[2:3] if len(ex) > 2 else '')
        if len(ex) > 3:
            p('   S:', ex[3])
            p('   T:', ex[4])
    return 0


def eval_command(binary, corpus, rules_only=False):
    """The eval run whose misses are classified: the binary's defaults, or
    the rules alone (both models off) with rules_only."""
    cmd = [binary, 'eval', '--corpus', corpus, '--format', 'json']
    if rules_only:
        cmd += ['--relation-model=false', '--name-model=false']
    return cmd


def main(argv):
    corpus, binary, show, rules_only = 'corpus/samples', './bin/extractor', None, False
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == '--show' and args:
            show = args.pop(0)
        elif a == '--bin' and args:
            binary = args.pop(0)
        elif a == '--rules-only':
            rules_only = True
        elif not a.startswith('--'):
            corpus = a
        else:
            print(__doc__, file=sys.stderr)
            return 2
    ev = json.loads(subprocess.run(eval_command(binary, corpus, rules_only),
                                   capture_output=True, text=True, check=True).stdout)
    texts = {}
    out = subprocess.run([binary, 'text', '--json', corpus], capture_output=True, text=True).stdout
    for line in out.splitlines():
        d = json.loads(line)
        texts[os.path.abspath(d['source'])] = d['text']
    return report(classify(ev, texts), show)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
