/**
 * `{ ...base, ...extra }`, for per-request paths. On Node 20 (V8 11.3) an object literal that
 * spreads an object and then adds properties gets a new hidden class on every call; those live in
 * the old generation and keep what the object references alive through scavenges, so a request's
 * objects were promoted (docs/benchmark.md). Object.assign onto a fresh literal shares one hidden
 * class, with the same keys, order and precedence as the spread.
 */
export function extend<Base extends object, Extra extends object>(base: Base, extra: Extra): Base & Extra {
  return Object.assign({}, base, extra);
}
