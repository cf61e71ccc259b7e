/**
 * Which requests got a hold: their usage row comes from settlement, so the refusal log leaves them
 * alone even when they end in a 4xx (an upstream that rejected the request's content).
 */
import type { FastifyRequest } from 'fastify';

const held = new WeakSet<FastifyRequest>();

export function markFundsHeld(request: FastifyRequest | undefined): void {
  if (request) held.add(request);
}

export function fundsHeld(request: FastifyRequest): boolean {
  return held.has(request);
}
