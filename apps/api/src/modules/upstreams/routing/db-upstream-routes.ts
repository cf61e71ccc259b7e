import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { UpstreamProtocolName } from '@apilink/contracts';
import type { Repository } from 'typeorm';
import { PUB_SUB, type PubSub } from '../../../infrastructure/pubsub/pubsub.tokens';
import { UpstreamAccountEntity } from '../entities/upstream-account.entity';
import type { UpstreamKeyCipher } from '../upstream-key-cipher';
import { UPSTREAM_KEY_CIPHER, UPSTREAMS_CHANGED_CHANNEL } from '../upstreams.tokens';

/** An enabled upstream account with its key decrypted, shaped like a routes-file upstream. */
export interface DbUpstreamAccount {
  /** `db:<name>`: never clashes with an env provider slug or a routes-file name. */
  id: string;
  accountId: string;
  name: string;
  protocol: UpstreamProtocolName;
  baseUrl: string;
  apiKey: string;
  quirksPreset?: string;
  quirks?: Record<string, unknown>;
  /** Null: the gateway's request timeout. */
  timeoutMs: number | null;
  /** Always true: the URL was typed by an admin, so connections re-check where it resolves. */
  guardAddresses: true;
}

export interface DbUpstreamRouteEntry {
  /** A DbUpstreamAccount id. */
  upstream: string;
  /** The id sent upstream; the catalog's upstream id when absent. */
  model?: string;
}

/**
 * The same shape as the routes file (`RoutesFileSpec`): a model listed in `routes` is served by
 * exactly these upstreams, in order, and the env/routes-file configuration no longer applies to it.
 */
export interface DbUpstreamRoutesSnapshot {
  upstreams: DbUpstreamAccount[];
  routes: Record<string, DbUpstreamRouteEntry[]>;
}

const EMPTY: DbUpstreamRoutesSnapshot = Object.freeze({ upstreams: [], routes: {} });
// A lost pub/sub message (Redis blip) heals within this, like the key cache's TTL.
const SAFETY_RELOAD_MS = 60_000;

export const dbUpstreamId = (name: string) => `db:${name}`;

/**
 * The admin-managed upstream routes, held in memory so routing never reads the database per
 * request. Reloaded at boot, on every `upstreams:changed` message (any instance) and once a minute.
 */
@Injectable()
export class DbUpstreamRoutes implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DbUpstreamRoutes.name);
  private snapshot: DbUpstreamRoutesSnapshot = EMPTY;
  private readonly listeners: ((snapshot: DbUpstreamRoutesSnapshot) => void)[] = [];
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(UpstreamAccountEntity) private readonly accounts: Repository<UpstreamAccountEntity>,
    @Inject(UPSTREAM_KEY_CIPHER) private readonly cipher: UpstreamKeyCipher | null,
    @Inject(PUB_SUB) private readonly pubSub: PubSub,
  ) {}

  async onModuleInit(): Promise<void> {
    this.pubSub.subscribe(UPSTREAMS_CHANGED_CHANNEL, () => void this.reload());
    await this.reload();
    this.timer = setInterval(() => void this.reload(), SAFETY_RELOAD_MS).unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The routes now in force; cheap, call it per request. */
  current(): DbUpstreamRoutesSnapshot {
    return this.snapshot;
  }

  /** Called after each reload, e.g. to rebuild a router's tables or reset circuit breakers. */
  onChange(listener: (snapshot: DbUpstreamRoutesSnapshot) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Reloads this instance at once (the admin who made the change reads it back) and tells every
   * other instance to; call after the change has committed.
   */
  async announceChange(): Promise<void> {
    await this.reload();
    await this.pubSub.publish(UPSTREAMS_CHANGED_CHANNEL, String(Date.now()));
  }

  /** Reloads from the database; overlapping calls coalesce into one more load after the current one. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        try {
          this.snapshot = await this.load();
          for (const listener of this.listeners) listener(this.snapshot);
        } catch (error) {
          this.logger.error(`Could not load upstream accounts; keeping the previous routes: ${(error as Error).message}`);
        }
      } while (this.reloadAgain);
    })().finally(() => (this.reloading = null));
    return this.reloading;
  }

  private async load(): Promise<DbUpstreamRoutesSnapshot> {
    const rows = await this.accounts.find({ where: { enabled: true }, relations: { routes: true }, order: { name: 'ASC' } });
    const upstreams: DbUpstreamAccount[] = [];
    const ranked: { model: string; priority: number; name: string; entry: DbUpstreamRouteEntry }[] = [];
    for (const row of rows) {
      const apiKey = this.decryptKey(row);
      if (apiKey === null) continue;
      const id = dbUpstreamId(row.name);
      upstreams.push({
        id,
        accountId: row.id,
        name: row.name,
        protocol: row.protocol,
        baseUrl: row.baseUrl,
        apiKey,
        ...(row.quirksPreset ? { quirksPreset: row.quirksPreset } : {}),
        ...(row.quirks ? { quirks: row.quirks } : {}),
        timeoutMs: row.timeoutMs,
        guardAddresses: true,
      });
      for (const route of row.routes ?? []) {
        ranked.push({
          model: route.modelId,
          priority: route.priority,
          name: row.name,
          entry: { upstream: id, ...(route.upstreamModel ? { model: route.upstreamModel } : {}) },
        });
      }
    }
    ranked.sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
    const routes: Record<string, DbUpstreamRouteEntry[]> = {};
    for (const { model, entry } of ranked) (routes[model] ??= []).push(entry);
    return { upstreams, routes };
  }

  private decryptKey(row: UpstreamAccountEntity): string | null {
    if (!this.cipher) {
      this.logger.error(`Upstream account "${row.name}" is skipped: UPSTREAM_ENCRYPTION_KEY is not set`);
      return null;
    }
    try {
      return this.cipher.decrypt(row.apiKeyCiphertext, row.id);
    } catch (error) {
      this.logger.error(`Upstream account "${row.name}" is skipped: ${(error as Error).message}`);
      return null;
    }
  }
}
