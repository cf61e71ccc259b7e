import { createServer, connect, type AddressInfo } from 'node:net';
import {
  blockedAddressReason,
  blockedLiteralHostReason,
  checkUpstreamBaseUrl,
  guardedLookup,
  type HostResolver,
  type Lookup,
} from './upstream-address-policy';

const resolvesTo =
  (table: Record<string, string[]>): HostResolver =>
  async (hostname) => {
    if (!(hostname in table)) throw new Error('ENOTFOUND');
    return table[hostname];
  };

const publicOnly = { allowPrivateNetworks: false, resolve: resolvesTo({ 'api.example.com': ['93.184.215.14', '2606:2800:21f:cb07::1'] }) };

const PRIVATE = /loopback, private or link-local/;
const NEVER = /metadata, multicast or reserved/;

/**
 * Every address form, with what it gets by default and with UPSTREAM_ALLOW_PRIVATE_NETWORKS=true
 * (null: accepted). The first 24 were refused before ipaddr.js; the rest got through.
 */
const ADDRESSES: Array<[address: string, byDefault: RegExp | null, privateAllowed: RegExp | null]> = [
  ['127.0.0.1', PRIVATE, null],
  ['127.8.8.8', PRIVATE, null],
  ['10.1.2.3', PRIVATE, null],
  ['172.16.0.1', PRIVATE, null],
  ['172.31.255.255', PRIVATE, null],
  ['192.168.1.1', PRIVATE, null],
  ['169.254.1.1', PRIVATE, null],
  ['100.64.0.1', PRIVATE, null],
  ['::1', PRIVATE, null],
  ['fe80::1', PRIVATE, null],
  ['fd12:3456::1', PRIVATE, null],
  ['::ffff:127.0.0.1', PRIVATE, null],
  ['::ffff:10.0.0.1', PRIVATE, null],
  ['64:ff9b::a00:1', PRIVATE, null],
  ['2002:a00:1::1', PRIVATE, null],
  ['169.254.169.254', NEVER, NEVER],
  ['169.254.170.2', NEVER, NEVER],
  ['100.100.100.200', NEVER, NEVER],
  ['fd00:ec2::254', NEVER, NEVER],
  ['::ffff:169.254.169.254', NEVER, NEVER],
  ['0.0.0.0', NEVER, NEVER],
  ['224.0.0.1', NEVER, NEVER],
  ['255.255.255.255', NEVER, NEVER],
  ['::', NEVER, NEVER],
  // Accepted before: IPv4-compatible IPv6 (::/96), documentation, benchmarking and other special ranges.
  ['::127.0.0.1', NEVER, NEVER],
  ['::7f00:1', NEVER, NEVER],
  ['::a9fe:a9fe', NEVER, NEVER],
  ['::808:808', NEVER, NEVER],
  ['2001:db8::1', NEVER, NEVER],
  ['2001:db8:ffff::5', NEVER, NEVER],
  ['3fff::1', NEVER, NEVER],
  ['2001:2::1', NEVER, NEVER],
  ['2001:20::1', NEVER, NEVER],
  ['192.0.2.1', NEVER, NEVER],
  ['198.51.100.7', NEVER, NEVER],
  ['203.0.113.9', NEVER, NEVER],
  ['240.0.0.1', NEVER, NEVER],
  ['ff02::1', NEVER, NEVER],
  ['64:ff9b::a9fe:a9fe', NEVER, NEVER],
  ['2002:a9fe:a9fe::1', NEVER, NEVER],
  ['not-an-address', NEVER, NEVER],
  ['fe80::1%eth0', PRIVATE, null],
  ['::ffff:0:7f00:1', PRIVATE, null],
  ['2001::1', PRIVATE, null],
  ['fec0::1', PRIVATE, null],
  ['198.18.0.1', PRIVATE, null],
  ['192.0.0.8', PRIVATE, null],
  // Public unicast.
  ['8.8.8.8', null, null],
  ['172.32.0.1', null, null],
  ['93.184.215.14', null, null],
  ['2606:4700::1111', null, null],
  ['2a00:1450:4001:82a::200e', null, null],
];

describe('blockedAddressReason (only public unicast, or private when allowed)', () => {
  it.each(ADDRESSES)('%s: %p by default, %p with private networks allowed', (address, byDefault, privateAllowed) => {
    const check = (reason: string | null, expected: RegExp | null) =>
      expected ? expect(reason).toMatch(expected) : expect(reason).toBeNull();
    check(blockedAddressReason(address, false), byDefault);
    check(blockedAddressReason(address, true), privateAllowed);
  });

  it('checks IP literal hosts (with or without brackets) and leaves names to the lookup', () => {
    expect(blockedLiteralHostReason('[::7f00:1]', true)).toMatch(NEVER);
    expect(blockedLiteralHostReason('2001:db8::1', false)).toMatch(NEVER);
    expect(blockedLiteralHostReason('127.0.0.1', false)).toMatch(PRIVATE);
    expect(blockedLiteralHostReason('8.8.8.8', false)).toBeNull();
    expect(blockedLiteralHostReason('api.example.com', false)).toBeNull();
  });
});

