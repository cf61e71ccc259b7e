import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { METRICS_PATH } from '@apilink/contracts';
import type { Registry } from 'prom-client';
import { appConfig } from '../../config/app.config';
import type { ConfigOf } from '../../config/define-config';
import { metricsConfig } from '../../config/metrics.config';
import { metricsTokenAccepted } from './metrics-token';
import { METRICS_REGISTRY } from './metrics.registry';

/**
 * With METRICS_PORT, /metrics is served by this plain HTTP server on a port of its own (kept
 * inside the network by the operator), and nothing else is: the public port never shows it.
 */
@Injectable()
export class MetricsPortServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(metricsConfig.KEY) private readonly config: ConfigOf<typeof metricsConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigOf<typeof appConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.port === null) return;
    const server = createServer((request, response) => {
      const answer = (status: number, body: string, type = 'application/json') => {
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        response.end(body);
      };
      if (request.method !== 'GET' || request.url?.split('?')[0] !== METRICS_PATH) return answer(404, '{"error":"not found"}');
      if (!metricsTokenAccepted(request.headers.authorization, this.config.token))
        return answer(401, '{"error":"a valid metrics token is required"}');
      this.registry.metrics().then(
        (text) => answer(200, text, this.registry.contentType),
        () => answer(500, '{"error":"metrics unavailable"}'),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.port ?? 0, this.app.host, resolve);
    });
    this.server = server;
    new Logger('Metrics').log(`Metrics on http://${this.app.host}:${(server.address() as AddressInfo).port}${METRICS_PATH}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
