import { Module } from '@nestjs/common';
import { SpaFallbackController } from './spa-fallback.controller';

/** Imported last so the catch-all route never shadows a feature route. */
@Module({ controllers: [SpaFallbackController] })
export class SpaModule {}
