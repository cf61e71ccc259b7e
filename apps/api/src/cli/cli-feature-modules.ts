import type { ModuleMetadata } from '@nestjs/common';
import { AccountsCliModule } from './accounts-cli.module';
import { BillingCliModule } from './billing-cli.module';

/**
 * The extension point of `npm run cli`: each entry is a Nest module that imports the feature
 * module it needs and lists its command classes (subclasses of CliCommand) as providers.
 * A feature adds its commands by adding its module here, e.g. BillingCliModule for credits:*.
 */
export const CLI_FEATURE_MODULES: NonNullable<ModuleMetadata['imports']> = [AccountsCliModule, BillingCliModule];
