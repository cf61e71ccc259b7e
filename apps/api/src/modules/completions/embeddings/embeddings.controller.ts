import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth } from '../../../common/auth/auth.decorator';
import type { ApiKeyPrincipal } from '../../../common/auth/principal';
import { validateEmbeddingRequest } from './embedding-request.validator';
import { EmbeddingsService } from './embeddings.service';

@Controller()
export class EmbeddingsController {
  constructor(private readonly embeddings: EmbeddingsService) {}

  /** OpenAI's embeddings endpoint; the service answers on the reply (so a client that leaves aborts the upstream call). */
  @Auth('api-key')
  @Post('/v1/embeddings')
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.embeddings.create(validateEmbeddingRequest(body), request.principal as ApiKeyPrincipal, String(request.id), reply);
  }
}
