/* The operator CLI: `npm run cli -- <command> [--json]` (users:create, keys:create, ...). */
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { startupFailureMessage } from './bootstrap/startup-failure-message';
import { EXIT_FAILURE, onCommanderExit, onCommandError } from './cli/cli-exit';
import { CliModule } from './cli/cli.module';
import { StderrLogger } from './cli/stderr-logger';
import { validateEnv } from './config/validate-env';

/** A run that only prints help needs no database (nor starts one beside a running server). */
function onlyPrintsHelp(args: readonly string[]): boolean {
  return args.length === 0 || args[0] === 'help' || args.includes('--help') || args.includes('-h');
}

async function main(): Promise<void> {
  validateEnv(process.env);
  await CommandFactory.run(CliModule.forRoot({ connect: !onlyPrintsHelp(process.argv.slice(2)) }), {
    logger: new StderrLogger(['error', 'warn']),
    cliName: 'apilink',
    // Boot failures (no schema, database down) reach main's catch instead of aborting the process.
    abortOnError: false,
    errorHandler: onCommanderExit,
    serviceErrorHandler: onCommandError,
  });
}

main().then(
  // The app is closed: exit now rather than wait on a client library's lingering socket or timer.
  () => process.exit(),
  (error: unknown) => {
    console.error(startupFailureMessage(error));
    process.exit(EXIT_FAILURE);
  },
);
