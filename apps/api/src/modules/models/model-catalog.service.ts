/**
 * The catalog in memory: every model and all its price versions, loaded at boot and reloaded when
 * any instance announces a change on PUB_SUB, so serving a request never reads the database.
 */
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { PUB_SUB, type PubSub } from '../../infrastructure/pubsub/pubsub.tokens';
import type { CatalogModelRecord } from './catalog-model-record';
import { ModelPriceEntity } from './entities/model-price.entity';
import { ModelEntity } from './entities/model.entity';
import { toCatalogModelRecord } from './mappers/model-record.mapper';
import { ModelCatalogSeeder } from './model-catalog.seeder';

export const MODELS_CHANGED_CHANNEL = 'models.changed';

@Injectable()
export class ModelCatalogService implements OnModuleInit {
  private readonly logger = new Logger(ModelCatalogService.name);
  private models = new Map<string, CatalogModelRecord>();
  private aliases = new Map<string, string>();
  private readonly listeners: (() => void)[] = [];

  constructor(
    @InjectRepository(ModelEntity) private readonly modelRepository: Repository<ModelEntity>,
    @InjectRepository(ModelPriceEntity) private readonly priceRepository: Repository<ModelPriceEntity>,
    @Inject(PUB_SUB) private readonly pubSub: PubSub,
    private readonly seeder: ModelCatalogSeeder,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.seeder.seed();
    await this.reload();
    this.pubSub.subscribe(MODELS_CHANGED_CHANNEL, () => {
      this.reload().catch((error: unknown) => this.logger.error(`Could not reload the model catalog: ${String(error)}`));
    });
  }

  /** By model id, or by one of a model's aliases. */
  get(id: string): CatalogModelRecord | undefined {
    return this.models.get(id) ?? this.models.get(this.aliases.get(id) ?? '');
  }

  all(): CatalogModelRecord[] {
    return [...this.models.values()];
  }

  /** Called after every reload (route memos and the like depend on the catalog). */
  onReload(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Re-reads models and prices; the new map replaces the old one in a single assignment. */
  async reload(): Promise<void> {
    const [models, prices] = await Promise.all([
      this.modelRepository.find({ order: { id: 'ASC' } }),
      this.priceRepository.find({ order: { effectiveFrom: 'ASC' } }),
    ]);
    const pricesByModel = new Map<string, ModelPriceEntity[]>();
    for (const price of prices) {
      const list = pricesByModel.get(price.modelId) ?? [];
      list.push(price);
      pricesByModel.set(price.modelId, list);
    }
    this.models = new Map(models.map((model) => [model.id, toCatalogModelRecord(model, pricesByModel.get(model.id) ?? [])]));
    this.aliases = new Map(models.flatMap((model) => model.aliases.map((alias): [string, string] => [alias, model.id])));
    for (const listener of this.listeners) listener();
  }

  /** Tells every instance (this one included) to reload; call after changing models or prices. */
  async announceChange(): Promise<void> {
    await this.pubSub.publish(MODELS_CHANGED_CHANNEL, String(Date.now()));
  }
}
