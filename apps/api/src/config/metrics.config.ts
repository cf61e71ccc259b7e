import { IsOptional, IsString, MinLength } from 'class-validator';
import { defineConfig } from './define-config';

class MetricsEnv {
  /** When set, GET /metrics requires `Authorization: Bearer <token>`; open otherwise (scrapers inside the network). */
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;
}

export const metricsConfig = defineConfig('metrics', MetricsEnv, (env) => ({
  token: env.METRICS_TOKEN ?? null,
}));
