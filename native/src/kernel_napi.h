// The simulator's native entry points, registered in addon.cc.
#pragma once
#include "napi_util.h"

namespace mullet {
/** runMonths(compiled: CompiledScenario, state: ChunkState): runs every month of an initialized chunk. */
napi_value runMonthsEntry(const napi::Args& args);
}  // namespace mullet
