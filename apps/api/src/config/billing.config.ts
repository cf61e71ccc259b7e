import { IsIn, IsInt, IsOptional, IsUrl, Matches, Max, Min, ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import { defineConfig } from './define-config';
import { EnvBoolean } from './env-boolean.decorator';

const MICROS_PER_USD = 1_000_000n;

/** A number variable that must not be below another one of the same schema. */
function NotBelow(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'notBelow',
    constraints: [other],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value === 'number' && value >= Number((args?.object as Record<string, unknown>)[other]),
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must not be below ${other}`,
    },
  });
}

class BillingEnv {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  /** Live or test secret (or restricted) key; without it top-ups use the test-payment provider. */
  @IsOptional()
  @Matches(/^(sk|rk)_(test|live)_\S+$/, { message: 'STRIPE_SECRET_KEY must be a Stripe secret key (sk_live_... or sk_test_...)' })
  STRIPE_SECRET_KEY?: string;

  @ValidateIf((env: BillingEnv) => env.STRIPE_SECRET_KEY !== undefined || env.STRIPE_WEBHOOK_SECRET !== undefined)
  @Matches(/^whsec_\S+$/, {
    message: 'STRIPE_WEBHOOK_SECRET must be the endpoint signing secret (whsec_...), required with STRIPE_SECRET_KEY',
  })
  STRIPE_WEBHOOK_SECRET?: string;

  /** Another Stripe API base URL (a local fake in tests, stripe-mock); the real API when unset. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  STRIPE_API_URL?: string;

  /** Test payments mint credits for free: on by default outside production only. */
  @IsOptional()
  @EnvBoolean()
  TEST_PAYMENTS_ENABLED?: boolean;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  TOP_UP_MIN_USD: number = 5;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  @NotBelow('TOP_UP_MIN_USD')
  TOP_UP_MAX_USD: number = 1_000;

  /** Must exceed the longest request (the completion timeout) plus a margin. */
  @IsInt()
  @Min(10)
  @Max(24 * 3600)
  BILLING_HOLD_TTL_SECONDS: number = 300;

  @IsInt()
  @Min(1)
  @Max(3600)
  BILLING_REAPER_INTERVAL_SECONDS: number = 30;

  /** Credit leases (docs/billing-invariants.md): on, or off for a durable hold per request. */
  @IsIn(['on', 'off'])
  BILLING_LEASES: 'on' | 'off' = 'on';

  /** A lease its instance stops renewing (a crash) expires this long after its last renewal. */
  @IsInt()
  @Min(2)
  @Max(3600)
  BILLING_LEASE_TTL_SECONDS: number = 30;

  /** A lease unused for this long is returned to the balance. */
  @IsInt()
  @Min(1)
  @Max(3600)
  BILLING_LEASE_IDLE_SECONDS: number = 10;
}

function stripeApi(url: string | undefined): { host: string; port: number; protocol: 'http' | 'https' } | null {
  if (!url) return null;
  const parsed = new URL(url);
  const protocol = parsed.protocol === 'http:' ? 'http' : 'https';
  return { host: parsed.hostname, port: Number(parsed.port || (protocol === 'http' ? 80 : 443)), protocol };
}

export const billingConfig = defineConfig('billing', BillingEnv, (env) => ({
  stripe: env.STRIPE_SECRET_KEY
    ? { secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET!, api: stripeApi(env.STRIPE_API_URL) }
    : null,
  testPaymentsEnabled: env.TEST_PAYMENTS_ENABLED ?? env.NODE_ENV !== 'production',
  topUpMinMicros: BigInt(env.TOP_UP_MIN_USD) * MICROS_PER_USD,
  topUpMaxMicros: BigInt(env.TOP_UP_MAX_USD) * MICROS_PER_USD,
  holdTtlSeconds: env.BILLING_HOLD_TTL_SECONDS,
  reaperIntervalMs: env.BILLING_REAPER_INTERVAL_SECONDS * 1000,
  leases: env.BILLING_LEASES === 'on',
  leaseTtlSeconds: env.BILLING_LEASE_TTL_SECONDS,
  leaseIdleMs: env.BILLING_LEASE_IDLE_SECONDS * 1000,
}));
