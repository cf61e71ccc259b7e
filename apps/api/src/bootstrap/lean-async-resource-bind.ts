/**
 * AsyncResource#bind as later Node releases have it (DEP0172 at End-of-Life): without the
 * deprecated `asyncResource` accessor that Node 20 defines on every bound function.
 *
 * Why: each of those accessors is a new pair of closures, so each bound function gets its own
 * hidden class, which V8 allocates in the old generation; through the getter's closure it holds
 * the bound function and whatever that function captures. A scavenge treats old-generation
 * objects as roots until the next full collection, so everything reachable that way is promoted.
 * Fastify 5.11 binds its body parser's callback once per request with a body (5.12 no longer
 * does, but the Nest adapter pins 5.11): the request, the reply, both Node messages and all that
 * hangs off them reached the old generation on every /v1 call. At 500 req/s this was ~60% of
 * what was promoted and most of the full collections (docs/benchmark.md).
 */
import { AsyncResource } from 'node:async_hooks';

type AnyFunction = (...args: unknown[]) => unknown;

/** Replaces AsyncResource#bind once, where Node still defines the accessor. Idempotent. */
export function useLeanAsyncResourceBind(): void {
  if (!bindDefinesResourceAccessor()) return;
  AsyncResource.prototype.bind = function bind(this: AsyncResource, fn: AnyFunction, thisArg?: unknown) {
    if (typeof fn !== 'function') return originalBind.call(this, fn, thisArg); // Node's own validation error
    const bound = thisArg === undefined ? inScopeOf(this, fn) : this.runInAsyncScope.bind(this, fn, thisArg);
    // A plain data property, as Node sets it: unlike an accessor, it shares one hidden class.
    Object.defineProperty(bound, 'length', { configurable: true, enumerable: false, writable: false, value: fn.length });
    return bound;
  } as typeof AsyncResource.prototype.bind;
}

/** `fn` run in the resource's scope with the receiver and arguments of each call, as Node's bind does. */
function inScopeOf(resource: AsyncResource, fn: AnyFunction): AnyFunction {
  return function (this: unknown, ...args: unknown[]) {
    return resource.runInAsyncScope(fn, this, ...args);
  };
}

const originalBind = AsyncResource.prototype.bind as (this: AsyncResource, fn: unknown, thisArg?: unknown) => AnyFunction;

function bindDefinesResourceAccessor(): boolean {
  const bound = new AsyncResource('apilink:bind-probe').bind(() => undefined);
  return Object.getOwnPropertyDescriptor(bound, 'asyncResource')?.get !== undefined;
}
