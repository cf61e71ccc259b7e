import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UpstreamsModule } from '../upstreams/upstreams.module';
import { DashboardModelsController } from './dashboard-models.controller';
import { ModelPriceEntity } from './entities/model-price.entity';
import { ModelEntity } from './entities/model.entity';
import { ModelCatalogSeeder } from './model-catalog.seeder';
import { ModelCatalogService } from './model-catalog.service';
import { ModelCatalogWriter } from './model-catalog.writer';
import { ModelsRoutes } from './models.routes';
import { ModelsService } from './models.service';

/** The model catalog (seeded, cached in memory, prices versioned); which upstreams serve each model is the upstreams module's answer. */
@Module({
  imports: [TypeOrmModule.forFeature([ModelEntity, ModelPriceEntity]), UpstreamsModule],
  controllers: [DashboardModelsController],
  providers: [ModelCatalogSeeder, ModelCatalogService, ModelCatalogWriter, ModelsService, ModelsRoutes],
  exports: [ModelsService, ModelCatalogService, ModelCatalogWriter],
})
export class ModelsModule {}
