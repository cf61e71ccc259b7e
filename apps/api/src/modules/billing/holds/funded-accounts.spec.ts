import { FundedAccounts } from './funded-accounts';
import type { PreparedQuery } from './hold-functions';

const USER = '00000000-0000-4000-8000-00000000000a';

function accounts(balances: Map<string, bigint>) {
  let clock = 0;
  const query = jest.fn(async (_name: string, _text: string, [userId]: unknown[]) => {
    const balance = balances.get(userId as string);
    return balance === undefined ? [] : [{ funded: balance > 0n }];
  });
  const funded = new FundedAccounts(query as unknown as PreparedQuery, () => clock);
  return { funded, query, advance: (ms: number) => (clock += ms) };
}

describe('FundedAccounts', () => {
  it('remembers a funded account for a minute: no query per request', async () => {
    const { funded, query, advance } = accounts(new Map([[USER, 1n]]));
    expect(await funded.isFunded(USER)).toBe(true);
    advance(59_000);
    expect(await funded.isFunded(USER)).toBe(true);
    expect(query).toHaveBeenCalledTimes(1);
    advance(2_000);
    expect(await funded.isFunded(USER)).toBe(true);
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('asks again on every request of an account without credit, or without an account row', async () => {
    const balances = new Map([[USER, 0n]]);
    const { funded, query } = accounts(balances);
    expect(await funded.isFunded(USER)).toBe(false);
    expect(await funded.isFunded('00000000-0000-4000-8000-00000000000b')).toBe(false);
    balances.set(USER, 5_000_000n);
    expect(await funded.isFunded(USER)).toBe(true);
    expect(query).toHaveBeenCalledTimes(3);
  });

  it('forgets an account whose hold was refused for lack of balance', async () => {
    const balances = new Map([[USER, 1n]]);
    const { funded, query } = accounts(balances);
    await funded.isFunded(USER);
    balances.set(USER, 0n);
    funded.forget(USER);
    expect(await funded.isFunded(USER)).toBe(false);
    expect(query).toHaveBeenCalledTimes(2);
  });
});
