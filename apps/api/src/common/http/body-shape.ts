/**
 * A parsed JSON body's shape, checked without recursion before anything recursive sees it:
 * class-transformer and class-validator walk bodies recursively, so a body nested 500,000 levels
 * deep overflowed the stack in the validation pipe (a 500 after ~0.5 s of work).
 */
export const MAX_BODY_DEPTH = 64;

export interface BodyProblem {
  message: string;
  param: string | null;
}

export interface BodyShapeRules {
  maxDepth: number;
  /** PostgreSQL text and jsonb cannot hold U+0000: refuse it where bodies may be stored. */
  refuseNul: boolean;
}

interface Pending {
  value: unknown;
  depth: number;
  path: string;
}

const join = (path: string, key: string | number): string => (path ? `${path}.${key}` : String(key));

/** The first problem in a parsed body (depth first, iteratively), or null when it is fine. */
export function findBodyProblem(body: unknown, rules: BodyShapeRules): BodyProblem | null {
  const pending: Pending[] = [{ value: body, depth: 0, path: '' }];
  while (pending.length > 0) {
    const { value, depth, path } = pending.pop() as Pending;
    if (typeof value === 'string') {
      if (rules.refuseNul && value.includes('\0'))
        return { message: `${path || 'body'} must not contain NUL characters`, param: path || null };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= rules.maxDepth) {
      // The full path of a deep value is as long as the nesting; name the top-level field.
      const field = path.split('.', 1)[0];
      return {
        message: `The request body is nested deeper than ${rules.maxDepth} levels${field ? ` (in ${field})` : ''}`,
        param: field || null,
      };
    }
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--)
        pending.push({ value: value[index], depth: depth + 1, path: join(path, index) });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (rules.refuseNul && key.includes('\0')) return { message: 'Field names must not contain NUL characters', param: path || null };
      pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: join(path, key) });
    }
  }
  return null;
}
