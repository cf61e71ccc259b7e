import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { auditContextOf, type AuditContext } from './audit-actor';

/** The AuditContext (acting staff member + request id) of a `staff` or `admin` route. */
export const CurrentAuditContext = createParamDecorator((_data: unknown, context: ExecutionContext): AuditContext =>
  auditContextOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
