#!/usr/bin/env python3
"""Generate rules/pack/gaz-malware-misp.yaml: malware and tool names from
public catalogues.

Sources: the MISP galaxy malpedia.json (Malpedia families, all malware) and
tool.json (CC0-1.0 / BSD-2-Clause), and the MITRE ATT&CK Enterprise bundle
(software objects of type malware and tool; ATT&CK's split decides the type).

Same policies as gen_misp.py: names the hand-written pack already has (any
type, and the generated threat-actor list) are never re-typed; a family that
shares names with exactly one hand-written malware or tool entry only adds
aliases to it, under its canonical name and type; names in several families
are dropped; ordinary English words, names of people, places and products,
detection names, platform-prefixed names and names shorter than four
characters are dropped; single dictionary words that are rare in lower case
in a reference English text are kept with common: true.

usage: gen_software.py REPO MISP_DIR ATTACK_BUNDLE REF.txt... > rules/pack/gaz-malware-misp.yaml
"""
import collections
import glob
import json
import os
import re
import sys

import yaml

REPO, MISP, ATTACK = sys.argv[1:4]
FREQ_TEXTS = sys.argv[4:]


def norm(s):
    return ' '.join(s.split()).casefold()


# --- what the pack already has -------------------------------------------
existing = {}  # norm name -> (type, canonical)
for f in sorted(glob.glob(os.path.join(REPO, 'rules/pack/gaz-*.yaml'))):
    if f.endswith('gaz-malware-misp.yaml'):
        continue
    d = yaml.safe_load(open(f))
    for r in d.get('rules', []):
        if r.get('kind') != 'gazetteer':
            continue
        for e in r['entries']:
            if isinstance(e, str):
                e = {'name': e}
            t = e.get('type', r['type'])
            for n in [e['name']] + e.get('aliases', []):
                existing.setdefault(norm(n), (t, e['name']))
stops = set()
for f in glob.glob(os.path.join(REPO, 'rules/pack/stop-*.yaml')):
    for r in yaml.safe_load(open(f)).get('rules', []):
        ts = r.get('types', [])
        if 'any' in ts or 'malware' in ts or 'tool' in ts:
            for w in r.get('words', []):
                if isinstance(w, str) and not w.startswith('$'):
                    stops.add(norm(w))
# words that describe malware rather than name it: platforms, languages,
# products (core-named.yaml)
named = yaml.safe_load(open(os.path.join(REPO, 'rules/pack/core-named.yaml')))
describers = {norm(w) for w in named['lists']['malware_kind_describers']}

# Names the MISP galaxy gives intrusion sets: a group named after its
# malware (DustySky, Kwampirs) is left to the threat-actor lists.
actor_names = set()
for fn in ['threat-actor.json', 'mitre-intrusion-set.json', 'microsoft-activity-group.json']:
    for v in json.load(open(os.path.join(MISP, fn)))['values']:
        for n in [re.sub(r'\s+-\s+G\d{4}$', '', v['value'])] + (v.get('meta', {}).get('synonyms', []) or []):
            actor_names.add(norm(n))

# --- English ------------------------------------------------------------
dict_lower = set()
dict_proper = set()  # capitalised entries: people's and places' names, myths
for w in open('/usr/share/dict/words'):
    w = w.strip()
    if w.endswith("'s"):
        continue
    if w.islower():
        dict_lower.add(w)
    elif w[:1].isupper():
        dict_proper.add(w.casefold())
dict_proper -= dict_lower
freq = collections.Counter()
reftext = []
for f in FREQ_TEXTS:
    t = open(f, errors='ignore').read()
    reftext.append(' '.join(re.findall(r"[a-z][a-z'-]+", t)))
    for w in re.findall(r"[a-z][a-z'-]+", t):
        freq[w] += 1
reftext = ' ' + ' \n '.join(reftext) + ' '

