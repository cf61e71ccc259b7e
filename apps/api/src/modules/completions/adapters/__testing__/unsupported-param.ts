/** Test support: the parameter an adapter refused, or undefined when it accepted the request. */
import { UnsupportedParameterError } from '../errors/unsupported-parameter.error';

export function refusedParamOf(build: () => unknown): string | undefined {
  try {
    build();
  } catch (error) {
    if (error instanceof UnsupportedParameterError) return error.param;
    throw error;
  }
  return undefined;
}
