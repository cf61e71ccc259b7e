import { Module, type DynamicModule } from '@nestjs/common';
import { AuthCoreModule } from './common/auth/auth-core.module';
import { LoggingModule } from './common/logging/logging.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { RedisModule } from './infrastructure/redis/redis.module';
import { AdminModule } from './modules/admin/admin.module';
import { AuthModule } from './modules/auth/auth.module';
import { BillingModule } from './modules/billing/billing.module';
import { CompletionsModule } from './modules/completions/completions.module';
import { MessagesModule } from './modules/messages/messages.module';
import { ResponsesModule } from './modules/responses/responses.module';
import { HealthModule } from './modules/health/health.module';
import { InvoicesModule } from './modules/invoices/invoices.module';
import { KeysModule } from './modules/keys/keys.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { ModelsModule } from './modules/models/models.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { RateLimitModule } from './modules/rate-limit/rate-limit.module';
import { SpaModule } from './modules/spa/spa.module';

@Module({})
export class AppModule {
  static forRoot(extraImports: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Infrastructure
        AppConfigModule.forRoot(),
        LoggingModule,
        DatabaseModule.forRoot(),
        RedisModule,
        AuthCoreModule,
        // Features
        HealthModule,
        ModelsModule,
        CompletionsModule, MessagesModule, ResponsesModule, MetricsModule,
        AuthModule, KeysModule, RateLimitModule,
        BillingModule, PaymentsModule, InvoicesModule,
        AdminModule,
        ...extraImports,
        // Last: the dashboard's catch-all route
        SpaModule,
      ],
    };
  }
}
