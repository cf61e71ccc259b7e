import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTES, type AdminModel, type AdminModelList } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuditContext } from '../audit/audit-actor';
import { CurrentAuditContext } from '../audit/audit-context.decorator';
import { AdminModelsService } from './admin-models.service';
import { AdminActionDto } from './dto/admin-action.dto';
import { NewModelPriceDto } from './dto/new-model-price.dto';
import { UpdateAdminModelDto } from './dto/update-admin-model.dto';

const MODEL_ID_PARAM = { name: 'modelId', description: 'URL-encoded model id, e.g. openai%2Fgpt-4o-mini' };

@ApiTags('Models (admin)')
@ApiCookieAuth()
@Controller()
@Auth('admin')
export class AdminModelsController {
  constructor(private readonly models: AdminModelsService) {}

  @Get(ADMIN_ROUTES.models)
  @ApiOperation({ summary: 'Every catalog model with its switch, upstreams, current price and price history' })
  @ApiOkResponse({ description: 'AdminModelList' })
  list(): AdminModelList {
    return { data: this.models.list() };
  }

  @Get(ADMIN_ROUTES.model.pattern)
  @ApiParam(MODEL_ID_PARAM)
  @ApiOperation({ summary: 'One catalog model' })
  @ApiOkResponse({ description: 'AdminModel' })
  get(@Param('modelId') modelId: string): AdminModel {
    return this.models.get(modelId);
  }

  @Patch(ADMIN_ROUTES.model.pattern)
  @ApiParam(MODEL_ID_PARAM)
  @ApiOperation({ summary: 'Set aliases, the default output cap (for requests that set none) and capability flags' })
  @ApiOkResponse({ description: 'AdminModel' })
  update(
    @CurrentAuditContext() context: AuditContext,
    @Param('modelId') modelId: string,
    @Body() body: UpdateAdminModelDto,
  ): Promise<AdminModel> {
    return this.models.update(context, modelId, body);
  }

  @Post(ADMIN_ROUTES.activateModel.pattern)
  @HttpCode(200)
  @ApiParam(MODEL_ID_PARAM)
  @ApiOperation({ summary: 'Sell the model again (it is served once an upstream routes it)' })
  @ApiOkResponse({ description: 'AdminModel' })
  activate(
    @CurrentAuditContext() context: AuditContext,
    @Param('modelId') modelId: string,
    @Body() body: AdminActionDto,
  ): Promise<AdminModel> {
    return this.models.setEnabled(context, modelId, true, body.reason);
  }

  @Post(ADMIN_ROUTES.deactivateModel.pattern)
  @HttpCode(200)
  @ApiParam(MODEL_ID_PARAM)
  @ApiOperation({ summary: 'Stop listing and serving the model on every instance' })
  @ApiOkResponse({ description: 'AdminModel' })
  deactivate(
    @CurrentAuditContext() context: AuditContext,
    @Param('modelId') modelId: string,
    @Body() body: AdminActionDto,
  ): Promise<AdminModel> {
    return this.models.setEnabled(context, modelId, false, body.reason);
  }

  @Post(ADMIN_ROUTES.modelPrices.pattern)
  @HttpCode(200)
  @ApiParam(MODEL_ID_PARAM)
  @ApiOperation({ summary: 'A new price version effective now; past usage keeps the price it was charged' })
  @ApiOkResponse({ description: 'AdminModel' })
  addPrice(
    @CurrentAuditContext() context: AuditContext,
    @Param('modelId') modelId: string,
    @Body() body: NewModelPriceDto,
  ): Promise<AdminModel> {
    return this.models.addPrice(context, modelId, body);
  }
}
