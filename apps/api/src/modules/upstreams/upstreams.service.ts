import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  AUDIT_ACTIONS,
  type CreateUpstreamAccountRequest,
  type UpdateUpstreamAccountRequest,
  type UpstreamAccount,
  type UpstreamModelRouteInput,
} from '@apilink/contracts';
import { QueryFailedError, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { adminConfig } from '../../config/admin.config';
import type { ConfigOf } from '../../config/define-config';
import type { AuditContext } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import { DbUpstreamRoutes } from './routing/db-upstream-routes';
import { UpstreamAccountEntity } from './entities/upstream-account.entity';
import { UpstreamModelRouteEntity } from './entities/upstream-model-route.entity';
import { toUpstreamAccount } from './mappers/upstream-account.mapper';
import { checkUpstreamBaseUrl, UnsafeUpstreamUrlError, type HostResolver } from './upstream-address-policy';
import type { UpstreamKeyCipher } from './upstream-key-cipher';
import { checkModelList, checkQuirkSettings } from './upstream-settings';
import { UPSTREAM_HOST_RESOLVER, UPSTREAM_KEY_CIPHER } from './upstreams.tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_VIOLATION = '23505';

/**
 * Admin-managed upstream accounts. Every change commits together with its audit entry, then
 * every instance reloads its routes (DbUpstreamRoutes) through PUB_SUB.
 */
@Injectable()
export class UpstreamsService {
  constructor(
    @InjectRepository(UpstreamAccountEntity) private readonly accounts: Repository<UpstreamAccountEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UPSTREAM_KEY_CIPHER) private readonly cipher: UpstreamKeyCipher | null,
    @Inject(UPSTREAM_HOST_RESOLVER) private readonly resolve: HostResolver,
    @Inject(adminConfig.KEY) private readonly config: ConfigOf<typeof adminConfig>,
    private readonly audit: AuditService,
    private readonly routes: DbUpstreamRoutes,
  ) {}

  async list(): Promise<UpstreamAccount[]> {
    return (await this.accounts.find({ relations: { routes: true }, order: { name: 'ASC' } })).map(toUpstreamAccount);
  }

  async get(id: string): Promise<UpstreamAccount> {
    return toUpstreamAccount(await this.find(id));
  }

  private async find(id: string, manager?: EntityManager): Promise<UpstreamAccountEntity> {
    const repository = manager?.getRepository(UpstreamAccountEntity) ?? this.accounts;
    const account = UUID.test(id) ? await repository.findOne({ where: { id }, relations: { routes: true } }) : null;
    if (!account) throw AppError.notFound(`No upstream account with id ${id}`);
    return account;
  }

  async create(context: AuditContext, input: CreateUpstreamAccountRequest): Promise<UpstreamAccount> {
    const cipher = this.requireCipher();
    const quirksPreset = input.quirksPreset ?? null;
    const quirks = input.quirks ?? null;
    checkQuirkSettings(input.protocol, quirksPreset, quirks);
    checkModelList(input.models);
    const baseUrl = await this.checkBaseUrl(input.baseUrl);
    const id = randomUUID();
    const created = await this.write(async (manager) => {
      const account = manager.create(UpstreamAccountEntity, {
        id,
        name: input.name,
        protocol: input.protocol,
        baseUrl,
        apiKeyCiphertext: cipher.encrypt(input.apiKey, id),
        apiKeyLast4: input.apiKey.slice(-4),
        quirksPreset,
        quirks,
        timeoutMs: input.timeoutMs ?? null,
        enabled: input.enabled ?? true,
      });
      await manager.save(account);
      await this.replaceRoutes(manager, id, input.models);
      const saved = toUpstreamAccount(await this.find(id, manager));
      await this.audit.record(
        context,
        {
          action: AUDIT_ACTIONS.UpstreamCreated,
          targetType: 'upstream_account',
          targetId: id,
          after: saved,
          reason: input.reason,
        },
        manager,
      );
      return saved;
    });
    await this.routes.announceChange();
    return created;
  }

  async update(context: AuditContext, id: string, input: UpdateUpstreamAccountRequest): Promise<UpstreamAccount> {
    const baseUrl = input.baseUrl == null ? undefined : await this.checkBaseUrl(input.baseUrl);
    const cipher = input.apiKey == null ? null : this.requireCipher();
    if (input.models) checkModelList(input.models);
    const updated = await this.write(async (manager) => {
      const account = await this.lockedGet(manager, id);
      const before = toUpstreamAccount(account);
      const quirksPreset = input.quirksPreset === undefined ? account.quirksPreset : input.quirksPreset;
      const quirks = input.quirks === undefined ? account.quirks : input.quirks;
      checkQuirkSettings(account.protocol, quirksPreset, quirks);
      delete account.routes;
      if (input.name != null) account.name = input.name;
      if (baseUrl !== undefined) account.baseUrl = baseUrl;
      if (cipher && input.apiKey != null) {
        account.apiKeyCiphertext = cipher.encrypt(input.apiKey, id);
        account.apiKeyLast4 = input.apiKey.slice(-4);
      }
      account.quirksPreset = quirksPreset;
      account.quirks = quirks;
      if (input.timeoutMs !== undefined) account.timeoutMs = input.timeoutMs;
      await manager.save(account);
      if (input.models) await this.replaceRoutes(manager, id, input.models);
      const after = toUpstreamAccount(await this.find(id, manager));
      await this.audit.record(
        context,
        {
          action: AUDIT_ACTIONS.UpstreamUpdated,
          targetType: 'upstream_account',
          targetId: id,
          before,
          // The key never enters the log; a rotation shows as a changed last-4 plus this flag.
          after: { ...after, ...(input.apiKey != null ? { apiKeyRotated: true } : {}) },
          reason: input.reason,
        },
        manager,
      );
      return after;
    });
    await this.routes.announceChange();
    return updated;
  }

  /** Idempotent: enabling an enabled account writes nothing. */
  async setEnabled(context: AuditContext, id: string, enabled: boolean, reason?: string): Promise<UpstreamAccount> {
    let changed = false;
    const result = await this.write(async (manager) => {
      const account = await this.lockedGet(manager, id);
      if (account.enabled === enabled) return toUpstreamAccount(account);
      await manager.update(UpstreamAccountEntity, { id }, { enabled, updatedAt: () => 'now()' });
      await this.audit.record(
        context,
        {
          action: enabled ? AUDIT_ACTIONS.UpstreamEnabled : AUDIT_ACTIONS.UpstreamDisabled,
          targetType: 'upstream_account',
          targetId: id,
          before: { enabled: account.enabled },
          after: { enabled },
          reason,
        },
        manager,
      );
      changed = true;
      return toUpstreamAccount(await this.find(id, manager));
    });
    if (changed) await this.routes.announceChange();
    return result;
  }

  async delete(context: AuditContext, id: string, reason?: string): Promise<void> {
    await this.write(async (manager) => {
      const account = await this.lockedGet(manager, id);
      await manager.delete(UpstreamAccountEntity, { id });
      await this.audit.record(
        context,
        { action: AUDIT_ACTIONS.UpstreamDeleted, targetType: 'upstream_account', targetId: id, before: toUpstreamAccount(account), reason },
        manager,
      );
    });
    await this.routes.announceChange();
  }

  private async lockedGet(manager: EntityManager, id: string): Promise<UpstreamAccountEntity> {
    if (UUID.test(id)) {
      await manager
        .createQueryBuilder(UpstreamAccountEntity, 'account')
        .setLock('pessimistic_write')
        .where('account.id = :id', { id })
        .getOne();
    }
    return this.find(id, manager);
  }

  private async replaceRoutes(manager: EntityManager, accountId: string, models: readonly UpstreamModelRouteInput[]): Promise<void> {
    await manager.delete(UpstreamModelRouteEntity, { accountId });
    if (models.length === 0) return;
    await manager.insert(
      UpstreamModelRouteEntity,
      models.map((route) => ({ accountId, modelId: route.model, upstreamModel: route.upstreamModel ?? null, priority: route.priority })),
    );
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw AppError.conflict('An upstream account with this name already exists', 'name');
      }
      throw error;
    }
  }

  private async checkBaseUrl(raw: string): Promise<string> {
    try {
      return await checkUpstreamBaseUrl(raw, { allowPrivateNetworks: this.config.upstreamAllowPrivateNetworks, resolve: this.resolve });
    } catch (error) {
      if (error instanceof UnsafeUpstreamUrlError) throw AppError.invalidRequest(error.message, 'baseUrl');
      throw error;
    }
  }

  private requireCipher(): UpstreamKeyCipher {
    if (!this.cipher) {
      throw AppError.serviceUnavailable('Upstream accounts need UPSTREAM_ENCRYPTION_KEY to store API keys; ask the operator to set it');
    }
    return this.cipher;
  }
}
