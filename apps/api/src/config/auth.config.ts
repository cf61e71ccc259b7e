import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@apilink/contracts';
import { IsEmail, IsInt, IsOptional, IsString, Length, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { defineConfig } from './define-config';

class AuthEnv {
  // Production needs a stable secret shared by every instance; elsewhere a per-boot one is made.
  @ValidateIf((env: { NODE_ENV?: string; SESSION_SECRET?: string }) => env.NODE_ENV === 'production' || env.SESSION_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters (required when NODE_ENV=production)' })
  SESSION_SECRET?: string;

  @IsInt()
  @Min(1)
  @Max(24 * 90)
  SESSION_TTL_HOURS: number = 168;

  @ValidateIf((env: { ADMIN_PASSWORD?: string; ADMIN_EMAIL?: string }) => env.ADMIN_PASSWORD !== undefined || env.ADMIN_EMAIL !== undefined)
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address (set it together with ADMIN_PASSWORD)' })
  ADMIN_EMAIL?: string;

  @ValidateIf((env: { ADMIN_PASSWORD?: string; ADMIN_EMAIL?: string }) => env.ADMIN_PASSWORD !== undefined || env.ADMIN_EMAIL !== undefined)
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `ADMIN_PASSWORD must be ${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters (set it together with ADMIN_EMAIL)`,
  })
  ADMIN_PASSWORD?: string;

  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  AUTH_THROTTLE_WINDOW_SECONDS: number = 900;

  @IsInt()
  @Min(1)
  AUTH_THROTTLE_MAX_PER_IP: number = 30;

  @IsInt()
  @Min(1)
  AUTH_THROTTLE_MAX_PER_EMAIL: number = 10;

  @IsOptional()
  @IsString()
  NODE_ENV?: string;
}

export const authConfig = defineConfig('auth', AuthEnv, (env) => ({
  sessionSecret: env.SESSION_SECRET,
  sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
  /** Secure cookies need HTTPS; development over plain http would lose the session otherwise. */
  secureCookies: env.NODE_ENV === 'production',
  bootstrapAdmin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null,
  throttle: {
    windowMs: env.AUTH_THROTTLE_WINDOW_SECONDS * 1000,
    maxPerIp: env.AUTH_THROTTLE_MAX_PER_IP,
    maxPerEmail: env.AUTH_THROTTLE_MAX_PER_EMAIL,
  },
}));
