import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.ts';
import { reportError } from './report-error.ts';

/** Composition root of the CLI: builds the program, registers every command, renders every error. */
export function buildProgram(): Command {
  const program = new Command('mullet')
    .description(
      'Mullet: economics, hourly dispatch and Monte Carlo strategy for bitcoin miners hosting AI/HPC.\n' +
        'Every command takes --help and, where it answers with data, --json.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Start here:
  $ mullet example                                   a 100 MW site mined vs leased to an AI tenant
  $ mullet simulate examples/mid-size-miner.yaml     pure-play vs mullet vs full pivot, as distributions
  $ mullet dispatch --site examples/sites/west-texas-mullet.yaml \\
      --prices examples/prices/ercot-hb-west-2023-dam.csv --hashprice 75
  $ mullet serve                                     API + dashboard at http://127.0.0.1:8787

Exit status: 0 ok, 2 bad input (one line per problem on stderr), 1 a bug in Mullet.`,
    )
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of commands) register(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version "errors" are successful exits; usage errors already printed one line
      if (
        error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
      )
        return 0;
      return 2;
    }
    return reportError(error);
  }
}

const isEntry = process.argv[1] !== undefined && /(?:main\.ts|mullet(?:\.mjs)?)$/.test(process.argv[1]);
if (isEntry || process.env.MULLET_CLI === '1') {
  // `mullet ... | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = reportError(error);
    },
  );
}
