import { Option, CommandRunner } from 'nest-commander';
import { AppError } from '../common/errors/app-error';

export interface JsonOption {
  json?: boolean;
}

/** JSON that can carry bigint money (as decimal strings). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2);
}

/**
 * Base of every operator command: `--json` for scripts, and errors printed as one line on stderr
 * with exit code 1 instead of a stack trace. Subclasses implement `execute` and return what to
 * print; `describe` renders it for people.
 */
export abstract class CliCommand<TOptions extends JsonOption, TResult> extends CommandRunner {
  protected abstract execute(options: TOptions): Promise<TResult>;
  protected abstract describe(result: TResult): string;

  async run(_params: string[], options: TOptions): Promise<void> {
    try {
      const result = await this.execute(options);
      process.stdout.write(`${options.json ? toJson(result) : this.describe(result)}\n`);
    } catch (error) {
      const message = error instanceof AppError || error instanceof CliUsageError ? error.message : String(error);
      if (options.json) process.stdout.write(`${toJson({ error: { message } })}\n`);
      process.stderr.write(`Error: ${message}\n`);
      process.exitCode = 1;
    }
  }

  @Option({ flags: '--json', description: 'print the result as JSON' })
  parseJson(): boolean {
    return true;
  }
}

/** A bad argument: shown to the operator as is. */
export class CliUsageError extends Error {}
