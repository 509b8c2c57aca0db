#!/usr/bin/env bash
# Throughput of biasdiff's reading pipeline (read + clean + segment + quotes
# + tokens) on one core, next to `wc -w` on the same bytes, and the cold-start
# time of `biasdiff compare` on the embedded sample next to `wc -w` on it,
# and grouping and corpus mode on generated corpora of 2,000 and 20,000
# reports next to `wc -w` on the same files; then long texts: corpus mode
# on 300 reports of ~220 KB next to 300 short ones, and compare on one 5 MB
# unpunctuated line.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=bin/biasdiff
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ms_median CMD...: median wall time of 15 runs, in milliseconds (3 decimals).
ms_median() {
  local times=()
  for _ in $(seq 15); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1e6}'
}

echo "== Go benchmarks (one core)"
mkdir -p "$tmp/corpus"
# -p 1: one package's benchmarks at a time, each alone on the machine (go
# test runs packages side by side otherwise, and they slow each other).
BIASDIFF_BENCH_DIR="$tmp/corpus" go test -p 1 -run='^$' -bench=. -benchmem -cpu=1 -count=3 \
  ./corpus/ ./corpus/segment/ ./corpus/token/ ./corpus/quote/ ./corpus/mdread/ ./corpus/htmlread/ ./corpus/textmap/ ./align/... ./frame/ ./report/ | tee "$tmp/bench.txt" | grep -E '^Benchmark'

