/**
 * Builds the staff API's OpenAPI document from the running app. SwaggerModule.setup would mount
 * the docs beside Nest's router, out of reach of the auth guard; the docs controller serves them
 * behind `@Auth('staff')` instead, so it needs the document without an INestApplication at hand.
 */
import type { ApplicationConfig, HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SESSION_COOKIE_NAME } from '@apilink/contracts';

export interface OpenApiSources {
  modules: ModulesContainer;
  config: ApplicationConfig;
  httpAdapterHost: HttpAdapterHost;
}

export function buildAdminOpenApi(sources: OpenApiSources, include: Type[]): OpenAPIObject {
  // What SwaggerScanner reads of an application: its module container, config and HTTP adapter.
  const app = {
    container: { getModules: () => sources.modules, isGlobalModule: () => false },
    config: sources.config,
    getHttpAdapter: () => sources.httpAdapterHost.httpAdapter,
  } as unknown as INestApplication;
  const config = new DocumentBuilder()
    .setTitle('ApiLink staff API')
    .setDescription(
      'Support (`support` and `admin` roles) and admin-only (`admin`) endpoints. Every call needs a dashboard session ' +
        'cookie; state-changing calls also need the `x-apilink-csrf: 1` header. Customers get 403 everywhere. ' +
        'Money is integer micro-USD as decimal strings. Every change is written to the audit log.',
    )
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE_NAME)
    .build();
  return SwaggerModule.createDocument(app, config, { include });
}
