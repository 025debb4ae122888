import type { Command } from 'commander';
import { registerBreakeven } from './breakeven.ts';
import { registerCatalog } from './catalog.ts';
import { registerDifficulty } from './difficulty.ts';
import { registerDispatch } from './dispatch.ts';
import { registerExample } from './example.ts';
import { registerHashprice } from './hashprice.ts';
import { registerServe } from './serve.ts';
import { registerSimulate } from './simulate.ts';
import { registerSupply } from './supply.ts';

/** Every CLI command, one file each; add yours here. */
export const commands: ((program: Command) => void)[] = [
  registerCatalog,
  registerBreakeven,
  registerExample,
  registerHashprice,
  registerSupply,
  registerDifficulty,
  registerDispatch,
  registerServe,
  registerSimulate,
];
