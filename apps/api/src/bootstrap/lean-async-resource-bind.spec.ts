import { AsyncLocalStorage, AsyncResource, executionAsyncId } from 'node:async_hooks';
import { useLeanAsyncResourceBind } from './lean-async-resource-bind';

describe('useLeanAsyncResourceBind', () => {
  const nodeBind = AsyncResource.prototype.bind;
  afterAll(() => {
    AsyncResource.prototype.bind = nodeBind;
  });
  beforeAll(() => useLeanAsyncResourceBind());

  it('binds without the deprecated asyncResource accessor, keeping the length', () => {
    const bound = new AsyncResource('test').bind((a: number, b: number) => a + b);
    expect(Object.getOwnPropertyDescriptor(bound, 'asyncResource')).toBeUndefined();
    expect(bound.length).toBe(2);
    expect(bound(2, 3)).toBe(5);
  });

  it('runs the function in the resource scope: its async id and the context it was bound in', () => {
    const storage = new AsyncLocalStorage<string>();
    const resource = storage.run('bound-here', () => new AsyncResource('test'));
    const bound = storage.run('bound-here', () => resource.bind(() => ({ id: executionAsyncId(), store: storage.getStore() })));
    expect(storage.run('called-here', bound)).toEqual({ id: resource.asyncId(), store: 'bound-here' });
  });

  it('passes the call receiver through, or the thisArg when one was given', () => {
    function receiver(this: unknown): unknown {
      return this;
    }
    const holder = { bound: new AsyncResource('test').bind(receiver) };
    expect(holder.bound()).toBe(holder);
    const fixed = { fixed: true };
    const withThis = (AsyncResource.prototype.bind as (fn: unknown, thisArg: unknown) => () => unknown).call(
      new AsyncResource('test'),
      receiver,
      fixed,
    );
    expect(withThis.call({ other: true })).toBe(fixed);
    expect(AsyncResource.bind(receiver, 'test', fixed)()).toBe(fixed);
  });

  it("rejects a non-function as Node's bind does", () => {
    expect(() => new AsyncResource('test').bind(42 as unknown as () => void)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }),
    );
  });

  it('replaces the method once', () => {
    const lean = AsyncResource.prototype.bind;
    useLeanAsyncResourceBind();
    expect(AsyncResource.prototype.bind).toBe(lean);
    expect(lean).not.toBe(nodeBind);
  });
});
