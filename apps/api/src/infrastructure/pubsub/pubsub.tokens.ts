export type PubSubHandler = (message: string) => void;

/** Broadcasts small messages (cache invalidations) to every API instance, this one included. */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: PubSubHandler): void;
}

export const PUB_SUB = Symbol('PUB_SUB');
