#!/usr/bin/env python3
"""Sanity checks for the gold set (run from anywhere: python3 tests/gold/check.py).

- every *.claims.yaml parses and uses only the fields/values of docs/claim-file.md
- every `figure` occurs at its `line` and `column` (1-based, characters)
- every metric id is SUBJECT.MEASURE[:SCOPE] with ids from claims/knowledge/metrics.yaml,
  and the kind is one the measure allows (streak is allowed for any measure)
- digits of `value` match the digits of `figure` (for figures written with digits)
- source-list entries and `restates` point at existing lines
"""
import glob, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
cat = yaml.safe_load(open(os.path.join(ROOT, 'claims/knowledge/metrics.yaml')))
SUBJ = {s['id'] for s in cat['subjects']}
MEAS = {m['id']: set(m['kinds']) for m in cat['measures']}
SCOPE = {s['id'] for s in cat['scopes']}
UNITS = {'percent', 'pp', 'bp', 'count', 'streak', 'multiple'}
SCALES = {'one', 'thousand', 'million', 'billion', 'trillion'}
QUALS = {'about', 'over', 'under', 'at-least', 'at-most', 'exactly'}
KINDS = {'level', 'growth', 'share', 'margin', 'count', 'streak'}
BASES = {'yoy', 'qoq', 'vs-estimate', 'cagr', 'other'}
FROMS = {'clause', 'sentence', 'paragraph', 'heading', 'article', 'none'}
CLAIM_KEYS = {'figure', 'line', 'column', 'value', 'unit', 'scale', 'qualifier', 'metric', 'kind',
              'basis', 'of', 'entity', 'period', 'sourcing', 'outlook', 'note'}
ART_KEYS = {'path', 'title', 'outlet', 'author', 'published', 'entity', 'primary', 'sources'}
SRC_KEYS = {'citations', 'link', 'attribution', 'restates'}

errors = []
def err(f, msg):
    errors.append(f'{os.path.basename(f)}: {msg}')

total = 0
files = sorted(glob.glob(os.path.join(HERE, '*.claims.yaml')))
for f in files:
    d = yaml.safe_load(open(f, encoding='utf-8'))
    if d.get('claimcheck') != 1: err(f, 'missing claimcheck: 1')
    art = d['article']
    for k in art:
        if k not in ART_KEYS: err(f, f'unknown article key {k}')
    for k in ('path', 'entity'):
        if k not in art: err(f, f'article.{k} missing')
    ap = os.path.join(os.path.dirname(f), art['path'])
    lines = open(ap, encoding='utf-8').read().split('\n')
    for s in art.get('sources', []):
        if not (1 <= s['line'] <= len(lines)) or f"[{s['marker']}]" not in lines[s['line'] - 1]:
            err(f, f"source [{s['marker']}] not at line {s['line']}")
    seen = set()
    for i, c in enumerate(d['claims']):
        total += 1
        tag = f"claim {i+1} {c.get('figure')!r} (line {c.get('line')})"
        for k in c:
            if k not in CLAIM_KEYS: err(f, f'{tag}: unknown key {k}')
        fig, ln, col = c['figure'], c['line'], c['column']
        if not (1 <= ln <= len(lines)) or lines[ln - 1][col - 1:col - 1 + len(fig)] != fig:
            err(f, f'{tag}: figure not at line {ln} column {col}')
        if (ln, col) in seen: err(f, f'{tag}: duplicate position')
        seen.add((ln, col))
        if not isinstance(c['value'], str): err(f, f'{tag}: value not a string')
        v = c['value']
        if not re.fullmatch(r'-?\d+(\.\d+)?(\.\.-?\d+(\.\d+)?)?', v): err(f, f'{tag}: bad value {v}')
        if re.search(r'\d', fig):
            fd = re.sub(r'\D', '', fig)
            vd = re.sub(r'\D', '', v.replace('..', ''))
            if fd != vd: err(f, f'{tag}: value digits {vd} != figure digits {fd}')
        u = c['unit']
        if u not in UNITS and not re.fullmatch(r'[A-Z]{3}', u): err(f, f'{tag}: bad unit {u}')
        if c.get('scale', 'one') not in SCALES: err(f, f'{tag}: bad scale')
        if 'qualifier' in c and c['qualifier'] not in QUALS: err(f, f'{tag}: bad qualifier')
        k = c['kind']
        if k not in KINDS: err(f, f'{tag}: bad kind {k}')
        if k == 'growth' and c.get('basis') not in BASES: err(f, f'{tag}: growth without valid basis')
        if k != 'growth' and 'basis' in c: err(f, f'{tag}: basis on non-growth')
        if 'of' in c and k != 'share': err(f, f'{tag}: of on non-share')
        m = c['metric']
        if m is not None:
            mm = re.fullmatch(r'([a-z-]+)\.([a-z-]+)(?::([a-z-]+))?', m)
            if not mm: err(f, f'{tag}: malformed metric {m}')
            else:
                s, me, sc = mm.groups()
                if s not in SUBJ: err(f, f'{tag}: unknown subject {s}')
                if me not in MEAS: err(f, f'{tag}: unknown measure {me}')
                elif k != 'streak' and k not in MEAS[me]: err(f, f'{tag}: kind {k} not allowed for {me}')
                if sc and sc not in SCOPE: err(f, f'{tag}: unknown scope {sc}')
        if 'of' in c and c['of'] not in SUBJ: err(f, f'{tag}: of={c["of"]} not a subject')
        p = c['period']
        if set(p) - {'label', 'from', 'context'} or p.get('from') not in FROMS or not isinstance(p.get('label'), str):
            err(f, f'{tag}: bad period {p}')
        if (p['label'] == '') != (p['from'] == 'none'): err(f, f'{tag}: label/from mismatch')
        src = c.get('sourcing') or {}
        for sk in src:
            if sk not in SRC_KEYS: err(f, f'{tag}: bad sourcing key {sk}')
        if 'restates' in src and not (1 <= src['restates'] <= len(lines)): err(f, f'{tag}: restates out of range')
        if 'outlook' in c and not isinstance(c['outlook'], bool): err(f, f'{tag}: outlook not bool')
    print(f'{os.path.basename(f)}: {len(d["claims"])} claims')
print(f'total: {total} claims in {len(files)} files')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
