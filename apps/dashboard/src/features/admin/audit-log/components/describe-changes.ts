/** Turns an audit entry's before/after snapshots into the few fields that changed, for people to read. */

export interface Change {
  field: string;
  before: string;
  after: string;
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Field by field when both sides are objects (only what differs), otherwise the whole values.
 * A creation has no `before` and a deletion no `after`: every field of the other side is listed.
 */
export function describeChanges(before: unknown, after: unknown): Change[] {
  const from = asRecord(before);
  const to = asRecord(after);
  if ((before !== null && !from) || (after !== null && !to)) {
    return show(before) === show(after) ? [] : [{ field: 'value', before: show(before ?? undefined), after: show(after ?? undefined) }];
  }
  const fields = [...new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])];
  return fields
    .map((field) => ({ field, before: show(from?.[field]), after: show(to?.[field]) }))
    .filter((change) => change.before !== change.after);
}
