import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { METRICS_PATH } from '@apilink/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import { Public } from '../../common/auth/auth.decorator';
import { AppError } from '../../common/errors/app-error';
import type { ConfigOf } from '../../config/define-config';
import { metricsConfig } from '../../config/metrics.config';
import { metricsTokenAccepted } from './metrics-token';
import { METRICS_REGISTRY } from './metrics.registry';

/**
 * Prometheus scrape endpoint on the app's port. Scrapers rarely hold sessions and the series carry
 * no customer data, so it is closed by METRICS_TOKEN rather than a session; with METRICS_PORT the
 * internal MetricsPortServer serves it instead and this route answers 404.
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
    if (this.config.port !== null) throw AppError.notFound(`Cannot GET ${METRICS_PATH}`);
    if (!metricsTokenAccepted(request.headers.authorization, this.config.token)) {
      throw AppError.unauthenticated('A valid metrics token is required');
    }
    reply.header('content-type', this.registry.contentType);
    return this.registry.metrics();
  }
}
