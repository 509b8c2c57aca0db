#!/usr/bin/env python3
"""How far better grouping alone could take biasdiff's concepts on NewsWCL50.

usage: eval_ceiling.py --biasdiff BIN --scorer SCORE_FRAMING_PY EVENT_DIR...

For each event, runs the scorer's own `run` and `score_concepts` (imported, not
copied) twice: on biasdiff's concepts as they are, and on the same mentions
after an oracle has joined every two tool concepts whose mentions mostly match
the same gold concept. A third row is perfect grouping: every gold mention the
tool finds (by the scorer's rule) sits with exactly the others of its gold
concept, so precision is 1 and only mentions never found cost recall and
contrasts. The oracles change no mention: they show how far better grouping
of what the tool finds could go; the rest is mention finding.
"""
import argparse, collections, importlib.util, json, os


def load_scorer(path):
    spec = importlib.util.spec_from_file_location('score_framing', path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def matches(sf, gold, texts, report):
    """yields (gold concept, outlet, phrase, ids of the tool concepts that hold it), by the scorer's rule"""
    tool = collections.defaultdict(list)
    for c in report.get('concepts', []) or []:
        for m in c.get('mentions', []) or []:
            tool[sf.outlet_of(m, report)].append((m['start'], m['end'], sf.norm(m['text']), c['id']))
    for g in gold['concepts']:
        if g['type'] not in sf.TIGHT:
            continue
        for outlet, phrases in g['mentions'].items():
            for ph in phrases:
                occ = sf.occurrences(texts.get(outlet, ''), ph)
                yield g, outlet, ph, [cid for s, e, t, cid in tool.get(outlet, [])
                                      if t == sf.norm(ph) or any(sf.overlap((s, e), o) for o in occ)]


def majority(sf, gold, texts, report):
    """tool concept id -> the gold concept most of its matched units belong to"""
    votes = collections.defaultdict(collections.Counter)
    for g, _, _, cids in matches(sf, gold, texts, report):
        for cid in cids:
            votes[cid][g['id']] += 1
    return {cid: max(v.items(), key=lambda kv: (kv[1], kv[0]))[0] for cid, v in votes.items()}


def merged(report, owner):
    out, first = [], {}
    for c in report.get('concepts', []) or []:
        g = owner.get(c['id'])
        if g is None:
            out.append(c)
        elif g in first:
            first[g]['mentions'] = first[g]['mentions'] + c['mentions']
        else:
            first[g] = dict(c)
            out.append(first[g])
    return dict(report, concepts=out)


def perfect(sf, gold, texts, report):
    """B-cubed and contrasts if the found gold mentions were grouped perfectly"""
    units, found = collections.Counter(), collections.Counter()
    hit = set()
    for g, outlet, ph, cids in matches(sf, gold, texts, report):
        units[g['id']] += 1
        if cids:
            found[g['id']] += 1
            hit.add((g['id'], outlet, sf.norm(ph)))
    eligible, surfaced = 0, 0.0
    for g in gold['concepts']:
        if g['type'] not in sf.TIGHT:
            continue
        per = {o: {sf.norm(x) for x in ph} for o, ph in g['mentions'].items() if ph}
        pairs = [((x, a), (y, b)) for x in per for y in per if x < y for a in per[x] - per[y] for b in per[y] - per[x]]
        if pairs:
            eligible += 1
            surfaced += sum(1 for (x, a), (y, b) in pairs if (g['id'], x, a) in hit and (g['id'], y, b) in hit) / len(pairs)
    n = sum(units.values())
    if not n:
        return None
    r = sum(found[g] * found[g] / units[g] for g in found) / n
    p = 1.0 if found else 0.0
    return {'precision': p, 'recall': r, 'f1': 2 * p * r / (p + r) if p + r else 0.0,
            'contrasts_eligible': eligible, 'contrasts_surfaced': surfaced}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--biasdiff', required=True)
    ap.add_argument('--scorer', required=True)
    ap.add_argument('events', nargs='+')
    a = ap.parse_args()
    sf = load_scorer(a.scorer)
    rows = {'as found': [], 'oracle merge': [], 'perfect grouping': []}
    for d in a.events:
        gold = json.load(open(os.path.join(d, 'gold.json')))
        if not gold.get('concepts'):
            continue
        texts = {os.path.splitext(f)[0]: open(os.path.join(d, f), encoding='utf-8').read()
                 for f in os.listdir(d) if f.endswith('.txt')}
        report, _ = sf.run(a.biasdiff, d)
        for name, rep in (('as found', report), ('oracle merge', merged(report, majority(sf, gold, texts, report)))):
            s = sf.score_concepts(gold, texts, rep)
            if s:
                rows[name].append(s)
        s = perfect(sf, gold, texts, report)
        if s:
            rows['perfect grouping'].append(s)
    for name, ss in rows.items():
        if not ss:
            continue
        mean = lambda k: sum(s[k] for s in ss) / len(ss)
        contrasts = sum(s['contrasts_surfaced'] for s in ss) / max(1, sum(s['contrasts_eligible'] for s in ss))
        print('%-16s concept F1 %.3f  precision %.3f  recall %.3f  contrasts %.3f' % (
            name, mean('f1'), mean('precision'), mean('recall'), contrasts))


if __name__ == '__main__':
    main()
