import { Controller, Get } from '@nestjs/common';
import { MODEL_ROUTES, type CatalogModelList } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { toCatalogModel } from './mappers/catalog-model.mapper';
import { ModelsService } from './models.service';

/** The dashboard's Models page: what a signed-in customer can call, priced per 1M tokens. */
@Controller()
export class DashboardModelsController {
  constructor(private readonly models: ModelsService) {}

  @Auth('session')
  @Get(MODEL_ROUTES.catalog)
  list(): CatalogModelList {
    return { data: this.models.listActive().map(toCatalogModel) };
  }
}
