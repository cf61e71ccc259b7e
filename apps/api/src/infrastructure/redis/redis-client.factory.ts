import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/** One connection for commands; ioredis reconnects by itself, and commands fail fast while it is down. */
export function createRedisClient(url: string, keyPrefix: string, name = 'commands'): Redis {
  const logger = new Logger(`Redis:${name}`);
  const client = new Redis(url, {
    keyPrefix,
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let warned = false;
  client.on('error', (error: Error) => {
    if (!warned) logger.warn(`Redis unavailable: ${error.message}`);
    warned = true;
  });
  client.on('ready', () => {
    if (warned) logger.log('Redis reachable again');
    warned = false;
  });
  return client;
}
