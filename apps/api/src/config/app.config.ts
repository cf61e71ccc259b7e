import { availableParallelism } from 'node:os';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { defineConfig } from './define-config';

class AppEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '127.0.0.1';

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  @IsInt() @Min(1024) @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 4 * 1024 * 1024;

  @IsOptional() @IsString()
  DASHBOARD_DIST_DIR?: string;

  /** Proxies whose X-Forwarded-For is believed: a hop count, or comma-separated addresses/CIDRs. */
  @IsOptional() @IsString()
  TRUST_PROXY?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Worker processes behind the one port (node:cluster); default: every core in production, else 1. */
  @IsOptional() @IsInt() @Min(1) @Max(256)
  WORKERS?: number;
}

/** Unset trusts no proxy: client IPs (used by login throttles) cannot be spoofed with X-Forwarded-For. */
function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim()).filter(Boolean);
}

export const appConfig = defineConfig('app', AppEnv, (env) => ({
  environment: env.NODE_ENV,
  isProduction: env.NODE_ENV === 'production',
  port: env.PORT,
  host: env.HOST,
  /** Where customers reach the gateway; used in docs snippets and error messages. */
  publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
  bodyLimitBytes: env.BODY_LIMIT_BYTES,
  dashboardDistDir: env.DASHBOARD_DIST_DIR,
  logLevel: env.LOG_LEVEL,
  trustProxy: parseTrustProxy(env.TRUST_PROXY),
  workers: env.WORKERS ?? (env.NODE_ENV === 'production' ? availableParallelism() : 1),
}));
