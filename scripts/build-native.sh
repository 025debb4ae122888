#!/usr/bin/env bash
# Builds the optional native simulation kernel — native/src/*.cc as a Node-API addon — with g++ directly (no
# node-gyp, so no dependence on npm's nodedir) into build/native/mullet_kernel.node. Rebuilds only when the
# stamp changes: a hash of the sources' contents, the flags, `node --version` and `g++ --version`.
# Without g++ or Node's headers, or when the build fails, it prints one line to stderr and exits 0: the
# JavaScript kernel is used instead (same results, slower).
#
# Environment: MULLET_NATIVE=require  exit 1 when the addon cannot be built (default: auto)
#              MULLET_NATIVE_OUT=DIR  build into DIR instead of build/native (tests use a temporary one)
#              MULLET_NATIVE_SRC=DIR  sources in DIR instead of native/src
#              MULLET_NATIVE_ANY_CPU=1  build without AVX-512 too (slower than JavaScript; for tests)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
root=$(pwd)
src=${MULLET_NATIVE_SRC:-$root/native/src}
out=${MULLET_NATIVE_OUT:-$root/build/native}
addon=$out/mullet_kernel.node
stamp=$out/mullet_kernel.stamp
log=$out/build.log
mode=${MULLET_NATIVE:-auto}

case $mode in
  auto | require) ;;
  *)
    echo "MULLET_NATIVE: expected auto or require, got \"$mode\"" >&2
    exit 1
    ;;
esac

# One line, then exit; an addon that may not match the sources is removed so that it is never loaded.
fail() {
  rm -f "$addon" "$stamp"
  if [ "$mode" = require ]; then
    echo "native kernel not built: $1 (MULLET_NATIVE=require)" >&2
    exit 1
  fi
  echo "native kernel not built: $1; the JavaScript kernel will be used" >&2
  exit 0
}

hash() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 | cut -d' ' -f1
  else cksum | tr ' ' '-'
  fi
}

# compile flags: -ffp-contract=off and no fast-math are required, results must be the JS engine's bits
cxxflags=(-std=c++20 -O3 -march=native -ffp-contract=off -fno-fast-math -fPIC -fvisibility=hidden
  -DNAPI_VERSION=8 -Wall -Wextra -Wno-psabi)
ldflags=(-shared)
[ "$(uname -s)" = Darwin ] && ldflags+=(-undefined dynamic_lookup)

src=$(cd "$src" 2>/dev/null && pwd -P) || fail "no source directory ${MULLET_NATIVE_SRC:-native/src}"
mapfile -t sources < <(find "$src" -maxdepth 1 -type f -name '*.cc' | LC_ALL=C sort)
[ "${#sources[@]}" -gt 0 ] || fail "no .cc sources in $src"
command -v g++ >/dev/null 2>&1 || fail "g++ not found on PATH"
# The kernel's 8-lane vectors need AVX-512 (F and DQ): elsewhere g++ splits them so badly that the addon runs
# ~10x slower than on AVX-512 and slower than the JavaScript kernel (measured: 960 vs 91 ns per path-month with
# -march=x86-64-v3, same bits). MULLET_NATIVE_ANY_CPU=1 builds anyway (tests of the fallback code paths).
if [ "${MULLET_NATIVE_ANY_CPU:-}" != 1 ]; then
  macros=$(g++ -march=native -dM -E -x c++ /dev/null 2>/dev/null)
  case $macros in
    *__AVX512F__*__AVX512DQ__* | *__AVX512DQ__*__AVX512F__*) ;;
    *) fail "this CPU has no AVX-512 (the kernel would be slower than JavaScript here)" ;;
  esac
fi
node=$(command -v node) || fail "node not found on PATH"

include=
candidate="$(dirname "$(readlink -f "$node" 2>/dev/null || echo "$node")")/../include/node"
if [ -f "$candidate/node_api.h" ]; then
  include=$candidate
else
  nodedir=$(npm config get nodedir 2>/dev/null || true)
  [ -n "$nodedir" ] && [ -f "$nodedir/include/node/node_api.h" ] && include=$nodedir/include/node
fi
[ -n "$include" ] || fail "Node's headers (node_api.h) not found beside node or under npm's nodedir"
include=$(cd "$include" && pwd -P)

mkdir -p "$out" 2>/dev/null || fail "cannot create $out"
# serialize concurrent builds into the same directory (npm test and npm start at once)
if command -v flock >/dev/null 2>&1; then
  exec 9>"$out/.lock" && flock 9
fi

key=$(
  {
    echo "flags: ${cxxflags[*]} ${ldflags[*]} -I$include"
    "$node" --version
    g++ --version | head -1
    # what -march=native means on this machine: a copied build dir from another CPU rebuilds
    uname -sm
    g++ -march=native -Q --help=target 2>/dev/null | grep -E '^ +-m(arch|tune)=' | tr -s ' \t' ' '
    cd "$src" || exit 1
    find . -maxdepth 1 -type f | LC_ALL=C sort
    find . -maxdepth 1 -type f -print0 | LC_ALL=C sort -z | xargs -0 -r cat --
  } | hash
)
if [ -f "$addon" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then exit 0; fi

echo "mullet: building the native kernel (g++)..." >&2
tmp=$(mktemp -d "$out/.tmp.XXXXXX") || fail "cannot create a temporary directory in $out"
trap 'rm -rf "$tmp"' EXIT
rm -f "$log"

# compile the sources in parallel, then link
pids=()
for file in "${sources[@]}"; do
  name=$(basename "$file" .cc)
  g++ "${cxxflags[@]}" -I"$include" -c "$file" -o "$tmp/$name.o" >"$tmp/$name.log" 2>&1 &
  pids+=($!)
done
failed=
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || failed=${failed:-${sources[$i]}}
done
cat "$tmp"/*.log >"$log" 2>/dev/null
if [ -n "$failed" ]; then
  [ "$mode" = require ] && cat "$log" >&2
  first=$(grep -m1 -E 'error' "$log" | cut -c1-200)
  fail "g++ failed on ${failed#"$root/"}${first:+: $first} (full log: $log)"
fi
if ! g++ "${ldflags[@]}" "$tmp"/*.o -o "$tmp/mullet_kernel.node" >>"$log" 2>&1; then
  [ "$mode" = require ] && cat "$log" >&2
  fail "linking failed (full log: $log)"
fi

# -shared links with N-API symbols unresolved, so a missing definition shows only when node loads the addon
check='const m = require(process.argv[1]); if (m.selfTest() !== "ok") throw new Error("selfTest() is not \"ok\"")'
if ! "$node" -e "$check" "$tmp/mullet_kernel.node" >>"$log" 2>&1; then
  [ "$mode" = require ] && cat "$log" >&2
  first=$(grep -m1 -E 'Error' "$log" | cut -c1-200)
  fail "the built addon does not load${first:+: $first} (full log: $log)"
fi

# rename into place: a process loading the addon meanwhile sees the old file or the new one, never half of one
mv -f "$tmp/mullet_kernel.node" "$addon" || fail "cannot write $addon"
echo "$key" >"$tmp/stamp" && mv -f "$tmp/stamp" "$stamp" || fail "cannot write $stamp"
if grep -q 'warning' "$log"; then
  echo "mullet: native kernel built with compiler warnings (see $log)" >&2
else
  rm -f "$log"
fi
exit 0
