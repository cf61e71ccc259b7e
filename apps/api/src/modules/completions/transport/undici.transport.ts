/** HTTP upstreams through undici: one keep-alive Pool per origin, shared by every request. */
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'undici';
import { adminConfig } from '../../../config/admin.config';
import { completionsConfig } from '../../../config/completions.config';
import { blockedLiteralHostReason, guardedLookup } from '../../upstreams/upstream-address-policy';
import type { ConfigOf } from '../../../config/define-config';
import type { UpstreamHttpRequest } from '../adapters/upstream-adapter';
import { UpstreamConnectError } from './upstream-connect.error';
import type { SendOptions, UpstreamResponse, UpstreamTransport } from './upstream-transport';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);

@Injectable()
export class UndiciTransport implements UpstreamTransport, OnApplicationShutdown {
  private readonly pools = new Map<string, Pool>();
  /** Pools for admin-entered hosts, whose connections re-check where the host resolves. */
  private readonly guardedPools = new Map<string, Pool>();

  constructor(
    @Inject(completionsConfig.KEY) private readonly config: ConfigOf<typeof completionsConfig>,
    @Inject(adminConfig.KEY) private readonly admin: ConfigOf<typeof adminConfig>,
  ) {}

  handles(url: string): boolean {
    return url.startsWith('https://') || url.startsWith('http://');
  }

  async send(request: UpstreamHttpRequest, options: SendOptions): Promise<UpstreamResponse> {
    const url = new URL(request.url);
    if (options.guardAddresses === true) {
      const reason = blockedLiteralHostReason(url.hostname, this.admin.upstreamAllowPrivateNetworks);
      if (reason) throw new UpstreamConnectError(`EUPSTREAMADDRESS: Refused to connect to ${reason}`, 'connect');
    }
    try {
      const response = await this.pool(url.origin, options.guardAddresses === true).request({
        method: request.method,
        path: url.pathname + url.search,
        headers: request.headers,
        body: request.body,
        signal: options.signal,
        headersTimeout: options.headersTimeoutMs,
        // The whole-request timeout and client aborts end slow bodies; a gap between tokens is normal.
        bodyTimeout: 0,
      });
      const body = response.body;
      return { status: response.statusCode, body, discard: () => body.destroy() };
    } catch (error) {
      if (options.signal.aborted) throw options.signal.reason;
      throw toConnectError(error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const pools = [...this.pools.values(), ...this.guardedPools.values()];
    await Promise.all(pools.map((pool) => pool.destroy().catch(() => undefined)));
    this.pools.clear();
    this.guardedPools.clear();
  }

  /** The same origin configured from env and entered by an admin gets two pools: only the latter is guarded. */
  private pool(origin: string, guarded: boolean): Pool {
    const pools = guarded ? this.guardedPools : this.pools;
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.config.poolConnections,
        connect: {
          timeout: this.config.connectTimeoutMs,
          ...(guarded ? { lookup: guardedLookup(this.admin.upstreamAllowPrivateNetworks) } : {}),
        },
        // Idle sockets stay open long enough to be reused by the next request.
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 600_000,
      });
      pools.set(origin, pool);
    }
    return pool;
  }
}

function toConnectError(error: unknown): UpstreamConnectError {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamConnectError(`${code || 'error'}: ${message}`, TIMEOUT_CODES.has(code) ? 'timeout' : 'connect');
}
