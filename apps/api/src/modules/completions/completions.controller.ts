import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import type { ChatCompletionRequest } from '@apilink/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth } from '../../common/auth/auth.decorator';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { CompletionsService } from './completions.service';
import { ChatCompletionRequestDto } from './dto/chat-completion-request.dto';

@Controller()
export class CompletionsController {
  constructor(private readonly completions: CompletionsService) {}

  /** The service answers on the reply itself: a JSON body, or an event stream it writes chunk by chunk. */
  @Auth('api-key')
  @Post('/v1/chat/completions')
  async create(@Body() body: ChatCompletionRequestDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.completions.create(body as ChatCompletionRequest, request.principal as ApiKeyPrincipal, String(request.id), reply);
  }
}
