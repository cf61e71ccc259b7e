import { createServer, connect, type AddressInfo } from 'node:net';
import { blockedAddressReason, checkUpstreamBaseUrl, guardedLookup, type HostResolver, type Lookup } from './upstream-address-policy';

const resolvesTo =
  (table: Record<string, string[]>): HostResolver =>
  async (hostname) => {
    if (!(hostname in table)) throw new Error('ENOTFOUND');
    return table[hostname];
  };

const publicOnly = { allowPrivateNetworks: false, resolve: resolvesTo({ 'api.example.com': ['93.184.215.14', '2606:2800:21f:cb07::1'] }) };

describe('blockedAddressReason', () => {
  it.each([
    '127.0.0.1',
    '127.8.8.8',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.1.1',
    '100.64.0.1',
    '::1',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    '2002:a00:1::1',
  ])('refuses the private address %s unless private networks are allowed', (address) => {
    expect(blockedAddressReason(address, false)).toMatch(/loopback, private or link-local/);
    expect(blockedAddressReason(address, true)).toBeNull();
  });

  it.each([
    '169.254.169.254',
    '169.254.170.2',
    '100.100.100.200',
    'fd00:ec2::254',
    '::ffff:169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
  ])('refuses the metadata or reserved address %s even when private networks are allowed', (address) => {
    expect(blockedAddressReason(address, true)).toMatch(/metadata, multicast or reserved/);
  });

  it.each(['8.8.8.8', '172.32.0.1', '93.184.215.14', '2606:4700::1111'])('accepts the public address %s', (address) => {
    expect(blockedAddressReason(address, false)).toBeNull();
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
        ? callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })))
        : callback(null, addresses[0], addresses[0].includes(':') ? 6 : 4);

  const lookupWith = (lookup: ReturnType<typeof guardedLookup>, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      lookup('api.example.com', { all }, (error, address) => resolve({ error, address })),
    );

  it.each([false, true])('refuses a host that now resolves to a private address (all: %s)', async (all) => {
    // With all: false only the first address is used, so it is the one that must be refused.
    const { error } = await lookupWith(guardedLookup(false, rebound(all ? ['93.184.215.14', '10.0.0.5'] : ['10.0.0.5'])), all);
    expect(error).toMatchObject({ code: 'EUPSTREAMADDRESS', message: expect.stringMatching(/api\.example\.com now resolves to 10\.0\.0\.5/) });
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
