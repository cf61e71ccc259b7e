/**
 * Changes to the catalog for the admin module: a new price version (never an edit), the enabled
 * switch, aliases, the default output cap and capability corrections. Each change reloads this
 * instance at once and tells the other instances over PUB_SUB.
 */
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import type { ModelPriceVersion } from '../billing/pricing/price-version';
import type { CatalogModelRecord } from './catalog-model-record';
import { ModelPriceEntity } from './entities/model-price.entity';
import { ModelEntity } from './entities/model.entity';
import { ModelCatalogService } from './model-catalog.service';

export type ModelCapabilityFlags = Pick<CatalogModelRecord, 'supportsTools' | 'supportsVision' | 'supportsReasoning'>;

export type NewPriceVersion = Omit<ModelPriceVersion, 'effectiveFrom'> & { effectiveFrom?: Date };

@Injectable()
export class ModelCatalogWriter {
  constructor(
    @InjectRepository(ModelEntity) private readonly modelRepository: Repository<ModelEntity>,
    @InjectRepository(ModelPriceEntity) private readonly priceRepository: Repository<ModelPriceEntity>,
    private readonly catalog: ModelCatalogService,
  ) {}

  /** Adds a price version from `effectiveFrom` (default now); earlier charges keep their price. */
  async addPriceVersion(modelId: string, price: NewPriceVersion): Promise<void> {
    await this.requireModel(modelId);
    await this.priceRepository.insert({
      modelId,
      effectiveFrom: price.effectiveFrom ?? new Date(),
      inputMicrosPerMTok: price.inputMicrosPerMTok,
      outputMicrosPerMTok: price.outputMicrosPerMTok,
      cachedInputMicrosPerMTok: price.cachedInputMicrosPerMTok,
      cacheWriteMicrosPerMTok: price.cacheWriteMicrosPerMTok,
      reasoningMicrosPerMTok: price.reasoningMicrosPerMTok,
      longContextTiers: price.longContextTiers.map((tier) => ({
        aboveInputTokens: tier.aboveInputTokens,
        inputMicrosPerMTok: Number(tier.inputMicrosPerMTok),
        outputMicrosPerMTok: Number(tier.outputMicrosPerMTok),
        cachedInputMicrosPerMTok: tier.cachedInputMicrosPerMTok === null ? null : Number(tier.cachedInputMicrosPerMTok),
      })),
      source: 'admin',
    });
    await this.changed();
  }

  async setEnabled(modelId: string, enabled: boolean, reason: string | null = null): Promise<void> {
    await this.requireModel(modelId);
    await this.modelRepository.update({ id: modelId }, { enabled, disabledReason: enabled ? null : reason });
    await this.changed();
  }

  /**
   * Replaces a model's aliases. An alias may not be another model's id or alias; concurrent
   * writers serialise on a table lock, so two admins cannot hand out the same name at once.
   */
  async setAliases(modelId: string, aliases: string[]): Promise<void> {
    await this.requireModel(modelId);
    await this.modelRepository.manager.transaction(async (manager) => {
      await manager.query('LOCK TABLE "models" IN SHARE ROW EXCLUSIVE MODE');
      const taken: { id: string }[] = await manager.query(
        'SELECT "id" FROM "models" WHERE "id" <> $1 AND ("id" = ANY($2) OR "aliases" && $2::text[])',
        [modelId, aliases],
      );
      if (aliases.includes(modelId) || taken.length > 0) {
        throw AppError.conflict(
          `An alias is already a model id or another model's alias (${[modelId, ...taken.map((row) => row.id)].join(', ')})`,
          'aliases',
        );
      }
      await manager.update(ModelEntity, { id: modelId }, { aliases });
    });
    await this.changed();
  }

  /** Null: requests without a cap reserve for the model's maximum output. */
  async setDefaultMaxOutputTokens(modelId: string, tokens: number | null): Promise<void> {
    await this.requireModel(modelId);
    const model = await this.modelRepository.findOneByOrFail({ id: modelId });
    if (tokens !== null && tokens > model.maxOutputTokens) {
      throw AppError.invalidRequest(
        `defaultMaxOutputTokens cannot exceed the model's ${model.maxOutputTokens} output tokens`,
        'defaultMaxOutputTokens',
      );
    }
    await this.modelRepository.update({ id: modelId }, { defaultMaxOutputTokens: tokens });
    await this.changed();
  }

  /**
   * Corrects the catalog's capability flags, which admission enforces (tools, images). The seeder
   * never updates an existing row, so a correction survives restarts and re-imports.
   */
  async setCapabilities(modelId: string, flags: ModelCapabilityFlags): Promise<void> {
    await this.requireModel(modelId);
    const { supportsTools, supportsVision, supportsReasoning } = flags;
    await this.modelRepository.update({ id: modelId }, { supportsTools, supportsVision, supportsReasoning });
    await this.changed();
  }

  private async requireModel(modelId: string): Promise<void> {
    if (!(await this.modelRepository.existsBy({ id: modelId }))) throw AppError.notFound(`Model ${modelId} does not exist`);
  }

  private async changed(): Promise<void> {
    await this.catalog.reload();
    await this.catalog.announceChange();
  }
}
