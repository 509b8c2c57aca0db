#!/usr/bin/env bash
# Stands in for 'biasdiff group --format json PATH...' with the Beam
# pipeline, so that the grouping scorer can read its events:
#   scripts/beam-group.sh group --format json PATH...
# BEAM_PARTITIONS (default 8) time partitions; bin/biasdiff-beam (make beam).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" != group ] || [ "${2:-}" != --format ] || [ "${3:-}" != json ]; then
  echo "usage: $0 group --format json PATH..." >&2
  exit 2
fi
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/bin/biasdiff-beam" --partitions "${BEAM_PARTITIONS:-8}" --events "$tmp/events.json" "$@" 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
cat "$tmp/events.json"
