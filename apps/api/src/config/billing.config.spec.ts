import { ConfigValidationError, parseEnv } from './env-parser';
import { billingConfig } from './billing.config';

function load(env: Record<string, string>) {
  const saved = process.env;
  process.env = { ...env };
  try {
    return billingConfig();
  } finally {
    process.env = saved;
  }
}

describe('billing config', () => {
  it('uses the test-payment provider by default outside production only', () => {
    expect(load({}).testPaymentsEnabled).toBe(true);
    expect(load({ NODE_ENV: 'production' }).testPaymentsEnabled).toBe(false);
    expect(load({ NODE_ENV: 'production', TEST_PAYMENTS_ENABLED: 'true' }).testPaymentsEnabled).toBe(true);
    expect(load({}).stripe).toBeNull();
  });

  it('turns USD limits into micro-USD and the Stripe API URL into host, port and protocol', () => {
    const config = load({
      STRIPE_SECRET_KEY: 'sk_test_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      STRIPE_API_URL: 'http://127.0.0.1:12111',
      TOP_UP_MIN_USD: '10',
      TOP_UP_MAX_USD: '250',
    });
    expect(config).toMatchObject({
      topUpMinMicros: 10_000_000n,
      topUpMaxMicros: 250_000_000n,
      holdTtlSeconds: 300,
      reaperIntervalMs: 30_000,
    });
    expect(config.stripe).toEqual({
      secretKey: 'sk_test_abc',
      webhookSecret: 'whsec_abc',
      api: { host: '127.0.0.1', port: 12111, protocol: 'http' },
    });
  });

  it('takes credit leases unless BILLING_LEASES=off', () => {
    expect(load({})).toMatchObject({ leases: true, leaseTtlSeconds: 30, leaseIdleMs: 10_000 });
    expect(load({ BILLING_LEASES: 'off', BILLING_LEASE_TTL_SECONDS: '5', BILLING_LEASE_IDLE_SECONDS: '2' })).toMatchObject({
      leases: false,
      leaseTtlSeconds: 5,
      leaseIdleMs: 2_000,
    });
    const schema = billingConfig.schema as new () => object;
    expect(() => parseEnv(schema, { BILLING_LEASES: 'yes' })).toThrow(/BILLING_LEASES/);
  });

  it('names every bad variable', () => {
    const schema = billingConfig.schema as new () => object;
    expect(() => parseEnv(schema, { STRIPE_SECRET_KEY: 'sk_test_abc' })).toThrow(
      /STRIPE_WEBHOOK_SECRET must be the endpoint signing secret/,
    );
    expect(() => parseEnv(schema, { STRIPE_SECRET_KEY: 'pk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_x' })).toThrow(
      /STRIPE_SECRET_KEY must be a Stripe secret key/,
    );
    expect(() => parseEnv(schema, { TOP_UP_MIN_USD: '50', TOP_UP_MAX_USD: '20' })).toThrow(
      /TOP_UP_MAX_USD must not be below TOP_UP_MIN_USD/,
    );
    expect(() => parseEnv(schema, { BILLING_HOLD_TTL_SECONDS: '5' })).toThrow(ConfigValidationError);
    expect(() => parseEnv(schema, { TEST_PAYMENTS_ENABLED: 'maybe' })).toThrow(/TEST_PAYMENTS_ENABLED must be true or false/);
  });
});
