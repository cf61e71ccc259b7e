import { findBodyProblem, MAX_BODY_DEPTH } from './body-shape';

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = level % 2 ? { a: value } : [value];
  return value;
};

describe('findBodyProblem', () => {
  const rules = { maxDepth: MAX_BODY_DEPTH, refuseNul: true };

  it('accepts ordinary bodies and nesting up to the limit', () => {
    expect(findBodyProblem({ name: 'key', tags: ['a', 'b'], nested: { x: 1, y: null } }, rules)).toBeNull();
    expect(findBodyProblem(undefined, rules)).toBeNull();
    expect(findBodyProblem(nested(MAX_BODY_DEPTH), rules)).toBeNull();
  });

  it('refuses nesting past the limit, naming the top-level field, without recursing', () => {
    expect(findBodyProblem(nested(MAX_BODY_DEPTH + 1), rules)).toMatchObject({ message: expect.stringContaining('64 levels') });
    // Deep enough to overflow any recursive walk.
    expect(findBodyProblem({ name: nested(500_000) }, rules)).toEqual({
      message: 'The request body is nested deeper than 64 levels (in name)',
      param: 'name',
    });
  });

  it('refuses NUL characters in values and keys only when asked', () => {
    expect(findBodyProblem({ list: [{ name: 'a\0b' }] }, rules)).toEqual({
      message: 'list.0.name must not contain NUL characters',
      param: 'list.0.name',
    });
    expect(findBodyProblem({ 'k\0': 1 }, rules)?.message).toMatch(/Field names/);
    expect(findBodyProblem({ ok: [1, 'x', { y: ['fine'] }], deep: { list: [null, { 'k\0': 1 }] } }, rules)).toEqual({
      message: 'Field names must not contain NUL characters',
      param: 'deep.list.1',
    });
    expect(findBodyProblem({ ok: 'x', messages: [{ content: [nested(MAX_BODY_DEPTH)] }] }, rules)?.param).toBe('messages');
    expect(findBodyProblem({ name: 'a\0b' }, { ...rules, refuseNul: false })).toBeNull();
  });
});
