import { EventEmitter } from 'node:events';
import type { PubSub, PubSubHandler } from './pubsub.tokens';

/** Single-instance fallback without Redis: delivery stays inside this process. */
export class InProcessPubSub implements PubSub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, message: string): Promise<void> {
    this.emitter.emit(channel, message);
  }

  subscribe(channel: string, handler: PubSubHandler): void {
    this.emitter.on(channel, handler);
  }
}
