// Exact order statistics of double arrays (select.cc), shared by the addon's entry points and the month loop.
#pragma once
#include <cstddef>

namespace mullet {
/**
 * Type-7 quantiles qs[0…Q) (Q ≤ 8) of values[0…n) into out, the numbers quantile.ts gives (order statistics
 * ⌊h⌋ and ⌊h⌋+1, h = (n−1)·q, linearly interpolated, x when both are equal). values is not modified; scratch
 * is thread_local. Infinities are ordered like numbers, as in quantile.ts. False (nothing written) when n = 0,
 * Q > 8, or the values hold a NaN or both +0 and −0: those are left to the JavaScript selection.
 */
bool typeSevenQuantiles(const double* values, size_t n, const double* qs, size_t Q, double* out);

/** Values read in place: one of several arrays taken together. */
struct Piece {
  const double* values;
  size_t count;
};

/** typeSevenQuantiles of the values of pieces[0…count) taken together, without copying them into one. */
bool typeSevenOfPieces(const Piece* pieces, size_t count, const double* qs, size_t Q, double* out);
}  // namespace mullet
