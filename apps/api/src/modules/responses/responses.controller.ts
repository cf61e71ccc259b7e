import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth } from '../../common/auth/auth.decorator';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { ResponsesService } from './responses.service';
import { validateResponsesRequest } from './validation/responses-request.validator';

/** OpenAI's Responses API (what Codex and newer OpenAI SDK code speak), without stored state. */
@Controller()
export class ResponsesController {
  constructor(private readonly responses: ResponsesService) {}

  @Auth('api-key')
  @Post('/v1/responses')
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.responses.create(validateResponsesRequest(body), request.principal as ApiKeyPrincipal, String(request.id), reply);
  }
}
