/** Answers "which models can be served now" for the gateway, /v1/models and the dashboard. */
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { ActiveModel } from './active-model';
import type { CatalogModelRecord } from './catalog-model-record';
import { ModelCatalogService } from './model-catalog.service';
import { priceAt } from '../billing/pricing/price-at';
import { ModelRouteTable } from '../upstreams/routing/model-route-table';

@Injectable()
export class ModelsService implements OnApplicationBootstrap {
  constructor(
    private readonly catalog: ModelCatalogService,
    private readonly routeTable: ModelRouteTable,
  ) {}

  // After every onModuleInit, so the catalog is loaded.
  onApplicationBootstrap(): void {
    const unknown = this.routeTable.routedModelIds().filter((id) => !this.catalog.get(id));
    if (unknown.length > 0) throw new Error(`ROUTES_FILE routes models that are not in the catalog: ${unknown.join(', ')}`);
    this.catalog.onReload(() => this.routeTable.clear());
  }

  /** The model when it is enabled, priced now and routed; null otherwise (the caller answers 404). */
  findActive(id: string, at: Date = new Date()): ActiveModel | null {
    const model = this.catalog.get(id);
    return model ? this.activate(model, at) : null;
  }

  listActive(at: Date = new Date()): ActiveModel[] {
    const active: ActiveModel[] = [];
    for (const model of this.catalog.all()) {
      const activeModel = this.activate(model, at);
      if (activeModel) active.push(activeModel);
    }
    return active;
  }

  private activate(model: CatalogModelRecord, at: Date): ActiveModel | null {
    if (!model.enabled) return null;
    const price = priceAt(model, at);
    if (!price) return null;
    const routes = this.routeTable.routesFor(model);
    return routes.length > 0 ? { model, price, routes } : null;
  }
}
