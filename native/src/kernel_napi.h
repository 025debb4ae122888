// The simulator's native entry points, registered in addon.cc.
#pragma once
#include "napi_util.h"

namespace mullet {
/** runChunk(compiled: CompiledScenario, io: ChunkIO): a whole chunk (see chunk.ts). */
napi_value runChunkEntry(const napi::Args& args);
}  // namespace mullet
