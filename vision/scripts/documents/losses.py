#!/usr/bin/env python3
"""Classifies the truth words missing from Sightline's reading of the scanned benchmark pages (DocumentBenchmark
writes them to vision/target/bench-documents/pages/). Usage: losses.py PAGES_DIR 'policy.scan300.p*' [-v]"""
import sys, re, unicodedata, glob, os, difflib
from collections import Counter, defaultdict

def normal_lines(text):
    n = unicodedata.normalize('NFKC', text)
    n = re.sub(r'(?:\s?[.\u00b7]){4,}', ' ', n)
    n = re.sub(r'(\w)-\s*\n\s*(\w)', r'\1\2<HY>', n)  # mark joined hyphenations (benchmark joins only lowercase)
    return n.split('\n')

def typo(t):
    return t.translate(str.maketrans({'’': "'", '‘': "'", '“': '"', '”': '"', '•': '·'}))

def words(t):
    return t.split()

def classify(d, pattern):
    totals = Counter(); examples = defaultdict(list); nwords = 0
    for tf in sorted(glob.glob(os.path.join(d, pattern + '.truth.txt'))):
        base = tf[:-len('.truth.txt')]
        truth = open(tf).read(); read = open(base + '.read.txt').read(); furn = open(base + '.furniture.txt').read()
        tlines = [l for l in normal_lines(truth)]
        twords = []; tline_of = []
        for i, l in enumerate(tlines):
            for w in l.split():
                hy = '<HY>' in w
                twords.append((w.replace('<HY>', ''), i, hy)); tline_of.append(i)
        ow = unicodedata.normalize('NFKC', read).split()
        fw = Counter(unicodedata.normalize('NFKC', furn).split())
        nwords += len(twords)
        avail = Counter(ow)
        lost = []
        for k, (w, i, hy) in enumerate(twords):
            if avail[w] > 0: avail[w] -= 1
            else: lost.append(k)
        # alignment for joined/split/misread
        sm = difflib.SequenceMatcher(None, [w for w, _, _ in twords], ow, autojunk=False)
        repl = {}
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag in ('replace', 'delete'):
                for k in range(i1, i2): repl[k] = (tag, i1, i2, j1, j2)
        line_lost = Counter(twords[k][1] for k in lost)
        line_len = Counter(i for _, i, _ in twords)
        for k in lost:
            w, i, hy = twords[k]
            cat = None
            if fw[w] > 0:
                fw[w] -= 1; cat = 'furniture'
            elif hy:
                cat = 'hyphenation'
            elif line_lost[i] >= max(1, 0.8 * line_len[i]) and line_len[i] >= 1 and k in repl and repl[k][0] == 'delete':
                cat = 'line not read'
            elif k in repl:
                tag, i1, i2, j1, j2 = repl[k]
                tj = ''.join(x for x, _, _ in twords[i1:i2]); oj = ''.join(ow[j1:j2])
                if tag == 'delete':
                    cat = 'word dropped'
                elif '_' in oj and oj.replace('_', '') == tj.replace(' ', ''):
                    cat = 'truth lacks underscore (drawn as a rule)'
                elif re.fullmatch(r'#+', tj.replace(' ', '')) and ('技' in oj or '#' in oj):
                    cat = 'rule of # misread'
                elif typo(tj) == typo(oj) and tj != oj:
                    cat = 'typographic form (quote, bullet)'
                elif tj == oj:
                    cat = 'joined' if (j2 - j1) < (i2 - i1) else 'split'
                else:
                    # punctuation / case only?
                    strip = lambda s: re.sub(r'[^\w]', '', s).lower()
                    if strip(tj) == strip(oj):
                        cat = 'punctuation or case'
                    elif difflib.SequenceMatcher(None, tj, oj).ratio() > 0.6:
                        if tj.replace(' ', '') and (j2 - j1) != (i2 - i1):
                            cat = 'joined/split + misread'
                        else:
                            cat = 'misread'
                    else:
                        cat = 'other (order or lost)'
            else:
                cat = 'same word lost at another place (bag count)'
            code = bool(re.search(r'[{}();_=<>#/$]|^\s{2,}', tlines[i])) 
            totals[cat] += 1
            totals['  of which in code-like lines'] += code
            if len(examples[cat]) < 6:
                ctx = ' '.join(x for x, _, _ in twords[max(0, k-3):k+4])
                out = ''
                if k in repl: out = ' '.join(ow[repl[k][3]:repl[k][4]])[:60]
                examples[cat].append(f'{os.path.basename(base)}: {w!r} in "{ctx}" -> "{out}"')
    return nwords, totals, examples

if __name__ == '__main__':
    d, pattern = sys.argv[1], sys.argv[2]
    n, t, ex = classify(d, pattern)
    lost = sum(v for k, v in t.items() if not k.startswith(' '))
    print(f'{pattern}: truth words {n}, lost {lost} (recall {1 - lost / n:.3f})')
    for k, v in t.most_common():
        print(f'  {k}: {v}')
    if '-v' in sys.argv:
        for k, l in ex.items():
            print('--', k); [print('   ', e) for e in l]
