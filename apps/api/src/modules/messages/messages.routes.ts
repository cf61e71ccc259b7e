import { Injectable, type OnModuleInit } from '@nestjs/common';
import { GATEWAY_ROUTES } from '@apilink/contracts';
import { LeanRoutes } from '../../common/auth/lean-routes';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { MessagesService } from './messages.service';
import { validateMessagesRequest } from './validation/messages-request.validator';

/**
 * Anthropic's Messages API as lean routes (see LeanRoutes). Any `anthropic-version` is accepted:
 * the gateway speaks the current one.
 */
@Injectable()
export class MessagesRoutes implements OnModuleInit {
  constructor(
    private readonly routes: LeanRoutes,
    private readonly messages: MessagesService,
  ) {}

  onModuleInit(): void {
    this.routes.mount({
      method: 'POST',
      url: GATEWAY_ROUTES.messages,
      auth: 'api-key',
      handle: (request, reply) =>
        this.messages.create(
          validateMessagesRequest(request.body),
          request.headers['anthropic-beta'],
          request.principal as ApiKeyPrincipal,
          String(request.id),
          reply,
        ),
    });
    this.routes.mount({
      method: 'POST',
      url: GATEWAY_ROUTES.countTokens,
      auth: 'api-key',
      handle: (request) => this.messages.countTokens(validateMessagesRequest(request.body)),
    });
  }
}
