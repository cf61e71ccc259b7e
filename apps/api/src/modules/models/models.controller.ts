import { Controller, Get, Param } from '@nestjs/common';
import { ErrorCode, type GatewayModel, type GatewayModelList } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { AppError } from '../../common/errors/app-error';
import { toGatewayModel } from './mappers/gateway-model.mapper';
import { ModelsService } from './models.service';

/** OpenAI's model endpoints; only active models exist for clients. */
@Controller()
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @Auth('api-key')
  @Get('/v1/models')
  list(): GatewayModelList {
    return { object: 'list', data: this.models.listActive().map(toGatewayModel) };
  }

  /** Model ids contain a slash (`openai/gpt-4o`), hence the wildcard. */
  @Auth('api-key')
  @Get('/v1/models/*')
  get(@Param('*') id: string): GatewayModel {
    const active = this.models.findActive(decodeURIComponent(id));
    if (!active)
      throw AppError.notFound(
        `The model '${id}' does not exist or is not active. GET /v1/models lists the active models`,
        ErrorCode.ModelNotFound,
      );
    return toGatewayModel(active);
  }
}
