import { registerAs, type ConfigObject, type ConfigType } from '@nestjs/config';
import { parseEnv } from './env-parser';

/**
 * One typed config namespace: a class-validator schema of the variables it reads and a mapper
 * into the shape the code uses. `validateEnv` checks every namespace's schema at boot.
 */
export function defineConfig<TName extends string, TSchema extends object, TConfig extends ConfigObject>(
  name: TName,
  schema: new () => TSchema,
  map: (env: TSchema) => TConfig,
) {
  const factory = registerAs(name, (): TConfig => map(parseEnv(schema, process.env)));
  return Object.assign(factory, { schema });
}

export type ConfigOf<T extends (...args: never[]) => unknown> = ConfigType<T>;
