#!/usr/bin/env bash
# Throughput of biasdiff's reading pipeline (read + clean + segment + quotes
# + tokens) on one core, next to `wc -w` on the same bytes, and the cold-start
# time of `biasdiff compare` on the embedded sample next to `wc -w` on it.
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
BIASDIFF_BENCH_DIR="$tmp/corpus" go test -run='^$' -bench=. -benchmem -cpu=1 -count=3 \
  ./corpus/ ./corpus/segment/ ./corpus/token/ ./corpus/quote/ ./corpus/mdread/ ./corpus/htmlread/ ./align/... | tee "$tmp/bench.txt" | grep -E '^Benchmark'

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
