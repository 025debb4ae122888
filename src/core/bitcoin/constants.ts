/** Consensus and network constants of bitcoin mainnet (Bitcoin Core `chainparams.cpp`, `consensus/amount.h`). */
export const SAT_PER_BTC = 100_000_000;
export const HALVING_INTERVAL_BLOCKS = 210_000;
export const INITIAL_SUBSIDY_SAT = 5_000_000_000;
export const TARGET_BLOCK_INTERVAL_S = 600;
export const RETARGET_INTERVAL_BLOCKS = 2016;
/** A block at difficulty D takes D·2^32 hashes on average. */
export const HASHES_PER_DIFFICULTY = 2 ** 32;
export const SECONDS_PER_DAY = 86_400;
