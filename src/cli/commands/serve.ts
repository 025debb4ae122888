import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { startServer } from '../../server/start-server.ts';
import { resolveStoreConfig } from '../../store/store-config.ts';
import { parseNumberFlag } from '../options.ts';

interface ServeFlags {
  port?: string;
  host?: string;
  dataDir?: string;
}

/** `mullet serve`: the API and the dashboard on embedded defaults. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP API and the web dashboard (embedded database unless DATABASE_URL is set)')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8787')
    .option('--host <host>', 'address to bind; anything but loopback needs MULLET_API_TOKEN', '127.0.0.1')
    .option('--data-dir <dir>', 'where the embedded database lives (default $MULLET_DATA_DIR or ./.mullet)')
    .addHelpText(
      'after',
      `
Environment:
  MULLET_DATA_DIR   data directory when --data-dir is not given (default ./.mullet)
  DATABASE_URL      use this PostgreSQL database instead of the embedded one
  MULLET_API_TOKEN  required to bind a non-loopback --host; every write then needs
                    "Authorization: Bearer <token>"

Example:
  $ mullet serve --port 8787
  http://127.0.0.1:8787
  # open it in a browser; the worked examples are loaded on first start.
  $ curl -s -X POST http://127.0.0.1:8787/api/quotes/hashprice -H 'content-type: application/json' \\
      -d '{"difficulty":1e14,"priceUsd":60000,"feesBtcPerBlock":0.1,"height":900000}'
  {"btcPerPhDay":0.000648...,"usdPerPhDay":38.93...,"subsidyBtc":3.125}
  API reference: http://127.0.0.1:8787/api/docs`,
    )
    .action(async (flags: ServeFlags) => {
      const port = parseNumberFlag('--port', flags.port, { integer: true, min: 0, max: 65535 });
      const store = resolveStoreConfig({ dataDirFlag: flags.dataDir, env: process.env, cwd: process.cwd() });
      const token = process.env.MULLET_API_TOKEN;
      const host = flags.host ?? '127.0.0.1';
      const server = await startServer({
        store,
        port,
        host,
        ...(token === undefined || token === '' ? {} : { apiToken: token }),
      }).catch((error: unknown) => {
        // a busy or forbidden port, or an address this machine does not have, is the user's to fix
        const code = (error as { code?: unknown }).code;
        if (code === 'EADDRINUSE' || code === 'EACCES')
          throw new InputError({
            path: '--port',
            message: code === 'EADDRINUSE' ? 'address already in use' : 'permission denied for this port',
            value: flags.port,
          });
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
          throw new InputError({ path: '--host', message: 'not an address of this machine', value: host });
        throw error;
      });
      process.stdout.write(`${server.url}\n`);
      process.stderr.write(
        `mullet: serving the API and dashboard (${store.kind === 'postgres' ? 'PostgreSQL' : `data in ${store.dataDir}`}); Ctrl-C stops\n`,
      );
      await new Promise<void>((resolveStop) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          server.close().then(resolveStop, (error: unknown) => {
            process.stderr.write(`mullet: error while stopping: ${String(error)}\n`);
            resolveStop();
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
