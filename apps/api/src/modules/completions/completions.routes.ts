import { Injectable, type OnModuleInit } from '@nestjs/common';
import { GATEWAY_ROUTES } from '@apilink/contracts';
import { LeanRoutes } from '../../common/auth/lean-routes';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { CompletionsService } from './completions.service';
import { EmbeddingsService } from './embeddings/embeddings.service';
import { validateEmbeddingRequest } from './embeddings/embedding-request.validator';
import { validateChatRequest } from './validation/chat-request.validator';

/**
 * POST /v1/chat/completions and /v1/embeddings, mounted as lean routes (Fastify without Nest's
 * router; see LeanRoutes). Bodies are checked by hand-written validators, not DTO classes; the
 * services answer on the reply themselves (JSON, or an event stream chunk by chunk), so a client
 * that leaves aborts the upstream call.
 */
@Injectable()
export class CompletionsRoutes implements OnModuleInit {
  constructor(
    private readonly routes: LeanRoutes,
    private readonly completions: CompletionsService,
    private readonly embeddings: EmbeddingsService,
  ) {}

  onModuleInit(): void {
    this.routes.mount({
      method: 'POST',
      url: GATEWAY_ROUTES.chatCompletions,
      auth: 'api-key',
      handle: (request, reply) =>
        this.completions.create(validateChatRequest(request.body), request.principal as ApiKeyPrincipal, String(request.id), reply),
    });
    this.routes.mount({
      method: 'POST',
      url: GATEWAY_ROUTES.embeddings,
      auth: 'api-key',
      handle: (request, reply) =>
        this.embeddings.create(validateEmbeddingRequest(request.body), request.principal as ApiKeyPrincipal, String(request.id), reply),
    });
  }
}
