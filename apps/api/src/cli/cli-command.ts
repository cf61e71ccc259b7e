import { Option, CommandRunner } from 'nest-commander';
import { AppError } from '../common/errors/app-error';
import { EXIT_FAILURE, EXIT_USAGE, onCommanderExit } from './cli-exit';
import { toJson } from './cli-json';
import { CliUsageError } from './cli-usage.error';

export interface JsonOption {
  json?: boolean;
}

type Commander = Parameters<CommandRunner['setCommand']>[0];

/**
 * Base of every operator command: `--json` for scripts, and errors printed as one line on stderr
 * with exit code 1 (2 for a usage error) instead of a stack trace. Subclasses implement `execute`
 * and return what to print; `describe` renders it for people.
 */
export abstract class CliCommand<TOptions extends JsonOption, TResult> extends CommandRunner {
  protected abstract execute(options: TOptions): Promise<TResult>;
  protected abstract describe(result: TResult): string;

  // Subcommands do not inherit the root's exit override; without it commander exits the process
  // on a missing option before the app (and an embedded database the CLI started) is closed.
  override setCommand(command: Commander): this {
    command.exitOverride(onCommanderExit);
    return super.setCommand(command);
  }

  async run(_params: string[], options: TOptions): Promise<void> {
    try {
      const result = await this.execute(options);
      process.stdout.write(`${options.json ? toJson(result) : this.describe(result)}\n`);
    } catch (error) {
      const usage = error instanceof CliUsageError;
      const message = usage || error instanceof AppError ? error.message : String(error);
      if (options.json) process.stdout.write(`${toJson({ error: { message } })}\n`);
      process.stderr.write(`Error: ${message}\n`);
      process.exitCode = usage ? EXIT_USAGE : EXIT_FAILURE;
    }
  }

  @Option({ flags: '--json', description: 'print the result as JSON' })
  parseJson(): boolean {
    return true;
  }
}
