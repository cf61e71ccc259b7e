/**
 * A recall: one instance asks every other to give back what it leased of one subject (an
 * account's credit, a key's rate-limit tokens). `field` names the subject in the message.
 */
export function recallMessage(field: string, subject: string, from: string): string {
  return JSON.stringify({ [field]: subject, from });
}

/** The recalled subject, or null when the message is malformed or this instance sent it. */
export function recalledSubject(message: string, field: string, self: string): string | null {
  let recall: Record<string, unknown>;
  try {
    recall = JSON.parse(message) as Record<string, unknown>;
  } catch {
    return null;
  }
  const subject = recall?.[field];
  return recall?.from === self || typeof subject !== 'string' ? null : subject;
}
