import { Module } from '@nestjs/common';
import { CompletionsModule } from '../completions/completions.module';
import { ModelsModule } from '../models/models.module';
import { MessagesRoutes } from './messages.routes';
import { MessagesService } from './messages.service';

/** POST /v1/messages and /v1/messages/count_tokens (Anthropic Messages API) on the completion pipeline. */
@Module({
  imports: [CompletionsModule, ModelsModule],
  providers: [MessagesService, MessagesRoutes],
})
export class MessagesModule {}
