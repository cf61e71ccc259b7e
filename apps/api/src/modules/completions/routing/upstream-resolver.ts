/**
 * Turns a model's routes into what a request needs: the protocol adapter, the transport and the
 * adapter's UpstreamTarget with its quirks validated. Every configured account is checked at boot,
 * so a bad quirks record or an unknown preset in the routes file stops the start-up.
 */
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { accountQuirks } from '../../upstreams/providers/account-quirks';
import type { OpenAiCompatQuirks } from '../../upstreams/providers/openai-compat.quirks';
import type { UpstreamAccountConfig } from '../../upstreams/routing/upstream-account';
import type { ModelRoute } from '../../upstreams/routing/model-route';
import { ModelRouteTable } from '../../upstreams/routing/model-route-table';
import type { UpstreamAdapter, UpstreamTarget } from '../adapters/upstream-adapter';
import { UpstreamAdapterRegistry } from '../adapters/upstream-adapter.registry';
import { UPSTREAM_TRANSPORTS, type UpstreamTransport } from '../transport/upstream-transport';

export interface ResolvedUpstream {
  /** The account id: metrics label, circuit-breaker key, billing's `provider`. */
  id: string;
  adapter: UpstreamAdapter;
  transport: UpstreamTransport;
  target: UpstreamTarget;
  /** The account's own limit for the response headers to arrive; null: the gateway's defaults. */
  timeoutMs: number | null;
  /** Connections re-check the host's addresses against the SSRF policy (admin-entered URLs). */
  guardAddresses: boolean;
}

@Injectable()
export class UpstreamResolver implements OnModuleInit {
  private readonly quirksByAccount = new Map<string, OpenAiCompatQuirks | undefined>();
  private readonly memo = new Map<string, ResolvedUpstream>();

  constructor(
    private readonly adapters: UpstreamAdapterRegistry,
    @Inject(UPSTREAM_TRANSPORTS) private readonly transports: UpstreamTransport[],
    private readonly routeTable: ModelRouteTable,
  ) {
    // A database account may change key or URL under the same id: resolve it afresh.
    routeTable.onClear(() => this.memo.clear());
  }

  onModuleInit(): void {
    const problems: string[] = [];
    for (const account of this.routeTable.allAccounts()) {
      try {
        this.quirksByAccount.set(account.id, accountQuirks(account));
        this.transportFor(account);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    if (problems.length > 0) throw new Error(`Invalid upstream configuration:\n  - ${problems.join('\n  - ')}`);
  }

  resolve(route: ModelRoute): ResolvedUpstream {
    const key = `${route.account.id}\u0000${route.upstreamModel}`;
    let resolved = this.memo.get(key);
    if (!resolved) {
      const { account } = route;
      resolved = {
        id: account.id,
        adapter: this.adapters.get(account.protocol),
        transport: this.transportFor(account),
        target: {
          protocol: account.protocol,
          baseUrl: account.baseUrl,
          apiKey: account.apiKey,
          upstreamModel: route.upstreamModel,
          quirks: this.quirksByAccount.has(account.id) ? this.quirksByAccount.get(account.id) : accountQuirks(account),
        },
        timeoutMs: account.timeoutMs ?? null,
        guardAddresses: account.guardAddresses === true,
      };
      this.memo.set(key, resolved);
    }
    return resolved;
  }

  private transportFor(account: UpstreamAccountConfig): UpstreamTransport {
    const transport = this.transports.find((candidate) => candidate.handles(account.baseUrl));
    if (!transport) throw new Error(`upstream ${account.id}: no transport for ${account.baseUrl}`);
    return transport;
  }
}
