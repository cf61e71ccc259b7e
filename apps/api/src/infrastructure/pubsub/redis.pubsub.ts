import type Redis from 'ioredis';
import type { PubSub, PubSubHandler } from './pubsub.tokens';

/** Redis pub/sub: a dedicated subscriber connection, since a subscribed connection cannot run commands. */
export class RedisPubSub implements PubSub {
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

  async publish(channel: string, message: string): Promise<void> {
    await this.publisher.publish(this.prefix + channel, message);
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
