import { extend } from './extend';

describe('extend', () => {
  it('gives what the spread gives: same keys, order and precedence, a new object', () => {
    const base = { id: 'a', model: 'm', created: 1 };
    const extended = extend(base, { model: 'n', quirks: true });
    expect(extended).toEqual({ ...base, model: 'n', quirks: true });
    expect(Object.keys(extended)).toEqual(Object.keys({ ...base, model: 'n', quirks: true }));
    expect(extended).not.toBe(base);
    expect(base.model).toBe('m');
  });
});
