import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UpstreamsModule } from '../upstreams/upstreams.module';
import { DashboardModelsController } from './dashboard-models.controller';
import { ModelPriceEntity } from './entities/model-price.entity';
import { ModelEntity } from './entities/model.entity';
import { ModelCatalogSeeder } from './model-catalog.seeder';
import { ModelCatalogService } from './model-catalog.service';
import { ModelCatalogWriter } from './model-catalog.writer';
import { ModelsController } from './models.controller';
import { ModelsService } from './models.service';
import { ModelRouteTable } from './routing/model-route-table';

/** The model catalog (seeded, cached in memory, prices versioned) and which upstreams serve each model. */
@Module({
  imports: [TypeOrmModule.forFeature([ModelEntity, ModelPriceEntity]), UpstreamsModule],
  controllers: [ModelsController, DashboardModelsController],
  providers: [ModelCatalogSeeder, ModelCatalogService, ModelCatalogWriter, ModelRouteTable, ModelsService],
  exports: [ModelsService, ModelCatalogService, ModelCatalogWriter, ModelRouteTable],
})
export class ModelsModule {}
