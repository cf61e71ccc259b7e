import { Module } from '@nestjs/common';
import { EventLoopWatchdog } from './event-loop-watchdog';
import { GatewayMetrics } from './gateway-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsPortServer } from './metrics-port.server';
import { createMetricsRegistry, METRICS_REGISTRY } from './metrics.registry';

/** Prometheus metrics: the registry, the gateway's series, the event-loop watchdog and GET /metrics (on the app's port or METRICS_PORT). */
@Module({
  controllers: [MetricsController],
  providers: [{ provide: METRICS_REGISTRY, useFactory: createMetricsRegistry }, GatewayMetrics, MetricsPortServer, EventLoopWatchdog],
  exports: [GatewayMetrics, METRICS_REGISTRY],
})
export class MetricsModule {}
