import { Module } from '@nestjs/common';
import { CompletionsModule } from '../completions/completions.module';
import { ResponsesController } from './responses.controller';
import { ResponsesService } from './responses.service';

/** POST /v1/responses (OpenAI Responses API, stateless) on the completion pipeline. */
@Module({
  imports: [CompletionsModule],
  controllers: [ResponsesController],
  providers: [ResponsesService],
})
export class ResponsesModule {}
