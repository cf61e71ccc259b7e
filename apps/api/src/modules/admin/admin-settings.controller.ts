import { Controller, Get, Inject } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTES, type StaffSettings } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { adminConfig } from '../../config/admin.config';
import type { ConfigOf } from '../../config/define-config';
import { toMoney } from '../../common/money/money.mapper';

/** The configured limits and missing settings, so the staff pages can say them up front instead of after a refusal. */
@ApiTags('Settings (support and admin)')
@ApiCookieAuth()
@Controller()
@Auth('staff')
export class AdminSettingsController {
  constructor(@Inject(adminConfig.KEY) private readonly config: ConfigOf<typeof adminConfig>) {}

  @Get(ADMIN_ROUTES.settings)
  @ApiOperation({ summary: 'Limits that apply to staff actions' })
  @ApiOkResponse({ description: 'StaffSettings' })
  settings(): StaffSettings {
    return {
      supportCreditAdjustmentLimit: toMoney(this.config.supportCreditAdjustmentLimitMicros),
      upstreamKeysStorable: this.config.upstreamEncryptionKey !== null,
    };
  }
}
