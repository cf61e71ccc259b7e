import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseRoutesFile } from './routes-file';
import type { UpstreamAccountConfig } from './upstream-account';

const OPENAI: UpstreamAccountConfig = { id: 'openai', protocol: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-1' };

function file(name: string, content: string): string {
  const target = path.join(mkdtempSync(path.join(tmpdir(), 'routes-spec-')), name);
  writeFileSync(target, content);
  return target;
}

describe('parseRoutesFile', () => {
  it('reads YAML with named upstreams, ${VAR} keys and ordered routes', () => {
    const yaml = file(
      'routes.yaml',
      `upstreams:
  backup:
    protocol: anthropic
    baseUrl: https://backup.example.com/
    apiKey: \${BACKUP_KEY}
routes:
  openai/gpt-4o:
    - openai
    - upstream: backup
      model: claude-haiku-4-5
`,
    );
    const { spec, problems } = parseRoutesFile(yaml, { BACKUP_KEY: 'sk-backup' }, [OPENAI]);
    expect(problems).toEqual([]);
    expect(spec.upstreams).toEqual([
      {
        id: 'backup',
        protocol: 'anthropic',
        baseUrl: 'https://backup.example.com',
        apiKey: 'sk-backup',
        quirksPreset: undefined,
        quirks: undefined,
      },
    ]);
    expect(spec.routes['openai/gpt-4o']).toEqual([{ upstream: 'openai' }, { upstream: 'backup', model: 'claude-haiku-4-5' }]);
  });

  it('reads JSON', () => {
    const json = file('routes.json', JSON.stringify({ routes: { 'openai/gpt-4o': ['openai'] } }));
    expect(parseRoutesFile(json, {}, [OPENAI]).problems).toEqual([]);
  });

  it('lists every problem at once', () => {
    const bad = file(
      'routes.json',
      JSON.stringify({
        upstreams: {
          'Bad Name': { protocol: 'soap', baseUrl: 'ftp://x', apiKey: '${MISSING}', extra: 1 },
          openai: { protocol: 'openai', baseUrl: 'https://x', apiKey: 'k' },
        },
        routes: { 'no-slash': ['openai'], 'openai/gpt-4o': ['nobody', 'openai', 'openai'], 'openai/o3': [] },
        other: true,
      }),
    );
    const { problems } = parseRoutesFile(bad, {}, [OPENAI]);
    const text = problems.join('\n');
    for (const expected of [
      'unknown top-level key(s) other',
      'upstreams.Bad Name: names are',
      'unknown key(s) extra',
      'protocol must be one of',
      'baseUrl must be an http(s) URL',
      '${MISSING}, which is not set',
      'clashes with the provider account',
      'a model id is <provider>/<model>',
      'unknown upstream "nobody"',
      'lists an upstream twice',
      'must be a non-empty list',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('refuses a route to a provider account whose key is not set', () => {
    const json = file('routes.json', JSON.stringify({ routes: { 'anthropic/claude-sonnet-4-5': ['anthropic'] } }));
    expect(parseRoutesFile(json, {}, [OPENAI]).problems.join()).toContain('unknown upstream "anthropic"');
  });

  it('reports an unreadable or unparsable file', () => {
    expect(parseRoutesFile('/nonexistent/routes.json', {}, []).problems[0]).toMatch(/cannot read/);
    expect(parseRoutesFile(file('r.yaml', 'routes: [unclosed'), {}, []).problems[0]).toMatch(/not valid YAML/);
  });
});
