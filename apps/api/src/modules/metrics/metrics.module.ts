import { Module } from '@nestjs/common';
import { GatewayMetrics } from './gateway-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsPortServer } from './metrics-port.server';
import { createMetricsRegistry, METRICS_REGISTRY } from './metrics.registry';

/** Prometheus metrics: the registry, the gateway's series and GET /metrics (on the app's port or METRICS_PORT). */
@Module({
  controllers: [MetricsController],
  providers: [{ provide: METRICS_REGISTRY, useFactory: createMetricsRegistry }, GatewayMetrics, MetricsPortServer],
  exports: [GatewayMetrics, METRICS_REGISTRY],
})
export class MetricsModule {}
