/**
 * The optional routes file (ROUTES_FILE, JSON or YAML) adds upstreams per model, in priority order:
 *
 *   upstreams:                       # accounts besides the <PROVIDER>_API_KEY ones
 *     openai-backup:
 *       protocol: openai             # openai | anthropic | gemini
 *       baseUrl: https://backup.example.com/v1
 *       apiKey: ${BACKUP_OPENAI_KEY} # ${VAR} is read from the environment
 *       preset: deepseek             # optional: built-in quirks of an OpenAI-compatible provider
 *       quirks: { dropParams: [user] }   # optional: quirks of its own
 *   routes:
 *     openai/gpt-4o-mini:            # a catalog model id
 *       - openai                     # the account from OPENAI_API_KEY
 *       - upstream: openai-backup
 *         model: gpt-4o-mini-2024-07-18   # optional: the id this upstream knows (default: the catalog's)
 *
 * A model listed here is served by exactly these upstreams; other models by their provider's account.
 */
import { readFileSync } from 'node:fs';
import { UPSTREAM_PROTOCOLS, type UpstreamProtocolName } from '@apilink/contracts';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { parse as parseYaml } from 'yaml';
import { ConfigValidationError } from '../../../config/env-parser';
import { providerAccountsFrom } from '../providers/provider-accounts';
import type { UpstreamAccountConfig } from './upstream-account';

export interface RouteEntry {
  /** An upstream account id: a provider slug (env account) or a routes-file upstream name. */
  upstream: string;
  /** The model id sent to this upstream; the catalog's upstream id when absent. */
  model?: string;
}

export interface RoutesFileSpec {
  upstreams: UpstreamAccountConfig[];
  /** Catalog model id → upstreams in priority order. */
  routes: Record<string, RouteEntry[]>;
}

const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readDocument(path: string, problems: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(`ROUTES_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return undefined;
  }
  try {
    return /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    problems.push(`ROUTES_FILE: ${path} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
    return undefined;
  }
}

function expandVariables(value: string, env: Record<string, unknown>, where: string, problems: string[]): string {
  return value.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (_match, name: string) => {
    const resolved = env[name];
    if (typeof resolved === 'string' && resolved !== '') return resolved;
    problems.push(`ROUTES_FILE: ${where} refers to \${${name}}, which is not set`);
    return '';
  });
}

function parseUpstream(name: string, raw: unknown, env: Record<string, unknown>, problems: string[]): UpstreamAccountConfig | null {
  const where = `upstreams.${name}`;
  if (!NAME.test(name)) problems.push(`ROUTES_FILE: ${where}: names are lowercase letters, digits, '.', '_' and '-'`);
  if (!isRecord(raw)) {
    problems.push(`ROUTES_FILE: ${where} must be an object`);
    return null;
  }
  const unknownKeys = Object.keys(raw).filter((key) => !['protocol', 'baseUrl', 'apiKey', 'preset', 'quirks'].includes(key));
  if (unknownKeys.length) problems.push(`ROUTES_FILE: ${where}: unknown key(s) ${unknownKeys.join(', ')}`);
  if (!(UPSTREAM_PROTOCOLS as readonly unknown[]).includes(raw.protocol))
    problems.push(`ROUTES_FILE: ${where}.protocol must be one of ${UPSTREAM_PROTOCOLS.join(', ')}`);
  let baseUrl = '';
  if (typeof raw.baseUrl !== 'string' || !/^https?:\/\/[^\s/]+/.test(raw.baseUrl)) {
    problems.push(`ROUTES_FILE: ${where}.baseUrl must be an http(s) URL`);
  } else {
    baseUrl = raw.baseUrl.replace(/\/+$/, '');
  }
  let apiKey = '';
  if (typeof raw.apiKey !== 'string' || raw.apiKey === '') problems.push(`ROUTES_FILE: ${where}.apiKey is required`);
  else apiKey = expandVariables(raw.apiKey, env, `${where}.apiKey`, problems);
  if (raw.preset !== undefined && typeof raw.preset !== 'string') problems.push(`ROUTES_FILE: ${where}.preset must be a provider name`);
  if (raw.quirks !== undefined && !isRecord(raw.quirks)) problems.push(`ROUTES_FILE: ${where}.quirks must be an object`);
  return {
    id: name,
    protocol: raw.protocol as UpstreamProtocolName,
    baseUrl,
    apiKey,
    quirksPreset: raw.preset as string | undefined,
    quirks: raw.quirks,
  };
}

