import { Module } from '@nestjs/common';
import { BillingModule } from '../billing/billing.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ModelsModule } from '../models/models.module';
import { UpstreamsModule } from '../upstreams/upstreams.module';
import { UPSTREAM_ADAPTER_PROVIDERS } from './adapters/upstream-adapter.providers';
import { RequestAdmission } from './admission/request-admission';
import { CompletionSettlement } from './billing/completion-settlement';
import { RequestHolds } from './billing/request-holds';
import { CompletionsRoutes } from './completions.routes';
import { CompletionsService } from './completions.service';
import { EmbeddingAdmission } from './embeddings/embedding-admission';
import { EmbeddingsService } from './embeddings/embeddings.service';
import { FailoverRunner } from './routing/failover-runner';
import { UpstreamHealth } from './routing/upstream-health';
import { UpstreamResolver } from './routing/upstream-resolver';
import { CompletionPipeline } from './pipeline/completion-pipeline';
import { CompletionStreamer } from './pipeline/completion-streamer';
import { EchoTransport } from './transport/echo.transport';
import { UndiciTransport } from './transport/undici.transport';
import { UpstreamExchange } from './transport/upstream-exchange';
import { UPSTREAM_TRANSPORTS } from './transport/upstream-transport';

/** POST /v1/chat/completions and /v1/embeddings: protocol adapters, transports, failover, streaming and settlement. */
@Module({
  imports: [ModelsModule, UpstreamsModule, BillingModule, MetricsModule],
  providers: [
    ...UPSTREAM_ADAPTER_PROVIDERS,
    UndiciTransport,
    EchoTransport,
    {
      provide: UPSTREAM_TRANSPORTS,
      useFactory: (http: UndiciTransport, echo: EchoTransport) => [echo, http],
      inject: [UndiciTransport, EchoTransport],
    },
    UpstreamResolver,
    UpstreamHealth,
    FailoverRunner,
    UpstreamExchange,
    RequestAdmission,
    RequestHolds,
    CompletionSettlement,
    CompletionStreamer,
    CompletionPipeline,
    CompletionsService,
    EmbeddingAdmission,
    EmbeddingsService,
    CompletionsRoutes,
  ],
  // Other inbound APIs (Anthropic Messages, Responses) run the same pipeline with their own sink.
  exports: [CompletionPipeline, RequestAdmission, UpstreamResolver],
})
export class CompletionsModule {}
