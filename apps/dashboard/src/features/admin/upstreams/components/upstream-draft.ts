/**
 * The upstream form's state as typed, and its translation into the API's request: timeouts in
 * seconds become milliseconds, quirks JSON is parsed, and on edit an empty API key keeps the
 * stored one (the key is write-only: the form never holds the current one).
 */
import {
  UPSTREAM_ACCOUNT_NAME_PATTERN,
  UPSTREAM_TIMEOUT_MS_MAX,
  UPSTREAM_TIMEOUT_MS_MIN,
  type CreateUpstreamAccountRequest,
  type UpdateUpstreamAccountRequest,
  type UpstreamAccount,
  type UpstreamModelRouteInput,
  type UpstreamProtocolName,
} from '@apilink/contracts';

export interface RouteDraft {
  /** React key only. */
  key: number;
  model: string;
  upstreamModel: string;
  priority: string;
}

export interface UpstreamDraft {
  name: string;
  protocol: UpstreamProtocolName;
  baseUrl: string;
  apiKey: string;
  quirksPreset: string;
  quirks: string;
  timeoutSeconds: string;
  enabled: boolean;
  routes: RouteDraft[];
}

export type DraftField = Exclude<keyof UpstreamDraft, 'routes'> | 'models';
export type DraftErrors = Partial<Record<DraftField, string>> & { routes?: Record<number, string> };

const DEFAULT_PRIORITY = '10';
let nextRouteKey = 1;

export function emptyRoute(): RouteDraft {
  return { key: nextRouteKey++, model: '', upstreamModel: '', priority: DEFAULT_PRIORITY };
}

export function draftFrom(account: UpstreamAccount | null): UpstreamDraft {
  if (!account) {
    return {
      name: '',
      protocol: 'openai',
      baseUrl: '',
      apiKey: '',
      quirksPreset: '',
      quirks: '',
      timeoutSeconds: '',
      enabled: true,
      routes: [emptyRoute()],
    };
  }
  return {
    name: account.name,
    protocol: account.protocol,
    baseUrl: account.baseUrl,
    apiKey: '',
    quirksPreset: account.quirksPreset ?? '',
    quirks: account.quirks ? JSON.stringify(account.quirks, null, 2) : '',
    timeoutSeconds: account.timeoutMs === null ? '' : String(account.timeoutMs / 1000),
    enabled: account.enabled,
    routes: account.models.map((route) => ({
      key: nextRouteKey++,
      model: route.model,
      upstreamModel: route.upstreamModel ?? '',
      priority: String(route.priority),
    })),
  };
}

/** Maps an API error's `param` to the field it names, so the message sits under that field. */
export function fieldOfParam(param: string | null): DraftField | null {
  if (!param) return null;
  if (param === 'timeoutMs') return 'timeoutSeconds';
  if (param.startsWith('models')) return 'models';
  const fields: DraftField[] = ['name', 'protocol', 'baseUrl', 'apiKey', 'quirksPreset', 'quirks', 'enabled'];
  return fields.find((field) => field === param) ?? null;
}

function parseRoutes(routes: RouteDraft[], errors: DraftErrors): UpstreamModelRouteInput[] {
  const rowErrors: Record<number, string> = {};
  const parsed: UpstreamModelRouteInput[] = [];
  const seen = new Set<string>();
  for (const route of routes) {
    const model = route.model.trim();
    const upstreamModel = route.upstreamModel.trim();
    // A row left completely empty is ignored, like a blank line.
    if (!model && !upstreamModel) continue;
    const priority = Number(route.priority.trim());
    if (!/^[^/\s]+\/\S+$/.test(model)) rowErrors[route.key] = 'Pick a catalog model id like openai/gpt-4o-mini.';
    else if (seen.has(model)) rowErrors[route.key] = 'This model is already listed.';
    else if (!route.priority.trim() || !Number.isInteger(priority) || priority < 0)
      rowErrors[route.key] = 'Priority is a whole number, 0 or more (lower is tried first).';
    seen.add(model);
    parsed.push({ model, upstreamModel: upstreamModel || null, priority });
  }
  if (Object.keys(rowErrors).length > 0) errors.routes = rowErrors;
  return parsed;
}

function parseQuirks(text: string, errors: DraftErrors): Record<string, unknown> | null {
  if (!text.trim()) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below, like any value that is not an object.
  }
  errors.quirks = 'Quirks are a JSON object, e.g. {"dropParams": ["user"]}.';
  return null;
}

function parseTimeout(text: string, errors: DraftErrors): number | null {
  if (!text.trim()) return null;
  const ms = Math.round(Number(text.trim()) * 1000);
  if (!Number.isFinite(ms) || ms < UPSTREAM_TIMEOUT_MS_MIN || ms > UPSTREAM_TIMEOUT_MS_MAX) {
    errors.timeoutSeconds = `Between ${UPSTREAM_TIMEOUT_MS_MIN / 1000} and ${UPSTREAM_TIMEOUT_MS_MAX / 1000} seconds, or empty for the gateway default.`;
  }
  return ms;
}

export type DraftResult =
  { ok: true; create: CreateUpstreamAccountRequest; update: UpdateUpstreamAccountRequest } | { ok: false; errors: DraftErrors };

/** Checks what the browser can and builds both request shapes; the API re-checks everything (SSRF included). */
export function toUpstreamRequest(draft: UpstreamDraft, editing: boolean, reason: string): DraftResult {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (!UPSTREAM_ACCOUNT_NAME_PATTERN.test(name))
    errors.name = "Lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.";
  const baseUrl = draft.baseUrl.trim();
  if (!/^https?:\/\/\S+$/i.test(baseUrl)) errors.baseUrl = 'A full URL, e.g. https://api.openai.com/v1.';
  const apiKey = draft.apiKey.trim();
  if (!editing && apiKey.length < 4) errors.apiKey = 'Paste the API key the provider gave you.';
  else if (editing && apiKey && apiKey.length < 4) errors.apiKey = 'That is too short for an API key.';
  const openAi = draft.protocol === 'openai';
  const quirksPreset = openAi ? draft.quirksPreset.trim() || null : null;
  const quirks = openAi ? parseQuirks(draft.quirks, errors) : null;
  const timeoutMs = parseTimeout(draft.timeoutSeconds, errors);
  const models = parseRoutes(draft.routes, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const reasonText = reason.trim() || undefined;
  const shared = { name, baseUrl, quirksPreset, quirks, timeoutMs, models, reason: reasonText };
  return {
    ok: true,
    create: { ...shared, protocol: draft.protocol, apiKey, enabled: draft.enabled },
    update: { ...shared, ...(apiKey ? { apiKey } : {}) },
  };
}
