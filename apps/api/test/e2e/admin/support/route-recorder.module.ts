import { Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export interface RecordedRoute {
  method: string;
  url: string;
}

export const ROUTE_RECORDER = Symbol('ROUTE_RECORDER');

/**
 * Records every route as Fastify registers it. Its provider runs while Nest creates instances,
 * before app.init() mounts the controllers, so the `onRoute` hook sees the real router's table.
 */
@Module({
  providers: [
    {
      provide: ROUTE_RECORDER,
      inject: [HttpAdapterHost],
      useFactory: (host: HttpAdapterHost): RecordedRoute[] => {
        const routes: RecordedRoute[] = [];
        const fastify = host.httpAdapter.getInstance<FastifyInstance>();
        fastify.addHook('onRoute', (route) => {
          for (const method of [route.method].flat()) routes.push({ method, url: route.url });
        });
        return routes;
      },
    },
  ],
  exports: [ROUTE_RECORDER],
})
export class RouteRecorderModule {}