# Never: names that mostly mean something else in reports (products,
# services, protocols, generic kinds) although no dictionary lists them.
DENY = {norm(x) for x in '''Outlook Telegram Python Orion META Nebulae Hades Zeus Apollo Windows Linux Android
Office Exchange Chrome Firefox Discord Slack GitHub Dropbox Google Microsoft Apple Amazon Facebook Twitter
WhatsApp Skype Zoom Teams OneDrive SharePoint PowerPoint Excel Word Adobe Java JavaScript PowerShell TeamViewer
AnyDesk WinRAR 7-Zip Tor Bitcoin Monero Ethereum Ubuntu Debian Docker Kubernetes VMware ESXi Citrix Fortinet
Cisco Juniper Ivanti Okta Azure AWS Gmail Yahoo Baidu Tencent WeChat QQ Alibaba Huawei Xiaomi Samsung
Mozilla Opera Safari Edge Steam Minecraft Roblox Netflix Spotify Instagram TikTok LinkedIn Reddit Signal Viber
Unknown Generic Agent Backdoor Trojan Ransomware Stealer Loader Dropper Downloader Webshell Exploit Rootkit
Keylogger Miner Botnet Worm Virus Spyware Adware Implant Payload Beacon Shell Admin Client Server Update Updater
Service Host Helper Manager Installer Setup Launcher Runner Agent Tesla WildFire AutoFocus Falcon Cortex
Sentinel ZLib OpenSSL Putty WinSCP Notepad Jupyter StartPage Interception Keyhole DiskCryptor'''.split()} - {norm('Agent Tesla')}
# Products and places written as two words
DENY |= {norm(x) for x in ['Popcorn Time', 'Taj Mahal']}
# Names kept but matched only in a sentence about threats (context: true):
# also the names of other things (see docs/rules.md). A given name that
# the hand-written list marks context (Elise) must be marked here too, or
# this list's entry of the same name matches it anywhere ("By Elise Kamp").
CONTEXT = {norm('Elise')}

DETECTION = re.compile(
    r'^(trojan|backdoor|hacktool|hack ?tool|riskware|adware|pua|pup|ransom|worm|virus|exploit|win32|win64|win|'
    r'w32|w64|msil|elf|apk|osx|macos|linux|unix|android|js|jar|php|ps1|py|vbs|html|script|heur|gen|generic|'
    r'apt|fe|tool|spyware|trojanspy|trojandownloader|trojandropper|pws|ransomware|malware|downloader|dropper)'
    r'[./_:!-]', re.I)
OKCHARS = re.compile(r"^[\w .&'’\-]+$")
NOTNAME = re.compile(r'^(unidentified|unknown|unnamed|generic|custom|sample|test)\b', re.I)
PAREN = re.compile(r'\s*\((?:[^()]*)\)\s*$')  # Malpedia's "(ELF)", "(Android)"
PLATFORM = re.compile(r'\s+for\s+(Windows|Linux|macOS|OSX|OS X|Android|iOS|Unix|ESXi)$', re.I)  # "Winnti for Windows"


def clean(n):
    n = PAREN.sub('', n.strip()).strip()
    n = PLATFORM.sub('', n)
    return ' '.join(n.split())


def usable(n):
    if len(n) < 4 or not OKCHARS.match(n):
        return False
    if '_' in n or '.' in n or n.isdigit() or DETECTION.match(n) or NOTNAME.match(n):
        return False
    if re.fullmatch(r'[0-9a-fA-F]{8,}', n) and re.search(r'\d', n):
        return False  # hashes
    if re.fullmatch(r'S\d{4}', n):
        return False  # ATT&CK ids: the id pattern types them
    k = norm(n)
    if k in DENY or k in stops or k in describers:
        return False
    # Windows built-ins the hand-written tool list names only as "x.exe"
    # (reports mention the bare command in command lines far more often)
    if k + '.exe' in existing:
        return False
    if k in actor_names:
        return False
    # All lower case would match any case: only for a name with a digit
    if n.lower() == n and not re.search(r'\d', n):
        return False
    return True


KINDWORD = re.compile(r'(?i)(rat|bot|botnet|backdoor|loader|stealer|infostealer|locker|ransomware|ransom|crypt|'
                      r'keylogger|logger|grabber|wiper|worm|trojan|banker|miner|dropper|downloader|rootkit|'
                      r'bootkit|implant|shell|webshell|spy|spyware|clipper|injector|c2|agent|kit|malware|atm|pos|framework|scanner)')


def single(n):
    return ' ' not in n