bytes=$(cat "$tmp"/corpus/* | wc -c)
# field before a unit, median over the -count runs
metric() { grep '^BenchmarkPipeline' "$tmp/bench.txt" | awk -v u="$1" '{for (i=2;i<=NF;i++) if ($i==u) print $(i-1)}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mbs=$(metric MB/s)
cpumbs=$(metric cpu-MB/s)
wc_ms=$(ms_median wc -w "$tmp"/corpus/*)
wc_mbs=$(awk -v b="$bytes" -v ms="$wc_ms" 'BEGIN {printf "%.1f", b/1e6/(ms/1000)}')
echo
echo "== Pipeline throughput on $(ls "$tmp/corpus" | wc -l) files, $bytes bytes"
echo "biasdiff pipeline: $mbs MB/s wall, $cpumbs MB per CPU second (median of 3, GOMAXPROCS=1; target >= 20 MB/s on one core)"
echo "wc -w, same files: $wc_mbs MB/s ($wc_ms ms)"
awk -v a="$mbs" -v b="$wc_mbs" 'BEGIN {printf "ratio wc -w / biasdiff (wall): %.1fx\n", b/a}'

echo
echo "== Cold process on the embedded sample (median of 15 runs)"
samp_ms=$(ms_median "$bin" compare)
wcs_ms=$(ms_median wc -w corpus/sample/*.txt)
echo "biasdiff compare: $samp_ms ms (target < 50 ms)"
echo "wc -w on the same five files: $wcs_ms ms"
awk -v a="$samp_ms" -v b="$wcs_ms" 'BEGIN {printf "ratio biasdiff / wc -w: %.1fx\n", a/b}'
# Issue 22: the term table alone computes only what it needs (package
# analysis): the claims and quotes aligned and the concept finder.
terms_ms=$(ms_median "$bin" compare --sections terms)
over_ms=$(ms_median "$bin" compare --sections overview)
echo "biasdiff compare --sections terms: $terms_ms ms; --sections overview (reading and rendering alone): $over_ms ms"
awk -v a="$terms_ms" -v b="$samp_ms" 'BEGIN {printf "ratio terms / full compare: %.2fx (target <= 0.5x)\n", a/b}'

# The same against the last commits before alignment by meaning (issue
# 19) and before term rows by confidence and predicates (issue 20), built
# in this run: the targets are at most 1.5x their time.
baseline() { # commit, label
  local base=$1 label=$2
  if git cat-file -e "$base^{commit}" 2>/dev/null; then
    mkdir -p "$tmp/base-$base"
    git archive "$base" | tar -x -C "$tmp/base-$base"
    (cd "$tmp/base-$base" && go build -o "$tmp/biasdiff-$base" ./cmd/biasdiff)
    local base_ms now_ms
    base_ms=$(ms_median "$tmp/biasdiff-$base" compare)
    now_ms=$(ms_median "$bin" compare)
    echo "biasdiff compare now: $now_ms ms; at $base ($label): $base_ms ms"
    awk -v a="$now_ms" -v b="$base_ms" -v l="$label" 'BEGIN {printf "ratio now / %s: %.2fx (target <= 1.5x)\n", l, a/b}'
  else
    echo "(commit $base not in this clone: no baseline $label for the cold compare)"
  fi
}
baseline f7740ee "before issue 19"
baseline 51fa12f "before issue 20"
claims_ns=$(grep '^BenchmarkClaims' "$tmp/bench.txt" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "one event of 50 reports aligned (BenchmarkClaims, median of 3): $(awk -v n="$claims_ns" 'BEGIN {printf "%.3f", n/1e9}') s (target < 1 s)"

echo
echo "== Grouping at scale (make corpus; median of 3 runs, each next to a run of wc -w; peak RSS from /usr/bin/time)"
extra=""
[ -f ../shared/eval/grouping/dev.jsonl ] && extra="-text ../shared/eval/grouping/dev.jsonl"
declare -A secs
for n in 2000 20000; do
  go run ./internal/corpusgen -n "$n" -o "$tmp/c$n" $extra
  runs=()
  for _ in 1 2 3; do
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" group --format json "$tmp/c$n" >/dev/null
    t1=$(date +%s%N)
    w0=$(date +%s%N); wc -w "$tmp/c$n"/* >/dev/null; w1=$(date +%s%N)
    runs+=("$(( t1 - t0 )) $(( w1 - w0 )) $(cat "$tmp/rss")")
  done
  # the run with the median time, and the median wc -w of the three
  read -r gt _ rss < <(printf '%s\n' "${runs[@]}" | sort -n -k1,1 | sed -n 2p)
  wt=$(printf '%s\n' "${runs[@]}" | awk '{print $2}' | sort -n | sed -n 2p)
  s=$(awk -v a="$gt" 'BEGIN {printf "%.2f", a/1e9}')
  w=$(awk -v a="$wt" 'BEGIN {printf "%.3f", a/1e9}')
  secs[$n]=$s
  echo "group $n reports ($(du -sh "$tmp/c$n" | cut -f1)): $s s, peak RSS $(( rss / 1024 )) MB; wc -w: $w s; ratio $(awk -v a="$s" -v b="$w" 'BEGIN {printf "%.1f", a/b}')x (target <= 10x)"
done
awk -v a="${secs[2000]}" -v b="${secs[20000]}" 'BEGIN {printf "growth 2k -> 20k: n^%.2f (target <= n^1.2)\n", log(b/a)/log(10)}'

echo
echo "== Corpus mode at scale (reading to the written index; one run each)"
declare -A csecs
for n in 2000 20000; do
  rm -rf "$tmp/out$n"
  t0=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" corpus --quiet "$tmp/c$n" -o "$tmp/out$n"
  t1=$(date +%s%N)
  w0=$(date +%s%N); wc -w "$tmp/c$n"/* >/dev/null; w1=$(date +%s%N)
  s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b-a)/1e9}')
  w=$(awk -v a="$w0" -v b="$w1" 'BEGIN {printf "%.3f", (b-a)/1e9}')
  csecs[$n]=$s
  events=$(ls "$tmp/out$n" | grep -c '^e[0-9].*\.md$' || true)
  echo "corpus $n reports: $s s (target < 60 s at 20,000), peak RSS $(( $(cat "$tmp/rss") / 1024 )) MB (target < 2048 MB), $events events written; wc -w: $w s; ratio $(awk -v a="$s" -v b="$w" 'BEGIN {printf "%.1f", a/b}')x (target <= 15x)"
done
awk -v a="${csecs[2000]}" -v b="${csecs[20000]}" 'BEGIN {printf "growth 2k -> 20k: n^%.2f (target <= n^1.2)\n", log(b/a)/log(10)}'

echo
echo "== Long reports in corpus mode (issue 18: 300 reports of ~220 KB took 3.06 GB and 14 minutes; one run each, next to 300 short ones)"
go run ./internal/corpusgen -n 300 -o "$tmp/short300" $extra
go run ./internal/corpusgen -n 300 -words 36000 -o "$tmp/long300" $extra
declare -A lsecs lrss
for c in short300 long300; do
  rm -rf "$tmp/out-$c"
  t0=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" corpus --quiet "$tmp/$c" -o "$tmp/out-$c"
  t1=$(date +%s%N)
  lsecs[$c]=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b-a)/1e9}')
  lrss[$c]=$(( $(cat "$tmp/rss") / 1024 ))
done
echo "corpus 300 short reports ($(du -sh "$tmp/short300" | cut -f1)): ${lsecs[short300]} s, peak RSS ${lrss[short300]} MB (the baseline)"
echo "corpus 300 long reports ($(du -sh "$tmp/long300" | cut -f1)): ${lsecs[long300]} s (target < 120 s), peak RSS ${lrss[long300]} MB (target < 1024 MB)"
awk -v a="${lsecs[long300]}" -v b="${lsecs[short300]}" -v m="${lrss[long300]}" -v n="${lrss[short300]}" \
  'BEGIN {printf "ratio long / short: time %.0fx, peak RSS %.1fx (issue 18: 59x, 3.06 GB against 52 MB; memory is now bounded by the analysis budget, 896 MiB by default, not by the text)\n", a/b, m/n}'

echo
echo "== One 5 MB line without punctuation (issue 18: compare took 68 s), next to a normal report"
mkdir -p "$tmp/line"
words=$(cat corpus/sample/*.txt | tr -cs 'A-Za-z' ' ')
{ echo "One long line"; echo; while :; do printf '%s' "$words"; done | head -c 5000000; echo; } > "$tmp/line/long.txt" || true
cp "$(ls corpus/sample/*.txt | head -1)" "$tmp/line/normal.txt"
t0=$(date +%s%N)
/usr/bin/time -f "%M" -o "$tmp/rss" "$bin" compare "$tmp/line/long.txt" "$tmp/line/normal.txt" >/dev/null
t1=$(date +%s%N)
w0=$(date +%s%N); wc -w "$tmp/line"/* >/dev/null; w1=$(date +%s%N)
s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b-a)/1e9}')
echo "compare, 5 MB line + normal report: $s s (target < 10 s), peak RSS $(( $(cat "$tmp/rss") / 1024 )) MB; wc -w: $(awk -v a="$w0" -v b="$w1" 'BEGIN {printf "%.3f", (b-a)/1e9}') s"
