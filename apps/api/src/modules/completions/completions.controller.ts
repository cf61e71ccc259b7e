import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth } from '../../common/auth/auth.decorator';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { CompletionsService } from './completions.service';
import { validateChatRequest } from './validation/chat-request.validator';

@Controller()
export class CompletionsController {
  constructor(private readonly completions: CompletionsService) {}

  /**
   * The body is validated by a hand-written validator, not a DTO class (the hot path; see the
   * validator). The service answers on the reply itself: JSON, or an event stream chunk by chunk.
   */
  @Auth('api-key')
  @Post('/v1/chat/completions')
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.completions.create(validateChatRequest(body), request.principal as ApiKeyPrincipal, String(request.id), reply);
  }
}
