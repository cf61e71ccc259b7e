import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Controller, Get, Inject, Param, Res, type Type } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ADMIN_ROUTES, CSRF_HEADER } from '@apilink/contracts';
import type { FastifyReply } from 'fastify';
import { Auth } from '../../../common/auth/auth.decorator';
import { AppError } from '../../../common/errors/app-error';
import { SWAGGER_UI_CSP } from '../../../common/http/security-headers';
import { buildAdminOpenApi } from './admin-openapi';
import { swaggerUiHtml, swaggerUiInitScript } from './swagger-ui-page';

/** The modules whose controllers the document covers (provided lazily: AdminModule names itself). */
export const ADMIN_OPENAPI_MODULES = Symbol('ADMIN_OPENAPI_MODULES');

// Only what the page loads; nothing else from the package directory is reachable.
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** OpenAPI docs of the staff API, for logged-in support and admin users only. */
@ApiExcludeController()
@Controller()
@Auth('staff')
export class AdminDocsController {
  private document: OpenAPIObject | null = null;
  private readonly assetCache = new Map<string, Buffer>();

  constructor(
    private readonly modules: ModulesContainer,
    private readonly config: ApplicationConfig,
    private readonly httpAdapterHost: HttpAdapterHost,
    @Inject(ADMIN_OPENAPI_MODULES) private readonly include: Type[],
  ) {}

  @Get(ADMIN_ROUTES.docs)
  page(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.type('text/html; charset=utf-8').header('content-security-policy', SWAGGER_UI_CSP);
    return swaggerUiHtml();
  }

  @Get(ADMIN_ROUTES.openApiJson)
  openApi(): OpenAPIObject {
    // Built on first use, once every module is loaded; the routes do not change while running.
    this.document ??= withCsrfHeader(
      buildAdminOpenApi({ modules: this.modules, config: this.config, httpAdapterHost: this.httpAdapterHost }, this.include),
    );
    return this.document;
  }

  @Get(ADMIN_ROUTES.docsInitScript)
  initScript(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.type('application/javascript; charset=utf-8');
    return swaggerUiInitScript();
  }

  @Get(ADMIN_ROUTES.docsAsset.pattern)
  async asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const type = ASSETS[file];
    if (!type) throw AppError.notFound(`No docs asset ${file}`);
    let content = this.assetCache.get(file);
    if (!content) {
      content = await readFile(path.join(swaggerUiDistPath(), file));
      this.assetCache.set(file, content);
    }
    void reply.type(type).header('cache-control', 'private, max-age=3600');
    return content;
  }
}

function swaggerUiDistPath(): string {
  // A dependency of @nestjs/swagger, which serves the same files when mounted the usual way.
  return path.dirname(require.resolve('swagger-ui-dist/package.json'));
}

/** Documents the CSRF header on every state-changing operation. */
function withCsrfHeader(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      operation.parameters = [
        ...(operation.parameters ?? []),
        { name: CSRF_HEADER, in: 'header', required: true, schema: { type: 'string', enum: ['1'] }, description: 'CSRF guard' },
      ];
    }
  }
  return document;
}
