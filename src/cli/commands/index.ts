import type { Command } from 'commander';
import { registerServe } from './serve.ts';

/** Every CLI command, one file each; add yours here. */
export const commands: ((program: Command) => void)[] = [registerServe];
