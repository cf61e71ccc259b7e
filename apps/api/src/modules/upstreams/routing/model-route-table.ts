/**
 * Which upstreams serve which model, from configuration: the routes file's ordered list when it
 * names the model, else the account of the model's provider (when its key is set), else nothing.
 * A model with no route is not active. Routes admins keep in the database (DbUpstreamRoutes) take
 * over from both for the models they list.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ECHO_MODEL_ID } from '@apilink/contracts';
import type { ConfigOf } from '../../../config/define-config';
import type { UpstreamAccountConfig } from './upstream-account';
import { upstreamsConfig } from '../upstreams.config';
import { DbUpstreamRoutes } from './db-upstream-routes';
import { ECHO_UPSTREAM_ACCOUNT, type ModelRoute } from './model-route';

/** What routing needs to know of a catalog model. */
export interface RoutableModel {
  id: string;
  provider: string;
  upstreamModel: string;
}

@Injectable()
export class ModelRouteTable {
  private readonly accounts = new Map<string, UpstreamAccountConfig>();
  private readonly byProvider = new Map<string, UpstreamAccountConfig>();
  private readonly memo = new Map<string, ModelRoute[]>();
  private readonly clearListeners: (() => void)[] = [];

  constructor(
    @Inject(upstreamsConfig.KEY) private readonly config: ConfigOf<typeof upstreamsConfig>,
    private readonly dbRoutes: DbUpstreamRoutes,
  ) {
    for (const account of [...config.providerAccounts, ...(config.routes?.upstreams ?? [])]) this.accounts.set(account.id, account);
    for (const account of config.providerAccounts) this.byProvider.set(account.id, account);
    // An admin's change reaches every instance through PUB_SUB; the next request routes by it.
    dbRoutes.onChange(() => this.clear());
  }

  /** Every account requests may go to (the completions module prepares one client per account). */
  allAccounts(): UpstreamAccountConfig[] {
    const accounts = [...this.accounts.values(), ...this.dbRoutes.current().upstreams];
    return this.config.echoEnabled ? [...accounts, ECHO_UPSTREAM_ACCOUNT] : accounts;
  }

  /** Model ids the routes file names; the catalog checks them at boot so a typo fails fast. */
  routedModelIds(): string[] {
    return Object.keys(this.config.routes?.routes ?? {});
  }

  /** Upstreams for the model in priority order; empty when none is configured. */
  routesFor(model: RoutableModel): ModelRoute[] {
    const cached = this.memo.get(model.id);
    if (cached) return cached;
    const routes = this.compute(model);
    this.memo.set(model.id, routes);
    return routes;
  }

  /** Forgets memoised routes after the catalog or the database routes changed. */
  clear(): void {
    this.memo.clear();
    for (const listener of this.clearListeners) listener();
  }

  /** Called whenever routes may have changed (e.g. an account's key or URL), for caches built on them. */
  onClear(listener: () => void): void {
    this.clearListeners.push(listener);
  }

  private compute(model: RoutableModel): ModelRoute[] {
    const db = this.dbRoutes.current();
    const fromDb = db.routes[model.id];
    if (fromDb) {
      const accounts = new Map(db.upstreams.map((account) => [account.id, account]));
      return fromDb.map((entry) => ({ account: accounts.get(entry.upstream)!, upstreamModel: entry.model ?? model.upstreamModel }));
    }
    const listed = this.config.routes?.routes[model.id];
    if (listed) {
      return listed.map((entry) => ({ account: this.accounts.get(entry.upstream)!, upstreamModel: entry.model ?? model.upstreamModel }));
    }
    if (model.id === ECHO_MODEL_ID) {
      return this.config.echoEnabled ? [{ account: ECHO_UPSTREAM_ACCOUNT, upstreamModel: model.upstreamModel }] : [];
    }
    const account = this.byProvider.get(model.provider);
    return account ? [{ account, upstreamModel: model.upstreamModel }] : [];
  }
}
