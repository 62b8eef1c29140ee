#!/usr/bin/env python3
"""Categorise segmentation errors of converted volumes against gold-volume/gold-print.
usage: scripts/segmentation-errors.py TEI_DIR GOLD_DIR TEXT_DIR [-v]
(TEI_DIR: a `chancery convert` of frus-dev volumes; GOLD_DIR, TEXT_DIR: ../shared/frus-dev/gold-volume, volume)"""
import sys, os, re, json, collections
import xml.etree.ElementTree as ET
TEI='{http://www.tei-c.org/ns/1.0}'
tei_dir, gold_dir, text_dir = sys.argv[1:4]
verbose = '-v' in sys.argv
for f in sorted(os.listdir(gold_dir)):
    if not f.endswith('.json'): continue
    stem=f[:-5]
    g=json.load(open(os.path.join(gold_dir,f)))
    lines=open(os.path.join(text_dir,stem+'.txt')).read().split('\n')
    docs=[]
    for x in sorted(os.listdir(os.path.join(tei_dir,stem))):
        r=ET.parse(os.path.join(tei_dir,stem,x)).getroot()
        for idno in r.iter(TEI+'idno'):
            m=re.match(r'.+#L(\d+)-L?(\d+)',idno.text or '')
            if idno.get('type')=='source' and m: docs.append((int(m.group(1)),int(m.group(2)),x)); break
    cats=collections.Counter(); ex=collections.defaultdict(list)
    starts=[d['start_line'] for d in g]
    for i,d in enumerate(g):
        s=d['start_line']; e=d['end_line']
        hits=[t for t in docs if t[0]<=s<=t[1]]
        if len(hits)==1 and not any(o!=s and hits[0][0]<=o<=hits[0][1] for o in starts):
            cats['ok']+=1; continue
        if not hits: cat='no doc holds start'
        elif len(hits)>1: cat='several docs hold start'
        else:
            t=hits[0]
            others=[o for o in starts if o!=s and t[0]<=o<=t[1]]
            # is next doc's start inside (merged with next) or previous
            if any(o> s for o in others) and t[0]>= (g[i-1]['end_line']+1 if i else 0) - 0:
                # does t start at s ?
                cat='merged with following'
            else:
                cat='merged with preceding'
            # refine: t starts at head line of next doc: file number left behind
            nxt=g[i+1] if i+1<len(g) else None
            if nxt and nxt['start_line']<=t[1] and nxt['head_line'] and t[1] >= nxt['start_line'] and t[1] < (nxt['head_line'] or 0):
                cat='next doc\'s lines above head left in this doc'
        cats[cat]+=1; ex[cat].append((d['id'],s,d['head_line'],lines[(d['head_line'] or s)-1][:70]))
    fp=[t for t in docs if not any(t[0]<=s<=t[1] for s in starts)]
    print(stem, 'gold',len(g),'tei',len(docs), dict(cats), 'tei docs holding no start',len(fp))
    for c,l in ex.items():
        print('  ',c,len(l))
        for e in l[:(40 if verbose else 4)]: print('     ',e)
    for t in fp[:(40 if verbose else 4)]: print('    FP',t,lines[t[0]-1][:70])
