import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { KEY_ROUTES, type ApiKeyList, type ApiKeySummary, type CreatedApiKey } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentSession } from '../../common/auth/current-principal.decorator';
import type { SessionPrincipal } from '../../common/auth/principal';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { UpdateApiKeyDto } from './dto/update-api-key.dto';
import type { ApiKeySettings } from './keys.service';
import { KeysService } from './keys.service';

function toSettings(body: UpdateApiKeyDto): Partial<ApiKeySettings> {
  return {
    name: body.name,
    rpmLimit: body.rpmLimit,
    expiresAt: body.expiresAt === undefined ? undefined : body.expiresAt === null ? null : new Date(body.expiresAt),
    spendCapMicros: body.spendCapMicros === undefined ? undefined : body.spendCapMicros === null ? null : BigInt(body.spendCapMicros),
  };
}

/** A customer's own API keys; ids of other customers' keys answer 404. */
@Controller()
@Auth('session')
export class KeysController {
  constructor(private readonly keys: KeysService) {}

  @Get(KEY_ROUTES.list)
  async list(@CurrentSession() session: SessionPrincipal): Promise<ApiKeyList> {
    return { data: await this.keys.listForOwner(session.userId) };
  }

  @Post(KEY_ROUTES.create)
  async create(@CurrentSession() session: SessionPrincipal, @Body() body: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.keys.create(session.userId, { ...toSettings(body), name: body.name });
  }

  @Get(KEY_ROUTES.get.pattern)
  async get(@CurrentSession() session: SessionPrincipal, @Param('id') id: string): Promise<ApiKeySummary> {
    return this.keys.getForOwner(session.userId, id);
  }

  @Patch(KEY_ROUTES.update.pattern)
  async update(
    @CurrentSession() session: SessionPrincipal,
    @Param('id') id: string,
    @Body() body: UpdateApiKeyDto,
  ): Promise<ApiKeySummary> {
    return this.keys.update(session.userId, id, toSettings(body));
  }

  @Post(KEY_ROUTES.revoke.pattern)
  @HttpCode(200)
  async revoke(@CurrentSession() session: SessionPrincipal, @Param('id') id: string): Promise<ApiKeySummary> {
    return this.keys.revokeForOwner(session.userId, id);
  }
}
