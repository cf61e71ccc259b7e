import { AppError } from '../common/errors/app-error';
import { toJson } from './cli-json';
import { CliUsageError } from './cli-usage.error';

/** Exit codes of `npm run cli`: 1 when a command fails, 2 when it was called wrongly (the shell convention). */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Commander's errors carry a `commander.*` code (its own class is not a dependency of ours). */
interface CommanderError extends Error {
  code: string;
}

function isCommanderError(error: unknown): error is CommanderError {
  return (
    error instanceof Error &&
    typeof (error as Partial<CommanderError>).code === 'string' &&
    (error as CommanderError).code.startsWith('commander.')
  );
}

const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/**
 * Commander's own errors (unknown option, missing required option): it has printed the message;
 * record the exit code and unwind through the normal path so the app closes, instead of
 * commander's `process.exit`.
 */
export function onCommanderExit(error: Error): never {
  process.exitCode = isCommanderError(error) && HELP_CODES.has(error.code) ? 0 : EXIT_USAGE;
  throw error;
}

/**
 * Errors that escape a command (an option parser's CliUsageError): one line on stderr, the JSON
 * envelope on stdout under `--json`, exit code 2 for usage errors.
 */
export function onCommandError(error: Error, argv: readonly string[] = process.argv): void {
  if (isCommanderError(error)) return;
  const usage = error instanceof CliUsageError;
  const message = usage || error instanceof AppError ? error.message : String(error);
  if (argv.includes('--json')) process.stdout.write(`${toJson({ error: { message } })}\n`);
  process.stderr.write(`Error: ${message}\n`);
  process.exitCode = usage ? EXIT_USAGE : EXIT_FAILURE;
}