def word_kind(n):
    """'' for a coined name; 'word' for an English word; 'proper' for a
    person's, place's or myth's name in the dictionary."""
    if not single(n):
        return ''
    base = n.replace('-', '')
    lo = base.casefold()
    if lo in dict_lower or n.casefold() in dict_lower:
        return 'word'
    # plural of a word ("Nebulas", "Raindrops")
    if lo.endswith('s') and (lo[:-1] in dict_lower or (lo.endswith('es') and lo[:-2] in dict_lower)):
        return 'word'
    if lo in dict_proper:
        return 'proper'
    return ''


def phrase_in_ref(n):
    """a multi-word name written in lower case in the reference text
    ("remote desktop"): an ordinary phrase."""
    if single(n):
        return False
    return (' ' + n.casefold() + ' ') in reftext


# --- the catalogues ------------------------------------------------------
# clusters: (source, type, primary, names)
clusters = []
for v in json.load(open(os.path.join(MISP, 'malpedia.json')))['values']:
    names = [v['value']] + (v.get('meta', {}).get('synonyms', []) or [])
    clusters.append(('malpedia', 'malware', clean(v['value']), [clean(n) for n in names]))

bundle = json.load(open(ATTACK))
attack_names = set()
for o in bundle['objects']:
    if o['type'] not in ('malware', 'tool') or o.get('revoked') or o.get('x_mitre_deprecated'):
        continue
    names = [o['name']] + (o.get('x_mitre_aliases') or [])
    clusters.append(('attack', o['type'], clean(o['name']), [clean(n) for n in names]))
    attack_names.update(norm(clean(n)) for n in names)

MALWORDS = re.compile(r'\b(malware|backdoor|trojan|rat|ransomware|loader|downloader|dropper|stealer|infostealer|'
                      r'worm|web ?shell|implant|keylogger|botnet|rootkit|bootkit|wiper|spyware|banking|'
                      r'remote access trojan|malicious)\b', re.I)
TOOLWORDS = re.compile(r'\b(hacktool|framework|utility|open[- ]source|legitimate|penetration|red team|'
                       r'post-exploitation|packer|protector)\b', re.I)
for v in json.load(open(os.path.join(MISP, 'tool.json')))['values']:
    meta = v.get('meta', {}) or {}
    kinds = ' '.join(meta.get('type', []) or [])
    desc = v.get('description', '') or ''
    # The galaxy holds malware as well as tools: its own type field, then
    # the description's words decide ("a Python webshell backdoor" is
    # malware; "Legitimate tool", "a utility" with no malware word is a tool)
    if MALWORDS.search(kinds) or MALWORDS.search(v['value']):
        t = 'malware'
    elif TOOLWORDS.search(kinds) or re.match(r'(?i)legitimate tool', desc):
        t = 'tool'
    elif MALWORDS.search(desc):
        t = 'malware'
    elif TOOLWORDS.search(desc) or re.search(r'\btool\b', desc, re.I):
        t = 'tool'
    else:
        t = ''  # no word says which: typed only by another source
    names = [v['value']] + (meta.get('synonyms', []) or [])
    clusters.append(('misp-tool', t, clean(v['value']), [clean(n) for n in names]))

# A name in two clusters of one source names two families: ambiguous, never
# used. Clusters of different sources that share a name are one family.
byname = collections.defaultdict(set)
for i, c in enumerate(clusters):
    for n in set(norm(x) for x in c[3]):
        byname[n].add(i)
amb = set()
for n, ix in byname.items():
    src = collections.Counter(clusters[i][0] for i in ix)
    if any(k > 1 for k in src.values()):
        # the same primary name on several platforms ("Gwisin (ELF)",
        # "Gwisin") is one family
        prim = {norm(clusters[i][2]) for i in ix if clusters[i][0] == 'malpedia'}
        if not (len(prim) == 1 and n in prim and all(k == 1 for s, k in src.items() if s != 'malpedia')):
            amb.add(n)
parent = list(range(len(clusters)))


def find(i):
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


for n, ix in byname.items():
    if n in amb:
        continue
    ix = sorted(ix)
    for j in ix[1:]:
        parent[find(j)] = find(ix[0])
