import { Controller, Get, Res } from '@nestjs/common';
import { HEALTH_PATH, READINESS_PATH, type HealthResponse, type ReadinessResponse } from '@apilink/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/auth.decorator';
import { HealthService } from './health.service';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process answers. */
  @Public()
  @Get(HEALTH_PATH)
  live(): HealthResponse {
    return { status: 'ok' };
  }

  /** Readiness: the database (and Redis, when configured) answer; 503 otherwise. */
  @Public()
  @Get(READINESS_PATH)
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessResponse> {
    const readiness = await this.health.readiness();
    if (readiness.status !== 'ok') reply.status(503);
    return readiness;
  }
}
