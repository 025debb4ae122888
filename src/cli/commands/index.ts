import type { Command } from 'commander';

/** Every CLI command, one file each; add yours here. */
export const commands: ((program: Command) => void)[] = [];
