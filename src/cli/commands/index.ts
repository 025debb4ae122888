import type { Command } from 'commander';
import { registerDifficulty } from './difficulty.ts';
import { registerHashprice } from './hashprice.ts';
import { registerServe } from './serve.ts';
import { registerSupply } from './supply.ts';

/** Every CLI command, one file each; add yours here. */
export const commands: ((program: Command) => void)[] = [
  registerHashprice,
  registerSupply,
  registerDifficulty,
  registerServe,
];
