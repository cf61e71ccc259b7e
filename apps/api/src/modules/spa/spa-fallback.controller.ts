import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { API_OWNED_PREFIXES } from '@apilink/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/auth.decorator';
import { AppError } from '../../common/errors/app-error';
import { appConfig } from '../../config/app.config';
import type { ConfigOf } from '../../config/define-config';
import { DEFAULT_DASHBOARD_DIST } from '../../bootstrap/serve-dashboard';

/** Any path no other route matched (Fastify tries this wildcard last). */
const ANY_OTHER_PATH = '*';

/** Client-side routes of the dashboard get index.html; unknown API paths keep the JSON 404. */
@Controller()
export class SpaFallbackController {
  private readonly indexFile: string;
  private indexHtml: Promise<string> | null = null;

  constructor(@Inject(appConfig.KEY) config: ConfigOf<typeof appConfig>) {
    this.indexFile = path.resolve(config.dashboardDistDir ?? DEFAULT_DASHBOARD_DIST, 'index.html');
  }

  @Public()
  @Get(ANY_OTHER_PATH)
  async fallback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const pathname = request.url.split('?')[0];
    const ownedByApi = API_OWNED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
    if (ownedByApi || !existsSync(this.indexFile)) throw AppError.notFound(`Unknown route: GET ${pathname}`);
    this.indexHtml ??= readFile(this.indexFile, 'utf8');
    await reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(await this.indexHtml);
  }
}