groups = collections.defaultdict(list)
for i in range(len(clusters)):
    groups[find(i)].append(i)

# --- entries -------------------------------------------------------------
entries = {}  # (type, canonical) -> {'names': [...], 'ext': bool}
used = set()
dropped = collections.Counter()
for g in groups.values():
    srcs = {clusters[i][0] for i in g}
    att = {clusters[i][1] for i in g if clusters[i][0] == 'attack'}
    if len(att) == 1:
        typ = att.pop()
    elif att:
        continue  # ATT&CK says both: leave it
    elif 'malpedia' in srcs:
        typ = 'malware'
    else:
        ts = {clusters[i][1] for i in g} - {''}
        if len(ts) != 1:
            continue
        typ = ts.pop()
    order = sorted(g, key=lambda i: {'attack': 0, 'malpedia': 1, 'misp-tool': 2}[clusters[i][0]])
    names, seen = [], set()
    for i in order:
        for n in [clusters[i][2]] + clusters[i][3]:
            k = norm(n)
            if k in seen or not n:
                continue
            seen.add(k)
            names.append(n)
    # A denied name that a hand-written list has (DiskCryptor, the program
    # Malpedia files under Mamba) links no family to that entry.
    hand = {existing[norm(n)] for n in names
            if norm(n) in existing and norm(n) not in DENY and existing[norm(n)][0] in ('malware', 'tool')}
    new = [n for n in names if norm(n) not in existing and norm(n) not in amb]
    for n in new:
        if not usable(n):
            dropped['unusable'] += 1
    new = [n for n in new if usable(n)]
    if not new:
        continue
    if len(hand) > 1:
        continue  # overlaps several hand-written entries: leave them apart
    if hand:
        typ, canon = hand.pop()
        ext = True
    else:
        canon = None
        ext = False
    e = entries.setdefault((typ, canon or new[0]), {'names': [], 'ext': ext})
    for n in new:
        if norm(n) in used:
            continue
        used.add(norm(n))
        e['names'].append(n)

out = []  # (type, canonical, aliases, flags, ext)
droplist = []
for (typ, canon), e in sorted(entries.items(), key=lambda x: (x[0][0], x[0][1].lower())):
    keep = []  # (name, flags)
    for idx, n in enumerate(e['names']):
        wk = word_kind(n)
        flags = {}
        if phrase_in_ref(n):
            droplist.append(n)
            continue
        # A capitalised four-letter word no dictionary has is as often a
        # first name or a word of another language (Rana, Joao, Remy, Caja)
        # as a family: only the names ATT&CK lists.
        if re.fullmatch(r'[A-Z][a-z]{3}', n) and norm(n) not in attack_names:
            droplist.append(n)
            continue
        # Two or more capitalised ordinary words ("Skeleton Key", "Rising
        # Sun", "Red Alert") are also a phrase, a title or an operation's
        # name: not as a sentence's first words, only about threats. A kind
        # word ("Poison Frog" no, "Hunter Stealer" yes) makes it a name.
        # Dropped: `context` is no guard in a threat report, where nearly
        # every sentence is about threats.
        if not single(n) and all(w.lower() in dict_lower or w.lower() in dict_proper for w in n.split()) and \
                not any(KINDWORD.fullmatch(w) for w in n.split()) and n.split()[0] != n.split()[0].upper():
            droplist.append(n)
            continue
        if wk:
            lo = n.replace('-', '').lower()
            # Written in capitals (TEARDROP), the auto case policy matches
            # only that spelling, never the ordinary word. (A capital inside,
            # FireWood, is no protection: "Firewood" matches it, see
            # camelVariant in rules/gazetteer.go.)
            coined = n.isupper()
            if len(n) < 6 or (freq[lo] >= 1 or freq[n.lower()] >= 1) and not (coined and len(n) >= 7):
                droplist.append(n)
                continue
            if not coined:
                # a capitalised word or a person's, place's or myth's name
                # (Phoenix, Maggie, Reynolds, Paradise): in a threat report
                # it is far more often the city, the person or the company,
                # and `context` is no guard there, where nearly every
                # sentence is about threats. Left out.
                droplist.append(n)
                continue
        keep.append((n, flags))
    if not keep:
        continue
    if e['ext']:
        c = canon
        al = keep
    else:
        plain = [k for k in keep if not k[1]]
        first = plain[0] if plain else keep[0]
        c = first[0]
        cflags = first[1]
        al = [k for k in keep if k is not first]
        # the canonical name is an entry of its own; aliases with the same
        # flags go with it, the others get entries of their own
    bykey = collections.OrderedDict()
    if not e['ext']:
        bykey[tuple(sorted(cflags.items()))] = []
    for n, f in al:
        bykey.setdefault(tuple(sorted(f.items())), []).append(n)
    for fk, ns in bykey.items():
        if e['ext'] and not ns:
            continue
        out.append((typ, c, ns, dict(fk), e['ext']))


