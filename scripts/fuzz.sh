#!/usr/bin/env bash
# Runs every fuzz target of the module for $1 (default 1m) each, with
# FUZZ_PARALLEL workers (default: the number of CPUs), and prints how long
# each target ran. A crasher is written by `go test` under the package's
# testdata/fuzz/FuzzX/ and fails the run: commit it as a regression case.
set -euo pipefail
t=${1:-1m}
par=${FUZZ_PARALLEL:-$(getconf _NPROCESSORS_ONLN)}
summary=()
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for f in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "== $pkg $f ($t, $par workers)"
    start=$(date +%s)
    go test -run='^$' -fuzz="^$f\$" -fuzztime="$t" -parallel="$par" "$pkg"
    summary+=("$(printf '%-50s %-28s %5d s, 0 failures' "$pkg" "$f" $(( $(date +%s) - start )))")
  done
done
printf '%s\n' "== summary" "${summary[@]}"
