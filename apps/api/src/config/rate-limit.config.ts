import { IsInt, Max, Min } from 'class-validator';
import { defineConfig } from './define-config';
import { EnvBoolean } from './env-boolean.decorator';

class RateLimitEnv {
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_RPM: number = 60;

  @IsInt()
  @Min(1)
  @Max(1000)
  RATE_LIMIT_INSTANCES: number = 1;

  @EnvBoolean()
  RATE_LIMIT_LEASES: boolean = true;
}

export const rateLimitConfig = defineConfig('rateLimit', RateLimitEnv, (env) => ({
  /** Requests per minute for a key without its own limit. */
  defaultRpm: env.RATE_LIMIT_RPM,
  /** API instances sharing the limits; each enforces limit / instances while Redis is unreachable. */
  instances: env.RATE_LIMIT_INSTANCES,
  /** With Redis: busy keys far from their limit spend tokens leased per instance (no round trip per hit). */
  leases: env.RATE_LIMIT_LEASES,
}));
