import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { BillingModule } from '../billing/billing.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { ModelsModule } from '../models/models.module';
import { PaymentsModule } from '../payments/payments.module';
import { UpstreamsModule } from '../upstreams/upstreams.module';
import { AdminAuditController } from './admin-audit.controller';
import { AdminModelsController } from './admin-models.controller';
import { AdminModelsService } from './admin-models.service';
import { AdminRequestsController } from './admin-requests.controller';
import { AdminRequestsService } from './admin-requests.service';
import { AdminUpstreamsController } from './admin-upstreams.controller';
import { AdminSettingsController } from './admin-settings.controller';
import { AdminUsersController } from './admin-users.controller';
import { AdminUserCreationService } from './admin-user-creation.service';
import { AdminUsersService } from './admin-users.service';
import { ADMIN_OPENAPI_MODULES, AdminDocsController } from './docs/admin-docs.controller';
import { UserIdPipe } from './user-id.pipe';

/**
 * The staff API under /api/admin: support (`staff`) and admin-only (`admin`) routes, documented
 * at /api/admin/docs. It uses every other module's services; nothing imports it.
 */
@Module({
  imports: [AuditModule, AuthModule, BillingModule, PaymentsModule, InvoicesModule, ModelsModule, UpstreamsModule],
  controllers: [
    AdminUsersController,
    AdminRequestsController,
    AdminAuditController,
    AdminUpstreamsController,
    AdminModelsController,
    AdminDocsController,
    AdminSettingsController,
  ],
  providers: [
    AdminUsersService,
    AdminUserCreationService,
    AdminRequestsService,
    AdminModelsService,
    UserIdPipe,
    { provide: ADMIN_OPENAPI_MODULES, useFactory: () => [AdminModule] },
  ],
})
export class AdminModule {}
