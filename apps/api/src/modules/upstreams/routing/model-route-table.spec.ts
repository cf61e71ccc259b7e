import { ECHO_MODEL_ID } from '@apilink/contracts';
import type { ConfigOf } from '../../../config/define-config';
import type { upstreamsConfig } from '../upstreams.config';
import type { DbUpstreamRoutes, DbUpstreamRoutesSnapshot } from './db-upstream-routes';
import { ECHO_UPSTREAM_ACCOUNT } from './model-route';
import { ModelRouteTable } from './model-route-table';

const openai = { id: 'openai', protocol: 'openai' as const, baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-1' };
const backup = { id: 'backup', protocol: 'anthropic' as const, baseUrl: 'https://backup.test', apiKey: 'sk-2' };

function table(options: { routes?: boolean; echo?: boolean; db?: DbUpstreamRoutesSnapshot } = {}) {
  const config = {
    providerAccounts: [openai],
    routes: options.routes
      ? { upstreams: [backup], routes: { 'openai/gpt-4o': [{ upstream: 'backup', model: 'claude-x' }, { upstream: 'openai' }] } }
      : null,
    echoEnabled: options.echo ?? false,
  } as ConfigOf<typeof upstreamsConfig>;
  let listener: (() => void) | null = null;
  let snapshot = options.db ?? { upstreams: [], routes: {} };
  const db = {
    current: () => snapshot,
    onChange: (fn: () => void) => (listener = fn),
  } as unknown as DbUpstreamRoutes;
  return { table: new ModelRouteTable(config, db), change: (next: DbUpstreamRoutesSnapshot) => ((snapshot = next), listener?.()) };
}

const model = (id: string) => ({ id, provider: id.split('/')[0], upstreamModel: id.slice(id.indexOf('/') + 1) });

describe('ModelRouteTable', () => {
  it("routes a model to its provider's account when its key is set", () => {
    expect(table().table.routesFor(model('openai/gpt-4o-mini'))).toEqual([{ account: openai, upstreamModel: 'gpt-4o-mini' }]);
    expect(table().table.routesFor(model('mistral/mistral-large-latest'))).toEqual([]);
  });

  it('uses the routes file order and upstream model ids for the models it lists', () => {
    expect(table({ routes: true }).table.routesFor(model('openai/gpt-4o'))).toEqual([
      { account: backup, upstreamModel: 'claude-x' },
      { account: openai, upstreamModel: 'gpt-4o' },
    ]);
  });

  it('lets database routes take over, and notices when they change', () => {
    const dbAccount = { ...backup, id: 'db:eu', accountId: 'a', name: 'eu', timeoutMs: null, guardAddresses: true as const };
    const { table: routes, change } = table({ routes: true });
    const cleared = jest.fn();
    routes.onClear(cleared);
    expect(routes.routesFor(model('openai/gpt-4o'))[0].account.id).toBe('backup');
    change({ upstreams: [dbAccount], routes: { 'openai/gpt-4o': [{ upstream: 'db:eu' }] } });
    expect(cleared).toHaveBeenCalled();
    expect(routes.routesFor(model('openai/gpt-4o'))).toEqual([{ account: dbAccount, upstreamModel: 'gpt-4o' }]);
  });

  it('serves the demo model in process only while it is enabled', () => {
    expect(table({ echo: true }).table.routesFor(model(ECHO_MODEL_ID))).toEqual([
      { account: ECHO_UPSTREAM_ACCOUNT, upstreamModel: 'echo' },
    ]);
    expect(table({ echo: false }).table.routesFor(model(ECHO_MODEL_ID))).toEqual([]);
  });
});
