// The simulator's native entry points, registered in addon.cc.
#pragma once
#include "napi_util.h"

namespace mullet {
/** runChunk(compiled: CompiledScenario, io: ChunkIO): a whole chunk (see chunk.ts). */
napi_value runChunkEntry(const napi::Args& args);
/**
 * bandRow(data, dataRow, T1, n, qs, out, outRow, flags): band percentiles of one sampled series, every month;
 * flags[t] = 1 where month t is left to the JavaScript selection (a NaN, or both signed zeros).
 */
napi_value bandRowEntry(const napi::Args& args);
/** quantilesOfPieces(pieces, qs, out): type-7 quantiles of the pieces' values together; false: leave it to JS. */
napi_value quantilesOfPiecesEntry(const napi::Args& args);
}  // namespace mullet
