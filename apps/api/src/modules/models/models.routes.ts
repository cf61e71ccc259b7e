import { Injectable, type OnModuleInit } from '@nestjs/common';
import { GATEWAY_ROUTES, ErrorCode, type GatewayModel, type GatewayModelList } from '@apilink/contracts';
import { LeanRoutes } from '../../common/auth/lean-routes';
import { AppError } from '../../common/errors/app-error';
import { toGatewayModel } from './mappers/gateway-model.mapper';
import { ModelsService } from './models.service';

/** OpenAI's model endpoints as lean routes (see LeanRoutes); only active models exist for clients. */
@Injectable()
export class ModelsRoutes implements OnModuleInit {
  constructor(
    private readonly routes: LeanRoutes,
    private readonly models: ModelsService,
  ) {}

  onModuleInit(): void {
    this.routes.mount({ method: 'GET', url: GATEWAY_ROUTES.models, auth: 'api-key', handle: () => this.list() });
    // Model ids contain a slash (`openai/gpt-4o`), hence the wildcard.
    this.routes.mount({
      method: 'GET',
      url: GATEWAY_ROUTES.model,
      auth: 'api-key',
      // Fastify has already decoded the path: decoding again would turn `%25` into a URIError (500).
      handle: (request) => this.get((request.params as Record<string, string>)['*']),
    });
  }

  private list(): GatewayModelList {
    return { object: 'list', data: this.models.listActive().map(toGatewayModel) };
  }

  private get(id: string): GatewayModel {
    const active = this.models.findActive(id);
    if (!active)
      throw AppError.notFound(
        `The model '${id}' does not exist or is not active. GET /v1/models lists the active models`,
        ErrorCode.ModelNotFound,
      );
    return toGatewayModel(active);
  }
}
