/**
 * Tools sent to a model without function calling get a 400 naming the parameter before any
 * upstream call, and an admin who knows better can switch the capability on.
 */
import { ADMIN_ROUTES, type AdminModel, type AuditLogEntry } from '@apilink/contracts';
import { TestSession } from '../../support/test-session';
import { useGateway } from './support/gateway-harness';

// Routed to the OpenAI mock, no tools in the catalog, and used by no other test file: the
// capability switched here is shared by every app booted on the e2e database.
const MODEL = 'openai/gpt-5-chat-latest';
const WEATHER_TOOL = {
  type: 'function',
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};
const ASK = [{ role: 'user', content: 'Weather in Oslo?' }];

describe('tool support of a model', () => {
  const gw = useGateway();
  let admin: TestSession;
  let support: TestSession;

  const post = (body: object) => gw.testApp.http().post('/v1/chat/completions').set(gw.customer.session.bearer()).send(body);
  const capabilities = async () => ((await admin.api('get', ADMIN_ROUTES.model(MODEL)).expect(200)).body as AdminModel).capabilities;

  beforeAll(async () => {
    [admin, support] = await Promise.all([
      TestSession.create(gw.testApp, { role: 'admin', withKey: false }),
      TestSession.create(gw.testApp, { role: 'support', withKey: false }),
    ]);
  });

  describe('while the catalog says no tools', () => {
    it('answers 400 naming tools, and the upstream receives nothing', async () => {
      expect((await capabilities()).tools).toBe(false);
      const response = await post({ model: MODEL, messages: ASK, tools: [WEATHER_TOOL] }).expect(400);
      expect(response.body.error).toMatchObject({
        type: 'invalid_request_error',
        code: 'unsupported_parameter',
        param: 'tools',
        message: 'This model does not support tools (function calling).',
      });
      const forced = await post({ model: MODEL, messages: ASK, tool_choice: 'required' }).expect(400);
      expect(forced.body.error.param).toBe('tool_choice');
      expect(gw.mocks.openai.requests).toHaveLength(0);
    });

    it('still serves a conversation whose history holds earlier tool calls', async () => {
      gw.mocks.openai.enqueueReply({ text: 'It is 5 degrees in Oslo.' });
      const history = [
        ...ASK,
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temperature": 5}' },
      ];
      const response = await post({ model: MODEL, messages: history }).expect(200);
      expect(response.body.choices[0].message.content).toBe('It is 5 degrees in Oslo.');
      expect(gw.mocks.openai.requests).toHaveLength(1);
    });

    it('refuses the change to support staff and leaves the flag as it was', async () => {
      const refused = await support
        .api('patch', ADMIN_ROUTES.model(MODEL))
        .send({ capabilities: { tools: true } })
        .expect(403);
      expect(refused.body.error).toBeDefined();
      expect((await capabilities()).tools).toBe(false);
    });

    it('refuses a capability that is not a boolean, naming it', async () => {
      const response = await admin
        .api('patch', ADMIN_ROUTES.model(MODEL))
        .send({ capabilities: { tools: 'yes' } })
        .expect(400);
      expect(response.body.error.param).toBe('capabilities.tools');
    });
  });

  describe('after an admin switches tools on', () => {
    afterAll(async () => {
      await admin?.api('patch', ADMIN_ROUTES.model(MODEL)).send({ capabilities: { tools: false } });
    });

    it('serves the same request, audits the change and leaves the other flags alone', async () => {
      const before = await capabilities();
      const updated = await admin
        .api('patch', ADMIN_ROUTES.model(MODEL))
        .send({ capabilities: { tools: true }, reason: 'OpenAI documents function calling for it' })
        .expect(200);
      expect((updated.body as AdminModel).capabilities).toEqual({ ...before, tools: true });

      gw.mocks.openai.enqueueReply({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] });
      const response = await post({ model: MODEL, messages: ASK, tools: [WEATHER_TOOL] }).expect(200);
      expect(response.body.choices[0].finish_reason).toBe('tool_calls');
      expect(gw.mocks.openai.requests).toHaveLength(1);
      expect(JSON.stringify(gw.mocks.openai.lastRequest?.body)).toContain('get_weather');

      const audit = await admin
        .api('get', `${ADMIN_ROUTES.auditLog}?action=model.updated&targetId=${encodeURIComponent(MODEL)}&pageSize=1`)
        .expect(200);
      const [entry] = audit.body.data as AuditLogEntry[];
      expect(entry).toMatchObject({
        actor: { userId: admin.user.id, role: 'admin' },
        before: { capabilities: before },
        after: { capabilities: { ...before, tools: true } },
        reason: 'OpenAI documents function calling for it',
      });
    });
  });
});
