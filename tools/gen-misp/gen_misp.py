#!/usr/bin/env python3
"""Generate rules/pack/gaz-threat-actors-misp.yaml from the MISP galaxy (CC0).

Sources: misp-galaxy threat-actor.json, mitre-intrusion-set.json,
microsoft-activity-group.json. Names the hand-written pack already has
(any type) are never re-typed; clusters that overlap exactly one
hand-written threat-actor entry extend it under its canonical name;
names in several clusters are dropped; single dictionary words that are
frequent in lower case in a reference English text are dropped, the
rest of the single dictionary words are marked common.
"""
import json, re, sys, glob, collections, os
import yaml

REPO = sys.argv[1]
MISP = sys.argv[2]
FREQ_TEXTS = sys.argv[3:]  # plain texts to measure lower-case word frequency

def norm(s): return ' '.join(s.split()).casefold()

# existing pack names
existing = {}    # norm name -> (type, canonical, rule id)
for f in sorted(glob.glob(os.path.join(REPO, 'rules/pack/gaz-*.yaml'))):
    if f.endswith('-misp.yaml'): continue
    d = yaml.safe_load(open(f))
    for r in d.get('rules', []):
        if r.get('kind') != 'gazetteer': continue
        for e in r['entries']:
            if isinstance(e, str): e = {'name': e}
            t = e.get('type', r['type'])
            for n in [e['name']] + e.get('aliases', []):
                existing.setdefault(norm(n), (t, e['name'], r['id']))
stops = set()
for f in glob.glob(os.path.join(REPO, 'rules/pack/stop-*.yaml')):
    for r in yaml.safe_load(open(f)).get('rules', []):
        ts = r.get('types', [])
        if 'any' in ts or 'threat-actor' in ts:
            for w in r.get('words', []):
                if isinstance(w, str) and not w.startswith('$'): stops.add(norm(w))

words = set(w.strip() for w in open('/usr/share/dict/words') if w.strip().islower())
freq = collections.Counter()
for f in FREQ_TEXTS:
    for w in re.findall(r"[a-z][a-z'-]+", open(f, errors='ignore').read()):
        freq[w] += 1

def common(n):
    return ' ' not in n and n.lower() in words

# Never as threat-actor names: ordinary words and names that mostly mean
# something else in reports (see docs/gazetteers.md, "Words too common").
DENY = {norm(x) for x in '''Anonymous Chromium Reaper Mirage Silence Play Cuba Agenda Loki Pony Outlaw Equation
Shell Target Signal Elastic Expel Wired Intel Lead Dragon Shadow Ghost Phantom Tick Cobalt Carbon Snake Turbine
Hades Zeus Apollo Ember Cloud Group Team Unknown Admin Hacker Hackers Iron Bronze Gold Tin Nickel Copper Zinc
Mercury Sodium Potassium Calcium Helium Radium Silicon Platinum Holmium Neodymium Bismuth Hafnium Gallium Krypton
Phosphorus Promethium Strontium Thallium Yttrium Lithium Boron Cerium Curium Cesium Actinium Plutonium
Operation Ocean Lotus Sofacy Cardinal Pioneer Superman Inception Foxtrot Mantis Scimitar
Watchdog Gorilla BlackJack Siesta Pickaxe Foxmail Hellfire Golem WHOis'''.split()} - {norm('Sofacy')}
# A program, a place and a plain phrase that MISP gives as other names of a
# group ("Calc" for APT12, the North Korean county Pukchong, "Social Network"
# for APT15): in a report they mean the thing, not the group.
DENY |= {norm(x) for x in ['Calc', 'Pukchong', 'Social Network']}
# Names that are also the names of other things a report may mention (a gas
# field, a nymph): kept, but matched only in a sentence with a threat word
# (context: true, docs/rules.md).
CONTEXT = {norm(x) for x in 'Calypso Leviathan Chimera'.split()}
OPERATION = re.compile(r'^(operation|op\.?|campaign)\b', re.I)
GROUPN = re.compile(r'^(group|team|apt|unit|tg|threat group)[ -]?\d{1,2}$', re.I)
OKCHARS = re.compile(r"^[\w .&@'’\-/$]+$")

# A one-word name MISP writes in capitals that is also a word (NEODYMIUM,
# IODINE): written so in a report it is the vendor's name, not the word. Kept
# when six letters or more, matched only in capitals (case: sensitive) and only
# in a sentence about threats (context: true), even if the deny list or the
# lower-case frequency filter leaves the word out.
def caps_word(n):
    return (n.isupper() and n.isalpha() and len(n) >= 6
            and (norm(n) in DENY or n.lower() in words))

def usable(n):
    n = n.strip()
    if len(n) < 3 or not OKCHARS.match(n) or n.isdigit(): return False
    if OPERATION.match(n) or GROUPN.match(n): return False
    if re.fullmatch(r'G\d{4}', n): return False  # ATT&CK ids: the id pattern types them
    if re.search(r'\.(php|aspx?|jsp|exe|dll|js|html?)$', n, re.I): return False  # file names ("1.php")
    if norm(n) in stops: return False
    if norm(n) in DENY and not caps_word(n): return False
    # All lower case would match any case: fine for a handle or code with a
    # digit or an "@" (admin@338, 0ktapus), which is no English word.
    if n.lower() == n and not re.search(r'[\d@]', n): return False
    if re.search(r'\b(unit|ministry|bureau|army|agency|intelligence|government)\b', n, re.I): return False
    return True

