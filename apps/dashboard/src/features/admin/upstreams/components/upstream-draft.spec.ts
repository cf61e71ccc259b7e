import type { UpstreamAccount } from '@apilink/contracts';
import { describe, expect, it } from 'vitest';
import { draftFrom, emptyRoute, fieldOfParam, toUpstreamRequest, type UpstreamDraft } from './upstream-draft';

const account: UpstreamAccount = {
  id: 'acc-1',
  name: 'openai-main',
  protocol: 'openai',
  baseUrl: 'https://api.openai.com/v1',
  apiKeyLast4: 'wxyz',
  quirksPreset: 'deepseek',
  quirks: { dropParams: ['user'] },
  timeoutMs: 45_000,
  enabled: true,
  models: [{ model: 'openai/gpt-4o-mini', upstreamModel: null, priority: 10 }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function draft(changes: Partial<UpstreamDraft> = {}): UpstreamDraft {
  return {
    ...draftFrom(null),
    name: 'groq-backup',
    baseUrl: 'https://api.groq.com/openai/v1',
    apiKey: 'gsk-secret-1234',
    routes: [{ ...emptyRoute(), model: 'groq/llama-3.1-8b-instant', upstreamModel: 'llama-3.1-8b', priority: '5' }],
    ...changes,
  };
}

describe('toUpstreamRequest', () => {
  it('builds the create request in API units: timeout in ms, quirks parsed, routes with priorities', () => {
    const result = toUpstreamRequest(
      draft({ timeoutSeconds: '2.5', quirks: '{"dropParams":["seed"]}', quirksPreset: ' groq ' }),
      false,
      ' on-call ',
    );
    expect(result).toMatchObject({
      ok: true,
      create: {
        name: 'groq-backup',
        protocol: 'openai',
        baseUrl: 'https://api.groq.com/openai/v1',
        apiKey: 'gsk-secret-1234',
        quirksPreset: 'groq',
        quirks: { dropParams: ['seed'] },
        timeoutMs: 2_500,
        enabled: true,
        models: [{ model: 'groq/llama-3.1-8b-instant', upstreamModel: 'llama-3.1-8b', priority: 5 }],
        reason: 'on-call',
      },
    });
  });

  it('on edit, leaves the key out when the field is empty (the stored key is kept) and sends it to rotate', () => {
    const editing = draftFrom(account);
    expect(editing.apiKey).toBe('');
    expect(editing.timeoutSeconds).toBe('45');
    const kept = toUpstreamRequest(editing, true, '');
    expect(kept.ok && 'apiKey' in kept.update).toBe(false);
    expect(kept.ok && kept.update).toMatchObject({ timeoutMs: 45_000, quirks: { dropParams: ['user'] }, reason: undefined });
    const rotated = toUpstreamRequest({ ...editing, apiKey: 'sk-new-key-0001' }, true, '');
    expect(rotated.ok && rotated.update.apiKey).toBe('sk-new-key-0001');
  });

  it('requires a key to create, and sends no quirks for protocols that have none', () => {
    expect(toUpstreamRequest(draft({ apiKey: '' }), false, '')).toMatchObject({ ok: false, errors: { apiKey: expect.any(String) } });
    const anthropic = toUpstreamRequest(draft({ protocol: 'anthropic', quirksPreset: 'groq', quirks: 'not json' }), false, '');
    expect(anthropic).toMatchObject({ ok: true, create: { quirksPreset: null, quirks: null } });
  });

  it('reports each problem on its field or route row, and ignores blank route rows', () => {
    const blank = emptyRoute();
    const duplicate = { ...emptyRoute(), model: 'groq/llama-3.1-8b-instant', priority: '1' };
    const badPriority = { ...emptyRoute(), model: 'groq/qwen/qwen3-32b', priority: '-1' };
    const result = toUpstreamRequest(
      draft({
        name: 'Groq Backup',
        baseUrl: 'api.groq.com',
        quirks: '[1]',
        timeoutSeconds: '0.5',
        routes: [...draft().routes, blank, duplicate, badPriority],
      }),
      false,
      '',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['baseUrl', 'name', 'quirks', 'routes', 'timeoutSeconds']);
    expect(Object.keys(result.errors.routes ?? {}).map(Number)).toEqual([duplicate.key, badPriority.key]);
  });
});

describe('fieldOfParam', () => {
  it('puts API errors under the field they name', () => {
    expect(fieldOfParam('baseUrl')).toBe('baseUrl');
    expect(fieldOfParam('timeoutMs')).toBe('timeoutSeconds');
    expect(fieldOfParam('models.0.priority')).toBe('models');
    expect(fieldOfParam('somethingElse')).toBeNull();
    expect(fieldOfParam(null)).toBeNull();
  });
});
