/* The operator CLI: `npm run cli -- <command> [--json]` (users:create, keys:create, ...). */
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module';
import { validateEnv } from './config/validate-env';

async function main(): Promise<void> {
  validateEnv(process.env);
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    cliName: 'apilink',
    serviceErrorHandler: (error: Error) => {
      process.stderr.write(`Error: ${error.message}\n`);
      process.exitCode = 1;
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error && error.name === 'ConfigValidationError' ? error.message : error);
  process.exit(1);
});
