import { Module } from '@nestjs/common';
import { GatewayMetrics } from './gateway-metrics';
import { MetricsController } from './metrics.controller';
import { createMetricsRegistry, METRICS_REGISTRY } from './metrics.registry';

/** Prometheus metrics: the registry, the gateway's series and GET /metrics. */
@Module({
  controllers: [MetricsController],
  providers: [{ provide: METRICS_REGISTRY, useFactory: createMetricsRegistry }, GatewayMetrics],
  exports: [GatewayMetrics, METRICS_REGISTRY],
})
export class MetricsModule {}
