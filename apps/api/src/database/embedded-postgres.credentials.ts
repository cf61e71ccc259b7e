/** How every process on this machine reaches the embedded PostgreSQL: the server that starts it and the CLI beside it. */
export const EMBEDDED_PG = {
  database: 'apilink',
  user: 'postgres',
  // Local-only cluster bound to localhost; the password only keeps other local users out by accident.
  password: 'apilink-embedded',
  url(port: number): string {
    return `postgres://${this.user}:${this.password}@127.0.0.1:${port}/${this.database}`;
  },
} as const;
