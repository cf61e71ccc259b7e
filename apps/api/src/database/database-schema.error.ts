/** The database answers but lacks the tables this code needs: told plainly at boot instead of a failed query later. */
export class DatabaseSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseSchemaError';
    // Nest logs a boot failure's stack; this one's message is the whole story.
    this.stack = `${this.name}: ${message}`;
  }
}
