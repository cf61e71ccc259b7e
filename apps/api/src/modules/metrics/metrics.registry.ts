import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per app instance, never prom-client's global one: tests boot several
 * apps in one process, and a second registration on the global registry would throw.
 */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'apilink_process_' });
  return registry;
}