function parseRoute(modelId: string, raw: unknown, known: Set<string>, problems: string[]): RouteEntry[] {
  const where = `routes["${modelId}"]`;
  if (!/^[^/\s]+\/\S+$/.test(modelId)) problems.push(`ROUTES_FILE: ${where}: a model id is <provider>/<model>`);
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push(`ROUTES_FILE: ${where} must be a non-empty list of upstreams`);
    return [];
  }
  const entries = raw.map((item, index): RouteEntry | null => {
    const entry = typeof item === 'string' ? { upstream: item } : isRecord(item) ? item : null;
    if (!entry || typeof entry.upstream !== 'string') {
      problems.push(`ROUTES_FILE: ${where}[${index}] must be an upstream name or { upstream, model }`);
      return null;
    }
    const extra = Object.keys(entry).filter((key) => key !== 'upstream' && key !== 'model');
    if (extra.length) problems.push(`ROUTES_FILE: ${where}[${index}]: unknown key(s) ${extra.join(', ')}`);
    if (entry.model !== undefined && (typeof entry.model !== 'string' || entry.model === '')) {
      problems.push(`ROUTES_FILE: ${where}[${index}].model must be a model id`);
    }
    if (!known.has(entry.upstream)) {
      problems.push(
        `ROUTES_FILE: ${where}[${index}]: unknown upstream "${entry.upstream}" (not in upstreams, and no such provider key is set)`,
      );
    }
    return { upstream: entry.upstream, ...(typeof entry.model === 'string' ? { model: entry.model } : {}) };
  });
  const valid = entries.filter((entry): entry is RouteEntry => entry !== null);
  const names = valid.map((entry) => entry.upstream);
  if (new Set(names).size !== names.length) problems.push(`ROUTES_FILE: ${where} lists an upstream twice`);
  return valid;
}

/** Reads and checks the routes file; `problems` lists everything wrong, the spec is only usable without problems. */
export function parseRoutesFile(
  path: string,
  env: Record<string, unknown>,
  providerAccounts: readonly UpstreamAccountConfig[],
): { spec: RoutesFileSpec; problems: string[] } {
  const problems: string[] = [];
  const spec: RoutesFileSpec = { upstreams: [], routes: {} };
  const document = readDocument(path, problems);
  if (document === undefined) return { spec, problems };
  if (!isRecord(document)) return { spec, problems: [`ROUTES_FILE: ${path} must hold an object with "routes"`] };
  const unknownKeys = Object.keys(document).filter((key) => key !== 'upstreams' && key !== 'routes');
  if (unknownKeys.length) problems.push(`ROUTES_FILE: unknown top-level key(s) ${unknownKeys.join(', ')}`);
  if (document.upstreams !== undefined && !isRecord(document.upstreams))
    problems.push('ROUTES_FILE: upstreams must be an object of named upstreams');
  if (!isRecord(document.routes)) problems.push('ROUTES_FILE: routes must be an object of model id → upstreams');

  const providerIds = new Set(providerAccounts.map((account) => account.id));
  for (const [name, raw] of Object.entries(isRecord(document.upstreams) ? document.upstreams : {})) {
    if (providerIds.has(name)) problems.push(`ROUTES_FILE: upstreams.${name} clashes with the provider account of the same name`);
    const upstream = parseUpstream(name, raw, env, problems);
    if (upstream) spec.upstreams.push(upstream);
  }
  const known = new Set([...providerIds, ...spec.upstreams.map((upstream) => upstream.id)]);
  for (const [modelId, raw] of Object.entries(isRecord(document.routes) ? document.routes : {})) {
    spec.routes[modelId] = parseRoute(modelId, raw, known, problems);
  }
  return { spec, problems };
}

/** The routes file for the config namespace; boot validation has already reported any problem. */
export function loadRoutesFile(
  path: string,
  env: Record<string, unknown>,
  providerAccounts: readonly UpstreamAccountConfig[],
): RoutesFileSpec {
  const { spec, problems } = parseRoutesFile(path, env, providerAccounts);
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return spec;
}

/** class-validator check of ROUTES_FILE, so its problems are listed with every other bad variable. */
export function IsRoutesFile(): PropertyDecorator {
  return (target, propertyName) => {
    let problems: string[] = [];
    registerDecorator({
      name: 'isRoutesFile',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string') return true;
          const env = args.object as Record<string, unknown>;
          problems = parseRoutesFile(value, env, providerAccountsFrom(env)).problems;
          return problems.length === 0;
        },
        // One bullet per problem in the boot error's list.
        defaultMessage: () => problems.join('\n  - '),
      },
    });
  };
}
