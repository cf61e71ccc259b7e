import { IsOptional, IsString, Matches } from 'class-validator';
import { defineConfig } from './define-config';

class RedisEnv {
  @IsOptional() @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsString()
  REDIS_KEY_PREFIX: string = 'apilink:';
}

export const redisConfig = defineConfig('redis', RedisEnv, (env) => ({
  url: env.REDIS_URL,
  keyPrefix: env.REDIS_KEY_PREFIX,
}));
