/** The error code a request was answered with, kept for hooks that run after the answer (the refusal log). */
import type { FastifyRequest } from 'fastify';

const codes = new WeakMap<FastifyRequest, string>();

export function rememberErrorCode(request: FastifyRequest, code: string): void {
  codes.set(request, code);
}

export function sentErrorCode(request: FastifyRequest): string | null {
  return codes.get(request) ?? null;
}
