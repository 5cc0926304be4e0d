#!/usr/bin/env bash
# The Debian package as CI can test it without root: builds it with CPack from this build,
# unpacks it into a temporary root with dpkg-deb -x, and runs the unpacked programs from
# another directory against sample-data: the index, /health, /search, and the search page
# served from the unpacked share/peacesearch/web, never from the source tree.
# Usage: test_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
src=$(realpath "$2")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/peacesearch-package.XXXXXX")
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
cd "$tmp"  # nothing below may depend on the source tree being the working directory

echo "== cpack -G DEB"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/deb" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; fail "cpack"; }
debs=("$tmp"/deb/peacesearch_*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "expected one peacesearch_*.deb in $tmp/deb"
deb=${debs[0]}
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

echo "== dpkg-deb -I"
info=$(dpkg-deb -I "$deb")
for want in "Package: peacesearch" "Version: " "Architecture: $(dpkg --print-architecture)" \
  "Maintainer: " "Section: web" "Description: full-text search server" \
  "postinst" "prerm" "postrm" "conffiles"; do
  grep -qF "$want" <<<"$info" || { echo "$info"; fail "dpkg-deb -I lacks '$want'"; }
done
depends=$(dpkg-deb -f "$deb" Depends)
# Computed by dpkg-shlibdeps (libc6, Xapian) and declared (iso-codes, adduser).
for want in libc6 libxapian iso-codes adduser; do
  grep -q "$want" <<<"$depends" || fail "Depends lacks $want: $depends"
done
[[ $(dpkg-deb -e "$deb" "$tmp/control" && cat "$tmp/control/conffiles") == /etc/peacesearch/env ]] ||
  fail "conffiles should list /etc/peacesearch/env"

echo "== dpkg-deb -c"
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for want in ./usr/bin/peacesearch-server ./usr/bin/peacesearch-indexer \
  ./usr/lib/systemd/system/peacesearch.service ./etc/peacesearch/env \
  ./usr/share/peacesearch/web/index.html ./usr/share/peacesearch/web/embed.js \
  ./usr/share/peacesearch/web/app.js ./usr/share/peacesearch/web/js/map.js ./usr/share/peacesearch/data/themes.json \
  ./usr/share/peacesearch/data/thesaurus.txt ./usr/share/peacesearch/data/stopwords-fr.txt \
  ./usr/share/peacesearch/sample-data/sahel.jsonl; do
  grep -qxF "$want" <<<"$contents" || fail "the package lacks $want"
done
! grep -q -e node_modules -e instantsearch <<<"$contents" || fail "dev-only files in the package"

echo "== dpkg-deb -x"
root=$tmp/root
dpkg-deb -x "$deb" "$root"
unit=$root/usr/lib/systemd/system/peacesearch.service
grep -qx "ExecStart=/usr/bin/peacesearch-server" "$unit" || fail "ExecStart: $(grep ExecStart "$unit")"
grep -qx "User=peacesearch" "$unit" || fail "the unit does not run as peacesearch"
grep -qx "EnvironmentFile=-/etc/peacesearch/env" "$unit" || fail "the unit's environment file"
! grep -v '^#' "$unit" | grep -q -e "--web" -e "$src" -e "$build" ||
  fail "the unit names --web or the build paths"
if command -v systemd-analyze >/dev/null; then
  # --root: ExecStart's /usr/bin/peacesearch-server is looked for in the unpacked tree, whose
  # lack of systemd's own targets is not the unit's error (--recursive-errors=no).
  if ! out=$(systemd-analyze verify --root="$root" --recursive-errors=no "$unit" 2>&1) ||
    [[ -n $out ]]; then
    echo "$out"
    fail "systemd-analyze verify"
  fi
  echo "systemd-analyze verify: clean"
else
  echo "systemd-analyze not installed: unit not verified"
fi

# A mark only the unpacked copy of the page carries.
mark="unpacked-copy-$$-$RANDOM"
echo "<!-- $mark -->" >>"$root/usr/share/peacesearch/web/index.html"

echo "== the unpacked indexer"
"$root/usr/bin/peacesearch-indexer" build --input "$src/sample-data" --index "$tmp/index" \
  >"$tmp/indexer.log" 2>&1 || { cat "$tmp/indexer.log"; fail "indexer build"; }
diff -r "$src/sample-data" "$root/usr/share/peacesearch/sample-data" >/dev/null ||
  fail "the packaged sample-data differs from the source's"

# Starts the unpacked server with no --web on a free port; sets $port and $server_pid.
start_server() {
  : >"$tmp/server.log"
  "$root/usr/bin/peacesearch-server" --index "$tmp/index" --port 0 >"$tmp/server.log" 2>&1 &
  server_pid=$!
  port=""
  for _ in $(seq 300); do
    port=$(sed -n 's|.*serving .* on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$tmp/server.log")
    [[ -n $port ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$tmp/server.log"
  fail "the unpacked server did not start"
}
stop_server() {
  kill "$server_pid"
  wait "$server_pid" || true
  server_pid=""
}
get() { curl -sS --max-time 10 -o "$tmp/body" -w '%{http_code}' "http://127.0.0.1:$port$1"; }

echo "== the unpacked server, no --web"
start_server
web=$(realpath "$root/usr/share/peacesearch/web")
grep -qF "search page: $web (installed)" "$tmp/server.log" ||
  { cat "$tmp/server.log"; fail "the server did not name the unpacked page"; }
[[ $(get /health) == 200 ]] || fail "/health: $(cat "$tmp/body")"
grep -q '"status":"ok"' "$tmp/body" || fail "/health: $(cat "$tmp/body")"
[[ $(get "/search?q=armes&country=ML") == 200 ]] || fail "/search: $(cat "$tmp/body")"
total=$(sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$tmp/body")
[[ -n $total && $total -gt 0 ]] || fail "/search?q=armes found nothing: $(head -c 300 "$tmp/body")"
[[ $(get /) == 200 ]] || fail "GET /: no page"
grep -qF "$mark" "$tmp/body" || fail "GET / is not the unpacked copy of the page"
[[ $(get /embed.js) == 200 ]] || fail "/embed.js"
stop_server

echo "== the unpacked server, its page removed"
# Built in this tree, it must still not fall back to the source tree's web/.
rm -rf "$root/usr/share/peacesearch/web"
start_server
grep -qF "search page: none (none found)" "$tmp/server.log" ||
  { cat "$tmp/server.log"; fail "without its page the server should serve none"; }
[[ $(get /) == 404 ]] || fail "GET / without a page: not 404"
[[ $(get /health) == 200 ]] || fail "/health without a page"
stop_server

echo "package test: ok ($total hits for armes in Mali)"
