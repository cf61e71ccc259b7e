import { Injectable } from '@nestjs/common';
import {
  AUDIT_ACTIONS,
  type AdminModel,
  type GatewayModelCapabilities,
  type NewModelPriceRequest,
  type UpdateAdminModelRequest,
} from '@apilink/contracts';
import { AppError } from '../../common/errors/app-error';
import type { AuditContext } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import { parseUsd } from '../../common/money/usd-amount';
import type { CatalogModelRecord } from '../models/catalog-model-record';
import { ModelCatalogService } from '../models/model-catalog.service';
import { ModelCatalogWriter } from '../models/model-catalog.writer';
import { ModelsService } from '../models/models.service';
import { priceAt } from '../billing/pricing/price-at';
import { ModelRouteTable } from '../upstreams/routing/model-route-table';
import { toAdminModel, toAdminModelCapabilities, toAdminModelPrice } from './mappers/admin-model.mapper';

/** Model catalog management through the models module's writer, each change in the audit log. */
@Injectable()
export class AdminModelsService {
  constructor(
    private readonly catalog: ModelCatalogService,
    private readonly writer: ModelCatalogWriter,
    private readonly models: ModelsService,
    private readonly routes: ModelRouteTable,
    private readonly audit: AuditService,
  ) {}

  list(): AdminModel[] {
    return this.catalog
      .all()
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((model) => this.view(model));
  }

  get(modelId: string): AdminModel {
    return this.view(this.require(modelId));
  }

  /** Upstream routes may only name catalog models (a typo would silently route nothing). */
  assertModelsExist(modelIds: readonly string[]): void {
    const unknown = modelIds.filter((id) => !this.catalog.get(id));
    if (unknown.length > 0) throw AppError.invalidRequest(`Unknown model(s): ${unknown.join(', ')}`, 'models');
  }

  async setEnabled(context: AuditContext, modelId: string, enabled: boolean, reason?: string): Promise<AdminModel> {
    const model = this.require(modelId);
    if (model.enabled === enabled) return this.view(model);
    await this.audit.audited(context, async () => {
      await this.writer.setEnabled(modelId, enabled, reason ?? null);
      return {
        result: undefined,
        record: {
          action: enabled ? AUDIT_ACTIONS.ModelActivated : AUDIT_ACTIONS.ModelDeactivated,
          targetType: 'model',
          targetId: modelId,
          before: { enabled: model.enabled },
          after: { enabled },
          reason,
        },
      };
    });
    return this.get(modelId);
  }

  /** Aliases, the default output cap and capability flags; each changed setting is written through the models module. */
  async update(context: AuditContext, modelId: string, request: UpdateAdminModelRequest): Promise<AdminModel> {
    const model = this.require(modelId);
    const capabilities = toAdminModelCapabilities(model);
    const before = { aliases: model.aliases, defaultMaxOutputTokens: model.defaultMaxOutputTokens, capabilities };
    const after = {
      aliases: request.aliases === undefined ? model.aliases : [...new Set(request.aliases)],
      defaultMaxOutputTokens: request.defaultMaxOutputTokens === undefined ? model.defaultMaxOutputTokens : request.defaultMaxOutputTokens,
      capabilities: { ...capabilities, ...definedFlags(request.capabilities) },
    };
    const aliasesChanged = after.aliases.join('\n') !== before.aliases.join('\n');
    const capChanged = after.defaultMaxOutputTokens !== before.defaultMaxOutputTokens;
    const capabilitiesChanged = CAPABILITIES.some((flag) => after.capabilities[flag] !== before.capabilities[flag]);
    if (!aliasesChanged && !capChanged && !capabilitiesChanged) return this.view(model);
    // Checked before anything is written, so a bad cap never leaves the aliases half-applied.
    if (after.defaultMaxOutputTokens !== null && after.defaultMaxOutputTokens > model.maxOutputTokens) {
      throw AppError.invalidRequest(`defaultMaxOutputTokens cannot exceed ${model.maxOutputTokens}`, 'defaultMaxOutputTokens');
    }
    await this.audit.audited(context, async () => {
      if (aliasesChanged) await this.writer.setAliases(model.id, after.aliases);
      if (capChanged) await this.writer.setDefaultMaxOutputTokens(model.id, after.defaultMaxOutputTokens);
      if (capabilitiesChanged) {
        await this.writer.setCapabilities(model.id, {
          supportsTools: after.capabilities.tools,
          supportsVision: after.capabilities.vision,
          supportsReasoning: after.capabilities.reasoning,
        });
      }
      return {
        result: undefined,
        record: { action: AUDIT_ACTIONS.ModelUpdated, targetType: 'model', targetId: model.id, before, after, reason: request.reason },
      };
    });
    return this.get(model.id);
  }

  /**
   * A new price version effective now: requests admitted from now on pay it, usage already
   * recorded keeps what it was charged. Long-context tiers carry over from the current version.
   */
  async addPrice(context: AuditContext, modelId: string, request: NewModelPriceRequest): Promise<AdminModel> {
    const model = this.require(modelId);
    const current = priceAt(model);
    const price = {
      inputMicrosPerMTok: requiredPrice(request.inputPerMTokUsd, 'inputPerMTokUsd'),
      outputMicrosPerMTok: requiredPrice(request.outputPerMTokUsd, 'outputPerMTokUsd'),
      cachedInputMicrosPerMTok: optionalPrice(request.cachedInputPerMTokUsd, 'cachedInputPerMTokUsd'),
      cacheWriteMicrosPerMTok: optionalPrice(request.cacheWritePerMTokUsd, 'cacheWritePerMTokUsd'),
      reasoningMicrosPerMTok: optionalPrice(request.reasoningPerMTokUsd, 'reasoningPerMTokUsd'),
      longContextTiers: current?.longContextTiers ?? [],
      effectiveFrom: new Date(),
    };
    await this.audit.audited(context, async () => {
      await this.writer.addPriceVersion(modelId, price);
      return {
        result: undefined,
        record: {
          action: AUDIT_ACTIONS.ModelPriceChanged,
          targetType: 'model',
          targetId: modelId,
          before: current ? toAdminModelPrice(current) : null,
          after: toAdminModelPrice(price),
          reason: request.reason,
        },
      };
    });
    return this.get(modelId);
  }

  private require(modelId: string): CatalogModelRecord {
    const model = this.catalog.get(modelId);
    if (!model) throw AppError.notFound(`No model with id ${modelId}`);
    return model;
  }

  private view(model: CatalogModelRecord): AdminModel {
    return toAdminModel(model, this.routes.routesFor(model), this.models.findActive(model.id) !== null);
  }
}

const CAPABILITIES = ['tools', 'vision', 'reasoning'] as const;

/** The flags a request sets; an omitted one keeps its value. */
function definedFlags(flags: Partial<GatewayModelCapabilities> | undefined): Partial<GatewayModelCapabilities> {
  return Object.fromEntries(CAPABILITIES.filter((flag) => flags?.[flag] !== undefined).map((flag) => [flag, flags![flag]]));
}

function requiredPrice(value: string, param: string): bigint {
  const micros = parseUsd(value, 6);
  if (micros === null) throw AppError.invalidRequest(`${param} must be USD per 1M tokens, e.g. "2.5"`, param);
  return micros;
}

function optionalPrice(value: string | null | undefined, param: string): bigint | null {
  return value === undefined || value === null ? null : requiredPrice(value, param);
}