clusters = []
for fn in ['threat-actor.json', 'mitre-intrusion-set.json', 'microsoft-activity-group.json']:
    for v in json.load(open(os.path.join(MISP, fn)))['values']:
        val = re.sub(r'\s+-\s+G\d{4}$', '', v['value']).strip()
        syn = v.get('meta', {}).get('synonyms', []) or []
        clusters.append((fn, val, [val] + [s.strip() for s in syn]))

# union clusters of the three files that share a name (MITRE and Microsoft
# files repeat the threat-actor clusters)
parent = list(range(len(clusters)))
def find(i):
    while parent[i] != i:
        parent[i] = parent[parent[i]]; i = parent[i]
    return i
byname = collections.defaultdict(set)
for i, (_, _, ns) in enumerate(clusters):
    for n in ns: byname[norm(n)].add(i)
# a name in several threat-actor.json clusters is ambiguous: not used to merge
amb = {n for n, ix in byname.items() if len({clusters[i][0] for i in ix}) < len(ix)}
# Names a cluster lists that public reporting gives to another group or to no
# group: left out like the names of several clusters (not used to merge, not
# written), so a report naming them does not join two actors.
#  - JokerStash (FIN7): Joker's Stash was the carding market where FIN7's stolen
#    cards were sold (Gemini Advisory, 2018), not a name of the group.
#  - Guardian of Peace, GOP, OperationTroy, WHOis Team, DarkSeoul (MISP's Silent
#    Chollima, Microsoft's Onyx Sleet, so Andariel here): the 2013 DarkSeoul /
#    Operation Troy wipers and the 2014 Sony Pictures "Guardians of Peace" were
#    attributed to Lazarus Group (FBI, McAfee); MISP's Lazarus cluster lists
#    them too, spelt "Dark Seoul", "Operation Troy", "Whois Hacking Team". GOP is
#    also the US Republican Party.
#  - UNC1069, Genie Spider (Microsoft's Sapphire Sleet, so APT38 here): Mandiant
#    tracks UNC1069 apart from APT38 (MISP gives it a cluster of its own), and
#    CrowdStrike gives SPIDER names to criminal actors, its North Korean ones
#    being CHOLLIMA.
NOT_SAME = {norm(x) for x in ['JokerStash', 'Guardian of Peace', 'GOP', 'OperationTroy', 'WHOis Team',
                              'DarkSeoul', 'UNC1069', 'Genie Spider']}
amb |= NOT_SAME
for n, ix in byname.items():
    if n in amb: continue
    ix = sorted(ix)
    for j in ix[1:]: parent[find(j)] = find(ix[0])
groups = collections.defaultdict(list)
for i in range(len(clusters)): groups[find(i)].append(i)

entries = {}  # canonical -> dict(names=set, extends=bool)
used = set()
for g in groups.values():
    names = []
    seen = set()
    primary = clusters[g[0]][1]
    for i in g:
        for n in clusters[i][2]:
            k = norm(n)
            if k in seen: continue
            seen.add(k); names.append(n)
    hand = {existing[norm(n)][1] for n in names if norm(n) in existing and existing[norm(n)][0] == 'threat-actor'}
    # "Gorgon Group" is also written "Gorgon": the head of an "X Group"
    # name is a name of the group too, when it is no ordinary word. Not for
    # "X Gang": gangs are named after their home town ("Yanbian Gang"), and
    # the bare place must stay a place (a name the hand-written location
    # list has is left to it anyway, below).
    for n in list(names):
        m = re.fullmatch(r"(?:The )?(\S+(?: \S+)?) (?:Group|Team)", n)
        if m and norm(m.group(1)) not in seen and not common(m.group(1)) and len(m.group(1)) >= 4:
            seen.add(norm(m.group(1))); names.append(m.group(1))
    new = [n for n in names if usable(n) and norm(n) not in existing and norm(n) not in amb]
    if not new: continue
    if len(hand) > 1:
        # Overlaps several hand-written groups, which stay apart. A name still
        # goes to one of them when every source cluster that gives it (or the
        # "X Group" name it is the head of) overlaps that group alone: MISP's
        # Charming Kitten cluster names APT35 only, and its NewsBeef is APT35's
        # even if another file's cluster joins APT35 and Nemesis Kitten.
        for n in new:
            src = {norm(n)} | {norm(x) for x in names if re.fullmatch(r"(?:The )?" + re.escape(n) + r" (?:Group|Team)", x)}
            hs = set()
            for i in g:
                cn = {norm(x) for x in clusters[i][2]}
                if not cn & src: continue
                hs |= {existing[k][1] for k in cn if k in existing and existing[k][0] == 'threat-actor'}
            if len(hs) != 1 or norm(n) in used: continue
            used.add(norm(n))
            entries.setdefault(hs.pop(), {'names': [], 'ext': True})['names'].append(n)
        continue
    if hand:
        canon = hand.pop(); ext = True
    else:
        cands = [n for n in new]
        canon = primary if primary in cands else cands[0]; ext = False
    e = entries.setdefault(canon, {'names': [], 'ext': ext})
    for n in new:
        if norm(n) in used: continue
        used.add(norm(n)); e['names'].append(n)


