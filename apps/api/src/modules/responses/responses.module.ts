import { Module } from '@nestjs/common';
import { CompletionsModule } from '../completions/completions.module';
import { ResponsesRoutes } from './responses.routes';
import { ResponsesService } from './responses.service';

/** POST /v1/responses (OpenAI Responses API, stateless) on the completion pipeline. */
@Module({
  imports: [CompletionsModule],
  providers: [ResponsesService, ResponsesRoutes],
})
export class ResponsesModule {}
