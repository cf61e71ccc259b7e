import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ApiKeySummary, CreatedApiKey } from '@apilink/contracts';
import { IsNull, type Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import type { ConfigOf } from '../../config/define-config';
import { rateLimitConfig } from '../../config/rate-limit.config';
import { ApiKeyLookupService } from './api-key-lookup.service';
import { ApiKeyEntity } from './entities/api-key.entity';
import { generateApiKey } from './key-material';
import { toApiKeySummary } from './mappers/api-key.mapper';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ApiKeySettings {
  name: string;
  /** undefined leaves it unchanged on update; null means "use RATE_LIMIT_RPM". */
  rpmLimit?: number | null;
  expiresAt?: Date | null;
  spendCapMicros?: bigint | null;
}

export interface ApiKeyWriteOptions {
  /**
   * Customers may only lower their key's limit below RATE_LIMIT_RPM, never raise it; operators
   * (CLI, admin) pass `operator: true` to set any limit.
   */
  operator?: boolean;
}

/**
 * API key lifecycle. Every method that takes an owner id scopes by it, so a customer asking for
 * another customer's key gets the same 404 as for a key that does not exist. Keys leave this
 * service as contract summaries (never the entity, never the hash).
 */
@Injectable()
export class KeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly lookup: ApiKeyLookupService,
    @Inject(rateLimitConfig.KEY) private readonly rateLimits: ConfigOf<typeof rateLimitConfig>,
  ) {}

  async listForOwner(ownerId: string): Promise<ApiKeySummary[]> {
    const keys = await this.keys.find({ where: { userId: ownerId }, order: { createdAt: 'DESC', id: 'ASC' } });
    return keys.map((key) => toApiKeySummary(key));
  }

  async getForOwner(ownerId: string, keyId: string): Promise<ApiKeySummary> {
    return toApiKeySummary(await this.findForOwner(ownerId, keyId));
  }

  /** Any owner's key (operators and the admin module). */
  async getById(keyId: string): Promise<ApiKeySummary> {
    return toApiKeySummary(await this.findById(keyId));
  }

  async create(ownerId: string, settings: ApiKeySettings, options: ApiKeyWriteOptions = {}): Promise<CreatedApiKey> {
    this.checkSettings(settings, options);
    const material = generateApiKey();
    const key = await this.keys.save(
      this.keys.create({
        userId: ownerId,
        name: settings.name,
        keyHash: material.hash,
        displayPrefix: material.displayPrefix,
        displaySuffix: material.displaySuffix,
        rpmLimit: settings.rpmLimit ?? null,
        expiresAt: settings.expiresAt ?? null,
        spendCapMicros: settings.spendCapMicros ?? null,
        revokedAt: null,
        lastUsedAt: null,
      }),
    );
    return { key: toApiKeySummary(key), secret: material.secret };
  }

  async update(ownerId: string, keyId: string, changes: Partial<ApiKeySettings>, options: ApiKeyWriteOptions = {}): Promise<ApiKeySummary> {
    const key = await this.findForOwner(ownerId, keyId);
    this.checkSettings(changes, options);
    if (changes.name !== undefined) key.name = changes.name;
    if (changes.rpmLimit !== undefined) key.rpmLimit = changes.rpmLimit;
    if (changes.expiresAt !== undefined) key.expiresAt = changes.expiresAt;
    if (changes.spendCapMicros !== undefined) key.spendCapMicros = changes.spendCapMicros;
    const saved = await this.keys.save(key);
    await this.lookup.invalidate({ keyId });
    return toApiKeySummary(saved);
  }

  /** Idempotent: revoking a revoked key keeps its first revocation time. */
  async revokeForOwner(ownerId: string, keyId: string): Promise<ApiKeySummary> {
    await this.findForOwner(ownerId, keyId);
    return this.revoke(keyId);
  }

  /** Revokes any owner's key; every instance stops accepting it within a second. */
  async revoke(keyId: string): Promise<ApiKeySummary> {
    await this.keys.update({ id: keyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    await this.lookup.invalidate({ keyId });
    return this.getById(keyId);
  }

  /** Revokes every active key of a user (e.g. an account closed for abuse). */
  async revokeAllForUser(userId: string): Promise<number> {
    const result = await this.keys.update({ userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    await this.lookup.invalidate({ userId });
    return result.affected ?? 0;
  }

  /** Drops a user's cached keys everywhere, e.g. after the user was disabled or re-enabled. */
  invalidateUser(userId: string): Promise<void> {
    return this.lookup.invalidate({ userId });
  }

  private async findForOwner(ownerId: string, keyId: string): Promise<ApiKeyEntity> {
    const key = UUID.test(keyId) ? await this.keys.findOne({ where: { id: keyId, userId: ownerId } }) : null;
    if (!key) throw AppError.notFound(`No API key with id ${keyId}`);
    return key;
  }

  private async findById(keyId: string): Promise<ApiKeyEntity> {
    const key = UUID.test(keyId) ? await this.keys.findOne({ where: { id: keyId } }) : null;
    if (!key) throw AppError.notFound(`No API key with id ${keyId}`);
    return key;
  }

  private checkSettings(settings: Partial<ApiKeySettings>, options: ApiKeyWriteOptions): void {
    const { rpmLimit, expiresAt } = settings;
    const maxRpm = this.rateLimits.defaultRpm;
    if (!options.operator && rpmLimit !== undefined && rpmLimit !== null && rpmLimit > maxRpm) {
      throw AppError.invalidRequest(`rpmLimit cannot exceed ${maxRpm} requests per minute; ask support for more`, 'rpmLimit');
    }
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw AppError.invalidRequest('expiresAt must be in the future', 'expiresAt');
  }
}
