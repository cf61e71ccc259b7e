import { IsInt, IsOptional, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { defineConfig } from './define-config';
import { EnvBoolean } from './env-boolean.decorator';

interface MetricsExposure {
  NODE_ENV?: string;
  METRICS_TOKEN?: string;
  METRICS_PORT?: number;
  METRICS_PUBLIC?: boolean;
}

/** In production /metrics must be closed by a token or moved to an internal port, unless openly allowed. */
const mustBeClosed = (env: MetricsExposure) =>
  env.NODE_ENV === 'production' && env.METRICS_PORT === undefined && env.METRICS_PUBLIC !== true;

class MetricsEnv {
  /** When set, /metrics requires `Authorization: Bearer <token>` (on whichever port serves it). */
  @ValidateIf((env: MetricsExposure) => env.METRICS_TOKEN !== undefined || mustBeClosed(env))
  @IsString({
    message:
      'METRICS_TOKEN is required when NODE_ENV=production: set it (16+ characters), or METRICS_PORT to serve /metrics on an internal port, or METRICS_PUBLIC=true to serve it openly',
  })
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** Serves /metrics on this port only (bound to HOST, meant to stay inside the network); the public port answers 404. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /** Explicit consent to an open /metrics on the public port in production. */
  @EnvBoolean()
  METRICS_PUBLIC: boolean = false;

  @IsOptional()
  @IsString()
  NODE_ENV?: string;
}

export const metricsConfig = defineConfig('metrics', MetricsEnv, (env) => ({
  token: env.METRICS_TOKEN ?? null,
  /** A separate internal port for /metrics, or null to serve it on the app's own port. */
  port: env.METRICS_PORT ?? null,
}));
