import { Controller, Get } from '@nestjs/common';
import { CREDITS_PATH, type CreditsResponse } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentApiKey } from '../../common/auth/current-principal.decorator';
import type { ApiKeyPrincipal } from '../../common/auth/principal';
import { BalanceService } from './ledger/balance.service';
import { toCreditsResponse } from './mappers/balance.mapper';

/** `GET /v1/credits`: the key owner's balance and usage, OpenRouter-style, for API clients. */
@Controller()
export class CreditsController {
  constructor(private readonly billing: BalanceService) {}

  @Auth('api-key')
  @Get(CREDITS_PATH)
  async credits(@CurrentApiKey() key: ApiKeyPrincipal): Promise<CreditsResponse> {
    return toCreditsResponse(await this.billing.balance(key.userId));
  }
}
