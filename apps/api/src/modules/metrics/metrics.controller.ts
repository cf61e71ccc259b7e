import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { METRICS_PATH } from '@apilink/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import { Public } from '../../common/auth/auth.decorator';
import { AppError } from '../../common/errors/app-error';
import type { ConfigOf } from '../../config/define-config';
import { metricsConfig } from '../../config/metrics.config';
import { METRICS_REGISTRY } from './metrics.registry';

/**
 * Prometheus scrape endpoint. Public by default because scrapers rarely hold sessions and the
 * series carry no customer data; METRICS_TOKEN closes it with a bearer token.
 */
@Controller()
export class MetricsController {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(metricsConfig.KEY) private readonly config: ConfigOf<typeof metricsConfig>,
  ) {}

  @Public()
  @Get(METRICS_PATH)
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (this.config.token && !this.authorized(request.headers.authorization)) {
      throw AppError.unauthenticated('A valid metrics token is required');
    }
    reply.header('content-type', this.registry.contentType);
    return this.registry.metrics();
  }

  private authorized(header: string | undefined): boolean {
    const expected = Buffer.from(`Bearer ${this.config.token}`);
    const given = Buffer.from(header ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
