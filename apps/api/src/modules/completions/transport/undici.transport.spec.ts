import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConfigOf } from '../../../config/define-config';
import type { adminConfig } from '../../../config/admin.config';
import type { completionsConfig } from '../../../config/completions.config';
import { UpstreamConnectError } from './upstream-connect.error';
import { UndiciTransport } from './undici.transport';

const completions = { poolConnections: 2, connectTimeoutMs: 2_000 } as ConfigOf<typeof completionsConfig>;
const transportFor = (allowPrivate: boolean) =>
  new UndiciTransport(completions, { upstreamAllowPrivateNetworks: allowPrivate } as ConfigOf<typeof adminConfig>);

describe('UndiciTransport: IP literal hosts are checked at every connection', () => {
  let server: Server;
  let port: number;
  let received = 0;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      received++;
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const send = (transport: UndiciTransport, url: string, guardAddresses: boolean) =>
    transport.send(
      { method: 'POST', url, headers: {}, body: '{}', usageReported: true, droppedParams: [] },
      { signal: new AbortController().signal, headersTimeoutMs: 2_000, guardAddresses },
    );

  it('refuses an admin-entered loopback literal before connecting, unless private networks are allowed', async () => {
    const denied = transportFor(false);
    const allowed = transportFor(true);
    try {
      await expect(send(denied, `http://127.0.0.1:${port}/v1`, true)).rejects.toThrow(UpstreamConnectError);
      await expect(send(denied, `http://127.0.0.1:${port}/v1`, true)).rejects.toThrow(/EUPSTREAMADDRESS/);
      expect(received).toBe(0);
      const response = await send(allowed, `http://127.0.0.1:${port}/v1`, true);
      for await (const chunk of response.body) expect(chunk.length).toBeGreaterThan(0);
      expect(response.status).toBe(200);
      expect(received).toBe(1);
    } finally {
      await denied.onApplicationShutdown();
      await allowed.onApplicationShutdown();
    }
  });

  it.each(['https://[::7f00:1]/v1', 'https://[::127.0.0.1]/v1', 'https://[2001:db8::1]/v1', 'https://169.254.169.254/v1'])(
    'never connects to %s, even with private networks allowed',
    async (url) => {
      const transport = transportFor(true);
      await expect(send(transport, url, true)).rejects.toThrow(
        /EUPSTREAMADDRESS: Refused to connect to .* metadata, multicast or reserved/,
      );
      await transport.onApplicationShutdown();
    },
  );
});
