import { Logger, type Provider } from '@nestjs/common';
import type Stripe from 'stripe';
import { appConfig } from '../../../config/app.config';
import { billingConfig } from '../../../config/billing.config';
import type { ConfigOf } from '../../../config/define-config';
import type { PaymentProvider } from './payment-provider';
import { PAYMENT_PROVIDER, STRIPE_CLIENT } from './payment-provider.tokens';
import { StripePaymentProvider } from './stripe.payment-provider';
import { TestPaymentProvider } from './test.payment-provider';

type BillingSettings = ConfigOf<typeof billingConfig>;

/** Loaded only when Stripe is configured: the SDK is ~14 MB of RSS a gateway without it never uses. */
function stripeSdk(): typeof Stripe {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require keeps the SDK out of boot
  return require('stripe') as typeof Stripe;
}

/** Chooses the payment strategy once at boot; nothing else asks whether Stripe is configured. */
export const paymentProviders: Provider[] = [
  {
    provide: STRIPE_CLIENT,
    inject: [billingConfig.KEY],
    useFactory: (config: BillingSettings): Stripe | null =>
      config.stripe
        ? new (stripeSdk())(config.stripe.secretKey, {
            maxNetworkRetries: 2,
            timeout: 20_000,
            appInfo: { name: 'ApiLink' },
            ...(config.stripe.api ?? {}),
          })
        : null,
  },
  {
    provide: PAYMENT_PROVIDER,
    inject: [billingConfig.KEY, appConfig.KEY, STRIPE_CLIENT],
    useFactory: (config: BillingSettings, app: ConfigOf<typeof appConfig>, stripe: Stripe | null): PaymentProvider | null => {
      const logger = new Logger('Payments');
      if (stripe) return new StripePaymentProvider(stripe);
      if (config.testPaymentsEnabled) {
        logger.warn('STRIPE_SECRET_KEY is not set: top-ups use the TEST payment provider (no money is charged)');
        return new TestPaymentProvider(app.publicUrl);
      }
      logger.warn('No payment provider configured: top-ups are unavailable');
      return null;
    },
  },
];
