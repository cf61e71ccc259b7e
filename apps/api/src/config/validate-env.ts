import { ConfigValidationError, parseEnv } from './env-parser';
import { CONFIG_NAMESPACES } from './config-namespaces';

/** Checks every namespace's variables together so one start-up reports all problems at once. */
export function validateEnv(env: Record<string, unknown>): Record<string, unknown> {
  const problems: string[] = [];
  for (const namespace of CONFIG_NAMESPACES) {
    try {
      parseEnv(namespace.schema as new () => object, env as NodeJS.ProcessEnv);
    } catch (error) {
      if (!(error instanceof ConfigValidationError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return env;
}
