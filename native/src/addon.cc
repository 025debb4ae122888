// The Node-API module of the native simulation kernel: puts `abiVersion` and the kernel's functions on
// `exports`. Loaded by src/jobs/native-kernel.ts; built by scripts/build-native.sh (g++, no node-gyp).
//
// NAPI_MODULE_INIT makes the module context-aware: it is initialized once per thread that loads it (main thread
// and each worker), so keep no mutable globals here or in the kernel.
//
// To add a function: write `napi_value Name(const mullet::napi::Args& args)` (see napi_util.h) in its own .cc,
// declare it in that file's header, and add one line to kFunctions. When the JS-visible interface changes, bump
// kAbiVersion together with NATIVE_ABI_VERSION in src/jobs/native-kernel.ts: an addon whose version differs
// from the TypeScript constant is ignored (the JavaScript kernel runs instead).
#include <node_api.h>

#include "js_math.h"
#include "kernel_napi.h"
#include "napi_util.h"

namespace {

constexpr double kAbiVersion = 6;

// selfTest() -> "ok": proves the addon loads and its functions run (used by the loader and the build script).
napi_value SelfTest(const mullet::napi::Args& args) { return mullet::napi::string(args.env, "ok"); }

// mathProbe(xs, out): out[2i] = exp(xs[i]), out[2i+1] = log(xs[i]) as the kernel computes them (js_math.h).
// The loader compares them with this Node's Math.exp / Math.log: another V8 may round differently, and the
// kernel must then not be used (its results would no longer be the JavaScript kernel's bits).
napi_value MathProbe(const mullet::napi::Args& args) {
  const auto xs = args.float64Array(0);
  const auto out = args.float64Array(1);
  if (out.length < 2 * xs.length) mullet::napi::throwTypeError(args.env, "argument 1: expected 2 slots per input");
  for (size_t i = 0; i < xs.length; i++) {
    out.data[2 * i] = mullet::js_exp(xs.data[i]);
    out.data[2 * i + 1] = mullet::js_log(xs.data[i]);
  }
  return nullptr;
}

struct Entry {
  const char* name;
  napi_callback fn;
};

constexpr Entry kFunctions[] = {
    {"selfTest", mullet::napi::callback<SelfTest>},
    {"runChunk", mullet::napi::callback<mullet::runChunkEntry>},
    {"mathProbe", mullet::napi::callback<MathProbe>},
    {"bandRow", mullet::napi::callback<mullet::bandRowEntry>},
    {"quantilesOfPieces", mullet::napi::callback<mullet::quantilesOfPiecesEntry>},
};

}  // namespace

NAPI_MODULE_INIT() {
  namespace napi = mullet::napi;
  try {
    napi::set(env, exports, "abiVersion", napi::number(env, kAbiVersion));
    for (const Entry& f : kFunctions) napi::setFunction(env, exports, f.name, f.fn);
  } catch (const napi::Pending&) {
    return nullptr;
  }
  return exports;
}
