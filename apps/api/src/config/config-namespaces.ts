import { adminConfig } from './admin.config';
import { appConfig } from './app.config';
import { authConfig } from './auth.config';
import { billingConfig } from './billing.config';
import { completionsConfig } from './completions.config';
import { databaseConfig } from './database.config';
import { invoicesConfig } from './invoices.config';
import { keysConfig } from './keys.config';
import { metricsConfig } from './metrics.config';
import { rateLimitConfig } from './rate-limit.config';
import { redisConfig } from './redis.config';
import { upstreamsConfig } from '../modules/upstreams/upstreams.config';

/** Every config namespace; a feature adds its own `<name>.config.ts` and lists it here. */
export const CONFIG_NAMESPACES = [
  appConfig,
  databaseConfig,
  redisConfig,
  authConfig,
  keysConfig,
  rateLimitConfig,
  upstreamsConfig,
  completionsConfig,
  metricsConfig,
  billingConfig,
  invoicesConfig,
  adminConfig,
];
