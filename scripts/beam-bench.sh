#!/usr/bin/env bash
# The Beam pipeline beside `biasdiff corpus` on one generated corpus:
# wall time and peak memory of each, side by side, and whether the outputs
# are the same bytes.
#   scripts/beam-bench.sh [N] [PARTITIONS]   (make beam-bench N=20000 K=8)
# N reports (default 20000), made by `make corpus` into $TMPDIR once and
# kept there; bin/biasdiff and bin/biasdiff-beam must be built (make build
# beam). Each run writes md,html, as `biasdiff corpus` does by default.
set -euo pipefail
n=${1:-20000}
k=${2:-8}
in=${TMPDIR:-/tmp}/biasdiff-bench-corpus-$n
if [ ! -d "$in" ]; then
  make -s corpus N="$n" OUT="$in.tmp" >/dev/null
  mv "$in.tmp" "$in"
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# measure NAME COMMAND...: wall seconds and peak resident MB of the
# command (and its children), on one line.
measure() {
  local name=$1; shift
  python3 - "$name" "$@" <<'PY'
import resource, subprocess, sys, time
name, cmd = sys.argv[1], sys.argv[2:]
t = time.perf_counter()
r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t
if r.returncode != 0:
    sys.exit("%s failed (exit %d): %s" % (name, r.returncode, r.stderr.strip()[-400:]))
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("| %-38s | %7.1f s | %6.0f MB |" % (name, wall, rss))
PY
}
echo "$n reports ($(du -sh "$in" | cut -f1)), $(nproc) CPUs"
echo
echo "| run                                    |      wall |      peak |"
echo "| -------------------------------------- | --------- | --------- |"
measure "biasdiff corpus" bin/biasdiff corpus -o "$out/corpus" "$in"
measure "biasdiff-beam, 1 partition (Prism)" bin/biasdiff-beam -o "$out/beam1" "$in"
measure "biasdiff-beam, $k partitions (Prism)" bin/biasdiff-beam --partitions "$k" -o "$out/beamk" "$in"
echo
if diff -rq "$out/corpus" "$out/beam1" >/dev/null; then
  echo "1 partition: the same files as biasdiff corpus, byte for byte ($(ls "$out/corpus" | wc -l) files)"
else
  echo "1 partition: DIFFERS from biasdiff corpus:"; diff -rq "$out/corpus" "$out/beam1" | head
  exit 1
fi
events() { head -1 "$1/index.md" | grep -o '[0-9,]* events\?$' | cut -d' ' -f1; }
echo "$k partitions: $(events "$out/beamk") events in the index, one machine $(events "$out/corpus")"
