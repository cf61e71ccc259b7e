import { randomBytes, randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { InProcessPubSub } from '../../../infrastructure/pubsub/in-process.pubsub';
import { DbUpstreamRoutes } from './db-upstream-routes';
import type { UpstreamAccountEntity } from '../entities/upstream-account.entity';
import { UpstreamKeyCipher } from '../upstream-key-cipher';
import { UPSTREAMS_CHANGED_CHANNEL } from '../upstreams.tokens';

const cipher = new UpstreamKeyCipher(randomBytes(32));

function account(
  name: string,
  routes: { model: string; priority: number; upstreamModel?: string }[],
  key = `sk-${name}`,
): UpstreamAccountEntity {
  const id = randomUUID();
  return {
    id,
    name,
    protocol: 'openai',
    baseUrl: `https://${name}.example.com/v1`,
    apiKeyCiphertext: cipher.encrypt(key, id),
    apiKeyLast4: key.slice(-4),
    quirksPreset: null,
    quirks: null,
    timeoutMs: null,
    enabled: true,
    routes: routes.map((route) => ({
      id: randomUUID(),
      accountId: id,
      modelId: route.model,
      upstreamModel: route.upstreamModel ?? null,
      priority: route.priority,
    })),
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

function routesOver(rows: () => UpstreamAccountEntity[], withCipher: UpstreamKeyCipher | null = cipher) {
  const repository = { find: jest.fn(async () => rows()) } as unknown as Repository<UpstreamAccountEntity>;
  const pubSub = new InProcessPubSub();
  return { routes: new DbUpstreamRoutes(repository, withCipher, pubSub), pubSub, repository };
}

describe('DbUpstreamRoutes', () => {
  it('orders each model’s upstreams by priority, then account name, with decrypted keys', async () => {
    const rows = [
      account('zeta', [{ model: 'openai/gpt-4o', priority: 1 }]),
      account('alpha', [
        { model: 'openai/gpt-4o', priority: 1 },
        { model: 'openai/o3', priority: 5, upstreamModel: 'o3-2025' },
      ]),
      account('first', [{ model: 'openai/gpt-4o', priority: 0 }]),
    ];
    const { routes } = routesOver(() => rows);
    await routes.reload();
    const snapshot = routes.current();
    expect(snapshot.routes['openai/gpt-4o']).toEqual([{ upstream: 'db:first' }, { upstream: 'db:alpha' }, { upstream: 'db:zeta' }]);
    expect(snapshot.routes['openai/o3']).toEqual([{ upstream: 'db:alpha', model: 'o3-2025' }]);
    expect(snapshot.upstreams.find((upstream) => upstream.id === 'db:alpha')).toMatchObject({
      apiKey: 'sk-alpha',
      name: 'alpha',
      protocol: 'openai',
    });
  });

  it('skips an account whose key cannot be decrypted instead of routing with a bad key', async () => {
    const broken = account('broken', [{ model: 'openai/gpt-4o', priority: 0 }]);
    broken.apiKeyCiphertext = new UpstreamKeyCipher(randomBytes(32)).encrypt('sk-x', broken.id);
    const { routes } = routesOver(() => [broken, account('good', [{ model: 'openai/gpt-4o', priority: 1 }])]);
    await routes.reload();
    expect(routes.current().routes['openai/gpt-4o']).toEqual([{ upstream: 'db:good' }]);
    expect(routes.current().upstreams.map((upstream) => upstream.name)).toEqual(['good']);
  });

  it('routes nothing from the database without an encryption key', async () => {
    const { routes } = routesOver(() => [account('a', [{ model: 'openai/gpt-4o', priority: 0 }])], null);
    await routes.reload();
    expect(routes.current()).toEqual({ upstreams: [], routes: {} });
  });

  it('reloads and tells its listeners when any instance announces a change', async () => {
    let rows: UpstreamAccountEntity[] = [];
    const { routes, pubSub } = routesOver(() => rows);
    await routes.onModuleInit();
    const seen: string[][] = [];
    routes.onChange((snapshot) => seen.push(Object.keys(snapshot.routes)));
    rows = [account('new', [{ model: 'anthropic/claude', priority: 0 }])];
    await pubSub.publish(UPSTREAMS_CHANGED_CHANNEL, 'x');
    await routes.reload();
    routes.onModuleDestroy();
    expect(routes.current().routes['anthropic/claude']).toEqual([{ upstream: 'db:new' }]);
    expect(seen.at(-1)).toEqual(['anthropic/claude']);
  });

  it('keeps the previous routes when the database read fails', async () => {
    let fail = false;
    const rows = [account('a', [{ model: 'openai/gpt-4o', priority: 0 }])];
    const { routes } = routesOver(() => {
      if (fail) throw new Error('connection refused');
      return rows;
    });
    await routes.reload();
    fail = true;
    await routes.reload();
    expect(routes.current().routes['openai/gpt-4o']).toEqual([{ upstream: 'db:a' }]);
  });
});
