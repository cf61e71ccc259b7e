import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTES, type UpstreamAccount, type UpstreamAccountList } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuditContext } from '../audit/audit-actor';
import { CurrentAuditContext } from '../audit/audit-context.decorator';
import { UpstreamsService } from '../upstreams/upstreams.service';
import { AdminModelsService } from './admin-models.service';
import { AdminActionDto } from './dto/admin-action.dto';
import { CreateUpstreamAccountDto, UpdateUpstreamAccountDto } from './dto/upstream-account.dto';

@ApiTags('Upstream accounts (admin)')
@ApiCookieAuth()
@Controller()
@Auth('admin')
export class AdminUpstreamsController {
  constructor(
    private readonly upstreams: UpstreamsService,
    private readonly models: AdminModelsService,
  ) {}

  @Get(ADMIN_ROUTES.upstreams)
  @ApiOperation({ summary: 'Every upstream account (API keys shown as their last 4 characters)' })
  @ApiOkResponse({ description: 'UpstreamAccountList' })
  async list(): Promise<UpstreamAccountList> {
    return { data: await this.upstreams.list() };
  }

  @Post(ADMIN_ROUTES.upstreams)
  @ApiOperation({ summary: 'Add an upstream account; its routes take over from env/ROUTES_FILE for the models listed' })
  @ApiOkResponse({ description: 'UpstreamAccount' })
  create(@CurrentAuditContext() context: AuditContext, @Body() body: CreateUpstreamAccountDto): Promise<UpstreamAccount> {
    this.models.assertModelsExist(body.models.map((route) => route.model));
    return this.upstreams.create(context, body);
  }

  @Get(ADMIN_ROUTES.upstream.pattern)
  @ApiOperation({ summary: 'One upstream account' })
  @ApiOkResponse({ description: 'UpstreamAccount' })
  get(@Param('id') id: string): Promise<UpstreamAccount> {
    return this.upstreams.get(id);
  }

  @Patch(ADMIN_ROUTES.upstream.pattern)
  @ApiOperation({ summary: 'Edit an account: base URL, key rotation, quirks, timeout, models and priorities' })
  @ApiOkResponse({ description: 'UpstreamAccount' })
  update(
    @CurrentAuditContext() context: AuditContext,
    @Param('id') id: string,
    @Body() body: UpdateUpstreamAccountDto,
  ): Promise<UpstreamAccount> {
    if (body.models) this.models.assertModelsExist(body.models.map((route) => route.model));
    return this.upstreams.update(context, id, body);
  }

  @Post(ADMIN_ROUTES.disableUpstream.pattern)
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop routing to this account on every instance' })
  @ApiOkResponse({ description: 'UpstreamAccount' })
  disable(@CurrentAuditContext() context: AuditContext, @Param('id') id: string, @Body() body: AdminActionDto): Promise<UpstreamAccount> {
    return this.upstreams.setEnabled(context, id, false, body.reason);
  }

  @Post(ADMIN_ROUTES.enableUpstream.pattern)
  @HttpCode(200)
  @ApiOperation({ summary: 'Route to this account again' })
  @ApiOkResponse({ description: 'UpstreamAccount' })
  enable(@CurrentAuditContext() context: AuditContext, @Param('id') id: string, @Body() body: AdminActionDto): Promise<UpstreamAccount> {
    return this.upstreams.setEnabled(context, id, true, body.reason);
  }

  @Delete(ADMIN_ROUTES.upstream.pattern)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an account and its routes (the audit log keeps its last state)' })
  async remove(@CurrentAuditContext() context: AuditContext, @Param('id') id: string, @Body() body: AdminActionDto): Promise<void> {
    await this.upstreams.delete(context, id, body?.reason);
  }
}
