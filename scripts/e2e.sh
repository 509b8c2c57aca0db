#!/usr/bin/env bash
# End-to-end check of the HTML report in a real browser: renders the page of
# the embedded sample, opens it in headless Chromium with every host name
# unresolvable, and fails if the page logs a console error, tries the
# network, or lacks its sections. Leaves screenshots for a human to look at:
#
#   report/testdata/html/sample.png        desktop, 1280 px wide (top of the page)
#   report/testdata/html/sample-phone.png  phone, 390 px wide (top of the page)
#   report/testdata/html/sample-choices.png the word choices: the reports'
#                                          texts with the marks highlighted
#
# Usage: bash scripts/e2e.sh        (installs Chromium with apt-get if missing)
# Env:   BROWSER=/path/to/chrome    use that browser
#        E2E_PAGE=file.html         check that page instead of rendering the sample
#        E2E_OUT=dir                where the screenshots go (default above)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${E2E_OUT:-report/testdata/html}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
say() { printf '%s\n' "$*"; }
bad() { printf 'FAIL: %s\n' "$*" >&2; fail=1; }

say "== build"
go build -o bin/biasdiff ./cmd/biasdiff
page="$tmp/sample.html"
# The CLI's --format html once it exists; the test helper until then.
if [ -n "${E2E_PAGE:-}" ]; then
  cp "$E2E_PAGE" "$page"
  say "page: $E2E_PAGE"
elif bin/biasdiff compare --format html >"$page" 2>/dev/null && [ -s "$page" ]; then
  say "page: bin/biasdiff compare --format html"
else
  BIASDIFF_E2E_OUT="$page" go test ./report -run '^TestE2EPage$' -count=1 >/dev/null
  say "page: go test ./report -run TestE2EPage (bin/biasdiff has no --format html yet)"
fi
[ -s "$page" ] || { bad "no page rendered"; exit 1; }
say "$(wc -c <"$page") bytes"

say "== browser"
browser=${BROWSER:-}
if [ -z "$browser" ]; then
  for b in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
  done
fi
if [ -z "$browser" ]; then
  say "no Chromium found: installing it with apt-get"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; } ||
    ! browser=$(command -v chromium); then
    # Not a pass: this machine cannot run the check. Say so loudly.
    say "e2e: SKIPPED: no Chromium here and apt-get could not install one"
    exit 0
  fi
fi
say "$browser: $("$browser" --version 2>/dev/null || echo '?')"

# Every host name fails to resolve, so nothing leaves the machine; the
# NetLog records every request all the same, and the page's own are those
# whose network isolation key is its file:// site (the browser's own
# background requests have another key). --log-level=0 logs each console
# message as INFO:CONSOLE: a page with no script should log none.
flags=(
  --headless=new --no-sandbox --disable-gpu --hide-scrollbars
  --no-first-run --no-default-browser-check --disable-extensions
  --disable-background-networking --disable-component-update --disable-sync
  --disable-default-apps --metrics-recording-only --mute-audio
  '--host-resolver-rules=MAP * ~NOTFOUND'
  --user-data-dir="$tmp/profile"
  --enable-logging=stderr --log-level=0
)
url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"

# run NAME ARGS...: the browser on the page at $url, its stderr in
# $tmp/NAME.log.
run() {
  local name=$1
  shift
  if ! timeout 120 "$browser" "${flags[@]}" --log-net-log="$tmp/$name.netlog" "$@" "$url" 2>"$tmp/$name.log"; then
    bad "$name: the browser failed"
    tail -n 20 "$tmp/$name.log" >&2
  fi
}

run dom --dump-dom >"$tmp/dom.html"
run desktop --window-size=1280,2000 --screenshot="$tmp/sample.png"
run phone --window-size=390,2400 --screenshot="$tmp/sample-phone.png"
# The word choices on a page of their own (a fragment does not scroll a
# headless screenshot).
bin/biasdiff compare --format html --sections choices >"$tmp/choices.html"
url_all=$url
url="file://$tmp/choices.html"
run choices --window-size=1280,1600 --screenshot="$tmp/sample-choices.png"
url=$url_all

say "== checks"
# The DOM as the browser built it: every section there. (--dump-dom needs
# script to serialize; the page has none, so it reads the same without.)
dom="$tmp/dom.html"
[ -s "$dom" ] || bad "empty DOM"
for h in 'How to read this report' 'Reports' 'Term choice' 'Mentions in context' 'Omission' 'Emphasis' 'Attribution' 'Distinctive words' 'Claims' 'Quotes' 'Word choices' 'Questions for a class'; do
  grep -q "<h[23][^>]*>$h" "$dom" || bad "no heading \"$h\""
done
grep -q '<ins>' "$dom" || bad "no word difference marked"
grep -q 'class="pos pos-headline"' "$dom" || bad "no heat-map cell"
grep -q '<svg class="bars"' "$dom" || bad "no bar chart"
# The word choices in view: marks highlighted by kind in the reports'
# texts, each with its reason on hover, and the legend of the kinds.
marks=$({ grep -o '<mark class="k-[a-z]*" title="[^"]*' "$dom" || true; } | wc -l)
[ "$marks" -gt 0 ] || bad "no word choice highlighted with its reason"
for k in label loaded verb hedge anonymous quoted distinctive; do
  grep -q "<li><mark class=\"k-$k\">" "$dom" || bad "legend lacks the kind $k"
done
say "$marks word choices highlighted, legend complete"
# Every cut declared under its table.
cuts=$({ grep -o '<p class="note">[0-9]* of [0-9]* [a-z ]* shown' "$dom" || true; } | wc -l)
[ "$cuts" -gt 0 ] || bad "no declared cut (the sample's tables are cut at --top 20)"
say "$cuts cuts declared"
if grep -qi '<script' "$page" "$dom"; then bad "a script element"; fi
# Links inside the page must land on an element of the page.
{ grep -o 'href="#[^"]*"' "$dom" || true; } | sed 's/^href="#//; s/"$//' | sort -u >"$tmp/targets"
{ grep -o ' id="[^"]*"' "$dom" || true; } | sed 's/^ id="//; s/"$//' | sort -u >"$tmp/ids"
missing=$(comm -23 "$tmp/targets" "$tmp/ids")
[ -z "$missing" ] || bad "links to no element: $(echo "$missing" | head -5 | tr '\n' ' ')"
say "$(wc -l <"$tmp/targets") in-page link targets, all present"
if grep -hE ':CONSOLE|Uncaught|Refused to' "$tmp"/*.log; then
  bad "the page wrote to the console (lines above)"
else
  say "no console message"
fi
if { grep -h 'network_isolation_key":"file://' "$tmp"/*.netlog || true; } | grep -o '"url":"[^"]*"' | sort -u | grep .; then
  bad "the page requested the URLs above"
else
  say "no network request"
fi
for f in sample.png sample-phone.png sample-choices.png; do
  [ -s "$tmp/$f" ] || bad "no screenshot $f"
  cp "$tmp/$f" "$out/$f" 2>/dev/null || true
done

if [ "$fail" -ne 0 ]; then
  say "e2e: FAILED"
  exit 1
fi
say "e2e: ok"
say "screenshots: $out/sample.png $out/sample-phone.png $out/sample-choices.png"