describe('checkUpstreamBaseUrl', () => {
  it('accepts a public https URL and drops the trailing slash', async () => {
    await expect(checkUpstreamBaseUrl('https://api.example.com/v1/', publicOnly)).resolves.toBe('https://api.example.com/v1');
  });

  it('refuses a host when any of its addresses is private (DNS pointing inside)', async () => {
    const resolve = resolvesTo({ 'evil.example.com': ['93.184.215.14', '10.0.0.5'] });
    await expect(checkUpstreamBaseUrl('https://evil.example.com', { allowPrivateNetworks: false, resolve })).rejects.toThrow(
      /resolves to 10\.0\.0\.5 is a loopback, private or link-local address/,
    );
  });

  it.each([
    ['http://127.0.0.1:8080/v1', /https/],
    ['https://127.0.0.1:8080/v1', /loopback/],
    ['https://[::1]/v1', /loopback/],
    ['https://2130706433/v1', /127\.0\.0\.1/],
    ['https://0x7f.1/v1', /127\.0\.0\.1/],
    ['https://169.254.169.254/latest', /metadata/],
    ['https://metadata.google.internal/computeMetadata', /metadata host/],
    ['https://user:pass@api.example.com', /credentials/],
    ['https://api.example.com/v1?x=1', /query string/],
    ['ftp://api.example.com', /https/],
    ['not a url', /absolute/],
    ['https://nowhere.invalid', /does not resolve/],
    ['https://[::127.0.0.1]/', /reserved/],
    ['https://[::7f00:1]/', /reserved/],
    ['https://[2001:db8::1]/v1', /reserved/],
    ['https://192.0.2.10/v1', /reserved/],
    ['https://[::ffff:7f00:1]/v1', /loopback/],
    ['https://0177.0.0.1/v1', /loopback/],
    ['https://127.1/v1', /loopback/],
    ['https://0.0.0.0/v1', /reserved/],
  ])('refuses %s', async (url, message) => {
    await expect(checkUpstreamBaseUrl(url, publicOnly)).rejects.toThrow(message);
  });

  it('accepts loopback over plain http when private networks are allowed, but never metadata', async () => {
    const policy = { allowPrivateNetworks: true, resolve: resolvesTo({ localhost: ['127.0.0.1'] }) };
    await expect(checkUpstreamBaseUrl('http://localhost:8081/v1', policy)).resolves.toBe('http://localhost:8081/v1');
    await expect(checkUpstreamBaseUrl('http://169.254.169.254/', policy)).rejects.toThrow(/metadata/);
  });
});

describe('guardedLookup (checked again at every connection)', () => {
  /** A resolver that answers `addresses` whatever is asked, like a rebound DNS record. */
  const rebound =
    (addresses: string[]): Lookup =>
    (_hostname, options, callback) =>
      options.all
        ? callback(
            null,
            addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
          )
        : callback(null, addresses[0], addresses[0].includes(':') ? 6 : 4);

  const lookupWith = (lookup: ReturnType<typeof guardedLookup>, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      lookup('api.example.com', { all }, (error, address) => resolve({ error, address })),
    );

  it.each([false, true])('refuses a host that now resolves to a private address (all: %s)', async (all) => {
    // With all: false only the first address is used, so it is the one that must be refused.
    const { error } = await lookupWith(guardedLookup(false, rebound(all ? ['93.184.215.14', '10.0.0.5'] : ['10.0.0.5'])), all);
    expect(error).toMatchObject({
      code: 'EUPSTREAMADDRESS',
      message: expect.stringMatching(/api\.example\.com now resolves to 10\.0\.0\.5/),
    });
  });

  it('refuses metadata addresses even when private networks are allowed', async () => {
    const { error } = await lookupWith(guardedLookup(true, rebound(['169.254.169.254'])), true);
    expect(error?.message).toMatch(/metadata/);
  });

  it('passes public addresses, and private ones when allowed, through unchanged', async () => {
    expect(await lookupWith(guardedLookup(false, rebound(['93.184.215.14'])), false)).toEqual({ error: null, address: '93.184.215.14' });
    expect(await lookupWith(guardedLookup(true, rebound(['10.0.0.5'])), true)).toEqual({
      error: null,
      address: [{ address: '10.0.0.5', family: 4 }],
    });
  });

  it('stops a real socket before it connects', async () => {
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const refused = await new Promise<Error | null>((resolve) => {
        const socket = connect({ host: 'localhost', port, lookup: guardedLookup(false) });
        socket.on('connect', () => {
          socket.destroy();
          resolve(null);
        });
        socket.on('error', resolve);
      });
      expect(refused).toMatchObject({ code: 'EUPSTREAMADDRESS' });
    } finally {
      server.close();
    }
  });
});
