import { Injectable, type OnModuleInit } from '@nestjs/common';
import { GATEWAY_ROUTES } from '@apilink/contracts';
import { LeanRoutes } from '../../common/auth/lean-routes';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { ResponsesService } from './responses.service';
import { validateResponsesRequest } from './validation/responses-request.validator';

/** OpenAI's Responses API (what Codex and newer OpenAI SDK code speak), without stored state, as a lean route (see LeanRoutes). */
@Injectable()
export class ResponsesRoutes implements OnModuleInit {
  constructor(
    private readonly routes: LeanRoutes,
    private readonly responses: ResponsesService,
  ) {}

  onModuleInit(): void {
    this.routes.mount({
      method: 'POST',
      url: GATEWAY_ROUTES.responses,
      auth: 'api-key',
      handle: (request, reply) =>
        this.responses.create(validateResponsesRequest(request.body), request.principal as ApiKeyPrincipal, String(request.id), reply),
    });
  }
}
