import { describe, expect, it } from 'vitest';
import { describeChanges } from './describe-changes';

describe('describeChanges', () => {
  it('lists only the fields that changed, with their old and new values', () => {
    expect(describeChanges({ role: 'customer', email: 'a@b.c' }, { role: 'support', email: 'a@b.c' })).toEqual([
      { field: 'role', before: 'customer', after: 'support' },
    ]);
    expect(describeChanges({ aliases: [] }, { aliases: ['x'] })).toEqual([{ field: 'aliases', before: '[]', after: '["x"]' }]);
  });

  it('lists every field of a creation or a deletion', () => {
    expect(describeChanges(null, { name: 'acct', enabled: true })).toEqual([
      { field: 'name', before: '—', after: 'acct' },
      { field: 'enabled', before: '—', after: 'true' },
    ]);
    expect(describeChanges({ name: 'acct' }, null)).toEqual([{ field: 'name', before: 'acct', after: '—' }]);
  });

  it('compares whole values when they are not objects, and finds nothing when nothing changed', () => {
    expect(describeChanges('1000000', '2000000')).toEqual([{ field: 'value', before: '1000000', after: '2000000' }]);
    expect(describeChanges(null, null)).toEqual([]);
    expect(describeChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
