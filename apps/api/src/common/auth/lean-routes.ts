/**
 * The /v1 hot path served by Fastify directly: no Nest router, guards, pipes or exception filters
 * on routes that every gateway request takes (they were measurable in the /v1 CPU profile). The
 * guards' semantics run as plain functions in one preHandler hook, in the order the global guards
 * run for Nest routes: authentication, then the gates (the per-key rate limit), then the handler;
 * errors render through the same envelope function as the global exception filter.
 *
 * Default-deny holds as for Nest routes: a lean route cannot be mounted without a declared
 * authentication, and `declared()` lists them for the test that walks every route.
 */
import { BadRequestException, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import { sendError } from '../errors/all-exceptions.filter';
import type { AuthKind } from './auth.decorator';
import { AuthenticatorRegistry, type Authenticator } from './authenticator.registry';

export interface LeanRoute {
  method: 'GET' | 'POST';
  url: string;
  /** How the route authenticates (lean routes are never public). */
  auth: AuthKind;
  /**
   * Answers on `reply` itself, or returns a value Fastify sends as JSON with status 200 (as Nest
   * sends a handler's return value; POST handlers here all answer 200).
   */
  handle(request: FastifyRequest, reply: FastifyReply): unknown;
}

/** Runs after authentication, before the handler; throws an AppError to refuse the request. */
export type RouteGate = (request: FastifyRequest, reply: FastifyReply) => Promise<void> | void;

export interface DeclaredLeanRoute {
  route: string;
  auth: AuthKind;
}

@Injectable()
export class LeanRoutes {
  private readonly logger = new Logger('Errors');
  private readonly gates = new Map<AuthKind, RouteGate[]>();
  private readonly mounted: DeclaredLeanRoute[] = [];

  constructor(
    private readonly authenticators: AuthenticatorRegistry,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Registers a check for every lean route of `kind` (the rate-limit module adds the per-key limit for api-key). */
  addGate(kind: AuthKind, gate: RouteGate): void {
    const gates = this.gates.get(kind) ?? [];
    gates.push(gate);
    this.gates.set(kind, gates);
  }

  /** Mounts `route` on Fastify; call it during module init (before the server is ready). */
  mount(route: LeanRoute): void {
    if (!route.auth) throw new Error(`Lean route ${route.method} ${route.url} declares no authentication`);
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const kind = route.auth;
    // Resolved at the first request: modules register authenticators and gates in their own init.
    let authenticator: Authenticator | undefined;
    let gates: RouteGate[] = [];
    let resolved = false;
    const resolve = (): void => {
      authenticator = this.authenticators.get(kind);
      gates = this.gates.get(kind) ?? [];
      resolved = true;
    };
    fastify.route({
      method: route.method,
      url: route.url,
      preHandler: async (request, reply) => {
        if (!resolved) resolve();
        if (!authenticator) throw AppError.serviceUnavailable(`Authentication "${kind}" is not configured`);
        request.principal = await authenticator.authenticate(request, reply, kind);
        for (let i = 0; i < gates.length; i++) await gates[i](request, reply);
      },
      handler: (request, reply) => route.handle(request, reply),
      errorHandler: (error, request, reply) => sendError(fromFramework(error), request, reply, this.logger),
    });
    this.mounted.push({ route: `${route.method} ${route.url}`, auth: kind });
  }

  /** Every mounted lean route with its declared authentication (for the default-deny walk). */
  declared(): readonly DeclaredLeanRoute[] {
    return this.mounted;
  }
}

/**
 * Fastify's own errors on a lean route (a body it cannot parse, a content type it does not take,
 * a body over the limit), as Nest's error handler maps them for its routes, so the envelope and
 * status are the same: a FastifyError keeps its status, a JSON syntax error is a 400; anything
 * else stays as thrown (an AppError renders itself; an unknown error is a 500 without details).
 */
function fromFramework(error: unknown): unknown {
  if ((error instanceof SyntaxError || error instanceof URIError) && (error as { status?: number }).status === HttpStatus.BAD_REQUEST)
    return new BadRequestException(error.message);
  const statusCode = (error as { statusCode?: number } | null)?.statusCode;
  if (error instanceof Error && error.name === 'FastifyError' && statusCode !== undefined) return new HttpException(error.message, statusCode);
  return error;
}
