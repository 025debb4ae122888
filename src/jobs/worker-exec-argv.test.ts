import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { workerExecArgv } from './worker-exec-argv.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('workerExecArgv: the parent flags a worker thread accepts', () => {
  it('keeps loader flags as they are', () => {
    assert.deepEqual(workerExecArgv([]), []);
    assert.deepEqual(workerExecArgv(['--import', 'tsx']), ['--import', 'tsx']);
    assert.deepEqual(workerExecArgv(['--import=tsx', '--loader', 'x']), ['--import=tsx', '--loader', 'x']);
  });

  it('drops the V8 and per-process flags a Worker refuses, keeps the rest', () => {
    const args = ['--max-old-space-size=4096', '--import', 'tsx', '--stack-size=2000'];
    assert.throws(() => new Worker('', { eval: true, execArgv: args }), {
      code: 'ERR_WORKER_INVALID_EXEC_ARGV',
    });
    const kept = workerExecArgv(args);
    assert.deepEqual(kept, ['--import', 'tsx']);
    const worker = new Worker('', { eval: true, execArgv: kept });
    void worker.terminate();
  });

  it('a simulation on 2 threads runs under `node --max-old-space-size=4096` (it failed to start its workers)', () => {
    const script = [
      `import { readFileSync } from 'node:fs';`,
      `import { parseScenarioText } from '${ROOT}src/data/scenario-file.ts';`,
      `import { runSimulation } from '${ROOT}src/jobs/simulate-pool.ts';`,
      `const file = '${ROOT}examples/small-hodler.yaml';`,
      `const r = await runSimulation(parseScenarioText(readFileSync(file, 'utf8'), file), { paths: 5000, months: 6, threads: 2 });`,
      `console.log(r.paths);`,
    ].join('\n');
    const out = execFileSync(
      process.execPath,
      ['--max-old-space-size=4096', '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MULLET_KERNEL: 'js' } },
    );
    assert.equal(out.trim(), '5000');
  });
});
