import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** Nest's console logger with every line on stderr, so a command's stdout (`--json`) stays clean. */
export class StderrLogger extends ConsoleLogger {
  constructor(logLevels: LogLevel[]) {
    super({ logLevels });
  }

  // A boot failure reaches the CLI's own catch, which prints it once; Nest's copy would repeat it.
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }

  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel): void {
    super.printMessages(messages, context, logLevel, 'stderr');
  }
}
