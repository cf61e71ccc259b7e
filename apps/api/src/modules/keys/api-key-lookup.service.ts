import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ConfigOf } from '../../config/define-config';
import { keysConfig } from '../../config/keys.config';
import { PUB_SUB, type PubSub } from '../../infrastructure/pubsub/pubsub.tokens';
import { ApiKeyCache, type KeyResolution } from './api-key-cache';

/** Channel on which every instance hears that a key or a user's keys changed. */
export const KEY_INVALIDATION_CHANNEL = 'api-keys:invalidate';

export type KeyInvalidation = { keyId: string } | { userId: string };

interface KeyRow {
  id: string;
  user_id: string;
  key_hash: string;
  rpm_limit: number | null;
  spend_cap_micros: string | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  disabled_at: Date | null;
}

/** Resolves a key hash to its key, from memory when possible, and drops entries on invalidation. */
@Injectable()
export class ApiKeyLookupService implements OnModuleInit {
  private readonly cache: ApiKeyCache;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSub,
    @Inject(keysConfig.KEY) config: ConfigOf<typeof keysConfig>,
  ) {
    this.cache = new ApiKeyCache(config.cacheTtlMs, config.cacheMaxEntries);
  }

  onModuleInit(): void {
    this.pubSub.subscribe(KEY_INVALIDATION_CHANNEL, (message) => this.apply(message));
  }

  async resolve(hash: string): Promise<KeyResolution> {
    const cached = this.cache.get(hash);
    if (cached !== undefined) return cached;
    const generation = this.cache.currentGeneration;
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT k.id, k.user_id, k.key_hash, k.rpm_limit, k.spend_cap_micros, k.expires_at, k.revoked_at, u.disabled_at
         FROM api_keys k JOIN users u ON u.id = k.user_id
        WHERE k.key_hash = $1`,
      [hash],
    );
    const row = rows[0];
    const resolution: KeyResolution = row
      ? {
          keyId: row.id,
          userId: row.user_id,
          keyHash: row.key_hash,
          rpmLimit: row.rpm_limit,
          spendCapMicros: row.spend_cap_micros === null ? null : BigInt(row.spend_cap_micros),
          expiresAt: row.expires_at?.getTime() ?? null,
          revokedAt: row.revoked_at?.getTime() ?? null,
          userDisabled: row.disabled_at !== null,
        }
      : null;
    this.cache.set(hash, resolution, generation);
    return resolution;
  }

  /** Tells every instance (this one included) to forget a key or all of a user's keys. */
  async invalidate(target: KeyInvalidation): Promise<void> {
    this.apply(JSON.stringify(target));
    await this.pubSub.publish(KEY_INVALIDATION_CHANNEL, JSON.stringify(target));
  }

  private apply(message: string): void {
    const target = JSON.parse(message) as Partial<{ keyId: string; userId: string }>;
    if (target.keyId) this.cache.invalidateKey(target.keyId);
    if (target.userId) this.cache.invalidateUser(target.userId);
  }
}
