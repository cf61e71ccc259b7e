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

/**
 * The first problem in a parsed body (depth first, iteratively), or null when it is fine. It runs
 * on every request's body, so the walk allocates no object or string per value: a value's path
 * is rebuilt from parent links only when it is the one to report.
 */
export function findBodyProblem(body: unknown, rules: BodyShapeRules): BodyProblem | null {
  // Every value pushed so far: its key in its parent and its parent's index (-1: the body itself).
  const keys: Array<string | number> = [''];
  const parents: number[] = [-1];
  // The values still to visit, as indexes into keys/parents, with their values and depths.
  const stack: number[] = [0];
  const values: unknown[] = [body];
  const depths: number[] = [0];
  const pathOf = (node: number): string => {
    let path = '';
    for (let at = node; at > 0; at = parents[at]) path = path ? `${keys[at]}.${path}` : String(keys[at]);
    return path;
  };
  const push = (child: unknown, key: string | number, parent: number, depth: number): void => {
    // Scalars other than strings need no visit (nor a slot).
    if (typeof child !== 'string' && (child === null || typeof child !== 'object')) return;
    keys.push(key);
    parents.push(parent);
    stack.push(keys.length - 1);
    values.push(child);
    depths.push(depth);
  };
  while (stack.length > 0) {
    const node = stack.pop() as number;
    const value = values.pop();
    const depth = depths.pop() as number;
    if (typeof value === 'string') {
      if (rules.refuseNul && value.includes('\0')) {
        const path = pathOf(node);
        return { message: `${path || 'body'} must not contain NUL characters`, param: path || null };
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= rules.maxDepth) {
      // The full path of a deep value is as long as the nesting; name the top-level field.
      let top = node;
      while (top > 0 && parents[top] > 0) top = parents[top];
      const field = top > 0 ? String(keys[top]) : '';
      return {
        message: `The request body is nested deeper than ${rules.maxDepth} levels${field ? ` (in ${field})` : ''}`,
        param: field || null,
      };
    }
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) push(value[index], index, node, depth + 1);
      continue;
    }
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (rules.refuseNul && key.includes('\0')) return { message: 'Field names must not contain NUL characters', param: pathOf(node) || null };
      push((value as Record<string, unknown>)[key], key, node, depth + 1);
    }
  }
  return null;
}
