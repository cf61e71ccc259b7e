import { IsOptional, IsString, IsUrl } from 'class-validator';
import { defineConfig } from '../../config/define-config';
import { EnvBoolean } from '../../config/env-boolean.decorator';
import { IsRoutesFile, loadRoutesFile, type RoutesFileSpec } from './routing/routes-file';
import { providerAccountsFrom } from './providers/upstream-providers';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Upstream accounts: keys and base URLs per provider (see upstream-providers.ts), the routes file, the demo model. */
class UpstreamsEnv {
  @IsOptional() @IsString() OPENAI_API_KEY?: string;
  @IsUrl(URL_OPTIONS) OPENAI_BASE_URL: string = 'https://api.openai.com/v1';
  @IsOptional() @IsString() ANTHROPIC_API_KEY?: string;
  @IsUrl(URL_OPTIONS) ANTHROPIC_BASE_URL: string = 'https://api.anthropic.com';
  @IsOptional() @IsString() GEMINI_API_KEY?: string;
  @IsUrl(URL_OPTIONS) GEMINI_BASE_URL: string = 'https://generativelanguage.googleapis.com';
  @IsOptional() @IsString() DEEPSEEK_API_KEY?: string;
  @IsUrl(URL_OPTIONS) DEEPSEEK_BASE_URL: string = 'https://api.deepseek.com';
  @IsOptional() @IsString() MISTRAL_API_KEY?: string;
  @IsUrl(URL_OPTIONS) MISTRAL_BASE_URL: string = 'https://api.mistral.ai/v1';
  @IsOptional() @IsString() XAI_API_KEY?: string;
  @IsUrl(URL_OPTIONS) XAI_BASE_URL: string = 'https://api.x.ai/v1';
  @IsOptional() @IsString() GROQ_API_KEY?: string;
  @IsUrl(URL_OPTIONS) GROQ_BASE_URL: string = 'https://api.groq.com/openai/v1';
  @IsOptional() @IsString() TOGETHER_API_KEY?: string;
  @IsUrl(URL_OPTIONS) TOGETHER_BASE_URL: string = 'https://api.together.xyz/v1';
  @IsOptional() @IsString() FIREWORKS_API_KEY?: string;
  @IsUrl(URL_OPTIONS) FIREWORKS_BASE_URL: string = 'https://api.fireworks.ai/inference/v1';
  @IsOptional() @IsString() DEEPINFRA_API_KEY?: string;
  @IsUrl(URL_OPTIONS) DEEPINFRA_BASE_URL: string = 'https://api.deepinfra.com/v1/openai';
  @IsOptional() @IsString() NEBIUS_API_KEY?: string;
  @IsUrl(URL_OPTIONS) NEBIUS_BASE_URL: string = 'https://api.tokenfactory.nebius.com/v1';
  @IsOptional() @IsString() CEREBRAS_API_KEY?: string;
  @IsUrl(URL_OPTIONS) CEREBRAS_BASE_URL: string = 'https://api.cerebras.ai/v1';
  @IsOptional() @IsString() DASHSCOPE_API_KEY?: string;
  @IsUrl(URL_OPTIONS) DASHSCOPE_BASE_URL: string = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1';
  @IsOptional() @IsString() MOONSHOT_API_KEY?: string;
  @IsUrl(URL_OPTIONS) MOONSHOT_BASE_URL: string = 'https://api.moonshot.ai/v1';
  @IsOptional() @IsString() ZAI_API_KEY?: string;
  @IsUrl(URL_OPTIONS) ZAI_BASE_URL: string = 'https://api.z.ai/api/paas/v4';
  @IsOptional() @IsString() MINIMAX_API_KEY?: string;
  @IsUrl(URL_OPTIONS) MINIMAX_BASE_URL: string = 'https://api.minimax.io/anthropic';
  @IsOptional() @IsString() COHERE_API_KEY?: string;
  @IsUrl(URL_OPTIONS) COHERE_BASE_URL: string = 'https://api.cohere.ai/compatibility/v1';
  @IsOptional() @IsString() PERPLEXITY_API_KEY?: string;
  @IsUrl(URL_OPTIONS) PERPLEXITY_BASE_URL: string = 'https://api.perplexity.ai';

  /** JSON or YAML file adding ordered upstreams per model; checked at boot (see routes-file.ts). */
  @IsOptional()
  @IsString()
  @IsRoutesFile()
  ROUTES_FILE?: string;

  /** Default: on only while no upstream is configured. */
  @IsOptional()
  @EnvBoolean()
  ECHO_MODEL_ENABLED?: boolean;
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
