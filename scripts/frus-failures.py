#!/usr/bin/env python3
"""List the FRUS gold documents a conversion fails, measure by measure, with what was wanted and what was found.
usage: scripts/frus-failures.py TEI_DIR GOLD_DIR [--measure signed|notes|when_date|from|to|segments] [--volume PREFIX]
(TEI_DIR: `npm run score -- --keep` leaves one per set; GOLD_DIR: ../shared/frus-dev/gold, gold-volume or gold-print.)
It reads documents with score.py's own readers, so what it lists is what score.py counts."""
import argparse, collections, importlib.util, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('score', os.path.join(here, '..', '..', 'shared', 'tools', 'score.py'))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

ap = argparse.ArgumentParser()
ap.add_argument('tei')
ap.add_argument('gold')
ap.add_argument('--measure', action='append')
ap.add_argument('--volume', default='')
a = ap.parse_args()
wanted = set(a.measure or ['segments', 'from', 'to', 'when_date', 'signed', 'notes'])

docs = score.load_docs(a.tei)
by_stem = collections.defaultdict(list)
for d in docs:
    if d.src_file:
        by_stem[os.path.splitext(d.src_file)[0]].append(d)


def where(d):
    return f'{os.path.relpath(d.path, a.tei)} L{d.start}-{d.end}' if d else '(none)'


def check(name, g, sys_docs):
    d = sys_docs[0] if sys_docs else None
    out = []
    if 'from' in wanted and g.get('from'):
        want = [score.name_key(x) for x in g['from']]
        got = d.sender_any if d else []
        signer = score.name_key(g['signed']) if g.get('signed') else None
        if signer:
            got = list(dict.fromkeys(want[0] if k == signer else k for k in got))
        if collections.Counter(want) != collections.Counter(got):
            out.append(('from', want, got))
    if 'to' in wanted and g.get('to'):
        want = [score.name_key(x) for x in g['to']]
        got = d.addressees_any if d else []
        if collections.Counter(want) != collections.Counter(got):
            out.append(('to', want, got))
    if 'when_date' in wanted and g.get('when'):
        want = score.date_part(g['when'] if isinstance(g['when'], str) else score.date_value(g['when']))
        got = score.date_part(d.when) if d and d.when else ''
        if want != got:
            out.append(('when_date', want, got))
    if 'signed' in wanted and g.get('signed'):
        want = score.squash(g['signed']).lower()
        got = [s for x in sys_docs for s in x.signed]
        if not any(s and (want in s or s in want) for s in got):
            out.append(('signed', want, got))
    if 'notes' in wanted:
        gold = score.gold_notes(g.get('notes', []))
        system = [n for x in sys_docs for n in x.notes]
        tp, used = score.notes_matched(gold, system)
        if tp != len(gold) or used != len(system):
            out.append(('notes', gold, system))
    for m, want, got in out:
        print(f'{name}\t{m}\t{where(d)}\n    want {want}\n    got  {got}')


for f in sorted(os.listdir(a.gold)):
    if not f.endswith('.json') or not f.startswith(a.volume):
        continue
    g = json.load(open(os.path.join(a.gold, f)))
    stem = os.path.splitext(f)[0]
    sys_docs = by_stem.get(stem, [])
    if not isinstance(g, list):
        check(stem, g, sys_docs)
        continue
    gdocs = [x for x in g if x.get('start_line')]
    lo, hi = min(x['start_line'] for x in gdocs), max(x.get('end_line') or x['start_line'] for x in gdocs)
    in_range = [d for d in sys_docs if d.start is not None and d.start <= hi and d.end >= lo]
    matched = set()
    taken = set()
    for i, x in enumerate(gdocs):
        hits = [d for d in in_range if d.contains(x['start_line'])]
        ok = len(hits) == 1 and not any(o is not x and hits[0].contains(o['start_line']) for o in gdocs)
        if ok:
            matched.add(id(hits[0]))
        elif 'segments' in wanted:
            print(f'{stem}:{x.get("id")}\tsegment missed\tgold L{x["start_line"]}-{x["end_line"]} head {x.get("head")!r}; TEI {[where(h) for h in hits]}')
        line = x.get('head_line') or x['start_line']
        hits = [d for d in in_range if d.contains(line)]
        d = hits[0] if len(hits) == 1 else None
        if d is not None and id(d) in taken:
            d = None
        if d is not None:
            taken.add(id(d))
        check(f'{stem}:{x.get("id")}', x, [d] if d else [])
    if 'segments' in wanted:
        for d in in_range:
            if id(d) not in matched:
                print(f'{stem}\tsegment false\t{where(d)}')
