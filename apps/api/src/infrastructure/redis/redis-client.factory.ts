import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/**
 * Commands fail fast while Redis is down (callers degrade instead of queueing behind an outage);
 * the subscriber queues its SUBSCRIBEs until connected, and ioredis re-subscribes after reconnects.
 */
export function createRedisClient(url: string, keyPrefix: string, name: 'commands' | 'subscriber' = 'commands'): Redis {
  const logger = new Logger(`Redis:${name}`);
  const client = new Redis(url, {
    keyPrefix,
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: name === 'subscriber',
    connectTimeout: 2_000,
    // Commands issued in the same tick (rate-limit hits of concurrent requests) go out in one
    // write: fewer system calls per request, same atomic script per hit, so limits stay exact.
    enableAutoPipelining: name === 'commands',
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
