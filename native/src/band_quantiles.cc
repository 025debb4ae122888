// bandRow: the monthly band percentiles of one sampled series (src/core/simulate/sample-summary.ts), exactly as
// quantile.ts defines them (type 7: order statistics ⌊h⌋ and ⌊h⌋+1, h = (n−1)·q, linearly interpolated, x when
// both are equal). An order statistic is a value of the data, so any exact selection gives the same number:
// here a three-way quickselect whose partition runs 8 values at a time without branches (AVX-512 compress).
// A month whose values hold a NaN or both +0 and −0 (equal, yet different bits) is left to the
// JavaScript code: flags[t] = 1.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "kernel_napi.h"
#include "napi_util.h"
#include "select.h"
#include "vec.h"

namespace mullet {

namespace {

napi_value BandRow(const napi::Args& args) {
  const auto data = args.float64Array(0);
  const size_t dataRow = size_t(args.number(1));
  const size_t T1 = size_t(args.number(2));
  const size_t n = size_t(args.number(3));
  const auto qs = args.float64Array(4);
  const auto out = args.float64Array(5);
  const size_t outRow = size_t(args.number(6));
  const auto flags = args.int32Array(7);
  const size_t Q = qs.length;
  if (Q > 8 || (dataRow + 1) * T1 * n > data.length || (outRow + 1) * Q * T1 > out.length || flags.length < T1)
    napi::throwTypeError(args.env, "bandRow: arrays too short for the row, or more than 8 quantiles");
  double q[8];
  for (size_t t = 0; t < T1; t++) {
    const double* values = data.data + (dataRow * T1 + t) * n;
    flags.data[t] = !typeSevenQuantiles(values, n, qs.data, Q, q);
    if (!flags.data[t])
      for (size_t k = 0; k < Q; k++) out.data[(outRow * Q + k) * T1 + t] = q[k];
  }
  return nullptr;
}

// quantilesOfPieces(pieces, qs, out) → boolean: the type-7 quantiles of the pieces' values taken together.
napi_value QuantilesOfPieces(const napi::Args& args) {
  napi_env env = args.env;
  napi_value list = args[0];
  uint32_t count = 0;
  napi::check(env, napi_get_array_length(env, list, &count));
  const auto qs = args.float64Array(1);
  const auto out = args.float64Array(2);
  if (qs.length > 8 || out.length < qs.length) napi::throwTypeError(env, "quantilesOfPieces: at most 8 quantiles");
  thread_local std::vector<Piece> pieces;
  pieces.clear();
  for (uint32_t i = 0; i < count; i++) {
    napi_value piece;
    napi::check(env, napi_get_element(env, list, i, &piece));
    const auto values = napi::typedArray<double>(env, piece, "piece " + std::to_string(i));
    pieces.push_back(Piece{values.data, values.length});
  }
  const bool ok = typeSevenOfPieces(pieces.data(), pieces.size(), qs.data, qs.length, out.data);
  napi_value result;
  napi::check(env, napi_get_boolean(env, ok, &result));
  return result;
}

}  // namespace

napi_value quantilesOfPiecesEntry(const napi::Args& args) { return QuantilesOfPieces(args); }

napi_value bandRowEntry(const napi::Args& args) { return BandRow(args); }

}  // namespace mullet
