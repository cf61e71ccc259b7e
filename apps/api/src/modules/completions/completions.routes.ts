import { Injectable, type OnModuleInit } from '@nestjs/common';
import { GATEWAY_ROUTES } from '@apilink/contracts';
import type { FastifyReply } from 'fastify';
import { LeanRoutes } from '../../common/auth/lean-routes';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { CompletionsService } from './completions.service';
import { EmbeddingsService } from './embeddings/embeddings.service';
import { validateEmbeddingRequest } from './embeddings/embedding-request.validator';
import { validateChatRequest } from './validation/chat-request.validator';

/** A service that answers a validated /v1 request on the reply itself (JSON, or an event stream). */
interface CreatingService<TRequest> {
  create(request: TRequest, caller: ApiKeyPrincipal, requestId: string, reply: FastifyReply): Promise<void>;
}

/** A path from GATEWAY_ROUTES: the lint rule against literal paths in `mount({ url })` does not see through mountCreate. */
type GatewayRoute = (typeof GATEWAY_ROUTES)[keyof typeof GATEWAY_ROUTES];

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
    this.mountCreate(GATEWAY_ROUTES.chatCompletions, validateChatRequest, this.completions);
    this.mountCreate(GATEWAY_ROUTES.embeddings, validateEmbeddingRequest, this.embeddings);
  }

  /** Mounts POST `url` (API key): the body goes through `validate`, then `service.create` answers. */
  private mountCreate<TRequest>(url: GatewayRoute, validate: (body: unknown) => TRequest, service: CreatingService<TRequest>): void {
    this.routes.mount({
      method: 'POST',
      url,
      auth: 'api-key',
      handle: (request, reply) => service.create(validate(request.body), request.principal as ApiKeyPrincipal, String(request.id), reply),
    });
  }
}
