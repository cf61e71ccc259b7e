import { Controller, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { BILLING_ROUTES } from '@apilink/contracts';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../../common/auth/auth.decorator';
import { CsrfExempt } from '../../../common/http/csrf-exempt.decorator';
import { StripeWebhookService, type WebhookReceipt } from './stripe-webhook.service';

/** Stripe calls this; it authenticates by the signature over the raw body, not by a session. */
@Controller()
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  @Public()
  @CsrfExempt()
  @Post(BILLING_ROUTES.stripeWebhook)
  @HttpCode(200)
  receive(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature?: string): Promise<WebhookReceipt> {
    return this.webhooks.receive(request.rawBody, signature);
  }
}
