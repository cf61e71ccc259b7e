import { IsOptional, IsString, Matches } from 'class-validator';
import { defineConfig } from './define-config';
import { EnvBoolean } from './env-boolean.decorator';

/** Parses a non-negative USD amount with at most 6 decimals into integer micro-USD, exactly. */
function usdToMicros(usd: string): bigint {
  const [whole, fraction = ''] = usd.split('.');
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}

class AdminEnv {
  /** Largest credit adjustment (either sign) one support action may make; admins are unlimited. */
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,6})?$/, { message: 'SUPPORT_CREDIT_ADJUSTMENT_LIMIT_USD must be a USD amount like "100" or "12.50"' })
  SUPPORT_CREDIT_ADJUSTMENT_LIMIT_USD: string = '100';

  /** 32 bytes as 64 hex characters or base64; encrypts upstream API keys at rest (AES-256-GCM). */
  @IsOptional()
  @IsString()
  @Matches(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=|[A-Za-z0-9_-]{43})$/, {
    message: 'UPSTREAM_ENCRYPTION_KEY must be 32 bytes as 64 hex characters or base64 (e.g. `openssl rand -base64 32`)',
  })
  UPSTREAM_ENCRYPTION_KEY?: string;

  /** Lets upstream base URLs point at loopback, private and link-local hosts (self-hosted models, tests). */
  @EnvBoolean()
  UPSTREAM_ALLOW_PRIVATE_NETWORKS: boolean = false;
}

export const adminConfig = defineConfig('admin', AdminEnv, (env) => ({
  supportCreditAdjustmentLimitMicros: usdToMicros(env.SUPPORT_CREDIT_ADJUSTMENT_LIMIT_USD),
  upstreamEncryptionKey: env.UPSTREAM_ENCRYPTION_KEY ? decodeKey(env.UPSTREAM_ENCRYPTION_KEY) : null,
  upstreamAllowPrivateNetworks: env.UPSTREAM_ALLOW_PRIVATE_NETWORKS,
}));

function decodeKey(value: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
}
