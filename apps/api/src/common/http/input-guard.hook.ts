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
  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    const dashboardApi = request.url.startsWith(`${INTERNAL_API_PREFIX}/`);
    for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
      const problem = typeof value === 'string' ? pathParamProblem(name, value, dashboardApi) : null;
      if (problem) throw AppError.notFound(`Not found: ${problem}`);
    }
    const problem =
      (dashboardApi ? findBodyProblem(request.query, QUERY_RULES) : null) ??
      findBodyProblem(request.body, { maxDepth: MAX_BODY_DEPTH, refuseNul: dashboardApi });
    if (problem) throw AppError.invalidRequest(problem.message, problem.param);
  });
}
