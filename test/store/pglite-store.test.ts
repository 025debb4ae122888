import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openStore } from '../../src/store/open-store.ts';
import { storeBehaviour } from './store-behaviour.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'mullet-store-'));
after(() => rm(dataDir, { recursive: true, force: true }));

storeBehaviour('embedded PGlite on disk', (options) => openStore({ kind: 'embedded', dataDir }, options));
