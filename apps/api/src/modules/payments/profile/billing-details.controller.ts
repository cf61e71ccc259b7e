import { Body, Controller, Get, Put } from '@nestjs/common';
import { BILLING_ROUTES, type BillingDetails } from '@apilink/contracts';
import { Auth } from '../../../common/auth/auth.decorator';
import { CurrentSession } from '../../../common/auth/current-principal.decorator';
import type { SessionPrincipal } from '../../../common/auth/principal';
import { UpdateBillingDetailsDto } from '../dto/update-billing-details.dto';
import { BillingProfileService } from './billing-profile.service';

/** The dashboard's billing details (the buyer printed on invoices), always the logged-in user's own. */
@Auth('session')
@Controller()
export class BillingDetailsController {
  constructor(private readonly profiles: BillingProfileService) {}

  @Get(BILLING_ROUTES.details)
  details(@CurrentSession() session: SessionPrincipal): Promise<BillingDetails> {
    return this.profiles.get(session.userId);
  }

  @Put(BILLING_ROUTES.details)
  updateDetails(@CurrentSession() session: SessionPrincipal, @Body() body: UpdateBillingDetailsDto): Promise<BillingDetails> {
    return this.profiles.update(session.userId, body);
  }
}