def q(s):
    return json.dumps(s, ensure_ascii=False)


EXAMPLES = {
    ('malware', False): '''      match:
        - {text: "The dropper installed AcidBox on the host.", expect: [AcidBox]}
        - {text: "The loader decrypts SManager from the registry.", expect: [SManager]}
        - {text: "The backdoor, which Mandiant calls BENCHMARK, beacons hourly.", expect: [BENCHMARK]}
      no_match:
        - "The benchmark ran for an hour."
        # ordinary words and people's, places' and companies' names are
        # left out of the list, whatever the context
        - "At the club, the Bouncer checked every ID."
        - "The attackers then deployed the Bouncer malware."
        - "Ransomware hit two hospitals in Phoenix, Arizona."
        - "The attackers targeted Maggie Chen, a journalist."
        - "Jupyter notebooks are popular with data scientists."''',
    ('malware', True): '''      match:
        - {text: "The campaign delivered Negasteal to the targets.", expect: [Negasteal]}
      no_match:
        - "The word negasteal is in lower case here."''',
    ('tool', False): '''      match:
        - {text: "They wiped the logs with SDelete and dumped hashes with Cachedump.", expect: [SDelete, Cachedump]}
        # lowercase: true (rules/gazetteer_lower.go): a coined name in lower case
        - {text: "They then ran cachedump and sdelete.", expect: [cachedump, sdelete]}
      no_match:
        - "Sdelete, written so, is no name."''',
    ('tool', True): '''      match:
        - {text: "Operators ran Mikatz on the server, then mikatz again.", expect: [Mikatz, mikatz]}
      no_match:
        - "Operators ran MiKatZ on the server."''',
}

lines = []
for typ, prio in (('malware', 71), ('tool', 67)):
    for ext in (False, True):
        sel = [o for o in out if o[0] == typ and o[4] == ext]
        if not sel:
            continue
        rid = f'gaz.{typ}.misp' + ('-extends' if ext else '')
        lines.append(f'  - id: {rid}')
        lines.append('    kind: gazetteer')
        lines.append(f'    type: {typ}')
        lines.append(f'    priority: {prio}')
        lines.append('    case: auto')
        if typ == 'tool':
            # coined names also match in lower case (rules/gazetteer_lower.go)
            lines.append('    lowercase: true')
        what = 'Malware families' if typ == 'malware' else 'Tools'
        if ext:
            lines.append(f'    description: More names, from Malpedia, the MISP tool galaxy and ATT&CK, for {typ} entries the hand-written lists already name (same canonical name)')
        else:
            lines.append(f'    description: {what} of Malpedia, the MISP tool galaxy and ATT&CK that the hand-written lists do not name')
        lines.append('    entries:')
        for _, c, al, fl, _ in sel:
            s = '      - {name: ' + q(c)
            if al:
                s += ', aliases: [' + ', '.join(q(a) for a in al) + ']'
            if fl.get('common') or norm(c) in CONTEXT:
                s += ', common: true'
            if fl.get('context') or norm(c) in CONTEXT:
                s += ', context: true'
            s += '}'
            lines.append(s)
        lines.append('    examples:')
        lines.append(EXAMPLES[(typ, ext)])
print(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'header-software.txt')).read() + '\n'.join(lines))
print(f'# entries={len(out)} dropped-words={len(droplist)} unusable={dropped["unusable"]}: {droplist[:300]}', file=sys.stderr)
