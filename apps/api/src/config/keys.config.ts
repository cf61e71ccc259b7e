import { IsInt, Max, Min } from 'class-validator';
import { defineConfig } from './define-config';

class KeysEnv {
  @IsInt()
  @Min(1)
  @Max(3600)
  API_KEY_CACHE_TTL_SECONDS: number = 60;

  @IsInt()
  @Min(100)
  API_KEY_CACHE_MAX_ENTRIES: number = 10_000;

  @IsInt()
  @Min(1)
  @Max(3600)
  API_KEY_LAST_USED_FLUSH_SECONDS: number = 10;
}

export const keysConfig = defineConfig('keys', KeysEnv, (env) => ({
  /** Upper bound on how stale a cached key may be if an invalidation message is lost. */
  cacheTtlMs: env.API_KEY_CACHE_TTL_SECONDS * 1000,
  cacheMaxEntries: env.API_KEY_CACHE_MAX_ENTRIES,
  lastUsedFlushMs: env.API_KEY_LAST_USED_FLUSH_SECONDS * 1000,
}));
