import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth } from '../../common/auth/auth.decorator';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { MessagesService } from './messages.service';
import { validateMessagesRequest } from './validation/messages-request.validator';

/** Anthropic's Messages API. Any `anthropic-version` is accepted: the gateway speaks the current one. */
@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Auth('api-key')
  @Post('/v1/messages')
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const principal = request.principal as ApiKeyPrincipal;
    await this.messages.create(validateMessagesRequest(body), request.headers['anthropic-beta'], principal, String(request.id), reply);
  }

  @Auth('api-key')
  @Post('/v1/messages/count_tokens')
  @HttpCode(200)
  countTokens(@Body() body: unknown): { input_tokens: number } {
    return this.messages.countTokens(validateMessagesRequest(body));
  }
}
