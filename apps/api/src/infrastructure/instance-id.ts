import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** This process's id as the owner of credit leases and rate-limit token leases: host, pid and a random part (unique per boot). */
export const INSTANCE_ID = Symbol('INSTANCE_ID');

export function newInstanceId(): string {
  return `${hostname().slice(0, 80)}:${process.pid}:${randomBytes(6).toString('hex')}`;
}
