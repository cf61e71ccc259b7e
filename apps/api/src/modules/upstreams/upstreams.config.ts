import { IsOptional, IsString, IsUrl } from 'class-validator';
import { defineConfig } from '../../config/define-config';
import { EnvBoolean } from '../../config/env-boolean.decorator';
import { providerAccountsFrom } from './providers/provider-accounts';
import { UPSTREAM_PROVIDERS } from './providers/upstream-providers';
import { IsRoutesFile, loadRoutesFile, type RoutesFileSpec } from './routing/routes-file';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const ENV_PROVIDERS = UPSTREAM_PROVIDERS.filter((provider) => provider.envPrefix !== undefined);

/**
 * Upstream accounts: `<PREFIX>_API_KEY` (optional) and `<PREFIX>_BASE_URL` (a URL, the provider's
 * default when unset) for every row of the provider table, the routes file and the demo model.
 */
class UpstreamsEnv {
  /** JSON or YAML file adding ordered upstreams per model; checked at boot (see routing/routes-file.ts). */
  @IsOptional()
  @IsString()
  @IsRoutesFile()
  ROUTES_FILE?: string;

  /** Default: on only while no upstream is configured. */
  @IsOptional()
  @EnvBoolean()
  ECHO_MODEL_ENABLED?: boolean;

  constructor() {
    // Class-transformer builds the instance with `new` and then copies the set variables over these defaults.
    const defaults = this as unknown as Record<string, string>;
    for (const provider of ENV_PROVIDERS) defaults[`${provider.envPrefix}_BASE_URL`] = provider.defaultBaseUrl;
  }
}

// The provider variables' validation, applied to the schema as the hand-written decorators would be.
for (const provider of ENV_PROVIDERS) {
  IsOptional()(UpstreamsEnv.prototype, `${provider.envPrefix}_API_KEY`);
  IsString()(UpstreamsEnv.prototype, `${provider.envPrefix}_API_KEY`);
  IsUrl(URL_OPTIONS)(UpstreamsEnv.prototype, `${provider.envPrefix}_BASE_URL`);
}

export const upstreamsConfig = defineConfig('upstreams', UpstreamsEnv, (env) => {
  // parseEnv keeps every variable on the instance, so `${VAR}` references in the routes file resolve here.
  const values = env as unknown as Record<string, string | undefined>;
  const providerAccounts = providerAccountsFrom(values);
  const routes: RoutesFileSpec | null = env.ROUTES_FILE ? loadRoutesFile(env.ROUTES_FILE, values, providerAccounts) : null;
  const anyUpstream = providerAccounts.length > 0 || (routes !== null && Object.keys(routes.routes).length > 0);
  return {
    /** Provider accounts whose key is set, by provider slug. */
    providerAccounts,
    routes,
    /** The built-in demo model answers while nothing else is configured, or when asked to. */
    echoEnabled: env.ECHO_MODEL_ENABLED ?? !anyUpstream,
  };
});
