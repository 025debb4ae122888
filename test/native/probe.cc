// A test-only addon (built by test/native/build.test.ts through scripts/build-native.sh): exercises every helper
// of native/src/napi_util.h, and reports abiVersion 99 so the loader must ignore it.
#include <node_api.h>

#include <stdexcept>

#include "napi_util.h"

namespace napi = mullet::napi;

namespace {

napi_value SelfTest(const napi::Args& args) { return napi::string(args.env, "ok"); }

// sums(Float64Array, Int32Array, Uint32Array) -> sum of all elements
napi_value Sums(const napi::Args& args) {
  double sum = 0;
  auto f = args.float64Array(0);
  auto i = args.int32Array(1);
  auto u = args.uint32Array(2);
  for (size_t k = 0; k < f.length; k++) sum += f.data[k];
  for (size_t k = 0; k < i.length; k++) sum += i.data[k];
  for (size_t k = 0; k < u.length; k++) sum += u.data[k];
  return napi::number(args.env, sum);
}

// scaled(k, { xs: Float64Array, ns: Int32Array, us: Uint32Array, offset: number }) -> new Float64Array
//   of (xs[j] + ns[j] + us[j]) * k + offset
napi_value Scaled(const napi::Args& args) {
  double k = args.number(0);
  auto xs = args.propFloat64Array(1, "xs");
  auto ns = args.propInt32Array(1, "ns");
  auto us = args.propUint32Array(1, "us");
  double offset = args.propNumber(1, "offset");
  if (ns.length != xs.length || us.length != xs.length)
    napi::throwTypeError(args.env, "argument 1: xs, ns and us differ in length");
  napi::Span<double> out;
  napi_value result = napi::newTypedArray<double>(args.env, xs.length, &out);
  for (size_t j = 0; j < xs.length; j++) out.data[j] = (xs.data[j] + ns.data[j] + us.data[j]) * k + offset;
  return result;
}

// fails() throws a C++ exception, which must reach JS as an Error
napi_value Fails(const napi::Args&) { throw std::runtime_error("probe failure"); }

struct Entry {
  const char* name;
  napi_callback fn;
};

constexpr Entry kFunctions[] = {
    {"selfTest", napi::callback<SelfTest>},
    {"sums", napi::callback<Sums>},
    {"scaled", napi::callback<Scaled>},
    {"fails", napi::callback<Fails>},
};

}  // namespace

NAPI_MODULE_INIT() {
  try {
    napi::set(env, exports, "abiVersion", napi::number(env, 99));
    for (const Entry& f : kFunctions) napi::setFunction(env, exports, f.name, f.fn);
  } catch (const napi::Pending&) {
    return nullptr;
  }
  return exports;
}