# names MISP also lists as malware or tools (Malpedia, tool galaxy)
# names MISP also lists as malware or tools (Malpedia, tool galaxy). A name
# an actor galaxy gives a cluster of its own ("Cadelle") that the software
# catalogues hold only as another name of a family (CadelSpy's "Cadelle") is
# the actor's: the catalogue names the malware after its users.
software = set()
softprimary = set()
for fn in ['malpedia.json', 'tool.json']:
    for v in json.load(open(os.path.join(MISP, fn)))['values']:
        for j, n in enumerate([v['value']] + (v.get('meta', {}).get('synonyms', []) or [])):
            k = norm(re.sub(r'^\w+\.', '', n) if fn == 'malpedia.json' and '.' in n[:6] else n)
            software.add(k)
            if j == 0: softprimary.add(k)
actorprimary = {norm(val) for fn, val, _ in clusters}
software -= actorprimary - softprimary

out = []
dropped = []
for canon, e in sorted(entries.items(), key=lambda x: x[0].lower()):
    names = []
    caps = []
    for n in e['names']:
        if caps_word(n) and norm(n) not in software and (norm(n) in DENY or freq[n.lower()] >= 1):
            caps.append(n); continue
        if common(n) and (freq[n.lower()] >= 1 or len(n) < 6):
            dropped.append(n); continue
        if norm(n) in software and n != canon:
            dropped.append(n); continue
        names.append(n)
    if caps:
        c = canon if e['ext'] else (canon if canon in names else names[0]) if names else caps[0]
        out.append((c, [n for n in caps if n != c], False, e['ext'], True))
    if e['ext']:
        al = [n for n in names if n != canon]
        if not al: continue
        plain = [n for n in al if not common(n)]
        com = [n for n in al if common(n)]
        if plain: out.append((canon, plain, False, True, False))
        if com: out.append((canon, com, True, True, False))
    else:
        if not names: continue
        c = canon if canon in names else names[0]
        al = [n for n in names if n != c]
        plain = [n for n in al if not common(n)]
        com = [n for n in al if common(n)]
        if common(c):
            out.append((c, al, True, False, False))
        else:
            out.append((c, plain, False, False, False))  # always: the canonical matches everywhere
            if com: out.append((c, com, True, False, False))

def q(s):
    return json.dumps(s, ensure_ascii=False)

lines = []
for ext in (False, True):
    rid = 'gaz.threat-actor.misp-extends' if ext else 'gaz.threat-actor.misp'
    sel = [o for o in out if o[3] == ext]
    lines.append(f'  - id: {rid}')
    lines.append('    kind: gazetteer')
    lines.append('    type: threat-actor')
    lines.append('    priority: 76')
    lines.append('    case: auto')
    if ext:
        lines.append('    description: More vendor names, from the MISP galaxy, for groups the hand-written lists already name (same canonical name)')
    else:
        lines.append('    description: Intrusion sets and criminal groups of the MISP galaxy that the hand-written lists do not name')
    lines.append('    entries:')
    for c, al, com, _, caps in sel:
        s = '      - {name: ' + q(c)
        if al: s += ', aliases: [' + ', '.join(q(a) for a in al) + ']'
        if com: s += ', common: true'
        if caps: s += ', case: sensitive, context: true'
        if norm(c) in CONTEXT: s += ', context: true'
        s += '}'
        lines.append(s)
    lines.append('    examples:')
    lines.append('      match: EXAMPLES_' + ('EXT' if ext else 'NEW'))
body = '\n'.join(lines)
body = body.replace("      match: EXAMPLES_NEW", '''      match:
        - {text: "The lure was attributed to AeroBlade, and an older wave to Night Dragon.", expect: [AeroBlade, Night Dragon]}
        - {text: "Our telemetry links it to BOSS SPIDER.", expect: [BOSS SPIDER]}
        - {text: "Microsoft said the group NEODYMIUM used the same exploit.", expect: [NEODYMIUM]}
      no_match:
        - "A honeybee landed on the keyboard."
        - "Microsoft said the group Neodymium used the same exploit."
        - "NEODYMIUM PRICES ROSE IN MARCH."
        - "Honeybee colonies were studied."''')
body = body.replace("      match: EXAMPLES_EXT", '''      match:
        - {text: "The Cloud Hopper intrusions hit managed service providers.", expect: [Cloud Hopper]}
        - {text: "Kaspersky tracks the NewsBeef watering holes.", expect: [NewsBeef]}
      no_match:
        - "The cloud hopper was a toy."''')
print(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'header.txt')).read() + body)
print(f'# entries new={sum(1 for o in out if not o[3])} ext={sum(1 for o in out if o[3])} dropped-common={len(dropped)}: {dropped[:80]}', file=sys.stderr)
