/**
 * Makes a before/after snapshot safe for a jsonb column: bigint money becomes a decimal string
 * (JSON has no integers beyond 2^53), dates ISO strings, undefined fields disappear.
 */
export function toAuditJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item)));
}
