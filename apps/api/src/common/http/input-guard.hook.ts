import { INTERNAL_API_PREFIX } from '@apilink/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import { findBodyProblem, MAX_BODY_DEPTH } from './body-shape';
import { pathParamProblem } from './path-param-problem';

const QUERY_RULES = { maxDepth: 2, refuseNul: true };

/**
 * Refuses input no handler can use, for every route (including ones added later), after Fastify
 * has routed and parsed the request but before guards, pipes or handlers see it: path parameters
 * that cannot name anything, bodies nested too deep to validate, and (on the dashboard API,
 * whose input is stored) NUL characters PostgreSQL would reject.
 */
export function registerInputGuard(fastify: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request and never waits for anything.
  fastify.addHook('preValidation', (request: FastifyRequest, _reply, done) => {
    const dashboardApi = request.url.startsWith(`${INTERNAL_API_PREFIX}/`);
    const params = request.params as Record<string, unknown> | undefined;
    if (params) {
      for (const name in params) {
        const value = params[name];
        const problem = typeof value === 'string' ? pathParamProblem(name, value, dashboardApi) : null;
        if (problem) return done(AppError.notFound(`Not found: ${problem}`));
      }
    }
    const problem =
      (dashboardApi ? findBodyProblem(request.query, QUERY_RULES) : null) ??
      findBodyProblem(request.body, { maxDepth: MAX_BODY_DEPTH, refuseNul: dashboardApi });
    if (problem) return done(AppError.invalidRequest(problem.message, problem.param));
    done();
  });
}
