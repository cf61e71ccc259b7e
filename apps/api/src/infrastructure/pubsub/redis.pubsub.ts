import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { PubSub, PubSubHandler } from './pubsub.tokens';

/** Redis pub/sub: a dedicated subscriber connection, since a subscribed connection cannot run commands. */
export class RedisPubSub implements PubSub {
  private readonly logger = new Logger(RedisPubSub.name);
  private readonly handlers = new Map<string, PubSubHandler[]>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      for (const handler of this.handlers.get(channel) ?? []) handler(message);
    });
  }

  /**
   * Never throws: a message lost while Redis is unreachable only delays invalidation until the
   * subscribers' cache TTLs expire, which must not fail the change that triggered it.
   */
  async publish(channel: string, message: string): Promise<void> {
    try {
      await this.publisher.publish(this.prefix + channel, message);
    } catch (error) {
      this.logger.warn(`Could not publish on ${channel}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  subscribe(channel: string, handler: PubSubHandler): void {
    const key = this.prefix + channel;
    const existing = this.handlers.get(key);
    if (existing) return void existing.push(handler);
    this.handlers.set(key, [handler]);
    void this.subscriber.subscribe(key).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
  }
}
